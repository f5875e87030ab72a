/**
 * Screenshots of the shell for review (test-results/screenshots/, not committed) in light and dark, English and
 * Arabic: the service screens, and the demo's unified inbox (`npm run demo`: its profile, and what its fixture pages
 * report when loaded as the demo loads them), with the linked person's menu and the notification tray once
 * customers write; and the window as a shop owner works in it, the chat list beside an open WhatsApp chat. That
 * last one, light and in English, goes to docs/screenshot.png for the README; the service's page in it is drawn by
 * the test (a plain conversation in the page's rectangle), since no real site is reachable here, and the README
 * says so. Each shot first checks that the screen shows what it is meant to.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageNotificationSchema, type Rect, type ServiceUpdate } from '../../common/ipc';
import type { UiLanguage } from '../../common/language';
import type { ChatSummary, ServiceConfig } from '../../common/model';
import { initialRuntime, type AppState, type ServiceRuntime } from '../../common/state';
import { initialState } from '../../main/core/app/app-store';
import { DEMO_PLATFORMS, demoProfile, demoServiceId, type DemoPlatform } from '../../main/core/demo/profile';
import type { AgentNotice } from '../../preload/agent';
import { makeChats } from '../fixtures/platforms/lib/dataset.js';
import { DATASET_NOW } from '../support/agent-page';
import { launchChromium } from '../support/chromium';
import { openDemoPage } from '../support/demo-pages';
import { openShell, type ShellHarness } from '../support/shell-harness';

const OUT = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const DOCS = path.resolve(import.meta.dirname, '../../docs/screenshot.png');
const SIZE = { width: 1200, height: 760 };
/** The README's window: a common laptop screen. */
const LAYOUT_SIZE = { width: 1280, height: 800 };
const LONG_ARABIC_NAME = 'واتساب المتجر الرئيسي — خدمة العملاء والطلبات';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(OUT, { recursive: true });
  mkdirSync(path.dirname(DOCS), { recursive: true });
});

afterAll(async () => {
  await browser.close();
});

function account(id: string, platform: ServiceConfig['platform'], name: string, extra: Partial<ServiceConfig> = {}): ServiceConfig {
  return { id, platform, name, enabled: true, muted: false, callsAllowed: false, ...extra };
}

function running(status: ServiceRuntime['status'], unread: number): ServiceRuntime {
  return { ...initialRuntime(true), status, unread, titleUnread: unread, connected: true };
}

/** Five accounts: badges 27, 150, 0, 1 (muted), one signed out, one turned off, one very long Arabic name. */
function demo(): Partial<AppState> {
  return {
    services: [
      account('s1', 'whatsapp', 'WhatsApp'),
      account('s2', 'whatsapp', LONG_ARABIC_NAME),
      account('s3', 'messenger', 'Messenger'),
      account('s4', 'instagram', 'Instagram', { muted: true }),
      account('s5', 'telegram', 'Telegram', { enabled: false }),
    ],
    activeServiceId: 's1',
    runtime: {
      s1: running('ready', 27),
      s2: running('ready', 150),
      s3: running('logged-out', 0),
      s4: running('ready', 1),
      s5: initialRuntime(false),
    },
  };
}

const MIN = 60_000;

/**
 * The moment the inbox shots show: four minutes after the newest message of the demo's pages (their dataset's
 * "now", where their chats are dated from). Main's clock and the page's agree on it.
 */
const INBOX_NOW = DATASET_NOW + 4 * MIN;

/** The first customer the demo's shop knows, linked as one person on all four services, and another customer. */
const AHMED = makeChats()[0];
const LAYLA = makeChats()[6];

/** Customers who write once the demo is up (the fixture's scripted message, raising the page's notification). */
const MESSAGES: readonly { platform: DemoPlatform; chatId: string; text: string }[] = [
  { platform: 'whatsapp', chatId: AHMED?.id ?? '', text: 'Is the blue dress still available in size M?' },
  { platform: 'instagram', chatId: AHMED?.id ?? '', text: 'Sent you the photo 📷' },
  { platform: 'whatsapp', chatId: LAYLA?.id ?? '', text: 'Paid ✅ Please send it today' },
];

/** What one demo service's page reported: where it loaded, its agent's updates then, and what came with the messages. */
interface DemoFeed {
  platform: DemoPlatform;
  url: string;
  loaded: ServiceUpdate[];
  arrived: { updates: ServiceUpdate[]; notices: AgentNotice[] };
}

