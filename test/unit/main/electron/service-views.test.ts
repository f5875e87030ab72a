import { describe, expect, it, vi } from 'vitest';
import { PANE_CSS } from '../../../../common/compact';
import type { ServiceConfig } from '../../../../common/model';
import type { FoundInPage } from '../../../../main/core/find/find';
import type { ViewEvent } from '../../../../main/core/services/lifecycle';
import type { AppLike } from '../../../../main/electron/api';
import type { ContentsPolicy } from '../../../../main/electron/contents-policy';
import type { DownloadItemLike, ServiceWorkerLike } from '../../../../main/electron/api';
import { partitionOf, ServiceViews, WORKER_PRELOAD_ID } from '../../../../main/electron/service-views';
import { chromeUserAgent } from '../../../../main/security/user-agent';
import {
  FakeDownloadItem,
  FakeEvent,
  type FakeElectron,
  type FakeSession,
  type FakeView,
  type FakeWebContents,
  type FakeWindow,
} from '../../../fakes/electron';
import type { MemoryLogger } from '../../../fakes/logger';
import { flush, guardedFake, HARDENED, service } from './support';

const PRELOAD = '/opt/wasl/out/preload/service.cjs';
const WORKER_PRELOAD = '/opt/wasl/out/preload/service-worker.cjs';
const USER_AGENT = chromeUserAgent('linux', '140.0.7339.133');
const LANGUAGES = 'ar-EG,ar,en-US,en';

interface Harness {
  fake: FakeElectron;
  win: FakeWindow;
  views: ServiceViews<FakeView>;
  policy: ContentsPolicy;
  log: MemoryLogger;
  /** The live configuration ServiceViews reads through serviceOf (tests mutate it). */
  services: Map<string, ServiceConfig>;
  events: { id: string; event: ViewEvent }[];
  /** The find answers of the pages, with their service. */
  found: { id: string; result: FoundInPage }[];
  /** Each zoom a page asked for itself (Ctrl + the wheel), in order. */
  zoomsAsked: { id: string; step: 'in' | 'out' }[];
  /** The downloads handed to the downloads list: the service and the item. */
  downloads: [string, DownloadItemLike][];
  /** Every service worker main was told about, with its service, in order. */
  workers: { id: string; worker: ServiceWorkerLike }[];
  /** The worker preload each service is to run now, where it is not the app's own (a connector pack's). */
  workerPreloads: Map<string, string>;
  /** The view hosting a service right now. */
  viewOf(id: string): FakeView;
  sessionOf(id: string): FakeSession;
}

function setup(initial: ServiceConfig[] = [], sessionReady?: (serviceId: string) => Promise<void>): Harness {
  const services = new Map(initial.map((s) => [s.id, s]));
  const { fake, policy, log } = guardedFake(services);
  const events: { id: string; event: ViewEvent }[] = [];
  const found: { id: string; result: FoundInPage }[] = [];
  const zoomsAsked: { id: string; step: 'in' | 'out' }[] = [];
  const downloads: Harness['downloads'] = [];
  const workers: { id: string; worker: ServiceWorkerLike }[] = [];
  const workerPreloads = new Map<string, string>();
  new fake.BrowserWindow({ width: 1200, height: 800 });
  const win = fake.windows[0];
  if (!win) throw new Error('no window');
  policy.assign(win.webContents.id, { kind: 'shell' });
  const views = new ServiceViews<FakeView>({
    electron: fake,
    window: win,
    policy,
    preloadPath: PRELOAD,
    workerPreloadPath: (id) => workerPreloads.get(id) ?? WORKER_PRELOAD,
    userAgent: USER_AGENT,
    acceptLanguages: LANGUAGES,
    serviceOf: (id) => services.get(id),
    onEvent: (id, event) => events.push({ id, event }),
    onFound: (id, result) => found.push({ id, result }),
    onZoomAsked: (id, step) => zoomsAsked.push({ id, step }),
    onDownload: (id, item) => downloads.push([id, item]),
    onWorker: (id, worker) => workers.push({ id, worker }),
    ...(sessionReady ? { sessionReady } : {}),
    log,
  });
  const viewOf = (id: string): FakeView => {
    const contentsId = views.contentsId(id);
    const view = fake.views.find((v) => v.webContents.id === contentsId);
    if (contentsId === undefined || !view) throw new Error(`no view for ${id}`);
    return view;
  };
  const sessionOf = (id: string): FakeSession => {
    const session = fake.sessions.get(partitionOf(id));
    if (!session) throw new Error(`no session for ${id}`);
    return session;
  };
  return { fake, win, views, policy, log, services, events, found, downloads, zoomsAsked, workers, workerPreloads, viewOf, sessionOf };
}

/** Opens services that are also in the live configuration. */
function openAll(h: Harness, ...list: ServiceConfig[]): void {
  for (const s of list) {
    h.services.set(s.id, s);
    h.views.open(s);
  }
}

