import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ServiceConfig } from '../../../../common/model';
import type { InputLike } from '../../../../main/electron/api';
import { GESTURE_MS, type ContentsPolicy, type ContentsPolicyDeps, type Owner } from '../../../../main/electron/contents-policy';
import { type ManualClock } from '../../../fakes/clock';
import { FakeEvent, FakeNavigation, FakeWindow, type FakeElectron, type FakeWebContents } from '../../../fakes/electron';
import { type MemoryLogger } from '../../../fakes/logger';
import { assertSafeExternal, flush, guardedFake, HARDENED, service } from './support';

interface Harness {
  fake: FakeElectron;
  policy: ContentsPolicy;
  clock: ManualClock;
  log: MemoryLogger;
  services: Map<string, ServiceConfig>;
  onInput: ContentsPolicyDeps['onInput'];
  /** A new contents, announced on app 'web-contents-created' as Electron does, owned by `owner`. */
  contents(owner?: 'shell' | { service: string }): FakeWebContents;
}

let current: Harness | undefined;

function setup(onInput: ContentsPolicyDeps['onInput'] = () => false): Harness {
  const services = new Map<string, ServiceConfig>([
    ['wa', service('wa', 'whatsapp')],
    ['tg', service('tg', 'telegram')],
    ['custom', service('custom', 'custom', { url: 'https://chat.example.com/app' })],
  ]);
  const { fake, policy, clock, log } = guardedFake(services, onInput);
  const contents = (owner?: 'shell' | { service: string }): FakeWebContents => {
    const created = fake.createContents(fake.sessionFor(owner === undefined || owner === 'shell' ? '' : `persist:svc-${owner.service}`));
    if (owner === 'shell') policy.assign(created.id, { kind: 'shell' });
    else if (owner) policy.assign(created.id, { kind: 'service', serviceId: owner.service });
    return created;
  };
  current = { fake, policy, clock, log, services, onInput, contents };
  return current;
}

afterEach(() => {
  // Whatever a test did, nothing but http, https and mailto (without credentials) reached the OS.
  if (current) assertSafeExternal(current.fake.shell.opened);
  current = undefined;
});

type Outcome = 'allow' | 'external' | 'deny';

/** What happened to a top-level navigation: stayed, went to the default browser, or was refused. */
function navigate(h: Harness, contents: FakeWebContents, url: string, event: 'will-navigate' | 'will-redirect' = 'will-navigate'): Outcome {
  const before = h.fake.shell.opened.length;
  const details = new FakeNavigation(url, true);
  contents.emit(event, details);
  if (!details.defaultPrevented) {
    expect(h.fake.shell.opened.length, 'an allowed navigation also opened a browser').toBe(before);
    return 'allow';
  }
  return h.fake.shell.opened.length > before ? 'external' : 'deny';
}

