/**
 * Screenshots for review (test-results/screenshots/) of suggested answers, English and Arabic, light and dark:
 * the inbox of the shop demo (test/support/customer-demo.ts) where a quick reply's trigger phrase matches Ahmed's
 * question and the long Arabic name's, and a new customer is offered the greeting; and the Greeting & away tab.
 * Each shot first checks that the screen shows what it is meant to.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatKey } from '../../common/inbox';
import { DEFAULT_SETTINGS } from '../../common/settings';
import { launchChromium } from '../support/chromium';
import { customerDemo, LONG_ARABIC_NAME, NOW, reportChats } from '../support/customer-demo';
import { openShell } from '../support/shell-harness';

const OUT = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const SIZE = { width: 1200, height: 760 };

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

const TEXT = {
  en: { list: 'Chats', tools: 'Shop tools', tab: 'Greeting & away', greeting: 'Greeting', away: 'Away message', offered: ['Dress sizes', 'Greeting', 'Delivery days'] },
  ar: { list: 'المحادثات', tools: 'أدوات المتجر', tab: 'الترحيب والغياب', greeting: 'رسالة الترحيب', away: 'رسالة الغياب', offered: ['Dress sizes', 'ترحيب', 'Delivery days'] },
} as const;

function demo(language: 'en' | 'ar') {
  const base = customerDemo();
  const phone = base.activity.chats[chatKey('wa', 'phone')];
  if (phone === undefined) throw new Error('the demo changed: no phone chat');
  phone.newAt = NOW - 50 * 60_000;
  return {
    ...base,
    state: {
      ...base.state,
      settings: {
        ...DEFAULT_SETTINGS,
        language,
        shop: {
          ...DEFAULT_SETTINGS.shop,
          name: 'بوتيك نور',
          greeting: language === 'ar' ? 'أهلًا {first_name}، مرحبًا بك في {shop}! كيف نخدمك؟' : 'Hello {first_name}, welcome to {shop}! How can we help?',
          away: language === 'ar' ? 'شكرًا لرسالتك! المتجر مغلق الآن ونرد من التاسعة صباحًا.' : 'Thank you! We are closed now and answer from 9 am.',
        },
      },
      quickReplies: [
        { id: 'q1', name: 'Dress sizes', body: 'Yes {first_name}, the blue dress comes in S, M and L.', triggers: ['blue dress'] },
        { id: 'q2', name: 'Delivery days', body: 'نوصل الطلبات يوميًا من الأحد إلى الخميس.', triggers: ['توصيل', 'delivery'] },
      ],
    },
  };
}

describe('suggested answers screenshots', () => {
  for (const language of ['en', 'ar'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      const suffix = `${language}-${scheme}`;
      it(`${language}, ${scheme}`, async () => {
        const shop = demo(language);
        const shell = await openShell(browser, { state: shop.state, activity: shop.activity, colorScheme: scheme, viewport: SIZE, locale: language, deviceScaleFactor: 2, now: NOW });
        const { page } = shell;
        const text = TEXT[language];
        try {
          await reportChats(shell, shop.chats);
          const list = page.getByRole('listbox', { name: text.list });
          await expect.poll(() => list.locator('.suggestion-chip').allTextContents()).toEqual(text.offered);
          expect(await list.getByRole('option').filter({ hasText: LONG_ARABIC_NAME }).locator('.suggestion-chip').textContent()).toBe('Delivery days');
          await shot(page, `suggestions-inbox-${suffix}`);

          await page.getByRole('button', { name: text.tools }).click();
          const dialog = page.getByRole('dialog', { name: text.tools });
          await dialog.getByRole('tab', { name: text.tab }).click();
          await dialog.getByRole('textbox', { name: text.greeting }).waitFor();
          expect(await dialog.getByRole('textbox', { name: text.away }).inputValue()).toBe(shop.state.settings.shop.away);
          await shot(page, `suggestions-greetings-tab-${suffix}`);
          expect(shell.errors).toEqual([]);
        } finally {
          await shell.close();
        }
      });
    }
  }
});
