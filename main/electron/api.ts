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

export interface WindowOpenDetails {
  url: string;
  disposition: string;
}

export type WindowOpenResponse =
  | { action: 'deny' }
  | { action: 'allow'; overrideBrowserWindowOptions: BrowserWindowConstructorOptions };

export interface DownloadItemLike {
  getFilename(): string;
  setSaveDialogOptions(options: { title?: string; defaultPath?: string }): void;
  on(event: 'done', listener: (event: EventLike, state: 'completed' | 'cancelled' | 'interrupted') => void): unknown;
}

export interface PermissionRequestDetails {
  requestingUrl?: string;
  mediaTypes?: string[];
}

export interface PermissionCheckDetails {
  requestingUrl?: string;
  mediaType?: string;
}

export interface SessionLike {
  setUserAgent(userAgent: string, acceptLanguages?: string): void;
  setPermissionRequestHandler(
    handler: ((wc: unknown, permission: string, callback: (granted: boolean) => void, details: PermissionRequestDetails) => void) | null,
  ): void;
  setPermissionCheckHandler(
    handler: ((wc: unknown, permission: string, requestingOrigin: string, details: PermissionCheckDetails) => boolean) | null,
  ): void;
  on(event: 'will-download', listener: (event: EventLike, item: DownloadItemLike, webContents: unknown) => void): unknown;
  clearStorageData(): Promise<void>;
  clearCache(): Promise<void>;
}

export interface NavigationDetails extends EventLike {
  url: string;
  isMainFrame: boolean;
}

export interface WebContentsLike {
  readonly id: number;
  readonly session: SessionLike;
  loadURL(url: string): Promise<void>;
  reload(): void;
  close(): void;
  isDestroyed(): boolean;
  forcefullyCrashRenderer(): void;
  setAudioMuted(muted: boolean): void;
  getURL(): string;
  getTitle(): string;
  send(channel: string, ...args: unknown[]): void;
  focus(): void;
  toggleDevTools(): void;
  setWindowOpenHandler(handler: (details: WindowOpenDetails) => WindowOpenResponse): void;
  on(event: 'will-navigate' | 'will-redirect', listener: (details: NavigationDetails) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: EventLike) => void): unknown;
  on(event: 'did-create-window', listener: (window: { webContents: WebContentsLike }) => void): unknown;
  on(event: 'did-start-loading' | 'did-finish-load' | 'unresponsive' | 'responsive' | 'destroyed', listener: () => void): unknown;
  on(
    event: 'did-fail-load',
    listener: (event: EventLike, errorCode: number, errorDescription: string, validatedURL: string, isMainFrame: boolean) => void,
  ): unknown;
  on(event: 'did-navigate', listener: (event: EventLike, url: string) => void): unknown;
  on(event: 'did-navigate-in-page', listener: (event: EventLike, url: string, isMainFrame: boolean) => void): unknown;
  on(event: 'render-process-gone', listener: (event: EventLike, details: { reason: string }) => void): unknown;
  on(event: 'page-title-updated', listener: (event: EventLike, title: string) => void): unknown;
  on(event: 'before-input-event', listener: (event: EventLike, input: InputLike) => void): unknown;
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
  on(event: 'close', listener: (event: EventLike) => void): unknown;
  on(
    event: 'closed' | 'ready-to-show' | 'resize' | 'move' | 'maximize' | 'unmaximize' | 'focus' | 'show' | 'hide',
    listener: () => void,
  ): unknown;
}

export interface MenuLike {
  readonly items: readonly unknown[];
}

export interface TrayLike {
  setToolTip(tip: string): void;
  setContextMenu(menu: MenuLike | null): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

export interface NotificationLike {
  show(): void;
  on(event: 'click', listener: () => void): unknown;
}

export interface IpcMainEventLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainEventLike, ...args: unknown[]) => unknown): void;
  on(channel: string, listener: (event: IpcMainEventLike, ...args: unknown[]) => void): unknown;
}

export interface AppLike {
  readonly isPackaged: boolean;
  userAgentFallback: string;
  getPath(name: 'userData' | 'downloads'): string;
  getLocale(): string;
  quit(): void;
  setBadgeCount(count?: number): boolean;
  on(event: 'web-contents-created', listener: (event: EventLike, contents: WebContentsLike) => void): unknown;
}

export interface ElectronApi<V extends WebContentsViewLike = WebContentsViewLike> {
  app: AppLike;
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindowLike<V>;
  WebContentsView: new (options: { webPreferences: WebPreferences }) => V;
  session: { fromPartition(partition: string): SessionLike };
  shell: { openExternal(url: string): Promise<void> };
  ipcMain: IpcMainLike;
  Menu: {
    buildFromTemplate(template: MenuItemConstructorOptions[]): MenuLike;
    setApplicationMenu(menu: MenuLike | null): void;
  };
  Tray: new (iconPath: string) => TrayLike;
  Notification: {
    new (options: { title: string; body?: string; silent?: boolean }): NotificationLike;
    isSupported(): boolean;
  };
  screen: { getAllDisplays(): { workArea: Rectangle }[] };
}