describe('ContentsPolicy: navigations of a WhatsApp service', () => {
  const table: [string, Outcome, string?][] = [
    ['https://web.whatsapp.com/', 'allow'],
    ['https://web.whatsapp.com/send?phone=201000000000', 'allow'],
    ['https://web.whatsapp.com.evil.example/', 'external', 'https://web.whatsapp.com.evil.example/'],
    ['https://web.whatsapp.com@evil.example/', 'deny'],
    ['https://evil.example/#web.whatsapp.com', 'external', 'https://evil.example/#web.whatsapp.com'],
    // Cyrillic "е": parsed to punycode, a different origin.
    ['https://w\u0435b.whatsapp.com/', 'external', 'https://xn--wb-nlc.whatsapp.com/'],
    ['http://web.whatsapp.com/', 'external', 'http://web.whatsapp.com/'],
    ['https://web.whatsapp.com:8443/', 'external', 'https://web.whatsapp.com:8443/'],
    ['javascript:alert(1)', 'deny'],
    ['JaVaScRiPt:alert(document.cookie)', 'deny'],
    ['file:///etc/passwd', 'deny'],
    // A file URL with a host is a UNC path on Windows.
    ['file://evil.example/share/payload.exe', 'deny'],
    ['data:text/html,<script>alert(1)</script>', 'deny'],
    ['chrome://settings', 'deny'],
    ['devtools://devtools/bundled/inspector.html', 'deny'],
    ['app://wasl/index.html', 'deny'],
    ['ms-msdt:/id PCWDiagnostic', 'deny'],
    ['mailto:a@b.c', 'external', 'mailto:a@b.c'],
    ['https://user:pw@example.com/', 'deny'],
    ['https://user@example.com/', 'deny'],
    ['not a url at all', 'deny'],
    ['', 'deny'],
  ];

  it.each(table)('%j → %s', (url, outcome, opened) => {
    const h = setup();
    const contents = h.contents({ service: 'wa' });
    contents.click();
    expect(navigate(h, contents, url)).toBe(outcome);
    expect(h.fake.shell.opened).toEqual(opened === undefined ? [] : [opened]);
  });

  it.each(table)('will-redirect to %j → %s', (url, outcome) => {
    const h = setup();
    const contents = h.contents({ service: 'wa' });
    contents.click();
    expect(navigate(h, contents, url, 'will-redirect')).toBe(outcome);
  });

  it('leaves sub-frame navigations alone', () => {
    const h = setup();
    const contents = h.contents({ service: 'wa' });
    for (const url of ['https://evil.example/', 'javascript:alert(1)', 'https://www.youtube.com/embed/x']) {
      const details = new FakeNavigation(url, false);
      contents.emit('will-navigate', details);
      expect(details.defaultPrevented, url).toBe(false);
    }
    expect(h.fake.shell.opened).toEqual([]);
  });

  it('follows a service’s current origins (a custom service’s URL may change)', () => {
    const h = setup();
    const contents = h.contents({ service: 'custom' });
    contents.click();
    expect(navigate(h, contents, 'https://chat.example.com/room/1')).toBe('allow');
    h.services.set('custom', service('custom', 'custom', { url: 'https://talk.example.org/' }));
    expect(navigate(h, contents, 'https://chat.example.com/room/1')).toBe('external');
    expect(navigate(h, contents, 'https://talk.example.org/x')).toBe('allow');
  });

  it('refuses every navigation of a service that no longer exists', () => {
    const h = setup();
    const contents = h.contents({ service: 'wa' });
    h.services.delete('wa');
    expect(navigate(h, contents, 'https://web.whatsapp.com/')).toBe('deny');
    expect(navigate(h, contents, 'https://example.com/')).toBe('deny');
  });

  it('refuses every window.open of a service that no longer exists, even about:blank', () => {
    const h = setup();
    const contents = h.contents({ service: 'wa' });
    h.services.delete('wa');
    for (const url of ['about:blank', 'https://web.whatsapp.com/', 'https://example.com/']) {
      expect(contents.open(url)).toEqual({ action: 'deny' });
    }
    expect(h.fake.shell.opened).toEqual([]);
  });

  it('logs refusals with a bounded URL', () => {
    const h = setup();
    const contents = h.contents({ service: 'wa' });
    navigate(h, contents, `javascript:${'x'.repeat(5000)}`);
    const line = h.log.lines.find((l) => l.message === 'refused a navigation');
    expect(line?.level).toBe('warn');
    expect(String(line?.fields?.['url']).length).toBeLessThanOrEqual(200);
  });
});

