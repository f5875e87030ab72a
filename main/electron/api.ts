/**
 * The part of Electron's API Wasl uses, as structural types. The composition root passes the real `electron`
 * module (the compiler checks it fits); tests pass the typed fake in test/fakes/electron.ts. Nothing here is
 * imported at run time: Electron appears as types only.
 */
import type {
  BrowserWindowConstructorOptions,
  MenuItemConstructorOptions,
  Rectangle,
  WebPreferences,
} from 'electron';
import type { ElectronProxyConfig } from '../../common/proxy';
import type { ContextParams } from '../core/desktop/context-menu';

export interface EventLike {
  preventDefault(): void;
}

export interface InputLike {
  type: string;
  key: string;
  code: string;
  control: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
  isAutoRepeat: boolean;
}

/** Any input Electron sends to a page (`input-event`): mouse, keyboard, touch, gestures. */
export interface InputEventLike {
  /** `mouseDown`, `keyDown`, `mouseMove`, `touchEnd`… */
  type: string;
}

export interface WindowOpenDetails {
  url: string;
  disposition: string;
}

export type WindowOpenResponse =
  | { action: 'deny' }
  | { action: 'allow'; overrideBrowserWindowOptions: BrowserWindowConstructorOptions };

/** A download a page started (Electron's DownloadItem): main/core/downloads/ follows it to its end. */
export interface DownloadItemLike {
  getFilename(): string;
  getURL(): string;
  /** Empty until a place to save it is known. */
  getSavePath(): string;
  /** Saves there without a dialog; only while the will-download handler runs. */
  setSavePath(path: string): void;
  setSaveDialogOptions(options: { title?: string; defaultPath?: string }): void;
  getReceivedBytes(): number;
  /** 0 when the server did not say. */
  getTotalBytes(): number;
  isPaused(): boolean;
  cancel(): void;
  on(event: 'updated', listener: (event: EventLike, state: 'progressing' | 'interrupted') => void): unknown;
  on(event: 'done', listener: (event: EventLike, state: 'completed' | 'cancelled' | 'interrupted') => void): unknown;
}

export interface PermissionRequestDetails {
  requestingUrl?: string;
  /** Whether the page's top frame asks (not an iframe). */
  isMainFrame?: boolean;
  mediaTypes?: string[];
}

export interface PermissionCheckDetails {
  requestingUrl?: string;
  /** Whether the page's top frame asks; false for an iframe and for a check without a frame (a worker). */
  isMainFrame?: boolean;
  mediaType?: string;
}

/** What fetching through a session may ask: an abort signal (timeouts) and what to do with redirects. */
export interface FetchInit {
  signal?: AbortSignal;
  redirect?: 'follow' | 'error' | 'manual';
}

/** A response body read chunk by chunk, so a size cap can stop it early. */
export interface ByteReaderLike {
  read(): Promise<{ done: boolean; value?: Uint8Array | undefined }>;
  cancel(reason?: unknown): Promise<void>;
}

/** The part of a fetch Response Wasl reads. */
export interface FetchResponseLike {
  readonly ok: boolean;
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  readonly body: { getReader(): ByteReaderLike } | null;
}

/**
 * A service worker as main sees it (Electron's ServiceWorkerMain, 35+): its scope, and `ipc`, where the messages
 * its service-worker preload sends arrive (only there: Electron never emits them on ipcMain).
 */
export interface ServiceWorkerLike {
  readonly scope: string;
  readonly ipc: { on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown };
}

/** A session's service workers (Electron's `session.serviceWorkers`). */
export interface ServiceWorkersLike {
  on(
    event: 'running-status-changed',
    listener: (details: { versionId: number; runningStatus: 'starting' | 'running' | 'stopping' | 'stopped' }) => void,
  ): unknown;
  /**
   * The worker of a live version (the same object for as long as the version lives, through stops and restarts),
   * or undefined. A worker's messages reach main only once this object exists.
   */
  getWorkerFromVersionID(versionId: number): ServiceWorkerLike | undefined;
}

/** A frame as Electron's WebFrameMain shows it (its getters throw once the frame is disposed). */
export interface WebFrameLike {
  readonly url: string;
  readonly parent: WebFrameLike | null;
  /** With routingId, names the frame: the same pair is the same frame. */
  readonly processId: number;
  readonly routingId: number;
}

