/**
 * The answer Wasl offers a waiting customer on their inbox row (features/inbox/suggestion.tsx): a quick reply
 * whose trigger the customer's message holds, the greeting for a new customer, the away text while the shop is
 * closed — each with why, typed into that customer's chat by a click or by Tab, never sent.
 */
import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../common/settings';
import type { ChatActivity, QuickReply } from '../../common/shop/model';
import { service } from './fake-bridge';
import { chat, inboxState, MINUTE, NOW, snapshot } from './inbox-data';
import { plain, renderShell } from './render';

const HOUR = 60 * MINUTE;
const list = () => screen.getByRole('listbox', { name: 'Chats' });
const rows = () => within(list()).queryAllByRole('option');
const row = (name: string) => {
  const found = rows().find((r) => r.querySelector('.inbox-row-name')?.textContent === name);
  if (found === undefined) throw new Error(`no row "${name}"`);
  return found;
};
const chipOf = (name: string) => row(name).querySelector<HTMLButtonElement>('.suggestion-chip');
const titleOf = (name: string) => plain(chipOf(name)?.title ?? null);
const selectedName = () => rows().find((r) => r.getAttribute('aria-selected') === 'true')?.querySelector('.inbox-row-name')?.textContent;
const announced = () => plain(document.querySelector('[aria-live] span:last-child')?.textContent ?? '');

const replies: QuickReply[] = [
  { id: 'r-delivery', name: 'Delivery times', body: 'Hello {first_name}, delivery takes 2 days.', triggers: ['delivery'] },
  { id: 'r-thanks', name: 'Thanks', body: 'Thank you!' },
];
const old = (parts: Omit<ChatActivity, 'first'>): ChatActivity => ({ first: NOW - 30 * 24 * HOUR, ...parts });

/** NOW is Saturday 14:20. Open every day 09:00–21:00, or closed on Saturdays. */
function state(shop: { closedToday?: boolean } = {}) {
  const hours = Array.from({ length: 7 }, (_, day) => ({ open: !(shop.closedToday === true && day === 6), from: '09:00', to: '21:00' }));
  return inboxState([service('wa', 'whatsapp', 'Shop'), service('ig', 'instagram', 'Instagram')], {
    quickReplies: replies,
    settings: {
      ...DEFAULT_SETTINGS,
      shop: { ...DEFAULT_SETTINGS.shop, name: 'Hiba Store', hoursEnabled: true, hours, greeting: 'Welcome to {shop}, {first_name}!', away: 'We are closed today.' },
    },
  });
}

const chats = () => ({
  wa: snapshot([
    chat('ahmed', 'Ahmed Ali', { lastActivity: NOW - 2 * MINUTE, unread: 1, preview: 'How long is delivery to Jeddah?', activity: old({ lastIn: NOW - 2 * MINUTE, waitingSince: NOW - 2 * MINUTE, lastOut: NOW - 3 * HOUR }) }),
    chat('huda', 'Huda', { lastActivity: NOW - 5 * MINUTE, unread: 1, preview: 'ok', activity: old({ lastIn: NOW - 5 * MINUTE, waitingSince: NOW - 5 * MINUTE, lastOut: NOW - HOUR }) }),
    chat('fatima', 'Fatima', { lastActivity: NOW - 10 * MINUTE, preview: 'delivery?', activity: old({ lastIn: NOW - 3 * HOUR, lastOut: NOW - 10 * MINUTE }) }),
  ]),
  ig: snapshot([
    chat('nour', 'Nour Hassan', { lastActivity: NOW - MINUTE, unread: 1, preview: 'Hello!', activity: { first: NOW - MINUTE, newAt: NOW - MINUTE, lastIn: NOW - MINUTE, waitingSince: NOW - MINUTE } }),
  ]),
});

async function render(shop: { closedToday?: boolean } = {}) {
  const rendered = await renderShell(state(shop), chats());
  await screen.findByRole('listbox', { name: 'Chats' });
  return rendered;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('suggested answers on inbox rows', () => {
  it('offer the matching quick reply and the greeting, say why, and leave the others alone', async () => {
    await render();
    expect(plain(chipOf('Ahmed Ali')?.textContent ?? null)).toBe('Delivery times');
    expect(titleOf('Ahmed Ali')).toContain('matches “delivery”');
    expect(titleOf('Ahmed Ali')).toContain('Hello {first_name}, delivery takes 2 days.');
    expect(plain(chipOf('Nour Hassan')?.textContent ?? null)).toBe('Greeting');
    expect(titleOf('Nour Hassan')).toContain('a new customer');
    // Huda waits but wrote nothing a reply answers and is no new customer; Fatima was answered.
    expect(chipOf('Huda')).toBeNull();
    expect(chipOf('Fatima')).toBeNull();
    expect(plain(row('Ahmed Ali').getAttribute('aria-label'))).toContain('suggested answer Delivery times, matches “delivery”, Tab types it');
  });

  it('offer the away text while the shop is closed', async () => {
    await render({ closedToday: true });
    expect(plain(chipOf('Nour Hassan')?.textContent ?? null)).toBe('Away message');
    expect(titleOf('Nour Hassan')).toContain('they wrote while the shop was closed');
    // A trigger's match still comes first.
    expect(plain(chipOf('Ahmed Ali')?.textContent ?? null)).toBe('Delivery times');
  });

  it('a click types the filled text into that customer’s chat, without opening the row first or sending', async () => {
    const { bridge, user } = await render();
    const chip = chipOf('Nour Hassan');
    if (chip === null) throw new Error('no chip');
    await user.click(chip);
    expect(bridge.sent('service.insertText')).toEqual([{ type: 'service.insertText', id: 'ig', chatId: 'nour', text: 'Welcome to Hiba Store, Nour!' }]);
    expect(bridge.sent('service.openChat')).toEqual([]);
    expect(announced()).toBe('“Greeting” typed into Instagram: read it, then press send');
  });

  it('Tab on the selected row types its suggestion; on a row without one, Tab is left to move the focus', async () => {
    const { bridge, user } = await render();
    act(() => list().focus());
    await user.keyboard('{ArrowDown}');
    while (selectedName() !== 'Huda') await user.keyboard('{ArrowDown}');
    await user.keyboard('{Tab}');
    expect(bridge.sent('service.insertText')).toEqual([]);
    expect(document.activeElement).not.toBe(list());
    act(() => list().focus());
    while (selectedName() !== 'Ahmed Ali') await user.keyboard('{ArrowUp}');
    await user.keyboard('{Tab}');
    expect(bridge.sent('service.insertText')).toEqual([{ type: 'service.insertText', id: 'wa', chatId: 'ahmed', text: 'Hello Ahmed, delivery takes 2 days.' }]);
  });

  it('say so when the page has no message box', async () => {
    const { bridge, user } = await render();
    bridge.respond = (command) => (command.type === 'service.insertText' ? { ok: false, error: 'no-composer' } : { ok: true });
    const chip = chipOf('Ahmed Ali');
    if (chip === null) throw new Error('no chip');
    await user.click(chip);
    expect(announced()).toBe('Shop showed no message box in that chat: open the chat and try again.');
  });
});
