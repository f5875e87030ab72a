/**
 * The proxy's Electron side (main/electron/proxy.ts) on the typed fake: setProxy on the service's own partition
 * then its connections closed; a connection test through that session with a timeout; and the app's `login` event
 * answered for a service's page or pop-up (found by its session) or a page-less request, never for the shell's
 * pages nor for a site's own login.
 */
import { describe, expect, it } from 'vitest';
import type { AuthInfoLike } from '../../../../main/electron/api';
import { answerProxyLogins, electronProxySessions } from '../../../../main/electron/proxy';
import { createFakeElectron, FakeApp, FakeEvent } from '../../../fakes/electron';
import type { LoginRequest } from '../../../../main/core/services/proxy';

const proxyAuth = (extra: Partial<AuthInfoLike> = {}): AuthInfoLike => ({ isProxy: true, scheme: 'basic', host: '127.0.0.1', port: 8080, realm: 'wasl', ...extra });

describe('electronProxySessions', () => {
  it("sets the proxy on the service's own session, then closes its connections", async () => {
    const electron = createFakeElectron(new FakeApp());
    const sessions = electronProxySessions({ session: electron.session });
    await sessions.apply('wa', { mode: 'fixed_servers', proxyRules: 'socks5://127.0.0.1:1080', proxyBypassRules: '<local>' });
    const own = electron.sessionFor('persist:svc-wa');
    expect(own.proxies).toEqual([{ mode: 'fixed_servers', proxyRules: 'socks5://127.0.0.1:1080', proxyBypassRules: '<local>' }]);
    expect(own.connectionsClosed).toBe(1);
    expect(electron.sessionFor('persist:svc-tg').proxies).toEqual([]);
    await sessions.forgetCredentials('wa');
    expect(own.authCacheCleared).toBe(1);
    expect(own.connectionsClosed).toBe(2);
  });

  it('tells a status, an error, and its own timeout apart', async () => {
    const electron = createFakeElectron(new FakeApp());
    const sessions = electronProxySessions({ session: electron.session });
    const own = electron.sessionFor('persist:svc-wa');
    own.fetchHandler = () => Promise.resolve({ ok: false, status: 407, headers: { get: () => null }, body: null });
    expect(await sessions.probe('wa', 'https://web.whatsapp.com/', 1_000)).toEqual({ status: 407 });
    own.fetchHandler = () => Promise.reject(new Error('net::ERR_TUNNEL_CONNECTION_FAILED'));
    expect(await sessions.probe('wa', 'https://web.whatsapp.com/', 1_000)).toEqual({ error: 'Error: net::ERR_TUNNEL_CONNECTION_FAILED', aborted: false });
    own.fetchHandler = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('This operation was aborted', 'AbortError'))));
    expect(await sessions.probe('wa', 'https://web.whatsapp.com/', 20)).toMatchObject({ aborted: true });
  });
});

describe('answerProxyLogins', () => {
  function setup() {
    const app = new FakeApp();
    const electron = createFakeElectron(app);
    const asked: LoginRequest[] = [];
    answerProxyLogins({
      app,
      session: electron.session,
      serviceIds: () => ['wa', 'tg'],
      answer: (request) => {
        asked.push(request);
        return request.serviceId === 'tg' ? undefined : { username: 'amal', password: 's3cret' };
      },
    });
    const login = (webContents: { session: unknown } | null, authInfo: AuthInfoLike) => {
      const event = new FakeEvent();
      const answers: (string | undefined)[][] = [];
      app.emit('login', event, webContents, { url: 'https://web.whatsapp.com/' }, authInfo, (username?: string, password?: string) => answers.push([username, password]));
      return { prevented: event.defaultPrevented, answers };
    };
    return { electron, asked, login };
  }

  it("answers a service page's proxy challenge, naming the service by the page's session", () => {
    const { electron, asked, login } = setup();
    expect(login({ session: electron.sessionFor('persist:svc-wa') }, proxyAuth())).toEqual({ prevented: true, answers: [['amal', 's3cret']] });
    expect(asked).toEqual([{ serviceId: 'wa', isProxy: true, host: '127.0.0.1', port: 8080 }]);
  });

  it('passes a challenge without a page on as such', () => {
    const { asked, login } = setup();
    expect(login(null, proxyAuth()).prevented).toBe(true);
    expect(asked[0]?.serviceId).toBeUndefined();
  });

  it("leaves unanswered a site's own login, the shell's pages, and what the controller will not answer", () => {
    const { electron, asked, login } = setup();
    expect(login({ session: electron.sessionFor('persist:svc-wa') }, proxyAuth({ isProxy: false }))).toEqual({ prevented: false, answers: [] });
    expect(login({ session: electron.sessionFor('') }, proxyAuth())).toEqual({ prevented: false, answers: [] });
    expect(asked).toEqual([]);
    expect(login({ session: electron.sessionFor('persist:svc-tg') }, proxyAuth())).toEqual({ prevented: false, answers: [] });
  });
});
