/**
 * ViewsPort on Electron: one WebContentsView per service account, each on its own `persist:svc-<id>` partition,
 * sandboxed, with the service preload. Every partition's session gets the clean Chrome user agent, permission
 * request and check handlers, its downloads handed to the downloads list (main/core/downloads/), and the service-worker preload in each of its
 * service workers, whose messages main hears on each worker as it starts. In the demo, each session answers its
 * platform's pages from the fixture folder and refuses everything else (./demo.ts). Page events become ViewEvents for the
 * service controller.
 */
import { originAllowed, serviceOrigins, serviceStartUrl } from '../../common/catalog';
import { PANE_CSS } from '../../common/compact';
import type { Rect } from '../../common/ipc';
import type { ServiceConfig } from '../../common/model';
import type { Logger, ViewsPort } from '../core/app/ports';
import type { FindOptions, FindPort, FoundInPage, StopAction } from '../core/find/find';
import type { CapturePage } from '../core/screen-share/picker';
import type { ViewEvent } from '../core/services/lifecycle';
import type { WorkerSender } from '../ipc/router';
import { decidePermission } from '../security/policy';
import type {
  BrowserWindowLike,
  DisplayMediaRequestLike,
  DisplayMediaStreamsLike,
  DownloadItemLike,
  ElectronApi,
  ServiceWorkerLike,
  SessionLike,
  WebContentsLike,
  WebContentsViewLike,
} from './api';
import type { ContentsPolicy } from './contents-policy';
import { serveDemoFixture } from './demo';
import { secureWebPreferences } from './web-preferences';

export const partitionOf = (serviceId: string): string => `persist:svc-${serviceId}`;

/** The id of the service-worker preload on every service's session. */
export const WORKER_PRELOAD_ID = 'wasl-service-worker';

export interface ServiceViewsDeps<V extends WebContentsViewLike> {
  electron: Pick<ElectronApi<V>, 'WebContentsView' | 'session'>;
  window: BrowserWindowLike<V>;
  policy: ContentsPolicy;
  preloadPath: string;
  /**
   * The preload every service worker of a service's session runs: preload/service-worker.ts as the app built it, or
   * the worker script of the connector pack in use. Asked as the service opens or reloads, so a new pack's takes
   * effect as each service's workers next start.
   */
  workerPreloadPath(serviceId: string): string;
  userAgent: string;
  acceptLanguages: string;
  /** The service's current configuration (permissions follow later changes, such as enabling calls). */
  serviceOf(serviceId: string): ServiceConfig | undefined;
  onEvent(serviceId: string, event: ViewEvent): void;
  /** A page of the service started a download (main/core/downloads/ decides where it goes and follows it). */
  onDownload(serviceId: string, item: DownloadItemLike): void;
  /** The user asked the page itself to zoom (Ctrl/Cmd + the mouse wheel, a pinch): a step in or out for the service. */
  onZoomAsked(serviceId: string, step: 'in' | 'out'): void;
  /** A service worker of the service's session started: main can hear its messages from now on. */
  onWorker(serviceId: string, worker: ServiceWorkerLike): void;
  /** An answer of the service's page to a find (FindPort.find). */
  onFound?(serviceId: string, result: FoundInPage): void;
  /**
   * Whether the service's `page` may start a screen share now (its screen-capture permission follows it); false
   * without it. `captureGranted` is told each grant, with a way to stop the page it went to (ScreenSharePicker).
   */
  mayCaptureScreen?(serviceId: string, page: CapturePage): boolean;
  captureGranted?(serviceId: string, stop: () => void): void;
  /**
   * A page of the service asks to share the screen (`getDisplayMedia`): `contents` is the service's own view's, if it
   * has one, and `callback` must be called exactly once (./screen-share.ts). Without it every request is refused.
   */
  onDisplayMedia?(serviceId: string, contents: WebContentsLike | undefined, request: DisplayMediaRequestLike, callback: (streams: DisplayMediaStreamsLike) => void): void;
  /**
   * Resolves once the service's session is ready for its page (its proxy applied: main/core/services/proxy.ts);
   * the page loads after it. Absent: the page loads at once.
   */
  sessionReady?(serviceId: string): Promise<void>;
  /** The demo only: the fixture pages' folder (test/fixtures/platforms) the services' pages come from instead of the web. */
  demoFixtures?: string;
  log: Logger;
}

