/** The table of shortcuts and its rules (common/shortcuts.ts): keys parsed, shown and matched on each system, the user's changes, which keys may be set, and the keys hosted sites keep. */
import { describe, expect, it } from 'vitest';
import {
  comboAria,
  comboLabel,
  comboOfPress,
  comboText,
  judgeKey,
  matchesCombo,
  parseCombo,
  resolveShortcuts,
  sameKey,
  SHORTCUT_IDS,
  SHORTCUTS,
  shortcutOf,
  siteUses,
  sitesUsing,
  withKey,
  type Combo,
  type KeyPress,
} from '../../../common/shortcuts';
import type { HostOs } from '../../../common/state';

const OSES: readonly HostOs[] = ['darwin', 'win32', 'linux'];

function combo(text: string): Combo {
  const parsed = parseCombo(text);
  if (!parsed) throw new Error(`not a combo: ${text}`);
  return parsed;
}

const press = (code: string, mods: Partial<Omit<KeyPress, 'code'>> = {}): KeyPress => ({ code, control: false, meta: false, alt: false, shift: false, ...mods });
/** Ctrl on Windows and Linux, Cmd on macOS. */
const modOf = (os: HostOs): Partial<KeyPress> => (os === 'darwin' ? { meta: true } : { control: true });

describe('parseCombo and comboText', () => {
  it('reads modifiers in any order, once each, before a physical key code', () => {
    expect(parseCombo('Shift+Mod+KeyL')).toEqual({ mod: true, ctrl: false, alt: false, shift: true, code: 'KeyL' });
    expect(comboText(combo('Shift+Alt+Ctrl+F6'))).toBe('Ctrl+Alt+Shift+F6');
    expect(comboText(combo('Shift+Mod+KeyL'))).toBe(comboText(combo('Mod+Shift+KeyL')));
    expect(parseCombo('Numpad7')).toMatchObject({ code: 'Numpad7' });
  });

  it('refuses what is not a combo', () => {
    for (const text of ['', 'Mod+', 'Mod+Mod+KeyL', 'Hyper+KeyL', 'Mod+L', 'Mod+ShiftLeft', 'F25', 'Ctrl+Key']) expect(parseCombo(text)).toBeUndefined();
  });
});

describe('matchesCombo', () => {
  it('takes Mod as Cmd on macOS and Ctrl elsewhere, every modifier exactly', () => {
    const lock = combo('Mod+Shift+KeyL');
    expect(matchesCombo(lock, press('KeyL', { meta: true, shift: true }), 'darwin')).toBe(true);
    expect(matchesCombo(lock, press('KeyL', { control: true, shift: true }), 'darwin')).toBe(false);
    expect(matchesCombo(lock, press('KeyL', { control: true, shift: true }), 'win32')).toBe(true);
    expect(matchesCombo(lock, press('KeyL', { control: true, shift: true }), 'linux')).toBe(true);
    expect(matchesCombo(lock, press('KeyL', { meta: true, shift: true }), 'linux')).toBe(false);
    expect(matchesCombo(lock, press('KeyL', { control: true, shift: true, alt: true }), 'linux')).toBe(false);
    expect(matchesCombo(lock, press('KeyL', { control: true }), 'linux')).toBe(false);
    // Ctrl is the Control key on macOS too.
    expect(matchesCombo(combo('Ctrl+Tab'), press('Tab', { control: true }), 'darwin')).toBe(true);
  });

  it('counts a number-pad digit as the digit, both ways', () => {
    for (const os of OSES) {
      expect(matchesCombo(combo('Mod+Digit0'), press('Numpad0', modOf(os)), os)).toBe(true);
      expect(matchesCombo(combo('Mod+Numpad3'), press('Digit3', modOf(os)), os)).toBe(true);
      expect(matchesCombo(combo('Mod+Numpad3'), press('Numpad3', modOf(os)), os)).toBe(true);
      expect(matchesCombo(combo('Mod+Digit3'), press('Numpad4', modOf(os)), os)).toBe(false);
    }
  });
});