describe('ContentsPolicy: window.open from a service', () => {
  it.each(['https://web.whatsapp.com/', 'https://web.whatsapp.com/popup?x=1', 'about:blank', ''])(
    '%j opens a child window with hardened webPreferences and no preload',
    (url) => {
      const h = setup();
      const response = h.contents({ service: 'wa' }).open(url);
      expect(response?.action).toBe('allow');
      if (response?.action !== 'allow') return;
      expect(response.overrideBrowserWindowOptions.webPreferences).toStrictEqual({ ...HARDENED });
      expect(response.overrideBrowserWindowOptions.webPreferences).not.toHaveProperty('preload');
      expect(response.overrideBrowserWindowOptions.webPreferences).not.toHaveProperty('partition');
      expect(h.fake.shell.opened).toEqual([]);
    },
  );

  it.each([
    ['https://evil.example/', 'https://evil.example/'],
    ['https://web.whatsapp.com.evil.example/', 'https://web.whatsapp.com.evil.example/'],
    ['https://w\u0435b.whatsapp.com/', 'https://xn--wb-nlc.whatsapp.com/'],
    ['http://example.com/', 'http://example.com/'],
    ['mailto:shop@example.com', 'mailto:shop@example.com'],
  ])('%j is denied in the app and opened externally', (url, opened) => {
    const h = setup();
    const page = h.contents({ service: 'wa' });
    page.click();
    expect(page.open(url)).toEqual({ action: 'deny' });
    expect(h.fake.shell.opened).toEqual([opened]);
  });

  it.each([
    'javascript:alert(1)',
    'file:///C:/Windows/System32/calc.exe',
    'file://evil.example/share/payload.exe',
    'data:text/html,<h1>x',
    'chrome://gpu',
    'about:srcdoc',
    'https://web.whatsapp.com@evil.example/',
    'https://user:pw@example.com/',
    'search-ms:query=x',
    'smb://evil.example/share',
  ])('%j is denied and not opened anywhere', (url) => {
    const h = setup();
    expect(h.contents({ service: 'wa' }).open(url)).toEqual({ action: 'deny' });
    expect(h.fake.shell.opened).toEqual([]);
  });

  it('rate limits external opens per contents: 20 window.open calls open at most the burst', () => {
    const h = setup();
    const page = h.contents({ service: 'wa' });
    page.click();
    for (let i = 0; i < 20; i += 1) expect(page.open(`https://example.com/${i}`)).toEqual({ action: 'deny' });
    expect(h.fake.shell.opened).toEqual(['https://example.com/0', 'https://example.com/1', 'https://example.com/2']);
    expect(h.log.count('warn', 'refused to open a link: too many at once')).toBe(17);

    // Another contents has its own allowance.
    const other = h.contents({ service: 'tg' });
    other.click();
    other.open('https://example.org/');
    expect(h.fake.shell.opened).toHaveLength(4);

    // One more a second afterwards.
    h.clock.advance(1000);
    page.click();
    page.open('https://example.com/later');
    page.open('https://example.com/too-soon');
    expect(h.fake.shell.opened.slice(4)).toEqual(['https://example.com/later']);
  });

  it('shares the allowance between navigations and window.open of one contents', () => {
    const h = setup();
    const page = h.contents({ service: 'wa' });
    page.click();
    page.open('https://example.com/1');
    navigate(h, page, 'https://example.com/2');
    page.open('https://example.com/3');
    expect(navigate(h, page, 'https://example.com/4')).toBe('deny');
    expect(h.fake.shell.opened).toHaveLength(3);
  });

  it('logs and swallows a failing openExternal', async () => {
    const h = setup();
    vi.spyOn(h.fake.shell, 'openExternal').mockRejectedValueOnce(new Error('no browser'));
    const page = h.contents({ service: 'wa' });
    page.click();
    expect(page.open('https://example.com/')).toEqual({ action: 'deny' });
    await flush();
    expect(h.log.count('error', 'could not open a link in the default browser')).toBe(1);
  });
});

describe('ContentsPolicy: the default browser opens only right after a click or key press', () => {
  it('refuses a link no one clicked, and opens it right after a click in that contents', () => {
    const h = setup();
    const page = h.contents({ service: 'wa' });
    expect(page.open('https://example.com/a')).toEqual({ action: 'deny' });
    expect(navigate(h, page, 'https://example.com/b')).toBe('deny');
    expect(navigate(h, page, 'mailto:shop@example.com')).toBe('deny');
    expect(h.fake.shell.opened).toEqual([]);

    page.click();
    expect(page.open('https://example.com/c')).toEqual({ action: 'deny' });
    h.clock.advance(GESTURE_MS);
    expect(navigate(h, page, 'mailto:shop@example.com')).toBe('external');
    expect(h.fake.shell.opened).toEqual(['https://example.com/c', 'mailto:shop@example.com']);

    // A second later the click no longer counts.
    h.clock.advance(1);
    expect(page.open('https://example.com/d')).toEqual({ action: 'deny' });
    expect(h.fake.shell.opened).toHaveLength(2);
  });

  it('counts a key press as a gesture, and not the mouse merely moving', () => {
    const h = setup();
    const page = h.contents({ service: 'wa' });
    page.emit('input-event', new FakeEvent(), { type: 'mouseMove' });
    page.emit('input-event', new FakeEvent(), { type: 'mouseWheel' });
    page.open('https://example.com/moved');
    expect(h.fake.shell.opened).toEqual([]);
    expect(page.key({ code: 'Enter', type: 'rawKeyDown' })).toBe(true);
    page.open('https://example.com/entered');
    expect(h.fake.shell.opened).toEqual(['https://example.com/entered']);
  });

  it('counts a gesture only for the contents it happened in: a popup’s for the popup', () => {
    const h = setup();
    const opener = h.contents({ service: 'wa' });
    const popup = h.fake.popup(opener)?.webContents;
    if (!popup) throw new Error('no pop-up');
    opener.click();
    expect(navigate(h, popup, 'https://example.com/from-popup')).toBe('deny');
    popup.click();
    expect(navigate(h, popup, 'https://example.com/from-popup')).toBe('external');
    h.clock.advance(GESTURE_MS + 1);
    popup.click();
    expect(opener.open('https://example.com/from-opener')).toEqual({ action: 'deny' });
    expect(h.fake.shell.opened).toEqual(['https://example.com/from-popup']);
  });

  it('logs the refusal once per contents', () => {
    const h = setup();
    const page = h.contents({ service: 'wa' });
    for (let i = 0; i < 5; i += 1) page.open(`https://example.com/${i}`);
    navigate(h, page, 'https://example.com/nav');
    h.contents({ service: 'tg' }).open('https://example.org/');
    const message = 'refused to open a link without a click or key press';
    expect(h.log.lines.filter((l) => l.message === message).map((l) => l.level)).toEqual(['warn', 'warn']);
  });
});

