/**
 * Keeps the settings file in step with main's store: what persists (services, the active one, settings, people,
 * the shop's data, window placement) is written shortly after it changes, and at once on quit.
 */
import type { AppState } from '../../common/state';
import type { AppStore } from '../core/app-store';
import { addNotice } from '../core/app-store';
import type { Clock, TimerHandle } from '../core/ports';
import type { PersistedDoc, WindowState } from './document';

export const SAVE_DELAY_MS = 300;

export class Persister {
  private timer: TimerHandle | undefined;
  private window: WindowState | null;
  private failed = false;

  constructor(
    private readonly store: AppStore,
    private readonly save: (doc: PersistedDoc) => boolean,
    private readonly clock: Clock,
    private readonly newId: () => string,
    private readonly version: number,
    initialWindow: WindowState | null,
  ) {
    this.window = initialWindow;
    store.subscribe((next, prev) => {
      if (persistedChanged(next, prev)) this.schedule();
    });
  }

  get windowState(): WindowState | null {
    return this.window;
  }

  setWindow(window: WindowState): void {
    this.window = window;
    this.schedule();
  }

  /** Write now if anything is pending (on quit). */
  flush(): void {
    if (this.timer === undefined) return;
    this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.write();
  }

  private schedule(): void {
    if (this.timer !== undefined) return;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.write();
    }, SAVE_DELAY_MS);
  }

  private write(): void {
    const state = this.store.getState();
    const doc: PersistedDoc = { version: this.version, window: this.window, ...pickPersisted(state) };
    const ok = this.save(doc);
    if (!ok && !this.failed) {
      addNotice(this.store, { id: this.newId(), at: this.clock.now(), kind: 'settings-not-saved' });
    }
    this.failed = !ok;
  }
}

const PERSISTED = [
  'services',
  'activeServiceId',
  'view',
  'settings',
  'people',
  'dismissedSuggestions',
  'quickReplies',
  'labels',
  'customers',
] as const satisfies readonly (keyof AppState & keyof PersistedDoc)[];

type Persisted = Pick<AppState, (typeof PERSISTED)[number]>;

/** The parts of the state the settings file keeps (all of PersistedDoc but its version and the window). */
export function pickPersisted(state: AppState): Persisted {
  const { services, activeServiceId, view, settings, people, dismissedSuggestions, quickReplies, labels, customers } = state;
  return { services, activeServiceId, view, settings, people, dismissedSuggestions, quickReplies, labels, customers };
}

function persistedChanged(next: AppState, prev: AppState): boolean {
  return PERSISTED.some((key) => next[key] !== prev[key]);
}
