/**
 * Screenshots for review (test-results/screenshots/) of the find bar open over a service, in light and dark,
 * English and Arabic: the text searched, main's count ("3 of 12", in the UI language's numbers), previous, next
 * and close, and the page's box below the bar. The count comes through main's own find controller; the page's
 * answer to findInPage is stood in for by a port that answers 3 of 12 (no page is drawn in these shots: the
 * native view is not part of the shell). Each shot first checks that the screen shows what it is meant to.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceConfig } from '../../common/model';
import { DEFAULT_SETTINGS } from '../../common/settings';
import { initialRuntime, type AppState } from '../../common/state';
import type { FindPort, FoundInPage } from '../../main/core/find/find';
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
    view: 'service',
    os: 'linux',
    settings: { ...DEFAULT_SETTINGS, language },
  };
}

/** A page that has 12 matches of anything, the third selected, answered as Electron answers (later). */
const twelve = (found: (serviceId: string, result: FoundInPage) => void): FindPort => {
  let next = 1;
  return {
    find: (serviceId) => {
      const requestId = next++;
      setTimeout(() => found(serviceId, { requestId, activeMatchOrdinal: 3, matches: 12, finalUpdate: true }), 0);
      return requestId;
    },
    stopFind: () => undefined,
  };
};

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
}

const TEXT = {
  en: { bar: 'Find in page', field: 'Find in Shop WhatsApp', query: 'blue dress', count: '3 of 12', next: 'Next match' },
  ar: { bar: 'البحث في الصفحة', field: 'البحث في واتساب المتجر', query: 'فستان أزرق', count: null, next: 'النتيجة التالية' },
} as const;

describe('find bar screenshots', () => {
  for (const locale of ['en', 'ar'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`the find bar with a count, ${locale}, ${scheme}`, async () => {
        const text = TEXT[locale];
        const shell = await openShell(browser, { state: state(locale), colorScheme: scheme, viewport: SIZE, locale, deviceScaleFactor: 2, findPort: twelve });
        const { page } = shell;
        try {
          await shell.action('find');
          const bar = page.getByRole('search', { name: text.bar });
          const field = bar.getByRole('textbox', { name: text.field });
          await field.pressSequentially(text.query);
          const count = bar.getByRole('status');
          const expected =
            text.count ?? (await page.evaluate(() => `${new Intl.NumberFormat('ar').format(3)} من ${new Intl.NumberFormat('ar').format(12)}`));
          await expect.poll(() => count.textContent()).toBe(expected);
          await bar.getByRole('button', { name: text.next }).waitFor();
          // The bar mirrors in Arabic: the field at the start of the line (the right), the close button at its end.
          const [fieldBox, closeBox] = await Promise.all([field.boundingBox(), bar.getByRole('button').last().boundingBox()]);
          if (!fieldBox || !closeBox) throw new Error('the bar is not laid out');
          expect(locale === 'ar' ? fieldBox.x > closeBox.x : fieldBox.x < closeBox.x).toBe(true);
          // The page's box starts below the bar.
          const barBox = await bar.boundingBox();
          await expect.poll(() => shell.viewports.at(-1)?.y).toBe(Math.round((barBox?.y ?? 0) + (barBox?.height ?? 0)));
          await shot(page, `find-${locale}-${scheme}`);
          expect(shell.errors).toEqual([]);
        } finally {
          await shell.close();
        }
      });
    }
  }
});