describe('ServiceViews: creating a view', () => {
  it('gives every view exactly the hardened webPreferences, its own partition, the service preload and the platform argument', () => {
    const h = setup();
    openAll(h, service('wa1', 'whatsapp'), service('tg1', 'telegram'));
    expect(h.viewOf('wa1').options.webPreferences).toStrictEqual({
      ...HARDENED,
      partition: 'persist:svc-wa1',
      preload: PRELOAD,
      additionalArguments: ['--wasl-platform=whatsapp'],
    });
    expect(h.viewOf('tg1').options.webPreferences).toStrictEqual({
      ...HARDENED,
      partition: 'persist:svc-tg1',
      preload: PRELOAD,
      additionalArguments: ['--wasl-platform=telegram'],
    });
  });

  it('gives two accounts of the same platform two distinct partitions and sessions', () => {
    const h = setup();
    openAll(h, service('a', 'whatsapp'), service('b', 'whatsapp'));
    const a = h.viewOf('a');
    const b = h.viewOf('b');
    expect(a.options.webPreferences.partition).toBe('persist:svc-a');
    expect(b.options.webPreferences.partition).toBe('persist:svc-b');
    expect(a.webContents.session).not.toBe(b.webContents.session);
    expect(a.webContents.session.partition).toBe('persist:svc-a');
    expect(b.webContents.session.partition).toBe('persist:svc-b');
    expect(h.views.contentsId('a')).not.toBe(h.views.contentsId('b'));
  });

  it('adds the view to the window hidden, then loads the platform start URL', () => {
    const h = setup();
    const visibleWhenAdded: boolean[] = [];
    const add = h.win.contentView.addChildView;
    vi.spyOn(h.win.contentView, 'addChildView').mockImplementation((view: FakeView) => {
      visibleWhenAdded.push(view.visible);
      add(view);
    });
    openAll(h, service('wa1', 'whatsapp'));
    const view = h.viewOf('wa1');
    expect(visibleWhenAdded).toEqual([false]);
    expect(h.win.children).toEqual([view]);
    expect(view.visible).toBe(false);
    expect(view.webContents.loads).toEqual(['https://web.whatsapp.com/']);
  });

  it('knows the owner of the contents before the first page load starts', () => {
    const h = setup();
    const ownerAtLoad: unknown[] = [];
    const app: AppLike = h.fake.app;
    app.on('web-contents-created', (_event, contents) => {
      const load = contents.loadURL.bind(contents);
      vi.spyOn(contents, 'loadURL').mockImplementation((url: string) => {
        ownerAtLoad.push(h.policy.ownerOf(contents.id));
        return load(url);
      });
    });
    openAll(h, service('wa1', 'whatsapp'));
    expect(ownerAtLoad).toEqual([{ kind: 'service', serviceId: 'wa1' }]);
  });

  it('loads a custom service from its own URL', () => {
    const h = setup();
    openAll(h, service('c1', 'custom', { url: 'https://chat.example.com/app?x=1' }));
    const view = h.viewOf('c1');
    expect(view.webContents.loads).toEqual(['https://chat.example.com/app?x=1']);
    expect(view.options.webPreferences.additionalArguments).toEqual(['--wasl-platform=custom']);
  });

  it('creates no view for a custom service without a URL, and logs it', () => {
    const h = setup();
    openAll(h, service('c1', 'custom'));
    expect(h.fake.views).toHaveLength(0);
    expect(h.win.children).toHaveLength(0);
    expect(h.views.contentsId('c1')).toBeUndefined();
    expect(h.log.count('error', 'service has no start URL')).toBe(1);
  });

  it('opens a service only once', () => {
    const h = setup();
    const s = service('wa1', 'whatsapp');
    openAll(h, s);
    h.views.open(s);
    expect(h.fake.views).toHaveLength(1);
    expect(h.win.children).toHaveLength(1);
    expect(h.viewOf('wa1').webContents.loads).toHaveLength(1);
  });

  it('logs a rejected loadURL instead of throwing', async () => {
    const h = setup();
    const app: AppLike = h.fake.app;
    app.on('web-contents-created', (_event, contents) => {
      vi.spyOn(contents, 'loadURL').mockRejectedValueOnce(new Error('ERR_ABORTED (-3)'));
    });
    expect(() => {
      openAll(h, service('wa1', 'whatsapp'));
    }).not.toThrow();
    await flush();
    expect(h.log.count('info', 'service page load did not complete')).toBe(1);
    expect(h.log.lines.find((l) => l.message === 'service page load did not complete')?.fields).toMatchObject({ service: 'wa1' });
    // The view stays: the failure itself arrives as did-fail-load.
    expect(h.views.contentsId('wa1')).toBeDefined();
  });
});

