/**
 * Screen sharing on the fake Electron: ServiceViews hands each service session's getDisplayMedia to
 * ElectronScreenShare, which tells the real picker which frame asks and when the page goes away; the sources are
 * desktopCapturer's, scaled and bounded. Every request gets exactly one answer.
 */
import { describe, expect, it } from 'vitest';
import type { ServiceConfig } from '../../../../common/model';
import { SCREEN_SHARE_LIMITS } from '../../../../common/screen-share';
import { initialRuntime } from '../../../../common/state';
import { createAppStore } from '../../../../main/core/app/app-store';
import { PICKER_GRACE_MS, ScreenSharePicker, type CapturePage } from '../../../../main/core/screen-share/picker';
import type { DisplayMediaRequestLike, DisplayMediaStreamsLike, WebContentsLike } from '../../../../main/electron/api';
import { ElectronScreenShare, screenSources } from '../../../../main/electron/screen-share';
import { partitionOf, ServiceViews } from '../../../../main/electron/service-views';
import { FakeCapturedImage, FakeDesktopCapturer, FakeFrame, type FakeView, type FakeWebContents, type FakeWindow } from '../../../fakes/electron';
import { stateOf } from '../../../fakes/state';
import { flush, guardedFake, service } from './support';

const DISCORD = service('dc1', 'discord', { name: 'Discord', callsAllowed: true });
const MESSENGER = service('ms1', 'messenger', { name: 'Messenger', callsAllowed: true });

function setup(options: { wired?: boolean } = {}) {
  const services = new Map<string, ServiceConfig>([
    [DISCORD.id, DISCORD],
    [MESSENGER.id, MESSENGER],
  ]);
  const { fake, policy, clock, log } = guardedFake(services);
  const store = createAppStore(
    stateOf({
      services: [DISCORD, MESSENGER],
      activeServiceId: 'dc1',
      view: 'service',
      runtime: { dc1: { ...initialRuntime(true), status: 'ready' }, ms1: { ...initialRuntime(true), status: 'ready' } },
    }),
  );
  fake.desktopCapturer.sources = [{ id: 'screen:1:0', name: 'Entire Screen', thumbnail: new FakeCapturedImage('screen', { width: 320, height: 180 }), appIcon: null }];
  let ids = 0;
  new fake.BrowserWindow({ width: 1200, height: 800 });
  const win = fake.windows[0];
  if (!win) throw new Error('no window');
  const picker = new ScreenSharePicker({
    store,
    clock,
    log,
    newId: () => `share-${++ids}`,
    sources: screenSources(fake.desktopCapturer),
    audioSupported: false,
    window: { revealWindow: () => win.focus() },
    popupFocused: (id, contentsId) => policy.popupFocused(id, contentsId),
  });
  const adapter = new ElectronScreenShare(picker, log, () => policy.popupWindows());
  const views = new ServiceViews<FakeView>({
    electron: fake,
    window: win,
    policy,
    preloadPath: '/opt/wasl/out/preload/service.cjs',
    workerPreloadPath: () => '/opt/wasl/out/preload/service-worker.cjs',
    userAgent: 'UA',
    acceptLanguages: 'en',
    serviceOf: (id) => services.get(id),
    onEvent: () => undefined,
    onDownload: () => undefined,
    onZoomAsked: () => undefined,
    onWorker: () => undefined,
    ...(options.wired === false ? {} : { mayCaptureScreen: (id: string, page: CapturePage) => picker.mayAsk(id, page), captureGranted: (id: string, stop: () => void) => picker.granted(id, stop), onDisplayMedia: (id: string, contents: WebContentsLike | undefined, request: DisplayMediaRequestLike, callback: (streams: DisplayMediaStreamsLike) => void) => adapter.handle(id, contents, request, callback) }),
    log,
  });
  views.open(DISCORD);
  views.open(MESSENGER);
  const contents = (id = 'dc1'): FakeWebContents => {
    const view = fake.views.find((v) => v.webContents.id === views.contentsId(id));
    if (!view) throw new Error('no view');
    return view.webContents;
  };
  const session = fake.sessionFor(partitionOf('dc1'));
  const request = (change: Partial<DisplayMediaRequestLike> = {}): DisplayMediaRequestLike => ({
    frame: contents().mainFrame,
    securityOrigin: 'https://discord.com',
    videoRequested: true,
    audioRequested: false,
    userGesture: true,
    ...change,
  });
  return { fake, store, picker, views, log, contents, session, request, win, clock };
}

