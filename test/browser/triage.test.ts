/**
 * Triage in real Chromium, the built shell wired to main's real core (service controller, activity tracker, shop):
 * a chat marked done leaves the list beside the service and comes back, its labels kept, when the customer writes
 * again; a chat marked unread shows bold with a dot until its page reports it open; a pinned chat goes to the top
 * with its pin; a snooze offers its choices by the row, the service's page hidden meanwhile; Next unread opens the
 * customers across platforms in the order they have waited. Screenshots for review go to
 * test-results/screenshots/ (not committed): the list's header with its counts and a pinned and a marked row, and
 * the inbox page's Done view, in English and Arabic.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../common/channels';
import type { ChatSummary } from '../../common/model';
import type { AppState } from '../../common/state';
import { launchChromium } from '../support/chromium';
import { customerDemo, LONG_ARABIC_NAME, LONG_LATIN_NAME, NOW, reportChats } from '../support/customer-demo';
import { openShell, type ShellHarness } from '../support/shell-harness';

const OUT = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const MIN = 60_000;

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(OUT, { recursive: true });
});

afterAll(async () => {
  await browser.close();
});

const WORDS = {
  en: { column: 'Chats', unread: 'Unread', done: 'Done' },
  ar: { column: 'المحادثات', unread: 'غير المقروءة', done: 'المنتهية' },
} as const;

type Locale = keyof typeof WORDS;

/** The demo shop beside its WhatsApp page, every connector reported; main's clock starts where the page's stands. */
async function openBeside(locale: Locale, width = 1280, extra: Partial<AppState> = {}): Promise<{ shell: ShellHarness; chats: Record<string, ChatSummary[]> }> {
  const demo = customerDemo();
  const shell = await openShell(browser, {
    state: { ...demo.state, view: 'service', ...extra },
    activity: demo.activity,
    locale,
    viewport: { width, height: 800 },
    deviceScaleFactor: 2,
    now: NOW,
    mainNow: NOW,
  });
  await reportChats(shell, demo.chats);
  await shell.page.locator('.list-column .inbox-row').first().waitFor();
  return { shell, chats: demo.chats };
}

const column = (page: Page, locale: Locale): Locator => page.getByRole('complementary', { name: WORDS[locale].column });
const listOf = (page: Page, locale: Locale): Locator => column(page, locale).getByRole('listbox');
const rowNamed = (page: Page, locale: Locale, name: string): Locator =>
  listOf(page, locale).getByRole('option').filter({ has: page.locator('.inbox-row-name', { hasText: name }) });

async function names(page: Page, locale: Locale): Promise<string[]> {
  return listOf(page, locale).locator('.inbox-row-name').allTextContents();
}

/** Selects the row with the keyboard (arrows only: nothing is opened), the list keeping the focus. */
async function select(page: Page, locale: Locale, name: string): Promise<void> {
  const list = listOf(page, locale);
  await list.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 30; i += 1) {
    const selected = await list.locator('[aria-selected="true"] .inbox-row-name').textContent();
    if (selected === name) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`could not select ${name}`);
}

/** The connector of `serviceId` reports one chat changed (sequence numbers go on from reportChats' 0). */
async function report(shell: ShellHarness, serviceId: string, seq: number, chat: ChatSummary, activeChatId?: string): Promise<void> {
  shell.controller.serviceUpdate(serviceId, {
    seq,
    reset: false,
    loggedIn: true,
    unread: { direct: chat.unread, indirect: 0 },
    upsert: [chat],
    remove: [],
    ...(activeChatId === undefined ? {} : { activeChatId }),
  });
  await shell.settled();
}

async function shot(page: Page, name: string, clip?: Locator): Promise<string> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const file = path.join(OUT, `${name}.png`);
  if (clip === undefined) await page.screenshot({ path: file });
  else await clip.screenshot({ path: file });
  return file;
}