describe('ServiceViews: each partition’s session', () => {
  it('sends the clean user agent and the accept-languages', () => {
    const h = setup();
    openAll(h, service('a', 'whatsapp'), service('b', 'slack'));
    for (const id of ['a', 'b']) {
      const ua = h.sessionOf(id).userAgent ?? '';
      expect(ua).toBe(USER_AGENT);
      expect(ua).toMatch(/^Mozilla\/5\.0 \(X11; Linux x86_64\) AppleWebKit\/537\.36 \(KHTML, like Gecko\) Chrome\/140\.0\.0\.0 Safari\/537\.36$/);
      expect(ua).not.toMatch(/electron|wasl/i);
      expect(h.sessionOf(id).acceptLanguages).toBe(LANGUAGES);
    }
  });

  it('installs both a permission request handler and a permission check handler', () => {
    const h = setup();
    openAll(h, service('a', 'whatsapp'));
    expect(h.sessionOf('a').requestHandler).not.toBeNull();
    expect(h.sessionOf('a').checkHandler).not.toBeNull();
  });

  it('allows notifications for the platform’s own origin only (request and check)', async () => {
    const h = setup();
    openAll(h, service('a', 'whatsapp'));
    const session = h.sessionOf('a');
    expect(await session.request('notifications', { requestingUrl: 'https://web.whatsapp.com/', isMainFrame: true })).toBe(true);
    expect(await session.request('notifications', { requestingUrl: 'https://web.whatsapp.com/some/chat?x=1', isMainFrame: true })).toBe(true);
    expect(session.check('notifications', 'https://web.whatsapp.com', { isMainFrame: true })).toBe(true);
    expect(session.check('notifications', 'https://web.whatsapp.com', { requestingUrl: 'https://web.whatsapp.com/', isMainFrame: true })).toBe(true);

    const strangers = [
      'https://web.whatsapp.com.evil.example/',
      'https://evil.example/',
      'https://evil.example/#https://web.whatsapp.com',
      'https://web.whatsapp.com@evil.example/',
      'http://web.whatsapp.com/',
      'https://xn--wb-nlc.whatsapp.com/',
      'https://whatsapp.com/',
      'https://web.whatsapp.com:8443/',
      'file:///etc/passwd',
      'not a url',
    ];
    for (const url of strangers) {
      expect(await session.request('notifications', { requestingUrl: url, isMainFrame: true }), url).toBe(false);
      expect(session.check('notifications', url, { isMainFrame: true }), url).toBe(false);
      expect(session.check('notifications', 'https://web.whatsapp.com', { requestingUrl: url, isMainFrame: true }), url).toBe(false);
    }
    // A request that does not say who asks is refused.
    expect(await session.request('notifications', {})).toBe(false);
  });

  it('refuses notifications to a frame inside the service’s page, even one of its own origin', async () => {
    const h = setup();
    openAll(h, service('a', 'whatsapp'));
    const session = h.sessionOf('a');
    const own = 'https://web.whatsapp.com/';
    expect(await session.request('notifications', { requestingUrl: own, isMainFrame: true })).toBe(true);
    expect(session.check('notifications', 'https://web.whatsapp.com', { requestingUrl: own, isMainFrame: true })).toBe(true);
    expect(await session.request('notifications', { requestingUrl: own, isMainFrame: false })).toBe(false);
    expect(session.check('notifications', 'https://web.whatsapp.com', { requestingUrl: own, isMainFrame: false })).toBe(false);
    // A check without a frame (a service worker) is not the main frame either.
    expect(session.check('notifications', 'https://web.whatsapp.com', { isMainFrame: false })).toBe(false);
  });

  it('allows camera and microphone only once calls are enabled, reading the live configuration', async () => {
    const h = setup();
    openAll(h, service('a', 'whatsapp'));
    const session = h.sessionOf('a');
    const own = { requestingUrl: 'https://web.whatsapp.com/' };

    expect(await session.request('media', { ...own, mediaTypes: ['audio', 'video'] })).toBe(false);
    expect(await session.request('media', { ...own, mediaTypes: ['audio'] })).toBe(false);
    expect(session.check('media', 'https://web.whatsapp.com', { mediaType: 'video' })).toBe(false);

    h.services.set('a', service('a', 'whatsapp', { callsAllowed: true }));
    expect(await session.request('media', { ...own, mediaTypes: ['audio', 'video'] })).toBe(true);
    expect(await session.request('media', { ...own, mediaTypes: ['audio'] })).toBe(true);
    expect(await session.request('media', { ...own, mediaTypes: ['video'] })).toBe(true);
    expect(session.check('media', 'https://web.whatsapp.com', { mediaType: 'audio' })).toBe(true);
    expect(session.check('media', 'https://web.whatsapp.com', { mediaType: 'video' })).toBe(true);
    // Still only for the service's own origin.
    expect(await session.request('media', { requestingUrl: 'https://evil.example/', mediaTypes: ['audio', 'video'] })).toBe(false);
    expect(await session.request('media', { requestingUrl: 'https://web.whatsapp.com.evil.example/', mediaTypes: ['video'] })).toBe(false);
    expect(session.check('media', 'https://evil.example', { mediaType: 'video' })).toBe(false);

    h.services.set('a', service('a', 'whatsapp', { callsAllowed: false }));
    expect(await session.request('media', { ...own, mediaTypes: ['audio', 'video'] })).toBe(false);
  });

  it('denies every other permission, even to the own origin with calls enabled', async () => {
    const h = setup();
    openAll(h, service('a', 'whatsapp', { callsAllowed: true }));
    const session = h.sessionOf('a');
    const denied = [
      'geolocation',
      'clipboard-read',
      'midi',
      'midiSysex',
      'pointerLock',
      'keyboardLock',
      'display-capture',
      'openExternal',
      'idle-detection',
      'storage-access',
      'top-level-storage-access',
      'window-management',
      'hid',
      'serial',
      'usb',
      'mediaKeySystem',
      'unknown',
    ];
    for (const permission of denied) {
      expect(await session.request(permission, { requestingUrl: 'https://web.whatsapp.com/' }), permission).toBe(false);
      expect(session.check(permission, 'https://web.whatsapp.com'), permission).toBe(false);
    }
    expect(h.log.count('info', 'permission refused')).toBe(denied.length);
  });

  it('lets the service’s own pages copy to the clipboard and go full screen, and no one else', async () => {
    const h = setup();
    openAll(h, service('a', 'whatsapp'));
    const session = h.sessionOf('a');
    for (const permission of ['clipboard-sanitized-write', 'fullscreen']) {
      expect(await session.request(permission, { requestingUrl: 'https://web.whatsapp.com/' }), permission).toBe(true);
      expect(session.check(permission, 'https://web.whatsapp.com'), permission).toBe(true);
      expect(await session.request(permission, { requestingUrl: 'https://evil.example/' }), permission).toBe(false);
      expect(session.check(permission, 'https://evil.example'), permission).toBe(false);
    }
  });

  it('denies everything once the service is gone from the configuration', async () => {
    const h = setup();
    openAll(h, service('a', 'whatsapp', { callsAllowed: true }));
    h.services.delete('a');
    const session = h.sessionOf('a');
    expect(await session.request('notifications', { requestingUrl: 'https://web.whatsapp.com/', isMainFrame: true })).toBe(false);
    expect(session.check('media', 'https://web.whatsapp.com', { mediaType: 'audio' })).toBe(false);
  });

  it('grants a custom service its own URL’s origin and nothing else', async () => {
    const h = setup();
    openAll(h, service('c', 'custom', { url: 'https://chat.example.com/app' }));
    const session = h.sessionOf('c');
    expect(await session.request('notifications', { requestingUrl: 'https://chat.example.com/inbox', isMainFrame: true })).toBe(true);
    expect(await session.request('notifications', { requestingUrl: 'https://example.com/', isMainFrame: true })).toBe(false);
    expect(await session.request('notifications', { requestingUrl: 'https://web.whatsapp.com/', isMainFrame: true })).toBe(false);
  });

  it('keeps each session’s decisions to its own service', async () => {
    const h = setup();
    openAll(h, service('wa', 'whatsapp'), service('tg', 'telegram'));
    expect(await h.sessionOf('wa').request('notifications', { requestingUrl: 'https://web.telegram.org/', isMainFrame: true })).toBe(false);
    expect(await h.sessionOf('tg').request('notifications', { requestingUrl: 'https://web.telegram.org/', isMainFrame: true })).toBe(true);
    expect(await h.sessionOf('tg').request('notifications', { requestingUrl: 'https://web.whatsapp.com/', isMainFrame: true })).toBe(false);
  });

  it('configures a partition once, even when its view is closed and opened again', () => {
    const h = setup();
    const session = h.fake.sessionFor(partitionOf('a'));
    const userAgent = vi.spyOn(session, 'setUserAgent');
    const request = vi.spyOn(session, 'setPermissionRequestHandler');
    const check = vi.spyOn(session, 'setPermissionCheckHandler');
    const s = service('a', 'whatsapp');
    openAll(h, s);
    h.views.close('a');
    h.views.open(s);
    h.views.reload(s, false);
    expect(userAgent).toHaveBeenCalledTimes(1);
    expect(request).toHaveBeenCalledTimes(1);
    expect(check).toHaveBeenCalledTimes(1);
    expect(session.listenerCount('will-download')).toBe(1);
    expect(session.preloads).toHaveLength(1);
    expect(session.serviceWorkers.listenerCount('running-status-changed')).toBe(1);
    expect(h.fake.views).toHaveLength(2);
  });
});