/** A page's `getDisplayMedia` request, as `setDisplayMediaRequestHandler` hands it over. */
export interface DisplayMediaRequestLike {
  /** Null once the frame navigated or was destroyed. */
  readonly frame: WebFrameLike | null;
  readonly securityOrigin: string;
  readonly videoRequested: boolean;
  readonly audioRequested: boolean;
  /** Whether a user gesture was active when the page asked. */
  readonly userGesture: boolean;
}

/** The display-media callback's answer: a desktop source's id and name, `loopback` for the system's sound (Windows only); null refuses. */
export type DisplayMediaStreamsLike = { video: { id: string; name: string }; audio?: 'loopback' } | null;

export interface SessionLike {
  /** Fetches with the session's own cookies, cache and proxy (Electron's `ses.fetch`). */
  fetch(url: string, init?: FetchInit): Promise<FetchResponseLike>;
  setUserAgent(userAgent: string, acceptLanguages?: string): void;
  setPermissionRequestHandler(
    handler: ((wc: WebContentsLike | null, permission: string, callback: (granted: boolean) => void, details: PermissionRequestDetails) => void) | null,
  ): void;
  setPermissionCheckHandler(
    handler: ((wc: unknown, permission: string, requestingOrigin: string, details: PermissionCheckDetails) => boolean) | null,
  ): void;
  on(event: 'will-download', listener: (event: EventLike, item: DownloadItemLike, webContents: unknown) => void): unknown;
  /** Runs `filePath` in every frame, or every service worker, of the session before its own scripts (Electron 35+). */
  registerPreloadScript(script: { type: 'frame' | 'service-worker'; id?: string; filePath: string }): string;
  /** Removes the preload script registered with `id` (a script of that id can then be registered again). */
  unregisterPreloadScript(id: string): void;
  readonly serviceWorkers: ServiceWorkersLike;
  /** The session's own protocol handlers (Electron's `ses.protocol`): the demo answers https there itself. */
  readonly protocol: { handle(scheme: string, handler: (request: { url: string }) => Promise<Response> | Response): void };
  clearStorageData(): Promise<void>;
  clearCache(): Promise<void>;
  /** The language codes `setSpellCheckerLanguages` takes (Chromium's Hunspell list; Electron throws on any other). */
  readonly availableSpellCheckerLanguages: string[];
  /** The languages its spell checker checks (none: no checking). Ignored on macOS, where the system's checker decides. */
  setSpellCheckerLanguages(languages: string[]): void;
  /** Adds a word to the session's own dictionary (and the system's, where the system checks); false when it could not. */
  addWordToSpellCheckerDictionary(word: string): boolean;
  /** Who answers the session's pages' `getDisplayMedia` (main/electron/screen-share.ts); the callback must be called once. */
  setDisplayMediaRequestHandler(
    handler: ((request: DisplayMediaRequestLike, callback: (streams: DisplayMediaStreamsLike) => void) => void) | null,
    opts?: { useSystemPicker: boolean },
  ): void;
  /** The proxy of every request of the session: its pages, their pop-ups and its service workers (common/proxy.ts). */
  setProxy(config: ElectronProxyConfig): Promise<void>;
  /** Closes the session's open connections, so none keeps an old proxy route. */
  closeAllConnections(): Promise<void>;
  /** Forgets the credentials the session's network stack cached (proxy and site logins). */
  clearAuthCache(): Promise<void>;
}

/** What Electron's app `login` event tells of an authentication challenge. */
export interface AuthInfoLike {
  isProxy: boolean;
  scheme: string;
  host: string;
  port: number;
  realm: string;
}

/**
 * A request made from main (Electron's ClientRequest, `net.request`). Unlike `ses.fetch`, it hears a proxy's
 * challenge itself (`login`), on every system: the app's `login` event is not raised for main's requests on Windows
 * and macOS (electron/electron#44249), and `net.fetch` leaves the challenge unanswered.
 */
