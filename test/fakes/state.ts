/** A complete AppState for tests: the given parts over empty defaults. */
import { DEFAULT_SETTINGS, type AppState } from '../../common/state';

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
    notices: [],
    os: 'linux',
    ...parts,
  };
}