export class ServiceViews<V extends WebContentsViewLike> implements ViewsPort, FindPort {
  private readonly hosted = new Map<string, V>();
  private readonly configured = new WeakSet<SessionLike>();
  private readonly workers = new WeakSet<ServiceWorkerLike>();
  /** The worker preload each session runs now. */
  private readonly workerPreloads = new WeakMap<SessionLike, string>();
  /** The services whose page's own chat-list pane is to be hidden (compact view). */
  private readonly panesHidden = new Set<string>();
  /** The stylesheet hiding it in each such page's current document: where it went, and its key once inserted. */
  private readonly paneSheets = new Map<string, { contents: WebContentsLike; key: Promise<string> }>();
  /** The zoom factor of each service whose pages are not at 100 %. */
  private readonly zooms = new Map<string, number>();

  constructor(private readonly deps: ServiceViewsDeps<V>) {}

  open(service: ServiceConfig, resumeUrl?: string): void {
    if (this.hosted.has(service.id)) return;
    const url = resumable(service, resumeUrl) ?? serviceStartUrl(service.platform, service.url);
    if (!url) {
      this.deps.log.error('service has no start URL', { service: service.id });
      return;
    }
    const partition = partitionOf(service.id);
    const session = this.deps.electron.session.fromPartition(partition);
    this.configureSession(session, service.id);
    this.useWorkerPreload(session, service.id);
    const view = new this.deps.electron.WebContentsView({
      webPreferences: secureWebPreferences({
        partition,
        preload: this.deps.preloadPath,
        additionalArguments: [`--wasl-platform=${service.platform}`],
      }),
    });
    view.setVisible(false);
    view.setBackgroundColor('#00000000');
    this.deps.policy.assign(view.webContents.id, { kind: 'service', serviceId: service.id });
    this.wire(service.id, view);
    this.applyZoom(service.id, view.webContents);
    this.deps.window.contentView.addChildView(view);
    this.hosted.set(service.id, view);
    this.load(service.id, view, url);
  }

  close(serviceId: string): string | undefined {
    const view = this.hosted.get(serviceId);
    if (!view) return undefined;
    this.hosted.delete(serviceId);
    this.paneSheets.delete(serviceId);
    this.deps.window.contentView.removeChildView(view);
    if (view.webContents.isDestroyed()) return undefined;
    const url = view.webContents.getURL();
    view.webContents.close();
    return url;
  }

  reload(service: ServiceConfig, hard: boolean): void {
    const view = this.hosted.get(service.id);
    if (!view) {
      this.open(service);
      return;
    }
    this.useWorkerPreload(this.deps.electron.session.fromPartition(partitionOf(service.id)), service.id);
    const contents = view.webContents;
    if (hard) contents.forcefullyCrashRenderer();
    if (contents.getURL() === '') {
      this.load(service.id, view, serviceStartUrl(service.platform, service.url) ?? '');
    } else {
      contents.reload();
    }
  }

  present(serviceId: string | null, rect: Rect | null): void {
    const content = this.deps.window.getContentBounds();
    for (const [id, view] of this.hosted) {
      const visible = id === serviceId && rect !== null && rect.width > 0 && rect.height > 0;
      if (visible) {
        const x = Math.round(Math.min(rect.x, content.width));
        const y = Math.round(Math.min(rect.y, content.height));
        view.setBounds({
          x,
          y,
          width: Math.max(0, Math.round(Math.min(rect.width, content.width - x))),
          height: Math.max(0, Math.round(Math.min(rect.height, content.height - y))),
        });
      }
      view.setVisible(visible);
      // Hidden pages run their timers throttled; the one in front never is.
      if (!view.webContents.isDestroyed()) view.webContents.setBackgroundThrottling(!visible);
    }
  }