export interface ClientRequestLike {
  on(event: 'response', listener: (response: { statusCode: number }) => void): unknown;
  /** With `redirect: 'manual'`: a redirect not followed within the listener ends the request. */
  on(event: 'redirect', listener: (statusCode: number) => void): unknown;
  /** No credentials (`callback()`): the request goes on and reports the proxy's refusal (407). */
  on(event: 'login', listener: (authInfo: AuthInfoLike, callback: (username?: string, password?: string) => void) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  end(): void;
  abort(): void;
}

export interface NetLike<S = SessionLike> {
  request(options: { url: string; session: S; redirect: 'manual' }): ClientRequestLike;
}

/** `login`'s answer: credentials, or nothing (cancelled). */
export type LoginCallback = (username?: string, password?: string) => void;

export interface NavigationDetails extends EventLike {
  url: string;
  isMainFrame: boolean;
}

export interface WebContentsLike {
  readonly id: number;
  readonly session: SessionLike;
  /** The page's top frame. */
  readonly mainFrame: WebFrameLike;
  loadURL(url: string): Promise<void>;
  reload(): void;
  close(): void;
  isDestroyed(): boolean;
  forcefullyCrashRenderer(): void;
  setAudioMuted(muted: boolean): void;
  /**
   * Adds a stylesheet to the page's current document, outside its Content-Security-Policy (a user stylesheet with
   * `cssOrigin: 'user'`); answers the key that removes it. A new document starts without it.
   */
  insertCSS(css: string, options?: { cssOrigin?: 'user' | 'author' }): Promise<string>;
  removeInsertedCSS(key: string): Promise<void>;
  setBackgroundThrottling(allowed: boolean): void;
  /** Shows the page bigger or smaller (1 = 100 %); Chromium keeps it for the page's host within the session. */
  setZoomFactor(factor: number): void;
  getOSProcessId(): number;
  getURL(): string;
  getTitle(): string;
  send(channel: string, ...args: unknown[]): void;
  focus(): void;
  toggleDevTools(): void;
  /** What the right-click menu does (main/electron/context-menu.ts), on the focused field or at a point of the page. */
  replaceMisspelling(text: string): void;
  cut(): void;
  copy(): void;
  paste(): void;
  pasteAndMatchStyle(): void;
  selectAll(): void;
  copyImageAt(x: number, y: number): void;
  /** Downloads `url` through the session (its will-download handler asks where to save). */
  downloadURL(url: string): void;
  inspectElement(x: number, y: number): void;
  setWindowOpenHandler(handler: (details: WindowOpenDetails) => WindowOpenResponse): void;
  on(event: 'will-navigate' | 'will-redirect', listener: (details: NavigationDetails) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: EventLike) => void): unknown;
  on(event: 'did-create-window', listener: (window: ChildWindowLike) => void): unknown;
  on(event: 'did-start-loading' | 'did-finish-load' | 'dom-ready' | 'unresponsive' | 'responsive' | 'destroyed', listener: () => void): unknown;
  on(
    event: 'did-fail-load',
    listener: (event: EventLike, errorCode: number, errorDescription: string, validatedURL: string, isMainFrame: boolean) => void,
  ): unknown;
  on(event: 'did-navigate', listener: (event: EventLike, url: string) => void): unknown;
  on(event: 'did-navigate-in-page', listener: (event: EventLike, url: string, isMainFrame: boolean) => void): unknown;
  on(event: 'render-process-gone', listener: (event: EventLike, details: { reason: string }) => void): unknown;
  on(event: 'page-title-updated', listener: (event: EventLike, title: string) => void): unknown;
  on(event: 'before-input-event', listener: (event: EventLike, input: InputLike) => void): unknown;
  on(event: 'input-event', listener: (event: EventLike, input: InputEventLike) => void): unknown;
  /** Ctrl/Cmd + the mouse wheel or a pinch in the page asks to zoom; Electron zooms nothing by itself. */
  on(event: 'zoom-changed', listener: (event: EventLike, zoomDirection: 'in' | 'out') => void): unknown;
  /** A right click (or the menu key) in the page: what was under it. */
  on(event: 'context-menu', listener: (event: EventLike, params: ContextParams) => void): unknown;
  /**
   * Finds text in the page (`findNext`: true begins a new session, false goes on to the next match); answers the
   * request's id, which its `found-in-page` answers carry.
   */
  findInPage(text: string, options?: { forward?: boolean; findNext?: boolean; matchCase?: boolean }): number;
  stopFindInPage(action: 'clearSelection' | 'keepSelection' | 'activateSelection'): void;
  /** An answer to findInPage: possibly several per request, the last with `finalUpdate`. */
  on(event: 'found-in-page', listener: (event: EventLike, result: FoundInPageResult) => void): unknown;
}

/** What `found-in-page` reports (-1: a value this answer does not update). */
export interface FoundInPageResult {
  requestId: number;
  /** The selected match, from 1. */
  activeMatchOrdinal: number;
  matches: number;
  finalUpdate: boolean;
}

