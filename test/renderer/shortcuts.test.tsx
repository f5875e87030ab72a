/** The cheat sheet: every shortcut with its key now (the user's changes included), opened by main, by `?` and Ctrl+/ outside text fields; the focus key's landing in the chat list; Arabic. */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServiceSnapshot } from '../../common/model';
import { DEFAULT_SETTINGS } from '../../common/settings';
import type { ShortcutOverrides } from '../../common/shortcuts';
import type { AppState, HostOs } from '../../common/state';
import { appState, service } from './fake-bridge';
import { chat, MINUTE, NOW, snapshot } from './inbox-data';
import { renderShell } from './render';

function state(keys: ShortcutOverrides = {}, extra: Partial<AppState> = {}): AppState {
  return appState([service('wa', 'whatsapp', 'Shop'), service('sl', 'slack', 'Team')], { settings: { ...DEFAULT_SETTINGS, language: 'en', shortcuts: { keys } }, ...extra });
}

const chats = (): Record<string, ServiceSnapshot> => ({
  wa: snapshot([chat('1', 'Ahmed', { lastActivity: NOW - MINUTE }), chat('2', 'Sara', { lastActivity: NOW - 2 * MINUTE })], { activeChatId: '1' }),
});

/** The cheat sheet, once its lazily loaded code is in (slow on a busy machine). */
const sheet = () => screen.findByRole('dialog', { name: 'Keyboard shortcuts' }, { timeout: 5_000 });

