/**
 * A typed fake of the part of Electron Wasl uses (main/electron/api.ts). It records what main asks for and lets a
 * test fire the events Electron would. `createFakeElectron()` returns an `ElectronApi<FakeView>`: the compiler
 * checks it against the same port types the real module is checked against in main/index.ts.
 */
import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions, Rectangle, WebPreferences } from 'electron';
import type {
  AppLike,
  BrowserWindowLike,
  DownloadItemLike,
  ElectronApi,
  EventLike,
  InputLike,
  IpcMainEventLike,
  IpcMainLike,
  MenuLike,
  NavigationDetails,
  NotificationLike,
  PermissionCheckDetails,
  PermissionRequestDetails,
  SessionLike,
  TrayLike,
  WebContentsLike,
  WebContentsViewLike,
  WindowOpenDetails,
  WindowOpenResponse,
} from '../../main/electron/api';

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

export class FakeDownloadItem extends Emitter implements DownloadItemLike {
  saveDialogOptions: { title?: string; defaultPath?: string } | undefined;

  constructor(private readonly filename: string) {
    super();
  }

  getFilename(): string {
    return this.filename;
  }

  setSaveDialogOptions(options: { title?: string; defaultPath?: string }): void {
    this.saveDialogOptions = options;
  }
}

type RequestHandler = (wc: unknown, permission: string, callback: (granted: boolean) => void, details: PermissionRequestDetails) => void;
type CheckHandler = (wc: unknown, permission: string, requestingOrigin: string, details: PermissionCheckDetails) => boolean;

export class FakeSession extends Emitter implements SessionLike {
  userAgent: string | undefined;
  acceptLanguages: string | undefined;
  requestHandler: RequestHandler | null = null;
  checkHandler: CheckHandler | null = null;
  cleared = { storage: 0, cache: 0 };
  /** Makes clearStorageData reject, as it can when the disk refuses. */
  failClear = false;

  constructor(readonly partition: string) {
    super();
  }

  setUserAgent(userAgent: string, acceptLanguages?: string): void {
    this.userAgent = userAgent;
    this.acceptLanguages = acceptLanguages;
  }

  setPermissionRequestHandler(handler: RequestHandler | null): void {
    this.requestHandler = handler;
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

  /** Asks the request handler, as a page's permission prompt would; resolves with its answer. */
  request(permission: string, details: PermissionRequestDetails): Promise<boolean> {
    const handler = this.requestHandler;
    if (!handler) return Promise.resolve(false);
    return new Promise((resolve) => {
      handler(null, permission, resolve, details);
    });
  }

  check(permission: string, requestingOrigin: string, details: PermissionCheckDetails = {}): boolean {
    return this.checkHandler?.(null, permission, requestingOrigin, details) ?? false;
  }
}

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
  devToolsToggled = 0;
  sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: ((details: WindowOpenDetails) => WindowOpenResponse) | undefined;
  /** Makes the next loadURL reject, as Electron does when a load fails or is aborted. */
  failNextLoad = false;

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

  getURL(): string {
    return this.url;
  }

  getTitle(): string {
    return this.title;
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }

  focus(): void {
    /* focus has no observable effect in the fake */
  }

  toggleDevTools(): void {
    this.devToolsToggled += 1;
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

  /** Fires before-input-event and answers whether the page would still see the key. */
  key(input: Partial<InputLike> & { code: string }): boolean {
    const event = new FakeEvent();
    this.emit('before-input-event', event, {
      type: 'keyDown',
      key: input.code,
      control: false,
      meta: false,
      shift: false,
      alt: false,
      isAutoRepeat: false,
      ...input,
    });
    return !event.defaultPrevented;
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
  loaded: string[] = [];

  constructor(
    readonly options: BrowserWindowConstructorOptions,
    fake: FakeElectron,
  ) {
    super();
    this.webContents = fake.createContents(fake.sessionFor(''));
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
  maximize(): void {
    this.maximized = true;
    this.emit('maximize');
  }
  restore(): void {
    this.minimized = false;
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
    /* focus has no observable effect in the fake */
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

  constructor(readonly template: MenuItemConstructorOptions[]) {
    this.items = template;
  }
}

export class FakeTray extends Emitter implements TrayLike {
  tooltip = '';
  menu: FakeMenu | null = null;
  destroyed = false;

  constructor(readonly iconPath: string) {
    super();
  }

  setToolTip(tip: string): void {
    this.tooltip = tip;
  }
  setContextMenu(menu: MenuLike | null): void {
    this.menu = menu as FakeMenu | null;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

export class FakeNotification extends Emitter implements NotificationLike {
  shown = false;

  constructor(readonly options: { title: string; body?: string; silent?: boolean }) {
    super();
  }

  show(): void {
    this.shown = true;
  }

  /** The user clicks it. */
  click(): void {
    this.emit('click');
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
}

export interface FakeElectron extends ElectronApi<FakeView> {
  app: FakeApp;
  ipcMain: FakeIpcMain;
  shell: { openExternal(url: string): Promise<void>; opened: string[] };
  screen: { getAllDisplays(): { workArea: Rectangle }[]; displays: { workArea: Rectangle }[] };
  sessions: Map<string, FakeSession>;
  views: FakeView[];
  windows: FakeWindow[];
  trays: FakeTray[];
  notifications: FakeNotification[];
  /** Whether the OS supports notifications (Electron's Notification.isSupported()). */
  notificationsSupported: boolean;
  applicationMenu: FakeMenu | null;
  sessionFor(partition: string): FakeSession;
  /** Creates a webContents and announces it on `app` ('web-contents-created'), as Electron does. */
  createContents(session: FakeSession): FakeWebContents;
}

/** `app` may be a richer FakeApp (the composition test's adds lifecycle methods). */
export function createFakeElectron(app: FakeApp = new FakeApp()): FakeElectron {
  const sessions = new Map<string, FakeSession>();
  const views: FakeView[] = [];
  const windows: FakeWindow[] = [];
  const trays: FakeTray[] = [];
  const notifications: FakeNotification[] = [];
  const opened: string[] = [];
  const displays = [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }];

  const fake: FakeElectron = {
    app,
    ipcMain: new FakeIpcMain(),
    shell: {
      opened,
      openExternal: (url) => {
        opened.push(url);
        return Promise.resolve();
      },
    },
    screen: { displays, getAllDisplays: () => displays },
    sessions,
    views,
    windows,
    trays,
    notifications,
    notificationsSupported: true,
    applicationMenu: null,
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
      constructor(options: { title: string; body?: string; silent?: boolean }) {
        super(options);
        notifications.push(this);
      }
    },
    Menu: {
      buildFromTemplate: (template) => new FakeMenu(template),
      setApplicationMenu: (menu) => {
        fake.applicationMenu = menu as FakeMenu | null;
      },
    },
  };
  return fake;
}
