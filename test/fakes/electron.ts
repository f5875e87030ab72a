/**
 * A typed fake of the part of Electron Wasl uses (main/electron/api.ts). It records what main asks for and lets a
 * test fire the events Electron would. `createFakeElectron()` returns an `ElectronApi<FakeView>`: the compiler
 * checks it against the same port types the real module is checked against in main/index.ts.
 */
import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions, Rectangle, WebPreferences } from 'electron';
import type {
  AppLike,
  BrowserWindowLike,
  CapturedImageLike,
  DesktopCapturerLike,
  DesktopSourceLike,
  DisplayMediaRequestLike,
  DisplayMediaStreamsLike,
  DownloadItemLike,
  ElectronApi,
  EventLike,
  FetchInit,
  FetchResponseLike,
  ImageSize,
  InputLike,
  IpcMainEventLike,
  IpcMainLike,
  LoginItemSettingsLike,
  MenuLike,
  NativeImageApi,
  NativeImageLike,
  NavigationDetails,
  NotificationLike,
  NotificationOptions,
  PermissionCheckDetails,
  PermissionRequestDetails,
  ServiceWorkerLike,
  ServiceWorkersLike,
  SessionLike,
  TrayLike,
  WebContentsLike,
  AuthInfoLike,
  ClientRequestLike,
  NetLike,
  WebContentsViewLike,
  WindowOpenDetails,
  WindowOpenResponse,
  ProcessMetricLike,
  WebFrameLike,
} from '../../main/electron/api';
import type { ContextParams } from '../../main/core/desktop/context-menu';
import type { ElectronProxyConfig } from '../../common/proxy';
import type { SystemMemoryLike } from '../../main/electron/api';

type Listener = (...args: never[]) => unknown;

class Emitter {
  private readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }

  /** Calls every listener of `event` with `args`, as Electron would. */
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
  }
}

/** An event object whose preventDefault a test can observe. */
export class FakeEvent implements EventLike {
  defaultPrevented = false;

  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeNavigation extends FakeEvent implements NavigationDetails {
  constructor(
    readonly url: string,
    readonly isMainFrame = true,
  ) {
    super();
  }
}

/**
 * A download as Electron hands it to 'will-download': a test moves it on (`progress`, `pause`, `finish`) and sees
 * what main did with it (its save path or dialog options, whether it was cancelled).
 */
export class FakeDownloadItem extends Emitter implements DownloadItemLike {
  saveDialogOptions: { title?: string; defaultPath?: string } | undefined;
  savePath = '';
  received = 0;
  paused = false;
  cancelled = false;

  constructor(
    private readonly filename: string,
    readonly url = 'https://web.whatsapp.com/download/123',
    public total = 0,
  ) {
    super();
  }

  getFilename(): string {
    return this.filename;
  }
  getURL(): string {
    return this.url;
  }
  getSavePath(): string {
    return this.savePath;
  }
  setSavePath(path: string): void {
    this.savePath = path;
  }
  setSaveDialogOptions(options: { title?: string; defaultPath?: string }): void {
    this.saveDialogOptions = options;
  }
  getReceivedBytes(): number {
    return this.received;
  }
  getTotalBytes(): number {
    return this.total;
  }
  isPaused(): boolean {
    return this.paused;
  }
  /** As Electron: cancelling ends the download ('done' with `cancelled`). */
  cancel(): void {
    this.cancelled = true;
    this.emit('done', new FakeEvent(), 'cancelled');
  }

  /** `received` bytes have arrived (and the save dialog, if one was shown, chose `savePath`). */
  progress(received: number, savePath?: string): void {
    this.received = received;
    if (savePath !== undefined) this.savePath = savePath;
    this.emit('updated', new FakeEvent(), 'progressing');
  }

  pause(paused: boolean): void {
    this.paused = paused;
    this.emit('updated', new FakeEvent(), 'progressing');
  }

  finish(state: 'completed' | 'interrupted'): void {
    if (state === 'completed') this.received = this.total;
    this.emit('done', new FakeEvent(), state);
  }
}

/** One representation of a fake image: its pixels (B, G, R, A premultiplied) at a scale factor. */
export interface FakeImageRep {
  scale: number;
  width: number;
  height: number;
  data: Uint8Array;
}

/** Pixels of an image file as the fake "reads" it (tests register them in `imageFiles`). */
export interface FakeImageFile {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * A nativeImage: a list of representations, as Electron keeps them. `origin` says how it was made (a path,
 * 'bitmap', 'buffer' or 'data-url'), for assertions.
 */
export class FakeNativeImage implements NativeImageLike {
  readonly reps: FakeImageRep[] = [];

  constructor(readonly origin: string) {}

  isEmpty(): boolean {
    return this.reps.length === 0;
  }

  /** The representation Electron would pick for `scale`: the closest, the larger on a tie. */
  rep(scale = 1): FakeImageRep | undefined {
    return [...this.reps].sort((a, b) => Math.abs(a.scale - scale) - Math.abs(b.scale - scale) || b.scale - a.scale)[0];
  }

  getSize(scaleFactor?: number): ImageSize {
    const rep = this.rep(scaleFactor);
    return rep ? { width: rep.width / rep.scale, height: rep.height / rep.scale } : { width: 0, height: 0 };
  }

  toBitmap(options?: { scaleFactor?: number }): Buffer {
    const rep = this.rep(options?.scaleFactor);
    return rep ? Buffer.from(rep.data) : Buffer.alloc(0);
  }