describe('ServiceViews: service workers', () => {
  it('runs the service-worker preload in every service worker of each service’s session, and in no frame', () => {
    const h = setup();
    openAll(h, service('a', 'whatsapp'), service('b', 'telegram'));
    for (const id of ['a', 'b']) {
      expect(h.sessionOf(id).preloads).toEqual([{ type: 'service-worker', id: WORKER_PRELOAD_ID, filePath: WORKER_PRELOAD }]);
    }
  });

  it('runs the worker preload main names for each service: a connector pack’s for one, the app’s own for the other', () => {
    const h = setup();
    h.workerPreloads.set('a', '/profile/packs/1.2.0/worker/notifications.js');
    openAll(h, service('a', 'whatsapp'), service('b', 'telegram'));
    expect(h.sessionOf('a').preloads).toEqual([{ type: 'service-worker', id: WORKER_PRELOAD_ID, filePath: '/profile/packs/1.2.0/worker/notifications.js' }]);
    expect(h.sessionOf('b').preloads).toEqual([{ type: 'service-worker', id: WORKER_PRELOAD_ID, filePath: WORKER_PRELOAD }]);
  });

  it('takes a new worker preload as the service wakes or reloads: the one it replaces is unregistered, never two at once', () => {
    const h = setup();
    const s = service('a', 'whatsapp');
    openAll(h, s);
    const session = h.sessionOf('a');
    const unregister = vi.spyOn(session, 'unregisterPreloadScript');
    // A new pack while the service sleeps: it wakes on it.
    h.views.close('a');
    h.workerPreloads.set('a', '/profile/packs/1.2.0/worker/notifications.js');
    h.views.open(s);
    expect(unregister).toHaveBeenCalledWith(WORKER_PRELOAD_ID);
    expect(session.preloads).toEqual([{ type: 'service-worker', id: WORKER_PRELOAD_ID, filePath: '/profile/packs/1.2.0/worker/notifications.js' }]);
    // Back to the app's own (the pack was rolled back) as the page reloads.
    h.workerPreloads.delete('a');
    h.views.reload(s, false);
    expect(session.preloads).toEqual([{ type: 'service-worker', id: WORKER_PRELOAD_ID, filePath: WORKER_PRELOAD }]);
    // Unchanged, it is left as it is.
    h.views.reload(s, true);
    expect(unregister).toHaveBeenCalledTimes(2);
  });

  it('tells main of each worker as it starts, once, so that what its preload sends reaches main', () => {
    const h = setup();
    openAll(h, service('tg', 'telegram'), service('wa', 'whatsapp'));
    const workers = h.sessionOf('tg').serviceWorkers;
    const version = workers.start('https://web.telegram.org/a/');
    expect(h.workers.map(({ id, worker }) => [id, worker.scope])).toEqual([['tg', 'https://web.telegram.org/a/']]);
    const heard: unknown[] = [];
    h.workers[0]?.worker.ipc.on('svc:worker-notification', (_event, payload) => heard.push(payload));
    // Electron delivers a worker's message only to a ServiceWorkerMain main already holds: Wasl asked for it at start.
    expect(workers.send(version, 'svc:worker-notification', { title: 'Omar' })).toBe(true);
    expect(heard).toEqual([{ title: 'Omar' }]);
    // An idle worker stopped and started again is the same worker: heard once, not twice.
    workers.restart(version);
    expect(h.workers).toHaveLength(1);
    workers.send(version, 'svc:worker-notification', { title: 'Layla' });
    expect(heard).toEqual([{ title: 'Omar' }, { title: 'Layla' }]);
    // Each worker of its own session's service.
    h.sessionOf('wa').serviceWorkers.start('https://web.whatsapp.com/');
    expect(h.workers.map(({ id }) => id)).toEqual(['tg', 'wa']);
  });

  it('gives a worker to its session’s service only when the worker is of that service’s own origin', () => {
    const h = setup();
    openAll(h, service('tg', 'telegram'), service('c', 'custom', { url: 'https://chat.example.com/app' }));
    expect(h.views.serviceOfWorker({ serviceId: 'tg', scope: 'https://web.telegram.org/a/' })).toBe('tg');
    expect(h.views.serviceOfWorker({ serviceId: 'c', scope: 'https://chat.example.com/' })).toBe('c');
    for (const scope of ['https://evil.example/', 'https://web.telegram.org.evil.example/', 'http://web.telegram.org/a/', 'https://chat.example.com/', 'not a url', '']) {
      expect(h.views.serviceOfWorker({ serviceId: 'tg', scope }), scope).toBeUndefined();
    }
    expect(h.views.serviceOfWorker({ serviceId: 'c', scope: 'https://web.telegram.org/a/' })).toBeUndefined();
    // A service gone from the configuration has no workers.
    h.services.delete('tg');
    expect(h.views.serviceOfWorker({ serviceId: 'tg', scope: 'https://web.telegram.org/a/' })).toBeUndefined();
  });
});

