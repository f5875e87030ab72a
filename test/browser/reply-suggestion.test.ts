/**
 * A suggested answer, end to end in real Chromium: main's core in Node, the Telegram fixture (its chat list as
 * platform-dom.md describes Telegram Web K) in its own browser context with the real connector and agent, the built
 * shell on the inbox. A customer asked "Is the blue dress still available?" and waits; a quick reply carries the
 * trigger phrase "blue dress". Their row offers it with why; Tab on the row opens the customer's chat in the page
 * and types the filled answer into its message box — typed, not sent, while another chat was open before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../common/settings';
import { makeChats } from '../fixtures/platforms/lib/dataset.js';
import { openTelegramShop, readFixture, TELEGRAM, type TelegramShop } from '../support/telegram-shop';
import type { PageViews } from '../support/page-views';
import type { ShellHarness } from '../support/shell-harness';

const chats = makeChats(40);
/** Dataset chat 0: a person with unread messages, the newest chat, who asked about the blue dress. */
const customer = chats[0];
if (customer?.kind !== 'direct' || customer.cleanName !== 'Ahmed Hassan' || customer.unread === 0 || !customer.preview.includes('blue dress')) {
  throw new Error('the dataset changed: chat 0 should be Ahmed Hassan, unread, asking about the blue dress');
}
/** Another person, whose chat is open in the page before. */
const other = chats.slice(1, 20).find((c) => c.kind === 'direct');
if (other === undefined) throw new Error('the dataset changed: no other person among the first chats');

let shop: TelegramShop;
let views: PageViews;
let shell: ShellHarness;

beforeAll(async () => {
  shop = await openTelegramShop({
    services: [TELEGRAM],
    activeServiceId: 'tg',
    view: 'inbox',
    settings: { ...DEFAULT_SETTINGS, shop: { ...DEFAULT_SETTINGS.shop, name: 'Hiba Boutique' } },
    quickReplies: [{ id: 'q1', name: 'Dress in stock', body: 'Yes {first_name}, the blue dress is in stock at {shop}.', triggers: ['blue dress'] }],
  });
  ({ views, shell } = shop);
});

afterAll(async () => {
  await shop.close();
});

describe('a suggested answer on an inbox row', () => {
  it("Tab types it into the customer's chat, opened from the row, and nothing is sent", async () => {
    const tg = await views.page('tg');
    await tg.page.locator(`a.chatlist-chat[data-peer-id="${other.id}"]`).click();
    await expect.poll(() => shell.controller.snapshot('tg')?.activeChatId, { timeout: 15_000 }).toBe(other.id);
    const before = (await readFixture(tg.page, customer.id)).chat;

    const page = shell.page;
    const list = page.getByRole('listbox', { name: 'Chats' });
    const row = list.getByRole('option', { name: /^Ahmed Hassan,/u });
    const chip = row.locator('.suggestion-chip');
    await expect.poll(() => chip.textContent(), { timeout: 15_000 }).toBe('Dress in stock');
    expect(await chip.getAttribute('title')).toContain('matches “\u2068blue dress\u2069”');
    await list.focus();
    while ((await row.getAttribute('aria-selected')) !== 'true') await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');

    const read = () => readFixture(tg.page, customer.id);
    await expect.poll(async () => (await read()).text, { timeout: 15_000 }).toBe('Yes Ahmed, the blue dress is in stock at Hiba Boutique.');
    const after = await read();
    expect(after.opened).toBe(customer.id);
    // Typed as the user would type it; no Enter, no new message in the chat (opening it read what was unread).
    expect(after.events.map((e) => e.inputType)).toEqual(after.events.map(() => 'insertText'));
    expect(after.chat).toEqual(before === undefined ? undefined : { ...before, unread: 0 });
    expect(after.notifications).toBe(0);
    expect(shell.commands.filter((c) => c.type === 'service.insertText')).toEqual([
      { type: 'service.insertText', id: 'tg', chatId: customer.id, text: 'Yes Ahmed, the blue dress is in stock at Hiba Boutique.' },
    ]);
    expect(shell.store.getState()).toMatchObject({ activeServiceId: 'tg', view: 'service' });
    expect(shell.rejected).toEqual([]);
    expect(shell.errors).toEqual([]);
  });
});
