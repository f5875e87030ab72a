/**
 * The shell's replica of every service's chats. Chat lists are large and change often, so they travel apart from
 * the AppState: the replica hydrates once, then applies the deltas main pushes per service (`reset` replaces the
 * list; otherwise removals and upserts merge into it, in main's order).
 *
 * Identity is the contract the inbox relies on: a service whose chats did not change keeps its snapshot object,
 * and a chat whose fields did not change keeps its ChatSummary object, even when a delta (or a reset) repeats it.
 * Memoized derivations and rows then recompute only what changed.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { WaslBridge } from '../../../common/bridge';
import type { ChatsDelta } from '../../../common/ipc';
import type { ChatSummary, ServiceSnapshot } from '../../../common/model';
import type { ChatActivity } from '../../../common/shop/model';

export interface ChatsState {
  /** Each service's chats, by service id. A new record, and a new snapshot for the service, on every change. */
  snapshots: Readonly<Record<string, ServiceSnapshot>>;
  /** The first answer arrived (until then the inbox says it is loading rather than empty). */
  hydrated: boolean;
}

export type ChatsStore = StoreApi<ChatsState>;

export function createChatsReplica(): ChatsStore {
  return createStore<ChatsState>()(() => ({ snapshots: {}, hydrated: false }));
}

const CHAT_FIELDS = ['id', 'title', 'preview', 'lastActivity', 'unread', 'muted', 'kind', 'phone', 'avatarUrl'] as const satisfies readonly (keyof ChatSummary)[];

function sameChat(a: ChatSummary, b: ChatSummary): boolean {
  return CHAT_FIELDS.every((field) => a[field] === b[field]) && sameActivity(a.activity, b.activity);
}

/** Who wrote last can change while nothing else does (a notification before the chat list moves). */
function sameActivity(a: ChatActivity | undefined, b: ChatActivity | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return a.first === b.first && a.lastIn === b.lastIn && a.lastOut === b.lastOut && a.waitingSince === b.waitingSince;
}

/** The snapshot after `delta`; `previous` itself when nothing changed. */
export function applyChatsDelta(previous: ServiceSnapshot | undefined, delta: ChatsDelta): ServiceSnapshot {
  const before = new Map((previous?.chats ?? []).map((c) => [c.id, c]));
  const chats = new Map(delta.reset ? [] : before);
  for (const id of delta.remove) chats.delete(id);
  for (const chat of delta.upsert) {
    const old = before.get(chat.id);
    chats.set(chat.id, old !== undefined && sameChat(old, chat) ? old : chat);
  }
  const list = [...chats.values()];
  const activeChatId = delta.activeChatId === undefined ? previous?.activeChatId : (delta.activeChatId ?? undefined);
  const unchanged =
    previous !== undefined &&
    previous.loggedIn === delta.loggedIn &&
    previous.unread.direct === delta.unread.direct &&
    previous.unread.indirect === delta.unread.indirect &&
    previous.activeChatId === activeChatId &&
    previous.chats.length === list.length &&
    previous.chats.every((c, i) => c === list[i]);
  if (unchanged) return previous;
  const snapshot: ServiceSnapshot = { loggedIn: delta.loggedIn, unread: delta.unread, chats: list };
  if (activeChatId !== undefined) snapshot.activeChatId = activeChatId;
  return snapshot;
}

/**
 * Follows main's chats: subscribes to deltas, then hydrates. A delta that arrives before the hydrate answer is
 * already part of that answer (main sends both in order), so it is dropped. Returns a function that stops.
 */
export function connectChats(store: ChatsStore, bridge: WaslBridge): () => void {
  let stopped = false;
  const stopDeltas = bridge.onChats((serviceId, delta) => {
    const { snapshots, hydrated } = store.getState();
    if (!hydrated) return;
    const previous = snapshots[serviceId];
    const next = applyChatsDelta(previous, delta);
    if (next !== previous) store.setState({ snapshots: { ...snapshots, [serviceId]: next } });
  });
  bridge.hydrateChats().then(
    (snapshots) => {
      if (!stopped) store.setState({ snapshots, hydrated: true });
    },
    () => {
      // Without the first answer the deltas still fill the inbox, service by service, as each page reports.
      if (!stopped) store.setState({ hydrated: true });
    },
  );
  return () => {
    stopped = true;
    stopDeltas();
  };
}