  addRepresentation(options: { scaleFactor?: number; width?: number; height?: number; buffer?: Buffer }): void {
    const { scaleFactor = 1, width = 0, height = 0, buffer } = options;
    if (!buffer || buffer.length !== width * height * 4) throw new Error('invalid buffer size');
    this.reps.push({ scale: scaleFactor, width, height, data: new Uint8Array(buffer) });
  }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The fake nativeImage module. It does not decode images: bytes that start like a PNG (size from its header) or a
 * JPEG (1×1) make a non-empty image of blank pixels, anything else an empty one, as Electron's decoder would.
 * Files come from `files` (with `name@2x.png` as the 2× representation of `name.png`, as Electron loads them).
 */
export function createFakeNativeImage(files: ReadonlyMap<string, FakeImageFile>): NativeImageApi<FakeNativeImage> {
  const decode = (bytes: Buffer, origin: string): FakeNativeImage => {
    const image = new FakeNativeImage(origin);
    let size: { width: number; height: number } | undefined;
    if (bytes.length >= 24 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) size = { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
    else if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) size = { width: 1, height: 1 };
    if (size && size.width > 0 && size.height > 0 && size.width * size.height <= 4096 * 4096) {
      image.reps.push({ scale: 1, ...size, data: new Uint8Array(size.width * size.height * 4) });
    }
    return image;
  };
  return {
    createFromPath(path) {
      const image = new FakeNativeImage(path);
      // A path that names its scale (`x@2x.png`) is that representation alone; otherwise `x@2x.png` joins as 2×.
      const named = /@(\d)x\.\w+$/.exec(path);
      const variants: [number, string][] = named
        ? [[Number(named[1]), path]]
        : [
            [1, path],
            [2, path.replace(/(\.\w+)$/, '@2x$1')],
          ];
      for (const [scale, file] of variants) {
        const found = files.get(file);
        if (found) image.reps.push({ scale, width: found.width, height: found.height, data: new Uint8Array(found.data) });
      }
      return image;
    },
    createFromBitmap(buffer, options) {
      const image = new FakeNativeImage('bitmap');
      image.addRepresentation({ ...options, buffer });
      return image;
    },
    createFromBuffer(buffer) {
      return decode(buffer, 'buffer');
    },
    createFromDataURL(dataURL) {
      const match = /^data:image\/(?:png|jpeg);base64,([A-Za-z0-9+/=]*)$/.exec(dataURL);
      return match ? decode(Buffer.from(match[1] ?? '', 'base64'), 'data-url') : new FakeNativeImage('data-url');
    },
  };
}

let nextVersionId = 1;

/** A service worker's ServiceWorkerMain: its scope, and `ipc`, where its preload's messages arrive. */
export class FakeServiceWorker implements ServiceWorkerLike {
  readonly ipc = new Emitter();

  constructor(
    readonly versionId: number,
    readonly scope: string,
  ) {}
}

/**
 * A session's service workers. As in Electron, a worker's ServiceWorkerMain exists once main asks for it
 * (getWorkerFromVersionID) and stays the same object while its version lives; a message its preload sends is
 * delivered on that object's `ipc` only, and lost when main never asked for the worker.
 */
export class FakeServiceWorkers extends Emitter implements ServiceWorkersLike {
  private readonly live = new Map<number, string>();
  private readonly workers = new Map<number, FakeServiceWorker>();

  /** A worker registered at `scope` starts (its preloads run now): 'starting', then 'running'. Answers its version id. */
  start(scope: string): number {
    const versionId = nextVersionId++;
    this.live.set(versionId, scope);
    this.status(versionId, 'starting', 'running');
    return versionId;
  }

  /** The browser stops an idle worker and starts it again for an event: the same version, the same ServiceWorkerMain. */
  restart(versionId: number): void {
    this.status(versionId, 'stopping', 'stopped', 'starting', 'running');
  }

  getWorkerFromVersionID(versionId: number): FakeServiceWorker | undefined {
    const scope = this.live.get(versionId);
    if (scope === undefined) return undefined;
    const worker = this.workers.get(versionId) ?? new FakeServiceWorker(versionId, scope);
    this.workers.set(versionId, worker);
    return worker;
  }

  /** What the worker's preload does with `ipcRenderer.send`; answers whether main's side received it. */
  send(versionId: number, channel: string, ...args: unknown[]): boolean {
    const worker = this.workers.get(versionId);
    if (!worker) return false;
    worker.ipc.emit(channel, { type: 'service-worker', versionId }, ...args);
    return true;
  }

  private status(versionId: number, ...statuses: ('starting' | 'running' | 'stopping' | 'stopped')[]): void {
    for (const runningStatus of statuses) this.emit('running-status-changed', { versionId, runningStatus });
  }
}

/**
 * The codes Electron's `availableSpellCheckerLanguages` lists on Windows and Linux: Chromium's Hunspell list
 * (kSupportedSpellCheckerLanguages in components/spellcheck/common/spellcheck_common.cc), which has no Arabic.
 */
export const CHROMIUM_SPELL_LANGUAGES: readonly string[] = [
  'af', 'bg', 'ca', 'cs', 'cy', 'da', 'de', 'de-DE', 'el', 'en', 'en-AU', 'en-CA', 'en-GB', 'en-GB-oxendict', 'en-US',
  'es', 'es-419', 'es-AR', 'es-ES', 'es-MX', 'es-US', 'et', 'fa', 'fo', 'fr', 'fr-FR', 'he', 'hi', 'hr', 'hu', 'hy', 'id',
  'it', 'it-IT', 'ko', 'lt', 'lv', 'nb', 'nl', 'pl', 'pt', 'pt-BR', 'pt-PT', 'ro', 'ru', 'sh', 'sk', 'sl', 'sq', 'sr', 'sv',
  'ta', 'tg', 'tr', 'uk', 'vi',
];

type RequestHandler = (wc: WebContentsLike | null, permission: string, callback: (granted: boolean) => void, details: PermissionRequestDetails) => void;
type CheckHandler = (wc: unknown, permission: string, requestingOrigin: string, details: PermissionCheckDetails) => boolean;

/** A session's own protocol handlers; `request` asks the one for the URL's scheme, as a page's request would. */
export class FakeSessionProtocol {
  readonly handlers = new Map<string, (request: { url: string }) => Promise<Response> | Response>();

