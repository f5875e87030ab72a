/**
 * Triage in the chat lists, against main's real shop controller: the keys (done, mark unread, pin, snooze, undo)
 * on the selected row of the list beside a service and of the inbox page, never while typing in the search box;
 * the undo toast, an undo that leaves another customer's edit alone; the counts in the list's header; the row
 * menu's steps; Next unread from the toolbar's button and from main's action.
 */
import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Command, CommandResult } from '../../common/ipc';
import type { ServiceSnapshot } from '../../common/model';
import { DEFAULT_SETTINGS } from '../../common/settings';
import { DEFAULT_LABELS, type ChatActivity, type Customer } from '../../common/shop/model';
import { diffState, type AppState } from '../../common/state';
import { createAppStore } from '../../main/core/app/app-store';
import { ShopController, type ShopCommand } from '../../main/core/shop/shop';
import { tomorrowMorning } from '../../renderer/src/features/customer/reminders';
import { ManualClock } from '../fakes/clock';
import { MemoryLogger } from '../fakes/logger';
import { appState, service } from './fake-bridge';
import { chat, MINUTE, NOW, snapshot, upsert } from './inbox-data';
import { named, plain, renderShell, type Rendered } from './render';

const HOUR = 60 * MINUTE;
const activity = (parts: Omit<ChatActivity, 'first'>): ChatActivity => ({ first: NOW - 30 * 24 * HOUR, ...parts });
const customer = (parts: Partial<Customer>): Customer => ({ labels: [], note: '', status: 'open', statusAt: 0, priority: false, ...parts });

/**
 * WhatsApp: Ahmed (open in the page, 2 unread, waiting 40 min), Sara (waiting 3 h), Omar (read). Telegram: Huda
 * (1 unread), Lina (read, waiting 2 h).
 */
const chats = (): Record<string, ServiceSnapshot> => ({
  wa: snapshot(
    [
      chat('ahmed', 'Ahmed', { lastActivity: NOW - MINUTE, unread: 2, activity: activity({ lastIn: NOW - MINUTE, waitingSince: NOW - 40 * MINUTE }) }),
      chat('sara', 'Sara', { lastActivity: NOW - 3 * MINUTE, activity: activity({ lastIn: NOW - 3 * HOUR, waitingSince: NOW - 3 * HOUR }) }),
      chat('omar', 'Omar', { lastActivity: NOW - 5 * MINUTE, activity: activity({ lastIn: NOW - 6 * HOUR, lastOut: NOW - 5 * MINUTE }) }),
    ],
    { activeChatId: 'ahmed' },
  ),
  tg: snapshot([
    chat('huda', 'Huda', { lastActivity: NOW - 2 * MINUTE, unread: 1 }),
    chat('lina', 'Lina', { lastActivity: NOW - 4 * MINUTE, activity: activity({ lastIn: NOW - 2 * HOUR, waitingSince: NOW - 2 * HOUR }) }),
  ]),
});

function state(extra: Partial<AppState> = {}): AppState {
  return appState([service('wa', 'whatsapp', 'Shop'), service('tg', 'telegram', 'Telegram')], { labels: [...DEFAULT_LABELS], ...extra });
}

/** Main's shop answers the shop's commands and pushes what changed, as main does before it answers. */
function withShop(rendered: Rendered): { shop: ShopController; clock: ManualClock } {
  const store = createAppStore(rendered.bridge.state);
  const clock = new ManualClock(NOW);
  const shop = new ShopController({ store, clock, log: new MemoryLogger(), newId: () => 'id', remind: () => undefined });
  store.subscribe((after, before) => {
    const patch = diffState(before, after);
    if (patch !== undefined) rendered.bridge.push(patch);
  });
  rendered.bridge.respond = (cmd: Command): CommandResult =>
    cmd.type === 'customer.update' || cmd.type === 'shop.undo' || cmd.type.startsWith('label.') ? shop.command(cmd as ShopCommand) : { ok: true };
  return { shop, clock };
}

async function render(app: AppState, snapshots = chats()): Promise<Rendered & { shop: ShopController }> {
  const rendered = await renderShell(app, snapshots);
  await screen.findAllByRole('option');
  return { ...rendered, ...withShop(rendered) };
}