describe('ServiceViews: downloads', () => {
  it('hands each download to the downloads list with the service whose page started it', () => {
    const h = setup();
    openAll(h, service('a', 'whatsapp'), service('b', 'telegram'));
    const first = new FakeDownloadItem('فاتورة-123.pdf');
    const second = new FakeDownloadItem('photo.jpg');
    h.sessionOf('a').emit('will-download', new FakeEvent(), first, h.viewOf('a').webContents);
    h.sessionOf('b').emit('will-download', new FakeEvent(), second, h.viewOf('b').webContents);
    expect(h.downloads).toEqual([
      ['a', first],
      ['b', second],
    ]);
    // Where it goes is the list's to decide: the view sets nothing.
    expect(first.saveDialogOptions).toBeUndefined();
    expect(first.savePath).toBe('');
  });
});

describe('ServiceViews: present', () => {
  it('shows only the chosen view, with its bounds rounded', () => {
    const h = setup();
    openAll(h, service('a', 'whatsapp'), service('b', 'telegram'), service('c', 'slack'));
    h.views.present('b', { x: 72.4, y: 48.6, width: 900.4, height: 600.2 });
    expect(h.viewOf('b').visible).toBe(true);
    expect(h.viewOf('b').bounds).toEqual({ x: 72, y: 49, width: 900, height: 600 });
    expect(h.viewOf('a').visible).toBe(false);
    expect(h.viewOf('c').visible).toBe(false);
    for (const value of Object.values(h.viewOf('b').bounds ?? {})) expect(Number.isInteger(value)).toBe(true);
  });

  it('clamps the bounds to the window’s content size', () => {
    const h = setup();
    h.win.contentBounds = { x: 0, y: 0, width: 1000, height: 700 };
    openAll(h, service('a', 'whatsapp'));
    h.views.present('a', { x: 300, y: 100, width: 5000, height: 5000 });
    expect(h.viewOf('a').bounds).toEqual({ x: 300, y: 100, width: 700, height: 600 });
    h.views.present('a', { x: 2000, y: 900, width: 100, height: 100 });
    const bounds = h.viewOf('a').bounds;
    expect(bounds?.x).toBeLessThanOrEqual(1000);
    expect(bounds?.y).toBeLessThanOrEqual(700);
    expect((bounds?.x ?? 0) + (bounds?.width ?? 0)).toBeLessThanOrEqual(1000);
    expect((bounds?.y ?? 0) + (bounds?.height ?? 0)).toBeLessThanOrEqual(700);
  });

  it('moves the visible view when another service is presented', () => {
    const h = setup();
    openAll(h, service('a', 'whatsapp'), service('b', 'telegram'));
    const rect = { x: 0, y: 0, width: 800, height: 600 };
    h.views.present('a', rect);
    h.views.present('b', rect);
    expect(h.viewOf('a').visible).toBe(false);
    expect(h.viewOf('b').visible).toBe(true);
  });

  it.each([
    ['a null rect', null],
    ['a zero-width rect', { x: 10, y: 10, width: 0, height: 400 }],
    ['a zero-height rect', { x: 10, y: 10, width: 400, height: 0 }],
  ])('hides every view for %s', (_name, rect) => {
    const h = setup();
    openAll(h, service('a', 'whatsapp'), service('b', 'telegram'));
    h.views.present('a', { x: 0, y: 0, width: 800, height: 600 });
    h.views.present('a', rect);
    expect(h.viewOf('a').visible).toBe(false);
    expect(h.viewOf('b').visible).toBe(false);
  });

  it('hides every view when no service, or an unknown one, is presented', () => {
    const h = setup();
    openAll(h, service('a', 'whatsapp'));
    h.views.present('a', { x: 0, y: 0, width: 800, height: 600 });
    h.views.present(null, { x: 0, y: 0, width: 800, height: 600 });
    expect(h.viewOf('a').visible).toBe(false);
    h.views.present('a', { x: 0, y: 0, width: 800, height: 600 });
    h.views.present('zzz', { x: 0, y: 0, width: 800, height: 600 });
    expect(h.viewOf('a').visible).toBe(false);
  });
});

