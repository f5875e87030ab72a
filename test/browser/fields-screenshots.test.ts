/**
 * Screenshots for review (test-results/screenshots/, not committed) of customer fields in real Chromium, English
 * and Arabic, light and dark: the customer card of a customer with a very long Arabic name holding a long text, a
 * number, a date and a choice (in Arabic digits in the Arabic shots), and the Fields tab of the shop tools with a
 * choice field open for editing. Each shot first checks that the screen shows what it is meant to; the inbox
 * search finds the customer by the order number typed in Arabic-Indic digits.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../common/settings';
import type { FieldDef } from '../../common/shop/fields';
import type { AppState } from '../../common/state';
import { launchChromium } from '../support/chromium';
import { customerDemo, LONG_ARABIC_NAME, NOW } from '../support/customer-demo';
import { reportChats } from '../support/customer-demo';
import { openShell } from '../support/shell-harness';

const OUT = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const SIZE = { width: 1200, height: 860 };

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(OUT, { recursive: true });
});

afterAll(async () => {
  await browser.close();
});

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
}

const FIELDS = {
  en: [
    { id: 'city', name: 'Delivery address', type: 'text' },
    { id: 'order', name: 'Order number', type: 'number' },
    { id: 'due', name: 'Delivery date', type: 'date' },
    { id: 'size', name: 'Bottle size', type: 'choice', choices: ['50 ml', '100 ml', '200 ml — gift box with engraved name'] },
    { id: 'gift', name: 'Gift message for the card inside the box', type: 'text' },
  ],
  ar: [
    { id: 'city', name: 'عنوان التوصيل', type: 'text' },
    { id: 'order', name: 'رقم الطلب', type: 'number' },
    { id: 'due', name: 'تاريخ التوصيل', type: 'date' },
    { id: 'size', name: 'حجم الزجاجة', type: 'choice', choices: ['٥٠ مل', '١٠٠ مل', '٢٠٠ مل — علبة هدية مع نقش الاسم'] },
    { id: 'gift', name: 'رسالة الإهداء على البطاقة داخل العلبة', type: 'text' },
  ],
} as const satisfies Record<'en' | 'ar', readonly FieldDef[]>;

const TEXT = {
  en: { list: 'Chats', card: 'Customer card', fields: 'Fields', tools: 'Shop tools', tab: 'Fields', search: 'Search chats', edit: /^Edit \u2068?Bottle size/u, number: '4471093', date: /Nov 26, 2026/u },
  ar: { list: 'المحادثات', card: 'بطاقة العميل', fields: 'الحقول', tools: 'أدوات المتجر', tab: 'الحقول', search: 'البحث في المحادثات', edit: /^تعديل \u2068?حجم الزجاجة/u, number: '٤٤٧١٠٩٣', date: /٢٦/u },
} as const;

function state(language: 'en' | 'ar'): Partial<AppState> {
  const demo = customerDemo();
  const fields = FIELDS[language];
  const record = demo.state.customers?.['chat:wa:long-ar'];
  if (record === undefined) throw new Error('the demo has no record for the long Arabic name');
  const values = {
    city: 'جدة، حي الروضة، شارع الأمير سلطان بن عبد العزيز، بجوار مسجد الروضة الكبير، عمارة رقم ١٢ الدور الثالث شقة ٧',
    order: 4471093,
    due: '2026-11-26',
    size: fields[3].choices[2],
    gift: language === 'ar' ? 'كل عام وأنتِ بخير يا أمي — مع حبي' : 'Happy birthday, Mum! With all my love — Abdulrahman',
  };
  return {
    ...demo.state,
    settings: { ...DEFAULT_SETTINGS, language, digits: language === 'ar' ? 'arab' : 'latn' },
    customerFields: [...fields].map((f): FieldDef => ({ ...f, ...('choices' in f ? { choices: [...f.choices] } : {}) })),
    customers: { ...demo.state.customers, 'chat:wa:long-ar': { ...record, fields: values } },
  };
}

describe('customer fields screenshots', () => {
  for (const language of ['en', 'ar'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`the customer card's fields and the Fields tab, ${language}, ${scheme}`, async () => {
        const demo = customerDemo();
        const shell = await openShell(browser, { state: state(language), activity: demo.activity, colorScheme: scheme, viewport: SIZE, locale: language, deviceScaleFactor: 2, now: NOW });
        const { page } = shell;
        const text = TEXT[language];
        try {
          await reportChats(shell, demo.chats);
          const list = page.getByRole('listbox', { name: text.list });
          await expect.poll(() => list.getByRole('option').count()).toBe(7);

          // The order number typed in the other digit set finds its customer alone.
          await page.getByRole('combobox', { name: text.search }).fill(language === 'ar' ? '4471093' : '٤٤٧١٠٩٣');
          await expect.poll(() => list.getByRole('option').count()).toBe(1);
          await page.getByRole('combobox', { name: text.search }).fill('');
          await expect.poll(() => list.getByRole('option').count()).toBe(7);

          const row = list.getByRole('option').filter({ hasText: LONG_ARABIC_NAME });
          await row.click({ button: 'right' });
          await page.getByRole('menuitem', { name: text.card }).click();
          const card = page.getByRole('dialog');
          const section = card.getByRole('region', { name: text.fields });
          await section.waitFor();
          expect(await section.getByRole('textbox', { name: FIELDS[language][1].name }).inputValue()).toBe(text.number);
          expect(await section.locator('.customer-field-shown').textContent()).toMatch(text.date);
          expect(await section.getByRole('combobox', { name: FIELDS[language][3].name }).inputValue()).toBe(FIELDS[language][3].choices[2]);
          await section.evaluate((element) => element.scrollIntoView({ block: 'start' }));
          await shot(page, `customer-fields-card-${language}-${scheme}`);
          await page.keyboard.press('Escape');

          await page.getByRole('button', { name: text.tools }).click();
          const dialog = page.getByRole('dialog', { name: text.tools });
          await dialog.getByRole('tab', { name: text.tab }).click();
          await dialog.getByRole('button', { name: text.edit }).click();
          const choices = dialog.getByRole('textbox', { name: language === 'ar' ? 'الخيارات' : 'Choices' });
          await choices.waitFor();
          await choices.evaluate((element) => element.scrollIntoView({ block: 'center' }));
          await shot(page, `customer-fields-tab-${language}-${scheme}`);
          expect(shell.errors).toEqual([]);
          expect(shell.rejected).toEqual([]);
        } finally {
          await shell.close();
        }
      });
    }
  }
});