/** Messenger's page opens its call window, which is then the focused window (Discord stays in front in Wasl). */
function callPopup(t: ReturnType<typeof setup>, opener = 'ms1'): FakeWindow {
  const child = t.fake.popup(t.contents(opener), 'about:blank');
  if (!child) throw new Error('the pop-up was refused');
  child.webContents.url = 'https://www.messenger.com/groupcall/ROOM/?call_id=1';
  child.focused = true;
  return child;
}

/** Messenger's call window asks, on Messenger's session. */
function popupRequest(t: ReturnType<typeof setup>, child: FakeWindow, change: Partial<DisplayMediaRequestLike> = {}): (DisplayMediaStreamsLike | null)[] {
  return t.fake.sessionFor(partitionOf('ms1')).displayMedia(t.request({ frame: child.webContents.mainFrame, securityOrigin: 'https://www.messenger.com', ...change }));
}

describe('a service page asks to share its screen', () => {
  it('opens the picker for the view’s own top frame, and shares what the user picked', async () => {
    const t = setup();
    // Through Electron 45's whole path: the display-capture permission, then the request within the same call.
    const answers = t.session.getDisplayMedia(t.contents(), t.request());
    await flush();
    const shown = t.store.getState().screenShare;
    expect(shown?.sources.map((s) => s.id)).toEqual(['screen:1:0']);
    // Wasl's own picker, never the system's (which would skip the handler and its rules).
    expect(t.session.displayMediaOptions?.useSystemPicker ?? false).toBe(false);
    t.picker.answer({ requestId: shown?.requestId ?? '', sourceId: 'screen:1:0', audio: false });
    expect(answers).toEqual([{ video: { id: 'screen:1:0', name: 'Entire Screen' } }]);
    t.clock.advance(PICKER_GRACE_MS * 10);
    expect(t.contents().crashesForced).toBe(0);
    expect(t.store.getState().notices).toEqual([]);
  });

  it.each([
    ['an iframe of the page on the service’s own origin', (t: ReturnType<typeof setup>) => t.request({ frame: t.contents().mainFrame.child('https://discord.com/widget') }), 'not-top-frame'],
    ['an iframe of a foreign site', (t: ReturnType<typeof setup>) => t.request({ frame: t.contents().mainFrame.child('https://evil.example/'), securityOrigin: 'https://evil.example' }), 'not-top-frame'],
    ['a frame Electron no longer has', (t: ReturnType<typeof setup>) => t.request({ frame: null }), 'no-frame'],
    ['no user gesture', (t: ReturnType<typeof setup>) => t.request({ userGesture: false }), 'no-gesture'],
  ])('refuses %s at once', async (_name, make, reason) => {
    const t = setup();
    const answers = t.session.displayMedia(make(t));
    expect(answers).toEqual([null]);
    expect(t.log.lines.find((l) => l.message === 'screen share refused')?.fields?.['reason']).toBe(reason);
    await flush();
    expect(t.fake.desktopCapturer.requests).toEqual([]);
  });

  it('refuses a frame disposed as it asks (its getters throw)', () => {
    const t = setup();
    const frame = t.contents().mainFrame.child('https://discord.com/');
    frame.disposed = true;
    expect(t.session.displayMedia(t.request({ frame }))).toEqual([null]);
  });

  it('refuses a pop-up window on the same session that is not the focused window', () => {
    const t = setup();
    const child = t.fake.popup(t.contents(), 'about:blank');
    if (!child) throw new Error('the pop-up was refused');
    child.webContents.url = 'https://discord.com/popout';
    expect(t.session.displayMedia(t.request({ frame: child.webContents.mainFrame }))).toEqual([null]);
    expect(t.log.lines.find((l) => l.message === 'screen share refused')?.fields?.['reason']).toBe('popup-not-focused');
  });

  it('refuses a frame that is in no page Wasl knows of', () => {
    const t = setup();
    const other = new FakeFrame(() => 'https://discord.com/', 1, null);
    expect(t.session.displayMedia(t.request({ frame: other }))).toEqual([null]);
    expect(t.log.lines.find((l) => l.message === 'screen share refused')?.fields?.['reason']).toBe('not-top-frame');
  });

  it('refuses every request where nothing handles them', () => {
    const t = setup({ wired: false });
    expect(t.session.displayMedia(t.request())).toEqual([null]);
  });

  it.each([
    ['the view is closed', (t: ReturnType<typeof setup>) => void t.views.close('dc1')],
    ['the page navigates or reloads', (t: ReturnType<typeof setup>) => t.contents().emit('did-navigate', {}, 'https://discord.com/login')],
    ['the page crashes', (t: ReturnType<typeof setup>) => t.contents().emit('render-process-gone', {}, { reason: 'crashed' })],
  ])('answers no once when %s while the picker is open', async (_name, end) => {
    const t = setup();
    const answers = t.session.displayMedia(t.request());
    await flush();
    const contents = t.contents();
    end(t);
    expect(answers).toEqual([null]);
    expect(t.store.getState().screenShare).toBeNull();
    contents.emit('destroyed');
    expect(answers.length).toBe(1);
  });

  it('grants the screen-capture permission Electron asks first only to the view’s top frame while a share may start', async () => {
    const t = setup();
    const screen = { requestingUrl: 'https://discord.com/channels/1/2', mediaTypes: ['video'] };
    expect(t.session.getDisplayMedia(t.contents(), t.request({ frame: t.contents().mainFrame.child('https://discord.com/embed') }))).toEqual([null]);
    expect(await t.session.request('display-capture', { ...screen, isMainFrame: true })).toBe(false);
    t.session.getDisplayMedia(t.contents(), t.request());
    await flush();
    // A picker is open: neither a second getDisplayMedia nor the legacy desktop getUserMedia gets through.
    expect(await t.session.request('display-capture', { ...screen, isMainFrame: true }, t.contents())).toBe(false);
    expect(t.session.legacyDesktopCapture(t.contents(), { ...screen, isMainFrame: true })).toBe(false);
    // A check never needs the screen.
    expect(t.session.check('display-capture', 'https://discord.com', { isMainFrame: true, mediaType: 'video' })).toBe(false);
  });

  it('stops a page whose screen capture skipped the picker (the legacy desktop getUserMedia), and tells the user', () => {
    const t = setup();
    const page = t.contents();
    // Electron grants it the same permission as getDisplayMedia and captures at once: Wasl cannot tell them apart
    // before, so it stops the page when no getDisplayMedia request follows the grant.
    expect(t.session.legacyDesktopCapture(page, { requestingUrl: 'https://discord.com/channels/1/2', isMainFrame: true })).toBe(true);
    expect(t.session.capturedWithoutPicker).toEqual([page.id]);
    t.clock.advance(PICKER_GRACE_MS);
    expect(page.crashesForced).toBe(1);
    expect(t.store.getState().notices).toEqual([expect.objectContaining({ kind: 'capture-stopped', serviceName: 'Discord' })]);
    // Until the grant is settled no other is given; after, a real share still works.
    expect(t.session.getDisplayMedia(page, t.request())).toEqual([]);
    expect(page.crashesForced).toBe(1);
  });

  it('refuses the legacy capture of the system’s sound alone (a getDisplayMedia always asks video)', () => {
    const t = setup();
    expect(t.session.legacyDesktopCapture(t.contents(), { requestingUrl: 'https://discord.com/', isMainFrame: true, mediaTypes: ['audio'] })).toBe(false);
    t.clock.advance(PICKER_GRACE_MS);
    expect(t.contents().crashesForced).toBe(0);
  });

  it('listens to a page once, however many requests it makes', async () => {
    const t = setup();
    for (let i = 0; i < 3; i += 1) {
      const shown = t.session.displayMedia(t.request());
      await flush();
      t.picker.answer({ requestId: t.store.getState().screenShare?.requestId ?? '', sourceId: null, audio: false });
      expect(shown).toEqual([null]);
    }
    expect(t.contents().listenerCount('render-process-gone')).toBe(2);
  });
});