  handle(scheme: string, handler: (request: { url: string }) => Promise<Response> | Response): void {
    this.handlers.set(scheme, handler);
  }

  /** The handled response for `url`, or undefined when no handler takes its scheme (the network would answer). */
  async request(url: string): Promise<Response | undefined> {
    const handler = this.handlers.get(new URL(url).protocol.replace(/:$/u, ''));
    return handler ? await handler({ url }) : undefined;
  }
}

export class FakeSession extends Emitter implements SessionLike {
  userAgent: string | undefined;
  acceptLanguages: string | undefined;
  requestHandler: RequestHandler | null = null;
  checkHandler: CheckHandler | null = null;
  cleared = { storage: 0, cache: 0 };
  /** Makes clearStorageData reject, as it can when the disk refuses. */
  failClear = false;
  /** Every preload script registered on the session now, in the order they were registered. */
  readonly preloads: { type: 'frame' | 'service-worker'; id?: string; filePath: string }[] = [];
  readonly serviceWorkers = new FakeServiceWorkers();
  /** The session's protocol handlers, by scheme (`ses.protocol.handle`). */
  readonly protocol = new FakeSessionProtocol();
  /** Every URL fetched through the session, in order. */
  readonly fetched: string[] = [];
  /** Answers fetch(); by default the fake has no network and rejects. */
  fetchHandler: (url: string, init?: FetchInit) => Promise<FetchResponseLike> = () => Promise.reject(new TypeError('fetch failed: the fake has no network'));

  constructor(readonly partition: string) {
    super();
  }

  fetch(url: string, init?: FetchInit): Promise<FetchResponseLike> {
    this.fetched.push(url);
    return this.fetchHandler(url, init);
  }

  /** As Electron does, a second script of an id already registered is refused. */
  registerPreloadScript(script: { type: 'frame' | 'service-worker'; id?: string; filePath: string }): string {
    if (script.id !== undefined && this.preloads.some((p) => p.id === script.id)) throw new Error(`Cannot register preload script with existing ID '${script.id}'`);
    this.preloads.push(script);
    return script.id ?? `preload-${this.preloads.length}`;
  }

  unregisterPreloadScript(id: string): void {
    const at = this.preloads.findIndex((p) => p.id === id);
    if (at >= 0) this.preloads.splice(at, 1);
  }

  setUserAgent(userAgent: string, acceptLanguages?: string): void {
    this.userAgent = userAgent;
    this.acceptLanguages = acceptLanguages;
  }

  setPermissionRequestHandler(handler: RequestHandler | null): void {
    this.requestHandler = handler;
  }

  displayMediaHandler: DisplayMediaHandler | null = null;
  displayMediaOptions: { useSystemPicker: boolean } | undefined;

  setDisplayMediaRequestHandler(handler: DisplayMediaHandler | null, opts?: { useSystemPicker: boolean }): void {
    this.displayMediaHandler = handler;
    this.displayMediaOptions = opts;
  }

  /**
   * A page's getDisplayMedia: every answer the handler gives, in order (Electron takes only the first; a second
   * is a bug a test should see). Electron refuses a request when the session has no handler.
   */
  displayMedia(request: DisplayMediaRequestLike): DisplayMediaStreamsLike[] {
    const answers: DisplayMediaStreamsLike[] = [];
    if (this.displayMediaHandler === null) answers.push(null);
    else this.displayMediaHandler(request, (streams) => answers.push(streams));
    return answers;
  }

  setPermissionCheckHandler(handler: CheckHandler | null): void {
    this.checkHandler = handler;
  }

  clearStorageData(): Promise<void> {
    if (this.failClear) return Promise.reject(new Error('disk refused'));
    this.cleared.storage += 1;
    return Promise.resolve();
  }

  clearCache(): Promise<void> {
    this.cleared.cache += 1;
    return Promise.resolve();
  }

  readonly availableSpellCheckerLanguages: string[] = [...CHROMIUM_SPELL_LANGUAGES];
  /** The spell checker's languages, as the last setSpellCheckerLanguages left them (undefined: never set). */
  spellCheckerLanguages: string[] | undefined;
  /** The words added to the session's dictionary, in order. */
  readonly dictionary: string[] = [];

  /** As Electron does, a code outside the available list is refused whole. */
  setSpellCheckerLanguages(languages: string[]): void {
    const unknown = languages.find((language) => !this.availableSpellCheckerLanguages.includes(language));
    if (unknown !== undefined) throw new Error(`Invalid language code provided: "${unknown}" is not a valid language code`);
    this.spellCheckerLanguages = [...languages];
  }

  addWordToSpellCheckerDictionary(word: string): boolean {
    this.dictionary.push(word);
    return true;
  }

  /** Every configuration setProxy was given, in order; and how often connections and cached logins were dropped. */
  readonly proxies: ElectronProxyConfig[] = [];
  connectionsClosed = 0;
  authCacheCleared = 0;

  setProxy(config: ElectronProxyConfig): Promise<void> {
    this.proxies.push(config);
    return Promise.resolve();
  }

