/**
 * ProxyController (main/core/services/proxy.ts) with a vault in memory and recording sessions: each service's
 * proxy reaches its own session only, before its page loads and again on change (the open page then reloads); the
 * password is kept in the vault and never in the service's choice; proxy challenges are answered only for the
 * service's own proxy, by session or (without a page) when exactly one service fits, at most MAX_PROXY_LOGINS times
 * a minute; a removed service's password is forgotten; the connection test maps what it found.
 */
import { describe, expect, it } from 'vitest';
import type { ServiceConfig } from '../../../../../common/model';
import type { ProxyChoice } from '../../../../../common/proxy';
import { createAppStore, updateService } from '../../../../../main/core/app/app-store';
import { LOGIN_WINDOW_MS, MAX_PROXY_LOGINS, PROXY_TEST_TIMEOUT_MS, ProxyController } from '../../../../../main/core/services/proxy';
import { MemoryLogger } from '../../../../fakes/logger';
import { FakeProxySessions, MemoryVault } from '../../../../fakes/proxy';
import { stateOf } from '../../../../fakes/state';

const service = (id: string, proxy?: ProxyChoice): ServiceConfig => ({
  id,
  platform: 'whatsapp',
  name: id,
  enabled: true,
  muted: false,
  callsAllowed: false,
  ...(proxy ? { proxy } : {}),
});

const HTTP: ProxyChoice = { mode: 'http', host: '127.0.0.1', port: 8080, username: 'amal' };