describe('comboOfPress', () => {
  it('names what was pressed: Cmd is Mod on macOS, Ctrl is Mod elsewhere, digits of the number pad as digits', () => {
    expect(comboText(comboOfPress(press('KeyJ', { meta: true, shift: true }), 'darwin') ?? combo('F1'))).toBe('Mod+Shift+KeyJ');
    expect(comboText(comboOfPress(press('KeyJ', { control: true, meta: true }), 'darwin') ?? combo('F1'))).toBe('Mod+Ctrl+KeyJ');
    expect(comboText(comboOfPress(press('KeyJ', { control: true, alt: true }), 'win32') ?? combo('F1'))).toBe('Mod+Alt+KeyJ');
    expect(comboText(comboOfPress(press('Numpad5', { control: true }), 'linux') ?? combo('F1'))).toBe('Mod+Digit5');
    expect(comboText(comboOfPress(press('KeyE'), 'linux') ?? combo('F1'))).toBe('KeyE');
  });

  it('names nothing for a modifier alone or the Windows key', () => {
    expect(comboOfPress(press('ShiftLeft', { shift: true }), 'linux')).toBeUndefined();
    expect(comboOfPress(press('ControlLeft', { control: true }), 'darwin')).toBeUndefined();
    expect(comboOfPress(press('KeyE', { meta: true }), 'win32')).toBeUndefined();
  });
});

describe('comboLabel and comboAria', () => {
  it('writes a combo as macOS does: symbols in Apple’s order, Control Option Shift Command', () => {
    expect(comboLabel(combo('Mod+Shift+KeyL'), 'darwin')).toBe('⇧⌘L');
    expect(comboLabel(combo('Ctrl+Tab'), 'darwin')).toBe('⌃⇥');
    expect(comboLabel(combo('Mod+Alt+Shift+Ctrl+KeyK'), 'darwin')).toBe('⌃⌥⇧⌘K');
    expect(comboLabel(combo('Mod+Slash'), 'darwin')).toBe('⌘/');
    expect(comboLabel(combo('Mod+Shift+Space'), 'darwin')).toBe('⇧⌘Space');
    expect(comboLabel(combo('Shift+Enter'), 'darwin')).toBe('⇧↩');
  });

  it('writes a combo as Windows and Linux do: Ctrl+Alt+Shift+key', () => {
    for (const os of ['win32', 'linux'] as const) {
      expect(comboLabel(combo('Mod+Shift+KeyL'), os)).toBe('Ctrl+Shift+L');
      expect(comboLabel(combo('Ctrl+PageDown'), os)).toBe('Ctrl+PgDn');
      expect(comboLabel(combo('Mod+Alt+Numpad4'), os)).toBe('Ctrl+Alt+4');
      expect(comboLabel(combo('Mod+Ctrl+KeyK'), os)).toBe('Ctrl+K');
      expect(comboLabel(combo('Shift+Slash'), os)).toBe('Shift+/');
      expect(comboLabel(combo('F6'), os)).toBe('F6');
      expect(comboLabel(combo('Escape'), os)).toBe('Esc');
    }
  });

  it('names the keys for aria-keyshortcuts', () => {
    expect(comboAria(combo('Mod+Shift+KeyL'), 'darwin')).toBe('Shift+Meta+L');
    expect(comboAria(combo('Mod+Shift+Space'), 'linux')).toBe('Control+Shift+Space');
    expect(comboAria(combo('Mod+Slash'), 'win32')).toBe('Control+/');
    expect(comboAria(combo('Alt+ArrowUp'), 'linux')).toBe('Alt+ArrowUp');
  });
});

