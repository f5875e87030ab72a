/**
 * The shell's replica of main's AppState. Main owns the truth: the replica hydrates once, then applies the
 * patches main pushes. Nothing here changes the state on its own; commands go to main through the bridge and
 * come back as patches.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { WaslBridge } from '../../../common/bridge';
import { applyPatch, type AppState } from '../../../common/state';

export interface ReplicaState {
  /** Null until the first hydrate answers. */
  app: AppState | null;
  /** Hydrating failed: the shell cannot show anything useful. */
  failed: boolean;
}

export type ReplicaStore = StoreApi<ReplicaState>;

export function createReplica(): ReplicaStore {
  return createStore<ReplicaState>()(() => ({ app: null, failed: false }));
}

/**
 * Follows main: subscribes to patches, then hydrates. A patch that arrives before the hydrate answer is already
 * part of that answer (main sends both on one ordered channel), so it is dropped rather than applied over a newer
 * state. Returns a function that stops following.
 */
export function connectReplica(store: ReplicaStore, bridge: WaslBridge): () => void {
  let stopped = false;
  const stopPatches = bridge.onPatch((patch) => {
    const { app } = store.getState();
    if (app !== null) store.setState({ app: applyPatch(app, patch) });
  });
  bridge.hydrate().then(
    (app) => {
      if (!stopped) store.setState({ app, failed: false });
    },
    () => {
      if (!stopped) store.setState({ failed: true });
    },
  );
  return () => {
    stopped = true;
    stopPatches();
  };
}