describe('ServiceViews: close, reload, storage', () => {
  it('close removes the child view, closes its contents and forgets it', () => {
    const h = setup();
    openAll(h, service('a', 'whatsapp'), service('b', 'telegram'));
    const a = h.viewOf('a');
    const b = h.viewOf('b');
    h.views.close('a');
    expect(h.win.children).toEqual([b]);
    expect(a.webContents.isDestroyed()).toBe(true);
    expect(b.webContents.isDestroyed()).toBe(false);
    expect(h.views.contentsId('a')).toBeUndefined();
    expect(h.policy.ownerOf(a.webContents.id)).toBeUndefined();
    expect(() => {
      h.views.close('a');
      h.views.close('never-opened');
    }).not.toThrow();
  });

  it('reload without hard only reloads the page', () => {
    const h = setup();
    const s = service('a', 'whatsapp');
    openAll(h, s);
    const contents = h.viewOf('a').webContents;
    h.views.reload(s, false);
    expect(contents.reloads).toBe(1);
    expect(contents.crashesForced).toBe(0);
  });

  it('reload(hard) forces the renderer to crash before reloading', () => {
    const h = setup();
    const s = service('a', 'whatsapp');
    openAll(h, s);
    const contents = h.viewOf('a').webContents;
    const crash = vi.spyOn(contents, 'forcefullyCrashRenderer');
    const reload = vi.spyOn(contents, 'reload');
    h.views.reload(s, true);
    expect(crash).toHaveBeenCalledTimes(1);
    expect(reload).toHaveBeenCalledTimes(1);
    expect(crash.mock.invocationCallOrder[0]).toBeLessThan(reload.mock.invocationCallOrder[0] ?? 0);
  });

  it('reload of a page that never committed loads the start URL again', () => {
    const h = setup();
    const s = service('a', 'whatsapp');
    openAll(h, s);
    const contents = h.viewOf('a').webContents;
    contents.url = '';
    h.views.reload(s, true);
    expect(contents.crashesForced).toBe(1);
    expect(contents.loads).toEqual(['https://web.whatsapp.com/', 'https://web.whatsapp.com/']);
    expect(contents.reloads).toBe(0);
  });

  it('reload of a closed service opens it again', () => {
    const h = setup();
    const s = service('a', 'whatsapp');
    openAll(h, s);
    const first = h.viewOf('a');
    h.views.close('a');
    h.views.reload(s, true);
    const second = h.viewOf('a');
    expect(second).not.toBe(first);
    expect(h.win.children).toEqual([second]);
    expect(second.webContents.loads).toEqual(['https://web.whatsapp.com/']);
    expect(second.options.webPreferences.partition).toBe('persist:svc-a');
    expect(h.policy.serviceOf(second.webContents.id)).toBe('a');
  });

  it('clearStorage clears the storage and the cache of that service’s partition only', async () => {
    const h = setup();
    openAll(h, service('a', 'whatsapp'), service('b', 'whatsapp'));
    await h.views.clearStorage('a');
    expect(h.sessionOf('a').cleared).toEqual({ storage: 1, cache: 1 });
    expect(h.sessionOf('b').cleared).toEqual({ storage: 0, cache: 0 });
  });

  it('clearStorage works for a service whose view is closed, and passes a failure on', async () => {
    const h = setup();
    openAll(h, service('a', 'whatsapp'));
    h.views.close('a');
    await h.views.clearStorage('a');
    expect(h.sessionOf('a').cleared).toEqual({ storage: 1, cache: 1 });
    h.sessionOf('a').failClear = true;
    await expect(h.views.clearStorage('a')).rejects.toThrow('disk refused');
  });

  it('mutes and sends to the right service, and not to a closed one', () => {
    const h = setup();
    openAll(h, service('a', 'whatsapp'), service('b', 'telegram'));
    h.views.setAudioMuted('b', true);
    expect(h.viewOf('b').webContents.audioMuted).toBe(true);
    expect(h.viewOf('a').webContents.audioMuted).toBe(false);
    h.views.send('a', 'svc:resync', 1);
    expect(h.viewOf('a').webContents.sent).toEqual([{ channel: 'svc:resync', args: [1] }]);
    expect(h.viewOf('b').webContents.sent).toEqual([]);
    const a = h.viewOf('a').webContents;
    h.views.close('a');
    h.views.send('a', 'svc:resync');
    expect(a.sent).toHaveLength(1);
  });

  it("gives the keyboard focus to the service's page only, and to no closed one", () => {
    const h = setup();
    openAll(h, service('a', 'whatsapp'), service('b', 'telegram'));
    h.views.focus('b');
    expect(h.viewOf('b').webContents.focused).toBe(1);
    expect(h.viewOf('a').webContents.focused).toBe(0);
    const b = h.viewOf('b').webContents;
    h.views.close('b');
    h.views.focus('b');
    expect(b.focused).toBe(1);
  });

  it("finds in the service's page only, passes its answers on with their service, and finds nothing in a closed one", () => {
    const h = setup();
    openAll(h, service('a', 'whatsapp'), service('b', 'slack'));
    const b = h.viewOf('b').webContents;
    const requestId = h.views.find('b', 'order', { forward: false, findNext: true });
    expect(b.finds).toEqual([{ requestId, text: 'order', options: { forward: false, findNext: true } }]);
    expect(h.viewOf('a').webContents.finds).toEqual([]);
    const answer = { requestId: requestId ?? -1, activeMatchOrdinal: 2, matches: 5, finalUpdate: true };
    b.answerFind(answer);
    expect(h.found).toEqual([{ id: 'b', result: answer }]);
    h.views.stopFind('b', 'keepSelection');
    expect(b.findStops).toEqual(['keepSelection']);
    h.views.close('b');
    b.answerFind(answer);
    expect(h.found).toHaveLength(1);
    expect(h.views.find('b', 'order', { forward: true, findNext: true })).toBeUndefined();
    h.views.stopFind('b', 'clearSelection');
    expect(b.findStops).toEqual(['keepSelection']);
  });
});

describe('ServiceViews: compact view', () => {
  const sheets = (contents: FakeWebContents): { css: string; cssOrigin: string | undefined }[] => [...contents.insertedCss.values()];
  const hiding = [{ css: PANE_CSS, cssOrigin: 'user' }];

  it('hides the page’s pane with a user stylesheet (above the page’s own rules, outside its CSP), in that service’s page only', async () => {
    const h = setup();
    openAll(h, service('a', 'whatsapp'), service('b', 'telegram'));
    h.views.setListPaneHidden('a', true);
    await flush();
    expect(sheets(h.viewOf('a').webContents)).toEqual(hiding);
    expect(sheets(h.viewOf('b').webContents)).toEqual([]);
    h.views.setListPaneHidden('a', true);
    await flush();
    expect(sheets(h.viewOf('a').webContents)).toEqual(hiding);
  });

  it('takes the stylesheet out when asked to show the pane again, also when asked before it was in', async () => {
    const h = setup();
    openAll(h, service('a', 'whatsapp'));
    const contents = h.viewOf('a').webContents;
    h.views.setListPaneHidden('a', true);
    await flush();
    h.views.setListPaneHidden('a', false);
    await flush();
    expect(sheets(contents)).toEqual([]);
    // Asked to show it again before the page answered the stylesheet's key.
    h.views.setListPaneHidden('a', true);
    h.views.setListPaneHidden('a', false);
    await flush();
    expect(sheets(contents)).toEqual([]);
  });

  it('hides it again in each new document of the page, and not once asked to show it', async () => {
    const h = setup();
    openAll(h, service('a', 'whatsapp'));
    const contents = h.viewOf('a').webContents;
    h.views.setListPaneHidden('a', true);
    await flush();
    contents.newDocument();
    await flush();
    expect(sheets(contents)).toEqual(hiding);
    h.views.setListPaneHidden('a', false);
    await flush();
    contents.newDocument();
    await flush();
    expect(sheets(contents)).toEqual([]);
  });

  it('hides it in the page of a view opened later: asked before the view existed, or after it was closed', async () => {
    const h = setup();
    h.views.setListPaneHidden('a', true);
    openAll(h, service('a', 'whatsapp'));
    const first = h.viewOf('a').webContents;
    expect(sheets(first)).toEqual([]);
    first.newDocument();
    await flush();
    expect(sheets(first)).toEqual(hiding);
    h.views.close('a');
    h.views.open(service('a', 'whatsapp'));
    const second = h.viewOf('a').webContents;
    second.newDocument();
    await flush();
    expect(sheets(second)).toEqual(hiding);
  });

  it('does not touch a page that is gone, and logs a stylesheet the page refused', async () => {
    const h = setup();
    openAll(h, service('a', 'whatsapp'));
    const contents = h.viewOf('a').webContents;
    contents.destroyed = true;
    h.views.setListPaneHidden('a', true);
    await flush();
    expect(sheets(contents)).toEqual([]);
    contents.destroyed = false;
    vi.spyOn(contents, 'insertCSS').mockRejectedValueOnce(new Error('render process gone'));
    contents.newDocument();
    await flush();
    expect(h.log.lines.some((line) => line.message === 'could not hide the page’s chat list')).toBe(true);
    // The refused stylesheet is not counted as in: the next document gets it.
    contents.newDocument();
    await flush();
    expect(sheets(contents)).toEqual(hiding);
  });
});

