/** Which key presses are Wasl's shortcuts (main/core/desktop/shortcuts.ts). */
import { describe, expect, it } from 'vitest';
import { shortcutFor, type KeyInput } from '../../../../../main/core/desktop/shortcuts';

describe('shortcutFor', () => {
  const key = (code: string, mods: Partial<KeyInput> = {}): KeyInput => ({
    type: 'keyDown', code, key: code, control: false, meta: false, shift: false, alt: false, ...mods,
  });

  it('picks a service with Ctrl+digit on Windows/Linux and Cmd+digit on macOS, by physical key; 0 is the inbox', () => {
    expect(shortcutFor(key('Digit1', { control: true }), 'linux')).toEqual({ type: 'activate-index', index: 1 });
    expect(shortcutFor({ ...key('Digit3', { control: true }), key: '٣' }, 'win32')).toEqual({ type: 'activate-index', index: 3 });
    expect(shortcutFor(key('Numpad9', { control: true }), 'win32')).toEqual({ type: 'activate-index', index: 9 });
    expect(shortcutFor(key('Digit2', { meta: true }), 'darwin')).toEqual({ type: 'activate-index', index: 2 });
    expect(shortcutFor(key('Digit2', { control: true }), 'darwin')).toBeUndefined();
    expect(shortcutFor(key('Digit2', { meta: true }), 'linux')).toBeUndefined();
    expect(shortcutFor(key('Digit0', { control: true }), 'linux')).toEqual({ type: 'inbox' });
    expect(shortcutFor(key('Numpad0', { meta: true }), 'darwin')).toEqual({ type: 'inbox' });
    expect(shortcutFor(key('Digit1', { control: true, shift: true }), 'linux')).toBeUndefined();
    expect(shortcutFor(key('Digit1', { control: true, alt: true }), 'linux')).toBeUndefined();
    expect(shortcutFor({ ...key('Digit1', { control: true }), type: 'keyUp' }, 'linux')).toBeUndefined();
  });

  it('opens the quick replies with Ctrl+Shift+Space (Cmd+Shift+Space on macOS), whatever the layout types', () => {
    expect(shortcutFor(key('Space', { control: true, shift: true }), 'linux')).toEqual({ type: 'quick-replies' });
    expect(shortcutFor({ ...key('Space', { control: true, shift: true }), key: ' ' }, 'win32')).toEqual({ type: 'quick-replies' });
    expect(shortcutFor(key('Space', { meta: true, shift: true }), 'darwin')).toEqual({ type: 'quick-replies' });
    expect(shortcutFor(key('Space', { control: true, shift: true }), 'darwin')).toBeUndefined();
    expect(shortcutFor(key('Space', { control: true }), 'linux')).toBeUndefined();
    expect(shortcutFor(key('Space', { control: true, shift: true, alt: true }), 'linux')).toBeUndefined();
  });

  it('cycles with Ctrl+Tab, Ctrl+Shift+Tab and Ctrl+PageDown/PageUp on every OS', () => {
    for (const os of ['darwin', 'win32', 'linux'] as const) {
      expect(shortcutFor(key('Tab', { control: true }), os)).toEqual({ type: 'activate-relative', delta: 1 });
      expect(shortcutFor(key('Tab', { control: true, shift: true }), os)).toEqual({ type: 'activate-relative', delta: -1 });
      expect(shortcutFor(key('PageDown', { control: true }), os)).toEqual({ type: 'activate-relative', delta: 1 });
      expect(shortcutFor(key('PageUp', { control: true }), os)).toEqual({ type: 'activate-relative', delta: -1 });
    }
    expect(shortcutFor(key('Tab'), 'linux')).toBeUndefined();
    expect(shortcutFor(key('KeyA', { control: true }), 'linux')).toBeUndefined();
  });
});
