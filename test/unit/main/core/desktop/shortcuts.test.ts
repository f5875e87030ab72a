/** Which key presses are Wasl's shortcuts, and what each one does where it was pressed (main/core/desktop/shortcuts.ts). */
import { describe, expect, it } from 'vitest';
import type { PlatformId } from '../../../../../common/model';
import type { ShortcutOverrides } from '../../../../../common/shortcuts';
import type { HostOs } from '../../../../../common/state';
import type { MenuCommand } from '../../../../../main/core/app/menu-commands';
import { KeyRecording, RECORD_MS, serviceIndexOf, shortcutHandler, type KeyInput, type KeySource } from '../../../../../main/core/desktop/shortcuts';
import { ManualClock } from '../../../../fakes/clock';

const key = (code: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  type: 'keyDown', code, key: code, control: false, meta: false, shift: false, alt: false, ...mods,
});
const SHELL: KeySource = { kind: 'shell' };
/** A page of this platform's site, or one no service owns. */
const page = (platform?: PlatformId): KeySource => (platform === undefined ? { kind: 'page' } : { kind: 'page', platform });

/** A handler over fakes: what it ran and where it moved the focus, in order. */
function harness(options: { os?: HostOs; keys?: ShortcutOverrides; shown?: string | null } = {}) {
  const done: string[] = [];
  const state = { locked: false, keys: options.keys ?? {}, shown: options.shown ?? null };
  const clock = new ManualClock();
  const recording = new KeyRecording(clock);
  const handle = shortcutHandler({
    os: options.os ?? 'linux',
    locked: () => state.locked,
    keys: () => state.keys,
    shownService: () => state.shown,
    focus: { shell: () => done.push('focus shell'), service: (id) => done.push(`focus ${id}`) },
    recording,
    run: (command: MenuCommand) => done.push(JSON.stringify(command)),
  });
  return { handle, done, state, clock, recording };
}

const ran = (command: MenuCommand): string => JSON.stringify(command);

describe('serviceIndexOf', () => {
  it('picks a service with Ctrl+digit on Windows/Linux and Cmd+digit on macOS, by physical key', () => {
    expect(serviceIndexOf(key('Digit1', { control: true }), 'linux')).toBe(1);
    expect(serviceIndexOf({ ...key('Digit3', { control: true }), key: '٣' }, 'win32')).toBe(3);
    expect(serviceIndexOf(key('Numpad9', { control: true }), 'win32')).toBe(9);
    expect(serviceIndexOf(key('Digit2', { meta: true }), 'darwin')).toBe(2);
    expect(serviceIndexOf(key('Digit2', { control: true }), 'darwin')).toBeUndefined();
    expect(serviceIndexOf(key('Digit2', { meta: true }), 'linux')).toBeUndefined();
    expect(serviceIndexOf(key('Digit0', { control: true }), 'linux')).toBeUndefined();
    expect(serviceIndexOf(key('Digit1', { control: true, shift: true }), 'linux')).toBeUndefined();
    expect(serviceIndexOf(key('Digit1', { control: true, alt: true }), 'linux')).toBeUndefined();
  });
});