describe('ContentsPolicy: child windows', () => {
  it('a child window inherits its opener’s owner and follows the service’s policy', () => {
    const h = setup();
    const opener = h.contents({ service: 'wa' });
    const child = h.fake.popup(opener)?.webContents;
    if (!child) throw new Error('no pop-up');
    expect(h.policy.ownerOf(child.id)).toEqual({ kind: 'service', serviceId: 'wa' });
    expect(h.policy.serviceOf(child.id)).toBe('wa');
    expect(navigate(h, child, 'https://web.whatsapp.com/auth')).toBe('allow');
    child.click();
    expect(navigate(h, child, 'https://evil.example/')).toBe('external');
    expect(navigate(h, child, 'javascript:alert(1)')).toBe('deny');
    expect(child.open('https://web.whatsapp.com/again')?.action).toBe('allow');

    // A grandchild inherits too.
    const grandchild = h.fake.popup(child)?.webContents;
    expect(grandchild && h.policy.serviceOf(grandchild.id)).toBe('wa');
  });

  it('a window created by an unowned contents stays unowned', () => {
    const h = setup();
    const stranger = h.contents();
    expect(h.fake.popup(stranger)).toBeUndefined();
    // Even were one created, it would belong to no one.
    const child = new FakeWindow({}, h.fake, stranger.session);
    stranger.emit('did-create-window', child);
    expect(h.policy.ownerOf(child.webContents.id)).toBeUndefined();
    expect(navigate(h, child.webContents, 'https://web.whatsapp.com/')).toBe('deny');
  });
});