const column = () => screen.getByRole('complementary', { name: 'Chats' });
const page = () => screen.getByRole('main');
const list = () => screen.getByRole('listbox', { name: 'Chats' });
const rows = () => within(list()).queryAllByRole('option');
const names = () => rows().map((r) => r.querySelector('.inbox-row-name')?.textContent);
const row = (name: string) => {
  const found = rows().find((r) => r.querySelector('.inbox-row-name')?.textContent === name);
  if (found === undefined) throw new Error(`no row "${name}" among ${JSON.stringify(names())}`);
  return found;
};
const selectedNames = () => rows().filter((r) => r.getAttribute('aria-selected') === 'true').map((r) => r.querySelector('.inbox-row-name')?.textContent);
const toast = () => plain(document.querySelector('.toast .toast-text')?.textContent ?? null);
const announced = () => plain(document.querySelector('.visually-hidden[aria-live] span:last-child')?.textContent ?? '');
const viewChip = (name: string) => within(column()).getByRole('button', { name });
const countOf = (chip: HTMLElement) => chip.querySelector('.view-count')?.textContent ?? null;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the list beside a service: its header', () => {
  it('counts unread, waiting and snoozed chats, each count a toggle for its view', async () => {
    const later = { at: NOW + 5 * HOUR, setAt: NOW - HOUR, chat: { serviceId: 'wa', chatId: 'omar' }, title: 'Omar' };
    const { user } = await render(state({ customers: { 'chat:wa:omar': customer({ reminder: later }) } }));
    expect(countOf(viewChip('Unread'))).toBe('2');
    expect(viewChip('Unread')).toHaveAccessibleDescription('2 chats');
    expect(countOf(viewChip('Waiting'))).toBe('3');
    expect(countOf(viewChip('Snoozed'))).toBe('1');
    expect(names()).toEqual(['Ahmed', 'Huda', 'Sara', 'Lina']);

    await user.click(viewChip('Waiting'));
    expect(viewChip('Waiting')).toHaveAttribute('aria-pressed', 'true');
    expect(names()).toEqual(['Sara', 'Lina', 'Ahmed']);
    await user.click(viewChip('Unread'));
    expect(names()).toEqual(['Ahmed', 'Huda']);
    await user.click(viewChip('Unread'));
    expect(viewChip('Unread')).toHaveAttribute('aria-pressed', 'false');
    expect(names()).toEqual(['Ahmed', 'Huda', 'Sara', 'Lina']);
  });

  it('says what an empty view means; with only the pictures shown, every chat is listed again', async () => {
    const { bridge, user } = await render(state());
    await user.click(viewChip('Snoozed'));
    expect(rows()).toHaveLength(0);
    expect(within(column()).getByText(/^No snoozed customers\./u)).toBeInTheDocument();
    bridge.push({ settings: { ...bridge.state.settings, layout: { ...bridge.state.settings.layout, listCollapsed: true } } });
    expect(within(column()).queryByRole('group')).toBeNull();
    expect(rows()).toHaveLength(5);
  });

  it('says all is caught up when every chat is done or snoozed, not that there are no chats', async () => {
    const { bridge, user } = await render(state(), { wa: snapshot([chat('omar', 'Omar', { lastActivity: NOW - 5 * MINUTE })], { activeChatId: 'omar' }) });
    act(() => list().focus());
    await user.keyboard('e');
    expect(rows()).toHaveLength(0);
    expect(within(column()).getByText('All caught up: every chat is done or snoozed.')).toBeInTheDocument();
    bridge.push({ customers: {} });
    expect(rows()).toHaveLength(1);
  });

  it('shows no count at 0 and 999+ past 999', async () => {
    const many = Array.from({ length: 1000 }, (_, i) => chat(`c${i}`, `Customer ${i}`, { lastActivity: NOW - i * MINUTE, unread: 1 }));
    await render(state(), { wa: snapshot(many, { activeChatId: 'c0' }) });
    expect(countOf(viewChip('Unread'))).toBe('999+');
    expect(viewChip('Unread')).toHaveAccessibleDescription('1,000 chats');
    expect(countOf(viewChip('Waiting'))).toBeNull();
    expect(viewChip('Waiting')).not.toHaveAttribute('aria-describedby');
  });
});