describe('ServiceViews: a contents destroyed behind its back', () => {
  it('neither sends to it nor closes it again', () => {
    const h = setup();
    openAll(h, service('a', 'whatsapp'));
    const view = h.viewOf('a');
    const contents = view.webContents;
    contents.destroyed = true;
    const close = vi.spyOn(contents, 'close');
    h.views.send('a', 'svc:resync');
    expect(contents.sent).toEqual([]);
    h.views.close('a');
    expect(close).not.toHaveBeenCalled();
    expect(h.win.children).not.toContain(view);
  });
});

describe('ServiceViews: page events', () => {
  const main = new FakeEvent();
  const cases: [string, (c: FakeWebContents) => void, ViewEvent][] = [
    ['did-start-loading', (c) => c.emit('did-start-loading'), { type: 'loading' }],
    ['did-finish-load', (c) => c.emit('did-finish-load'), { type: 'loaded', url: 'https://web.whatsapp.com/' }],
    ['did-navigate', (c) => c.emit('did-navigate', main, 'https://web.whatsapp.com/x'), { type: 'navigated', url: 'https://web.whatsapp.com/x' }],
    [
      'did-navigate-in-page (main frame)',
      (c) => c.emit('did-navigate-in-page', main, 'https://web.whatsapp.com/#chat', true),
      { type: 'navigated', url: 'https://web.whatsapp.com/#chat' },
    ],
    [
      'did-fail-load (main frame)',
      (c) => c.emit('did-fail-load', main, -106, 'ERR_INTERNET_DISCONNECTED', 'https://web.whatsapp.com/', true),
      { type: 'load-failed', code: -106, description: 'ERR_INTERNET_DISCONNECTED', url: 'https://web.whatsapp.com/' },
    ],
    ['render-process-gone', (c) => c.emit('render-process-gone', main, { reason: 'oom' }), { type: 'crashed', reason: 'oom' }],
    ['unresponsive', (c) => c.emit('unresponsive'), { type: 'unresponsive' }],
    ['responsive', (c) => c.emit('responsive'), { type: 'responsive' }],
    ['page-title-updated', (c) => c.emit('page-title-updated', main, '(3) WhatsApp'), { type: 'title', title: '(3) WhatsApp' }],
  ];

  it.each(cases)('%s becomes the right ViewEvent', (_name, fire, expected) => {
    const h = setup();
    openAll(h, service('x', 'telegram'), service('a', 'whatsapp'));
    fire(h.viewOf('a').webContents);
    expect(h.events).toEqual([{ id: 'a', event: expected }]);
  });

  it('reports loaded with the page’s current URL', () => {
    const h = setup();
    openAll(h, service('a', 'whatsapp'));
    const contents = h.viewOf('a').webContents;
    contents.url = 'https://web.whatsapp.com/after-redirect';
    contents.emit('did-finish-load');
    expect(h.events).toEqual([{ id: 'a', event: { type: 'loaded', url: 'https://web.whatsapp.com/after-redirect' } }]);
  });

  it('ignores sub-frame in-page navigations and sub-frame load failures', () => {
    const h = setup();
    openAll(h, service('a', 'whatsapp'));
    const contents = h.viewOf('a').webContents;
    contents.emit('did-navigate-in-page', main, 'https://ads.example/#x', false);
    contents.emit('did-fail-load', main, -2, 'ERR_FAILED', 'https://ads.example/', false);
    expect(h.events).toEqual([]);
  });

  it('ignores events from a view that was closed, even after the service is opened again', () => {
    const h = setup();
    const s = service('a', 'whatsapp');
    openAll(h, s);
    const old = h.viewOf('a').webContents;
    h.views.close('a');
    old.emit('render-process-gone', main, { reason: 'killed' });
    h.views.open(s);
    old.emit('did-start-loading');
    old.emit('page-title-updated', main, '(9) stale');
    expect(h.events).toEqual([]);
    h.viewOf('a').webContents.emit('did-start-loading');
    expect(h.events).toEqual([{ id: 'a', event: { type: 'loading' } }]);
  });
});

