/**
 * Products in real Chromium, wired to main's real shop controller, English and Arabic, light and dark; screenshots
 * for review (test-results/screenshots/): the shop tools' Products tab after a product was added through its form
 * (the price typed in Arabic-Indic digits in Arabic) with a long name and one out of stock, the form editing a
 * product, and the palette's Products tab over a customer's chat. Enter there types exactly the product's line into
 * the chat, in the user's language and digits. Each shot first checks that the screen shows what it is meant to.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../common/channels';
import { localeTag } from '../../common/language';
import type { ServiceConfig } from '../../common/model';
import { DEFAULT_SETTINGS } from '../../common/settings';
import { productLine, type Product } from '../../common/shop/products';
import { initialRuntime, type AppState } from '../../common/state';
import { launchChromium } from '../support/chromium';
import { openShell, type ShellHarness } from '../support/shell-harness';

const OUT = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const SIZE = { width: 1200, height: 800 };

type Lang = 'en' | 'ar';

const TEXT = {
  en: {
    service: 'Shop WhatsApp',
    customer: 'Sara Ahmed',
    products: [
      { id: 'p1', name: 'Blue abaya', price: { amount: '45.5', currency: 'SAR' }, link: 'https://shop.example/products/blue-abaya', inStock: true },
      {
        id: 'p2',
        name: 'Embroidered silk evening abaya with matching scarf, hand finished',
        price: { amount: '1250', currency: 'SAR' },
        link: 'https://shop.example/products/embroidered-silk-evening-abaya-with-matching-scarf?colour=midnight-blue&size=52',
        inStock: false,
      },
      { id: 'p3', name: 'عباية سوداء', price: { amount: '7.125', currency: 'JOD' }, photo: 'https://cdn.example/black-abaya.jpg', inStock: true },
    ] satisfies Product[],
    added: { name: 'Gold ring', typed: '320.5', amount: '320.5' },
    tools: 'Shop tools',
    tab: 'Products',
    newProduct: 'New product',
    name: 'Name',
    price: 'Price',
    save: 'Save',
    edit: 'Edit \u2068Blue abaya\u2069',
    palette: 'Quick replies',
    toolbar: 'Quick replies (\u2066Ctrl+Shift+Space\u2069)',
    search: 'Search products',
    query: 'abaya',
    outOfStock: 'out of stock',
  },
  ar: {
    service: 'واتساب المتجر',
    customer: 'سارة أحمد',
    products: [
      { id: 'p1', name: 'عباية زرقاء', price: { amount: '45.5', currency: 'SAR' }, link: 'https://shop.example/products/blue-abaya', inStock: true },
      {
        id: 'p2',
        name: 'عباية سهرة من الحرير المطرز مع وشاح مطابق، مشغولة يدويًا بالكامل',
        price: { amount: '1250', currency: 'SAR' },
        link: 'https://shop.example/products/embroidered-silk-evening-abaya-with-matching-scarf?colour=midnight-blue&size=52',
        inStock: false,
      },
      { id: 'p3', name: 'Black abaya', price: { amount: '7.125', currency: 'JOD' }, photo: 'https://cdn.example/black-abaya.jpg', inStock: true },
    ] satisfies Product[],
    added: { name: 'خاتم ذهب', typed: '٣٢٠٫٥', amount: '320.5' },
    tools: 'أدوات المتجر',
    tab: 'المنتجات',
    newProduct: 'منتج جديد',
    name: 'الاسم',
    price: 'السعر',
    save: 'حفظ',
    edit: 'تعديل \u2068عباية زرقاء\u2069',
    palette: 'الردود السريعة',
    toolbar: 'الردود السريعة (\u2066Ctrl+Shift+Space\u2069)',
    search: 'ابحث في المنتجات',
    query: 'عبايه',
    outOfStock: 'غير متوفر حاليًا',
  },
} as const satisfies Record<Lang, unknown>;

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(OUT, { recursive: true });
});

afterAll(async () => {
  await browser.close();
});

function state(lang: Lang): Partial<AppState> {
  const service: ServiceConfig = { id: 's1', platform: 'whatsapp', name: TEXT[lang].service, enabled: true, muted: false, callsAllowed: false };
  return {
    services: [service],
    activeServiceId: 's1',
    view: 'service',
    runtime: { s1: { ...initialRuntime(true), status: 'ready', connected: true } },
    // Arabic with Arabic-Indic digits, as many Gulf shops choose.
    settings: { ...DEFAULT_SETTINGS, language: lang, digits: lang === 'ar' ? 'arab' : 'auto', defaultRegion: 'SA' },
    products: [...TEXT[lang].products],
  };
}

/** The page reports the customer's chat, open. */
async function openChat(shell: ShellHarness, lang: Lang): Promise<void> {
  shell.controller.serviceUpdate('s1', {
    seq: 0,
    reset: true,
    loggedIn: true,
    unread: { direct: 0, indirect: 0 },
    upsert: [{ id: 'c1', title: TEXT[lang].customer, unread: 0, kind: 'direct', lastActivity: Date.now() }],
    remove: [],
    activeChatId: 'c1',
  });
  await shell.settled();
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
}