describe('shortcutHandler with the default keys', () => {
  it('runs each window shortcut’s command and keeps the key from the page', () => {
    const { handle, done } = harness();
    expect(handle(key('KeyO', { control: true, shift: true }), page('whatsapp'))).toBe(true);
    expect(handle(key('Numpad4', { control: true }), page('whatsapp'))).toBe(true);
    expect(handle(key('Tab', { control: true }), SHELL)).toBe(true);
    expect(handle(key('Tab', { control: true, shift: true }), SHELL)).toBe(true);
    expect(handle(key('PageDown', { control: true }), SHELL)).toBe(true);
    expect(handle(key('PageUp', { control: true }), SHELL)).toBe(true);
    expect(handle({ ...key('Space', { control: true, shift: true }), key: ' ' }, page('telegram'))).toBe(true);
    expect(handle(key('KeyL', { control: true, shift: true }), page())).toBe(true);
    expect(handle(key('KeyJ', { control: true }), SHELL)).toBe(true);
    expect(handle(key('Slash', { control: true }), SHELL)).toBe(true);
    expect(done).toEqual([
      ran({ type: 'view.inbox' }),
      ran({ type: 'service.activateIndex', index: 4 }),
      ran({ type: 'service.activateRelative', delta: 1 }),
      ran({ type: 'service.activateRelative', delta: -1 }),
      ran({ type: 'service.activateRelative', delta: 1 }),
      ran({ type: 'service.activateRelative', delta: -1 }),
      ran({ type: 'app.show', action: 'quick-replies' }),
      ran({ type: 'lock.lock' }),
      ran({ type: 'app.show', action: 'next-unread' }),
      ran({ type: 'app.show', action: 'shortcuts' }),
    ]);
  });

  it('takes Cmd on macOS, and lets other keys, key releases and extra modifiers pass', () => {
    const { handle, done } = harness({ os: 'darwin' });
    expect(handle(key('KeyL', { meta: true, shift: true }), SHELL)).toBe(true);
    expect(handle(key('KeyL', { control: true, shift: true }), SHELL)).toBe(false);
    expect(handle(key('Space', { meta: true, shift: true, alt: true }), SHELL)).toBe(false);
    expect(handle({ ...key('KeyL', { meta: true, shift: true }), type: 'keyUp' }, SHELL)).toBe(false);
    expect(handle(key('KeyA', { meta: true }), SHELL)).toBe(false);
    expect(handle(key('KeyE'), SHELL)).toBe(false);
    expect(done).toEqual([ran({ type: 'lock.lock' })]);
  });

  it('passes every key while Wasl is locked: the lock screen has them all', () => {
    const { handle, done, state } = harness();
    state.locked = true;
    for (const input of [key('KeyL', { control: true, shift: true }), key('Digit1', { control: true }), key('Tab', { control: true }), key('F6')]) {
      expect(handle(input, SHELL)).toBe(false);
      expect(handle(input, page('slack'))).toBe(false);
    }
    expect(done).toEqual([]);
  });
});

describe('shortcutHandler: zoom', () => {
  it('zooms the service on screen in, out and back with Ctrl + = / + / − / 0, from its page or the shell', () => {
    const { handle, done } = harness({ shown: 'wa1' });
    expect(handle(key('Equal', { control: true }), page('whatsapp'))).toBe(true);
    expect(handle(key('Equal', { control: true, shift: true }), SHELL)).toBe(true);
    expect(handle(key('Minus', { control: true }), page('whatsapp'))).toBe(true);
    expect(handle(key('Digit0', { control: true }), page('whatsapp'))).toBe(true);
    expect(handle(key('Numpad0', { control: true }), SHELL)).toBe(true);
    expect(done).toEqual([
      ran({ type: 'service.zoom', id: 'wa1', step: 'in' }),
      ran({ type: 'service.zoom', id: 'wa1', step: 'in' }),
      ran({ type: 'service.zoom', id: 'wa1', step: 'out' }),
      ran({ type: 'service.zoom', id: 'wa1', step: 'reset' }),
      ran({ type: 'service.zoom', id: 'wa1', step: 'reset' }),
    ]);
  });

  it('leaves the zoom keys alone when no service is on screen (the inbox page), and takes Cmd on macOS', () => {
    const none = harness();
    expect(none.handle(key('Equal', { control: true }), SHELL)).toBe(false);
    expect(none.handle(key('Digit0', { control: true }), SHELL)).toBe(false);
    expect(none.done).toEqual([]);
    const mac = harness({ os: 'darwin', shown: 'tg1' });
    expect(mac.handle(key('Minus', { control: true }), page('telegram'))).toBe(false);
    expect(mac.handle(key('Minus', { meta: true }), page('telegram'))).toBe(true);
    expect(mac.done).toEqual([ran({ type: 'service.zoom', id: 'tg1', step: 'out' })]);
  });
});

