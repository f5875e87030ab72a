/**
 * Opening Wasl at login: the setting kept in step with the system (main/core/login-item.ts), Electron's login
 * items on macOS and Windows, and the XDG autostart entry on Linux (main/electron/login-item.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../../common/settings';
import { createAppStore } from '../../../../../main/core/app/app-store';
import { keepLoginItem, type LoginItemPort } from '../../../../../main/core/desktop/login-item';
import { electronLoginItem, execField, linuxAutostart } from '../../../../../main/electron/login-item';
import { FakeApp } from '../../../../fakes/electron';
import { MemoryLogger } from '../../../../fakes/logger';
import { stateOf } from '../../../../fakes/state';

class FakeLoginItem implements LoginItemPort {
  calls: boolean[] = [];
  failing = false;
  constructor(public on: boolean) {}
  enabled(): boolean {
    return this.on;
  }
  set(enabled: boolean): void {
    this.calls.push(enabled);
    if (this.failing) throw new Error('EACCES');
    this.on = enabled;
  }
}

const storeWith = (startAtLogin: boolean) => createAppStore(stateOf({ settings: { ...DEFAULT_SETTINGS, startAtLogin } }));
const setStartAtLogin = (store: ReturnType<typeof storeWith>, value: boolean) => store.setState({ settings: { ...store.getState().settings, startAtLogin: value } });

describe('keepLoginItem', () => {
  it('takes the system’s word at start: the user may have removed Wasl from the login items there', () => {
    const store = storeWith(true);
    const port = new FakeLoginItem(false);
    keepLoginItem(store, port, new MemoryLogger());
    expect(store.getState().settings.startAtLogin).toBe(false);
    expect(port.calls).toEqual([]);
  });

  it('writes each change of the setting to the system, and nothing else', () => {
    const store = storeWith(false);
    const port = new FakeLoginItem(false);
    keepLoginItem(store, port, new MemoryLogger());
    setStartAtLogin(store, true);
    expect(port.calls).toEqual([true]);
    store.setState({ settings: { ...store.getState().settings, theme: 'dark' } });
    expect(port.calls).toEqual([true]);
    setStartAtLogin(store, false);
    expect(port.calls).toEqual([true, false]);
  });

  it('puts the switch back when the system refuses, and logs why', () => {
    const store = storeWith(false);
    const port = new FakeLoginItem(false);
    const log = new MemoryLogger();
    keepLoginItem(store, port, log);
    port.failing = true;
    setStartAtLogin(store, true);
    expect(store.getState().settings.startAtLogin).toBe(false);
    expect(port.calls).toEqual([true]);
    expect(log.count('warn', 'could not change the login item')).toBe(1);
  });
});

describe('electronLoginItem', () => {
  it('macOS: reads and writes openAtLogin', () => {
    const app = new FakeApp();
    const item = electronLoginItem(app, 'darwin');
    expect(item.enabled()).toBe(false);
    item.set(true);
    expect(app.loginItemCalls).toEqual([{ openAtLogin: true }]);
    expect(item.enabled()).toBe(true);
  });

  it('Windows: an entry the user turned off in the Task Manager is off, and turning it on enables it again', () => {
    const app = new FakeApp();
    app.loginItem = { openAtLogin: true, executableWillLaunchAtLogin: false };
    const item = electronLoginItem(app, 'win32');
    expect(item.enabled()).toBe(false);
    item.set(true);
    expect(app.loginItemCalls).toEqual([{ openAtLogin: true, enabled: true }]);
    expect(item.enabled()).toBe(true);
    item.set(false);
    expect(app.loginItemCalls.at(-1)).toEqual({ openAtLogin: false, enabled: false });
    expect(item.enabled()).toBe(false);
  });
});

describe('linuxAutostart', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes an XDG autostart entry that runs Wasl, and removes it', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'wasl-autostart-'));
    const item = linuxAutostart(dir, '/home/layla/Apps/Wasl 1.0.AppImage');
    const file = path.join(dir, 'autostart', 'wasl.desktop');
    expect(item.enabled()).toBe(false);
    item.set(true);
    expect(item.enabled()).toBe(true);
    const entry = readFileSync(file, 'utf8');
    expect(entry.split('\n')).toEqual(expect.arrayContaining(['[Desktop Entry]', 'Type=Application', 'Exec="/home/layla/Apps/Wasl 1.0.AppImage"', 'X-GNOME-Autostart-enabled=true']));
    item.set(false);
    expect(item.enabled()).toBe(false);
    item.set(false);
    expect(item.enabled()).toBe(false);
  });

  it('counts an entry the desktop turned off as off', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'wasl-autostart-'));
    mkdirSync(path.join(dir, 'autostart'));
    writeFileSync(path.join(dir, 'autostart', 'wasl.desktop'), '[Desktop Entry]\nType=Application\nExec=wasl\nX-GNOME-Autostart-enabled=false\n');
    expect(linuxAutostart(dir, '/usr/bin/wasl').enabled()).toBe(false);
    writeFileSync(path.join(dir, 'autostart', 'wasl.desktop'), '[Desktop Entry]\nType=Application\nExec=wasl\nHidden=true\n');
    expect(linuxAutostart(dir, '/usr/bin/wasl').enabled()).toBe(false);
  });

  it('quotes the path as the desktop entry specification asks', () => {
    expect(execField('/opt/Wasl/wasl')).toBe('"/opt/Wasl/wasl"');
    expect(execField('/home/a "b"/$HOME`x`\\y')).toBe('"/home/a \\"b\\"/\\$HOME\\`x\\`\\\\y"');
  });
});