describe('triage in the list beside a service', () => {
  it('done: the chat leaves the list, and comes back with its labels when the customer writes again', async () => {
    const { shell, chats } = await openBeside('en');
    const { page } = shell;
    try {
      await select(page, 'en', LONG_LATIN_NAME);
      await page.keyboard.press('e');
      await expect.poll(() => names(page, 'en')).not.toContain(LONG_LATIN_NAME);
      expect(shell.store.getState().customers['chat:ig:long-en']).toMatchObject({ status: 'done', labels: ['preset-new-order'] });
      await expect.poll(() => page.locator('.list-column .toast-text').textContent()).toBe('Marked done');

      // The customer writes again a minute later: the tracker hears it, the conversation is open again.
      shell.clock.advance(MIN);
      const before = chats['ig']?.find((c) => c.id === 'long-en');
      if (before === undefined) throw new Error('no chat');
      await report(shell, 'ig', 1, { ...before, unread: 2, preview: 'Any news on the 40 cartons?', lastActivity: shell.clock.now() });
      await expect.poll(() => names(page, 'en')).toContain(LONG_LATIN_NAME);
      expect(await rowNamed(page, 'en', LONG_LATIN_NAME).getAttribute('class')).toContain('is-unread');

      // On the inbox page its label shows again.
      shell.store.setState({ view: 'inbox' });
      const row = page.getByRole('listbox', { name: 'Chats' }).getByRole('option').filter({ has: page.locator('.inbox-row-name', { hasText: LONG_LATIN_NAME }) });
      await expect.poll(() => row.locator('.label-chip').allTextContents()).toEqual(['New order']);
      expect(shell.errors).toEqual([]);
    } finally {
      await shell.close();
    }
  });

  it('mark unread: bold with a dot until the page reports that chat open', async () => {
    const { shell, chats } = await openBeside('en');
    const { page } = shell;
    try {
      const supplier = rowNamed(page, 'en', 'Guangzhou Textiles Ltd.');
      await select(page, 'en', 'Guangzhou Textiles Ltd.');
      expect(await supplier.getAttribute('class')).not.toContain('is-unread');
      await page.keyboard.press('u');
      await expect.poll(() => supplier.getAttribute('class')).toContain('is-unread');
      expect(await supplier.locator('.inbox-dot').isVisible()).toBe(true);
      expect(await supplier.locator('.inbox-row-name').evaluate((el) => getComputedStyle(el).fontWeight)).toBe('700');

      // Telegram's page shows the chat: the mark ends (the page was not just catching up with an older opening).
      shell.clock.advance(10_000);
      const chat = chats['tg']?.find((c) => c.id === 'supplier');
      if (chat === undefined) throw new Error('no chat');
      await report(shell, 'tg', 1, chat, 'supplier');
      await expect.poll(() => supplier.getAttribute('class')).not.toContain('is-unread');
      expect(shell.store.getState().customers['chat:tg:supplier']).not.toHaveProperty('unreadMark');
      expect(shell.errors).toEqual([]);
    } finally {
      await shell.close();
    }
  });

  it('pin: the chat goes to the top, after the due reminder, with its pin; snooze: its choices by the row, the page hidden meanwhile', async () => {
    const { shell } = await openBeside('en');
    const { page } = shell;
    try {
      await select(page, 'en', 'Guangzhou Textiles Ltd.');
      await page.keyboard.press('p');
      // Layla's reminder is due: she stays first.
      await expect.poll(async () => (await names(page, 'en')).slice(0, 2)).toEqual(['Layla Nasser', 'Guangzhou Textiles Ltd.']);
      const pinned = rowNamed(page, 'en', 'Guangzhou Textiles Ltd.');
      const pin = await pinned.locator('.inbox-row-pin').boundingBox();
      const rowBox = await pinned.boundingBox();
      if (pin === null || rowBox === null) throw new Error('not laid out');
      expect(pin.x).toBeGreaterThanOrEqual(rowBox.x);
      expect(pin.x + pin.width).toBeLessThanOrEqual(rowBox.x + rowBox.width);

      await select(page, 'en', 'Sara Ali');
      await page.keyboard.press('s');
      const menu = page.getByRole('menu', { name: /^Remind me about/u });
      await menu.waitFor();
      await expect.poll(() => shell.viewports.at(-1)).toBeNull();
      const choice = menu.getByRole('menuitem', { name: /^Next week/u });
      await choice.click();
      await expect.poll(() => names(page, 'en')).not.toContain('Sara Ali');
      await expect.poll(() => shell.viewports.at(-1)).not.toBeNull();
      expect(shell.store.getState().customers['chat:fb:sara']?.reminder?.at).toBeGreaterThan(NOW + 6 * 24 * 60 * MIN);
      await column(page, 'en').getByRole('button', { name: 'Snoozed' }).click();
      await expect.poll(() => names(page, 'en')).toContain('Sara Ali');
      expect(shell.errors).toEqual([]);
    } finally {
      await shell.close();
    }
  });

  it('next unread: the customers across platforms, in the order they have waited', async () => {
    const { shell } = await openBeside('en');
    const { page } = shell;
    try {
      const opened = () => shell.commands.flatMap((c) => (c.type === 'service.openChat' ? [`${c.id}/${c.chatId}`] : []));
      const next = page.getByRole('button', { name: 'Next unread chat' });
      await next.click();
      await expect.poll(opened).toEqual(['fb/sara']);
      await expect.poll(() => listOf(page, 'en').locator('[aria-selected="true"] .inbox-row-name').textContent()).toBe('Sara Ali');
      // Main's action (Ctrl/Cmd+J, the tray) moves on the same way.
      await shell.action('next-unread');
      await expect.poll(opened).toEqual(['fb/sara', 'ig/long-en']);
      await next.click();
      await expect.poll(opened).toEqual(['fb/sara', 'ig/long-en', 'wa/long-ar']);
      expect(shell.errors).toEqual([]);
    } finally {
      await shell.close();
    }
  });
});

/** The `n`th (0-based) text main asked any page to type, once it reached the page of `serviceId`. */
async function waitForInsert(shell: ShellHarness, serviceId: string, n: number): Promise<{ requestId: string; text: string }> {
  const sent = () => shell.views.of('send').filter((c) => c.channel === CHANNELS.serviceInsertText);
  await expect.poll(() => sent().length).toBeGreaterThan(n);
  const call = sent()[n];
  expect(call?.id).toBe(serviceId);
  return call?.payload as { requestId: string; text: string };
}