describe('shortcutHandler with the user’s keys', () => {
  it('takes a remapped key at once and no longer the old one; a cleared shortcut has no key', () => {
    const { handle, done, state } = harness();
    expect(handle(key('KeyL', { control: true, shift: true }), SHELL)).toBe(true);
    state.keys = { lock: 'Mod+Alt+KeyL', 'next-service': null };
    expect(handle(key('KeyL', { control: true, shift: true }), SHELL)).toBe(false);
    expect(handle(key('KeyL', { control: true, alt: true }), SHELL)).toBe(true);
    expect(handle(key('Tab', { control: true }), SHELL)).toBe(false);
    // The other default of a shortcut not changed stays.
    expect(handle(key('PageUp', { control: true }), SHELL)).toBe(true);
    expect(done).toEqual([ran({ type: 'lock.lock' }), ran({ type: 'lock.lock' }), ran({ type: 'service.activateRelative', delta: -1 })]);
  });

  it('leaves Ctrl+K, Ctrl+F and Ctrl+Shift+M to a Slack or Discord page, and keeps them in Wasl’s own window and other pages', () => {
    const keys = { lock: 'Mod+KeyK', 'next-unread': 'Mod+KeyF', 'quick-replies': 'Mod+Shift+KeyM' };
    for (const os of ['linux', 'win32', 'darwin'] as const) {
      const { handle, done } = harness({ os, keys });
      const mod = os === 'darwin' ? { meta: true } : { control: true };
      const presses = [key('KeyK', mod), key('KeyF', mod), key('KeyM', { ...mod, shift: true })];
      for (const input of presses) {
        expect(handle(input, page('slack')), `${input.code} in Slack on ${os}`).toBe(false);
        expect(handle(input, page('discord')), `${input.code} in Discord on ${os}`).toBe(false);
      }
      expect(done).toEqual([]);
      for (const input of presses) expect(handle(input, SHELL)).toBe(true);
      for (const input of presses) expect(handle(input, page('whatsapp'))).toBe(true);
      // A page Wasl cannot place (no service owns it yet) keeps nothing from Wasl.
      expect(handle(presses[0] ?? key('KeyK'), page())).toBe(true);
      const wanted = [ran({ type: 'lock.lock' }), ran({ type: 'app.show', action: 'next-unread' }), ran({ type: 'app.show', action: 'quick-replies' })];
      expect(done).toEqual([...wanted, ...wanted, wanted[0]]);
    }
  });

  it('leaves Ctrl+/ (its own list of shortcuts) to Slack’s and Discord’s pages, and opens Wasl’s list from the shell', () => {
    const { handle, done } = harness();
    expect(handle(key('Slash', { control: true }), page('slack'))).toBe(false);
    expect(handle(key('Slash', { control: true }), page('discord'))).toBe(false);
    expect(handle(key('Slash', { control: true }), page('telegram'))).toBe(true);
    expect(handle(key('Slash', { control: true }), SHELL)).toBe(true);
    expect(done).toEqual([ran({ type: 'app.show', action: 'shortcuts' }), ran({ type: 'app.show', action: 'shortcuts' })]);
  });

  it('keeps Ctrl+1…9 Wasl’s in every page: no web client takes them', () => {
    const { handle, done } = harness();
    expect(handle(key('Digit1', { control: true }), page('slack'))).toBe(true);
    expect(handle(key('Digit2', { control: true }), page('discord'))).toBe(true);
    expect(done).toEqual([ran({ type: 'service.activateIndex', index: 1 }), ran({ type: 'service.activateIndex', index: 2 })]);
  });
});

