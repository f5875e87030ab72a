/**
 * The shop report in real Chromium, main's activity tracker answering from a month of a shop's counts on four
 * platforms: screenshots for review (test-results/screenshots/) in light and dark, English and Arabic — the month
 * of conversations, the table below it, three months of messages, a week, and a shop with nothing counted yet.
 * Each shot first checks that the screen shows what it is meant to.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformId, ServiceConfig } from '../../common/model';
import { dayKey, type DailyStats } from '../../common/shop/stats';
import type { AppState } from '../../common/state';
import { launchChromium } from '../support/chromium';
import { openShell, type ShellHarness } from '../support/shell-harness';

const OUT = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const SIZE = { width: 1200, height: 760 };
/** Saturday 21 November 2026, 18:40. */
const NOW = new Date(2026, 10, 21, 18, 40).getTime();
const MIN = 60_000;

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(OUT, { recursive: true });
});

afterAll(async () => {
  await browser.close();
});

function account(id: string, platform: PlatformId, name: string): ServiceConfig {
  return { id, platform, name, enabled: true, muted: false, callsAllowed: false };
}

const STATE: Partial<AppState> = {
  services: [account('s1', 'whatsapp', 'WhatsApp'), account('s2', 'instagram', 'Instagram'), account('s3', 'messenger', 'Messenger'), account('s4', 'telegram', 'Telegram')],
  activeServiceId: 's1',
};