/** A window a page opened with window.open (a sign-in pop-up), as `did-create-window` hands it over. */
export interface ChildWindowLike {
  readonly webContents: WebContentsLike;
  /** macOS: whether the Window menu leaves the window out (ignored elsewhere). */
  excludedFromShownWindowsMenu: boolean;
  isDestroyed(): boolean;
  isVisible(): boolean;
  show(): void;
  hide(): void;
  /** Whether it is the focused window (a call pop-up's screen share asks: main/electron/screen-share.ts). */
  isFocused(): boolean;
  focus(): void;
  on(event: 'show' | 'focus' | 'closed', listener: () => void): unknown;
}

export interface WebContentsViewLike {
  readonly webContents: WebContentsLike;
  setBounds(bounds: Rectangle): void;
  setVisible(visible: boolean): void;
  setBackgroundColor(color: string): void;
}

/** `V` is the view type the window hosts: Electron's WebContentsView in the app, the fake's in tests. */
export interface BrowserWindowLike<V extends WebContentsViewLike = WebContentsViewLike> {
  readonly webContents: WebContentsLike;
  readonly contentView: {
    addChildView(view: V): void;
    removeChildView(view: V): void;
  };
  loadURL(url: string): Promise<void>;
  getBounds(): Rectangle;
  getNormalBounds(): Rectangle;
  getContentBounds(): Rectangle;
  isMaximized(): boolean;
  isMinimized(): boolean;
  isVisible(): boolean;
  isDestroyed(): boolean;
  maximize(): void;
  restore(): void;
  show(): void;
  hide(): void;
  focus(): void;
  /** The Windows taskbar's overlay badge (a no-op elsewhere); null removes it. */
  setOverlayIcon(overlay: NativeImageLike | null, description: string): void;
  on(event: 'close', listener: (event: EventLike) => void): unknown;
  on(
    event: 'closed' | 'ready-to-show' | 'resize' | 'move' | 'maximize' | 'unmaximize' | 'minimize' | 'restore' | 'focus' | 'show' | 'hide',
    listener: () => void,
  ): unknown;
}

export interface MenuLike {
  readonly items: readonly unknown[];
  /** Shows the menu as a context menu where the pointer is, in the focused window. */
  popup(): void;
}

export interface ClipboardLike {
  writeText(text: string): void;
}

export interface ImageSize {
  width: number;
  height: number;
}

/**
 * An Electron nativeImage. Bitmaps (toBitmap, createFromBitmap) are 4 bytes per pixel, B G R A on the
 * little-endian machines Electron runs on, premultiplied by alpha.
 */
export interface NativeImageLike {
  isEmpty(): boolean;
  /** The size in device-independent pixels of the representation closest to `scaleFactor`. */
  getSize(scaleFactor?: number): ImageSize;
  /** The pixels of the representation closest to `scaleFactor` (which may be another scale: check the length). */
  toBitmap(options?: { scaleFactor?: number }): Buffer;
  addRepresentation(options: { scaleFactor?: number; width?: number; height?: number; buffer?: Buffer }): void;
}

/** `I` is the image type the module makes: Electron's NativeImage in the app, the fake's in tests. */
export interface NativeImageApi<I extends NativeImageLike = NativeImageLike> {
  /** Reads a PNG or JPEG file, with its `@2x` sibling as the 2× representation; an empty image on failure. */
  createFromPath(path: string): I;
  /** `width` and `height` in pixels of `buffer`; `scaleFactor` makes the image that many times smaller in DIPs. */
  createFromBitmap(buffer: Buffer, options: { width: number; height: number; scaleFactor?: number }): I;
  /** Decodes PNG or JPEG bytes; an empty image when they are neither. */
  createFromBuffer(buffer: Buffer): I;
  /** Decodes a base64 `data:image/png` or `data:image/jpeg` address; an empty image otherwise. */
  createFromDataURL(dataURL: string): I;
}

export interface TrayLike {
  setImage(image: NativeImageLike | string): void;
  /** Text beside the icon in the macOS menu bar (ignored elsewhere). */
  setTitle(title: string): void;
  setToolTip(tip: string): void;
  setContextMenu(menu: MenuLike | null): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

export interface NotificationOptions<I extends NativeImageLike = NativeImageLike> {
  title: string;
  body?: string;
  silent?: boolean;
  icon?: I;
  /** macOS and Windows: an inline answer field. */
  hasReply?: boolean;
  replyPlaceholder?: string;
  /** macOS and Windows: buttons. */
  actions?: { type: 'button'; text: string }[];
}

export interface NotificationLike {
  show(): void;
  on(event: 'click', listener: () => void): unknown;
  on(event: 'reply', listener: (details: { reply: string }) => void): unknown;
  on(event: 'action', listener: (details: { actionIndex: number }) => void): unknown;
}

export interface IpcMainEventLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainEventLike, ...args: unknown[]) => unknown): void;
  on(channel: string, listener: (event: IpcMainEventLike, ...args: unknown[]) => void): unknown;
}

