/**
 * Screenshots for review (test-results/screenshots/) of the downloads panel and the downloads settings, in light and
 * dark, English and Arabic: a list in every state (one downloading now through main's real downloads list, one
 * paused, done, failed, cancelled, moved away), with file names far too long for the panel, in both scripts. Each
 * shot first checks that the screen shows what it is meant to: every row, no row wider than the panel, the
 * buttons each state offers; then a button is pressed and main's list follows.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DownloadRecord } from '../../common/downloads';
import type { ServiceConfig } from '../../common/model';
import { DEFAULT_SETTINGS } from '../../common/settings';
import { initialRuntime, type AppState } from '../../common/state';
import { FakeDownloadItem } from '../fakes/electron';
import { launchChromium } from '../support/chromium';
import { openShell } from '../support/shell-harness';

const OUT = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const SIZE = { width: 1200, height: 760 };
const MB = 1024 * 1024;
const NOW = Date.UTC(2026, 2, 1, 10, 0, 0);

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(OUT, { recursive: true });
});

afterAll(async () => {
  await browser.close();
});

function account(id: string, platform: ServiceConfig['platform'], name: string): ServiceConfig {
  return { id, platform, name, enabled: true, muted: false, callsAllowed: false };
}

function state(language: 'en' | 'ar'): Partial<AppState> {
  return {
    services: [account('s1', 'whatsapp', language === 'en' ? 'Shop WhatsApp' : 'واتساب المتجر'), account('s2', 'instagram', 'Instagram')],
    activeServiceId: 's1',
    runtime: { s1: { ...initialRuntime(true), status: 'ready' }, s2: { ...initialRuntime(true), status: 'ready' } },
    view: 'inbox',
    os: 'linux',
    settings: { ...DEFAULT_SETTINGS, language, downloads: { mode: 'folder', folder: '/home/salma/Downloads/Shop orders' } },
  };
}

const kept = (id: string, fileName: string, state: DownloadRecord['state'], extra: Partial<DownloadRecord> = {}): DownloadRecord => ({
  id,
  serviceId: 's1',
  fileName,
  origin: 'https://web.whatsapp.com',
  savePath: `/home/salma/Downloads/${fileName}`,
  receivedBytes: 12 * MB,
  totalBytes: 12 * MB,
  state,
  startedAt: NOW - 3_600_000,
  endedAt: NOW - 3_000_000,
  ...extra,
});

/** What downloads.json kept: every state that ended (those under way start in the test, through main's list). */
function keptList(language: 'en' | 'ar'): DownloadRecord[] {
  const long = language === 'en' ? 'Spring collection wholesale price list with sizes and colours — final version for the shop (2).pdf' : 'قائمة أسعار الجملة لمجموعة الربيع مع المقاسات والألوان — النسخة النهائية للمتجر (٢).pdf';
  return [
    kept('c', long, 'completed'),
    kept('f', language === 'en' ? 'invoice-2291.pdf' : 'فاتورة-٢٢٩١.pdf', 'interrupted', { receivedBytes: 4.2 * MB, totalBytes: 9 * MB }),
    kept('x', 'voice-note.ogg', 'cancelled', { receivedBytes: 0.4 * MB, totalBytes: 2 * MB }),
    kept('m', language === 'en' ? 'receipt-march.pdf' : 'إيصال-مارس.pdf', 'completed', { missing: true, totalBytes: 230 * 1024, receivedBytes: 230 * 1024 }),
  ];
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
}

const TEXT = {
  en: { open: 'Downloads', list: 'Downloads, newest first', downloading: 'catalogue-2026.zip', cancel: /^Cancel downloading/u, clear: 'Clear finished', settings: 'Settings', mode: 'Where files go' },
  ar: { open: 'التنزيلات', list: 'التنزيلات، الأحدث أولًا', downloading: 'catalogue-2026.zip', cancel: /^إلغاء تنزيل/u, clear: 'مسح المنتهية', settings: 'الإعدادات', mode: 'أين تُحفظ الملفات' },
} as const;

