/**
 * Screenshots of quick replies for review (test-results/screenshots/, not committed), in light and dark, English
 * and Arabic: the palette over a customer's chat, the palette when the page had no message box, the library tab,
 * a reply being edited under the undo bar of a deletion, and the empty states. Each shot first checks that the
 * screen shows what it is meant to.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../common/settings';
import { CHANNELS } from '../../common/channels';
import type { ServiceConfig } from '../../common/model';
import type { QuickReply } from '../../common/shop/model';
import { initialRuntime, type AppState } from '../../common/state';
import { launchChromium } from '../support/chromium';
import { openShell, type ShellHarness } from '../support/shell-harness';

const OUT = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const SIZE = { width: 1200, height: 760 };

type Lang = 'en' | 'ar';

const TEXT = {
  en: {
    shop: 'Rose Boutique',
    service: 'Shop WhatsApp',
    customer: 'Sara Ahmed',
    replies: [
      { id: 'q1', name: 'welcome', body: 'Hello {first_name}, welcome to {shop}! How can we help you today?' },
      { id: 'q2', name: 'prices', body: 'Our prices:\n• Cotton dress: 180 SAR\n• Silk scarf: 95 SAR\nDelivery is free over 300 SAR.' },
      { id: 'q3', name: 'delivery-times-for-riyadh-jeddah-and-dammam-orders', body: 'Orders placed before 2 pm ship the same day. Riyadh, Jeddah and Dammam: 1–2 days; elsewhere in the Kingdom: 3–5 days. You will get a tracking link by SMS as soon as your parcel leaves our warehouse.' },
      { id: 'q4', name: 'payment', body: 'You can pay by card, Apple Pay, bank transfer or cash on delivery.' },
      { id: 'q5', name: 'شكر', body: 'شكرًا {first_name} على طلبك من {shop}!' },
      { id: 'q6', name: 'thanks', body: 'Thank you {name}, your order is confirmed.' },
    ],
    palette: 'Quick replies',
    toolbar: 'Quick replies (\u2066Ctrl+Shift+Space\u2069)',
    shopTools: 'Shop tools',
    edit: 'Edit “/\u2068prices\u2069”',
    remove: 'Delete “/\u2068payment\u2069”',
    newReply: 'New reply',
  },
  ar: {
    shop: 'بوتيك الورد',
    service: 'واتساب المتجر',
    customer: 'سارة أحمد',
    replies: [
      { id: 'q1', name: 'ترحيب', body: 'أهلًا {first_name}، مرحبًا بك في {shop}! كيف نساعدك اليوم؟' },
      { id: 'q2', name: 'الأسعار', body: 'أسعارنا:\n• فستان قطني: ١٨٠ ريالًا\n• وشاح حرير: ٩٥ ريالًا\nالتوصيل مجاني للطلبات فوق ٣٠٠ ريال.' },
      { id: 'q3', name: 'مواعيد-التوصيل-إلى-الرياض-وجدة-والدمام-وباقي-مدن-المملكة', body: 'الطلبات قبل الثانية ظهرًا تُشحن في اليوم نفسه. الرياض وجدة والدمام: يوم إلى يومين، وباقي مدن المملكة: من ٣ إلى ٥ أيام. يصلك رابط التتبع برسالة نصية فور خروج الطرد من مستودعنا.' },
      { id: 'q4', name: 'الدفع', body: 'يمكنك الدفع بالبطاقة أو Apple Pay أو التحويل البنكي أو نقدًا عند الاستلام.' },
      { id: 'q5', name: 'thanks', body: 'Thank you {first_name} for your order from {shop}!' },
      { id: 'q6', name: 'تأكيد', body: 'شكرًا {name}، تم تأكيد طلبك.' },
    ],
    palette: 'الردود السريعة',
    toolbar: 'الردود السريعة (\u2066Ctrl+Shift+Space\u2069)',
    shopTools: 'أدوات المتجر',
    edit: 'تعديل «/\u2068الأسعار\u2069»',
    remove: 'حذف «/\u2068الدفع\u2069»',
    newReply: 'رد جديد',
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

function state(lang: Lang, replies: QuickReply[], shopName: string): Partial<AppState> {
  const service: ServiceConfig = { id: 's1', platform: 'whatsapp', name: TEXT[lang].service, enabled: true, muted: false, callsAllowed: false };
  return {
    services: [service],
    activeServiceId: 's1',
    view: 'service',
    runtime: { s1: { ...initialRuntime(true), status: 'ready', connected: true } },
    settings: { ...DEFAULT_SETTINGS, shop: { ...DEFAULT_SETTINGS.shop, name: shopName } },
    quickReplies: replies,
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

const strip = (text: string | null) => (text ?? '').replace(/[\u2066-\u2069]/gu, '');

async function start(lang: Lang, scheme: 'light' | 'dark', replies: QuickReply[], shopName: string): Promise<ShellHarness> {
  const shell = await openShell(browser, { state: state(lang, replies, shopName), colorScheme: scheme, viewport: SIZE, locale: lang, deviceScaleFactor: 2 });
  expect(await shell.page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
  return shell;
}

describe('quick replies screenshots', () => {
  for (const lang of ['en', 'ar'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`the palette and the library, ${lang}, ${scheme}`, async () => {
        const text = TEXT[lang];
        const shell = await start(lang, scheme, text.replies, text.shop);
        const { page } = shell;
        try {
          await openChat(shell, lang);
          await page.getByRole('button', { name: text.toolbar }).click();
          const palette = page.getByRole('dialog', { name: text.palette });
          await expect.poll(async () => strip(await palette.locator('.reply-where').textContent())).toContain(text.customer);
          expect(await palette.getByRole('option').count()).toBe(6);
          await page.keyboard.press('ArrowDown');
          await page.keyboard.press('ArrowDown');
          await page.keyboard.press('ArrowDown');
          await page.keyboard.press('ArrowDown');
          expect(strip(await palette.locator('.reply-preview-text').textContent())).toBe(
            lang === 'en' ? 'شكرًا Sara على طلبك من Rose Boutique!' : 'Thank you سارة for your order from بوتيك الورد!',
          );
          await shot(page, `replies-palette-${lang}-${scheme}`);

          // The page answers that it has no message box: the palette says so and keeps everything.
          await page.keyboard.press('Enter');
          await expect.poll(() => shell.views.calls.filter((c) => c.op === 'send' && c.channel === CHANNELS.serviceInsertText).length).toBe(1);
          const request = shell.views.calls.find((c) => c.op === 'send' && c.channel === CHANNELS.serviceInsertText);
          const { requestId } = (request?.op === 'send' ? request.payload : {}) as { requestId: string };
          shell.controller.insertResult('s1', requestId, false);
          await palette.getByRole('alert').waitFor();
          await shot(page, `replies-palette-error-${lang}-${scheme}`);
          await page.keyboard.press('Escape');
          await palette.waitFor({ state: 'detached' });

          await shell.action('open-shop');
          const shop = page.getByRole('dialog', { name: text.shopTools });
          await expect.poll(() => shop.getByRole('listitem').count()).toBe(6);
          await shot(page, `replies-library-${lang}-${scheme}`);

          await shop.getByRole('button', { name: text.remove }).click();
          await expect.poll(() => shop.getByRole('listitem').count()).toBe(5);
          await shop.getByRole('button', { name: text.edit }).click();
          await shop.getByRole('form').waitFor();
          await shot(page, `replies-editor-${lang}-${scheme}`);
          expect(shell.errors).toEqual([]);
          expect(shell.rejected).toEqual([]);
        } finally {
          await shell.close();
        }
      });

      it(`the empty states, ${lang}, ${scheme}`, async () => {
        const text = TEXT[lang];
        const shell = await start(lang, scheme, [], '');
        const { page } = shell;
        try {
          await shell.action('quick-replies');
          await page.getByRole('dialog', { name: text.palette }).locator('.replies-empty').waitFor();
          await shot(page, `replies-palette-empty-${lang}-${scheme}`);
          await page.keyboard.press('Escape');

          await shell.action('open-shop');
          const shop = page.getByRole('dialog', { name: text.shopTools });
          await shop.locator('.replies-empty').waitFor();
          await shot(page, `replies-library-empty-${lang}-${scheme}`);

          // A new reply with {shop} while no shop name is set: the preview says where to set it.
          await shop.getByRole('button', { name: text.newReply }).click();
          await page.keyboard.type(lang === 'en' ? 'welcome' : 'ترحيب');
          await page.keyboard.press('Tab');
          await page.keyboard.type(lang === 'en' ? 'Welcome to ' : 'مرحبًا بك في ');
          await shop.locator('.reply-variable').nth(2).click();
          await shop.locator('.reply-editor-preview .reply-note').waitFor();
          await shot(page, `replies-editor-new-${lang}-${scheme}`);
          expect(shell.errors).toEqual([]);
        } finally {
          await shell.close();
        }
      });
    }
  }
});