describe('resolveShortcuts and shortcutOf', () => {
  it('gives each shortcut its defaults until the user changes it', () => {
    const resolved = resolveShortcuts({});
    expect(resolved['next-service'].map(comboText)).toEqual(['Ctrl+Tab', 'Ctrl+PageDown']);
    expect(resolved['show-hide']).toEqual([]);
    expect(shortcutOf(resolved, 'window', press('KeyL', { control: true, shift: true }), 'linux')).toBe('lock');
    expect(shortcutOf(resolved, 'list', press('KeyE'), 'linux')).toBe('done');
    expect(shortcutOf(resolved, 'window', press('KeyE'), 'linux')).toBeUndefined();
  });

  it('puts the user’s one key in place of the defaults, and none for null', () => {
    const resolved = resolveShortcuts({ lock: 'Mod+Alt+KeyL', 'next-service': null, 'show-hide': 'Ctrl+Alt+KeyW' });
    expect(resolved.lock.map(comboText)).toEqual(['Mod+Alt+KeyL']);
    expect(resolved['next-service']).toEqual([]);
    expect(resolved['show-hide'].map(comboText)).toEqual(['Ctrl+Alt+KeyW']);
    expect(shortcutOf(resolved, 'window', press('KeyL', { control: true, alt: true }), 'win32')).toBe('lock');
    expect(shortcutOf(resolved, 'window', press('KeyL', { control: true, shift: true }), 'win32')).toBeUndefined();
    expect(shortcutOf(resolved, 'window', press('Tab', { control: true }), 'win32')).toBeUndefined();
    expect(shortcutOf(resolved, 'global', press('KeyW', { control: true, alt: true }), 'win32')).toBe('show-hide');
  });

  it('keeps a key the user gave one shortcut when a newer default of another names it (the inbox took Mod+Shift+O)', () => {
    const resolved = resolveShortcuts({ 'next-unread': 'Mod+Shift+KeyO', lock: 'Mod+Equal' });
    expect(resolved.inbox).toEqual([]);
    expect(resolved['zoom-in'].map(comboText)).toEqual(['Mod+Shift+Equal']);
    expect(shortcutOf(resolved, 'window', press('KeyO', { control: true, shift: true }), 'linux')).toBe('next-unread');
    expect(shortcutOf(resolved, 'window', press('Equal', { meta: true }), 'darwin')).toBe('lock');
    expect(shortcutOf(resolved, 'window', press('Equal', { meta: true, shift: true }), 'darwin')).toBe('zoom-in');
    expect(resolveShortcuts({ 'next-unread': 'Mod+KeyB' }).inbox.map(comboText)).toEqual(['Mod+Shift+KeyO']);
  });
});

describe('withKey', () => {
  it('sets a key, sets none, and forgets the change, leaving the others', () => {
    const start = { lock: 'Mod+Alt+KeyL', pin: null };
    expect(withKey(start, 'inbox', combo('Shift+Mod+KeyI'))).toEqual({ lock: 'Mod+Alt+KeyL', pin: null, inbox: 'Mod+Shift+KeyI' });
    expect(withKey(start, 'lock', null)).toEqual({ lock: null, pin: null });
    expect(withKey(start, 'pin', undefined)).toEqual({ lock: 'Mod+Alt+KeyL' });
    expect(start).toEqual({ lock: 'Mod+Alt+KeyL', pin: null });
  });
});