describe('downloads screenshots', () => {
  for (const locale of ['en', 'ar'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`the downloads panel, ${locale}, ${scheme}`, async () => {
        const text = TEXT[locale];
        const shell = await openShell(browser, { state: state(locale), downloads: keptList(locale), colorScheme: scheme, viewport: SIZE, locale, deviceScaleFactor: 2, now: NOW, mainNow: NOW });
        const { page } = shell;
        try {
          // A photo from Instagram waits paused, and a file starts downloading on the WhatsApp page now, into the chosen folder.
          shell.downloadDisk.paths.add('/home/salma/Downloads/Shop orders');
          const photo = new FakeDownloadItem(locale === 'en' ? 'customer-photo.jpg' : 'صورة-العميل.jpg', 'https://www.instagram.com/p/1', Math.round(1.2 * MB));
          shell.downloads.track('s2', photo);
          photo.progress(300 * 1024);
          photo.pause(true);
          const item = new FakeDownloadItem(text.downloading, 'https://web.whatsapp.com/blob/1', 12 * MB);
          shell.downloads.track('s1', item);
          item.progress(Math.round(3.1 * MB));
          shell.clock.advance(1_000);
          await shell.settled();
          expect(item.savePath).toBe('/home/salma/Downloads/Shop orders/catalogue-2026.zip');

          const button = page.getByRole('button', { name: text.open, exact: true });
          await button.click();
          const panel = page.getByRole('dialog', { name: text.open });
          await panel.waitFor();
          const rows = panel.getByRole('list', { name: text.list }).getByRole('listitem');
          await expect.poll(() => rows.count()).toBe(6);
          expect(await rows.first().locator('.download-name').textContent()).toBe(text.downloading);
          await rows.first().getByRole('progressbar').waitFor();
          expect(await rows.first().getByRole('progressbar').getAttribute('aria-valuenow')).toBe('25');
          // No row, and no name however long, is wider than the panel; the long name is cut with an ellipsis.
          const overflow = await panel.evaluate((el) => {
            const box = el.getBoundingClientRect();
            return [...el.querySelectorAll('.download, .download-name, .download-actions')].filter((child) => {
              const r = child.getBoundingClientRect();
              return r.left < box.left - 0.5 || r.right > box.right + 0.5;
            }).length;
          });
          expect(overflow).toBe(0);
          const longName = rows.nth(2).locator('.download-name');
          expect(await rows.nth(1).getAttribute('class')).toContain('is-paused');
          expect(await longName.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
          expect(await page.evaluate(() => document.documentElement.dir)).toBe(locale === 'ar' ? 'rtl' : 'ltr');
          await shot(page, `downloads-${locale}-${scheme}`);

          await rows.first().getByRole('button', { name: text.cancel }).click();
          await expect.poll(() => shell.store.getState().downloads?.[0]?.state).toBe('cancelled');
          expect(item.cancelled).toBe(true);
          await panel.getByRole('button', { name: text.clear }).click();
          await expect.poll(() => shell.store.getState().downloads?.length).toBe(1);
          await expect.poll(() => rows.count()).toBe(1);
          expect(shell.errors).toEqual([]);
        } finally {
          await shell.close();
        }
      });
    }

    it(`the downloads settings, ${locale}`, async () => {
      const text = TEXT[locale];
      const shell = await openShell(browser, { state: state(locale), viewport: SIZE, locale, deviceScaleFactor: 2 });
      const { page } = shell;
      try {
        await page.getByRole('button', { name: text.settings, exact: true }).click();
        const group = page.getByRole('radiogroup', { name: text.mode });
        await group.scrollIntoViewIfNeeded();
        expect(await group.getByRole('radio').nth(1).isChecked()).toBe(true);
        await page.locator('.download-folder').getByText('/home/salma/Downloads/Shop orders', { exact: false }).waitFor();
        await shot(page, `downloads-settings-${locale}`);
        expect(shell.errors).toEqual([]);
      } finally {
        await shell.close();
      }
    });
  }
});
