/**
 * A service's proxy carrying real traffic in Chromium. A platform fixture (WhatsApp's) is served on 127.0.0.1 and
 * reached as `http://wasl-fixture.test:<port>/`, a name only the test proxies resolve, so the page loads only if its
 * requests go through the proxy. Chromium is launched with the proxy rules and bypass list Wasl's own model gives
 * for the service's choice (common/proxy.ts electronProxyConfig), as Electron's setProxy would get them:
 * - an HTTP proxy carries the page's requests, and its CONNECT tunnels (a WebSocket);
 * - a SOCKS5 proxy carries them, the host name sent to the proxy;
 * - a proxy demanding credentials gets them from Wasl's login answer (ProxyController.answerLogin, called from
 *   Chromium's auth challenge through CDP as Electron's `login` event would), and a site's own challenge gets none;
 * - a wrong password is answered a few times only, then the load fails, and the error means "auth-failed";
 * - a refusing proxy (closed port) and a SOCKS5 proxy demanding a password (which Chromium cannot send) fail with
 *   the errors Wasl's mapping turns into "refused" and "socks-failed".
 */
import { createServer, type Server } from 'node:http';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceConfig } from '../../common/model';
import { electronProxyConfig, outcomeOfError, outcomeOfStatus, type ProxyChoice } from '../../common/proxy';
import { createAppStore, updateService } from '../../main/core/app/app-store';
import { MAX_PROXY_LOGINS, ProxyController } from '../../main/core/services/proxy';
import { launchChromium } from '../support/chromium';
import { serveFixture } from '../support/fixture-server';
import { closedPort, startHttpProxy, startSocks5Proxy, type TestProxy } from '../support/proxy-servers';
import type { StaticServer } from '../support/static-server';
import { FakeProxySessions, MemoryVault } from '../fakes/proxy';
import { MemoryLogger } from '../fakes/logger';
import { stateOf } from '../fakes/state';

let fixture: StaticServer;
let fixturePort: number;
let site: Server;
let siteAuthorizations: (string | undefined)[];
let sitePort: number;
const open: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  fixture = await serveFixture('whatsapp');
  fixturePort = Number(new URL(fixture.url).port);
  // A site of its own that asks for a login (401), recording what it was sent.
  siteAuthorizations = [];
  site = createServer((req, res) => {
    siteAuthorizations.push(req.headers.authorization);
    res.writeHead(401, { 'www-authenticate': 'Basic realm="site"' }).end('site login');
  });
  sitePort = await new Promise<number>((resolve) => {
    site.listen(0, '127.0.0.1', () => {
      const address = site.address();
      resolve(typeof address === 'object' && address !== null ? address.port : 0);
    });
  });
});

afterAll(async () => {
  await fixture.close();
  await new Promise<void>((resolve) => site.close(() => resolve()));
});

afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.close();
});

const pageUrl = (): string => `http://wasl-fixture.test:${String(fixturePort)}/`;

/** Chromium with the switches Electron's setProxy stands for: Wasl's own rules and bypass list for `choice`. */
async function browserFor(choice: ProxyChoice): Promise<Browser> {
  const config = electronProxyConfig(choice);
  if (config.mode !== 'fixed_servers') throw new Error(`not a server: ${JSON.stringify(config)}`);
  const browser = await launchChromium([`--proxy-server=${config.proxyRules}`, `--proxy-bypass-list=${config.proxyBypassRules}`]);
  open.push(browser);
  return browser;
}

/** Main's proxy controller for one service using `choice`, with `password` saved for it. */
function controllerFor(choice: ProxyChoice, password?: string): ProxyController {
  const service: ServiceConfig = { id: 'wa', platform: 'whatsapp', name: 'Shop', enabled: true, muted: false, callsAllowed: false, proxy: choice };
  const store = createAppStore(stateOf({ services: [service] }));
  const vault = new MemoryVault();
  if (password !== undefined) vault.set('wa', password);
  let now = 0;
  const controller = new ProxyController({
    store,
    vault,
    sessions: new FakeProxySessions(),
    saveChoice: (id, proxy) => {
      updateService(store, id, { proxy });
      return Promise.resolve({ ok: true });
    },
    reload: () => undefined,
    clock: { now: () => (now += 1) },
    log: new MemoryLogger(),
  });
  controller.start();
  return controller;
}