describe('a queue of customers answered from the keyboard', () => {
  it('next unread, a quick reply typed in, done — across Messenger, Instagram and WhatsApp, the list beside all along', async () => {
    const reply = { id: 'r-thanks', name: 'thanks', body: 'Thank you {first_name}, your order ships today.' };
    const { shell, chats } = await openBeside('en', 1280, { quickReplies: [reply] });
    const { page } = shell;
    try {
      const opened = () => shell.commands.flatMap((c) => (c.type === 'service.openChat' ? [`${c.id}/${c.chatId}`] : []));
      const typed = () => shell.commands.flatMap((c) => (c.type === 'service.insertText' ? [c.id] : []));
      const queue = [
        { chat: 'fb/sara', name: 'Sara Ali', first: 'Sara' },
        { chat: 'ig/long-en', name: LONG_LATIN_NAME, first: 'Mohammed' },
        { chat: 'wa/long-ar', name: LONG_ARABIC_NAME, first: 'عبد' },
      ];
      for (const [i, customer] of queue.entries()) {
        // Ctrl/Cmd+J (main's key): the customer who has waited longest opens, their row selected beside the page.
        await shell.action('next-unread');
        await expect.poll(opened).toEqual(queue.slice(0, i + 1).map((c) => c.chat));
        await expect.poll(() => listOf(page, 'en').locator('[aria-selected="true"] .inbox-row-name').textContent()).toBe(customer.name);
        // Its page says the chat is open, as a connector does once it is.
        const [serviceId = '', chatId = ''] = customer.chat.split('/');
        const summary = chats[serviceId]?.find((c) => c.id === chatId);
        if (summary === undefined) throw new Error(`no chat ${customer.chat}`);
        await report(shell, serviceId, 1, summary, chatId);
        // Ctrl/Cmd+Shift+Space (main's key): the palette; Enter types the reply into that chat, never sends it.
        await shell.action('quick-replies');
        const palette = page.getByRole('dialog', { name: 'Quick replies' });
        await palette.waitFor();
        await page.keyboard.type('thanks');
        await page.keyboard.press('Enter');
        await expect.poll(typed).toEqual(queue.slice(0, i + 1).map((c) => c.chat.split('/')[0]));
        // The page types it (test/browser/quick-replies.test.ts shows a real one doing so) and says so.
        const request = await waitForInsert(shell, serviceId, i);
        expect(request.text).toBe(`Thank you ${customer.first}, your order ships today.`);
        shell.controller.insertResult(serviceId, request.requestId, true);
        await palette.waitFor({ state: 'detached' });
        // F6 (main's key) back to the list, E: done, the customer off the list until they write again.
        await shell.action('focus-list');
        await page.keyboard.press('e');
        await expect.poll(() => rowNamed(page, 'en', customer.name).count()).toBe(0);
        expect(await column(page, 'en').isVisible()).toBe(true);
      }
      expect(shell.errors).toEqual([]);
    } finally {
      await shell.close();
    }
  });
});

describe('triage screenshots', () => {
  for (const locale of ['en', 'ar'] as const) {
    it(`${locale}: the list's counts with a pinned and a marked row, and the inbox page's Done view`, async () => {
      const { shell } = await openBeside(locale);
      const { page } = shell;
      const words = WORDS[locale];
      try {
        await select(page, locale, LONG_LATIN_NAME);
        await page.keyboard.press('p');
        await select(page, locale, 'Guangzhou Textiles Ltd.');
        await page.keyboard.press('u');
        await expect.poll(() => rowNamed(page, locale, 'Guangzhou Textiles Ltd.').getAttribute('class')).toContain('is-unread');
        await expect.poll(() => page.locator('.list-column .toast').isVisible()).toBe(true);
        const views = column(page, locale).getByRole('group');
        expect(await views.getByRole('button', { name: words.unread }).locator('.view-count').textContent()).toBe('6');
        // Every chip on the header's lines, inside the column.
        const columnBox = await column(page, locale).boundingBox();
        for (const chip of await views.getByRole('button').all()) {
          const b = await chip.boundingBox();
          if (b === null || columnBox === null) throw new Error('not laid out');
          expect(b.x).toBeGreaterThanOrEqual(columnBox.x);
          expect(b.x + b.width).toBeLessThanOrEqual(columnBox.x + columnBox.width + 0.5);
        }
        await shot(page, `triage-list-${locale}`);
        await shot(page, `triage-list-${locale}-column`, column(page, locale));

        await page.keyboard.press('e');
        shell.store.setState({ view: 'inbox' });
        const chips = page.getByRole('group', { name: locale === 'en' ? 'Show' : 'عرض' });
        await chips.getByRole('button', { name: words.done }).click();
        await expect.poll(() => page.getByRole('listbox').locator('.inbox-row-name').allTextContents()).toEqual(['Guangzhou Textiles Ltd.', 'فاطمة الزهراء']);
        await shot(page, `triage-done-${locale}`);
        expect(shell.errors).toEqual([]);
      } finally {
        await shell.close();
      }
    });
  }
});