/** What Electron's app.getAppMetrics() tells of one process (memory in KiB). */
export interface ProcessMetricLike {
  pid: number;
  type: string;
  cpu: { percentCPUUsage: number };
  memory: { workingSetSize: number };
}

export interface LoginItemSettingsLike {
  openAtLogin: boolean;
  /** Windows: set to open at login and not turned off in the Task Manager or the system's settings. */
  executableWillLaunchAtLogin: boolean;
}

export interface AppLike {
  readonly isPackaged: boolean;
  userAgentFallback: string;
  getPath(name: 'userData' | 'downloads'): string;
  getLocale(): string;
  quit(): void;
  setBadgeCount(count?: number): boolean;
  /** macOS only: the Dock icon, whose badge takes text (a count in the digits the user chose). */
  readonly dock?: { setBadge(text: string): void } | undefined;
  getAppMetrics(): ProcessMetricLike[];
  /** macOS and Windows: whether the system opens Wasl at login (Windows: and the user left it enabled). */
  getLoginItemSettings(): LoginItemSettingsLike;
  setLoginItemSettings(settings: { openAtLogin: boolean; enabled?: boolean }): void;
  on(event: 'web-contents-created', listener: (event: EventLike, contents: WebContentsLike) => void): unknown;
  /**
   * A page, pop-up or service worker (no webContents) meets an authentication challenge; unanswered (no
   * preventDefault), Electron cancels it.
   */
  on(
    event: 'login',
    listener: (event: EventLike, webContents: { readonly session: unknown } | null, details: { url: string }, authInfo: AuthInfoLike, callback: LoginCallback) => void,
  ): unknown;
}

/** A picture desktopCapturer gives (Electron's NativeImage), read as JPEG or PNG bytes after scaling it down. */
export interface CapturedImageLike {
  isEmpty(): boolean;
  getSize(): ImageSize;
  /** Given only a width or only a height, keeps the aspect ratio. */
  resize(options: { width?: number; height?: number }): CapturedImageLike;
  toJPEG(quality: number): Buffer;
  toPNG(): Buffer;
}

/** A screen or window that can be shared (Electron's DesktopCapturerSource). */
export interface DesktopSourceLike {
  /** `screen:<n>:0` or `window:<handle>:<0|1>`. */
  readonly id: string;
  readonly name: string;
  readonly thumbnail: CapturedImageLike;
  /** A window's application icon; null for screens, and unless `fetchWindowIcons` was asked. */
  readonly appIcon: CapturedImageLike | null;
}

export interface DesktopCapturerLike {
  getSources(options: { types: ('screen' | 'window')[]; thumbnailSize?: ImageSize; fetchWindowIcons?: boolean }): Promise<DesktopSourceLike[]>;
}

/** `V` and `I`: the view and image types (Electron's in the app, the fake's in tests). */
export interface ElectronApi<V extends WebContentsViewLike = WebContentsViewLike, I extends NativeImageLike = NativeImageLike> {
  app: AppLike;
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindowLike<V>;
  WebContentsView: new (options: { webPreferences: WebPreferences }) => V;
  session: { fromPartition(partition: string): SessionLike };
  shell: {
    openExternal(url: string): Promise<void>;
    /** Opens a file with its usual app; answers an error message, or '' when it opened. */
    openPath(path: string): Promise<string>;
    /** Shows a file selected in the system's file manager. */
    showItemInFolder(path: string): void;
  };
  clipboard: ClipboardLike;
  ipcMain: IpcMainLike;
  Menu: {
    buildFromTemplate(template: MenuItemConstructorOptions[]): MenuLike;
    setApplicationMenu(menu: MenuLike | null): void;
  };
  Tray: new (iconPath: string) => TrayLike;
  Notification: {
    new (options: NotificationOptions<I>): NotificationLike;
    isSupported(): boolean;
  };
  nativeImage: NativeImageApi<I>;
  screen: { getAllDisplays(): { workArea: Rectangle }[] };
  desktopCapturer: DesktopCapturerLike;
}

/** What Electron's process.getSystemMemoryInfo() tells of the computer's memory (KiB). */
export interface SystemMemoryLike {
  getSystemMemoryInfo(): { total: number; free: number };
}
