/**
 * The shell's replica of every service's chats. Chat lists are large and change often, so they travel apart from
 * the AppState: the replica hydrates once, then applies the deltas main pushes per service with the shared
 * applyChatsDelta (common/chats-delta.ts: `reset` replaces the list; otherwise removals and upserts merge into it,
 * in main's order).
 *
 * Identity is the contract the inbox relies on: a service whose chats did not change keeps its snapshot object,
 * and a chat whose fields did not change keeps its ChatSummary object, even when a delta (or a reset) repeats it.
 * Memoized derivations and rows then recompute only what changed.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { WaslBridge } from '../../../common/bridge';
import { applyChatsDelta } from '../../../common/chats-delta';
import type { ServiceSnapshot } from '../../../common/model';

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
