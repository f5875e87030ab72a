/**
 * The main window: restored where the user left it, hidden (not closed) when the user closes it so services
 * keep running in the tray, and its placement reported for saving.
 */
import type { WindowState } from '../persistence/document';
import { MIN_SIZE, placeWindow } from '../core/window-placement';
import type { BrowserWindowLike, ElectronApi, WebContentsViewLike } from './api';
import { secureWebPreferences } from './web-preferences';

export interface MainWindowDeps<V extends WebContentsViewLike> {
  electron: Pick<ElectronApi<V>, 'BrowserWindow' | 'screen'>;
  saved: WindowState | null;
  preloadPath: string;
  iconPath: string;
  darkBackground: boolean;
  /** Whether a quit is under way: then closing really closes. */
  quitting(): boolean;
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
  win.on('ready-to-show', () => {
    if (placement.maximized) win.maximize();
    win.show();
  });
  win.on('close', (event) => {
    if (deps.quitting()) return;
    event.preventDefault();
    win.hide();
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