/** The chats a feed's updates leave main with when the page has loaded: a full update replaces, the others merge. */
function loadedChats(feed: DemoFeed): Map<string, ChatSummary> {
  const chats = new Map<string, ChatSummary>();
  for (const update of feed.loaded) {
    if (update.reset) chats.clear();
    for (const chat of update.upsert) chats.set(chat.id, chat);
    for (const id of update.remove) chats.delete(id);
  }
  return chats;
}

/** How a sidebar badge shows a count. */
const badge = (count: number): string => (count > 99 ? '99+' : String(count));

/** Polls until `done`, for what a page sends on its own time. */
async function until(done: () => boolean, what: string): Promise<void> {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > 15_000) throw new Error(`waited for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * What the demo's services report (`npm run demo`): each demo platform's start page, every request answered by the
 * demo's own handler, read by its connector and reported by the agent as in the app (test/support/demo-pages.ts);
 * then the customers of MESSAGES write, and their pages notify.
 */
async function readDemoPages(): Promise<DemoFeed[]> {
  const feeds: DemoFeed[] = [];
  for (const platform of DEMO_PLATFORMS) {
    const page = await openDemoPage(browser, platform);
    try {
      const loaded = [...(await page.waitForUpdates(1, 15_000))];
      const messages = MESSAGES.filter((m) => m.platform === platform);
      for (const [i, message] of messages.entries()) {
        await page.step('message', message.chatId, message.text);
        await until(() => page.notices.length > i && page.updates.length > loaded.length + i, `${platform}'s message ${i + 1}`);
      }
      feeds.push({ platform, url: page.page.url(), loaded, arrived: { updates: page.updates.slice(loaded.length), notices: [...page.notices] } });
    } finally {
      await page.close();
    }
  }
  return feeds;
}

/** The demo's state as main starts it (main/index.ts): the demo's profile in `language`, marked as the demo. */
function demoState(language: UiLanguage): AppState {
  return initialState(demoProfile(language), { notifications: [], notices: [], os: 'linux', packaged: false, demo: true });
}

/** What main hears from the demo's pages, as in the demo: each page loads and its agent's updates reach main. */
async function showDemo(shell: ShellHarness, feeds: readonly DemoFeed[]): Promise<void> {
  for (const feed of feeds) {
    shell.controller.viewEvent(demoServiceId(feed.platform), { type: 'loaded', url: feed.url });
    for (const update of feed.loaded) expect(shell.controller.serviceUpdate(demoServiceId(feed.platform), update)).toBe(true);
  }
  await shell.settled();
}

/** Then the customers' messages: the agents' updates and the pages' notifications, checked as main checks them. */
async function customersWrite(shell: ShellHarness, feeds: readonly DemoFeed[]): Promise<void> {
  for (const feed of feeds) {
    for (const update of feed.arrived.updates) expect(shell.controller.serviceUpdate(demoServiceId(feed.platform), update)).toBe(true);
    for (const notice of feed.arrived.notices) shell.notifications.receive(demoServiceId(feed.platform), pageNotificationSchema.parse(notice));
  }
  await shell.settled();
}

async function shot(page: Page, name: string, also?: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
  if (also !== undefined) await page.screenshot({ path: also });
}

/** A close-up of the sidebar and the toolbar, where badges and names are small. */
async function closeUp(page: Page, name: string, rtl = false): Promise<void> {
  const width = 520;
  await page.screenshot({
    path: path.join(OUT, `${name}.png`),
    clip: { x: rtl ? SIZE.width - width : 0, y: 0, width, height: 400 },
  });
}

const strip = (text: string | null) => (text ?? '').replace(/[\u2066-\u2069]/gu, '');

