/**
 * Screenshots for review (test-results/screenshots/) of special opening hours in the shop & hours tab, English and
 * Arabic: Ramadan's evening hours, a closed Eid and a holiday listed, then a range being added; and with
 * Arabic-Indic digits and both calendars chosen, the settings and the same list with the Hijri dates beside. Each
 * shot first checks that the screen shows what it is meant to.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceConfig } from '../../common/model';
import { DEFAULT_SETTINGS, type Settings } from '../../common/settings';
import type { SpecialHours } from '../../common/shop/model';
import { initialRuntime, type AppState } from '../../common/state';
import { launchChromium } from '../support/chromium';
import { openShell } from '../support/shell-harness';

const OUT = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const SIZE = { width: 1200, height: 800 };
/** Saturday 21 February 2026, 14:20: in Ramadan 1447. */
const NOW = new Date(2026, 1, 21, 14, 20).getTime();

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

const SPECIAL: Record<'en' | 'ar', SpecialHours[]> = {
  en: [
    { id: 'r', name: 'Ramadan', from: '2026-02-18', to: '2026-03-19', hours: { from: '20:00', to: '03:00' } },
    { id: 'e', name: 'Eid al-Fitr', from: '2026-03-20', to: '2026-03-22', hours: null },
    { id: 'n', name: 'National Day', from: '2026-09-23', to: '2026-09-23', hours: { from: '16:00', to: '23:00' } },
  ],
  ar: [
    { id: 'r', name: 'رمضان', from: '2026-02-18', to: '2026-03-19', hours: { from: '20:00', to: '03:00' } },
    { id: 'e', name: 'عيد الفطر', from: '2026-03-20', to: '2026-03-22', hours: null },
    { id: 'n', name: 'اليوم الوطني', from: '2026-09-23', to: '2026-09-23', hours: { from: '16:00', to: '23:00' } },
  ],
};

function state(language: 'en' | 'ar', settings: Partial<Settings> = {}): Partial<AppState> {
  return {
    services: [account('wa', 'whatsapp', 'Shop')],
    activeServiceId: 'wa',
    runtime: { wa: { ...initialRuntime(true), status: 'ready' } },
    view: 'inbox',
    settings: { ...DEFAULT_SETTINGS, language, ...settings, shop: { ...DEFAULT_SETTINGS.shop, name: 'بوتيك نور', hoursEnabled: true, specialHours: SPECIAL[language] } },
  };
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
}

const TEXT = {
  en: { shop: 'Shop tools', hours: 'Shop & hours', special: 'Special hours', add: 'Add special hours', form: 'New special hours', settings: 'Settings', digits: 'Digits', calendar: 'Calendar', ramadan: /Feb ١٨\s–\sMar ١٩, ٢٠٢٦ \(Ram(adan|\.) ١\s–\s٣٠, ١٤٤٧ AH\)/u },
  ar: { shop: 'أدوات المتجر', hours: 'المتجر وساعات العمل', special: 'ساعات خاصة', add: 'إضافة ساعات خاصة', form: 'ساعات خاصة جديدة', settings: 'الإعدادات', digits: 'الأرقام', calendar: 'التقويم', ramadan: /١٨ فبراير\s–\s١٩ مارس ٢٠٢٦ \(١\s?–\s?٣٠ رمضان ١٤٤٧ هـ\)/u },
} as const;

describe('calendar screenshots', () => {
  for (const locale of ['en', 'ar'] as const) {
    const text = TEXT[locale];
    const suffix = locale === 'ar' ? '-ar' : '';

    it(`special opening hours listed and being added, ${locale}`, async () => {
      const shell = await openShell(browser, { state: state(locale), viewport: SIZE, locale, deviceScaleFactor: 2, now: NOW });
      const { page } = shell;
      try {
        await page.getByRole('button', { name: text.shop }).click();
        const dialog = page.getByRole('dialog', { name: text.shop });
        await dialog.getByRole('tab', { name: text.hours }).click();
        const list = dialog.getByRole('list', { name: text.special });
        await expect.poll(() => list.getByRole('listitem').count()).toBe(3);
        await list.scrollIntoViewIfNeeded();
        await shot(page, `special-hours${suffix}`);
        await dialog.getByRole('button', { name: text.add }).click();
        const form = dialog.getByRole('form', { name: text.form });
        await form.locator('input[type="date"]').first().fill('2026-05-26');
        await form.getByRole('radio').nth(1).check();
        await form.scrollIntoViewIfNeeded();
        await shot(page, `special-hours-add${suffix}`);
        expect(shell.rejected).toEqual([]);
        expect(shell.errors).toEqual([]);
      } finally {
        await shell.close();
      }
    });

    it(`Arabic-Indic digits and both calendars, in the settings and the special hours, ${locale}`, async () => {
      const shell = await openShell(browser, { state: state(locale, { digits: 'arab', calendar: 'both' }), viewport: SIZE, locale, deviceScaleFactor: 2, now: NOW });
      const { page } = shell;
      try {
        await shell.action('open-settings');
        const settings = page.getByRole('dialog', { name: text.settings });
        const digits = settings.getByRole('group', { name: text.digits });
        await expect.poll(() => digits.getByRole('radio').nth(2).isChecked()).toBe(true);
        await expect.poll(() => settings.getByRole('group', { name: text.calendar }).getByRole('radio').nth(2).isChecked()).toBe(true);
        await shot(page, `settings-digits-calendar${suffix}`);
        await page.keyboard.press('Escape');

        await page.getByRole('button', { name: text.shop }).click();
        const dialog = page.getByRole('dialog', { name: text.shop });
        await dialog.getByRole('tab', { name: text.hours }).click();
        const list = dialog.getByRole('list', { name: text.special });
        // Left-to-right marks keep Arabic-Indic numbers in order in English (renderer/src/i18n/format.ts).
        await expect.poll(async () => (await list.getByRole('listitem').first().textContent())?.replace(/\u200E/gu, '')).toMatch(text.ramadan);
        expect(await list.textContent()).not.toMatch(/[0-9]/u);
        await list.scrollIntoViewIfNeeded();
        await shot(page, `special-hours-hijri${suffix}`);
        expect(shell.rejected).toEqual([]);
        expect(shell.errors).toEqual([]);
      } finally {
        await shell.close();
      }
    });
  }
});
