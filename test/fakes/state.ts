/** A complete AppState for tests: the given parts over empty defaults. */
import { BUILT_IN_PACK_VERSION } from '../../common/pack-version';
import { DEFAULT_SETTINGS } from '../../common/settings';
import { DEFAULT_SHOP_DATA, type AppState } from '../../common/state';

export function stateOf(parts: Partial<AppState> = {}): AppState {
  return {
    services: [],
    activeServiceId: null,
    view: 'service',
    runtime: {},
    settings: DEFAULT_SETTINGS,
    people: [],
    dismissedSuggestions: [],
    peopleUndo: null,
    notifications: [],
    ...DEFAULT_SHOP_DATA,
    shopUndo: null,
    notices: [],
    os: 'linux',
    systemLanguages: ['en-US'],
    packaged: true,
    demo: false,
    update: { phase: 'idle' },
    packs: { builtIn: BUILT_IN_PACK_VERSION, pinBuiltIn: false, rolledBack: [] },
    ...parts,
  };
}
