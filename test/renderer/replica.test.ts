import { describe, expect, it } from 'vitest';
import type { AppState } from '../../common/state';
import { connectReplica, createReplica } from '../../renderer/src/store/replica';
import { appState, FakeBridge, service } from './fake-bridge';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('the replica of main state', () => {
  it('hydrates once, then applies each patch by replacing the keys it names', async () => {
    const initial = appState([service('a', 'whatsapp', 'WhatsApp')]);
    const bridge = new FakeBridge(initial);
    const replica = createReplica();
    const stop = connectReplica(replica, bridge);
    expect(replica.getState().app).toBeNull();
    await Promise.resolve();
    expect(replica.getState().app).toBe(initial);

    const services = [service('a', 'whatsapp', 'Shop'), service('b', 'telegram', 'Telegram')];
    bridge.push({ services, activeServiceId: 'b' });
    const app = replica.getState().app;
    expect(app?.services).toBe(services);
    expect(app?.activeServiceId).toBe('b');
    expect(app?.runtime).toBe(initial.runtime);
    expect(app?.settings).toBe(initial.settings);

    stop();
    bridge.push({ activeServiceId: 'a' });
    expect(replica.getState().app?.activeServiceId).toBe('b');
  });

  it('drops patches that arrive before the hydrate answer (that answer already holds them)', async () => {
    const bridge = new FakeBridge(appState([]));
    const answer = deferred<AppState>();
    bridge.hydrate = () => answer.promise;
    const replica = createReplica();
    connectReplica(replica, bridge);
    bridge.push({ activeServiceId: 'stale' });
    expect(replica.getState().app).toBeNull();
    const hydrated = appState([service('a', 'whatsapp', 'WhatsApp')]);
    answer.resolve(hydrated);
    await answer.promise;
    expect(replica.getState().app).toBe(hydrated);
    bridge.push({ activeServiceId: null });
    expect(replica.getState().app?.activeServiceId).toBeNull();
  });

  it('reports a failed hydrate', async () => {
    const bridge = new FakeBridge(appState([]));
    const answer = deferred<AppState>();
    bridge.hydrate = () => answer.promise;
    const replica = createReplica();
    connectReplica(replica, bridge);
    answer.reject(new Error('no main'));
    await answer.promise.catch(() => undefined);
    expect(replica.getState()).toEqual({ app: null, failed: true });
  });
});