  processId(serviceId: string): number | undefined {
    const contents = this.hosted.get(serviceId)?.webContents;
    if (!contents || contents.isDestroyed()) return undefined;
    const pid = contents.getOSProcessId();
    return pid > 0 ? pid : undefined;
  }

  setAudioMuted(serviceId: string, muted: boolean): void {
    this.hosted.get(serviceId)?.webContents.setAudioMuted(muted);
  }

  focus(serviceId: string): void {
    const contents = this.hosted.get(serviceId)?.webContents;
    if (contents && !contents.isDestroyed()) contents.focus();
  }

  find(serviceId: string, text: string, options: FindOptions): number | undefined {
    const contents = this.hosted.get(serviceId)?.webContents;
    return contents && !contents.isDestroyed() ? contents.findInPage(text, options) : undefined;
  }

  stopFind(serviceId: string, action: StopAction): void {
    const contents = this.hosted.get(serviceId)?.webContents;
    if (contents && !contents.isDestroyed()) contents.stopFindInPage(action);
  }

  /**
   * The pane is hidden by a user stylesheet (common/compact.ts's PANE_CSS) inserted into the page: it applies under
   * the page's Content-Security-Policy, and to whichever element the agent marks, so it holds while the page
   * re-renders. A new document (a reload, a view opened again) gets it again once its DOM is ready.
   */
  setListPaneHidden(serviceId: string, hidden: boolean): void {
    if (hidden) this.panesHidden.add(serviceId);
    else this.panesHidden.delete(serviceId);
    const view = this.hosted.get(serviceId);
    if (view) this.applyPaneSheet(serviceId, view.webContents);
  }

  setZoom(serviceId: string, factor: number): void {
    if (factor === 1) this.zooms.delete(serviceId);
    else this.zooms.set(serviceId, factor);
    const view = this.hosted.get(serviceId);
    if (view) this.applyZoom(serviceId, view.webContents);
  }

  async clearStorage(serviceId: string): Promise<void> {
    const session = this.deps.electron.session.fromPartition(partitionOf(serviceId));
    await session.clearStorageData();
    await session.clearCache();
  }

  /** The service a worker belongs to: the service of its session, when the worker's scope is on that service's origins. */
  /** The origins the service's pages may stay on; undefined for a service Wasl does not have. */
  originsOf(serviceId: string): readonly string[] | undefined {
    const service = this.deps.serviceOf(serviceId);
    return service ? serviceOrigins(service.platform, service.url) : undefined;
  }

  serviceOfWorker(sender: WorkerSender): string | undefined {
    const service = this.deps.serviceOf(sender.serviceId);
    if (!service) return undefined;
    let scope: URL;
    try {
      scope = new URL(sender.scope);
    } catch {
      return undefined;
    }
    return originAllowed(scope, serviceOrigins(service.platform, service.url)) ? service.id : undefined;
  }

  /** The webContents id of a service's view, for mapping IPC senders and tests. */
  contentsId(serviceId: string): number | undefined {
    return this.hosted.get(serviceId)?.webContents.id;
  }

  send(serviceId: string, channel: string, payload?: unknown): void {
    const contents = this.hosted.get(serviceId)?.webContents;
    if (contents && !contents.isDestroyed()) contents.send(channel, payload);
  }

  /** Sets the page's zoom to the service's; a refusal is logged and the page stays as it was. */
  private applyZoom(serviceId: string, contents: WebContentsLike): void {
    if (contents.isDestroyed()) return;
    try {
      contents.setZoomFactor(this.zooms.get(serviceId) ?? 1);
    } catch (error) {
      this.deps.log.info('could not zoom the page', { service: serviceId, error: String(error) });
    }
  }