/** The key text a shortcut's row shows, by the shortcut's name, in one section. */
function keysOf(dialog: HTMLElement, section: string, name: string): string[] {
  const region = within(dialog).getByRole('region', { name: section });
  const term = within(region).getByText(name, { selector: 'dt' });
  return [...(term.parentElement?.querySelectorAll('kbd') ?? [])].map((kbd) => kbd.textContent);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the cheat sheet', () => {
  it('opens when main asks, listing every shortcut by where it works, with the keys as Windows and Linux write them', async () => {
    const { bridge } = await renderShell(state());
    bridge.action('shortcuts');
    const dialog = await sheet();
    expect(within(dialog).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Anywhere in Wasl', 'In the chat list', 'Anywhere on your computer', 'Always']);
    expect(keysOf(dialog, 'Anywhere in Wasl', 'Lock Wasl')).toEqual(['Ctrl+Shift+L']);
    expect(keysOf(dialog, 'Anywhere in Wasl', 'Next service')).toEqual(['Ctrl+Tab', 'Ctrl+PgDn']);
    expect(keysOf(dialog, 'Anywhere in Wasl', 'Move between the page and the chat list')).toEqual(['F6']);
    expect(keysOf(dialog, 'In the chat list', 'Mark done')).toEqual(['E']);
    expect(keysOf(dialog, 'In the chat list', 'Keyboard shortcuts')).toEqual(['Shift+/']);
    expect(keysOf(dialog, 'Anywhere on your computer', 'Show or hide Wasl')).toEqual([]);
    expect(within(within(dialog).getByRole('region', { name: 'Anywhere on your computer' })).getByText('None')).toBeInTheDocument();
    expect(keysOf(dialog, 'Always', 'Open a service (9: the last one)')).toEqual(['Ctrl+1…9']);
    expect(keysOf(dialog, 'Always', 'Move in the list')).toEqual(['↑ ↓']);
    for (const kbd of dialog.querySelectorAll('kbd')) expect(kbd).toHaveAttribute('dir', 'ltr');
  });

  it('shows the user’s key in place of the default, none for a cleared one, and says which sites keep a key', async () => {
    const { bridge } = await renderShell(state({ lock: 'Mod+Alt+KeyL', 'next-service': null, 'show-hide': 'Ctrl+Alt+KeyW', pin: 'KeyI' }));
    bridge.action('shortcuts');
    const dialog = await sheet();
    expect(keysOf(dialog, 'Anywhere in Wasl', 'Lock Wasl')).toEqual(['Ctrl+Alt+L']);
    expect(keysOf(dialog, 'Anywhere in Wasl', 'Next service')).toEqual([]);
    expect(keysOf(dialog, 'In the chat list', 'Pin or unpin')).toEqual(['I']);
    expect(keysOf(dialog, 'Anywhere on your computer', 'Show or hide Wasl')).toEqual(['Ctrl+Alt+W']);
    const cheat = within(within(dialog).getByRole('region', { name: 'Anywhere in Wasl' })).getByText('Keyboard shortcuts', { selector: 'dt' }).parentElement;
    expect(cheat).toHaveTextContent('In the pages of Slack and Discord this key stays theirs.');
    expect(within(dialog).getByText('Quick replies', { selector: 'dt' }).parentElement).not.toHaveTextContent('stays');
    // A change pushed by main shows at once.
    bridge.push({ settings: { ...bridge.state.settings, shortcuts: { keys: { lock: 'Mod+Shift+KeyK' } } } });
    expect(keysOf(dialog, 'Anywhere in Wasl', 'Lock Wasl')).toEqual(['Ctrl+Shift+K']);
    expect(within(dialog).getByText('Lock Wasl', { selector: 'dt' }).parentElement).toHaveTextContent('In Slack’s page this key stays Slack’s.');
  });

  it('writes keys as macOS does', async () => {
    const { bridge } = await renderShell(state({}, { os: 'darwin' satisfies HostOs }));
    bridge.action('shortcuts');
    const dialog = await sheet();
    expect(keysOf(dialog, 'Anywhere in Wasl', 'Lock Wasl')).toEqual(['⇧⌘L']);
    expect(keysOf(dialog, 'Anywhere in Wasl', 'Next service')).toEqual(['⌃⇥', '⌃PgDn']);
    expect(keysOf(dialog, 'Always', 'Open a service (9: the last one)')).toEqual(['⌘1…9']);
  });

  it('opens with ? and Ctrl+/ pressed in the shell, but not while typing in a text field', async () => {
    const { user } = await renderShell(state({}, { view: 'inbox' }), chats());
    const search = await screen.findByRole('combobox', { name: 'Search chats' });
    search.focus();
    await user.keyboard('{Shift>}[Slash]{/Shift}');
    await user.keyboard('{Control>}[Slash]{/Control}');
    expect(screen.queryByRole('dialog')).toBeNull();
    // The same keys outside the field open it.
    search.blur();
    await user.keyboard('{Shift>}[Slash]{/Shift}');
    expect(await sheet()).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.keyboard('{Control>}[Slash]{/Control}');
    expect(await sheet()).toBeInTheDocument();
  });

  it('opens with the keys the user gave it, and no longer with the old ones', async () => {
    const { user } = await renderShell(state({ 'cheat-sheet': 'Mod+Alt+KeyH', 'list-cheat-sheet': 'F1' }));
    await user.keyboard('{Control>}[Slash]{/Control}');
    await user.keyboard('{Shift>}[Slash]{/Shift}');
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.keyboard('{Control>}{Alt>}[KeyH]{/Alt}{/Control}');
    expect(await sheet()).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.keyboard('[F1]');
    expect(await sheet()).toBeInTheDocument();
  });

  it('leads to the keyboard settings', async () => {
    const { bridge, user } = await renderShell(state());
    bridge.action('shortcuts');
    await user.click(within(await sheet()).getByRole('button', { name: 'Change keys…' }));
    const settings = await screen.findByRole('dialog', { name: 'Settings' }, { timeout: 5_000 });
    // The section is scrolled to once the lazily loaded settings have laid out.
    await waitFor(() => expect(within(settings).getByRole('region', { name: 'Keyboard' })).toHaveAttribute('data-scrolled-into-view'));
  });

  it('is mirrored in Arabic, its keys kept left-to-right', async () => {
    const { bridge } = await renderShell(state({}, { settings: { ...DEFAULT_SETTINGS, language: 'ar' } }));
    bridge.action('shortcuts');
    const dialog = await screen.findByRole('dialog', { name: 'اختصارات لوحة المفاتيح' }, { timeout: 5_000 });
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(keysOf(dialog, 'في أي مكان داخل وصل', 'قفل وصل')).toEqual(['Ctrl+Shift+L']);
    expect(within(dialog).getByText('قفل وصل', { selector: 'dt' }).parentElement?.querySelector('kbd')).toHaveAttribute('dir', 'ltr');
  });
});

describe('the focus key', () => {
  it('puts the focus in the chat list beside the service when main says so', async () => {
    const { bridge } = await renderShell(state(), chats());
    const list = await screen.findByRole('listbox', { name: 'Chats' });
    bridge.action('focus-list');
    expect(list).toHaveFocus();
  });

  it('puts the focus in the inbox’s list on the inbox page', async () => {
    const { bridge } = await renderShell(state({}, { view: 'inbox' }), chats());
    const list = await screen.findByRole('listbox', { name: 'Chats' });
    bridge.action('focus-list');
    expect(list).toHaveFocus();
  });
});