interface Challenges {
  proxy: number;
  server: number;
}

/**
 * Answers Chromium's auth challenges as Electron's `login` event does in Wasl: the proxy's or the site's, asked of
 * the controller for the service whose page this is; no answer cancels.
 */
async function answerWith(page: Page, controller: ProxyController): Promise<Challenges> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const seen: Challenges = { proxy: 0, server: 0 };
  cdp.on('Fetch.requestPaused', (event: { requestId: string }) => {
    void cdp.send('Fetch.continueRequest', { requestId: event.requestId }).catch(() => undefined);
  });
  cdp.on('Fetch.authRequired', (event: { requestId: string; authChallenge: { source?: 'Server' | 'Proxy'; origin: string } }) => {
    const isProxy = event.authChallenge.source === 'Proxy';
    if (isProxy) seen.proxy += 1;
    else seen.server += 1;
    const origin = new URL(event.authChallenge.origin);
    const credentials = controller.answerLogin({ serviceId: 'wa', isProxy, host: origin.hostname, port: Number(origin.port) });
    void cdp
      .send('Fetch.continueWithAuth', {
        requestId: event.requestId,
        authChallengeResponse: credentials ? { response: 'ProvideCredentials', username: credentials.username, password: credentials.password } : { response: 'CancelAuth' },
      })
      .catch(() => undefined);
  });
  await cdp.send('Fetch.enable', { handleAuthRequests: true, patterns: [{ urlPattern: '*' }] });
  return seen;
}

/** Loads the fixture page and waits for its script to build the chat list. */
async function loadFixture(page: Page): Promise<void> {
  await page.goto(pageUrl(), { timeout: 15_000 });
  await page.locator('#pane-side').waitFor({ timeout: 10_000 });
}

/** What Wasl's mapping makes of a failed load: Chromium's error, or the status the page got. */
async function loadOutcome(page: Page): Promise<string> {
  try {
    const response = await page.goto(pageUrl(), { timeout: 15_000 });
    return outcomeOfStatus(response?.status() ?? 0);
  } catch (error) {
    return outcomeOfError(String(error), false);
  }
}

const paths = (proxy: TestProxy): string[] => proxy.records.filter((r) => r.kind === 'http').map((r) => new URL(r.target.split(' ')[1] ?? '').pathname);

