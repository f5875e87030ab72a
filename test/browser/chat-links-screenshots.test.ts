/**
 * Screenshots for review (test-results/screenshots/) of the chat links tab in real Chromium, English and Arabic,
 * light and dark: a WhatsApp link from a local number and an Arabic message, its QR code, and the card as it
 * prints (print media), in the card's own language. The PNG main saves for that link is decoded back to exactly
 * the link, and so is the QR code as the screen draws it.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceConfig } from '../../common/model';
import { DEFAULT_SETTINGS } from '../../common/settings';
import { initialRuntime, type AppState } from '../../common/state';
import { launchChromium } from '../support/chromium';
import { openShell } from '../support/shell-harness';

const OUT = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const SIZE = { width: 1200, height: 860 };
const MESSAGE = 'مرحبا، أريد أن أطلب كيكة الشوكولاتة 🎂 #12 & التوصيل اليوم';
const LINK = `https://wa.me/966501234567?text=${encodeURIComponent(MESSAGE)}`;

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
    settings: { ...DEFAULT_SETTINGS, language, defaultRegion: 'SA', shop: { ...DEFAULT_SETTINGS.shop, name: 'حلويات نور' } },
  };
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
}

/** What a QR code in a PNG file says. */
function decode(png: Buffer): string | undefined {
  const read = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(read.data), read.width, read.height)?.data;
}

const TEXT = {
  en: { tools: 'Shop tools', tab: 'Chat links', number: 'WhatsApp number', message: 'Message to pre-fill (optional)', link: 'Chat link', savePng: 'Save PNG', card: 'Card language', call: 'امسح الرمز لمحادثتنا على WhatsApp', cardLang: 'ar' },
  ar: { tools: 'أدوات المتجر', tab: 'روابط المحادثة', number: 'رقم واتساب', message: 'رسالة معبّأة مسبقًا (اختيارية)', link: 'رابط المحادثة', savePng: 'حفظ PNG', card: 'لغة البطاقة', call: 'Scan to chat with us on WhatsApp', cardLang: 'en' },
} as const;

describe('chat links screenshots', () => {
  for (const locale of ['en', 'ar'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`a WhatsApp link with an Arabic message, its QR code and the printed card, ${locale}, ${scheme}`, async () => {
        const text = TEXT[locale];
        const shell = await openShell(browser, { state: state(locale), colorScheme: scheme, viewport: SIZE, locale, deviceScaleFactor: 2 });
        const { page } = shell;
        try {
          await page.getByRole('button', { name: text.tools }).click();
          const dialog = page.getByRole('dialog', { name: text.tools });
          await dialog.getByRole('tab', { name: text.tab }).click();
          await dialog.getByRole('textbox', { name: text.number }).fill('050 123 4567');
          await dialog.getByRole('textbox', { name: text.message }).fill(MESSAGE);
          const link = dialog.getByRole('status', { name: text.link });
          expect(await link.textContent()).toBe(LINK);

          // The QR code as the screen draws it scans to the link.
          const qr = dialog.locator('.chat-link-share > .qr-code');
          expect(decode(await qr.screenshot())).toBe(LINK);
          await shot(page, `chat-links-${locale}-${scheme}`);

          await dialog.getByRole('button', { name: text.savePng }).click();
          await expect.poll(() => shell.files.writtenBytes.size).toBe(1);
          const saved = [...shell.files.writtenBytes.values()][0];
          expect(decode(Buffer.from(saved ?? []))).toBe(LINK);

          await dialog.getByRole('combobox', { name: text.card }).selectOption(text.cardLang);
          await page.emulateMedia({ media: 'print' });
          const card = page.locator('.chat-link-card');
          expect(await card.isVisible()).toBe(true);
          expect(await card.textContent()).toContain(text.call);
          expect(await card.textContent()).toContain('حلويات نور');
          expect(decode(await card.locator('.qr-code').screenshot())).toBe(LINK);
          if (scheme === 'light') await shot(page, `chat-links-card-${text.cardLang}`);
          expect(shell.errors).toEqual([]);
        } finally {
          await shell.close();
        }
      });
    }
  }
});
