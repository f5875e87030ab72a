/** The keyboard part of the settings: recording a new key, the rules that refuse one (and why), Reset and None, the sites' keys, the refused show/hide key, Arabic. */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../common/settings';
import type { ShortcutOverrides } from '../../common/shortcuts';
import type { AppState } from '../../common/state';
import { appState, service, type FakeBridge } from './fake-bridge';
import { plain, renderShell, type Rendered } from './render';

function state(keys: ShortcutOverrides = {}, extra: Partial<AppState> = {}, language: 'en' | 'ar' = 'en'): AppState {
  return appState([service('wa', 'whatsapp', 'Shop')], { settings: { ...DEFAULT_SETTINGS, language, shortcuts: { keys } }, ...extra });
}

/** Opens the settings (as main's menu does) and answers the keyboard section, once the settings' lazily loaded code is in. */
async function keyboard(app: AppState, title = 'Keyboard'): Promise<Rendered & { section: HTMLElement }> {
  const rendered = await renderShell(app);
  rendered.bridge.action('open-settings');
  const section = await screen.findByRole('region', { name: title }, { timeout: 5_000 });
  return { ...rendered, section };
}

/** What main does with a settings.set of the keys: the new settings pushed back. */
function applyLast(bridge: FakeBridge): void {
  const keys = bridge.sent('settings.set').at(-1)?.shortcuts?.keys;
  if (keys === undefined) throw new Error('no keys sent');
  bridge.push({ settings: { ...bridge.state.settings, shortcuts: { keys } } });
}

/** A shortcut's row, by its group's heading and its name. */
function row(section: HTMLElement, group: string, name: string): HTMLElement {
  const heading = within(section).getByRole('heading', { level: 4, name: group });
  const found = within(heading.parentElement ?? section).getByText(name, { selector: '.key-setting-name' }).closest('li');
  if (found === null) throw new Error(`no row ${name}`);
  return found;
}
/** The text of a row's message (alert or status), without the bidi isolates around keys. */
const said = (element: HTMLElement, role: 'alert' | 'status' = 'alert'): string => plain(within(element).getByRole(role).textContent);
const keysIn = (element: HTMLElement): string[] => [...element.querySelectorAll('kbd')].map((kbd) => kbd.textContent);
const WINDOW = 'Anywhere in Wasl';
const LIST = 'In the chat list';
const GLOBAL = 'Anywhere on your computer';

