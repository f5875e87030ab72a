/**
 * A quick reply, end to end in real Chromium: main's core in Node, the Telegram fixture in its own browser
 * context with the real connector and agent, the built shell. The user opens a customer's chat in the page,
 * opens the palette from the toolbar, picks a reply by its "/name", and the text with the customer's first name
 * and the shop's name lands in the page's message box — typed, not sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../common/settings';
import { makeChats } from '../fixtures/platforms/lib/dataset.js';
import { openTelegramShop, readFixture, TELEGRAM, type TelegramShop } from '../support/telegram-shop';
import type { PageViews } from '../support/page-views';
import type { ShellHarness } from '../support/shell-harness';

/** Dataset chat 3: a person, "فاطمة الزهراء" (a Telegram peer id is the chat's id for a person). */
const customer = makeChats(40)[3];
if (customer?.kind !== 'direct' || customer.cleanName !== 'فاطمة الزهراء') throw new Error('the dataset changed: chat 3 should be فاطمة الزهراء');

let shop: TelegramShop;
let views: PageViews;
let shell: ShellHarness;

beforeAll(async () => {
  shop = await openTelegramShop({
    services: [TELEGRAM],
    activeServiceId: 'tg',
    view: 'service',
    settings: { ...DEFAULT_SETTINGS, shop: { ...DEFAULT_SETTINGS.shop, name: 'بوتيك الورد' } },
    quickReplies: [
      { id: 'q1', name: 'prices', body: 'Our prices are on the menu.' },
      { id: 'q2', name: 'شكر', body: 'شكرًا {first_name}! طلبك من {shop} يُشحن اليوم.' },
    ],
  });
  ({ views, shell } = shop);
});

afterAll(async () => {
  await shop.close();
});

describe('a quick reply, from the palette into a chat page', () => {
  it("types the reply with the customer's first name into the open chat's message box, and sends nothing", async () => {
    const tg = await views.page('tg');
    await tg.page.locator(`a.chatlist-chat[data-peer-id="${customer.id}"]`).click();
    const before = await readFixture(tg.page, customer.id);
    expect(before.opened).toBe(customer.id);

    const page = shell.page;
    await page.getByRole('button', { name: 'Quick replies (\u2066Ctrl+Shift+Space\u2069)' }).click();
    const palette = page.getByRole('dialog', { name: 'Quick replies' });
    // The page reports which chat is open: the palette names the customer.
    await expect.poll(() => palette.locator('.reply-where').textContent(), { timeout: 15_000 }).toMatch(/^Goes into the chat with \u2068فاطمة الزهراء\u2069 in/u);
    await page.keyboard.type('/شكر');
    await expect.poll(() => palette.getByRole('option').count()).toBe(1);
    await expect.poll(() => palette.getByRole('region', { name: 'Preview' }).locator('.reply-preview-text').textContent()).toBe('شكرًا فاطمة! طلبك من بوتيك الورد يُشحن اليوم.');
    await page.keyboard.press('Enter');

    await palette.waitFor({ state: 'detached' });
    const after = await readFixture(tg.page, customer.id);
    expect(after.text).toBe('شكرًا فاطمة! طلبك من بوتيك الورد يُشحن اليوم.');
    // Typed as the user would type it; no Enter, no new message in the chat.
    expect(after.events.map((e) => e.inputType)).toEqual(after.events.map(() => 'insertText'));
    expect(after.events.some((e) => e.type === 'input' || e.type === 'beforeinput')).toBe(true);
    expect(after.chat).toEqual(before.chat);
    expect(after.notifications).toBe(0);
    expect(shell.commands.filter((c) => c.type === 'service.insertText')).toEqual([
      { type: 'service.insertText', id: 'tg', text: 'شكرًا فاطمة! طلبك من بوتيك الورد يُشحن اليوم.' },
    ]);
    expect(shell.rejected).toEqual([]);
    expect(shell.errors).toEqual([]);
  });
});
