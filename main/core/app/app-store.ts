/**
 * Main's single source of truth: a vanilla zustand store holding the AppState the shell mirrors, and the state it
 * starts from.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ServiceConfig } from '../../../common/model';
import { BUILT_IN_PACK_VERSION } from '../../../common/pack-version';
import { initialRuntime, type AppState, type Notice, type ServiceRuntime } from '../../../common/state';
import type { PersistedDoc } from '../settings/document';

export type AppStore = StoreApi<AppState>;

export function createAppStore(initial: AppState): AppStore {
  return createStore<AppState>()(() => initial);
}

/** The state at start: the settings document's, every service not started yet, and what this run brings. */
export function initialState(doc: PersistedDoc, run: Pick<AppState, 'notifications' | 'notices' | 'os' | 'systemLanguages' | 'packaged' | 'demo'>): AppState {
  return {
    services: doc.services,
    activeServiceId: doc.activeServiceId,
    view: doc.view,
    runtime: Object.fromEntries(doc.services.map((s) => [s.id, initialRuntime(s.enabled)])),
    settings: doc.settings,
    people: doc.people,
    dismissedSuggestions: doc.dismissedSuggestions,
    peopleUndo: null,
    quickReplies: doc.quickReplies,
    labels: doc.labels,
    customers: doc.customers,
    products: doc.products,
    customerFields: doc.customerFields,
    shopUndo: null,
    update: { phase: 'idle' },
    packs: { builtIn: BUILT_IN_PACK_VERSION, pinBuiltIn: doc.packs.pinBuiltIn, rolledBack: doc.packs.rolledBack },
    ...run,
  };
}

export function updateRuntime(store: AppStore, id: string, change: Partial<ServiceRuntime>): void {
  const state = store.getState();
  const current = state.runtime[id];
  if (!current) return;
  // A field set to undefined is removed, so "no retry scheduled" is an absent retryAt, not an undefined one.
  const next: ServiceRuntime = { ...current, ...change };
  for (const [key, value] of Object.entries(change as Record<string, unknown>)) if (value === undefined) Reflect.deleteProperty(next, key);
  store.setState({ runtime: { ...state.runtime, [id]: next } });
}

export function updateService(store: AppStore, id: string, change: Partial<ServiceConfig>): void {
  const state = store.getState();
  store.setState({ services: state.services.map((s) => (s.id === id ? { ...s, ...change } : s)) });
}

/** Adds a notice; one saying the very same thing (all but its id and moment) gives way to it, so a repeat does not pile up. */
export function addNotice(store: AppStore, notice: Notice): void {
  const said = sayingOf(notice);
  store.setState({ notices: [...store.getState().notices.filter((n) => sayingOf(n) !== said), notice] });
}

function sayingOf(notice: Notice): string {
  const { id: _id, at: _at, ...saying } = notice;
  return JSON.stringify(saying);
}
