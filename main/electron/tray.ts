/**
 * The tray icon: a click shows or hides the window; its menu offers the same and Quit.
 */
import type { MainStrings } from '../i18n';
import type { BrowserWindowLike, ElectronApi, TrayLike } from './api';
import { revealWindow } from './main-window';

export interface TrayDeps {
  electron: Pick<ElectronApi, 'Tray' | 'Menu'>;
  iconPath: string;
  window: BrowserWindowLike;
  onQuit(): void;
}

export class AppTray {
  private readonly tray: TrayLike;
  private strings: MainStrings | undefined;

  constructor(private readonly deps: TrayDeps) {
    this.tray = new deps.electron.Tray(deps.iconPath);
    this.tray.on('click', () => this.toggle());
  }

  toggle(): void {
    const win = this.deps.window;
    if (win.isVisible() && !win.isMinimized()) win.hide();
    else revealWindow(win);
    this.refresh();
  }

  /** Rebuilds the tooltip and menu (after a language change, or when the window is shown or hidden). */
  update(strings: MainStrings): void {
    this.strings = strings;
    this.refresh();
  }

  destroy(): void {
    this.tray.destroy();
  }

  private refresh(): void {
    const s = this.strings;
    if (!s) return;
    const win = this.deps.window;
    const visible = win.isVisible() && !win.isMinimized();
    this.tray.setToolTip(s.trayTooltip);
    this.tray.setContextMenu(
      this.deps.electron.Menu.buildFromTemplate([
        { label: visible ? s.hideWasl : s.showWasl, click: () => this.toggle() },
        { type: 'separator' },
        { label: s.quit, click: () => this.deps.onQuit() },
      ]),
    );
  }
}