describe('screenSources', () => {
  const image = (label: string, width: number, height: number, bytes = 0) => new FakeCapturedImage(label, { width, height }, bytes);
  const decode = (url: string | null) => (url === null ? null : Buffer.from(url.replace(/^data:image\/\w+;base64,/u, ''), 'base64').toString().replace(/\.+$/u, ''));

  it('asks for screens and windows with thumbnails and icons, screens first', async () => {
    const capturer = new FakeDesktopCapturer();
    capturer.sources = [
      { id: 'window:7:0', name: '  Notes  ', thumbnail: image('notes', 320, 200), appIcon: image('notes-icon', 64, 64) },
      { id: 'screen:1:0', name: 'Screen 2', thumbnail: image('screen', 320, 180), appIcon: null },
    ];
    const sources = await screenSources(capturer)();
    expect(capturer.requests).toEqual([{ types: ['screen', 'window'], thumbnailSize: { width: SCREEN_SHARE_LIMITS.thumbnailWidth, height: SCREEN_SHARE_LIMITS.thumbnailHeight }, fetchWindowIcons: true }]);
    expect(sources.map((s) => [s.id, s.kind, s.name])).toEqual([
      ['screen:1:0', 'screen', 'Screen 2'],
      ['window:7:0', 'window', 'Notes'],
    ]);
    expect(sources[0]?.thumbnail).toMatch(/^data:image\/jpeg;base64,/u);
    // A picture larger than the picker's is scaled down to fit it, keeping its shape.
    expect(decode(sources[1]?.thumbnail ?? null)).toBe('notes|jpeg:70|288x180');
    expect(decode(sources[1]?.icon ?? null)).toBe('notes-icon|png|32x32');
    expect(sources[0]?.icon).toBeNull();
  });

  it('scales a high-density thumbnail to the picker’s size', async () => {
    const capturer = new FakeDesktopCapturer();
    capturer.sources = [{ id: 'screen:1:0', name: 'Entire Screen', thumbnail: image('hidpi', 640, 360), appIcon: null }];
    expect(decode((await screenSources(capturer)())[0]?.thumbnail ?? null)).toBe('hidpi|jpeg:70|320x180');
  });

  it('leaves out empty and oversized pictures, odd ids, and sources past the limit; cuts long names', async () => {
    const capturer = new FakeDesktopCapturer();
    const windows = Array.from({ length: 60 }, (_, i) => ({ id: `window:${i + 10}:0`, name: `W${i}`, thumbnail: image('w', 0, 0), appIcon: null }));
    capturer.sources = [
      { id: 'tab:1', name: 'A tab', thumbnail: image('t', 10, 10), appIcon: null },
      { id: 'screen:1:0', name: 'x'.repeat(500), thumbnail: image('huge', 320, 180, SCREEN_SHARE_LIMITS.thumbnailChars), appIcon: null },
      ...windows,
    ];
    const sources = await screenSources(capturer)();
    expect(sources.length).toBe(SCREEN_SHARE_LIMITS.sources);
    expect(sources.some((s) => s.id === 'tab:1')).toBe(false);
    expect(sources[0]).toMatchObject({ id: 'screen:1:0', thumbnail: null });
    expect(sources[0]?.name.length).toBe(SCREEN_SHARE_LIMITS.nameChars);
    expect(sources[1]).toMatchObject({ id: 'window:10:0', thumbnail: null, icon: null });
  });

  it('fails as desktopCapturer fails (the picker then answers no)', async () => {
    const capturer = new FakeDesktopCapturer();
    capturer.failure = new Error('no screen recording permission');
    await expect(screenSources(capturer)()).rejects.toThrow('no screen recording permission');
  });
});