  closeAllConnections(): Promise<void> {
    this.connectionsClosed += 1;
    return Promise.resolve();
  }

  clearAuthCache(): Promise<void> {
    this.authCacheCleared += 1;
    return Promise.resolve();
  }

  /** Asks the request handler, as a page's permission prompt would; resolves with its answer. */
  /** A permission request from `contents` (null: none, as for a service worker). */
  request(permission: string, details: PermissionRequestDetails, contents: FakeWebContents | null = null): Promise<boolean> {
    const handler = this.requestHandler;
    if (!handler) return Promise.resolve(false);
    return new Promise((resolve) => {
      handler(contents, permission, resolve, details);
    });
  }

  /**
   * A page's `getDisplayMedia` as Electron 45 runs it (shell/browser/web_contents_permission_helper.cc): the request
   * handler is asked `display-capture` with the video (and the sound) asked; granted, the display-media handler runs
   * within the same call. Every answer, in order; a refusal answers null.
   */
  getDisplayMedia(contents: FakeWebContents, request: DisplayMediaRequestLike): DisplayMediaStreamsLike[] {
    const answers: DisplayMediaStreamsLike[] = [];
    const details = { requestingUrl: request.frame?.url ?? '', isMainFrame: request.frame?.parent === null, mediaTypes: request.audioRequested ? ['video', 'audio'] : ['video'] };
    const handler = this.requestHandler;
    if (handler === null) return [null];
    handler(
      contents,
      'display-capture',
      (granted) => {
        const handler = granted ? this.displayMediaHandler : null;
        if (handler === null) answers.push(null);
        else handler(request, (streams) => answers.push(streams));
      },
      details,
    );
    return answers;
  }

  /** The contents ids of pages that captured the whole screen with no picker (the legacy desktop getUserMedia). */
  readonly capturedWithoutPicker: number[] = [];

  /**
   * A page's legacy `getUserMedia({ video: { mandatory: { chromeMediaSource: 'desktop' } } })` as Electron 45 runs
   * it: the same `display-capture` permission as getDisplayMedia; granted, the whole screen is captured at once, no
   * display-media handler asked (HandleUserMediaRequest). Whether it captured.
   */
  legacyDesktopCapture(contents: FakeWebContents, details: { requestingUrl: string; isMainFrame: boolean; mediaTypes?: string[] }): boolean {
    let captured = false;
    this.requestHandler?.(
      contents,
      'display-capture',
      (granted) => {
        captured = granted;
        if (granted) this.capturedWithoutPicker.push(contents.id);
      },
      { mediaTypes: ['video'], ...details },
    );
    return captured;
  }

  check(permission: string, requestingOrigin: string, details: PermissionCheckDetails = {}): boolean {
    return this.checkHandler?.(null, permission, requestingOrigin, details) ?? false;
  }
}

/**
 * A request from main (Electron's ClientRequest, lib/common/api/net-client-request.ts): a proxy's challenge goes to
 * its `login` listeners, and is cancelled when it has none; a manual redirect not followed ends it with an error.
 */
export class FakeClientRequest extends Emitter implements ClientRequestLike {
  ended = false;
  aborted = false;

  constructor(
    readonly options: { url: string; session: FakeSession; redirect: 'manual' },
    private readonly sent: (request: FakeClientRequest) => void = () => undefined,
  ) {
    super();
  }

  end(): void {
    this.ended = true;
    queueMicrotask(() => this.sent(this));
  }

  abort(): void {
    this.aborted = true;
  }

  /** The proxy asks for credentials: what the request answered (`[]`: cancelled). */
  challenge(authInfo: AuthInfoLike): (string | undefined)[] {
    const answer: (string | undefined)[] = [];
    const callback = (username?: string, password?: string) => {
      if (username !== undefined) answer.push(username, password);
    };
    if (this.listenerCount('login') === 0) callback();
    else this.emit('login', authInfo, callback);
    return answer;
  }

  respond(statusCode: number): void {
    this.emit('response', { statusCode });
  }

  redirect(statusCode: number): void {
    this.emit('redirect', statusCode, 'GET', 'https://elsewhere.example/', {});
    if (!this.aborted) this.emit('error', new Error('Redirect was cancelled'));
  }

  fail(netError: string): void {
    this.emit('error', new Error(netError));
  }
}

/** Electron's `net`: every request made, in order; `answer` plays the network once a request is sent (by default it stays open). */
export class FakeNet implements NetLike<FakeSession> {
  readonly requests: FakeClientRequest[] = [];
  answer: (request: FakeClientRequest) => void = () => undefined;

  request(options: { url: string; session: FakeSession; redirect: 'manual' }): FakeClientRequest {
    const request = new FakeClientRequest(options, (sent) => this.answer(sent));
    this.requests.push(request);
    return request;
  }
}

/** A frame (Electron's WebFrameMain): the page's top frame follows its contents' address; an iframe has its own. */
export class FakeFrame implements WebFrameLike {
  private static nextRoutingId = 1;
  readonly routingId = FakeFrame.nextRoutingId++;
  /** Makes the getters throw, as Electron's do once the frame is disposed. */
  disposed = false;

  constructor(
    private readonly address: () => string,
    readonly processId: number,
    private readonly parentFrame: FakeFrame | null = null,
  ) {}

  get url(): string {
    if (this.disposed) throw new Error('Render frame was disposed before WebFrameMain could be accessed');
    return this.address();
  }

  get parent(): FakeFrame | null {
    return this.parentFrame;
  }

