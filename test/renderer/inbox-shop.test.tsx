/**
 * The inbox's shop features: label, status, waiting and reply-window chips on the rows; the Waiting, Snoozed and
 * label views; a due reminder pinned at the top and ended when its customer is opened; the row menu's customer
 * steps, each sending the customer update main expects; and a customer change re-rendering only its own row.
 */
import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../common/settings';
import type { ChatActivity } from '../../common/shop/model';
import { DEFAULT_LABELS, type Customer } from '../../common/shop/model';
import { laterToday, nextWeek, tomorrowMorning } from '../../renderer/src/features/customer/reminders';
import { service } from './fake-bridge';
import { chat, inboxState, MINUTE, NOW, snapshot } from './inbox-data';
import { named, plain, renderShell } from './render';

const renders = vi.hoisted(() => new Map<string, number>());

vi.mock('../../renderer/src/features/inbox/Avatar', () => ({
  Avatar: ({ name }: { name: string }) => {
    renders.set(name, (renders.get(name) ?? 0) + 1);
    return null;
  },
}));

const HOUR = 60 * MINUTE;
const list = () => screen.getByRole('listbox', { name: 'Chats' });
const rows = () => within(list()).queryAllByRole('option');
const names = () => rows().map((r) => r.querySelector('.inbox-row-name')?.textContent);
const row = (name: string) => {
  const found = rows().find((r) => r.querySelector('.inbox-row-name')?.textContent === name);
  if (found === undefined) throw new Error(`no row "${name}" among ${JSON.stringify(names())}`);
  return found;
};
const chipsOf = (name: string) => [...row(name).querySelectorAll('.state-chip')].map((c) => ({ text: plain(c.textContent), tone: c.className.replace('state-chip ', '') }));
const labelsOf = (name: string) => [...row(name).querySelectorAll('.inbox-row-labels > *')].map((c) => c.textContent);
const views = () => within(screen.getByRole('group', { name: 'Show' }));
const announced = () => plain(document.querySelector('[aria-live] span:last-child')?.textContent ?? '');

const customer = (parts: Partial<Customer>): Customer => ({ labels: [], note: '', status: 'open', statusAt: 0, priority: false, ...parts });
const activity = (parts: Omit<ChatActivity, 'first'>): ChatActivity => ({ first: NOW - 30 * 24 * HOUR, ...parts });
const reminder = (serviceId: string, chatId: string, title: string, at: number, extra: { setAt?: number; notified?: boolean } = {}) => ({
  at,
  setAt: extra.setAt ?? NOW - 5 * HOUR,
  chat: { serviceId, chatId },
  title,
  ...(extra.notified === undefined ? {} : { notified: extra.notified }),
});

const services = () => [service('wa', 'whatsapp', 'Shop'), service('ig', 'instagram', 'Instagram'), service('tg', 'telegram', 'Telegram')];

/**
 * Ahmed waits 25 min (WhatsApp: the window has 23 h left); Huda waits 21 h (3 h left: warning); Omar on Instagram
 * 23.5 h (30 min left: danger); Sara on WhatsApp 2 days (closed); Tariq on Telegram (no window) 2 h. Fatima is done,
 * the supplier waits on the shop's customer; Layla's reminder is due; José is snoozed until tomorrow.
 */
