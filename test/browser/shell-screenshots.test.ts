/**
 * Screenshots of the shell for review (test-results/screenshots/, not committed) in light and dark, English and
 * Arabic: the service screens, and the unified inbox (a merged person's menu, the notification tray). The light
 * English inbox also goes to docs/screenshot.png for the README. Each shot first checks that the screen shows
 * what it is meant to.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatSummary, NotificationRecord, ServiceConfig } from '../../common/model';
import { initialRuntime, type AppState, type ServiceRuntime } from '../../common/state';
import { launchChromium } from '../support/chromium';
import { openShell, type ShellHarness } from '../support/shell-harness';

const OUT = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const DOCS = path.resolve(import.meta.dirname, '../../docs/screenshot.png');
const SIZE = { width: 1200, height: 760 };
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

/** Saturday 21 November 2026, 14:20 (the page's clock is frozen there, so "5 min" stays 5 minutes). */
const NOW = new Date(2026, 10, 21, 14, 20).getTime();
const MIN = 60_000;
const at = (hours: number, minutes: number, daysAgo = 0) => {
  const d = new Date(NOW);
  d.setDate(d.getDate() - daysAgo);
  d.setHours(hours, minutes, 0, 0);
  return d.getTime();
};
const AVATAR = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#f6d365"/><stop offset="1" stop-color="#fda085"/></linearGradient></defs><rect width="64" height="64" fill="url(#g)"/><circle cx="32" cy="26" r="11" fill="#fff" opacity=".9"/><path d="M12 58a20 20 0 0 1 40 0z" fill="#fff" opacity=".9"/></svg>',
)}`;
const LONG_NAME = 'Mohammed Abdulrahman Al-Harbi — wholesale orders (Riyadh branch)';

/**
 * A shop owner's inbox: two WhatsApp accounts, Instagram, Telegram, and Messenger signed out. Ahmed is one person
 * on three platforms (linked on WhatsApp and Instagram, the same number on Telegram); فاطمة on WhatsApp and فاطمه
 * on Instagram look alike (a suggestion). Unread counts 0, 1, 27 and 150; Arabic and Latin names, a long one.
 */
function inboxDemo(): { state: Partial<AppState>; chats: Record<string, ChatSummary[]> } {
  const services = [
    account('wa', 'whatsapp', 'Shop'),
    account('ig', 'instagram', 'Instagram'),
    account('tg', 'telegram', 'Telegram'),
    account('fb', 'messenger', 'Messenger'),
    account('wa2', 'whatsapp', 'Personal'),
  ];
  const chats: Record<string, ChatSummary[]> = {
    wa: [
      { id: 'ahmed', title: 'Ahmed Hassan', phone: '+966501234567', preview: 'Is the blue dress still available in size M?', lastActivity: NOW - 2 * MIN, unread: 2 },
      { id: 'fatima', title: 'فاطمة الزهراء', preview: 'شكرًا، وصل الطلب اليوم', lastActivity: at(9, 30), unread: 0 },
      { id: 'long', title: LONG_NAME, preview: 'Please send the invoice for the last 40 cartons and the delivery schedule for next week', lastActivity: NOW - 47 * MIN, unread: 150, avatarUrl: AVATAR },
      { id: 'group', title: 'عائلة العتيبي', kind: 'group', preview: 'خالد: نلتقي عند الساعة السابعة', lastActivity: at(20, 15, 1), unread: 0, muted: true },
    ],
    ig: [
      { id: 'ahmed.h', title: 'ahmed.hassan', preview: 'Sent you the photo', lastActivity: at(11, 2), unread: 1 },
      { id: 'fatma', title: 'فاطمه الزهراء', preview: 'هل يوجد توصيل إلى جدة؟', lastActivity: at(13, 5), unread: 1 },
      { id: 'jose', title: 'José Álvarez', preview: '¿Tienen envío internacional?', lastActivity: at(10, 40, 3), unread: 0 },
    ],
    tg: [
      { id: '777', title: '+966 50 123 4567', phone: '+966501234567', preview: 'Voice message (0:42)', lastActivity: at(8, 15), unread: 0 },
      { id: 'supplier', title: 'Guangzhou Textiles Ltd.', preview: 'Shipment left the port this morning', lastActivity: at(16, 0, 2), unread: 27 },
    ],
    wa2: [{ id: 'mum', title: 'أمي', preview: 'لا تنسَ العشاء مساء الجمعة', lastActivity: at(18, 45, 12), unread: 0 }],
  };
  const runtime: Record<string, ServiceRuntime> = {
    wa: running('ready', 152),
    ig: running('ready', 2),
    tg: running('ready', 27),
    fb: running('logged-out', 0),
    wa2: running('ready', 0),
  };
  const notifications: NotificationRecord[] = [
    { id: 'n1', serviceId: 'tg', title: 'Guangzhou Textiles Ltd.', body: 'Shipment left the port this morning', chatId: 'supplier', at: at(16, 0, 2), read: true },
    { id: 'n2', serviceId: 'wa', title: 'Ahmed Hassan', body: 'Good morning! Do you open at 10?', chatId: 'ahmed', at: at(8, 2), read: true },
    { id: 'n3', serviceId: 'ig', title: 'ahmed.hassan', body: 'Sent you the photo', chatId: 'ahmed.h', at: at(11, 2), read: false },
    { id: 'n4', serviceId: 'ig', title: 'فاطمه الزهراء', body: 'هل يوجد توصيل إلى جدة؟', chatId: 'fatma', at: at(13, 5), read: false },
    { id: 'n5', serviceId: 'tg', title: 'Telegram', body: 'New login from Chrome on Windows', at: at(13, 40), read: false },
    { id: 'n6', serviceId: 'wa', title: 'Ahmed Hassan', body: 'Hello?', chatId: 'ahmed', at: NOW - 4 * MIN, read: false },
    { id: 'n7', serviceId: 'wa', title: 'Ahmed Hassan', body: 'Is the blue dress still available in size M?', chatId: 'ahmed', at: NOW - 2 * MIN, read: false },
  ];
  return {
    state: {
      services,
      runtime,
      activeServiceId: 'wa',
      view: 'inbox',
      people: [{ id: 'p-ahmed', chats: [{ serviceId: 'wa', chatId: 'ahmed' }, { serviceId: 'ig', chatId: 'ahmed.h' }] }],
      notifications,
    },
    chats,
  };
}

/** Each service's connector reports its chats, as main receives them. */
async function report(shell: ShellHarness, chats: Record<string, ChatSummary[]>): Promise<void> {
  for (const [id, list] of Object.entries(chats)) {
    const unread = list.reduce((n, c) => n + c.unread, 0);
    shell.controller.serviceUpdate(id, { seq: 0, reset: true, loggedIn: true, unread: { direct: unread, indirect: 0 }, upsert: list, remove: [] });
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
  for (const scheme of ['light', 'dark'] as const) {
    it(`the inbox, a merged person's menu and the tray, ${scheme}`, async () => {
      const demo = inboxDemo();
      const shell = await openShell(browser, { state: demo.state, colorScheme: scheme, viewport: SIZE, deviceScaleFactor: 2, now: NOW });
      const { page } = shell;
      try {
        await report(shell, demo.chats);
        const list = page.getByRole('listbox', { name: 'Chats' });
        await expect.poll(() => list.getByRole('option').count()).toBe(8);
        const ahmed = list.getByRole('option', { name: /^Ahmed Hassan, WhatsApp \(Shop\), Instagram, and Telegram, 3 unread/u });
        await ahmed.waitFor();
        await page.getByText(/Messenger\W* is signed out/u).waitFor();
        await page.getByRole('button', { name: 'Same person' }).waitFor();
        await shot(page, `inbox-${scheme}`, scheme === 'light' ? DOCS : undefined);

        await ahmed.click({ button: 'right' });
        await page.getByRole('menu').waitFor();
        await shot(page, `inbox-menu-${scheme}`);
        await page.getByRole('menuitem', { name: 'Link with…' }).click();
        const picker = page.getByRole('dialog');
        await picker.getByRole('combobox').fill('فاطم');
        await expect.poll(() => picker.getByRole('option').count()).toBe(2);
        await shot(page, `inbox-link-${scheme}`);
        await closeDialog(page);

        await page.getByRole('button', { name: 'Notifications' }).click();
        const tray = page.getByRole('dialog', { name: 'Notifications' });
        await tray.waitFor();
        await shot(page, `tray-${scheme}`);
        expect(shell.errors).toEqual([]);
      } finally {
        await shell.close();
      }
    });

    it(`the inbox in Arabic, ${scheme}`, async () => {
      const demo = inboxDemo();
      const shell = await openShell(browser, { state: demo.state, colorScheme: scheme, viewport: SIZE, locale: 'ar', deviceScaleFactor: 2, now: NOW });
      const { page } = shell;
      try {
        await report(shell, demo.chats);
        await expect.poll(() => page.getByRole('listbox', { name: 'المحادثات' }).getByRole('option').count()).toBe(8);
        expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
        await shot(page, `inbox-ar-${scheme}`);
        await page.getByRole('button', { name: 'الإشعارات' }).click();
        await page.getByRole('dialog', { name: 'الإشعارات' }).waitFor();
        await shot(page, `tray-ar-${scheme}`);
        expect(shell.errors).toEqual([]);
      } finally {
        await shell.close();
      }
    });
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
