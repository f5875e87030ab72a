/**
 * What the shell receives of main's state and of the services' chats. While Wasl is locked the shell shows only
 * the lock screen, and it holds nothing it could show either: no chat titles or previews, no notification text,
 * no customer notes, no names, no text searched in a page. Locking clears what the shell had; unlocking sends it
 * all again.
 */
import type { ChatsDelta } from '../../../common/ipc';
import type { ServiceSnapshot } from '../../../common/model';
import { diffState, type AppState, type StatePatch } from '../../../common/state';
import type { AppStore } from './app-store';

/** The same empty values every time, so a locked state's parts compare equal and yield no patch. */
const NONE: never[] = [];
const NOTHING: Record<string, never> = {};

/** The state as the shell may have it: all of it, or while locked only what the lock screen needs. */
export function shellState(state: AppState): AppState {
  if (state.lock?.locked !== true) return state;
  return {
    ...state,
    services: NONE,
    activeServiceId: null,
    runtime: NOTHING,
    people: NONE,
    dismissedSuggestions: NONE,
    peopleUndo: null,
    notifications: NONE,
    quickReplies: NONE,
    labels: NONE,
    customers: NOTHING,
    products: NONE,
    customerFields: NONE,
    shopUndo: null,
    notices: NONE,
    find: null,
    screenShare: null,
    downloads: NONE,
  };
}

export interface ShellFeedDeps {
  store: AppStore;
  /** Every service's chats as the shell sees them. */
  chats(): Record<string, ServiceSnapshot>;
  sendPatch(patch: StatePatch): void;
  sendChats(serviceId: string, delta: ChatsDelta): void;
}

const reset = (snapshot: ServiceSnapshot): ChatsDelta => ({ reset: true, loggedIn: snapshot.loggedIn, unread: snapshot.unread, upsert: snapshot.chats, remove: [] });
const CLEARED: ChatsDelta = { reset: true, loggedIn: false, unread: { direct: 0, indirect: 0 }, upsert: [], remove: [] };

export class ShellFeed {
  constructor(private readonly deps: ShellFeedDeps) {
    deps.store.subscribe((next, prev) => {
      const patch = diffState(shellState(prev), shellState(next));
      if (patch) deps.sendPatch(patch);
      const wasLocked = prev.lock?.locked === true;
      const locked = next.lock?.locked === true;
      if (locked === wasLocked) return;
      for (const [serviceId, snapshot] of Object.entries(deps.chats())) deps.sendChats(serviceId, locked ? CLEARED : reset(snapshot));
    });
  }

  private get locked(): boolean {
    return this.deps.store.getState().lock?.locked === true;
  }

  /** The shell's first state. */
  hydrate(): AppState {
    return shellState(this.deps.store.getState());
  }

  /** The shell's first chats: none while locked. */
  hydrateChats(): Record<string, ServiceSnapshot> {
    return this.locked ? {} : this.deps.chats();
  }

  /** A service's chats changed: the shell hears of it unless Wasl is locked (it gets them all at unlock). */
  chats(serviceId: string, delta: ChatsDelta): void {
    if (!this.locked) this.deps.sendChats(serviceId, delta);
  }
}