describe('through an HTTP proxy', () => {
  it("carries the page's requests, and opens tunnels with CONNECT", async () => {
    const proxy = await startHttpProxy();
    open.push(proxy);
    const page = await (await browserFor({ mode: 'http', host: '127.0.0.1', port: proxy.port })).newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await loadFixture(page);
    expect(paths(proxy)).toEqual(expect.arrayContaining(['/', '/app.js', '/lib/fixture.js']));
    // Every request the page made went through the proxy (Chromium's own background requests do too, as tunnels).
    const carried = proxy.records.filter((r) => r.kind === 'http').map((r) => r.target.split(' ')[1]);
    expect(requested.length).toBeGreaterThanOrEqual(3);
    expect(requested.filter((url) => !carried.includes(url))).toEqual([]);
    // A WebSocket goes through an HTTP proxy as a CONNECT tunnel, as an https page's requests do.
    await page.evaluate((url) => {
      const socket = new WebSocket(url);
      socket.onerror = () => socket.close();
    }, `ws://wasl-fixture.test:${String(fixturePort)}/socket`);
    await expect.poll(() => proxy.records.filter((r) => r.kind === 'connect').map((r) => r.target)).toContain(`wasl-fixture.test:${String(fixturePort)}`);
  }, 60_000);

  it('gives the proxy the credentials Wasl answers for it, and none to a site asking for a login', async () => {
    const proxy = await startHttpProxy('amal:كلمة-سر');
    open.push(proxy);
    const choice: ProxyChoice = { mode: 'http', host: '127.0.0.1', port: proxy.port, username: 'amal' };
    const page = await (await browserFor(choice)).newPage();
    const seen = await answerWith(page, controllerFor(choice, 'كلمة-سر'));
    await loadFixture(page);
    expect(seen.proxy).toBeGreaterThanOrEqual(1);
    expect(proxy.challenges).toBeGreaterThanOrEqual(1);
    expect(proxy.records.filter((r) => r.credentials === 'amal:كلمة-سر').map((r) => new URL(r.target.split(' ')[1] ?? '').pathname)).toEqual(
      expect.arrayContaining(['/', '/app.js']),
    );
    // A site's own login, reached through the same proxy: asked, never answered with the proxy's credentials.
    const response = await page.goto(`http://wasl-site.test:${String(sitePort)}/private`, { timeout: 15_000 });
    expect(response?.status()).toBe(401);
    expect(seen.server).toBe(1);
    expect(siteAuthorizations.length).toBeGreaterThanOrEqual(1);
    expect(siteAuthorizations.every((header) => header === undefined)).toBe(true);
  }, 60_000);

  it(`answers a wrong password at most ${String(MAX_PROXY_LOGINS)} times, and the load fails as "auth-failed"`, async () => {
    const proxy = await startHttpProxy('amal:right');
    open.push(proxy);
    const choice: ProxyChoice = { mode: 'http', host: '127.0.0.1', port: proxy.port, username: 'amal' };
    const page = await (await browserFor(choice)).newPage();
    const seen = await answerWith(page, controllerFor(choice, 'wrong'));
    expect(await loadOutcome(page)).toBe('auth-failed');
    expect(proxy.records.filter((r) => r.credentials === 'amal:wrong').length).toBeLessThanOrEqual(MAX_PROXY_LOGINS);
    expect(seen.proxy).toBeLessThanOrEqual(MAX_PROXY_LOGINS + 1);
    expect(proxy.records.some((r) => r.credentials === 'amal:right')).toBe(false);
  }, 60_000);

  it('refused (nothing at the port): the error Wasl calls "refused"', async () => {
    const page = await (await browserFor({ mode: 'http', host: '127.0.0.1', port: await closedPort() })).newPage();
    expect(await loadOutcome(page)).toBe('refused');
  }, 60_000);
});

describe('through a SOCKS5 proxy', () => {
  it("carries the page's requests, the host name resolved by the proxy", async () => {
    const proxy = await startSocks5Proxy();
    open.push(proxy);
    const page = await (await browserFor({ mode: 'socks5', host: '127.0.0.1', port: proxy.port })).newPage();
    await loadFixture(page);
    // The page's name means nothing to this machine: it loaded because the proxy resolved it and connected.
    expect(proxy.records.map((r) => r.target)).toContain(`wasl-fixture.test:${String(fixturePort)}`);
  }, 60_000);

  it('demanding a password Chromium cannot send: the error Wasl calls "socks-failed"', async () => {
    const proxy = await startSocks5Proxy(true);
    open.push(proxy);
    const page = await (await browserFor({ mode: 'socks5', host: '127.0.0.1', port: proxy.port })).newPage();
    expect(await loadOutcome(page)).toBe('socks-failed');
    expect(proxy.challenges).toBeGreaterThanOrEqual(1);
    expect(proxy.records).toEqual([]);
  }, 60_000);

  it('refused (nothing at the port): the error Wasl calls "refused"', async () => {
    const page = await (await browserFor({ mode: 'socks5', host: '127.0.0.1', port: await closedPort() })).newPage();
    expect(await loadOutcome(page)).toBe('refused');
  }, 60_000);
});