  /** An iframe inside this frame, at `url`. */
  child(url: string): FakeFrame {
    return new FakeFrame(() => url, this.processId, this);
  }
}

/**
 * A picture desktopCapturer gives. It keeps a size and a label, not pixels: toJPEG and toPNG answer bytes that name
 * the label, the format and the size, so a test sees which picture went where and whether it was scaled.
 */
export class FakeCapturedImage implements CapturedImageLike {
  constructor(
    readonly label: string,
    readonly size: ImageSize,
    /** Pad the encoded bytes to this length (a picture too large to send). */
    readonly bytes = 0,
  ) {}

  isEmpty(): boolean {
    return this.size.width === 0 || this.size.height === 0;
  }

  getSize(): ImageSize {
    return this.size;
  }

  resize(options: { width?: number; height?: number }): FakeCapturedImage {
    const { width, height } = this.size;
    const w = options.width ?? Math.round((width * (options.height ?? height)) / height);
    const h = options.height ?? Math.round((height * (options.width ?? width)) / width);
    return new FakeCapturedImage(this.label, { width: w, height: h }, this.bytes);
  }

  toJPEG(quality: number): Buffer {
    return this.encode(`jpeg:${quality}`);
  }

  toPNG(): Buffer {
    return this.encode('png');
  }

  private encode(format: string): Buffer {
    const text = `${this.label}|${format}|${this.size.width}x${this.size.height}`;
    return Buffer.from(text.padEnd(this.bytes, '.'));
  }
}

/** desktopCapturer: answers `sources` (or fails with `failure`), and records every request. */
export class FakeDesktopCapturer implements DesktopCapturerLike {
  sources: DesktopSourceLike[] = [];
  failure: Error | undefined;
  readonly requests: Parameters<DesktopCapturerLike['getSources']>[0][] = [];

  getSources(options: Parameters<DesktopCapturerLike['getSources']>[0]): Promise<DesktopSourceLike[]> {
    this.requests.push(options);
    return this.failure ? Promise.reject(this.failure) : Promise.resolve(this.sources);
  }
}

type DisplayMediaHandler = (request: DisplayMediaRequestLike, callback: (streams: DisplayMediaStreamsLike) => void) => void;

let nextContentsId = 1;

export class FakeWebContents extends Emitter implements WebContentsLike {
  readonly id = nextContentsId++;
  url = '';
  title = '';
  destroyed = false;
  loads: string[] = [];
  reloads = 0;
  crashesForced = 0;
  audioMuted = false;
  /** Whether Chromium may throttle the page's timers while hidden (Electron's default is yes). */
  throttled = true;
  /**
   * The page's zoom factor. Chromium keeps it per host within the session, so a page on another host starts at
   * that host's (a test sets it back to 1 to play such a navigation).
   */
  zoomFactor = 1;
  /** The renderer's OS process id. */
  pid = 4000 + this.id;
  devToolsToggled = 0;
  sent: { channel: string; args: unknown[] }[] = [];
  /** The stylesheets inserted into the current document, by key (a new document, `newDocument`, has none). */
  readonly insertedCss = new Map<string, { css: string; cssOrigin: string | undefined }>();
  private nextCssKey = 1;
  windowOpenHandler: ((details: WindowOpenDetails) => WindowOpenResponse) | undefined;
  /** Makes the next loadURL reject, as Electron does when a load fails or is aborted. */
  failNextLoad = false;
  readonly mainFrame: FakeFrame = new FakeFrame(() => this.url, this.pid);

  constructor(readonly session: FakeSession) {
    super();
  }

  loadURL(url: string): Promise<void> {
    this.loads.push(url);
    this.url = url;
    if (this.failNextLoad) {
      this.failNextLoad = false;
      return Promise.reject(new Error('ERR_ABORTED (-3)'));
    }
    return Promise.resolve();
  }

  reload(): void {
    this.reloads += 1;
  }