describe('ContentsPolicy: a service’s windows while Wasl is locked', () => {
  /** Whether each window is on screen and listed in the macOS Window menu. */
  const seen = (windows: readonly FakeWindow[]) => windows.map((w) => ({ visible: w.visible, inWindowMenu: !w.excludedFromShownWindowsMenu }));

  function popups(h: Harness): { signIn: FakeWindow; blank: FakeWindow; nested: FakeWindow; hidden: FakeWindow } {
    const wa = h.contents({ service: 'wa' });
    const signIn = h.fake.popup(wa, 'https://web.whatsapp.com/login');
    const blank = h.fake.popup(h.contents({ service: 'tg' }), 'about:blank');
    const nested = blank && h.fake.popup(blank.webContents, 'https://web.telegram.org/auth');
    const hidden = h.fake.popup(wa, '');
    if (!signIn || !blank || !nested || !hidden) throw new Error('a pop-up was refused');
    hidden.hide();
    return { signIn, blank, nested, hidden };
  }

  it('hides every window a service opened, out of the Window menu too, and shows again those that were on screen', () => {
    const h = setup();
    const { signIn, blank, nested, hidden } = popups(h);
    const all = [signIn, blank, nested, hidden];
    h.policy.setLocked(true);
    expect(seen(all)).toEqual(all.map(() => ({ visible: false, inWindowMenu: false })));

    h.policy.setLocked(false);
    expect(seen(all)).toEqual([
      { visible: true, inWindowMenu: true },
      { visible: true, inWindowMenu: true },
      { visible: true, inWindowMenu: true },
      { visible: false, inWindowMenu: true },
    ]);
  });

  it('hides a window again when the page shows or focuses it while locked', () => {
    const h = setup();
    const { signIn, hidden } = popups(h);
    h.policy.setLocked(true);
    signIn.show();
    expect(signIn.visible).toBe(false);
    // Focusing a hidden window brings it on screen.
    hidden.visible = true;
    hidden.emit('focus');
    expect(hidden.visible).toBe(false);
    h.policy.setLocked(false);
    expect(signIn.visible).toBe(true);
    // Unlocked, the page shows and hides its windows as it likes.
    signIn.hide();
    signIn.show();
    expect(signIn.visible).toBe(true);
  });

  it('opens no new window while locked, and opens them again once unlocked', () => {
    const h = setup();
    const wa = h.contents({ service: 'wa' });
    h.policy.setLocked(true);
    for (const url of ['about:blank', '', 'https://web.whatsapp.com/login']) expect(wa.open(url), url).toEqual({ action: 'deny' });
    h.policy.setLocked(false);
    expect(wa.open('https://web.whatsapp.com/login')?.action).toBe('allow');
  });

  it('hides at once a window that arrives after the lock (opened just before it)', () => {
    const h = setup();
    const wa = h.contents({ service: 'wa' });
    const response = wa.open('https://web.whatsapp.com/login');
    if (response?.action !== 'allow') throw new Error('refused');
    h.policy.setLocked(true);
    const late = new FakeWindow(response.overrideBrowserWindowOptions, h.fake, wa.session);
    late.visible = true;
    wa.emit('did-create-window', late);
    expect(seen([late])).toEqual([{ visible: false, inWindowMenu: false }]);
    h.policy.setLocked(false);
    expect(late.visible).toBe(true);
  });

  it('leaves a closed window alone', () => {
    const h = setup();
    const { signIn, blank } = popups(h);
    const show = vi.spyOn(signIn, 'show');
    const hide = vi.spyOn(signIn, 'hide');
    h.policy.setLocked(true);
    signIn.close();
    h.policy.setLocked(false);
    h.policy.setLocked(true);
    expect(hide).toHaveBeenCalledTimes(1);
    expect(show).not.toHaveBeenCalled();
    expect(blank.visible).toBe(false);
  });
});

describe('ContentsPolicy: contents nobody owns', () => {
  it('refuses every navigation and every window.open, and opens nothing externally', () => {
    const h = setup();
    const contents = h.contents();
    contents.click();
    for (const url of ['https://web.whatsapp.com/', 'https://example.com/', 'mailto:a@b.c', 'app://wasl/index.html', 'about:blank']) {
      expect(navigate(h, contents, url), url).toBe('deny');
      expect(contents.open(url), url).toEqual({ action: 'deny' });
    }
    expect(h.fake.shell.opened).toEqual([]);
  });
});

describe('ContentsPolicy: <webview>', () => {
  it('prevents webview attachment on every contents: shell, service, child and unowned', () => {
    const h = setup();
    for (const contents of [h.contents('shell'), h.contents({ service: 'wa' }), h.contents()]) {
      const event = new FakeEvent();
      contents.emit('will-attach-webview', event);
      expect(event.defaultPrevented).toBe(true);
    }
    expect(h.log.count('warn', 'blocked a <webview>')).toBe(3);
  });

  it('attaches to every contents the app creates', () => {
    const h = setup();
    const contents = h.contents();
    for (const event of ['will-attach-webview', 'will-navigate', 'will-redirect', 'did-create-window', 'before-input-event', 'input-event', 'destroyed']) {
      expect(contents.listenerCount(event), event).toBe(1);
    }
    expect(contents.windowOpenHandler).toBeDefined();
  });
});

