/**
 * Screenshots of the shop tools for review (test-results/screenshots/, not committed), in light and dark, English
 * and Arabic: the labels, shop & hours and backup tabs (a restore being confirmed, refused, then done with its
 * undo), and the notification tray while the shop is away, with a reminder among the notifications. Each shot
 * first checks that the screen shows what it is meant to.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../common/settings';
import type { NotificationRecord, ServiceConfig } from '../../common/model';
import { DEFAULT_LABELS, EMPTY_CUSTOMER, type DayHours, type Label } from '../../common/shop/model';
import { initialRuntime, type AppState } from '../../common/state';
import { launchChromium } from '../support/chromium';
import { openShell } from '../support/shell-harness';

const OUT = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const SIZE = { width: 1200, height: 800 };
/** Saturday 21 November 2026, 14:20. */
const NOW = new Date(2026, 10, 21, 14, 20).getTime();

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(OUT, { recursive: true });
});

afterAll(async () => {
  await browser.close();
});

const day = (open: boolean, from = '09:00', to = '21:00'): DayHours => ({ open, from, to });
/** Sunday first: Sunday all day, Thursday past midnight, Friday closed. */
const WEEK: DayHours[] = [day(true, '10:00', '10:00'), day(true), day(true), day(true), day(true, '16:00', '02:00'), day(false), day(true, '10:00', '22:00')];
/** The same week closed at weekends: away on Saturday afternoon until Monday. */
const WEEKDAYS: DayHours[] = WEEK.map((d, i) => (i === 0 || i === 6 ? { ...d, open: false } : d));

const LABELS: Label[] = [
  ...DEFAULT_LABELS.map((l) => (l.preset === 'new-order' ? { ...l, name: "Wholesale orders — this season's stock" } : l)),
  { id: 'vip', name: 'عملاء مميزون', color: 'purple' },
  { id: 'cod', name: 'الدفع عند الاستلام', color: 'gray' },
];

function account(id: string, platform: ServiceConfig['platform'], name: string): ServiceConfig {
  return { id, platform, name, enabled: true, muted: false, callsAllowed: false };
}

function shopDemo(hours: DayHours[], notifications: NotificationRecord[] = []): Partial<AppState> {
  return {
    services: [account('wa', 'whatsapp', 'Shop'), account('ig', 'instagram', 'Instagram')],
    activeServiceId: 'wa',
    view: 'inbox',
    runtime: { wa: { ...initialRuntime(true), status: 'ready' }, ig: { ...initialRuntime(true), status: 'ready' } },
    settings: { ...DEFAULT_SETTINGS, shop: { ...DEFAULT_SETTINGS.shop, name: 'بوتيك نور', hoursEnabled: true, hours, holdOutsideHours: true } },
    labels: LABELS,
    customers: {
      'chat:wa:a': { ...EMPTY_CUSTOMER, labels: ['preset-paid', 'vip'] },
      'chat:wa:b': { ...EMPTY_CUSTOMER, labels: ['preset-paid'] },
      'chat:ig:c': { ...EMPTY_CUSTOMER, labels: ['preset-paid', 'preset-new-customer'] },
      'chat:ig:d': { ...EMPTY_CUSTOMER, labels: ['cod'] },
    },
    notifications,
  };
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
}

const TEXT = {
  en: { shop: 'Shop tools', labels: 'Labels', hours: 'Shop & hours', data: 'Backup & export', save: 'Save a backup…', saved: 'Backup saved.', restore: 'Restore a backup…', choose: 'Choose the backup file…', notJson: /not a Wasl backup/u, restored: 'Backup restored.', undo: 'Undo', tray: 'Notifications', away: /^Away — opens Mon/u, status: /^Open now — closes/u, edit: 'Edit' },
  ar: { shop: 'أدوات المتجر', labels: 'التصنيفات', hours: 'المتجر وساعات العمل', data: 'النسخ الاحتياطي والتصدير', save: 'حفظ نسخة احتياطية…', saved: 'حُفظت النسخة الاحتياطية.', restore: 'استعادة نسخة احتياطية…', choose: 'اختيار ملف النسخة…', notJson: /ليس ملف نسخة احتياطية/u, restored: 'استُعيدت النسخة الاحتياطية.', undo: 'تراجع', tray: 'الإشعارات', away: /^غير متاح — يفتح المتجر/u, status: /^مفتوح الآن — يُغلق/u, edit: 'تعديل' },
} as const;