describe('the focus key (F6)', () => {
  it('moves the focus from a service’s page to the chat list in the shell', () => {
    const { handle, done } = harness({ shown: 'wa' });
    expect(handle(key('F6'), page('whatsapp'))).toBe(true);
    expect(done).toEqual(['focus shell', ran({ type: 'app.show', action: 'focus-list' })]);
  });

  it('moves the focus from the shell to the page on screen, or to the inbox’s list when no page is', () => {
    const { handle, done, state } = harness({ shown: 'tg' });
    expect(handle(key('F6'), SHELL)).toBe(true);
    state.shown = null;
    expect(handle(key('F6'), SHELL)).toBe(true);
    expect(done).toEqual(['focus tg', 'focus shell', ran({ type: 'app.show', action: 'focus-list' })]);
  });

  it('stays the page’s own in Slack and Discord (their section jump), unless the user gives it another key', () => {
    const { handle, done, state } = harness({ shown: 'sl' });
    expect(handle(key('F6'), page('slack'))).toBe(false);
    expect(handle(key('F6'), page('discord'))).toBe(false);
    state.keys = { 'focus-list': 'Mod+Alt+KeyF' };
    expect(handle(key('KeyF', { control: true, alt: true }), page('slack'))).toBe(true);
    expect(done).toEqual(['focus shell', ran({ type: 'app.show', action: 'focus-list' })]);
  });
});

describe('the find key (Ctrl/Cmd+F)', () => {
  it('opens the find bar, from a page or the shell, Cmd on macOS', () => {
    const { handle, done } = harness({ shown: 'wa' });
    expect(handle(key('KeyF', { control: true }), page('whatsapp'))).toBe(true);
    expect(handle(key('KeyF', { control: true }), SHELL)).toBe(true);
    const find = ran({ type: 'app.show', action: 'find' });
    expect(done).toEqual([find, find]);
    const mac = harness({ os: 'darwin', shown: 'wa' });
    expect(mac.handle(key('KeyF', { control: true }), page('telegram'))).toBe(false);
    expect(mac.handle(key('KeyF', { meta: true }), page('telegram'))).toBe(true);
    expect(mac.done).toEqual([find]);
  });

  it('stays Slack’s and Discord’s own search in their pages; the user’s other key for find is Wasl’s there', () => {
    const { handle, done, state } = harness({ shown: 'sl' });
    expect(handle(key('KeyF', { control: true }), page('slack'))).toBe(false);
    expect(handle(key('KeyF', { control: true }), page('discord'))).toBe(false);
    expect(done).toEqual([]);
    state.keys = { find: 'Mod+Shift+KeyG' };
    expect(handle(key('KeyG', { control: true, shift: true }), page('slack'))).toBe(true);
    expect(handle(key('KeyF', { control: true }), SHELL)).toBe(false);
    expect(done).toEqual([ran({ type: 'app.show', action: 'find' })]);
  });
});

describe('recording a key in the settings', () => {
  it('lets the shell’s keys reach the settings screen while it records, not the pages’', () => {
    const { handle, done, recording } = harness();
    recording.set(true);
    expect(handle(key('KeyL', { control: true, shift: true }), SHELL)).toBe(false);
    expect(handle(key('Digit1', { control: true }), SHELL)).toBe(false);
    expect(handle(key('KeyL', { control: true, shift: true }), page('whatsapp'))).toBe(true);
    recording.set(false);
    expect(handle(key('KeyL', { control: true, shift: true }), SHELL)).toBe(true);
    expect(done).toEqual([ran({ type: 'lock.lock' }), ran({ type: 'lock.lock' })]);
  });

  it('ends by itself if the settings screen never says it is done (a reload while recording)', () => {
    const { handle, clock, recording } = harness();
    recording.set(true);
    clock.advance(RECORD_MS - 1);
    expect(handle(key('KeyJ', { control: true }), SHELL)).toBe(false);
    clock.advance(1);
    expect(handle(key('KeyJ', { control: true }), SHELL)).toBe(true);
  });
});
