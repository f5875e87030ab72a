/**
 * The window and the app on Electron. As DesktopPort, what main's own commands (main/core/app/menu-commands.ts)
 * do to them: show, hide and reload the window, tell the shell which screen to show, the About panel, Wasl's web
 * page, starting the demo, quitting. And the app's life: whether a quit is under way (closing the window then really closes it
 * instead of hiding it in the tray), a second launch or a click on the Dock icon bringing the window forward,
 * everything pending written before the quit. And the theme the system draws Wasl in, as the settings say.
 */
import type { ThemeSetting } from '../../common/state';
import type { AppStore } from '../core/app/app-store';
import type { DesktopPort } from '../core/app/menu-commands';
import type { BrowserWindowLike } from './api';
import { revealWindow, shellChannel } from './main-window';

/** The part of Electron's `app` used here. */
export interface DesktopAppLike {
  getVersion(): string;
  setAboutPanelOptions(options: { applicationName: string; applicationVersion: string; website: string }): void;
  showAboutPanel(): void;
  quit(): void;
  on(event: 'before-quit' | 'will-quit' | 'second-instance' | 'activate', listener: () => void): unknown;
}

export interface DesktopDeps {
  app: DesktopAppLike;
  shell: { openExternal(url: string): Promise<void> };
  window: BrowserWindowLike;
  projectUrl: string;
  /** Starts the demo beside this Wasl (main/electron/demo.ts). */
  launchDemo(): void;
}

export interface AppEventHooks {
  /** Writes what is pending, before anything closes. */
  beforeQuit(): void;
  /** The windows are closed: what outlives them goes (the tray icon). */
  willQuit(): void;
}

export class ElectronDesktop implements DesktopPort {
  private quitting = false;
  readonly sendAction: DesktopPort['sendAction'];

  constructor(private readonly deps: DesktopDeps) {
    const { app } = deps;
    app.setAboutPanelOptions({ applicationName: 'Wasl', applicationVersion: app.getVersion(), website: deps.projectUrl });
    app.on('before-quit', () => {
      this.quitting = true;
    });
    this.sendAction = shellChannel(deps.window).sendAction;
  }

  /** Whether a quit is under way. */
  get isQuitting(): boolean {
    return this.quitting;
  }

  /** A quit Electron starts by itself is coming (an update's install): the window must close for it. */
  prepareQuit(): void {
    this.quitting = true;
  }

  /** A second launch and a click on the Dock icon bring the window forward; `hooks` run as the app quits. */
  wire(hooks: AppEventHooks): void {
    const { app } = this.deps;
    app.on('second-instance', () => this.revealWindow());
    app.on('activate', () => this.revealWindow());
    app.on('before-quit', () => hooks.beforeQuit());
    app.on('will-quit', () => hooks.willQuit());
  }

  windowShown(): boolean {
    const win = this.deps.window;
    return !win.isDestroyed() && win.isVisible() && !win.isMinimized();
  }

  onWindowChange(listener: () => void): void {
    for (const event of ['show', 'hide', 'minimize', 'restore'] as const) this.deps.window.on(event, listener);
  }

  revealWindow(): void {
    revealWindow(this.deps.window);
  }

  focusShell(): void {
    if (!this.deps.window.isDestroyed()) this.deps.window.webContents.focus();
  }

  hideWindow(): void {
    this.deps.window.hide();
  }

  reloadWindow(): void {
    this.deps.window.webContents.reload();
  }

  toggleDevTools(): void {
    this.deps.window.webContents.toggleDevTools();
  }

  showAbout(): void {
    this.deps.app.showAboutPanel();
  }

  openProjectPage(): void {
    void this.deps.shell.openExternal(this.deps.projectUrl);
  }

  startDemo(): void {
    this.deps.launchDemo();
  }

  quit(): void {
    this.quitting = true;
    this.deps.app.quit();
  }
}

/** The system's theme for Wasl (`nativeTheme.themeSource`): the setting's, now and whenever it changes. */
export function followTheme(nativeTheme: { themeSource: ThemeSetting }, store: AppStore): void {
  nativeTheme.themeSource = store.getState().settings.theme;
  store.subscribe((next, prev) => {
    if (next.settings.theme !== prev.settings.theme) nativeTheme.themeSource = next.settings.theme;
  });
}