  close(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  forcefullyCrashRenderer(): void {
    this.crashesForced += 1;
  }

  setAudioMuted(muted: boolean): void {
    this.audioMuted = muted;
  }

  insertCSS(css: string, options?: { cssOrigin?: 'user' | 'author' }): Promise<string> {
    const key = `css-${this.nextCssKey++}`;
    this.insertedCss.set(key, { css, cssOrigin: options?.cssOrigin });
    return Promise.resolve(key);
  }

  removeInsertedCSS(key: string): Promise<void> {
    this.insertedCss.delete(key);
    return Promise.resolve();
  }

  /** Every findInPage request, with the id it answered, and every stopFindInPage action, in order. */
  readonly finds: { requestId: number; text: string; options: { forward?: boolean; findNext?: boolean; matchCase?: boolean } | undefined }[] = [];
  readonly findStops: string[] = [];
  private nextFindRequest = 1;

  findInPage(text: string, options?: { forward?: boolean; findNext?: boolean; matchCase?: boolean }): number {
    const requestId = this.nextFindRequest++;
    this.finds.push({ requestId, text, options });
    return requestId;
  }

  stopFindInPage(action: 'clearSelection' | 'keepSelection' | 'activateSelection'): void {
    this.findStops.push(action);
  }

  /** The page answers a findInPage request, as Chromium does (one of possibly several answers). */
  answerFind(result: { requestId: number; activeMatchOrdinal: number; matches: number; finalUpdate: boolean }): void {
    this.emit('found-in-page', new FakeEvent(), result);
  }

  /** A new document replaced the page's (a reload, a navigation): what was inserted into the old one is gone. */
  newDocument(): void {
    this.insertedCss.clear();
    this.emit('dom-ready');
  }

  setBackgroundThrottling(allowed: boolean): void {
    this.throttled = allowed;
  }

  setZoomFactor(factor: number): void {
    if (!(factor > 0)) throw new Error('zoom factor must be greater than 0.0');
    this.zoomFactor = factor;
  }

  getOSProcessId(): number {
    return this.destroyed ? 0 : this.pid;
  }

  getURL(): string {
    return this.url;
  }

  getTitle(): string {
    return this.title;
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }

  /** How many times the contents was given the keyboard focus. */
  focused = 0;

  focus(): void {
    this.focused += 1;
  }

  toggleDevTools(): void {
    this.devToolsToggled += 1;
  }

  /** What the right-click menu did in the page, in order: `cut`, `replaceMisspelling word`, `copyImageAt 10,20`… */
  readonly actions: string[] = [];

  replaceMisspelling(text: string): void {
    this.actions.push(`replaceMisspelling ${text}`);
  }
  cut(): void {
    this.actions.push('cut');
  }
  copy(): void {
    this.actions.push('copy');
  }
  paste(): void {
    this.actions.push('paste');
  }
  pasteAndMatchStyle(): void {
    this.actions.push('pasteAndMatchStyle');
  }
  selectAll(): void {
    this.actions.push('selectAll');
  }
  copyImageAt(x: number, y: number): void {
    this.actions.push(`copyImageAt ${x},${y}`);
  }
  downloadURL(url: string): void {
    this.actions.push(`downloadURL ${url}`);
  }
  inspectElement(x: number, y: number): void {
    this.actions.push(`inspectElement ${x},${y}`);
  }

  /** A right click in the page: fires `context-menu` with what was under it (nothing special by default). */
  contextMenu(params: Partial<ContextParams> = {}): void {
    const full: ContextParams = {
      x: 10,
      y: 20,
      misspelledWord: '',
      dictionarySuggestions: [],
      isEditable: false,
      editFlags: { canCut: false, canCopy: false, canPaste: false, canSelectAll: false },
      linkURL: '',
      mediaType: 'none',
      srcURL: '',
      selectionText: '',
      ...params,
    };
    this.emit('context-menu', new FakeEvent(), full);
  }

  setWindowOpenHandler(handler: (details: WindowOpenDetails) => WindowOpenResponse): void {
    this.windowOpenHandler = handler;
  }

  /** What the page's `window.open(url)` would get. */
  open(url: string): WindowOpenResponse | undefined {
    return this.windowOpenHandler?.({ url, disposition: 'new-window' });
  }

  /** Fires will-navigate and answers whether the navigation went ahead. */
  navigate(url: string, isMainFrame = true): boolean {
    const event = new FakeNavigation(url, isMainFrame);
    this.emit('will-navigate', event);
    return !event.defaultPrevented;
  }

  /**
   * A key press: fires before-input-event and, when that let the page have the key, input-event (as Electron does
   * for input sent to the page). Answers whether the page would still see the key.
   */
  key(input: Partial<InputLike> & { code: string }): boolean {
    const event = new FakeEvent();
    const full: InputLike = { type: 'keyDown', key: input.code, control: false, meta: false, shift: false, alt: false, isAutoRepeat: false, ...input };
    this.emit('before-input-event', event, full);
    if (!event.defaultPrevented) this.emit('input-event', new FakeEvent(), { type: full.type });
    return !event.defaultPrevented;
  }

  /** The user clicks in the page: input-event's mouseDown and mouseUp, as Electron reports them. */
  click(): void {
    this.emit('input-event', new FakeEvent(), { type: 'mouseDown' });
    this.emit('input-event', new FakeEvent(), { type: 'mouseUp' });
  }
}

export class FakeView implements WebContentsViewLike {
  readonly webContents: FakeWebContents;
  bounds: Rectangle | undefined;
  visible = true;
  background: string | undefined;

  constructor(
    readonly options: { webPreferences: WebPreferences },
    fake: FakeElectron,
  ) {
    const partition = options.webPreferences.partition ?? '';
    this.webContents = fake.createContents(fake.sessionFor(partition));
  }

  setBounds(bounds: Rectangle): void {
    this.bounds = bounds;
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
  }

  setBackgroundColor(color: string): void {
    this.background = color;
  }
}

export class FakeWindow extends Emitter implements BrowserWindowLike<FakeView> {
  readonly webContents: FakeWebContents;
  readonly children: FakeView[] = [];
  readonly contentView = {
    addChildView: (view: FakeView): void => {
      this.children.push(view);
    },
    removeChildView: (view: FakeView): void => {
      const at = this.children.indexOf(view);
      if (at >= 0) this.children.splice(at, 1);
    },
  };
  bounds: Rectangle;
  contentBounds: Rectangle;
  maximized = false;
  minimized = false;
  visible = false;
  destroyed = false;
  /** macOS: left out of the Window menu. */
  excludedFromShownWindowsMenu = false;
  loaded: string[] = [];
  /** The Windows taskbar overlay: every call to setOverlayIcon, in order. */
  overlays: { image: NativeImageLike | null; description: string }[] = [];

