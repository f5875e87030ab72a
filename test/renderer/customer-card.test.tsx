/**
 * The customer card: what it shows (name, chats with a button each, phone, status, labels, note, reminder, when
 * they waited and wrote), the note saved a moment after typing stops and on close (kept when saving fails), and
 * every change sent as the customer update main expects.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LIMITS } from '../../common/ipc';
import { DEFAULT_LABELS, type ChatActivity, type Customer } from '../../common/shop/model';
import { NOTE_SAVE_DELAY_MS } from '../../renderer/src/features/customer/NoteField';
import { laterToday, toLocalInput } from '../../renderer/src/features/customer/reminders';
import { service } from './fake-bridge';
import { chat, inboxState, MINUTE, NOW, snapshot } from './inbox-data';
import { named, plain, renderShell } from './render';

const HOUR = 60 * MINUTE;
const KEY = 'person:p-ahmed';
const FROM = ['phone:+966501234567', 'chat:wa:ahmed', 'chat:ig:ahmed.h'];

const customer = (parts: Partial<Customer>): Customer => ({ labels: [], note: '', status: 'open', statusAt: 0, priority: false, ...parts });
const activity = (parts: ChatActivity): ChatActivity => parts;

/** Ahmed: one person on WhatsApp (with a phone number) and Instagram, labelled, with a note and a reminder. */
async function renderCard(record: Customer | null = customer({ labels: ['preset-new-order'], note: 'Size M, blue.', reminder: { at: NOW + 2 * HOUR, setAt: NOW - HOUR, chat: { serviceId: 'wa', chatId: 'ahmed' }, title: 'Ahmed Hassan' } })) {
  const rendered = await renderShell(
    inboxState([service('wa', 'whatsapp', 'Shop'), service('ig', 'instagram', 'Instagram')], {
      labels: [...DEFAULT_LABELS],
      people: [{ id: 'p-ahmed', chats: [{ serviceId: 'wa', chatId: 'ahmed' }, { serviceId: 'ig', chatId: 'ahmed.h' }] }],
      customers: record === null ? {} : { [KEY]: record },
    }),
    {
      wa: snapshot([
        chat('ahmed', 'Ahmed Hassan', {
          phone: '+966501234567',
          lastActivity: NOW - 2 * MINUTE,
          unread: 1,
          activity: activity({ first: new Date(2026, 9, 12, 10, 5).getTime(), lastIn: NOW - 2 * MINUTE, lastOut: NOW - HOUR, waitingSince: NOW - 25 * MINUTE }),
        }),
      ]),
      ig: snapshot([chat('ahmed.h', 'ahmed.hassan', { lastActivity: NOW - 3 * HOUR, activity: activity({ first: NOW - 12 * 24 * HOUR, lastIn: NOW - 3 * HOUR }) })]),
    },
  );
  const row = await screen.findByRole('option', { name: /^Ahmed Hassan/u });
  // As a right click does, the list takes the focus; then events without user-event's pauses (the note's tests
  // run with fake timers).
  act(() => screen.getByRole('listbox', { name: 'Chats' }).focus());
  fireEvent.contextMenu(row);
  fireEvent.click(screen.getByRole('menuitem', { name: 'Customer card' }));
  return { ...rendered, card: await screen.findByRole('dialog', { name: named('Ahmed Hassan') }), row };
}