function shop() {
  const chats = {
    wa: snapshot([
      chat('ahmed', 'Ahmed', { lastActivity: NOW - 2 * MINUTE, unread: 1, activity: activity({ lastIn: NOW - 2 * MINUTE, waitingSince: NOW - 25 * MINUTE }) }),
      chat('fatima', 'Fatima', { lastActivity: NOW - 10 * MINUTE, activity: activity({ lastIn: NOW - 3 * HOUR, lastOut: NOW - 10 * MINUTE }) }),
      chat('huda', 'Huda', { lastActivity: NOW - 21 * HOUR, unread: 1, activity: activity({ lastIn: NOW - 21 * HOUR, waitingSince: NOW - 21 * HOUR }) }),
      chat('layla', 'Layla', { lastActivity: NOW - 3 * 24 * HOUR, activity: activity({ lastIn: NOW - 3 * 24 * HOUR - HOUR, lastOut: NOW - 3 * 24 * HOUR }) }),
      chat('sara', 'Sara', { lastActivity: NOW - 48 * HOUR, unread: 2, activity: activity({ lastIn: NOW - 48 * HOUR, waitingSince: NOW - 50 * HOUR }) }),
    ]),
    ig: snapshot([
      chat('omar', 'Omar', { lastActivity: NOW - 23.5 * HOUR, activity: activity({ lastIn: NOW - 23.5 * HOUR, waitingSince: NOW - 23.5 * HOUR }) }),
      chat('jose', 'José', { lastActivity: NOW - 30 * MINUTE, activity: activity({ lastIn: NOW - 6 * HOUR, lastOut: NOW - 30 * MINUTE }) }),
    ]),
    tg: snapshot([
      chat('tariq', 'Tariq', { lastActivity: NOW - 2 * HOUR, activity: activity({ lastIn: NOW - 2 * HOUR, waitingSince: NOW - 2 * HOUR }) }),
      chat('supplier', 'Supplier', { lastActivity: NOW - 5 * HOUR, activity: activity({ lastIn: NOW - 6 * HOUR, lastOut: NOW - 5 * HOUR }) }),
    ]),
  };
  const customers: Record<string, Customer> = {
    'chat:wa:ahmed': customer({ labels: ['preset-new-order', 'preset-paid', 'preset-new-customer'] }),
    'chat:wa:fatima': customer({ labels: ['preset-order-complete'], status: 'done', statusAt: NOW - 20 * MINUTE }),
    'chat:tg:supplier': customer({ status: 'awaiting-customer', statusAt: NOW - 5 * HOUR }),
    'chat:wa:layla': customer({ labels: ['preset-paid'], reminder: reminder('wa', 'layla', 'Layla', NOW - 20 * MINUTE, { notified: true }) }),
    'chat:ig:jose': customer({ reminder: reminder('ig', 'jose', 'José', NOW + 19 * HOUR) }),
    // Omar wrote after his reminder was set: he is back in the list (and still in Snoozed until it is due).
    'chat:ig:omar': customer({ reminder: reminder('ig', 'omar', 'Omar', NOW + 2 * HOUR, { setAt: NOW - 24 * HOUR }) }),
  };
  return { state: inboxState(services(), { labels: [...DEFAULT_LABELS], customers }), chats };
}