  /** `session`: the contents' session (a pop-up shares its opener's); the default session otherwise. */
  constructor(
    readonly options: BrowserWindowConstructorOptions,
    fake: FakeElectron,
    session: FakeSession = fake.sessionFor(''),
  ) {
    super();
    this.webContents = fake.createContents(session);
    this.bounds = { x: options.x ?? 100, y: options.y ?? 100, width: options.width ?? 800, height: options.height ?? 600 };
    this.contentBounds = { x: 0, y: 0, width: this.bounds.width, height: this.bounds.height };
  }

  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }
  getBounds(): Rectangle {
    return this.bounds;
  }
  getNormalBounds(): Rectangle {
    return this.bounds;
  }
  getContentBounds(): Rectangle {
    return this.contentBounds;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setOverlayIcon(overlay: NativeImageLike | null, description: string): void {
    this.overlays.push({ image: overlay, description });
  }
  /** Minimizes the window, as its title bar button does. */
  minimize(): void {
    this.minimized = true;
    this.emit('minimize');
  }
  maximize(): void {
    this.maximized = true;
    this.emit('maximize');
  }
  restore(): void {
    this.minimized = false;
    this.emit('restore');
  }
  show(): void {
    this.visible = true;
    this.emit('show');
  }
  hide(): void {
    this.visible = false;
    this.emit('hide');
  }
  focus(): void {
    this.focused = true;
    this.focuses += 1;
  }
  /** Whether it is the focused window: focus() sets it, a test may clear it (another window took the focus). */
  focused = false;
  /** How often focus() was called. */
  focuses = 0;
  isFocused(): boolean {
    return this.focused;
  }
  /** What clicking the window's close button does; answers whether the window really closed. */
  close(): boolean {
    const event = new FakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return false;
    this.destroyed = true;
    this.emit('closed');
    return true;
  }
}

export class FakeMenu implements MenuLike {
  readonly items: readonly unknown[];

  /** `shown`: where popup() records the menus it shows, in order. */
  constructor(
    readonly template: MenuItemConstructorOptions[],
    private readonly shown: FakeMenu[] = [],
  ) {
    this.items = template;
  }

  popup(): void {
    this.shown.push(this);
  }
}

export class FakeTray extends Emitter implements TrayLike {
  tooltip = '';
  title = '';
  menu: FakeMenu | null = null;
  destroyed = false;
  /** The image last set (the constructor's path until setImage is called). */
  image: NativeImageLike | string;
  /** How many times the context menu was replaced. */
  menusSet = 0;

  constructor(readonly iconPath: string) {
    super();
    this.image = iconPath;
  }

  setImage(image: NativeImageLike | string): void {
    this.image = image;
  }
  setTitle(title: string): void {
    this.title = title;
  }

  setToolTip(tip: string): void {
    this.tooltip = tip;
  }
  setContextMenu(menu: MenuLike | null): void {
    this.menu = menu as FakeMenu | null;
    this.menusSet += 1;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

export class FakeNotification extends Emitter implements NotificationLike {
  shown = false;

  constructor(readonly options: NotificationOptions<FakeNativeImage>) {
    super();
  }

  show(): void {
    this.shown = true;
  }

  /** The user clicks it. */
  click(): void {
    this.emit('click');
  }

  /** The user types an answer into its reply field (macOS, Windows), as Electron hands it: `details.reply`. */
  reply(text: string): void {
    this.emit('reply', { reply: text }, text);
  }

  /** The user presses its button at `index` (macOS, Windows), as Electron hands it: `details.actionIndex`. */
  pressAction(index: number): void {
    this.emit('action', { actionIndex: index, selectionIndex: -1 }, index, -1);
  }
}

export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, (event: IpcMainEventLike, ...args: unknown[]) => unknown>();
  readonly listeners = new Map<string, (event: IpcMainEventLike, ...args: unknown[]) => void>();

  handle(channel: string, listener: (event: IpcMainEventLike, ...args: unknown[]) => unknown): void {
    this.handlers.set(channel, listener);
  }
  on(channel: string, listener: (event: IpcMainEventLike, ...args: unknown[]) => void): this {
    this.listeners.set(channel, listener);
    return this;
  }
}

export class FakeApp extends Emitter implements AppLike {
  isPackaged = false;
  userAgentFallback = '';
  quitCalls = 0;
  badge: number | undefined;
  paths: Record<'userData' | 'downloads', string> = { userData: '/fake/userData', downloads: '/fake/Downloads' };

