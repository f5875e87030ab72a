/**
 * Screenshots of quick replies' trigger phrases for review (test-results/screenshots/, not committed), in light
 * and dark, English and Arabic: the library marking the replies that have phrases, and a reply's editor with its
 * phrases as chips (one long, one in the other script), a phrase refused in place, and a customer's message tried
 * with the phrase and the words that matched; the chips again close up. Each shot first checks that the screen shows what it is meant to.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../common/settings';
import type { ServiceConfig } from '../../common/model';
import type { QuickReply } from '../../common/shop/model';
import { initialRuntime, type AppState } from '../../common/state';
import { launchChromium } from '../support/chromium';
import { openShell, type ShellHarness } from '../support/shell-harness';

const OUT = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const SIZE = { width: 1200, height: 860 };

type Lang = 'en' | 'ar';

const TEXT = {
  en: {
    shop: 'Rose Boutique',
    replies: [
      { id: 'q1', name: 'welcome', body: 'Hello {first_name}, welcome to {shop}! How can we help you today?' },
      {
        id: 'q2',
        name: 'prices',
        body: 'Our prices:\n• Cotton dress: 180 SAR\n• Silk scarf: 95 SAR\nDelivery is free over 300 SAR.',
        triggers: ['how much', 'price list', 'كم السعر', 'do you have a catalogue with all the prices and sizes'],
      },
      { id: 'q3', name: 'delivery', body: 'Riyadh, Jeddah and Dammam: 1–2 days; elsewhere: 3–5 days.', triggers: ['delivery time', 'shipping'] },
      { id: 'q4', name: 'payment', body: 'You can pay by card, Apple Pay, bank transfer or cash on delivery.' },
    ] satisfies QuickReply[],
    shopTools: 'Shop tools',
    mark: 'Suggested for 4 phrases',
    edit: 'Edit “/\u2068prices\u2069”',
    phrases: 'Suggest when a customer writes',
    refused: 'HOW MUCH?',
    refusal: 'reads the same as',
    tryLabel: "Try a customer's message",
    message: 'Hi! Do you have the pricelist? Or just the prce list for dresses',
    outcome: 'Suggested: “price list” matches “prce list”, allowing for a spelling slip.',
  },
  ar: {
    shop: 'بوتيك الورد',
    replies: [
      { id: 'q1', name: 'ترحيب', body: 'أهلًا {first_name}، مرحبًا بك في {shop}! كيف نساعدك اليوم؟' },
      {
        id: 'q2',
        name: 'الأسعار',
        body: 'أسعارنا:\n• فستان قطني: ١٨٠ ريالًا\n• وشاح حرير: ٩٥ ريالًا\nالتوصيل مجاني للطلبات فوق ٣٠٠ ريال.',
        triggers: ['كم السعر', 'قائمة الأسعار', 'how much', 'هل عندكم كتالوج فيه كل الأسعار والمقاسات المتوفرة'],
      },
      { id: 'q3', name: 'التوصيل', body: 'الرياض وجدة والدمام: يوم إلى يومين، وباقي المدن: من ٣ إلى ٥ أيام.', triggers: ['مدة التوصيل', 'الشحن'] },
      { id: 'q4', name: 'الدفع', body: 'يمكنك الدفع بالبطاقة أو Apple Pay أو التحويل البنكي أو نقدًا عند الاستلام.' },
    ] satisfies QuickReply[],
    shopTools: 'أدوات المتجر',
    mark: 'يُقترح عند 4 عبارات',
    edit: 'تعديل «/\u2068الأسعار\u2069»',
    phrases: 'اقترح الرد عندما يكتب العميل',
    refused: 'كَمْ السِّعر؟',
    refusal: 'تُقرأ مثل',
    tryLabel: 'جرّب رسالة من عميل',
    message: 'السلام عليكم، بالسعر كم الفستان؟ وكم السّعر للوشاح',
    outcome: 'يُقترح: «كم السعر» تطابق «وكم السّعر».',
  },
} satisfies Record<Lang, unknown>;

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(OUT, { recursive: true });
});

afterAll(async () => {
  await browser.close();
});

function state(lang: Lang): Partial<AppState> {
  const service: ServiceConfig = { id: 's1', platform: 'whatsapp', name: 'WhatsApp', enabled: true, muted: false, callsAllowed: false };
  return {
    services: [service],
    activeServiceId: 's1',
    view: 'service',
    runtime: { s1: { ...initialRuntime(true), status: 'ready', connected: true } },
    settings: { ...DEFAULT_SETTINGS, shop: { ...DEFAULT_SETTINGS.shop, name: TEXT[lang].shop } },
    quickReplies: TEXT[lang].replies,
  };
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
}

const strip = (text: string | null) => (text ?? '').replace(/[\u2066-\u2069]/gu, '');

describe('trigger phrase screenshots', () => {
  for (const lang of ['en', 'ar'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`the library's marks and the editor's phrases, ${lang}, ${scheme}`, async () => {
        const text = TEXT[lang];
        const shell: ShellHarness = await openShell(browser, { state: state(lang), colorScheme: scheme, viewport: SIZE, locale: lang, deviceScaleFactor: 2 });
        const { page } = shell;
        try {
          expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
          await shell.action('open-shop');
          const shop = page.getByRole('dialog', { name: text.shopTools });
          await expect.poll(() => shop.locator('.reply-row-triggers').count()).toBe(2);
          expect(strip(await shop.locator('.reply-row-triggers').first().textContent())).toBe(text.mark);
          await shot(page, `faq-library-${lang}-${scheme}`);

          await shop.getByRole('button', { name: text.edit }).click();
          const form = shop.getByRole('form');
          await form.waitFor();
          expect(await form.locator('.reply-trigger').count()).toBe(4);
          const phrase = form.getByRole('textbox', { name: text.phrases });
          await phrase.fill(text.refused);
          await phrase.press('Enter');
          await expect.poll(async () => strip(await form.locator('.reply-triggers .field-error').textContent())).toContain(text.refusal);
          expect(await form.locator('.reply-trigger').count()).toBe(4);

          const message = form.getByRole('textbox', { name: text.tryLabel });
          await message.fill(text.message);
          await expect.poll(async () => strip(await form.getByRole('status').textContent())).toBe(text.outcome);
          await form.locator('.reply-trigger-try').scrollIntoViewIfNeeded();
          // The chips sit inside the form, the long one cut with an ellipsis rather than overflowing it.
          const boxes = await form.locator('.reply-trigger').evaluateAll((chips) => chips.map((chip) => chip.getBoundingClientRect()));
          const formBox = await form.boundingBox();
          for (const box of boxes) {
            expect(box.left).toBeGreaterThanOrEqual((formBox?.x ?? 0) - 1);
            expect(box.right).toBeLessThanOrEqual((formBox?.x ?? 0) + (formBox?.width ?? 0) + 1);
          }
          await shot(page, `faq-editor-${lang}-${scheme}`);
          await form.locator('.reply-trigger-list').screenshot({ path: path.join(OUT, `faq-chips-${lang}-${scheme}.png`) });
          expect(shell.errors).toEqual([]);
          expect(shell.rejected).toEqual([]);
        } finally {
          await shell.close();
        }
      });
    }
  }
});
