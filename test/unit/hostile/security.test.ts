/**
 * Security assertions on everything main/index.ts creates, against the fake `electron` module: the hardened
 * webPreferences of the window, every service view and every pop-up; permission request and check handlers on
 * every session; navigation and window.open refused for a table of hostile URLs in the shell, a service view, a
 * sign-in pop-up and a contents nobody owns; `shell.openExternal` given only http, https and mailto; and a shell
 * CSP that forbids inline script. The pure decisions have their own tests (test/unit/main/security/policy.test.ts,
 * test/unit/main/electron/contents-policy.test.ts); here they are exercised with more hostile input through the wiring.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FakeEvent, type FakeWebContents } from '../../fakes/electron';
import { bootMain, printFigures, type MainUnderTest } from './main-under-test';

vi.mock('electron', async () => (await import('./main-under-test')).fakeElectronModule());
vi.mock('electron-store', async () => (await import('./main-under-test')).fakeElectronStore());

const HARDENED = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  nodeIntegrationInWorker: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
};

/**
 * URLs no contents may navigate to or open inside Wasl. Web links among them may go to the default browser.
 * (`about:blank` and '' open a blank sign-in pop-up by design, which keeps these same policies: policy.test.ts.)
 */
const HOSTILE_URLS = [
  'javascript:alert(document.cookie)',
  'JAVASCRIPT:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0000javascript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'file:///etc/passwd',
  'FILE:///C:/Windows/System32/cmd.exe',
  'file://attacker.example/share/payload.exe',
  'smb://attacker.example/share',
  'chrome://settings',
  'chrome-extension://abcdefghijklmnop/page.html',
  'devtools://devtools/bundled/inspector.html',
  'view-source:https://web.whatsapp.com/',
  'blob:https://web.whatsapp.com/0a1b2c3d',
  'filesystem:https://web.whatsapp.com/temporary/x',
  'ms-settings:privacy',
  'app://wasl.evil.example/index.html',
  'app://evil/index.html',
  'https://web.whatsapp.com.evil.example/',
  'https://web.whatsapp.com@evil.example/',
  'https://user:pass@web.whatsapp.com/',
  'https://web.whatsapp.com%2F@evil.example/',
  'https://web.whatsapp.com%00.evil.example/',
  'https://web.whatsаpp.com/',
  'https://wеb.whatsapp.com/',
  'https://web.whatsapp.com:8443/',
  'http://web.whatsapp.com/',
  'https://evil.example/web.whatsapp.com/',
  '//evil.example/',
  'https://\u202Emoc.ppastahw.bew/',
  'https://xn--wb-tda.whatsapp.com/',
  'ftp://evil.example/',
  'https://',
  'x'.repeat(100_000),
];

const EXTERNAL_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

let main: MainUnderTest;
const figures: Record<string, string | number>[] = [];

beforeAll(async () => {
  main = await bootMain();
});

afterAll(() => {
  main.close();
  printFigures('Security: hostile URLs and hardened contents', figures);
});

/**
 * Tries every hostile URL as a navigation and as window.open in `contents`, each right after a click (the only
 * time a page may hand a link to the browser); answers how many got through.
 */
async function attack(contents: FakeWebContents): Promise<{ navigated: number; opened: number }> {
  let navigated = 0;
  let opened = 0;
  for (const url of HOSTILE_URLS) {
    contents.click();
    if (contents.navigate(url)) navigated += 1;
    const redirect = new FakeEvent() as FakeEvent & { url: string; isMainFrame: boolean };
    Object.assign(redirect, { url, isMainFrame: true });
    contents.emit('will-redirect', redirect);
    if (!redirect.defaultPrevented) navigated += 1;
    if (contents.open(url)?.action !== 'deny') opened += 1;
    // One external link a second is allowed per contents: give each its chance.
    await main.advance(1_000);
  }
  return { navigated, opened };
}