  /** Inserts the pane's stylesheet into the page's current document, or removes it, as wanted now. */
  private applyPaneSheet(serviceId: string, contents: WebContentsLike): void {
    if (contents.isDestroyed()) return;
    const sheet = this.paneSheets.get(serviceId);
    const wanted = this.panesHidden.has(serviceId);
    if (wanted && sheet === undefined) {
      const key = contents.insertCSS(PANE_CSS, { cssOrigin: 'user' });
      this.paneSheets.set(serviceId, { contents, key });
      key.catch((error: unknown) => {
        if (this.paneSheets.get(serviceId)?.key === key) this.paneSheets.delete(serviceId);
        this.deps.log.info('could not hide the page’s chat list', { service: serviceId, error: String(error) });
      });
    } else if (!wanted && sheet !== undefined) {
      this.paneSheets.delete(serviceId);
      sheet.key
        .then((key) => (sheet.contents.isDestroyed() ? undefined : sheet.contents.removeInsertedCSS(key)))
        .catch((error: unknown) => this.deps.log.info('could not show the page’s chat list again', { service: serviceId, error: String(error) }));
    }
  }

  private load(serviceId: string, view: V, url: string): void {
    // Failures arrive as did-fail-load; the promise only repeats them.
    const start = (): void => {
      if (this.hosted.get(serviceId) !== view) return;
      view.webContents.loadURL(url).catch((error: unknown) => {
        this.deps.log.info('service page load did not complete', { service: serviceId, error: String(error) });
      });
    };
    const ready = this.deps.sessionReady?.(serviceId);
    if (ready === undefined) start();
    else void ready.then(start);
  }