const strip = (text: string | null) => (text ?? '').replace(/[\u2066-\u2069\u200e\u200f]/gu, '');

describe('products screenshots', () => {
  for (const lang of ['en', 'ar'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`the Products tab and the palette's product picker, ${lang}, ${scheme}`, async () => {
        const text = TEXT[lang];
        const locale = localeTag(lang, lang === 'ar' ? 'arab' : 'auto');
        const shell = await openShell(browser, { state: state(lang), colorScheme: scheme, viewport: SIZE, locale: lang, deviceScaleFactor: 2 });
        const { page } = shell;
        try {
          expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');

          // A product added through the form reaches main's list.
          await page.getByRole('button', { name: text.tools }).click();
          const dialog = page.getByRole('dialog', { name: text.tools });
          await dialog.getByRole('tab', { name: text.tab }).click();
          await dialog.getByRole('button', { name: text.newProduct }).click();
          const form = dialog.getByRole('form', { name: text.newProduct });
          await form.getByRole('textbox', { name: text.name }).fill(text.added.name);
          await form.getByRole('textbox', { name: text.price }).fill(text.added.typed);
          await form.getByRole('button', { name: text.save }).click();
          await expect.poll(() => shell.store.getState().products.length).toBe(4);
          expect(shell.store.getState().products[3]).toEqual({ id: expect.stringMatching(/^shop-/u) as string, name: text.added.name, price: { amount: text.added.amount, currency: 'JOD' }, inStock: true });
          expect(shell.rejected).toEqual([]);
          await expect.poll(() => dialog.getByRole('listitem').count()).toBe(4);
          const prices = await dialog.locator('.product-price').allTextContents();
          if (lang === 'ar') expect(prices.join(' ')).toMatch(/^[^0-9]*$/u);
          else expect(strip(prices[0] ?? '')).toBe('SAR\u00a045.50');
          await shot(page, `products-tab-${lang}-${scheme}`);

          await dialog.getByRole('button', { name: text.edit }).click();
          await dialog.locator('.product-editor').waitFor();
          await shot(page, `products-editor-${lang}-${scheme}`);
          await page.keyboard.press('Escape');
          await page.keyboard.press('Escape');
          await dialog.waitFor({ state: 'detached' });

          // The palette's Products tab over the customer's chat.
          await openChat(shell, lang);
          await page.getByRole('button', { name: text.toolbar }).click();
          const palette = page.getByRole('dialog', { name: text.palette });
          await palette.getByRole('tab', { name: text.tab }).click();
          await palette.getByRole('combobox', { name: text.search }).fill(text.query);
          await expect.poll(() => palette.getByRole('option').count()).toBe(2);
          await page.keyboard.press('ArrowDown');
          const chosen = text.products[1];
          if (chosen === undefined) throw new Error('no second product');
          const line = productLine(chosen, locale, { outOfStock: text.outOfStock });
          expect(strip(await palette.locator('.reply-preview-text').textContent())).toBe(strip(line));
          await expect.poll(async () => strip(await palette.locator('.reply-where').textContent())).toContain(text.customer);
          await shot(page, `products-palette-${lang}-${scheme}`);

          await page.keyboard.press('Enter');
          await expect.poll(() => shell.views.calls.filter((c) => c.op === 'send' && c.channel === CHANNELS.serviceInsertText).length).toBe(1);
          const request = shell.views.calls.find((c) => c.op === 'send' && c.channel === CHANNELS.serviceInsertText);
          const { text: typed } = (request?.op === 'send' ? request.payload : {}) as { text: string };
          expect(typed).toBe(line);
          if (lang === 'ar') expect(typed).toContain('١٬٢٥٠٫٠٠');
          expect(shell.errors).toEqual([]);
        } finally {
          await shell.close();
        }
      }, 60_000);
    }
  }
});