async function closeDialog(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

describe('inbox screenshots', () => {
  let feeds: DemoFeed[];
  beforeAll(async () => {
    feeds = await readDemoPages();
  });

  const person = demoProfile('en').people[0];
  const linked = () => feeds.flatMap((feed) => person?.chats.filter((ref) => ref.serviceId === demoServiceId(feed.platform)).map((ref) => loadedChats(feed).get(ref.chatId)) ?? []);
  /** How many chats the demo's pages listed, all services together: the inbox's rows, the linked person's as one. */
  const listed = () => feeds.reduce((n, feed) => n + loadedChats(feed).size, 0) - linked().length + 1;
  /** The sidebar's badges: the inbox's (every service's unread added), then each service's, as the pages count them. */
  const badges = () => {
    const unread = feeds.map((feed) => feed.loaded.at(-1)?.unread.direct ?? 0);
    return [unread.reduce((a, b) => a + b, 0), ...unread].map(badge);
  };

  for (const scheme of ['light', 'dark'] as const) {
    it(`the demo's inbox, a merged person's menu and the tray, ${scheme}`, async () => {
      const shell = await openShell(browser, { state: demoState('en'), colorScheme: scheme, viewport: SIZE, deviceScaleFactor: 2, now: INBOX_NOW, mainNow: INBOX_NOW });
      const { page } = shell;
      // Nothing the demo shows makes the shell itself ask anything of another site.
      const elsewhere: string[] = [];
      const own = new URL(page.url()).origin;
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.origin !== own && url.protocol !== 'data:') elsewhere.push(request.url());
      });
      try {
        await showDemo(shell, feeds);
        await page.getByRole('note').filter({ hasText: 'Demo — sample data, nothing is sent' }).waitFor();
        const list = page.getByRole('listbox', { name: 'Chats' });
        // The linked person is one row: on every service, with the unread of all the chats linked.
        expect(linked().every((chat) => chat?.title === AHMED?.cleanName)).toBe(true);
        const unread = linked().reduce((n, chat) => n + (chat?.unread ?? 0), 0);
        const ahmed = list.getByRole('option', { name: new RegExp(`^${AHMED?.cleanName}, WhatsApp, Telegram, Instagram, and Messenger, ${unread} unread`, 'u') });
        await ahmed.waitFor();
        expect(await ahmed.getAttribute('aria-posinset')).toBe('1');
        expect(await ahmed.getAttribute('aria-setsize')).toBe(String(listed()));
        expect(await ahmed.textContent()).toContain('New order');
        expect(await page.getByText(/ is signed out/u).count()).toBe(0);
        await expect.poll(() => page.getByRole('button', { name: 'Same person' }).count()).toBeGreaterThan(0);
        expect(await page.locator('.badge').allTextContents()).toEqual(badges());
        await shot(page, `inbox-${scheme}`);

        await ahmed.click({ button: 'right' });
        await page.getByRole('menu').waitFor();
        await shot(page, `inbox-menu-${scheme}`);
        await page.getByRole('menuitem', { name: 'Link with…' }).click();
        const picker = page.getByRole('dialog');
        await picker.getByRole('combobox').fill(LAYLA?.phone ?? '');
        await expect.poll(() => picker.getByRole('option').count()).toBe(1);
        expect(await picker.getByRole('option').textContent()).toContain(LAYLA?.cleanName);
        await shot(page, `inbox-link-${scheme}`);
        await closeDialog(page);

        await customersWrite(shell, feeds);
        await expect.poll(() => shell.store.getState().notifications.length).toBe(MESSAGES.length);
        await page.getByRole('button', { name: /^Notifications/u }).click();
        const tray = page.getByRole('dialog', { name: 'Notifications' });
        await tray.waitFor();
        for (const message of MESSAGES) await tray.getByText(message.text).waitFor();
        await shot(page, `tray-${scheme}`);
        expect(elsewhere).toEqual([]);
        expect(shell.errors).toEqual([]);
      } finally {
        await shell.close();
      }
    });

    it(`the demo's inbox in Arabic, ${scheme}`, async () => {
      const shell = await openShell(browser, { state: demoState('ar'), colorScheme: scheme, viewport: SIZE, locale: 'ar', deviceScaleFactor: 2, now: INBOX_NOW, mainNow: INBOX_NOW });
      const { page } = shell;
      try {
        await showDemo(shell, feeds);
        const ahmed = page.getByRole('listbox', { name: 'المحادثات' }).getByRole('option').first();
        await expect.poll(() => ahmed.getAttribute('aria-setsize')).toBe(String(listed()));
        expect(await ahmed.textContent()).toContain(AHMED?.cleanName);
        expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
        await page.getByRole('tab', { name: 'المتجر' }).waitFor();
        await shot(page, `inbox-ar-${scheme}`);
        await customersWrite(shell, feeds);
        await page.getByRole('button', { name: /^الإشعارات/u }).click();
        const tray = page.getByRole('dialog', { name: 'الإشعارات' });
        await tray.waitFor();
        for (const message of MESSAGES) await tray.getByText(message.text).waitFor();
        await shot(page, `tray-ar-${scheme}`);
        expect(shell.errors).toEqual([]);
      } finally {
        await shell.close();
      }
    });
  }
});

/**
 * Stands in for the service's own page, which Electron draws in the rectangle the shell leaves for it: a plain
 * conversation with the customer (their message, the shop's answer being typed), in the page's rectangle.
 */
