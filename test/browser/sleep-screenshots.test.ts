/**
 * Screenshots for review (test-results/screenshots/) of the resources screen's sleep section and each service's
 * policy now (issue 21), on the shell harness with main's real scheduler: the shop open 09:00–21:00, a customer
 * who wrote this morning on WhatsApp (open hours), one waiting for an answer on Instagram (customer waiting), and
 * Telegram's groups (default); in English (light) and Arabic (dark). Each shot first checks the reasons shown, and
 * in Arabic that the section reads right to left.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatKey } from '../../common/inbox';
import type { ChatSummary, ServiceConfig } from '../../common/model';
import { DEFAULT_SETTINGS } from '../../common/settings';
import { initialRuntime, type AppState } from '../../common/state';
import { DEMAND_DELAY_MS } from '../../main/core/power/power';
import { launchChromium } from '../support/chromium';
import { openShell } from '../support/shell-harness';

const OUT = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const SIZE = { width: 1200, height: 1000 };
const NOW = new Date(2026, 2, 3, 10, 20).getTime();
const HOUR = 3_600_000;

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(OUT, { recursive: true });
});

afterAll(async () => {
  await browser.close();
});

function account(id: string, platform: ServiceConfig['platform'], name: string, extra: Partial<ServiceConfig> = {}): ServiceConfig {
  return { id, platform, name, enabled: true, muted: false, callsAllowed: false, alwaysOn: true, ...extra };
}

function shop(language: 'en' | 'ar'): Partial<AppState> {
  return {
    services: [account('wa', 'whatsapp', 'Shop WhatsApp'), account('ig', 'instagram', 'Instagram'), account('tg', 'telegram', 'Telegram groups')],
    activeServiceId: 'wa',
    runtime: { wa: { ...initialRuntime(true), status: 'ready' }, ig: { ...initialRuntime(true), status: 'ready' }, tg: { ...initialRuntime(true), status: 'ready' } },
    view: 'inbox',
    settings: {
      ...DEFAULT_SETTINGS,
      language,
      shop: { ...DEFAULT_SETTINGS.shop, hoursEnabled: true },
      power: { openHours: 'auto', budgetMB: 2048 },
    },
  };
}

const CHATS: Record<string, ChatSummary[]> = {
  wa: [{ id: 'c1', title: 'Amal', unread: 0, kind: 'direct', lastActivity: NOW - HOUR }],
  ig: [{ id: 'c2', title: 'Huda', unread: 1, kind: 'direct', lastActivity: NOW - 0.5 * HOUR }],
  tg: [{ id: 'g1', title: 'Suppliers', unread: 4, kind: 'group', lastActivity: NOW - 0.2 * HOUR }],
};

const TEXT = {
  en: { dialog: 'Resources', section: 'Sleep in business hours and memory', reasons: ['open hours', 'customer waiting', 'default'] },
  ar: { dialog: 'الموارد', section: 'السكون في ساعات العمل والذاكرة', reasons: ['ساعات العمل', 'عميل ينتظر', 'الإعداد الافتراضي'] },
} as const;

describe('sleep screenshots', () => {
  for (const [locale, scheme] of [['en', 'light'], ['ar', 'dark']] as const) {
    it(`the resources screen's sleep section and policies, ${locale}, ${scheme}`, async () => {
      const text = TEXT[locale];
      // Amal wrote this morning and was answered; always on keeps the pages loaded while the shot is taken.
      const activity = { chats: { [chatKey('wa', 'c1')]: { first: NOW - 48 * HOUR, lastIn: NOW - 2 * HOUR, lastOut: NOW - HOUR, seen: NOW - HOUR, unread: 0 } }, days: {} };
      const shell = await openShell(browser, { state: shop(locale), activity, colorScheme: scheme, viewport: SIZE, locale, deviceScaleFactor: 2, now: NOW, mainNow: NOW });
      const { page } = shell;
      try {
        for (const [id, chats] of Object.entries(CHATS)) {
          shell.controller.viewEvent(id, { type: 'loaded', url: 'https://example.com/' });
          shell.controller.serviceUpdate(id, { seq: 0, reset: true, loggedIn: true, unread: { direct: 0, indirect: 0 }, upsert: chats, remove: [] });
        }
        shell.clock.advance(DEMAND_DELAY_MS);
        shell.store.setState({ services: shell.store.getState().services.map((s) => ({ ...s, alwaysOn: false })) });
        await page.getByRole('tab', { name: 'Shop WhatsApp' }).click({ button: 'right' });
        await page.getByRole('menuitem', { name: locale === 'en' ? 'Resources…' : 'الموارد…' }).click();
        const dialog = page.getByRole('dialog', { name: text.dialog });
        const reasons = dialog.locator('.resources-reason');
        await expect.poll(() => reasons.allTextContents(), { timeout: 10_000 }).toEqual([...text.reasons]);
        const section = dialog.getByRole('region', { name: text.section });
        if (locale === 'ar') {
          expect(await section.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
          const [heading, box] = await Promise.all([section.getByRole('heading').boundingBox(), section.boundingBox()]);
          if (!heading || !box) throw new Error('the section is not laid out');
          expect(box.x + box.width - (heading.x + heading.width)).toBeLessThan(4);
        }
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        await dialog.locator('.resources-table').screenshot({ path: path.join(OUT, `resources-policies-${locale}-${scheme}.png`) });
        await section.scrollIntoViewIfNeeded();
        await section.screenshot({ path: path.join(OUT, `resources-sleep-${locale}-${scheme}.png`) });
        expect(shell.errors).toEqual([]);
      } finally {
        await shell.close();
      }
    });
  }
});
