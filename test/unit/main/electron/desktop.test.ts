/**
 * The window and the app on Electron (main/electron/desktop.ts), what main sends the shell
 * (main/electron/main-window.ts `shellChannel`), and dialogs attached to the window in front (main/electron/files.ts).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../common/settings';
import { createAppStore } from '../../../../main/core/app/app-store';
import { ElectronDesktop, followTheme } from '../../../../main/electron/desktop';
import { attachedDialogs } from '../../../../main/electron/files';
import { shellChannel } from '../../../../main/electron/main-window';
import { createFakeElectronModule } from '../../../fakes/electron-module';
import { stateOf } from '../../../fakes/state';

function setup() {
  const fake = createFakeElectronModule();
  new fake.BrowserWindow({});
  const win = fake.windows[0];
  if (!win) throw new Error('no window');
  const demos: number[] = [];
  const desktop = new ElectronDesktop({ app: fake.app, shell: fake.shell, window: win, projectUrl: 'https://example.com/wasl', launchDemo: () => demos.push(1) });
  return { fake, win, desktop, demos };
}

describe('ElectronDesktop', () => {
  it('tells the About panel who Wasl is', () => {
    expect(setup().fake.app.aboutOptions).toEqual({ applicationName: 'Wasl', applicationVersion: '0.0.0-test', website: 'https://example.com/wasl' });
  });

  it('says the window is shown only when it is visible and not minimized, and hears it change', () => {
    const { win, desktop } = setup();
    const changes: boolean[] = [];
    desktop.onWindowChange(() => changes.push(desktop.windowShown()));
    expect(desktop.windowShown()).toBe(false);
    desktop.revealWindow();
    win.minimize();
    win.restore();
    desktop.hideWindow();
    expect(changes).toEqual([true, false, true, false]);
  });

  it('brings a minimized window forward', () => {
    const { win, desktop } = setup();
    win.show();
    win.minimize();
    desktop.revealWindow();
    expect(win.minimized).toBe(false);
    expect(desktop.windowShown()).toBe(true);
  });

  it('reloads the shell, opens its developer tools, tells it which screen to show, and opens Wasl’s page', () => {
    const { fake, win, desktop } = setup();
    desktop.reloadWindow();
    desktop.toggleDevTools();
    desktop.sendAction('open-shop');
    desktop.openProjectPage();
    expect(win.webContents.reloads).toBe(1);
    expect(win.webContents.devToolsToggled).toBe(1);
    expect(win.webContents.sent).toEqual([{ channel: 'app:action', args: ['open-shop'] }]);
    expect(fake.shell.opened).toEqual(['https://example.com/wasl']);
  });

  it('gives the shell’s page the keyboard focus, and nothing once the window is gone', () => {
    const { win, desktop } = setup();
    desktop.focusShell();
    expect(win.webContents.focused).toBe(1);
    win.close();
    desktop.focusShell();
    expect(win.webContents.focused).toBe(1);
  });

  it('starts the demo through its launcher', () => {
    const { desktop, demos } = setup();
    desktop.startDemo();
    expect(demos).toEqual([1]);
  });

  it('knows a quit is under way: its own, one an update prepares, or the app’s', () => {
    const a = setup();
    expect(a.desktop.isQuitting).toBe(false);
    a.desktop.quit();
    expect([a.desktop.isQuitting, a.fake.app.quitCalls]).toEqual([true, 1]);
    const b = setup();
    b.desktop.prepareQuit();
    expect([b.desktop.isQuitting, b.fake.app.quitCalls]).toEqual([true, 0]);
    const c = setup();
    c.fake.app.emit('before-quit');
    expect(c.desktop.isQuitting).toBe(true);
  });

  it('brings the window forward on a second launch or a Dock click, writes before the quit, and clears up after it', () => {
    const { fake, win, desktop } = setup();
    const hooks: string[] = [];
    desktop.wire({ beforeQuit: () => hooks.push(`before-quit ${String(desktop.isQuitting)}`), willQuit: () => hooks.push('will-quit') });
    fake.app.emit('second-instance');
    expect(win.isVisible()).toBe(true);
    win.hide();
    fake.app.emit('activate');
    expect(win.isVisible()).toBe(true);
    fake.app.emit('before-quit');
    fake.app.emit('will-quit');
    expect(hooks).toEqual(['before-quit true', 'will-quit']);
  });
});

describe('followTheme', () => {
  it('gives the system the theme of the settings, now and whenever it changes', () => {
    const store = createAppStore(stateOf({ settings: { ...DEFAULT_SETTINGS, theme: 'dark' } }));
    const nativeTheme = { themeSource: 'system' as 'system' | 'light' | 'dark' };
    followTheme(nativeTheme, store);
    expect(nativeTheme.themeSource).toBe('dark');
    store.setState({ settings: { ...DEFAULT_SETTINGS, theme: 'light' } });
    expect(nativeTheme.themeSource).toBe('light');
  });
});

describe('shellChannel', () => {
  it('sends the shell patches, chat deltas and screens, and nothing once its window is gone', () => {
    const { win } = setup();
    const shell = shellChannel(win);
    shell.sendPatch({ view: 'inbox' });
    shell.sendChats('wa', { reset: true, loggedIn: true, unread: { direct: 0, indirect: 0 }, upsert: [], remove: [] });
    shell.sendAction('add-service');
    win.destroyed = true;
    shell.sendAction('open-settings');
    expect(win.webContents.sent.map((m) => m.channel)).toEqual(['app:patch', 'app:chats', 'app:action']);
    expect(win.webContents.sent[1]?.args).toEqual([{ serviceId: 'wa', delta: { reset: true, loggedIn: true, unread: { direct: 0, indirect: 0 }, upsert: [], remove: [] } }]);
  });
});

describe('attachedDialogs', () => {
  it('attaches each dialog to the window in front, or to none', async () => {
    const calls: unknown[][] = [];
    const answer = { canceled: true, filePath: '', filePaths: [] };
    const dialog = {
      showSaveDialog: (...args: unknown[]) => {
        calls.push(['save', ...args]);
        return Promise.resolve(answer);
      },
      showOpenDialog: (...args: unknown[]) => {
        calls.push(['open', ...args]);
        return Promise.resolve(answer);
      },
    };
    let focused: string | null = 'wasl-window';
    const dialogs = attachedDialogs(dialog, () => focused);
    await dialogs.showSaveDialog({ title: 'Save' });
    focused = null;
    await dialogs.showOpenDialog({ title: 'Open' });
    expect(calls).toEqual([
      ['save', 'wasl-window', { title: 'Save' }],
      ['open', { title: 'Open' }],
    ]);
  });
});
