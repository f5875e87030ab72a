/**
 * Screenshots for review (test-results/screenshots/) of a service's spelling dialog on Linux, in light and dark,
 * English and Arabic: the default languages ticked (Wasl's language and the system's, Arabic among them), Arabic
 * marked unavailable with the reason and what the user gets instead, and where dictionaries come from. A tick is
 * sent as main would take it, and the dialog follows. Each shot first checks that the screen shows what it is
 * meant to.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceConfig } from '../../common/model';
import { DEFAULT_SETTINGS } from '../../common/settings';
import { initialRuntime, type AppState } from '../../common/state';
import { launchChromium } from '../support/chromium';
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
    systemLanguages: language === 'en' ? ['ar-SA', 'en-US'] : ['ar-EG', 'en-GB'],
    settings: { ...DEFAULT_SETTINGS, language },
  };
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
}

const TEXT = {
  en: {
    service: 'Shop WhatsApp',
    menu: 'Spelling…',
    title: /^Spelling in .Shop WhatsApp.$/u,
    ticked: ['Arabic', 'English (United States)'],
    french: 'French',
    unavailable: 'Not available on Linux',
    arabic: 'Arabic is not checked on Linux.',
    google: 'Google’s servers',
  },
  ar: {
    service: 'واتساب المتجر',
    menu: 'التدقيق الإملائي…',
    title: /^التدقيق الإملائي في .واتساب المتجر.$/u,
    ticked: ['العربية', 'الإنجليزية (المملكة المتحدة)'],
    french: 'الفرنسية',
    unavailable: 'غير متاحة على لينكس',
    arabic: 'لا يُدقَّق الإملاء العربي على لينكس.',
    google: 'خوادم Google',
  },
} as const;

describe('spelling screenshots', () => {
  for (const locale of ['en', 'ar'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`the spelling dialog on Linux, ${locale}, ${scheme}`, async () => {
        const text = TEXT[locale];
        const shell = await openShell(browser, { state: state(locale), colorScheme: scheme, viewport: SIZE, locale, deviceScaleFactor: 2 });
        const { page } = shell;
        try {
          await page.getByRole('tab', { name: text.service }).click({ button: 'right' });
          await page.getByRole('menuitem', { name: text.menu }).click();
          const dialog = page.getByRole('dialog', { name: text.title });
          await dialog.waitFor();
          const checked = dialog.locator('.spelling-choice:has(input:checked) .spelling-name');
          expect(await checked.allTextContents()).toEqual(text.ticked);
          expect(await dialog.getByRole('checkbox').count()).toBe(15);
          await dialog.getByText(text.unavailable).waitFor();
          expect(await dialog.locator('.spelling-note.is-warning').textContent()).toContain(text.arabic);
          await dialog.locator('.spelling-note:not(.is-warning)').getByText(text.google, { exact: false }).waitFor();
          // Everything shows at once: the dialog's body has nothing scrolled out of sight.
          expect(await dialog.locator('.dialog-body').evaluate((body) => body.scrollHeight - body.clientHeight)).toBeLessThanOrEqual(1);
          await shot(page, `spelling-${locale}-${scheme}`);

          // The box is main's to tick (it shows the setting once main has it): click, then wait for main and the box.
          await dialog.getByRole('checkbox', { name: text.french }).click();
          await expect.poll(() => shell.store.getState().services[0]?.spellLanguages).toEqual(locale === 'en' ? ['ar', 'en-US', 'fr'] : ['ar', 'en-GB', 'fr']);
          await expect.poll(() => checked.count()).toBe(3);
          expect(shell.errors).toEqual([]);
        } finally {
          await shell.close();
        }
      });
    }
  }
});
