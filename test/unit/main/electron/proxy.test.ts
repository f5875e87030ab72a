/**
 * The proxy's Electron side (main/electron/proxy.ts) on the typed fake: setProxy on the service's own partition
 * then its connections closed; a connection test through that session with a timeout, answering its proxy's
 * challenge on the request itself; and the app's `login` event
 * answered for a service's page or pop-up (found by its session) or a page-less request, never for the shell's
 * pages nor for a site's own login.
 */
import { describe, expect, it } from 'vitest';
import type { AuthInfoLike } from '../../../../main/electron/api';
import { answerProxyLogins, electronProxySessions } from '../../../../main/electron/proxy';
import { createFakeElectron, FakeApp, FakeEvent, FakeNet } from '../../../fakes/electron';
import type { LoginRequest } from '../../../../main/core/services/proxy';

const proxyAuth = (extra: Partial<AuthInfoLike> = {}): AuthInfoLike => ({ isProxy: true, scheme: 'basic', host: '127.0.0.1', port: 8080, realm: 'wasl', ...extra });

describe('electronProxySessions', () => {
  function setup() {
    const electron = createFakeElectron(new FakeApp());
    const net = new FakeNet();
    const asked: LoginRequest[] = [];
    const sessions = electronProxySessions({
      session: { fromPartition: (partition: string) => electron.sessionFor(partition) },
      net,
      answer: (request) => {
        asked.push(request);
        return request.port === 8080 ? { username: 'amal', password: 's3cret' } : undefined;
      },
    });
    /** Starts a test of WhatsApp's connection: the request it made, and its result to come. */
    const probe = (timeoutMs = 1_000) => {
      const result = sessions.probe('wa', 'https://web.whatsapp.com/', timeoutMs);
      const request = net.requests.at(-1);
      if (!request) throw new Error('no request made');
      return { result, request };
    };
    return { electron, net, asked, sessions, probe };
  }

  it("sets the proxy on the service's own session, then closes its connections", async () => {
    const { electron, sessions } = setup();
    await sessions.apply('wa', { mode: 'fixed_servers', proxyRules: 'socks5://127.0.0.1:1080', proxyBypassRules: '<local>' });
    const own = electron.sessionFor('persist:svc-wa');
    expect(own.proxies).toEqual([{ mode: 'fixed_servers', proxyRules: 'socks5://127.0.0.1:1080', proxyBypassRules: '<local>' }]);
    expect(own.connectionsClosed).toBe(1);
    expect(electron.sessionFor('persist:svc-tg').proxies).toEqual([]);
    await sessions.forgetCredentials('wa');
    expect(own.authCacheCleared).toBe(1);
    expect(own.connectionsClosed).toBe(2);
  });

  it("tests through the service's own session, and answers its proxy's challenge on the request itself", async () => {
    const { electron, asked, probe } = setup();
    const { result, request } = probe();
    expect(request.options).toEqual({ url: 'https://web.whatsapp.com/', session: electron.sessionFor('persist:svc-wa'), redirect: 'manual' });
    expect(request.ended).toBe(true);
    // On every system: the app's login event is not raised for main's own requests on Windows and macOS.
    expect(request.challenge(proxyAuth())).toEqual(['amal', 's3cret']);
    expect(asked).toEqual([{ serviceId: 'wa', isProxy: true, host: '127.0.0.1', port: 8080 }]);
    request.respond(200);
    expect(await result).toEqual({ status: 200 });
    // The body is never read.
    expect(request.aborted).toBe(true);
  });

  it("leaves unanswered a site's own login and a proxy the service has no password for: the status says so", async () => {
    const { asked, probe } = setup();
    const { result, request } = probe();
    expect(request.challenge(proxyAuth({ isProxy: false }))).toEqual([]);
    expect(asked).toEqual([]);
    expect(request.challenge(proxyAuth({ port: 3128 }))).toEqual([]);
    request.respond(407);
    expect(await result).toEqual({ status: 407 });
  });

  it('tells a redirect, an error, and its own timeout apart, each answered once', async () => {
    const { probe } = setup();
    const redirected = probe();
    redirected.request.redirect(302);
    expect(await redirected.result).toEqual({ status: 302 });
    const failed = probe();
    failed.request.fail('net::ERR_TUNNEL_CONNECTION_FAILED');
    failed.request.respond(200);
    expect(await failed.result).toEqual({ error: 'Error: net::ERR_TUNNEL_CONNECTION_FAILED', aborted: false });
    const slow = probe(20);
    expect(await slow.result).toEqual({ error: 'timed out', aborted: true });
    expect(slow.request.aborted).toBe(true);
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