describe('shop screenshots', () => {
  for (const locale of ['en', 'ar'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      const suffix = `${locale === 'ar' ? 'ar-' : ''}${scheme}`;
      const text = TEXT[locale];

      it(`the labels, shop & hours and backup tabs, ${locale}, ${scheme}`, async () => {
        const shell = await openShell(browser, { state: shopDemo(WEEK), colorScheme: scheme, viewport: SIZE, locale, deviceScaleFactor: 2, now: NOW });
        const { page } = shell;
        try {
          await page.getByRole('button', { name: text.shop }).click();
          const dialog = page.getByRole('dialog', { name: text.shop });
          await dialog.getByRole('tab', { name: text.labels }).click();
          await expect.poll(() => dialog.locator('.label-row').count()).toBe(7);
          await shot(page, `shop-labels-${suffix}`);
          await dialog.getByRole('button', { name: text.edit }).nth(1).click();
          await dialog.locator('.label-editor').waitFor();
          await shot(page, `shop-labels-edit-${suffix}`);
          await page.keyboard.press('Escape');

          await dialog.getByRole('tab', { name: text.hours }).click();
          await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(text.status);
          await expect.poll(() => dialog.locator('.hours-day').count()).toBe(7);
          await shot(page, `shop-hours-${suffix}`);

          await dialog.getByRole('tab', { name: text.data }).click();
          await dialog.getByRole('button', { name: text.save }).click();
          await dialog.getByText(text.saved).waitFor();
          await dialog.getByRole('button', { name: text.restore }).click();
          await dialog.locator('.shop-confirm').waitFor();
          await shot(page, `shop-data-confirm-${suffix}`);

          shell.files.contents.set('/home/user/notes.txt', 'hello');
          shell.files.openPath = '/home/user/notes.txt';
          await dialog.getByRole('button', { name: text.choose }).click();
          await dialog.getByText(text.notJson).waitFor();
          await shot(page, `shop-data-error-${suffix}`);

          shell.files.openPath = '/home/user/Documents/out';
          await dialog.getByRole('button', { name: text.restore }).click();
          await dialog.getByRole('button', { name: text.choose }).click();
          await dialog.getByRole('button', { name: text.undo }).waitFor();
          await dialog.getByText(text.restored).waitFor();
          await shot(page, `shop-data-restored-${suffix}`);
          expect(shell.rejected).toEqual([]);
          expect(shell.errors).toEqual([]);
        } finally {
          await shell.close();
        }
      });

      it(`the tray while the shop is away, with a reminder, ${locale}, ${scheme}`, async () => {
        const notifications: NotificationRecord[] = [
          { id: 'n1', serviceId: 'wa', chatId: 'a', title: 'Ahmed Hassan', body: 'Is the blue dress still available in size M?', at: NOW - 50 * 60_000, read: false },
          { id: 'n2', serviceId: 'ig', chatId: 'f', title: 'فاطمة الزهراء', body: 'هل يوجد توصيل إلى جدة؟', at: NOW - 30 * 60_000, read: true },
          { id: 'n3', serviceId: 'wa', chatId: 'a', title: 'Ahmed Hassan', body: 'Reminder', at: NOW - 2 * 60_000, read: false, kind: 'reminder' },
        ];
        const shell = await openShell(browser, { state: shopDemo(WEEKDAYS, notifications), colorScheme: scheme, viewport: SIZE, locale, deviceScaleFactor: 2, now: NOW });
        const { page } = shell;
        try {
          await page.getByRole('button', { name: text.tray }).click();
          const tray = page.getByRole('dialog', { name: text.tray });
          await expect.poll(() => tray.locator('.tray-away-main').textContent()).toMatch(text.away);
          await tray.locator('.tray-record-icon').waitFor();
          await shot(page, `shop-tray-away-${suffix}`);
          expect(shell.errors).toEqual([]);
        } finally {
          await shell.close();
        }
      });
    }
  }
});