const noteField = (card: HTMLElement) => within(card).getByRole('textbox', { name: 'Note' });
const status = (card: HTMLElement) => plain(within(card).getByRole('status').textContent);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the customer card', () => {
  it('shows the chats with a button each, the phone, status, labels, note, reminder and when they wrote', async () => {
    const { card, bridge, user } = await renderCard();
    const chats = within(card).getByRole('region', { name: 'Chats' });
    expect(within(chats).getAllByRole('listitem').map((i) => plain(i.textContent))).toEqual(['WhatsAppAhmed HassanOpen', 'Instagramahmed.hassanOpen']);
    const phone = within(card).getByRole('list', { name: 'Phone numbers' }).querySelector('li');
    expect(phone).toHaveTextContent('+966 50 123 4567');
    expect(phone).toHaveAttribute('dir', 'ltr');
    expect(within(card).getByRole('radio', { name: 'Open' })).toBeChecked();
    expect(within(card).getByRole('button', { name: 'New order' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(card).getByRole('button', { name: 'Paid' })).toHaveAttribute('aria-pressed', 'false');
    expect(noteField(card)).toHaveValue('Size M, blue.');
    expect(noteField(card)).toHaveAttribute('maxlength', String(LIMITS.note));
    expect(within(card).getByText('Reminds you 4:20 PM')).toBeInTheDocument();
    const facts = [...card.querySelectorAll('.customer-fact')].map((f) => [f.querySelector('dt')?.textContent, plain(f.querySelector('dd')?.textContent ?? '')]);
    expect(facts).toEqual([
      ['Waiting for a reply', '25 min, since 1:55 PM'],
      ['Reply window', '23 hr left, until Sun 2:18 PM'],
      ['First contact', 'Oct 12'],
      ['Last contact', '2 min'],
    ]);

    await user.click(within(chats).getByRole('button', { name: 'Open in Instagram' }));
    expect(bridge.sent('service.openChat')).toEqual([{ type: 'service.openChat', id: 'ig', chatId: 'ahmed.h' }]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('changes labels and status; Escape closes it and the focus goes back to the list', async () => {
    const { card, bridge, user } = await renderCard();
    await user.click(within(card).getByRole('button', { name: 'Paid' }));
    await user.click(within(card).getByRole('button', { name: 'New order' }));
    await user.click(within(card).getByRole('radio', { name: 'Waiting on customer' }));
    expect(bridge.sent('customer.update')).toEqual([
      { type: 'customer.update', key: KEY, from: FROM, labels: ['preset-new-order', 'preset-paid'] },
      { type: 'customer.update', key: KEY, from: FROM, labels: [] },
      { type: 'customer.update', key: KEY, from: FROM, status: 'awaiting-customer' },
    ]);
    // Main's answer shows.
    bridge.push({ customers: { [KEY]: customer({ labels: ['preset-paid'], status: 'awaiting-customer', statusAt: NOW }) } });
    expect(within(card).getByRole('button', { name: 'Paid' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(card).getByRole('radio', { name: 'Waiting on customer' })).toBeChecked();
    expect(card.querySelector('.customer-facts')?.textContent).not.toContain('Waiting for a reply');

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('listbox', { name: 'Chats' })).toHaveFocus();
  });

  it('sets and clears the reminder: later today, or a moment picked, which must be ahead', async () => {
    const { card, bridge, user } = await renderCard(customer({}));
    expect(within(card).getByText('No reminder set.')).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Later today (5:30 PM)' }));
    const reminder = { at: laterToday(NOW), setAt: NOW, chat: { serviceId: 'wa', chatId: 'ahmed' }, title: 'Ahmed Hassan' };
    expect(bridge.sent('customer.update')).toEqual([{ type: 'customer.update', key: KEY, from: FROM, reminder }]);

    const picker = within(card).getByLabelText('Date and time');
    fireEvent.change(picker, { target: { value: toLocalInput(NOW - HOUR) } });
    await user.click(within(card).getByRole('button', { name: 'Set reminder' }));
    expect(within(card).getByRole('alert')).toHaveTextContent('Pick a moment in the future.');
    expect(picker).toHaveAttribute('aria-invalid', 'true');
    const friday = new Date(2026, 10, 27, 11, 30).getTime();
    fireEvent.change(picker, { target: { value: toLocalInput(friday) } });
    await user.click(within(card).getByRole('button', { name: 'Set reminder' }));
    expect(bridge.sent('customer.update').at(-1)).toEqual({ type: 'customer.update', key: KEY, from: FROM, reminder: { ...reminder, at: friday } });

    bridge.push({ customers: { [KEY]: customer({ reminder: { ...reminder, at: friday } }) } });
    expect(within(card).getByText('Reminds you Fri 11:30 AM')).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Clear reminder' }));
    expect(bridge.sent('customer.update').at(-1)).toEqual({ type: 'customer.update', key: KEY, from: FROM, reminder: null });
  });

  it('opens on a customer the shop keeps nothing about yet', async () => {
    const { card } = await renderCard(null);
    expect(noteField(card)).toHaveValue('');
    expect(within(card).getByRole('radio', { name: 'Open' })).toBeChecked();
    expect(within(card).queryAllByRole('button', { pressed: true })).toEqual([]);
  });
});

describe('the customer note', () => {
  /** The card, then the clock in the test's hands (Testing Library's waiting needs real timers until then). */
  async function renderNote(record?: Customer) {
    const rendered = await renderCard(record);
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    vi.setSystemTime(NOW);
    return rendered;
  }

  const type = (card: HTMLElement, text: string) => fireEvent.change(noteField(card), { target: { value: text } });
  const wait = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
  const notes = (sent: { note?: string }[]) => sent.flatMap((c) => (c.note === undefined ? [] : [c.note]));

  it('is saved once typing stops for a moment, then says "Saved"', async () => {
    const { card, bridge } = await renderNote();
    type(card, 'Size M');
    await wait(NOTE_SAVE_DELAY_MS - 100);
    type(card, 'Size M, red');
    await wait(NOTE_SAVE_DELAY_MS - 100);
    expect(bridge.sent('customer.update')).toEqual([]);
    await wait(100);
    expect(bridge.sent('customer.update')).toEqual([{ type: 'customer.update', key: KEY, from: FROM, note: 'Size M, red' }]);
    expect(status(card)).toBe('Saved');
    // Nothing new: nothing sent.
    await wait(NOTE_SAVE_DELAY_MS * 2);
    expect(bridge.sent('customer.update')).toHaveLength(1);
  });

  it('is saved on close, without waiting', async () => {
    const { card, bridge } = await renderNote();
    type(card, 'Deliver after 7 pm');
    fireEvent.keyDown(noteField(card), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(notes(bridge.sent('customer.update'))).toEqual(['Deliver after 7 pm']);
    await wait(NOTE_SAVE_DELAY_MS * 2);
    expect(bridge.sent('customer.update')).toHaveLength(1);
  });

  it('keeps the text when saving fails, offers to try again, and keeps it for the next opening', async () => {
    const { card, bridge, row } = await renderNote();
    bridge.respond = (cmd) => (cmd.type === 'customer.update' ? { ok: false, error: 'failed' } : { ok: true });
    type(card, 'Wants the gift box');
    await wait(NOTE_SAVE_DELAY_MS);
    expect(status(card)).toBe("Couldn't save the note. Your text is still here.");
    expect(noteField(card)).toHaveValue('Wants the gift box');

    // Closed while main still refuses: the draft waits for the next opening.
    fireEvent.keyDown(noteField(card), { key: 'Escape' });
    await wait(0);
    fireEvent.contextMenu(row);
    fireEvent.click(screen.getByRole('menuitem', { name: 'Customer card' }));
    const again = screen.getByRole('dialog', { name: named('Ahmed Hassan') });
    expect(noteField(again)).toHaveValue('Wants the gift box');

    bridge.respond = () => ({ ok: true });
    type(again, 'Wants the gift box!');
    await wait(NOTE_SAVE_DELAY_MS);
    expect(status(again)).toBe('Saved');
    expect(notes(bridge.sent('customer.update'))).toEqual(['Wants the gift box', 'Wants the gift box', 'Wants the gift box!']);
  });

  it('follows a change made elsewhere, unless the user is typing', async () => {
    const { card, bridge } = await renderNote();
    bridge.push({ customers: { [KEY]: customer({ note: 'Restored from backup' }) } });
    expect(noteField(card)).toHaveValue('Restored from backup');
    type(card, 'Typing…');
    bridge.push({ customers: { [KEY]: customer({ note: 'Another change' }) } });
    expect(noteField(card)).toHaveValue('Typing…');
  });

  it('shows how much room is left near the limit', async () => {
    const { card } = await renderNote();
    expect(card.querySelector('.customer-note-count')).toBeNull();
    type(card, 'x'.repeat(LIMITS.note - 200));
    expect(card.querySelector('.customer-note-count')).toHaveTextContent('9,800 / 10,000');
  });
});
