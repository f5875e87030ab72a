/**
 * main/index.ts as an installed build starts it (app.isPackaged), against the fake `electron` module and a fake
 * electron-updater: a start with a debugging switch is refused before anything is created; a plain start loads the
 * updater and wires it to the tray and the shell, starts hidden in the tray when the user asked, and keeps the login
 * item (an XDG autostart entry here, on Linux) in step with the setting. On Linux a downloaded update is offered
 * only with a valid `.sig` from the release (signed with a key generated here and trusted for the test); one
 * without is refused.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppState } from '../../../common/state';
import type { IpcMainEventLike } from '../../../main/electron/api';
import { createFakeElectronModule, type FakeElectronModule } from '../../fakes/electron-module';
import type { FakeWebContents } from '../../fakes/electron';
import { FakeBaseUpdater, pushedUpdate, SignedRelease, until } from '../../support/signed-update';
import { byLabel, click, flush } from './electron/support';

class FakeAutoUpdater extends FakeBaseUpdater {
  installs: [boolean | undefined, boolean | undefined][] = [];
  checkForUpdates(): Promise<null> {
    return Promise.resolve(null);
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

const hoisted = vi.hoisted(() => ({ updater: undefined as FakeAutoUpdater | undefined }));

vi.mock('electron-updater', () => {
  hoisted.updater = new FakeAutoUpdater();
  return { default: { autoUpdater: hoisted.updater, BaseUpdater: FakeBaseUpdater } };
});

vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  return {
    default: class extends Conf<Record<string, unknown>> {
      constructor(options: { cwd: string; name: string; clearInvalidConfig: boolean }) {
        super({ cwd: options.cwd, configName: options.name, clearInvalidConfig: options.clearInvalidConfig });
      }
    },
  };
});

const profile = mkdtempSync(path.join(os.tmpdir(), 'wasl-packaged-'));
const configHome = path.join(profile, 'config');
const autostart = path.join(configHome, 'autostart', 'wasl.desktop');
const EXECUTABLE = '/opt/Wasl/wasl';
const argv = process.argv;
const release = new SignedRelease();
let refused: { fake: FakeElectronModule; stderr: string };
let fake: FakeElectronModule;
let updater: FakeAutoUpdater;

/**
 * Starts main/index.ts anew, against a fresh fake `electron` module of an installed build, with these arguments
 * after the executable; answers the fake it ran against.
 */
async function startMain(args: string[]): Promise<FakeElectronModule> {
  vi.resetModules();
  const module = createFakeElectronModule();
  module.app.isPackaged = true;
  vi.doMock('electron', () => module);
  release.trust();
  process.argv = [EXECUTABLE, ...args];
  try {
    await import('../../../main/index');
    await flush();
  } finally {
    process.argv = argv;
  }
  return module;
}
const shellEvent = (contents: FakeWebContents): IpcMainEventLike => ({ sender: { id: contents.id }, senderFrame: { url: 'app://wasl/index.html', parent: null } });

beforeAll(async () => {
  const services = [{ id: 'wa1', platform: 'whatsapp', name: 'Shop', enabled: true, muted: false, callsAllowed: false }];
  writeFileSync(
    path.join(profile, 'settings.json'),
    JSON.stringify({ version: 3, services, activeServiceId: 'wa1', settings: { language: 'en', startMinimized: true, startAtLogin: false }, window: null }),
  );
  // The user had Wasl open at login already (set up by an earlier run, or by hand).
  mkdirSync(path.dirname(autostart), { recursive: true });
  writeFileSync(autostart, '[Desktop Entry]\nType=Application\nExec=/opt/Wasl/wasl\n');
  vi.stubEnv('WASL_USER_DATA_DIR', profile);
  vi.stubEnv('XDG_CONFIG_HOME', configHome);
  vi.stubEnv('APPIMAGE', '/home/layla/Wasl.AppImage');
  vi.stubEnv('NODE_OPTIONS', '');
  const written: string[] = [];
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    refused = { fake: await startMain(['--remote-debugging-port=9222']), stderr: written.join('') };
  } finally {
    stderr.mockRestore();
  }
  fake = await startMain([]);
  if (!hoisted.updater) throw new Error('the electron-updater mock was not used');
  updater = hoisted.updater;
});

afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(profile, { recursive: true, force: true });
});

const state = async (): Promise<AppState> => {
  const win = fake.windows[0];
  const hydrate = fake.ipcMain.handlers.get('app:hydrate');
  if (!win || !hydrate) throw new Error('not wired');
  return (await hydrate(shellEvent(win.webContents), undefined)) as AppState;
};

