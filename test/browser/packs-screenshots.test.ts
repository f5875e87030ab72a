/**
 * Screenshots for review (test-results/screenshots/) of the resources screen's connector pack section: a downloaded
 * pack in use, WhatsApp gone back to the pack before it, and the last pack refused, in English (light) and Arabic
 * (dark). Each shot first checks that the section says what it should, and in Arabic that it reads right to left.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceConfig } from '../../common/model';
import { BUILT_IN_PACK_VERSION } from '../../common/pack-version';
import { initialRuntime, type AppState } from '../../common/state';
import { launchChromium } from '../support/chromium';
import { openShell } from '../support/shell-harness';

const OUT = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const SIZE = { width: 1200, height: 900 };
const NOW = new Date(2026, 2, 3, 14, 20).getTime();

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

function shop(): Partial<AppState> {
  return {
    services: [account('s1', 'whatsapp', 'WhatsApp'), account('s2', 'instagram', 'Instagram')],
    activeServiceId: 's1',
    runtime: { s1: { ...initialRuntime(true), status: 'ready' }, s2: { ...initialRuntime(true), status: 'ready' } },
    view: 'inbox',
    packs: {
      builtIn: BUILT_IN_PACK_VERSION,
      downloaded: { version: '1.3.0', builtAt: '2026-03-01T10:00:00.000Z' },
      pinBuiltIn: false,
      rolledBack: [{ platform: 'whatsapp', from: '1.3.0', to: '1.2.0', at: NOW - 3_600_000 }],
      lastRefusal: { reason: 'bad-signature', version: '1.4.0', at: NOW - 600_000 },
      lastCheck: NOW - 600_000,
    },
  };
}

const strip = (text: string | null) => (text ?? '').replace(/[\u2066-\u2069]/gu, '');

const TEXT = {
  en: { resources: 'Resources…', dialog: 'Resources', section: 'Connector pack', rollback: 'WhatsApp went back to pack 1.2.0 because 1.3.0 found no chats.', pin: 'Keep the built-in pack' },
  ar: { resources: 'الموارد…', dialog: 'الموارد', section: 'حزمة الموصلات', rollback: 'عاد WhatsApp إلى الحزمة 1.2.0 لأن الحزمة 1.3.0 لم تجد أي محادثة.', pin: 'الإبقاء على الحزمة المدمجة' },
} as const;

describe('connector pack screenshots', () => {
  for (const [locale, scheme] of [['en', 'light'], ['ar', 'dark'], ['ar', 'light']] as const) {
    it(`the resources screen's pack section, ${locale}, ${scheme}`, async () => {
      const text = TEXT[locale];
      const shell = await openShell(browser, { state: shop(), colorScheme: scheme, viewport: SIZE, locale, deviceScaleFactor: 2, now: NOW });
      const { page } = shell;
      try {
        await page.getByRole('tab', { name: 'WhatsApp' }).click({ button: 'right' });
        await page.getByRole('menuitem', { name: text.resources }).click();
        const dialog = page.getByRole('dialog', { name: text.dialog });
        const section = dialog.getByRole('region', { name: text.section });
        await section.scrollIntoViewIfNeeded();
        expect(strip(await section.getByRole('listitem').textContent())).toBe(text.rollback);
        const pin = section.getByRole('switch', { name: text.pin });
        expect(await pin.isChecked()).toBe(false);
        if (locale === 'ar') {
          // Right to left: the heading starts at the right, the switch sits at the left end of its row.
          expect(await section.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
          const [heading, box, toggle] = await Promise.all([section.getByRole('heading').boundingBox(), section.boundingBox(), pin.boundingBox()]);
          if (!heading || !box || !toggle) throw new Error('the section is not laid out');
          expect(box.x + box.width - (heading.x + heading.width)).toBeLessThan(4);
          expect(toggle.x - box.x).toBeLessThan(box.width / 2);
        }
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        await section.screenshot({ path: path.join(OUT, `resources-pack-${locale}-${scheme}.png`) });
        expect(shell.errors).toEqual([]);
      } finally {
        await shell.close();
      }
    });
  }
});
