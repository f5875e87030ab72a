import { describe, expect, it } from 'vitest';
import { titleMarksUnread, titleUnread } from '../../common/title';
import { shortcutFor, type KeyInput } from '../../main/core/desktop/shortcuts';
import { DEFAULT_SIZE, MIN_SIZE, placeWindow } from '../../main/core/desktop/window-placement';
import { pendingFolders } from '../../main/persistence/partitions';
import { acceptLanguages, chromeUserAgent, hostOs } from '../../main/security/user-agent';
import { createLogger } from '../../main/core/app/log';
import { retryDelay } from '../../main/core/services/backoff';

describe('titleUnread', () => {
  it.each([
    ['WhatsApp', 0],
    ['(3) WhatsApp', 3],
    [' (12) Messenger', 12],
    ['(99+) Messenger', 99],
    ['[5] Chat', 5],
    ['Inbox (7) - shop@example.com', 7],
    ['\u200f(٣) واتساب', 3],
    ['(۱۲) تلگرام', 12],
    ['Order (2023 report)', 0],
    ['Chat 2023', 0],
    ['(abc) Slack', 0],
    ['', 0],
  ])('%j → %d', (title, count) => {
    expect(titleUnread(title)).toBe(count);
  });
});

describe('titleMarksUnread', () => {
  it.each([
    ['* Slack | general | Shop', true],
    ['! Slack | general', true],
    ['• Chat', true],
    ['\u200f* Slack', true],
    ['Slack | general', false],
    ['*Important* notes', false],
    ['(3) WhatsApp', false],
  ])('%j → %s', (title, marked) => {
    expect(titleMarksUnread(title)).toBe(marked);
  });
});

describe('chromeUserAgent', () => {
  it('looks like a current desktop Chrome on the host OS with no Electron or app token', () => {
    const ua = chromeUserAgent('win32', '146.0.7680.31');
    expect(ua).toBe('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/146.0.0.0 Safari/537.36');
    for (const os of ['darwin', 'win32', 'linux'] as const) {
      expect(chromeUserAgent(os, '146.0.1.2')).not.toMatch(/Electron|wasl/i);
    }
    expect(chromeUserAgent('darwin', '146.0.1.2')).toContain('Macintosh; Intel Mac OS X 10_15_7');
    expect(chromeUserAgent('linux', '146.0.1.2')).toContain('X11; Linux x86_64');
  });

  it('maps Node platforms to the three desktop OSes', () => {
    expect(hostOs('darwin')).toBe('darwin');
    expect(hostOs('win32')).toBe('win32');
    expect(hostOs('linux')).toBe('linux');
    expect(hostOs('freebsd')).toBe('linux');
  });

  it('says the languages the system prefers, or English when it names none', () => {
    expect(acceptLanguages(['ar-SA', 'en-US'])).toBe('ar-SA,en-US');
    expect(acceptLanguages([])).toBe('en-US,en');
  });
});

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

describe('placeWindow', () => {
  const display = [{ x: 0, y: 0, width: 1920, height: 1040 }];
  it('opens at the default size the first time', () => {
    expect(placeWindow(null, display)).toEqual({ bounds: DEFAULT_SIZE, maximized: false });
  });
  it('restores a place that is still on a display', () => {
    expect(placeWindow({ x: 100, y: 50, width: 1000, height: 700, maximized: true }, display)).toEqual({
      bounds: { x: 100, y: 50, width: 1000, height: 700 },
      maximized: true,
    });
  });
  it('keeps the size but lets the OS place a window whose display is gone', () => {
    expect(placeWindow({ x: 3000, y: 50, width: 1000, height: 700, maximized: false }, display)).toEqual({
      bounds: { width: 1000, height: 700 },
      maximized: false,
    });
    expect(placeWindow({ x: 100, y: -600, width: 1000, height: 700, maximized: false }, display).bounds).toEqual({ width: 1000, height: 700 });
  });
  it('never restores a window smaller than the minimum', () => {
    expect(placeWindow({ x: 10, y: 10, width: 300, height: 200, maximized: false }, display).bounds).toEqual({
      x: 10, y: 10, width: MIN_SIZE.width, height: MIN_SIZE.height,
    });
  });
  it('uses a second display', () => {
    const two = [...display, { x: 1920, y: 0, width: 2560, height: 1400 }];
    expect(placeWindow({ x: 2500, y: 100, width: 1200, height: 800, maximized: false }, two).bounds).toEqual({ x: 2500, y: 100, width: 1200, height: 800 });
  });
});

describe('pendingFolders', () => {
  it('picks the folders of removed services only, whatever their case, and never one in use again', () => {
    const folders = ['svc-a1', 'svc-B2', 'svc-gone', 'svc-unlisted', 'other-app', 'Cache'];
    expect(pendingFolders(folders, ['gone', 'b2'], ['a1'])).toEqual(['svc-B2', 'svc-gone']);
    expect(pendingFolders(folders, ['gone', 'b2'], ['B2'])).toEqual(['svc-gone']);
    // Nothing pending: nothing picked, however many folders no service names.
    expect(pendingFolders(folders, [], [])).toEqual([]);
  });
});

describe('retryDelay', () => {
  it('doubles from one second and stops at a minute', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(retryDelay)).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000]);
    expect(retryDelay(0)).toBe(1000);
  });
});

describe('createLogger', () => {
  it('writes one line per event with its fields as JSON', () => {
    const lines: string[] = [];
    const log = createLogger((l) => lines.push(l), () => Date.UTC(2026, 0, 2, 3, 4, 5));
    log.warn('ipc message rejected', { channel: 'app:command', detail: 'line\nbreak' });
    log.info('started');
    expect(lines).toEqual([
      '2026-01-02T03:04:05.000Z warn ipc message rejected {"channel":"app:command","detail":"line\\nbreak"}',
      '2026-01-02T03:04:05.000Z info started',
    ]);
  });
});