function setup(services: ServiceConfig[] = [service('wa', HTTP), service('tg')], vault = new MemoryVault()) {
  const store = createAppStore(stateOf({ services }));
  const sessions = new FakeProxySessions();
  const reloads: string[] = [];
  let now = 1_000_000;
  const log = new MemoryLogger();
  const proxy = new ProxyController({
    store,
    vault,
    sessions,
    saveChoice: (id, choice) => {
      updateService(store, id, { proxy: choice });
      return Promise.resolve({ ok: true });
    },
    reload: (id) => reloads.push(id),
    clock: { now: () => now },
    log,
  });
  const stop = proxy.start();
  return { store, sessions, vault, reloads, proxy, log, stop, later: (ms: number) => (now += ms) };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('applying', () => {
  it('gives each session its own proxy before its page loads, once; one never chosen is left as Electron made it', async () => {
    const { proxy, sessions } = setup();
    await proxy.ready('wa');
    await proxy.ready('wa');
    await proxy.ready('tg');
    expect(sessions.applied).toEqual([{ serviceId: 'wa', config: { mode: 'fixed_servers', proxyRules: 'http://127.0.0.1:8080', proxyBypassRules: '<local>' } }]);
  });

  it('applies a changed choice to that session only and reloads its page', async () => {
    const { proxy, sessions, store, reloads } = setup();
    await proxy.ready('wa');
    await proxy.ready('tg');
    updateService(store, 'tg', { proxy: { mode: 'socks5', host: '10.0.0.2', port: 1080 } });
    await flush();
    expect(sessions.applied.slice(1)).toEqual([{ serviceId: 'tg', config: { mode: 'fixed_servers', proxyRules: 'socks5://10.0.0.2:1080', proxyBypassRules: '<local>' } }]);
    expect(reloads).toEqual(['tg']);
    // A change that comes to the same configuration applies nothing and reloads nothing.
    updateService(store, 'tg', { proxy: { mode: 'socks5', host: '10.0.0.2', port: 1080 }, muted: true });
    await flush();
    expect(sessions.applied).toHaveLength(2);
    expect(reloads).toEqual(['tg']);
  });

  it('leaves a session that never loaded alone until its page loads', async () => {
    const { sessions, store, reloads } = setup();
    updateService(store, 'tg', { proxy: { mode: 'none' } });
    await flush();
    expect(sessions.applied).toEqual([]);
    expect(reloads).toEqual([]);
  });
});

describe('proxy.set', () => {
  it('keeps the password in the vault and the choice, without it, in the service', async () => {
    const { proxy, store, vault } = setup([service('wa'), service('tg')]);
    expect(await proxy.command({ type: 'proxy.set', id: 'wa', proxy: HTTP, password: 's3cret' })).toEqual({ ok: true });
    expect(vault.password('wa')).toBe('s3cret');
    expect(store.getState().services[0]?.proxy).toEqual(HTTP);
    expect(JSON.stringify(store.getState())).not.toContain('s3cret');
    expect(store.getState().proxyVault).toEqual({ storage: 'encrypted', saved: ['wa'] });
  });

  it('keeps the saved password when none is given, and forgets it on null', async () => {
    const { proxy, vault } = setup();
    vault.set('wa', 'old');
    await proxy.command({ type: 'proxy.set', id: 'wa', proxy: { ...HTTP, port: 8081 } });
    expect(vault.password('wa')).toBe('old');
    await proxy.command({ type: 'proxy.set', id: 'wa', proxy: HTTP, password: null });
    expect(vault.has('wa')).toBe(false);
  });

  it.each<[string, ProxyChoice]>([
    ['no proxy', { mode: 'none' }],
    ["the system's", { mode: 'system' }],
    ['an HTTP proxy without a user', { mode: 'http', host: 'p.example', port: 1 }],
  ])('forgets a kept password when the choice becomes %s, which cannot send it', async (_name, choice) => {
    const { proxy, vault, store } = setup();
    vault.set('wa', 'old');
    expect(await proxy.command({ type: 'proxy.set', id: 'wa', proxy: choice })).toEqual({ ok: true });
    expect(vault.has('wa')).toBe(false);
    expect(store.getState().proxyVault?.saved).toEqual([]);
  });

  it('refuses a password for SOCKS5, and a password without a user, saving nothing', async () => {
    const { proxy, store, vault } = setup();
    expect(await proxy.command({ type: 'proxy.set', id: 'tg', proxy: { mode: 'socks5', host: 'p.example', port: 1080 }, password: 'x' })).toEqual({
      ok: false,
      error: 'invalid',
      detail: 'socks-auth-unsupported',
    });
    expect(await proxy.command({ type: 'proxy.set', id: 'tg', proxy: { mode: 'https', host: 'p.example', port: 443 }, password: 'x' })).toEqual({
      ok: false,
      error: 'invalid',
      detail: 'password-needs-user',
    });
    expect(store.getState().services[1]?.proxy).toBeUndefined();
    expect(vault.ids()).toEqual([]);
  });

  it('says so when the vault cannot save, and keeps the old choice', async () => {
    const vault = new MemoryVault();
    vault.refuse = true;
    const { proxy, store } = setup([service('wa')], vault);
    expect(await proxy.command({ type: 'proxy.set', id: 'wa', proxy: HTTP, password: 'x' })).toEqual({ ok: false, error: 'failed', detail: 'vault' });
    expect(store.getState().services[0]?.proxy).toBeUndefined();
  });

  it('answers not-found for a service that is not there', async () => {
    const { proxy } = setup();
    expect(await proxy.command({ type: 'proxy.set', id: 'gone', proxy: { mode: 'none' } })).toEqual({ ok: false, error: 'not-found' });
    expect(await proxy.command({ type: 'proxy.test', id: 'gone' })).toEqual({ ok: false, error: 'not-found' });
  });

  it('drops what the session cached and reloads when only the password changes', async () => {
    const { proxy, sessions, vault, reloads } = setup();
    vault.set('wa', 'old');
    await proxy.ready('wa');
    await proxy.command({ type: 'proxy.set', id: 'wa', proxy: HTTP, password: 'new' });
    expect(sessions.calls).toEqual(['apply:wa', 'forget:wa']);
    expect(reloads).toEqual(['wa']);
  });

  it('forgets the password of a removed service, and only then', () => {
    const { vault, store } = setup();
    vault.set('wa', 'old');
    vault.set('tg', 'other');
    store.setState({ services: store.getState().services.filter((s) => s.id !== 'wa') });
    expect(vault.ids()).toEqual(['tg']);
    expect(store.getState().proxyVault?.saved).toEqual(['tg']);
  });

  it('publishes where the passwords are kept and whether the file was damaged', () => {
    const vault = new MemoryVault('this-run');
    vault.damaged = true;
    const { store } = setup([service('wa')], vault);
    expect(store.getState().proxyVault).toEqual({ storage: 'this-run', saved: [], damaged: true });
  });
});

describe('answerLogin', () => {
  const request = { serviceId: 'wa', isProxy: true, host: '127.0.0.1', port: 8080 };

  it("answers the service's own proxy with its credentials", () => {
    const { proxy, vault } = setup();
    vault.set('wa', 's3cret');
    expect(proxy.answerLogin(request)).toEqual({ username: 'amal', password: 's3cret' });
  });

  it.each([
    ['a site asking for a login', { ...request, isProxy: false }],
    ['another proxy', { ...request, port: 3128 }],
    ['another service', { ...request, serviceId: 'tg' }],
  ])('never answers %s', (_name, asked) => {
    const { proxy, vault } = setup();
    vault.set('wa', 's3cret');
    vault.set('tg', 'other');
    expect(proxy.answerLogin(asked)).toBeUndefined();
  });

  it('does not answer without a saved password', () => {
    const { proxy } = setup();
    expect(proxy.answerLogin(request)).toBeUndefined();
  });

  it('answers a challenge without a page only when exactly one credential fits the proxy', () => {
    const { proxy, vault, store } = setup([service('wa', HTTP), service('tg', HTTP), service('ig', { ...HTTP, port: 9090 })]);
    vault.set('wa', 'one');
    vault.set('ig', 'three');
    const worker = { serviceId: undefined, isProxy: true, host: '127.0.0.1', port: 8080 };
    expect(proxy.answerLogin(worker)).toEqual({ username: 'amal', password: 'one' });
    vault.set('tg', 'two');
    expect(proxy.answerLogin(worker)).toBeUndefined();
    // Two services with the very same credentials are one credential.
    vault.set('tg', 'one');
    expect(proxy.answerLogin(worker)).toEqual({ username: 'amal', password: 'one' });
    updateService(store, 'tg', { proxy: { ...HTTP, username: 'other' } });
    expect(proxy.answerLogin(worker)).toBeUndefined();
  });

  it(`answers at most ${String(MAX_PROXY_LOGINS)} times a minute, so a wrong password does not loop`, () => {
    const { proxy, vault, later, log } = setup();
    vault.set('wa', 'wrong');
    for (let i = 0; i < MAX_PROXY_LOGINS; i += 1) expect(proxy.answerLogin(request)).toBeDefined();
    expect(proxy.answerLogin(request)).toBeUndefined();
    expect(log.lines.some((line) => line.message.includes('keeps refusing'))).toBe(true);
    later(LOGIN_WINDOW_MS);
    expect(proxy.answerLogin(request)).toBeDefined();
  });

  it('answers again at once after the password is replaced', async () => {
    const { proxy, vault } = setup();
    vault.set('wa', 'wrong');
    for (let i = 0; i < MAX_PROXY_LOGINS; i += 1) proxy.answerLogin(request);
    await proxy.command({ type: 'proxy.set', id: 'wa', proxy: HTTP, password: 'right' });
    expect(proxy.answerLogin(request)).toEqual({ username: 'amal', password: 'right' });
  });
});

describe('proxy.test', () => {
  it("fetches the service's start page through its session, once its proxy is applied", async () => {
    const { proxy, sessions } = setup();
    expect(await proxy.command({ type: 'proxy.test', id: 'wa' })).toEqual({ ok: true });
    expect(sessions.calls[0]).toBe('apply:wa');
    expect(sessions.probes).toEqual([{ serviceId: 'wa', url: 'https://web.whatsapp.com/', timeoutMs: PROXY_TEST_TIMEOUT_MS }]);
  });

  it.each([
    [{ error: 'Error: net::ERR_PROXY_CONNECTION_FAILED', aborted: false }, 'refused'],
    [{ error: 'Error: net::ERR_SOCKS_CONNECTION_FAILED', aborted: false }, 'socks-failed'],
    [{ error: 'AbortError', aborted: true }, 'timeout'],
    [{ status: 407 }, 'auth-failed'],
    [{ status: 502 }, 'tunnel-failed'],
    [{ error: 'Error: net::ERR_CERT_INVALID', aborted: false }, 'failed:Error: net::ERR_CERT_INVALID'],
  ])('%j → %s', async (result, detail) => {
    const { proxy, sessions } = setup();
    sessions.probeResult = result;
    expect(await proxy.command({ type: 'proxy.test', id: 'wa' })).toEqual({ ok: false, error: 'failed', detail });
  });
});
