/**
 * Answering from a notification, end to end in real Chromium: main's core in Node, the Telegram fixture in its own
 * browser context with the real connector and agent, the built shell. Another chat is open in the page; a
 * customer's notification comes in on a system that offers an answer field (macOS, Windows); the answer opens the
 * customer's chat and lands in its message box — typed, not sent, and not in the chat that was open before. Where
 * the system offers no answer field (most Linux desktops), a click opens the chat with the caret in its message box.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTIFICATION_OFFERS } from '../../main/core/notifications/offers';
import { makeChats } from '../fixtures/platforms/lib/dataset.js';
import { openTelegramShop, readFixture, TELEGRAM, type FixtureWindow, type TelegramShop } from '../support/telegram-shop';
import type { PageViews } from '../support/page-views';
import type { ShellHarness } from '../support/shell-harness';

const chats = makeChats(40);
/** Dataset chat 3: a person, "فاطمة الزهراء" (a Telegram peer id is the chat's id for a person). */
const customer = chats[3];
if (customer?.kind !== 'direct' || customer.cleanName !== 'فاطمة الزهراء') throw new Error('the dataset changed: chat 3 should be فاطمة الزهراء');
/** Another person, whose chat is open when the notification comes. */
const other = chats.slice(0, 20).find((c) => c.kind === 'direct' && c.id !== customer.id);
if (other === undefined) throw new Error('the dataset changed: no other person among the first chats');

let shop: TelegramShop;
let views: PageViews;
let shell: ShellHarness;

beforeAll(async () => {
  shop = await openTelegramShop({ services: [TELEGRAM], activeServiceId: 'tg', view: 'inbox' }, { notificationOffers: NOTIFICATION_OFFERS.darwin });
  ({ views, shell } = shop);
});

afterAll(async () => {
  await shop.close();
});

describe('an answer typed in a notification', () => {
  it("opens the customer's chat and types the answer into its message box, with Wasl on that chat; nothing is sent", async () => {
    const tg = await views.page('tg');
    await tg.page.locator(`a.chatlist-chat[data-peer-id="${other.id}"]`).click();
    // main knows which chat the page has open.
    await expect.poll(() => shell.controller.snapshot('tg')?.activeChatId, { timeout: 15_000 }).toBe(other.id);
    const before = (await readFixture(tg.page, customer.id)).chat;

    shell.notifications.receive('tg', { id: 'p1', title: customer.cleanName, body: 'هل الفستان متوفر؟', chatId: customer.id, derived: false });
    const notification = shell.shown.at(-1);
    expect(notification?.replyPlaceholder).toBe('Type a reply');
    notification?.respond?.({ type: 'reply', text: 'نعم، متوفر بالأحمر' });

    const read = () => readFixture(tg.page, customer.id);
    await expect.poll(async () => (await read()).text, { timeout: 15_000 }).toBe('نعم، متوفر بالأحمر');
    const after = await read();
    expect(after.opened).toBe(customer.id);
    // Typed as the user would type it; no Enter, no new message in the chat.
    expect(after.events.map((e) => e.inputType)).toEqual(after.events.map(() => 'insertText'));
    expect(after.chat).toEqual(before);
    expect(after.notifications).toBe(0);
    // Wasl is on that service, its page in front.
    expect(shell.store.getState()).toMatchObject({ activeServiceId: 'tg', view: 'service' });
    expect(shell.errors).toEqual([]);
  });

  it("a click opens the customer's chat with the caret in its message box, the page focused, nothing typed", async () => {
    const tg = await views.page('tg');
    const previous = chats.slice(0, 20).find((c) => c.kind === 'direct' && c.id !== customer.id && c.id !== other.id);
    if (previous === undefined) throw new Error('the dataset changed: no third person among the first chats');
    await tg.page.locator(`a.chatlist-chat[data-peer-id="${previous.id}"]`).click();
    await expect.poll(() => shell.controller.snapshot('tg')?.activeChatId, { timeout: 15_000 }).toBe(previous.id);
    await tg.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const focusedBefore = views.focused.length;
    const eventsBefore = await tg.page.evaluate(() => (window as unknown as FixtureWindow).fixture.inputEvents.length);

    shell.notifications.receive('tg', { id: 'p2', title: customer.cleanName, body: 'متى يصل الطلب؟', chatId: customer.id, derived: false });
    shell.shown.at(-1)?.click();

    const read = () =>
      tg.page.evaluate(() => {
        const f = (window as unknown as FixtureWindow).fixture;
        const active = document.activeElement;
        return { opened: f.openedChatId(), editable: active instanceof HTMLElement && active.isContentEditable, events: f.inputEvents.length };
      });
    await expect.poll(async () => (await read()).opened, { timeout: 15_000 }).toBe(customer.id);
    await expect.poll(async () => (await read()).editable, { timeout: 5_000 }).toBe(true);
    expect((await read()).events).toBe(eventsBefore);
    expect(views.focused.slice(focusedBefore)).toEqual(['tg']);
    expect(shell.store.getState()).toMatchObject({ activeServiceId: 'tg', view: 'service' });
    expect(shell.errors).toEqual([]);
  });
});