describe('the list beside a service: triage keys on the selected row', () => {
  it('E marks it done: out of the list, the next row selected, "Marked done" to undo; Z takes it back', async () => {
    const { bridge, user } = await render(state({ customers: { 'chat:wa:ahmed': customer({ labels: ['preset-paid'], note: 'Two cartons' }) } }));
    expect(selectedNames()).toEqual(['Ahmed']);
    act(() => list().focus());
    await user.keyboard('e');
    expect(bridge.sent('customer.update')).toEqual([{ type: 'customer.update', key: 'chat:wa:ahmed', from: [], status: 'done', undo: 'done' }]);
    expect(names()).toEqual(['Huda', 'Sara', 'Lina', 'Omar']);
    expect(selectedNames()).toEqual(['Huda']);
    expect(toast()).toBe('Marked done');
    expect(announced()).toBe('Marked done');
    expect(within(column()).getByRole('button', { name: 'Undo' })).toBeInTheDocument();
    expect(countOf(viewChip('Unread'))).toBe('1');

    await user.keyboard('z');
    expect(bridge.sent('shop.undo')).toEqual([{ type: 'shop.undo', step: 'done' }]);
    expect(names()).toEqual(['Ahmed', 'Huda', 'Sara', 'Lina', 'Omar']);
    expect(bridge.state.customers['chat:wa:ahmed']).toEqual(customer({ labels: ['preset-paid'], note: 'Two cartons' }));
    expect(document.querySelector('.toast')).toBeNull();
  });

  it('the toast’s Undo puts back only that step: an edit made to another customer since stays', async () => {
    const { bridge, user } = await render(state({ customers: { 'chat:tg:huda': customer({ note: 'Before' }) } }));
    act(() => list().focus());
    await user.keyboard('e');
    expect(names()).not.toContain('Ahmed');
    // Meanwhile another customer changes (the card, another window of thought): main has it.
    await act(() => bridge.command({ type: 'customer.update', key: 'chat:tg:huda', from: [], note: 'Written since' }));
    await user.click(within(column()).getByRole('button', { name: 'Undo' }));
    expect(names()).toContain('Ahmed');
    expect(bridge.state.customers['chat:tg:huda']).toEqual(customer({ note: 'Written since' }));
    expect(bridge.state.customers).not.toHaveProperty('chat:wa:ahmed');
  });

  it('U marks it unread in Wasl: bold with a dot, counted, until it is opened from the list', async () => {
    const { bridge, user } = await render(state());
    await user.click(row('Omar'));
    expect(row('Omar')).not.toHaveClass('is-unread');
    await user.keyboard('u');
    expect(bridge.sent('customer.update').at(-1)).toEqual({ type: 'customer.update', key: 'chat:wa:omar', from: [], unreadMark: true, undo: 'marked-unread' });
    expect(row('Omar')).toHaveClass('is-unread');
    expect(row('Omar').querySelector('.inbox-dot')).not.toBeNull();
    expect(row('Omar')).toHaveAccessibleName(/^Omar, WhatsApp, marked unread,/u);
    expect(countOf(viewChip('Unread'))).toBe('3');
    expect(toast()).toBe('Marked unread');
    // Again: it already is.
    await user.keyboard('u');
    expect(toast()).toBe('This chat is already marked unread.');
    expect(bridge.sent('customer.update')).toHaveLength(1);

    await user.click(row('Omar'));
    expect(bridge.sent('customer.update').at(-1)).toEqual({ type: 'customer.update', key: 'chat:wa:omar', from: [], unreadMark: false });
    expect(row('Omar')).not.toHaveClass('is-unread');
    expect(countOf(viewChip('Unread'))).toBe('2');
  });

  it('P pins it to the top with a pin, and P again unpins it; each undoable', async () => {
    const { bridge, user } = await render(state());
    await user.click(row('Lina'));
    await user.keyboard('p');
    expect(bridge.sent('customer.update').at(-1)).toEqual({ type: 'customer.update', key: 'chat:tg:lina', from: [], pinned: true, undo: 'pinned' });
    expect(names()).toEqual(['Lina', 'Ahmed', 'Huda', 'Sara', 'Omar']);
    expect(row('Lina')).toHaveClass('is-pinned');
    expect(row('Lina').querySelector('.inbox-row-pin')).not.toBeNull();
    expect(row('Lina')).toHaveAccessibleName(/^Lina, Telegram, pinned,/u);
    expect(toast()).toBe('Pinned to the top');
    await user.keyboard('p');
    expect(bridge.sent('customer.update').at(-1)).toEqual({ type: 'customer.update', key: 'chat:tg:lina', from: [], pinned: false, undo: 'unpinned' });
    expect(names()).toEqual(['Ahmed', 'Huda', 'Sara', 'Lina', 'Omar']);
    expect(toast()).toBe('Unpinned');
    await user.keyboard('z');
    expect(names()).toEqual(['Lina', 'Ahmed', 'Huda', 'Sara', 'Omar']);
    await user.keyboard('z');
    expect(names()).toEqual(['Ahmed', 'Huda', 'Sara', 'Lina', 'Omar']);
    await user.keyboard('z');
    expect(toast()).toBe('Nothing to undo.');
  });

  it('S offers the snooze choices by the row; one snoozes it until then, out of the list and counted', async () => {
    const { bridge, user } = await render(state());
    await user.click(row('Sara'));
    await user.keyboard('s');
    const menu = screen.getByRole('menu', { name: named('Remind me about Sara') });
    expect(within(menu).getAllByRole('menuitem').map((i) => i.textContent)).toEqual([
      'Later today (5:30 PM)',
      'Tomorrow morning (9:00 AM)',
      'Next week (Sat 9:00 AM)',
      'Pick a date and time…',
    ]);
    await user.click(within(menu).getByRole('menuitem', { name: 'Tomorrow morning (9:00 AM)' }));
    const at = tomorrowMorning(NOW, DEFAULT_SETTINGS.shop);
    expect(bridge.sent('customer.update').at(-1)).toEqual({
      type: 'customer.update',
      key: 'chat:wa:sara',
      from: [],
      reminder: { at, setAt: NOW, chat: { serviceId: 'wa', chatId: 'sara' }, title: 'Sara' },
      undo: 'snoozed',
    });
    expect(names()).toEqual(['Ahmed', 'Huda', 'Lina', 'Omar']);
    expect(selectedNames()).toEqual(['Lina']);
    expect(countOf(viewChip('Snoozed'))).toBe('1');
    expect(toast()).toBe('Snoozed');
    await user.click(viewChip('Snoozed'));
    expect(names()).toEqual(['Sara']);
  });

  it('S then "Pick a date and time…" opens the customer card at its date and time field', async () => {
    const { user } = await render(state());
    await user.click(row('Sara'));
    await user.keyboard('s');
    await user.click(screen.getByRole('menuitem', { name: 'Pick a date and time…' }));
    const card = await screen.findByRole('dialog', { name: named('Sara') });
    expect(within(card).getByLabelText('Date and time')).toHaveFocus();
  });

  it('says so when no row is selected, and does nothing', async () => {
    const { bridge, user } = await render(state(), { ...chats(), wa: snapshot(chats().wa?.chats ?? []) });
    expect(selectedNames()).toEqual([]);
    act(() => list().focus());
    for (const key of ['e', 'u', 'p', 's']) {
      await user.keyboard(key);
      expect(toast()).toBe('Select a chat first: ↑ and ↓ choose one.');
      expect(announced()).toBe('Select a chat first: ↑ and ↓ choose one.');
    }
    expect(bridge.sent('customer.update')).toEqual([]);
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('follows the keys the user chose, and leaves other keys alone', async () => {
    const { bridge, user } = await render(state({ settings: { ...DEFAULT_SETTINGS, shortcuts: { keys: { done: 'KeyD', pin: null } } } }));
    act(() => list().focus());
    await user.keyboard('e');
    await user.keyboard('p');
    await user.keyboard('{Control>}e{/Control}');
    expect(bridge.sent('customer.update')).toEqual([]);
    await user.keyboard('d');
    expect(bridge.sent('customer.update')).toEqual([{ type: 'customer.update', key: 'chat:wa:ahmed', from: [], status: 'done', undo: 'done' }]);
  });
});

describe('the inbox page: triage keys', () => {
  const inbox = () => state({ view: 'inbox' });

  it('act on the selected row, and never while typing in the search box', async () => {
    const { bridge, user } = await render(inbox());
    const search = screen.getByRole('combobox', { name: 'Search chats' });
    await user.click(search);
    await user.keyboard('espu');
    expect(search).toHaveValue('espu');
    expect(bridge.sent('customer.update')).toEqual([]);
    expect(screen.queryByRole('menu')).toBeNull();
    await user.clear(search);

    act(() => list().focus());
    await user.keyboard('{ArrowDown}');
    expect(selectedNames()).toEqual(['Huda']);
    await user.keyboard('p');
    expect(names()).toEqual(['Huda', 'Ahmed', 'Sara', 'Lina', 'Omar']);
    await user.keyboard('e');
    expect(bridge.sent('customer.update').at(-1)).toEqual({ type: 'customer.update', key: 'chat:tg:huda', from: [], status: 'done', undo: 'done' });
    expect(names()).toEqual(['Ahmed', 'Sara', 'Lina', 'Omar']);
    expect(within(page()).getByRole('status')).toHaveTextContent('Marked done');
    await user.click(within(page()).getByRole('button', { name: 'Done' }));
    expect(names()).toEqual(['Huda']);
    await user.click(within(page()).getByRole('button', { name: 'Done' }));

    // Ctrl+Z too, while the toast offers it.
    await user.keyboard('{Control>}z{/Control}');
    expect(bridge.sent('shop.undo')).toEqual([{ type: 'shop.undo', step: 'done' }]);
    expect(names()).toEqual(['Huda', 'Ahmed', 'Sara', 'Lina', 'Omar']);
  });

  it('says all is caught up once the last chat is done', async () => {
    const { user } = await render(inbox(), { wa: snapshot([chat('omar', 'Omar', { lastActivity: NOW - 5 * MINUTE })]) });
    act(() => list().focus());
    await user.keyboard('{ArrowDown}e');
    expect(rows()).toHaveLength(0);
    expect(within(page()).getByText('All caught up: every chat is done or snoozed.')).toBeInTheDocument();
  });

  it('S opens the snooze choices by the row; U marks it unread', async () => {
    const { bridge, user } = await render(inbox());
    act(() => list().focus());
    await user.keyboard('{End}');
    expect(selectedNames()).toEqual(['Omar']);
    await user.keyboard('u');
    expect(row('Omar')).toHaveClass('is-unread');
    await user.keyboard('s');
    await user.click(screen.getByRole('menuitem', { name: 'Next week (Sat 9:00 AM)' }));
    expect(bridge.sent('customer.update').at(-1)).toMatchObject({ key: 'chat:wa:omar', undo: 'snoozed' });
    expect(names()).not.toContain('Omar');
    expect(selectedNames()).toEqual(['Lina']);
  });

  it('offers done, mark unread and pin in the row menu', async () => {
    const { bridge, user } = await render(inbox());
    await user.pointer({ keys: '[MouseRight]', target: row('Sara') });
    await user.click(screen.getByRole('menuitem', { name: 'Pin to top' }));
    expect(names()[0]).toBe('Sara');
    await user.pointer({ keys: '[MouseRight]', target: row('Sara') });
    expect(screen.getByRole('menuitem', { name: 'Unpin' })).toBeInTheDocument();
    await user.click(screen.getByRole('menuitem', { name: 'Mark as unread' }));
    expect(row('Sara')).toHaveClass('is-unread');
    await user.pointer({ keys: '[MouseRight]', target: row('Sara') });
    expect(screen.queryByRole('menuitem', { name: 'Mark as unread' })).toBeNull();
    await user.click(screen.getByRole('menuitem', { name: 'Mark as done' }));
    expect(names()).not.toContain('Sara');
    expect(bridge.sent('customer.update').map((c) => c.undo)).toEqual(['pinned', 'marked-unread', 'done']);
  });
});

describe('next unread', () => {
  it('the toolbar’s button opens whoever has waited longest, across platforms, and selects the row', async () => {
    const { bridge, user } = await render(state());
    // Its name says its key, as the user's system writes it.
    expect(screen.getByRole('button', { name: 'Next unread chat (\u2066Ctrl+J\u2069)' })).toHaveAttribute('aria-keyshortcuts', 'Control+J');
    await user.click(screen.getByRole('button', { name: /^Next unread chat/u }));
    expect(bridge.sent('service.openChat')).toEqual([{ type: 'service.openChat', id: 'wa', chatId: 'sara' }]);
    expect(selectedNames()).toEqual(['Sara']);
    expect(announced()).toBe('Opening Sara in WhatsApp');
    // Sara stays selected while WhatsApp's page still shows Ahmed.
    bridge.pushChats('wa', upsert([], { activeChatId: 'ahmed' }));
    expect(selectedNames()).toEqual(['Sara']);
    await user.click(screen.getByRole('button', { name: /^Next unread chat/u }));
    expect(bridge.sent('service.openChat').at(-1)).toEqual({ type: 'service.openChat', id: 'tg', chatId: 'lina' });
    expect(selectedNames()).toEqual(['Lina']);
  });

  it('main’s action does the same; with nobody waiting and nothing unread it says so', async () => {
    const quiet = { wa: snapshot([chat('omar', 'Omar', { lastActivity: NOW - MINUTE })]), tg: snapshot([chat('huda', 'Huda', { lastActivity: NOW - 2 * MINUTE, unread: 1 })]) };
    const { bridge } = await render(state({ view: 'inbox' }), quiet);
    bridge.action('next-unread');
    expect(bridge.sent('service.openChat')).toEqual([{ type: 'service.openChat', id: 'tg', chatId: 'huda' }]);
    bridge.pushChats('tg', upsert([chat('huda', 'Huda', { lastActivity: NOW - 2 * MINUTE, unread: 0 })]));
    bridge.action('next-unread');
    expect(bridge.sent('service.openChat')).toHaveLength(1);
    expect(announced()).toBe('Nobody is waiting: no customer needs a reply and no chat is unread.');
    expect(toast()).toBe('Nobody is waiting: no customer needs a reply and no chat is unread.');
  });
});