async function renderShop() {
  const { state, chats } = shop();
  const rendered = await renderShell(state, chats);
  await screen.findByRole('listbox', { name: 'Chats' });
  return rendered;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  renders.clear();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('inbox rows of a shop', () => {
  it('show labels (two, then +N), the status when not open, how long the customer waits and the reply window left', async () => {
    const { user } = await renderShop();
    expect(labelsOf('Ahmed')).toEqual(['New order', 'Paid', '+1']);
    expect(labelsOf('Huda')).toEqual([]);

    expect(chipsOf('Ahmed')).toEqual([
      { text: 'Waiting 25 min', tone: 'tone-neutral' },
      { text: '23 hr left to reply', tone: 'tone-calm' },
    ]);
    expect(chipsOf('Huda')).toEqual([
      { text: 'Waiting 21 hr', tone: 'tone-neutral' },
      { text: '3 hr left to reply', tone: 'tone-warning' },
    ]);
    expect(chipsOf('Omar')).toEqual([
      { text: 'Waiting 23 hr', tone: 'tone-neutral' },
      { text: '30 min left to reply', tone: 'tone-danger' },
    ]);
    expect(chipsOf('Sara')).toEqual([
      { text: 'Waiting 2 days, 2 hr', tone: 'tone-neutral' },
      { text: 'Reply window closed', tone: 'tone-danger' },
    ]);
    // Telegram has no reply window.
    expect(chipsOf('Tariq')).toEqual([{ text: 'Waiting 2 hr', tone: 'tone-neutral' }]);
    expect(chipsOf('Supplier')).toEqual([{ text: 'Waiting on customer', tone: 'tone-neutral' }]);
    expect(plain(row('Ahmed').getAttribute('aria-label'))).toBe(
      'Ahmed, WhatsApp, 1 unread, 2 min, labels: New order, Paid, and New customer, Waiting 25 min, 23 hr left to reply',
    );
    // Fatima is done: in the Done view, with her labels.
    await user.click(views().getByRole('button', { name: 'Done' }));
    expect(labelsOf('Fatima')).toEqual(['Order complete']);
    expect(chipsOf('Fatima')).toEqual([{ text: 'Done', tone: 'tone-done' }]);
  });

  it('a done conversation leaves the list, and comes back with its labels when the customer writes', async () => {
    const { bridge, user } = await renderShop();
    expect(names()).not.toContain('Fatima');
    await user.click(views().getByRole('button', { name: 'Done' }));
    expect(names()).toEqual(['Fatima']);
    expect(chipsOf('Fatima')).toEqual([{ text: 'Done', tone: 'tone-done' }]);
    await user.click(views().getByRole('button', { name: 'Done' }));
    bridge.pushChats('wa', {
      reset: false,
      loggedIn: true,
      unread: { direct: 1, indirect: 0 },
      upsert: [chat('fatima', 'Fatima', { lastActivity: NOW - MINUTE, unread: 1, activity: activity({ lastIn: NOW - MINUTE, waitingSince: NOW - MINUTE }) })],
      remove: [],
    });
    expect(names()).toEqual(['Layla', 'Fatima', 'Ahmed', 'Tariq', 'Supplier', 'Huda', 'Omar', 'Sara']);
    expect(labelsOf('Fatima')).toEqual(['Order complete']);
    expect(chipsOf('Fatima')).toEqual([
      { text: 'Waiting 1 min', tone: 'tone-neutral' },
      { text: '23 hr left to reply', tone: 'tone-calm' },
    ]);
    await user.click(views().getByRole('button', { name: 'Done' }));
    expect(rows()).toHaveLength(0);
  });

  it('a due reminder pins its customer at the top, until the customer is opened', async () => {
    const { bridge, user } = await renderShop();
    // Layla's last message is three days old; José is snoozed until tomorrow.
    expect(names()).toEqual(['Layla', 'Ahmed', 'Tariq', 'Supplier', 'Huda', 'Omar', 'Sara']);
    expect(row('Layla')).toHaveClass('is-reminded');
    expect(chipsOf('Layla')).toEqual([{ text: 'Reminder', tone: 'tone-accent' }]);

    await user.click(row('Layla'));
    expect(bridge.sent('service.openChat')).toEqual([{ type: 'service.openChat', id: 'wa', chatId: 'layla' }]);
    expect(bridge.sent('customer.update')).toEqual([{ type: 'customer.update', key: 'chat:wa:layla', from: [], reminder: null }]);
    bridge.push({ customers: { ...bridge.state.customers, 'chat:wa:layla': customer({ labels: ['preset-paid'] }) } });
    expect(names()).toEqual(['Ahmed', 'Tariq', 'Supplier', 'Huda', 'Omar', 'Sara', 'Layla']);
    expect(chipsOf('Layla')).toEqual([]);

    // Opening someone without a due reminder changes nothing about them.
    await user.click(row('Ahmed'));
    expect(bridge.sent('customer.update')).toHaveLength(1);
  });

  it('a reminder comes due while the inbox is open: the customer comes back from Snoozed, pinned', async () => {
    const { bridge } = await renderShop();
    expect(names()).not.toContain('José');
    const jose = bridge.state.customers['chat:ig:jose'];
    if (jose?.reminder === undefined) throw new Error('no reminder');
    // Main's timer fired: it notified, and marks the reminder.
    bridge.push({ customers: { ...bridge.state.customers, 'chat:ig:jose': { ...jose, reminder: { ...jose.reminder, notified: true } } } });
    expect(names().slice(0, 2)).toEqual(['Layla', 'José']);
  });
});

describe('inbox views of a shop', () => {
  it('Waiting lists who waits for a reply, the longest waiting first; done, awaiting and snoozed customers stay out', async () => {
    const { user } = await renderShop();
    await user.click(views().getByRole('button', { name: 'Waiting' }));
    expect(views().getByRole('button', { name: 'Waiting' })).toHaveAttribute('aria-pressed', 'true');
    expect(views().getByRole('button', { name: 'All' })).toHaveAttribute('aria-pressed', 'false');
    expect(names()).toEqual(['Sara', 'Omar', 'Huda', 'Tariq', 'Ahmed']);
    await user.click(views().getByRole('button', { name: 'Waiting' }));
    expect(rows()).toHaveLength(7);
  });

  it('Snoozed lists the reminders still to come, the soonest first; a label narrows any view', async () => {
    const { user } = await renderShop();
    await user.click(views().getByRole('button', { name: 'Snoozed' }));
    expect(names()).toEqual(['Omar', 'José']);

    await user.click(views().getByRole('button', { name: 'All' }));
    await user.selectOptions(views().getByRole('combobox', { name: 'Label' }), 'Paid');
    expect(names()).toEqual(['Layla', 'Ahmed']);
    await user.click(views().getByRole('button', { name: 'Waiting' }));
    expect(names()).toEqual(['Ahmed']);
    await user.selectOptions(views().getByRole('combobox', { name: 'Label' }), 'Pending payment');
    expect(rows()).toHaveLength(0);
    expect(screen.getByText('No one is waiting for a reply.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show all chats' }));
    expect(rows()).toHaveLength(7);
    expect(views().getByRole('combobox', { name: 'Label' })).toHaveValue('');
  });

  it('an empty Snoozed view says how to snooze', async () => {
    const { bridge, user } = await renderShop();
    bridge.push({ customers: {} });
    await user.click(views().getByRole('button', { name: 'Snoozed' }));
    expect(screen.getByText(/^No snoozed customers\./u)).toBeInTheDocument();
  });
});