describe('a service’s call pop-up asks to share the screen', () => {
  it('routes the focused pop-up’s top frame to the picker, brings Wasl forward and gives the focus back after', async () => {
    const t = setup();
    const child = callPopup(t);
    const answers = popupRequest(t, child);
    await flush();
    const shown = t.store.getState().screenShare;
    expect(shown?.serviceId).toBe('ms1');
    expect(t.win.focuses).toBe(1);
    child.focused = false;
    const before = child.focuses;
    t.picker.answer({ requestId: shown?.requestId ?? '', sourceId: 'screen:1:0', audio: false });
    expect(answers).toEqual([{ video: { id: 'screen:1:0', name: 'Entire Screen' } }]);
    expect(child.focuses).toBe(before + 1);
    expect(child.isFocused()).toBe(true);
  });

  it('grants the screen-capture permission to the focused pop-up only, never to the service’s hidden view meanwhile', async () => {
    const t = setup();
    const media = { requestingUrl: 'https://www.messenger.com/groupcall/ROOM/', mediaTypes: ['video'], isMainFrame: true };
    const messenger = t.fake.sessionFor(partitionOf('ms1'));
    const child = callPopup(t);
    child.focused = false;
    expect(await messenger.request('display-capture', media, child.webContents)).toBe(false);
    child.focused = true;
    expect(await messenger.request('display-capture', { ...media, requestingUrl: 'https://www.messenger.com/t/1' }, t.contents('ms1'))).toBe(false);
    expect(t.fake.sessionFor(partitionOf('ms1')).legacyDesktopCapture(t.contents('ms1'), { requestingUrl: 'https://www.messenger.com/t/1', isMainFrame: true })).toBe(false);
    const answers = messenger.getDisplayMedia(child.webContents, t.request({ frame: child.webContents.mainFrame, securityOrigin: 'https://www.messenger.com' }));
    await flush();
    expect(t.store.getState().screenShare?.serviceId).toBe('ms1');
    expect(answers).toEqual([]);
  });

  it.each([
    ['a pop-up another service opened', (t: ReturnType<typeof setup>) => popupRequest(t, callPopup(t, 'dc1')), 'other-service-popup'],
    ['an iframe inside the pop-up', (t: ReturnType<typeof setup>) => {
      const child = callPopup(t);
      return popupRequest(t, child, { frame: child.webContents.mainFrame.child('https://www.messenger.com/embed') });
    }, 'popup-not-top-frame'],
    ['a pop-up on a foreign address', (t: ReturnType<typeof setup>) => {
      const child = callPopup(t);
      child.webContents.url = 'https://evil.example/call';
      return popupRequest(t, child);
    }, 'popup-foreign-origin'],
    ['a pop-up that is not the focused window', (t: ReturnType<typeof setup>) => {
      const child = callPopup(t);
      child.focused = false;
      return popupRequest(t, child);
    }, 'popup-not-focused'],
  ])('refuses %s at once', async (_name, make, reason) => {
    const t = setup();
    expect(make(t)).toEqual([null]);
    expect(t.log.lines.find((l) => l.message === 'screen share refused')?.fields?.['reason']).toBe(reason);
    expect(t.win.focuses).toBe(0);
    await flush();
    expect(t.fake.desktopCapturer.requests).toEqual([]);
  });

  it.each<[string, (child: FakeWindow) => void, number]>([
    ['closes', (child: FakeWindow) => {
      child.close();
      child.webContents.destroyed = true;
      child.webContents.emit('destroyed');
    }, 0],
    ['navigates', (child: FakeWindow) => child.webContents.emit('did-navigate', {}, 'https://www.messenger.com/'), 1],
  ])('answers no exactly once and closes the picker when the pop-up %s', async (_name, end, refocused) => {
    const t = setup();
    const child = callPopup(t);
    const answers = popupRequest(t, child);
    await flush();
    expect(t.store.getState().screenShare?.serviceId).toBe('ms1');
    const before = child.focuses;
    end(child);
    expect(answers).toEqual([null]);
    expect(t.store.getState().screenShare).toBeNull();
    child.webContents.emit('destroyed');
    expect(answers.length).toBe(1);
    // A closed pop-up is not focused again; one that navigated is.
    expect(child.focuses).toBe(before + refocused);
  });

  it('keeps the pop-up’s request when its opener’s page navigates', async () => {
    const t = setup();
    const child = callPopup(t);
    const answers = popupRequest(t, child);
    await flush();
    t.contents('ms1').emit('did-navigate', {}, 'https://www.messenger.com/t/1');
    expect(answers).toEqual([]);
    expect(t.store.getState().screenShare?.serviceId).toBe('ms1');
  });
});
