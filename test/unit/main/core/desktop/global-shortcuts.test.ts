/** The system-wide show/hide key (main/core/desktop/global-shortcuts.ts) over Electron's globalShortcut (main/electron/global-shortcut.ts, faked). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../../common/settings';
import type { ShortcutOverrides } from '../../../../../common/shortcuts';
import { createAppStore } from '../../../../../main/core/app/app-store';
import type { MenuCommand } from '../../../../../main/core/app/menu-commands';
import { GlobalShortcuts } from '../../../../../main/core/desktop/global-shortcuts';
import { electronGlobalShortcuts } from '../../../../../main/electron/global-shortcut';
import { FakeGlobalShortcut } from '../../../../fakes/global-shortcut';
import { MemoryLogger } from '../../../../fakes/logger';
import { stateOf } from '../../../../fakes/state';

function setup(keys: ShortcutOverrides = {}) {
  const store = createAppStore(stateOf({ settings: { ...DEFAULT_SETTINGS, shortcuts: { keys } } }));
  const system = new FakeGlobalShortcut();
  const log = new MemoryLogger();
  const ran: MenuCommand[] = [];
  const globals = new GlobalShortcuts({ store, port: electronGlobalShortcuts(system), log, run: (command) => ran.push(command) });
  const setKeys = (next: ShortcutOverrides): void => store.setState({ settings: { ...store.getState().settings, shortcuts: { keys: next } } });
  return { store, system, log, ran, globals, setKeys };
}

describe('GlobalShortcuts', () => {
  it('registers nothing until the user sets a key (the shortcut has none by default)', () => {
    const { system, globals, store } = setup();
    globals.start();
    expect(system.calls).toEqual([]);
    expect(store.getState().globalKeyRefused).toBeUndefined();
  });

  it('registers the key the user set; pressing it anywhere shows or hides the window', () => {
    const { system, globals, ran } = setup({ 'show-hide': 'Ctrl+Alt+KeyW' });
    globals.start();
    expect(system.calls).toEqual(['register Ctrl+Alt+W']);
    expect(system.press('Ctrl+Alt+W')).toBe(true);
    expect(system.press('Ctrl+Alt+W')).toBe(true);
    expect(ran).toEqual([{ type: 'window.toggle' }, { type: 'window.toggle' }]);
  });

  it('gives the old key back when the setting changes, and every key when it is cleared', () => {
    const { system, globals, setKeys, ran } = setup();
    globals.start();
    setKeys({ 'show-hide': 'Mod+Shift+KeyW' });
    setKeys({ 'show-hide': 'Mod+Alt+KeyH' });
    expect(system.press('CmdOrCtrl+Shift+W')).toBe(false);
    expect(system.press('CmdOrCtrl+Alt+H')).toBe(true);
    setKeys({ 'show-hide': null });
    expect(system.press('CmdOrCtrl+Alt+H')).toBe(false);
    expect(system.calls).toEqual(['register CmdOrCtrl+Shift+W', 'unregister CmdOrCtrl+Shift+W', 'register CmdOrCtrl+Alt+H', 'unregister CmdOrCtrl+Alt+H']);
    expect(ran).toEqual([{ type: 'window.toggle' }]);
    expect(system.registered.size).toBe(0);
  });

  it('touches nothing when another setting changes', () => {
    const { system, globals, store } = setup({ 'show-hide': 'Ctrl+Alt+KeyW' });
    globals.start();
    store.setState({ settings: { ...store.getState().settings, theme: 'dark' } });
    store.setState({ settings: { ...store.getState().settings, shortcuts: { keys: { 'show-hide': 'Ctrl+Alt+KeyW', lock: 'Mod+Alt+KeyL' } } } });
    expect(system.calls).toEqual(['register Ctrl+Alt+W']);
  });

  it('says so when another app holds the key: logged once, named in the state, the setting kept', () => {
    const { system, globals, setKeys, store, log } = setup();
    system.heldElsewhere.add('Ctrl+Alt+Space');
    globals.start();
    setKeys({ 'show-hide': 'Ctrl+Alt+Space' });
    expect(store.getState().globalKeyRefused).toBe('Ctrl+Alt+Space');
    expect(store.getState().settings.shortcuts.keys['show-hide']).toBe('Ctrl+Alt+Space');
    expect(log.count('warn')).toBe(1);
    // An unrelated change does not try (nor log) again.
    setKeys({ 'show-hide': 'Ctrl+Alt+Space', pin: null });
    expect(log.count('warn')).toBe(1);
    expect(system.calls).toEqual(['register Ctrl+Alt+Space']);
    // Another key that is free: registered, and the message goes; nothing to give back for the refused one.
    setKeys({ 'show-hide': 'Ctrl+Alt+KeyW' });
    expect(system.calls).toEqual(['register Ctrl+Alt+Space', 'register Ctrl+Alt+W']);
    expect(store.getState().globalKeyRefused).toBeUndefined();
    expect(system.press('Ctrl+Alt+W')).toBe(true);
  });

  it('counts a key Electron cannot read as refused, without throwing', () => {
    const { system, globals, store } = setup({ 'show-hide': 'Ctrl+Alt+Backquote' });
    system.unreadable.add('Ctrl+Alt+`');
    expect(() => globals.start()).not.toThrow();
    expect(store.getState().globalKeyRefused).toBe('Ctrl+Alt+Backquote');
  });

  it('gives every key back as Wasl quits, and registers none after', () => {
    const { system, globals, setKeys } = setup({ 'show-hide': 'Ctrl+Alt+KeyW' });
    globals.start();
    globals.stop();
    setKeys({ 'show-hide': 'Ctrl+Alt+KeyQ' });
    expect(system.calls).toEqual(['register Ctrl+Alt+W', 'unregisterAll']);
    expect(system.press('Ctrl+Alt+W')).toBe(false);
  });
});