  getPath(name: 'userData' | 'downloads'): string {
    return this.paths[name];
  }
  getLocale(): string {
    return 'en-US';
  }
  quit(): void {
    this.quitCalls += 1;
  }
  setBadgeCount(count?: number): boolean {
    this.badge = count;
    return true;
  }
  /** The Dock badge's text, as macOS shows it ('' none); undefined until set. */
  dockBadge: string | undefined;
  readonly dock = {
    setBadge: (text: string): void => {
      this.dockBadge = text;
    },
  };
  /** What getAppMetrics reports: a test sets the processes it wants. */
  metrics: ProcessMetricLike[] = [];
  getAppMetrics(): ProcessMetricLike[] {
    return this.metrics;
  }
  /** The system's login item, as getLoginItemSettings reports it; every setLoginItemSettings call, in order. */
  loginItem: LoginItemSettingsLike = { openAtLogin: false, executableWillLaunchAtLogin: false };
  loginItemCalls: { openAtLogin: boolean; enabled?: boolean }[] = [];
  getLoginItemSettings(): LoginItemSettingsLike {
    return { ...this.loginItem };
  }
  setLoginItemSettings(settings: { openAtLogin: boolean; enabled?: boolean }): void {
    this.loginItemCalls.push(settings);
    this.loginItem = { openAtLogin: settings.openAtLogin, executableWillLaunchAtLogin: settings.openAtLogin && settings.enabled !== false };
  }
}

export interface FakeElectron extends ElectronApi<FakeView, FakeNativeImage> {
  app: FakeApp;
  ipcMain: FakeIpcMain;
  shell: {
    openExternal(url: string): Promise<void>;
    opened: string[];
    openPath(path: string): Promise<string>;
    showItemInFolder(path: string): void;
    /** Files opened (openPath) and shown in their folder (showItemInFolder), in order. */
    files: string[];
  };
  /** The clipboard: every text written, in order. */
  clipboard: { writeText(text: string): void; written: string[] };
  /** The menus shown as context menus (Menu.popup), in order. */
  popups: FakeMenu[];
  screen: { getAllDisplays(): { workArea: Rectangle }[]; displays: { workArea: Rectangle }[] };
  desktopCapturer: FakeDesktopCapturer;
  sessions: Map<string, FakeSession>;
  views: FakeView[];
  windows: FakeWindow[];
  trays: FakeTray[];
  notifications: FakeNotification[];
  /** Whether the OS supports notifications (Electron's Notification.isSupported()). */
  notificationsSupported: boolean;
  applicationMenu: FakeMenu | null;
  /** Image files nativeImage.createFromPath finds (by path; `x@2x.png` is the 2× representation of `x.png`). */
  imageFiles: Map<string, FakeImageFile>;
  sessionFor(partition: string): FakeSession;
  /** Creates a webContents and announces it on `app` ('web-contents-created'), as Electron does. */
  createContents(session: FakeSession): FakeWebContents;
  /**
   * What a page's `window.open(url)` does: asks the opener's window-open handler and, when it allows, creates the
   * child window on the opener's session, shown (as Electron shows it), and fires did-create-window on the opener.
   * Undefined when the handler refused.
   */
  popup(opener: FakeWebContents, url?: string): FakeWindow | undefined;
}

/** `app` may be a richer FakeApp (the composition test's adds lifecycle methods). */
export function createFakeElectron(app: FakeApp = new FakeApp()): FakeElectron {
  const sessions = new Map<string, FakeSession>();
  const views: FakeView[] = [];
  const windows: FakeWindow[] = [];
  const trays: FakeTray[] = [];
  const notifications: FakeNotification[] = [];
  const opened: string[] = [];
  const files: string[] = [];
  const written: string[] = [];
  const popups: FakeMenu[] = [];
  const displays = [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }];
  const imageFiles = new Map<string, FakeImageFile>();

  const fake: FakeElectron = {
    app,
    ipcMain: new FakeIpcMain(),
    shell: {
      opened,
      openExternal: (url) => {
        opened.push(url);
        return Promise.resolve();
      },
      files,
      openPath: (path) => {
        files.push(`open ${path}`);
        return Promise.resolve('');
      },
      showItemInFolder: (path) => {
        files.push(`show ${path}`);
      },
    },
    clipboard: {
      written,
      writeText: (text) => {
        written.push(text);
      },
    },
    popups,
    screen: { displays, getAllDisplays: () => displays },
    desktopCapturer: new FakeDesktopCapturer(),
    sessions,
    views,
    windows,
    trays,
    notifications,
    notificationsSupported: true,
    applicationMenu: null,
    imageFiles,
    nativeImage: createFakeNativeImage(imageFiles),
    sessionFor(partition) {
      let session = sessions.get(partition);
      if (!session) {
        session = new FakeSession(partition);
        sessions.set(partition, session);
      }
      return session;
    },
    createContents(session) {
      const contents = new FakeWebContents(session);
      app.emit('web-contents-created', new FakeEvent(), contents);
      return contents;
    },
    popup(opener, url = 'about:blank') {
      const response = opener.open(url);
      if (response?.action !== 'allow') return undefined;
      const child = new FakeWindow(response.overrideBrowserWindowOptions, fake, opener.session);
      child.visible = true;
      opener.emit('did-create-window', child, { url });
      return child;
    },
    session: { fromPartition: (partition) => fake.sessionFor(partition) },
    WebContentsView: class extends FakeView {
      constructor(options: { webPreferences: WebPreferences }) {
        super(options, fake);
        views.push(this);
      }
    },
    BrowserWindow: class extends FakeWindow {
      constructor(options: BrowserWindowConstructorOptions) {
        super(options, fake);
        windows.push(this);
      }
    },
    Tray: class extends FakeTray {
      constructor(iconPath: string) {
        super(iconPath);
        trays.push(this);
      }
    },
    Notification: class extends FakeNotification {
      static isSupported(): boolean {
        return fake.notificationsSupported;
      }
      constructor(options: NotificationOptions<FakeNativeImage>) {
        super(options);
        notifications.push(this);
      }
    },
    Menu: {
      buildFromTemplate: (template) => new FakeMenu(template, popups),
      setApplicationMenu: (menu) => {
        fake.applicationMenu = menu as FakeMenu | null;
      },
    },
  };
  return fake;
}

/**
 * Electron's safeStorage: "encrypts" by reversing the bytes behind a marker (a test can tell its output from the
 * clear text), refuses to decrypt anything it did not make, as the keychain refuses another key's data.
 */
export class FakeSafeStorage {
  available = true;
  backend = 'gnome_libsecret';

  isEncryptionAvailable(): boolean {
    return this.available;
  }
  encryptString(plainText: string): Buffer {
    return Buffer.concat([Buffer.from('SEALED:'), Buffer.from(plainText, 'utf8').reverse()]);
  }
  decryptString(encrypted: Buffer): string {
    const marker = Buffer.from('SEALED:');
    if (!encrypted.subarray(0, marker.length).equals(marker)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(encrypted.subarray(marker.length)).reverse().toString('utf8');
  }
  getSelectedStorageBackend(): string {
    return this.backend;
  }
}

/** Electron's process.getSystemMemoryInfo(): a test sets the memory it wants (KiB). */
export class FakeSystemMemory implements SystemMemoryLike {
  total = 16 * 1024 * 1024;
  free = 8 * 1024 * 1024;

  getSystemMemoryInfo(): { total: number; free: number } {
    return { total: this.total, free: this.free };
  }
}