describe('site keys', () => {
  it('leaves Ctrl+K, Ctrl+F and Ctrl+/ to Slack and Discord, Cmd on macOS', () => {
    for (const os of OSES) {
      for (const code of ['KeyK', 'KeyF', 'Slash']) {
        expect(siteUses('slack', press(code, modOf(os)), os)).toBe(true);
        expect(siteUses('discord', press(code, modOf(os)), os)).toBe(true);
        expect(siteUses('whatsapp', press(code, modOf(os)), os)).toBe(false);
      }
    }
    expect(siteUses('slack', press('KeyK', { control: true }), 'darwin')).toBe(false);
  });

  it('leaves Ctrl+Shift+M to Discord (mute) and Slack (activity), and Alt+arrows to Telegram', () => {
    expect(siteUses('discord', press('KeyM', { control: true, shift: true }), 'win32')).toBe(true);
    expect(siteUses('slack', press('KeyM', { meta: true, shift: true }), 'darwin')).toBe(true);
    expect(siteUses('telegram', press('ArrowDown', { alt: true }), 'linux')).toBe(true);
    expect(siteUses('telegram', press('KeyK', { control: true }), 'linux')).toBe(false);
  });

  it('knows WhatsApp Web’s keys as each system types them', () => {
    expect(siteUses('whatsapp', press('KeyU', { control: true, alt: true, shift: true }), 'win32')).toBe(true);
    expect(siteUses('whatsapp', press('KeyU', { control: true, meta: true, shift: true }), 'darwin')).toBe(true);
    expect(siteUses('whatsapp', press('KeyU', { control: true, alt: true, shift: true }), 'darwin')).toBe(false);
    expect(siteUses('whatsapp', press('KeyU', { control: true, shift: true }), 'win32')).toBe(false);
  });

  it('names every platform that keeps a key, and none for Wasl’s own defaults but the ones they share', () => {
    expect(sitesUsing(combo('Mod+KeyK'), 'linux')).toEqual(['slack', 'discord']);
    expect(sitesUsing(combo('Ctrl+KeyK'), 'linux')).toEqual(['slack', 'discord']);
    expect(sitesUsing(combo('Ctrl+KeyK'), 'darwin')).toEqual([]);
    expect(sitesUsing(combo('Alt+ArrowUp'), 'win32')).toEqual(['slack', 'discord', 'telegram']);
    expect(sitesUsing(combo('Mod+Shift+KeyL'), 'win32')).toEqual([]);
    expect(sitesUsing(combo('Mod+Slash'), 'darwin')).toEqual(['slack', 'discord']);
  });
});