describe('ServiceViews: contentsId', () => {
  it('maps each service to its contents, and the ContentsPolicy knows the owner', () => {
    const h = setup();
    openAll(h, service('a', 'whatsapp'), service('b', 'whatsapp'));
    const a = h.views.contentsId('a');
    const b = h.views.contentsId('b');
    expect(a).toBe(h.viewOf('a').webContents.id);
    expect(b).toBe(h.viewOf('b').webContents.id);
    expect(h.policy.ownerOf(a ?? -1)).toEqual({ kind: 'service', serviceId: 'a' });
    expect(h.policy.serviceOf(b ?? -1)).toBe('b');
    expect(h.policy.serviceOf(h.win.webContents.id)).toBeUndefined();
    expect(h.views.contentsId('zzz')).toBeUndefined();
  });

  it('guards the view’s navigations with its service’s policy', () => {
    const h = setup();
    openAll(h, service('a', 'whatsapp'));
    const contents = h.viewOf('a').webContents;
    expect(contents.navigate('https://web.whatsapp.com/other')).toBe(true);
    contents.click();
    expect(contents.navigate('https://web.telegram.org/')).toBe(false);
    expect(h.fake.shell.opened).toEqual(['https://web.telegram.org/']);
  });
});

describe('ServiceViews: sleep, throttling and processes', () => {
  it('throttles the timers of every hidden page and never those of the page in front', () => {
    const h = setup();
    openAll(h, service('a', 'whatsapp'), service('b', 'telegram'));
    h.views.present('a', { x: 0, y: 0, width: 800, height: 600 });
    expect(h.viewOf('a').webContents.throttled).toBe(false);
    expect(h.viewOf('b').webContents.throttled).toBe(true);
    h.views.present('b', { x: 0, y: 0, width: 800, height: 600 });
    expect(h.viewOf('a').webContents.throttled).toBe(true);
    expect(h.viewOf('b').webContents.throttled).toBe(false);
    h.views.present(null, null);
    expect(h.viewOf('b').webContents.throttled).toBe(true);
  });

  it('answers where a closed page was, and wakes it there when that is still one of its own pages', () => {
    const h = setup();
    const wa = service('a', 'whatsapp');
    openAll(h, wa);
    h.viewOf('a').webContents.url = 'https://web.whatsapp.com/#chat';
    expect(h.views.close('a')).toBe('https://web.whatsapp.com/#chat');
    expect(h.views.close('a')).toBeUndefined();
    h.views.open(wa, 'https://web.whatsapp.com/#chat');
    expect(h.viewOf('a').webContents.loads).toEqual(['https://web.whatsapp.com/#chat']);
    for (const elsewhere of ['https://evil.example/', 'http://web.whatsapp.com/', 'javascript:alert(1)', 'not a url']) {
      h.views.close('a');
      h.views.open(wa, elsewhere);
      expect(h.viewOf('a').webContents.loads).toEqual(['https://web.whatsapp.com/']);
    }
  });

  it('tells the process id of an open page only', () => {
    const h = setup();
    openAll(h, service('a', 'whatsapp'));
    const pid = h.viewOf('a').webContents.pid;
    expect(h.views.processId('a')).toBe(pid);
    h.views.close('a');
    expect(h.views.processId('a')).toBeUndefined();
    expect(h.views.processId('nobody')).toBeUndefined();
  });
});

describe('ServiceViews: zoom', () => {
  it('zooms the service’s page only, keeps the factor for a view opened later, and 1 sets it back', () => {
    const h = setup();
    openAll(h, service('a', 'whatsapp'), service('b', 'telegram'));
    h.views.setZoom('a', 1.25);
    h.views.setZoom('c', 0.9);
    expect(h.viewOf('a').webContents.zoomFactor).toBe(1.25);
    expect(h.viewOf('b').webContents.zoomFactor).toBe(1);
    openAll(h, service('c', 'slack'));
    expect(h.viewOf('c').webContents.zoomFactor).toBe(0.9);
    h.views.close('a');
    openAll(h, service('a', 'whatsapp'));
    expect(h.viewOf('a').webContents.zoomFactor).toBe(1.25);
    h.views.setZoom('a', 1);
    expect(h.viewOf('a').webContents.zoomFactor).toBe(1);
  });

  it('zooms a new document again (a page on another host starts at that host’s zoom)', () => {
    const h = setup();
    openAll(h, service('a', 'whatsapp'));
    h.views.setZoom('a', 1.5);
    const contents = h.viewOf('a').webContents;
    contents.zoomFactor = 1;
    contents.newDocument();
    expect(contents.zoomFactor).toBe(1.5);
  });

  it('passes a zoom the page asked for (Ctrl + the wheel) to main, for the view that hosts the service now', () => {
    const h = setup();
    openAll(h, service('a', 'whatsapp'));
    const first = h.viewOf('a').webContents;
    first.emit('zoom-changed', new FakeEvent(), 'in');
    h.views.close('a');
    first.emit('zoom-changed', new FakeEvent(), 'out');
    openAll(h, service('a', 'whatsapp'));
    h.viewOf('a').webContents.emit('zoom-changed', new FakeEvent(), 'out');
    expect(h.zoomsAsked).toEqual([
      { id: 'a', step: 'in' },
      { id: 'a', step: 'out' },
    ]);
  });

  it('logs a factor the page refuses and leaves the page as it was', () => {
    const h = setup();
    openAll(h, service('a', 'whatsapp'));
    h.views.setZoom('a', 0);
    expect(h.viewOf('a').webContents.zoomFactor).toBe(1);
    expect(h.log.count('info', 'could not zoom the page')).toBe(1);
  });
});

describe('ServiceViews: the session made ready first', () => {
  it('loads the page only once the session is ready (its proxy applied), and not at all once closed', async () => {
    const pending = new Map<string, () => void>();
    const h = setup([], (id) => new Promise<void>((resolve) => pending.set(id, resolve)));
    h.views.open(service('wa1', 'whatsapp'));
    h.views.open(service('tg1', 'telegram'));
    expect(h.viewOf('wa1').webContents.loads).toEqual([]);
    pending.get('wa1')?.();
    await Promise.resolve();
    await Promise.resolve();
    expect(h.viewOf('wa1').webContents.loads).toEqual(['https://web.whatsapp.com/']);
    const tg = h.viewOf('tg1');
    h.views.close('tg1');
    pending.get('tg1')?.();
    await Promise.resolve();
    await Promise.resolve();
    expect(tg.webContents.loads).toEqual([]);
  });
});