describe('keyboard settings', () => {
  it('list every shortcut with its key, in groups by where it works', async () => {
    const { section } = await keyboard(state({ lock: 'Mod+Alt+KeyL' }));
    expect(within(section).getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual([WINDOW, LIST, GLOBAL]);
    expect(keysIn(row(section, WINDOW, 'Lock Wasl'))).toEqual(['Ctrl+Alt+L']);
    expect(keysIn(row(section, WINDOW, 'Next unread chat'))).toEqual(['Ctrl+J']);
    expect(keysIn(row(section, LIST, 'Keyboard shortcuts'))).toEqual(['Shift+/']);
    expect(within(row(section, GLOBAL, 'Show or hide Wasl')).getByText('None', { selector: '.key-none' })).toBeInTheDocument();
    expect(within(row(section, WINDOW, 'Lock Wasl')).getByRole('button', { name: 'Give Lock Wasl its default key' })).toBeEnabled();
    expect(within(row(section, WINDOW, 'Show the inbox')).getByRole('button', { name: 'Give Show the inbox its default key' })).toBeDisabled();
    expect(within(row(section, GLOBAL, 'Show or hide Wasl')).getByRole('button', { name: 'Leave Show or hide Wasl without a key' })).toBeDisabled();
    for (const kbd of section.querySelectorAll('kbd')) expect(kbd).toHaveAttribute('dir', 'ltr');
  });

  it('record the next key pressed and save it; the new key then works and the old one no longer does', async () => {
    const { bridge, user, section } = await keyboard(state());
    const cheat = () => row(section, WINDOW, 'Keyboard shortcuts');
    await user.click(within(cheat()).getByRole('button', { name: 'Change the key of Keyboard shortcuts' }));
    expect(bridge.sent('shortcuts.record')).toEqual([{ type: 'shortcuts.record', recording: true }]);
    expect(within(cheat()).getByText('Press the new key… (Esc cancels)')).toBeInTheDocument();
    // A modifier alone is not a key yet.
    await user.keyboard('{Control>}{Alt>}');
    expect(bridge.sent('settings.set')).toEqual([]);
    await user.keyboard('[KeyH]{/Alt}{/Control}');
    expect(bridge.sent('settings.set')).toEqual([{ type: 'settings.set', shortcuts: { keys: { 'cheat-sheet': 'Mod+Alt+KeyH' } } }]);
    expect(bridge.sent('shortcuts.record').at(-1)).toEqual({ type: 'shortcuts.record', recording: false });
    applyLast(bridge);
    expect(keysIn(cheat())).toEqual(['Ctrl+Alt+H']);
    expect(within(cheat()).getByRole('button', { name: 'Give Keyboard shortcuts its default key' })).toBeEnabled();
    // Outside the settings, the new key opens the cheat sheet and Ctrl+/ no longer does.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.keyboard('{Control>}[Slash]{/Control}');
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.keyboard('{Control>}{Alt>}[KeyH]{/Alt}{/Control}');
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' }, { timeout: 5_000 })).toBeInTheDocument();
  });

  it('refuse a key another shortcut has, saying which, and keep listening for another', async () => {
    const { bridge, user, section } = await keyboard(state());
    const lock = () => row(section, WINDOW, 'Lock Wasl');
    await user.click(within(lock()).getByRole('button', { name: 'Change the key of Lock Wasl' }));
    await user.keyboard('{Control>}[KeyJ]{/Control}');
    expect(said(lock())).toBe('Ctrl+J is already the key of “Next unread chat”.');
    await user.keyboard('{Control>}[KeyC]{/Control}');
    expect(said(lock())).toBe('Ctrl+C is kept for editing text (copy, paste, undo…).');
    await user.keyboard('[KeyD]');
    expect(said(lock())).toBe('D alone would go off while you type: hold Ctrl or Alt with it, or use a function key (F1…F12).');
    await user.keyboard('{Control>}[Digit3]{/Control}');
    expect(said(lock())).toBe('Ctrl+3 always does “Open a service (9: the last one)”: it cannot be changed.');
    expect(bridge.sent('settings.set')).toEqual([]);
    expect(within(lock()).getByText('Press the new key… (Esc cancels)')).toBeInTheDocument();
    await user.keyboard('[F9]');
    expect(bridge.sent('settings.set')).toEqual([{ type: 'settings.set', shortcuts: { keys: { lock: 'F9' } } }]);
    expect(within(lock()).queryByRole('alert')).toBeNull();
  });

  it('take single keys for the chat list, within its own rules', async () => {
    const { bridge, user, section } = await keyboard(state());
    const pin = () => row(section, LIST, 'Pin or unpin');
    await user.click(within(pin()).getByRole('button', { name: 'Change the key of Pin or unpin' }));
    await user.keyboard('[KeyE]');
    expect(said(pin())).toBe('E is already the key of “Mark done”.');
    await user.keyboard('[ArrowDown]');
    expect(said(pin())).toBe('↓ always does “Move in the list”: it cannot be changed.');
    await user.keyboard('[KeyI]');
    expect(bridge.sent('settings.set')).toEqual([{ type: 'settings.set', shortcuts: { keys: { pin: 'KeyI' } } }]);
  });

  it('cancel with Escape: nothing saved, the settings stay open, the keys go back to Wasl', async () => {
    const { bridge, user, section } = await keyboard(state());
    await user.click(within(row(section, WINDOW, 'Lock Wasl')).getByRole('button', { name: 'Change the key of Lock Wasl' }));
    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeInTheDocument();
    expect(bridge.sent('settings.set')).toEqual([]);
    expect(bridge.sent('shortcuts.record')).toEqual([
      { type: 'shortcuts.record', recording: true },
      { type: 'shortcuts.record', recording: false },
    ]);
    expect(keysIn(row(section, WINDOW, 'Lock Wasl'))).toEqual(['Ctrl+Shift+L']);
  });

  it('give the window keys back if the settings close while recording', async () => {
    const { bridge, user, section } = await keyboard(state());
    await user.click(within(row(section, WINDOW, 'Lock Wasl')).getByRole('button', { name: 'Change the key of Lock Wasl' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Settings' })).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bridge.sent('shortcuts.record').at(-1)).toEqual({ type: 'shortcuts.record', recording: false });
  });

  it('take a key a hosted site uses, warning that its page keeps it', async () => {
    const { bridge, user, section } = await keyboard(state());
    const unread = () => row(section, WINDOW, 'Next unread chat');
    await user.click(within(unread()).getByRole('button', { name: 'Change the key of Next unread chat' }));
    await user.keyboard('{Control>}[KeyK]{/Control}');
    expect(bridge.sent('settings.set')).toEqual([{ type: 'settings.set', shortcuts: { keys: { 'next-unread': 'Mod+KeyK' } } }]);
    expect(said(unread(), 'status')).toBe('In the pages of Slack and Discord this key stays theirs.');
  });

  it('reset a shortcut to its defaults, or leave it without a key', async () => {
    const { bridge, user, section } = await keyboard(state({ lock: 'Mod+Alt+KeyL', pin: 'KeyI' }));
    await user.click(within(row(section, WINDOW, 'Lock Wasl')).getByRole('button', { name: 'Give Lock Wasl its default key' }));
    expect(bridge.sent('settings.set').at(-1)).toEqual({ type: 'settings.set', shortcuts: { keys: { pin: 'KeyI' } } });
    applyLast(bridge);
    expect(keysIn(row(section, WINDOW, 'Lock Wasl'))).toEqual(['Ctrl+Shift+L']);
    await user.click(within(row(section, WINDOW, 'Next service')).getByRole('button', { name: 'Leave Next service without a key' }));
    expect(bridge.sent('settings.set').at(-1)).toEqual({ type: 'settings.set', shortcuts: { keys: { pin: 'KeyI', 'next-service': null } } });
    applyLast(bridge);
    expect(within(row(section, WINDOW, 'Next service')).getByText('None', { selector: '.key-none' })).toBeInTheDocument();
  });

  it('refuse a reset when another shortcut took the default key meanwhile', async () => {
    const { bridge, user, section } = await keyboard(state({ lock: 'Mod+Alt+KeyL', inbox: 'Mod+Shift+KeyL' }));
    await user.click(within(row(section, WINDOW, 'Lock Wasl')).getByRole('button', { name: 'Give Lock Wasl its default key' }));
    expect(said(row(section, WINDOW, 'Lock Wasl'))).toBe('Ctrl+Shift+L is already the key of “Show the inbox”.');
    expect(bridge.sent('settings.set')).toEqual([]);
  });

  it('say when the system refused the show/hide key, until another key is set', async () => {
    const { bridge, section } = await keyboard(state({ 'show-hide': 'Ctrl+Alt+Space' }, { globalKeyRefused: 'Ctrl+Alt+Space' }));
    const showHide = () => row(section, GLOBAL, 'Show or hide Wasl');
    expect(said(showHide())).toBe('Another app holds Ctrl+Alt+Space, so Wasl could not take it: choose another key.');
    bridge.push({ settings: { ...bridge.state.settings, shortcuts: { keys: { 'show-hide': 'Ctrl+Alt+KeyW' } } }, globalKeyRefused: undefined });
    expect(within(showHide()).queryByRole('alert')).toBeNull();
  });

  it('speak Arabic, the keys kept left-to-right in its sentences', async () => {
    const { user, section } = await keyboard(state({}, {}, 'ar'), 'لوحة المفاتيح');
    const lock = () => row(section, 'في أي مكان داخل وصل', 'قفل وصل');
    await user.click(within(lock()).getByRole('button', { name: 'تغيير مفتاح «قفل وصل»' }));
    await user.keyboard('{Control>}[KeyJ]{/Control}');
    expect(within(lock()).getByRole('alert')).toHaveTextContent('\u2066Ctrl+J\u2069 هو مفتاح «المحادثة غير المقروءة التالية» بالفعل.');
    await user.keyboard('{Escape}');
    expect(keysIn(lock())).toEqual(['Ctrl+Shift+L']);
  });
});