async function drawConversation(page: Page, rect: Rect, chat: { name: string; platform: string; incoming: string; typing: string; dark: boolean }): Promise<void> {
  await page.evaluate(
    ({ rect, chat }) => {
      const ink = chat.dark ? '#e8eaed' : '#1f2328';
      const paper = chat.dark ? '#0f1417' : '#efeae2';
      const bar = chat.dark ? '#1f2a30' : '#f0f2f5';
      const theirs = chat.dark ? '#202c33' : '#ffffff';
      const mine = chat.dark ? '#005c4b' : '#d9fdd3';
      const el = (tag: string, style: string, text = '') => {
        const node = document.createElement(tag);
        node.style.cssText = style;
        node.textContent = text;
        return node;
      };
      const frame = el('div', `position:fixed;left:${rect.x}px;top:${rect.y}px;width:${rect.width}px;height:${rect.height}px;display:flex;flex-direction:column;background:${paper};color:${ink};font:14px system-ui,sans-serif;z-index:10`);
      frame.dataset['testid'] = 'drawn-page';
      const header = el('div', `display:flex;align-items:center;gap:10px;padding:10px 16px;background:${bar}`);
      header.append(el('div', 'width:36px;height:36px;border-radius:50%;background:#25d366;color:#fff;display:grid;place-items:center;font-weight:600', chat.name.slice(0, 1)));
      const who = el('div', 'display:flex;flex-direction:column');
      who.append(el('strong', '', chat.name), el('span', 'opacity:.7;font-size:12px', chat.platform));
      header.append(who);
      const messages = el('div', 'flex:1;display:flex;flex-direction:column;justify-content:flex-end;gap:6px;padding:16px 24px');
      const bubble = (text: string, own: boolean) => {
        const node = el('div', `max-width:65%;align-self:${own ? 'flex-end' : 'flex-start'};background:${own ? mine : theirs};padding:6px 10px;border-radius:8px;box-shadow:0 1px .5px rgba(0,0,0,.13)`, text);
        node.dir = 'auto';
        return node;
      };
      messages.append(bubble(chat.incoming, false));
      const composer = el('div', `display:flex;align-items:center;padding:10px 16px;background:${bar}`);
      composer.append(el('div', `flex:1;background:${theirs};border-radius:8px;padding:9px 12px`, chat.typing));
      frame.append(header, messages, composer);
      document.body.append(frame);
    },
    { rect, chat },
  );
}

describe('the layout: the chat list beside an open chat', () => {
  let feeds: DemoFeed[];
  beforeAll(async () => {
    feeds = await readDemoPages();
  });

  const whatsapp = demoServiceId('whatsapp');
  const incoming = MESSAGES.find((m) => m.platform === 'whatsapp' && m.chatId === AHMED?.id)?.text ?? '';

  for (const scheme of ['light', 'dark'] as const) {
    for (const locale of ['en', 'ar'] as const) {
      it(`${locale}, ${scheme}: the customer's chat open, the list kept beside it, their row selected`, async () => {
        const state = { ...demoState(locale), activeServiceId: whatsapp, view: 'service' as const };
        const shell = await openShell(browser, { state, colorScheme: scheme, viewport: LAYOUT_SIZE, locale, deviceScaleFactor: 2, now: INBOX_NOW, mainNow: INBOX_NOW });
        const { page } = shell;
        try {
          await showDemo(shell, feeds);
          await customersWrite(shell, feeds);
          const column = page.getByRole('complementary', { name: locale === 'en' ? 'Chats' : 'المحادثات' });
          const ahmed = column.getByRole('option').filter({ hasText: AHMED?.cleanName ?? '' });
          await ahmed.click();
          await expect.poll(() => shell.commands.filter((c) => c.type === 'service.openChat').length).toBe(1);
          expect(await ahmed.getAttribute('aria-selected')).toBe('true');
          const rect = shell.viewports.at(-1);
          if (rect === null || rect === undefined) throw new Error('no rectangle sent for the page');
          const list = await column.boundingBox();
          if (list === null) throw new Error('the list is not on screen');
          // The page's rectangle is beside the list, never under it.
          if (locale === 'ar') expect(rect.x + rect.width).toBeLessThanOrEqual(Math.round(list.x));
          else expect(rect.x).toBeGreaterThanOrEqual(Math.round(list.x + list.width));
          await drawConversation(page, rect, {
            name: AHMED?.cleanName ?? '',
            platform: 'WhatsApp',
            incoming,
            typing: locale === 'en' ? 'Yes, size M is in stock — shall I reserve it?' : 'نعم، المقاس M متوفر — هل أحجزه لك؟',
            dark: scheme === 'dark',
          });
          await shot(page, `layout-${locale}-${scheme}`, locale === 'en' && scheme === 'light' ? DOCS : undefined);
          expect(shell.errors).toEqual([]);
        } finally {
          await shell.close();
        }
      });
    }
  }
});