describe('judgeKey', () => {
  const defaults = resolveShortcuts({});

  it('accepts every default key for its own shortcut', () => {
    for (const os of OSES) {
      for (const id of SHORTCUT_IDS) {
        for (const key of SHORTCUTS[id].defaults) expect(judgeKey(id, combo(key), defaults, os), `${id} ${key} on ${os}`).toMatchObject({ ok: true });
      }
    }
  });

  it('refuses a key another shortcut has, and says which, whatever the scopes', () => {
    expect(judgeKey('inbox', combo('Mod+Shift+KeyL'), defaults, 'linux')).toEqual({ ok: false, reason: 'taken', by: 'lock' });
    expect(judgeKey('inbox', combo('Ctrl+Shift+KeyL'), defaults, 'linux')).toEqual({ ok: false, reason: 'taken', by: 'lock' });
    // On macOS, Control+Shift+L is not Cmd+Shift+L.
    expect(judgeKey('inbox', combo('Ctrl+Shift+KeyL'), defaults, 'darwin')).toEqual({ ok: true, sites: [] });
    expect(judgeKey('pin', combo('KeyE'), defaults, 'linux')).toEqual({ ok: false, reason: 'taken', by: 'done' });
    expect(judgeKey('pin', combo('Mod+KeyJ'), defaults, 'linux')).toEqual({ ok: false, reason: 'taken', by: 'next-unread' });
    expect(judgeKey('show-hide', combo('Mod+Shift+Space'), defaults, 'win32')).toEqual({ ok: false, reason: 'taken', by: 'quick-replies' });
    // A key the user freed is free.
    expect(judgeKey('inbox', combo('Mod+Shift+KeyL'), resolveShortcuts({ lock: 'Mod+Alt+KeyL' }), 'linux')).toEqual({ ok: true, sites: [] });
  });

  it('refuses the keys editing and the system need, in every scope', () => {
    expect(judgeKey('lock', combo('Mod+KeyC'), defaults, 'darwin')).toEqual({ ok: false, reason: 'reserved', kind: 'editing' });
    expect(judgeKey('done', combo('Ctrl+KeyV'), defaults, 'linux')).toEqual({ ok: false, reason: 'reserved', kind: 'editing' });
    expect(judgeKey('lock', combo('Mod+Shift+KeyZ'), defaults, 'win32')).toEqual({ ok: false, reason: 'reserved', kind: 'editing' });
    expect(judgeKey('show-hide', combo('Mod+KeyQ'), defaults, 'darwin')).toEqual({ ok: false, reason: 'reserved', kind: 'system' });
    expect(judgeKey('lock', combo('Mod+KeyW'), defaults, 'linux')).toEqual({ ok: false, reason: 'reserved', kind: 'system' });
    expect(judgeKey('lock', combo('Mod+KeyN'), defaults, 'linux')).toEqual({ ok: false, reason: 'reserved', kind: 'menu' });
    expect(judgeKey('done', combo('Escape'), defaults, 'linux')).toEqual({ ok: false, reason: 'reserved', kind: 'focus' });
    expect(judgeKey('done', combo('Tab'), defaults, 'linux')).toEqual({ ok: false, reason: 'reserved', kind: 'focus' });
    expect(judgeKey('lock', combo('Escape'), defaults, 'linux')).toEqual({ ok: false, reason: 'reserved', kind: 'focus' });
  });

  it('refuses the fixed keys: Mod+1…9, the arrows and Enter of the list', () => {
    expect(judgeKey('lock', combo('Mod+Digit3'), defaults, 'darwin')).toEqual({ ok: false, reason: 'fixed', fixed: 'services' });
    expect(judgeKey('lock', combo('Ctrl+Numpad9'), defaults, 'win32')).toEqual({ ok: false, reason: 'fixed', fixed: 'services' });
    expect(judgeKey('done', combo('ArrowDown'), defaults, 'linux')).toEqual({ ok: false, reason: 'fixed', fixed: 'move' });
    expect(judgeKey('done', combo('Enter'), defaults, 'linux')).toEqual({ ok: false, reason: 'reserved', kind: 'focus' });
    expect(judgeKey('done', combo('Alt+ArrowDown'), defaults, 'linux')).toEqual({ ok: true, sites: [] });
    expect(judgeKey('lock', combo('Ctrl+Digit3'), defaults, 'darwin')).toEqual({ ok: true, sites: [] });
  });

  it('takes single keys for the chat list, and refuses them for window and global shortcuts (function keys aside)', () => {
    expect(judgeKey('done', combo('KeyD'), defaults, 'linux')).toEqual({ ok: true, sites: [] });
    expect(judgeKey('done', combo('Shift+KeyD'), defaults, 'linux')).toEqual({ ok: true, sites: [] });
    expect(judgeKey('lock', combo('KeyD'), defaults, 'linux')).toEqual({ ok: false, reason: 'needs-modifier' });
    expect(judgeKey('lock', combo('Shift+KeyD'), defaults, 'linux')).toEqual({ ok: false, reason: 'needs-modifier' });
    expect(judgeKey('show-hide', combo('Digit5'), defaults, 'darwin')).toEqual({ ok: false, reason: 'needs-modifier' });
    expect(judgeKey('lock', combo('F9'), defaults, 'linux')).toEqual({ ok: true, sites: [] });
    expect(judgeKey('show-hide', combo('Ctrl+Alt+KeyW'), defaults, 'linux')).toEqual({ ok: true, sites: [] });
  });

  it('warns, without refusing, of a window key a hosted site keeps for itself', () => {
    expect(judgeKey('lock', combo('Mod+KeyK'), defaults, 'linux')).toEqual({ ok: true, sites: ['slack', 'discord'] });
    expect(judgeKey('next-unread', combo('Mod+Shift+KeyM'), defaults, 'darwin')).toEqual({ ok: true, sites: ['slack', 'discord'] });
    expect(judgeKey('focus-list', combo('F6'), defaults, 'win32')).toEqual({ ok: true, sites: ['slack', 'discord'] });
    // Only a window key reaches a site's page: the list's and global keys carry no such warning.
    expect(judgeKey('done', combo('Mod+KeyK'), defaults, 'linux')).toEqual({ ok: true, sites: [] });
    expect(judgeKey('show-hide', combo('Mod+KeyK'), defaults, 'linux')).toEqual({ ok: true, sites: [] });
  });

  it('compares keys as the system types them', () => {
    expect(sameKey(combo('Mod+KeyK'), combo('Ctrl+KeyK'), 'win32')).toBe(true);
    expect(sameKey(combo('Mod+KeyK'), combo('Ctrl+KeyK'), 'darwin')).toBe(false);
    expect(sameKey(combo('Mod+Numpad1'), combo('Mod+Digit1'), 'linux')).toBe(true);
  });
});