  private wire(serviceId: string, view: V): void {
    const contents = view.webContents;
    const emit = (event: ViewEvent): void => {
      if (this.hosted.get(serviceId) === view) this.deps.onEvent(serviceId, event);
    };
    contents.on('did-start-loading', () => emit({ type: 'loading' }));
    contents.on('found-in-page', (_event, result) => {
      if (this.hosted.get(serviceId) === view) this.deps.onFound?.(serviceId, result);
    });
    contents.on('did-finish-load', () => emit({ type: 'loaded', url: contents.getURL() }));
    // A new document has none of the stylesheets inserted into the one before, and one on another host (a sign-in
    // page) starts at that host's zoom.
    contents.on('dom-ready', () => {
      if (this.hosted.get(serviceId) !== view) return;
      this.paneSheets.delete(serviceId);
      this.applyPaneSheet(serviceId, contents);
      this.applyZoom(serviceId, contents);
    });
    contents.on('zoom-changed', (_event, direction) => {
      if (this.hosted.get(serviceId) === view) this.deps.onZoomAsked(serviceId, direction);
    });
    contents.on('did-navigate', (_event, url) => emit({ type: 'navigated', url }));
    contents.on('did-navigate-in-page', (_event, url, isMainFrame) => {
      if (isMainFrame) emit({ type: 'navigated', url });
    });
    contents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
      if (isMainFrame) emit({ type: 'load-failed', code, description, url });
    });
    contents.on('render-process-gone', (_event, details) => emit({ type: 'crashed', reason: details.reason }));
    contents.on('unresponsive', () => emit({ type: 'unresponsive' }));
    contents.on('responsive', () => emit({ type: 'responsive' }));
    contents.on('page-title-updated', (_event, title) => emit({ type: 'title', title }));
  }

  private configureSession(session: SessionLike, serviceId: string): void {
    if (this.configured.has(session)) return;
    this.configured.add(session);
    session.setUserAgent(this.deps.userAgent, this.deps.acceptLanguages);
    const fixtures = this.deps.demoFixtures;
    if (fixtures !== undefined) {
      const serve = (request: { url: string }): Promise<Response> => serveDemoFixture(request, this.deps.serviceOf(serviceId)?.platform ?? 'custom', fixtures);
      session.protocol.handle('https', serve);
      session.protocol.handle('http', serve);
    }
    const grants = (page: CapturePage | undefined) => {
      const service = this.deps.serviceOf(serviceId);
      return {
        origins: service ? serviceOrigins(service.platform, service.url) : [],
        callsAllowed: service?.callsAllowed ?? false,
        screenCapture: page !== undefined && (this.deps.mayCaptureScreen?.(serviceId, page) ?? false),
      };
    };
    session.setPermissionRequestHandler((wc, permission, callback, details) => {
      const page = wc === null ? undefined : this.pageOf(serviceId, wc);
      const granted = decidePermission(
        { permission, requestingUrl: details.requestingUrl ?? '', isMainFrame: details.isMainFrame === true, mediaTypes: details.mediaTypes ?? [] },
        grants(page),
      );
      if (!granted) this.deps.log.info('permission refused', { service: serviceId, permission });
      // Told before the grant: with it, Electron runs the getDisplayMedia request within this very call.
      else if (permission === 'display-capture' && wc !== null) this.deps.captureGranted?.(serviceId, () => stopPage(wc));
      callback(granted);
    });
    // A check never starts a capture (a request follows a refused check), so it never needs the screen.
    session.setPermissionCheckHandler((_wc, permission, requestingOrigin, details) =>
      decidePermission(
        {
          permission,
          requestingUrl: details.requestingUrl ?? requestingOrigin,
          isMainFrame: details.isMainFrame === true,
          mediaTypes: details.mediaType && details.mediaType !== 'unknown' ? [details.mediaType] : [],
        },
        grants(undefined),
      ),
    );
    // Screen sharing goes through Wasl's own picker, never the system's (macOS 15's would skip the handler and its rules).
    session.setDisplayMediaRequestHandler((request, callback) => {
      const contents = this.hosted.get(serviceId)?.webContents;
      if (this.deps.onDisplayMedia) this.deps.onDisplayMedia(serviceId, contents, request, callback);
      else callback(null);
    });
    // Electron runs the worker preload (useWorkerPreload) in every service worker of the session, before the
    // worker's own script; the worker's messages reach main only on its ServiceWorkerMain, which must exist by then:
    // it is asked for as the worker starts (the same object for as long as its version lives, so each is heard once).
    const workers = session.serviceWorkers;
    workers.on('running-status-changed', ({ versionId, runningStatus }) => {
      if (runningStatus !== 'starting' && runningStatus !== 'running') return;
      const worker = workers.getWorkerFromVersionID(versionId);
      if (!worker || this.workers.has(worker)) return;
      this.workers.add(worker);
      this.deps.onWorker(serviceId, worker);
    });
    session.on('will-download', (_event, item) => this.deps.onDownload(serviceId, item));
  }

  /** Which of the service's pages a permission request comes from: its view, or a pop-up it opened. */
  private pageOf(serviceId: string, contents: WebContentsLike): CapturePage {
    return this.hosted.get(serviceId)?.webContents.id === contents.id ? { view: true } : { view: false, contentsId: contents.id };
  }

  /**
   * Registers the worker preload the service's session should run now, in place of the one it ran (Electron refuses
   * a second script of the same id): workers that start from now on run it, those running keep theirs.
   */
  private useWorkerPreload(session: SessionLike, serviceId: string): void {
    const filePath = this.deps.workerPreloadPath(serviceId);
    const current = this.workerPreloads.get(session);
    if (current === filePath) return;
    if (current !== undefined) session.unregisterPreloadScript(WORKER_PRELOAD_ID);
    session.registerPreloadScript({ type: 'service-worker', id: WORKER_PRELOAD_ID, filePath });
    this.workerPreloads.set(session, filePath);
  }
}

/** Ends a page's renderer (and whatever it captures); the service then shows it crashed and reloads it. */
function stopPage(contents: WebContentsLike): void {
  if (!contents.isDestroyed()) contents.forcefullyCrashRenderer();
}

/** The page to wake a service on: where it was, if that is still one of the service's own https pages. */
function resumable(service: ServiceConfig, url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && serviceOrigins(service.platform, service.url).includes(parsed.origin) ? url : undefined;
  } catch {
    return undefined;
  }
}
