/**
 * The main window: restored where the user left it, shown when ready unless Wasl starts hidden in the tray,
 * hidden (not closed) when the user closes it so services keep running in the tray — or, when the user chose so,
 * closing quits (never on macOS, where closing a window does not quit an app) — and its placement reported for
 * saving. And what main sends the shell in it.
 */
import { CHANNELS } from '../../common/channels';
import type { HostOs } from '../../common/state';
import type { DesktopPort } from '../core/app/menu-commands';
import type { ShellFeedDeps } from '../core/app/shell-feed';
import type { WindowState } from '../core/settings/document';
import { MIN_SIZE, placeWindow } from '../core/desktop/window-placement';
import type { BrowserWindowLike, ElectronApi, WebContentsViewLike } from './api';
import { secureWebPreferences } from './web-preferences';

export interface MainWindowDeps<V extends WebContentsViewLike> {
  electron: Pick<ElectronApi<V>, 'BrowserWindow' | 'screen'>;
  saved: WindowState | null;
  preloadPath: string;
  iconPath: string;
  darkBackground: boolean;
  os: HostOs;
  /** Start hidden: the window is shown from the tray (or the Dock, or a second launch). */
  startHidden: boolean;
  /** Whether a quit is under way: then closing really closes. */
  quitting(): boolean;
  /** Whether closing the window keeps Wasl running in the tray (the `closeToTray` setting). */
  closeToTray(): boolean;
  /** Quits Wasl, when closing the window should. */
  quit(): void;
  onPlacement(state: WindowState): void;
}

export function createMainWindow<V extends WebContentsViewLike>(deps: MainWindowDeps<V>): BrowserWindowLike<V> {
  const placement = placeWindow(
    deps.saved,
    deps.electron.screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new deps.electron.BrowserWindow({
    ...placement.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Wasl',
    icon: deps.iconPath,
    backgroundColor: deps.darkBackground ? '#15181c' : '#f6f7f9',
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences({ preload: deps.preloadPath }),
  });
  // Maximizing shows a hidden window: a window that starts hidden is maximized when it is first shown.
  let maximizeOnShow = placement.maximized && deps.startHidden;
  win.on('ready-to-show', () => {
    if (deps.startHidden) return;
    if (placement.maximized) win.maximize();
    win.show();
  });
  win.on('show', () => {
    if (!maximizeOnShow) return;
    maximizeOnShow = false;
    win.maximize();
  });
  win.on('close', (event) => {
    if (deps.quitting()) return;
    event.preventDefault();
    if (deps.os === 'darwin' || deps.closeToTray()) win.hide();
    else deps.quit();
  });
  const report = (): void => {
    if (win.isDestroyed() || win.isMinimized()) return;
    const bounds = win.getNormalBounds();
    deps.onPlacement({ x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height, maximized: win.isMaximized() });
  };
  win.on('resize', report);
  win.on('move', report);
  win.on('maximize', report);
  win.on('unmaximize', report);
  return win;
}

/** Brings the window to the front, from the tray or a second launch. */
export function revealWindow(win: BrowserWindowLike): void {
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/** What main sends the shell: state patches, chat deltas, the screens to show. Nothing once the window is gone. */
export type ShellChannel = Pick<ShellFeedDeps, 'sendPatch' | 'sendChats'> & Pick<DesktopPort, 'sendAction'>;

export function shellChannel(win: BrowserWindowLike): ShellChannel {
  const send = (channel: string, payload: unknown): void => {
    if (!win.isDestroyed()) win.webContents.send(channel, payload);
  };
  return {
    sendPatch: (patch) => send(CHANNELS.patch, patch),
    sendChats: (serviceId, delta) => send(CHANNELS.chats, { serviceId, delta }),
    sendAction: (action) => send(CHANNELS.action, action),
  };
}