describe('main/index.ts in an installed build started with a debugging switch', () => {
  it('exits with a non-zero code, saying on stderr which switch and why', () => {
    expect(refused.fake.app.exitCode).toBe(1);
    expect(refused.stderr).toBe(
      'Wasl refuses to start with --remote-debugging-port: it lets another program on this computer read your chats and take over the accounts you are signed in to.\n',
    );
  });

  it('creates nothing: no single-instance lock, no window, no view, no tray, no IPC', () => {
    expect(refused.fake.app.lockRequested).toBe(false);
    expect(refused.fake.windows).toEqual([]);
    expect(refused.fake.views).toEqual([]);
    expect(refused.fake.trays).toEqual([]);
    expect(refused.fake.ipcMain.handlers.size).toBe(0);
    expect(refused.fake.protocol.handlers.size).toBe(0);
  });

  it('lets the same build start without the switch', () => {
    expect(fake).not.toBe(refused.fake);
    expect(fake.app.exitCode).toBeUndefined();
    expect(fake.app.lockRequested).toBe(true);
    expect(fake.windows).toHaveLength(1);
  });
});

describe('main/index.ts in an installed build', () => {
  it('starts hidden in the tray when the user asked to start minimized', () => {
    const win = fake.windows[0];
    if (!win) throw new Error('no window');
    win.emit('ready-to-show');
    expect(win.isVisible()).toBe(false);
  });

  it('loads electron-updater and lets updates download in the background; on Linux Wasl, not it, installs on quit', async () => {
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(updater.logger).toBeNull();
    expect(await state()).toMatchObject({ packaged: true, update: { phase: 'idle' } });
  });

  it('takes the system’s login item at start, and writes the user’s change to it', async () => {
    expect((await state()).settings.startAtLogin).toBe(true);
    const win = fake.windows[0];
    const command = fake.ipcMain.handlers.get('app:command');
    if (!win || !command) throw new Error('not wired');
    await command(shellEvent(win.webContents), { type: 'settings.set', startAtLogin: false });
    expect(existsSync(autostart)).toBe(false);
    await command(shellEvent(win.webContents), { type: 'settings.set', startAtLogin: true });
    expect(existsSync(autostart)).toBe(true);
  });

  it('refuses a downloaded update the release has no signature for: offered nowhere, not installed on quit', async () => {
    const [tray] = fake.trays;
    const win = fake.windows[0];
    if (!tray || !win) throw new Error('not wired');
    const file = path.join(profile, 'pending', 'Wasl-1.3.9-x86_64.AppImage');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, 'not signed');
    updater.emit('update-available', { version: '1.3.9' });
    updater.emit('update-downloaded', { version: '1.3.9', downloadedFile: file });
    await until(() => pushedUpdate(win)?.phase === 'failed');
    expect((await state()).update).toEqual({ phase: 'failed', reason: 'unverified', version: '1.3.9' });
    expect(fake.net.fetched).toEqual(['https://github.com/wasl-app/wasl/releases/download/v1.3.9/Wasl-1.3.9-x86_64.AppImage.sig']);
    expect(byLabel(tray.menu?.template ?? [], 'Restart to Update')).toBeUndefined();
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(updater.installs).toEqual([]);
  });

  it('offers the restart once an update is downloaded, in the shell and the tray; the click installs it', async () => {
    const [tray] = fake.trays;
    const win = fake.windows[0];
    if (!tray || !win) throw new Error('not wired');
    const file = release.publish(fake.net.published, path.join(profile, 'pending'), '1.4.0');
    updater.emit('update-available', { version: '1.4.0' });
    updater.emit('update-downloaded', { version: '1.4.0', downloadedFile: file });
    await until(() => pushedUpdate(win)?.phase === 'ready');
    expect((await state()).update).toMatchObject({ phase: 'ready', version: '1.4.0' });
    const patch = win.webContents.sent.filter((m) => m.channel === 'app:patch').at(-1)?.args[0] as Partial<AppState>;
    expect(patch.update).toMatchObject({ phase: 'ready', version: '1.4.0' });
    expect(updater.installs).toEqual([]);

    click(byLabel(tray.menu?.template ?? [], 'Restart to Update'));
    await flush();
    expect(updater.installs).toEqual([[true, true]]);
    // The quit under way closes the window for real instead of hiding it in the tray.
    expect(win.close()).toBe(true);
  });
});