describe('screenshots', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`English, ${scheme}`, async () => {
      const shell: ShellHarness = await openShell(browser, { state: demo(), colorScheme: scheme, viewport: SIZE, deviceScaleFactor: 2 });
      const { page } = shell;
      try {
        expect(await page.getByRole('tab').count()).toBe(5);
        // The Inbox item adds the services' counts (not the muted one's): 27 + 150.
        expect(await page.locator('.badge').allTextContents()).toEqual(['99+', '27', '99+', '1']);
        await shot(page, `main-${scheme}`);
        await closeUp(page, `sidebar-${scheme}`);

        await page.getByRole('tab', { name: LONG_ARABIC_NAME }).click({ button: 'right' });
        await page.getByRole('menu').waitFor();
        await shot(page, `menu-${scheme}`);
        await page.keyboard.press('Escape');

        await page.getByRole('button', { name: 'Add a service' }).click();
        await page.getByRole('dialog', { name: 'Add a service' }).waitFor();
        await shot(page, `add-dialog-${scheme}`);

        await page.getByRole('button', { name: /^Other messenger/u }).click();
        await page.getByRole('textbox', { name: 'Web address' }).fill('http://chat.example.com');
        await page.getByText('Only secure (https://) addresses can be added.').waitFor();
        await shot(page, `custom-url-error-${scheme}`);
        await closeDialog(page);

        await shell.setRuntime('s1', { status: 'crashed', retryAt: shell.clock.now() + 8_000, failures: 1, lastError: 'oom' });
        await page.getByRole('button', { name: 'Reload now' }).waitFor();
        await shot(page, `crashed-${scheme}`);

        await shell.setRuntime('s1', { status: 'offline', retryAt: shell.clock.now() + 30_000, lastError: 'net::ERR_INTERNET_DISCONNECTED' });
        await page.getByRole('button', { name: 'Try now' }).waitFor();
        await shot(page, `offline-${scheme}`);

        await page.getByRole('tab', { name: 'Telegram' }).click();
        await page.getByRole('button', { name: 'Turn on' }).waitFor();
        await shot(page, `off-${scheme}`);

        await page.getByRole('button', { name: 'Settings' }).click();
        await page.getByRole('dialog', { name: 'Settings' }).waitFor();
        await shot(page, `settings-${scheme}`);
        await closeDialog(page);

        shell.store.setState({
          services: [],
          runtime: {},
          activeServiceId: null,
          notices: [{ id: 'n1', at: 1, kind: 'settings-reset', backupPath: '/home/amal/.config/Wasl/config.json.bak', reason: 'bad json' }],
        });
        await shell.settled();
        await page.getByRole('heading', { name: 'Welcome to Wasl' }).waitFor();
        expect(strip(await page.getByRole('region', { name: 'Notices' }).textContent())).toContain(
          'The old file was kept at /home/amal/.config/Wasl/config.json.bak.',
        );
        await shot(page, `empty-${scheme}`);
        expect(shell.errors).toEqual([]);
      } finally {
        await shell.close();
      }
    });

    it(`Arabic, ${scheme}`, async () => {
      const shell = await openShell(browser, { state: demo(), colorScheme: scheme, viewport: SIZE, locale: 'ar', deviceScaleFactor: 2 });
      const { page } = shell;
      try {
        expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
        const nav = await page.getByRole('navigation').boundingBox();
        expect(nav?.x).toBeGreaterThan(SIZE.width / 2);
        await shot(page, `main-ar-${scheme}`);
        await closeUp(page, `sidebar-ar-${scheme}`, true);

        await page.getByRole('button', { name: 'إضافة خدمة' }).click();
        await page.getByRole('dialog', { name: 'إضافة خدمة' }).waitFor();
        await shot(page, `add-dialog-ar-${scheme}`);
        await closeDialog(page);

        await page.getByRole('tab', { name: 'Messenger' }).click({ button: 'right' });
        await page.getByRole('menu').waitFor();
        await shot(page, `menu-ar-${scheme}`);
      } finally {
        await shell.close();
      }
    });
  }
});