/** A small deterministic noise source, so the month looks lived-in and is the same at every run. */
function noise(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/**
 * 30 days of a shop that sells mostly on WhatsApp and Instagram: busier Thursdays and Saturdays, closed on
 * Fridays (a few stray messages), a sale 9 days ago, and today counted up to 18:40.
 */
function month(): DailyStats {
  const random = noise(7);
  const base: Record<'whatsapp' | 'instagram' | 'messenger' | 'telegram', number> = { whatsapp: 22, instagram: 11, messenger: 5, telegram: 3 };
  const days: DailyStats = {};
  for (let ago = 29; ago >= 0; ago -= 1) {
    const date = new Date(2026, 10, 21 - ago, 12);
    const weekday = date.getDay();
    let factor = weekday === 4 || weekday === 6 ? 1.35 : 1;
    if (weekday === 5) factor = 0.12;
    if (ago === 9) factor = 2.2;
    if (ago === 0) factor = 0.75;
    const day: DailyStats[string] = {};
    for (const [platform, mean] of Object.entries(base) as [keyof typeof base, number][]) {
      const conversations = Math.round(mean * factor * (0.7 + random() * 0.6));
      if (conversations === 0) continue;
      const messagesIn = Math.round(conversations * (3 + random() * 2));
      const replies = Array.from({ length: Math.round(conversations * 0.8) }, () => Math.round((2 + random() * (platform === 'messenger' ? 90 : 25)) * MIN));
      day[platform] = {
        chats: Array.from({ length: conversations }, (_, i) => `${platform}:${i}`),
        messagesIn,
        messagesOut: Math.round(messagesIn * (0.6 + random() * 0.3)),
        replies,
      };
    }
    days[dayKey(date.getTime())] = day;
  }
  return days;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
}

async function openReport(scheme: 'light' | 'dark', locale: 'en' | 'ar', days: DailyStats): Promise<ShellHarness> {
  const shell = await openShell(browser, { state: STATE, colorScheme: scheme, viewport: SIZE, locale, deviceScaleFactor: 2, now: NOW, activity: { chats: {}, days } });
  await shell.action('open-report');
  await shell.page.getByRole('dialog').waitFor();
  return shell;
}

/** The chart stays inside the dialog's panel, and today's bar is at the end where time flows (left in Arabic). */
async function checkChart(page: Page, rtl: boolean): Promise<void> {
  const chart = page.getByRole('img');
  await chart.waitFor();
  const fits = await page.evaluate(() => {
    const svg = document.querySelector('.report-chart')?.getBoundingClientRect();
    const panel = document.querySelector('.shop-panel')?.getBoundingClientRect();
    return svg !== undefined && panel !== undefined && svg.left >= panel.left && svg.right <= panel.right;
  });
  expect(fits).toBe(true);
  const xs = await page.evaluate(() =>
    [...document.querySelectorAll('rect[data-platform="whatsapp"]')].map((r) => ({ day: r.getAttribute('data-day') ?? '', x: r.getBoundingClientRect().x })),
  );
  const today = xs.find((b) => b.day === '2026-11-21')?.x ?? Number.NaN;
  const others = xs.filter((b) => b.day !== '2026-11-21').map((b) => b.x);
  expect(rtl ? today < Math.min(...others) : today > Math.max(...others)).toBe(true);
}

async function scrollPanel(page: Page, to: 'top' | 'bottom'): Promise<void> {
  await page.evaluate((where) => {
    const panel = document.querySelector('.shop-panel');
    if (panel !== null) panel.scrollTop = where === 'top' ? 0 : panel.scrollHeight;
  }, to);
}

describe('report screenshots', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`a month on four platforms in English, ${scheme}`, async () => {
      const shell = await openReport(scheme, 'en', month());
      const { page } = shell;
      try {
        await checkChart(page, false);
        const label = (await page.getByRole('img').getAttribute('aria-label')) ?? '';
        expect(label).toMatch(/^Conversations per day by platform, Oct 23 – Nov 21, 2026: [\d,]+ in all \(WhatsApp [\d,]+, Messenger [\d,]+, Instagram [\d,]+, Telegram [\d,]+\)\. Busiest day: Thu, Nov 12, with \d+\.$/u);
        expect(await page.getByRole('row').count()).toBe(6);
        await shot(page, `report-${scheme}`);
        await scrollPanel(page, 'bottom');
        await shot(page, `report-table-${scheme}`);
        await scrollPanel(page, 'top');

        await page.getByRole('radio', { name: 'Last 90 days' }).check();
        await page.getByRole('radio', { name: 'Messages' }).check();
        await expect.poll(() => page.getByRole('img').getAttribute('aria-label')).toMatch(/^Messages per day by platform, Aug 24 – Nov 21, 2026/u);
        await checkChart(page, false);
        await shot(page, `report-90-messages-${scheme}`);

        await page.getByRole('radio', { name: 'Last 7 days' }).check();
        await expect.poll(() => page.locator('rect[data-platform="whatsapp"]').count()).toBe(7);
        await shot(page, `report-7-${scheme}`);
        expect(shell.errors).toEqual([]);
      } finally {
        await shell.close();
      }
    });

    it(`a month on four platforms in Arabic, ${scheme}`, async () => {
      const shell = await openReport(scheme, 'ar', month());
      const { page } = shell;
      try {
        expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
        await checkChart(page, true);
        expect(await page.getByRole('img').getAttribute('aria-label')).toMatch(/^المحادثات يوميًا حسب المنصة، .*نوفمبر/u);
        await shot(page, `report-ar-${scheme}`);
        await scrollPanel(page, 'bottom');
        await shot(page, `report-table-ar-${scheme}`);
        await scrollPanel(page, 'top');
        await page.getByRole('radio', { name: /^آخر .+ يومًا$/u }).last().check();
        await page.getByRole('radio', { name: 'الرسائل' }).check();
        await expect.poll(() => page.getByRole('img').getAttribute('aria-label')).toMatch(/^الرسائل يوميًا/u);
        await checkChart(page, true);
        await shot(page, `report-90-messages-ar-${scheme}`);
        expect(shell.errors).toEqual([]);
      } finally {
        await shell.close();
      }
    });

    it(`nothing counted yet, ${scheme}`, async () => {
      for (const locale of ['en', 'ar'] as const) {
        const shell = await openReport(scheme, locale, {});
        try {
          await shell.page.locator('.report-state-title').getByText(locale === 'en' ? 'No conversations in this period' : 'لا توجد محادثات في هذه الفترة').waitFor();
          expect(await shell.page.getByRole('img').count()).toBe(0);
          await shot(shell.page, `report-empty-${locale === 'en' ? '' : 'ar-'}${scheme}`);
          expect(shell.errors).toEqual([]);
        } finally {
          await shell.close();
        }
      }
    });
  }
});
