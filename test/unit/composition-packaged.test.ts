/**
 * main/index.ts as an installed build starts it (app.isPackaged), against the fake `electron` module and a fake
 * electron-updater: the updater is loaded and wired to the tray and the shell, Wasl starts hidden in the tray when
 * the user asked, and the login item (an XDG autostart entry here, on Linux) follows the setting.
 */
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppState } from '../../common/state';
import type { IpcMainEventLike } from '../../main/electron/api';
import type { FakeElectronModule } from '../fakes/electron-module';
import type { FakeWebContents } from '../fakes/electron';
import { byLabel, click, flush } from './electron/support';

class FakeAutoUpdater extends EventEmitter {
  autoDownload = false;
  autoInstallOnAppQuit = true;
  logger: object | null = {};
  installs: [boolean | undefined, boolean | undefined][] = [];
  checkForUpdates(): Promise<null> {
    return Promise.resolve(null);
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

const hoisted = vi.hoisted(() => ({ module: undefined as FakeElectronModule | undefined, updater: undefined as FakeAutoUpdater | undefined }));

vi.mock('electron', async () => {
  const { createFakeElectronModule } = await import('../fakes/electron-module');
  hoisted.module = createFakeElectronModule();
  hoisted.module.app.isPackaged = true;
  return hoisted.module;
});

vi.mock('electron-updater', () => {
  hoisted.updater = new FakeAutoUpdater();
  return { default: { autoUpdater: hoisted.updater } };
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
let fake: FakeElectronModule;
let updater: FakeAutoUpdater;
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
  await import('../../main/index');
  await flush();
  if (!hoisted.module || !hoisted.updater) throw new Error('the mocks were not used');
  fake = hoisted.module;
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

describe('main/index.ts in an installed build', () => {
  it('starts hidden in the tray when the user asked to start minimized', () => {
    const win = fake.windows[0];
    if (!win) throw new Error('no window');
    win.emit('ready-to-show');
    expect(win.isVisible()).toBe(false);
  });

  it('loads electron-updater and lets updates download in the background', async () => {
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
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

  it('offers the restart once an update is downloaded, in the shell and the tray; the click installs it', async () => {
    const [tray] = fake.trays;
    const win = fake.windows[0];
    if (!tray || !win) throw new Error('not wired');
    updater.emit('update-available', { version: '1.4.0' });
    updater.emit('update-downloaded', { version: '1.4.0' });
    await flush();
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