describe('ContentsPolicy: the shell', () => {
  it.each([
    ['app://wasl/index.html', 'allow'],
    ['app://wasl/settings#lang', 'allow'],
    ['app://wasl.evil/index.html', 'deny'],
    ['app://evil/index.html', 'deny'],
    ['app://wasl:81/index.html', 'deny'],
    ['file:///opt/wasl/renderer/index.html', 'deny'],
    ['file://evil.example/share/payload.exe', 'deny'],
    ['javascript:alert(1)', 'deny'],
    ['https://example.com/', 'external'],
    ['https://user:pw@example.com/', 'deny'],
    ['mailto:help@wasl.app', 'external'],
  ] as const)('may navigate to %j: %s', (url, outcome) => {
    const h = setup();
    const shell = h.contents('shell');
    shell.click();
    expect(navigate(h, shell, url)).toBe(outcome);
  });

  it('opens https links from window.open externally and never opens a window itself', () => {
    const h = setup();
    const shell = h.contents('shell');
    shell.click();
    expect(shell.open('https://github.com/wasl-app/wasl')).toEqual({ action: 'deny' });
    expect(h.fake.shell.opened).toEqual(['https://github.com/wasl-app/wasl']);
    expect(shell.open('app://wasl/index.html')).toEqual({ action: 'deny' });
    expect(shell.open('about:blank')).toEqual({ action: 'deny' });
    expect(shell.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(h.fake.shell.opened).toHaveLength(1);
  });
});

describe('ContentsPolicy: keyboard shortcuts', () => {
  it('lets onInput decide, and prevents the key only when it returns true', () => {
    const onInput = vi.fn((input: InputLike, _owner: Owner | undefined) => input.control && input.code === 'Digit1');
    const h = setup(onInput);
    const page = h.contents({ service: 'wa' });
    expect(page.key({ code: 'Digit1', control: true })).toBe(false);
    expect(page.key({ code: 'KeyA', control: true })).toBe(true);
    expect(page.key({ code: 'Digit1' })).toBe(true);
    expect(onInput).toHaveBeenCalledTimes(3);
    expect(onInput.mock.calls[0]?.[0]).toMatchObject({ type: 'keyDown', code: 'Digit1', control: true });
    // Unowned contents too: shortcuts work wherever the focus is.
    expect(h.contents().key({ code: 'Digit1', control: true })).toBe(false);
  });

  it('tells onInput whose contents the key was pressed in: a service’s, the shell, or nobody’s yet', () => {
    const onInput = vi.fn((_input: InputLike, _owner: Owner | undefined) => false);
    const h = setup(onInput);
    h.contents({ service: 'tg' }).key({ code: 'KeyK', control: true });
    h.contents('shell').key({ code: 'KeyK', control: true });
    h.contents().key({ code: 'KeyK', control: true });
    expect(onInput.mock.calls.map((call) => call[1])).toEqual([{ kind: 'service', serviceId: 'tg' }, { kind: 'shell' }, undefined]);
  });
});

describe('ContentsPolicy: destroyed contents', () => {
  it('forgets the owner when the contents is destroyed', () => {
    const h = setup();
    const contents = h.contents({ service: 'wa' });
    expect(h.policy.serviceOf(contents.id)).toBe('wa');
    contents.close();
    expect(h.policy.ownerOf(contents.id)).toBeUndefined();
    expect(h.policy.serviceOf(contents.id)).toBeUndefined();
  });
});

describe('ContentsPolicy: which service opened each window (a call pop-up’s screen share asks)', () => {
  it('lists the windows still open with their service, and says whether one of a service’s is focused', () => {
    const h = setup();
    const wa = h.fake.popup(h.contents({ service: 'wa' }), 'https://web.whatsapp.com/call');
    const tgOpener = h.fake.popup(h.contents({ service: 'tg' }), 'about:blank');
    const nested = tgOpener && h.fake.popup(tgOpener.webContents, 'https://web.telegram.org/call');
    if (!wa || !tgOpener || !nested) throw new Error('a pop-up was refused');
    expect(h.policy.popupWindows().map((p) => [p.window, p.serviceId])).toEqual([
      [wa, 'wa'],
      [tgOpener, 'tg'],
      [nested, 'tg'],
    ]);
    const id = nested.webContents.id;
    expect(h.policy.popupFocused('wa', wa.webContents.id)).toBe(false);
    nested.focused = true;
    expect(h.policy.popupFocused('tg', id)).toBe(true);
    // Only the window asked about: not the service's other pop-up, not another service's.
    expect(h.policy.popupFocused('tg', tgOpener.webContents.id)).toBe(false);
    expect(h.policy.popupFocused('wa', id)).toBe(false);
    nested.close();
    expect(h.policy.popupFocused('tg', id)).toBe(false);
    expect(h.policy.popupWindows().map((p) => p.serviceId)).toEqual(['wa', 'tg']);
  });

  it('keeps no window the shell or a contents without an owner created', () => {
    const h = setup();
    h.contents('shell').emit('did-create-window', new FakeWindow({}, h.fake));
    h.contents().emit('did-create-window', new FakeWindow({}, h.fake));
    expect(h.policy.popupWindows()).toEqual([]);
  });
});