describe('what main creates is locked down', () => {
  it('gives the window, every service view and every sign-in pop-up the hardened webPreferences', () => {
    const wa = main.view('wa1').webContents;
    const popup = wa.open('https://web.whatsapp.com/login');
    expect(popup?.action).toBe('allow');
    const all = [
      ['main window', main.win.options.webPreferences],
      ...main.fake.views.map((v) => [`view ${v.options.webPreferences.partition ?? ''}`, v.options.webPreferences] as const),
      ['sign-in pop-up', popup?.action === 'allow' ? popup.overrideBrowserWindowOptions.webPreferences : undefined],
    ] as const;
    for (const [name, prefs] of all) {
      expect(prefs, name).toMatchObject(HARDENED);
      figures.push({ target: name, checked: 'webPreferences', result: 'sandbox, isolation, no Node, no webview, webSecurity' });
    }
    expect(all.length).toBeGreaterThanOrEqual(4);
  });

  it('puts permission request and check handlers on every session, refusing what a page should never get', async () => {
    expect(main.fake.sessions.size).toBeGreaterThanOrEqual(3);
    for (const [partition, session] of main.fake.sessions) {
      expect(session.requestHandler, partition || 'default session').not.toBeNull();
      expect(session.checkHandler, partition || 'default session').not.toBeNull();
      for (const origin of ['https://evil.example', 'https://web.whatsapp.com.evil.example', 'file:///', 'null', '']) {
        expect(await session.request('notifications', { requestingUrl: origin, isMainFrame: true })).toBe(false);
        expect(session.check('notifications', origin, { isMainFrame: true })).toBe(false);
      }
      for (const permission of ['geolocation', 'midi', 'usb', 'hid', 'serial', 'clipboard-read', 'display-capture', 'pointerLock', 'openExternal']) {
        expect(await session.request(permission, { requestingUrl: 'https://web.whatsapp.com/' })).toBe(false);
        expect(session.check(permission, 'https://web.whatsapp.com')).toBe(false);
      }
      figures.push({ target: partition || 'default session (shell)', checked: 'permission handlers', result: 'request + check, hostile refused' });
    }
    // The service's own notifications still work: the handlers are not simply "deny all" everywhere.
    expect(await main.fake.sessionFor('persist:svc-wa1').request('notifications', { requestingUrl: 'https://web.whatsapp.com/', isMainFrame: true })).toBe(true);
  });

  it('refuses every hostile URL in the shell, a service view, a pop-up and an unowned contents; only web links leave', async () => {
    const wa = main.view('wa1').webContents;
    const popup = main.fake.popup(wa, 'about:blank')?.webContents;
    if (!popup) throw new Error('the sign-in pop-up was refused');
    const stray = main.fake.createContents(main.fake.sessionFor('persist:stray'));
    const opened = main.fake.shell.opened;
    opened.length = 0;
    for (const [name, contents] of [
      ['shell', main.win.webContents],
      ['WhatsApp view', wa],
      ['sign-in pop-up', popup],
      ['unowned contents', stray],
    ] as const) {
      const before = opened.length;
      const result = await attack(contents);
      expect(result, name).toEqual({ navigated: 0, opened: 0 });
      figures.push({ target: name, checked: `${HOSTILE_URLS.length} hostile URLs × 3 ways`, result: `0 loaded inside, ${opened.length - before} sent to the browser` });
    }
    // The pop-up still does its job, and the guard is not a blanket refusal.
    expect(popup.navigate('https://web.whatsapp.com/callback')).toBe(true);
    expect(stray.navigate('https://web.whatsapp.com/')).toBe(false);
    // The shell's own origin is the shell's alone.
    expect(main.win.webContents.navigate('app://wasl/index.html')).toBe(true);
    for (const contents of [wa, popup, stray]) expect(contents.navigate('app://wasl/index.html')).toBe(false);

    for (const url of opened) {
      const parsed = new URL(url);
      expect(EXTERNAL_SCHEMES.has(parsed.protocol), url).toBe(true);
      expect(parsed.username + parsed.password, url).toBe('');
    }
    expect(opened.some((u) => u.startsWith('https://xn--'))).toBe(true);
    figures.push({ target: 'shell.openExternal', checked: `${opened.length} calls`, result: 'only http/https/mailto, no user info' });
  }, 60_000);

  it('lets no page open the default browser or mail client unless the user just clicked or pressed a key in it', async () => {
    const wa = main.view('wa1').webContents;
    const opened = main.fake.shell.opened;
    await main.advance(5_000);
    const before = opened.length;
    expect(wa.open('https://example.com/unasked')).toEqual({ action: 'deny' });
    expect(wa.navigate('mailto:shop@example.com')).toBe(false);
    expect(opened.slice(before)).toEqual([]);
    wa.click();
    expect(wa.open('https://example.com/asked')).toEqual({ action: 'deny' });
    expect(opened.slice(before)).toEqual(['https://example.com/asked']);
  });

  it('blocks <webview> in every contents', () => {
    for (const contents of [main.win.webContents, ...main.fake.views.map((v) => v.webContents)]) {
      const event = new FakeEvent();
      contents.emit('will-attach-webview', event, {}, {});
      expect(event.defaultPrevented).toBe(true);
    }
  });

  it('serves the shell with a CSP that forbids inline and foreign script', async () => {
    const serve = main.fake.protocol.handlers.get('app');
    if (!serve) throw new Error('app:// is not served');
    for (const url of ['app://wasl/index.html', 'app://wasl/missing.js', 'app://wasl/../../etc/passwd']) {
      const response = await serve({ url });
      const csp = response.headers.get('content-security-policy') ?? '';
      const directives = new Map(
        csp
          .split(';')
          .map((d) => d.trim().split(/\s+/u))
          .filter((parts) => parts[0] !== undefined && parts[0] !== '')
          .map(([name = '', ...sources]) => [name.toLowerCase(), sources.map((s) => s.toLowerCase())]),
      );
      const script = directives.get('script-src') ?? directives.get('default-src') ?? [];
      expect(script.length, url).toBeGreaterThan(0);
      for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'", '*', 'data:', 'blob:', 'http:', 'https:', 'filesystem:']) {
        expect(script, `${url}: script-src ${unsafe}`).not.toContain(unsafe);
      }
      expect(directives.get('script-src-attr') ?? ["'none'"]).not.toContain("'unsafe-inline'");
      expect(directives.get('default-src')).toEqual(["'none'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('base-uri')).toEqual(["'none'"]);
      expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    figures.push({ target: 'app:// CSP', checked: 'script-src, default-src, object-src, base-uri, frame-ancestors', result: "no inline or foreign script; 'none' elsewhere" });
  });
});