describe('the row menu of a shop', () => {
  const openMenu = async (user: Awaited<ReturnType<typeof renderShop>>['user'], name: string) => {
    await user.pointer({ keys: '[MouseRight]', target: row(name) });
    return screen.getByRole('menu', { name: `Actions for ${name}` });
  };

  it('checks and unchecks labels', async () => {
    const { bridge, user } = await renderShop();
    await user.click(within(await openMenu(user, 'Ahmed')).getByRole('menuitem', { name: 'Labels…' }));
    const labels = screen.getByRole('menu', { name: named('Labels for Ahmed') });
    expect(within(labels).getAllByRole('menuitemcheckbox').map((i) => [i.textContent, i.getAttribute('aria-checked')])).toEqual([
      ['New customer', 'true'],
      ['New order', 'true'],
      ['Pending payment', 'false'],
      ['Paid', 'true'],
      ['Order complete', 'false'],
    ]);
    expect(within(labels).getAllByRole('menuitemcheckbox')[0]).toHaveFocus();
    await user.click(within(labels).getByRole('menuitemcheckbox', { name: 'Pending payment' }));
    expect(bridge.sent('customer.update')).toEqual([
      { type: 'customer.update', key: 'chat:wa:ahmed', from: [], labels: ['preset-new-order', 'preset-paid', 'preset-new-customer', 'preset-pending-payment'] },
    ]);
    expect(announced()).toBe('Label added: Pending payment');

    await user.click(within(await openMenu(user, 'Ahmed')).getByRole('menuitem', { name: 'Labels…' }));
    await user.click(screen.getByRole('menuitemcheckbox', { name: 'Paid' }));
    expect(bridge.sent('customer.update').at(-1)).toEqual({ type: 'customer.update', key: 'chat:wa:ahmed', from: [], labels: ['preset-new-order', 'preset-new-customer'] });
  });

  it('sets the status; a merged person is saved under their entry, with the records of their chats', async () => {
    const { bridge, user } = await renderShell(
      inboxState(services(), {
        labels: [...DEFAULT_LABELS],
        customers: { 'chat:tg:t': customer({ note: 'from Telegram' }) },
      }),
      {
        wa: snapshot([chat('w', 'Nour', { phone: '+966501234567', lastActivity: NOW - 5000 })]),
        tg: snapshot([chat('t', 'Nour T', { phone: '+966501234567', lastActivity: NOW - 1000 })]),
      },
    );
    await screen.findByRole('listbox', { name: 'Chats' });
    await user.click(within(await openMenu(user, 'Nour T')).getByRole('menuitem', { name: 'Status…' }));
    const status = screen.getByRole('menu', { name: named('Status of Nour T') });
    expect(within(status).getAllByRole('menuitemcheckbox').map((i) => [i.textContent, i.getAttribute('aria-checked')])).toEqual([
      ['Open', 'true'],
      ['Waiting on customer', 'false'],
      ['Done', 'false'],
    ]);
    await user.click(within(status).getByRole('menuitemcheckbox', { name: 'Done' }));
    expect(bridge.sent('customer.update')).toEqual([
      { type: 'customer.update', key: 'phone:+966501234567', from: ['chat:tg:t', 'chat:wa:w'], status: 'done' },
    ]);
  });

  it('"Remind me" later today, tomorrow morning, at a moment picked in the card, or not any more', async () => {
    const { bridge, user } = await renderShop();
    await user.click(within(await openMenu(user, 'Huda')).getByRole('menuitem', { name: 'Remind me…' }));
    const remind = screen.getByRole('menu', { name: named('Remind me about Huda') });
    expect(within(remind).getAllByRole('menuitem').map((i) => i.textContent)).toEqual([
      'Later today (5:30 PM)',
      'Tomorrow morning (9:00 AM)',
      'Next week (Sat 9:00 AM)',
      'Pick a date and time…',
    ]);
    await user.click(within(remind).getByRole('menuitem', { name: 'Later today (5:30 PM)' }));
    const later = { at: laterToday(NOW), setAt: NOW, chat: { serviceId: 'wa', chatId: 'huda' }, title: 'Huda' };
    // A snooze the toast can undo.
    expect(bridge.sent('customer.update')).toEqual([{ type: 'customer.update', key: 'chat:wa:huda', from: [], reminder: later, undo: 'snoozed' }]);
    expect(announced()).toBe('Reminder set for 5:30 PM');
    expect(document.querySelector('.toast-text')?.textContent).toBe('Snoozed');
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();

    await user.click(within(await openMenu(user, 'Huda')).getByRole('menuitem', { name: 'Remind me…' }));
    await user.click(screen.getByRole('menuitem', { name: 'Tomorrow morning (9:00 AM)' }));
    expect(bridge.sent('customer.update').at(-1)?.reminder).toEqual({ ...later, at: tomorrowMorning(NOW, DEFAULT_SETTINGS.shop) });

    await user.click(within(await openMenu(user, 'Huda')).getByRole('menuitem', { name: 'Remind me…' }));
    await user.click(screen.getByRole('menuitem', { name: 'Next week (Sat 9:00 AM)' }));
    expect(bridge.sent('customer.update').at(-1)?.reminder).toEqual({ ...later, at: nextWeek(NOW, DEFAULT_SETTINGS.shop) });

    // Omar has one: it can be cleared.
    await user.click(within(await openMenu(user, 'Omar')).getByRole('menuitem', { name: 'Remind me…' }));
    await user.click(screen.getByRole('menuitem', { name: 'Clear reminder' }));
    expect(bridge.sent('customer.update').at(-1)).toEqual({ type: 'customer.update', key: 'chat:ig:omar', from: [], reminder: null });

    await user.click(within(await openMenu(user, 'Huda')).getByRole('menuitem', { name: 'Remind me…' }));
    await user.click(screen.getByRole('menuitem', { name: 'Pick a date and time…' }));
    const card = await screen.findByRole('dialog', { name: named('Huda') });
    expect(within(card).getByLabelText('Date and time')).toHaveFocus();
  });

  it('opens the customer card, and says so when main refuses a change', async () => {
    const { bridge, user } = await renderShop();
    await user.click(within(await openMenu(user, 'Tariq')).getByRole('menuitem', { name: 'Customer card' }));
    expect(await screen.findByRole('dialog', { name: named('Tariq') })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();

    bridge.respond = (cmd) => (cmd.type === 'customer.update' ? { ok: false, error: 'failed' } : { ok: true });
    await user.click(within(await openMenu(user, 'Tariq')).getByRole('menuitem', { name: 'Status…' }));
    await user.click(screen.getByRole('menuitemcheckbox', { name: 'Done' }));
    await act(() => Promise.resolve());
    expect(announced()).toBe("Couldn't save the change for this customer. Please try again.");
  });
});

describe('a customer change', () => {
  it('re-renders that customer’s row only', async () => {
    const { bridge } = await renderShop();
    expect(renders.get('Huda')).toBeGreaterThan(0);
    renders.clear();
    bridge.push({ customers: { ...bridge.state.customers, 'chat:wa:huda': customer({ labels: ['preset-paid'] }) } });
    expect(labelsOf('Huda')).toEqual(['Paid']);
    expect(Object.fromEntries(renders)).toEqual({ Huda: 1 });
    renders.clear();
    // A label renamed: the rows that show it.
    bridge.push({ labels: bridge.state.labels.map((l) => (l.id === 'preset-paid' ? { ...l, name: 'Paid ✓' } : l)) });
    expect(labelsOf('Huda')).toEqual(['Paid ✓']);
    expect(Object.keys(Object.fromEntries(renders)).sort()).toEqual(['Ahmed', 'Huda', 'Layla']);
  });
});
