/**
 * Screenshots for review (test-results/screenshots/) of the desktop and update parts of the settings and of the
 * banner that offers the restart, in light and dark, English and Arabic. Each shot first checks that the screen
 * shows what it is meant to.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceConfig } from '../../common/model';
import { initialRuntime, type AppState } from '../../common/state';
import { launchChromium } from '../support/chromium';
import { openShell } from '../support/shell-harness';

const OUT = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const SIZE = { width: 1200, height: 760 };
const NOW = new Date(2026, 10, 21, 14, 20).getTime();

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

function demo(update: AppState['update'], packaged = true): Partial<AppState> {
  return {
    services: [account('s1', 'whatsapp', 'WhatsApp'), account('s2', 'instagram', 'Instagram'), account('s3', 'telegram', 'Telegram')],
    activeServiceId: 's1',
    runtime: { s1: { ...initialRuntime(true), status: 'ready' }, s2: { ...initialRuntime(true), status: 'ready' }, s3: { ...initialRuntime(true), status: 'ready' } },
    view: 'inbox',
    packaged,
    update,
  };
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
}

const strip = (text: string | null) => (text ?? '').replace(/[\u2066-\u2069]/gu, '');

const TEXT = {
  en: { settings: 'Settings', desktop: 'Desktop', restart: 'Restart to Update', banner: 'A new version of Wasl (1.4.0) is ready to install.' },
  ar: { settings: 'الإعدادات', desktop: 'سطح المكتب', restart: 'إعادة التشغيل للتحديث', banner: 'إصدار جديد من وصل (1.4.0) جاهز للتثبيت.' },
} as const;

describe('desktop and update screenshots', () => {
  for (const locale of ['en', 'ar'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`settings and the update banner, ${locale}, ${scheme}`, async () => {
        const text = TEXT[locale];
        const shell = await openShell(browser, {
          state: demo({ phase: 'downloading', version: '1.4.0', percent: 41 }),
          colorScheme: scheme,
          viewport: SIZE,
          locale,
          deviceScaleFactor: 2,
          now: NOW,
        });
        const { page } = shell;
        try {
          await page.getByRole('button', { name: text.settings, exact: true }).click();
          const dialog = page.getByRole('dialog', { name: text.settings });
          await dialog.waitFor();
          await dialog.getByRole('region', { name: text.desktop }).scrollIntoViewIfNeeded();
          await dialog.getByRole('progressbar').scrollIntoViewIfNeeded();
          expect(await dialog.getByRole('switch').count()).toBe(4);
          await shot(page, `settings-desktop-${locale}-${scheme}`);

          shell.store.setState({ update: { phase: 'ready', version: '1.4.0', checkedAt: NOW } });
          await shell.settled();
          await dialog.getByRole('button', { name: text.restart }).scrollIntoViewIfNeeded();
          await shot(page, `settings-update-ready-${locale}-${scheme}`);

          await page.keyboard.press('Escape');
          await dialog.waitFor({ state: 'detached' });
          const notices = page.getByRole('region', { name: locale === 'en' ? 'Notices' : 'التنبيهات' });
          expect(strip(await notices.textContent())).toContain(text.banner);
          await shot(page, `update-banner-${locale}-${scheme}`);
          expect(shell.errors).toEqual([]);
        } finally {
          await shell.close();
        }
      });
    }
  }

  it('a development build: the switches that need an installed app say so', async () => {
    const shell = await openShell(browser, { state: demo({ phase: 'idle' }, false), viewport: SIZE, locale: 'en', deviceScaleFactor: 2, now: NOW });
    const { page } = shell;
    try {
      await page.getByRole('button', { name: 'Settings', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Settings' });
      await dialog.getByRole('switch', { name: 'Update automatically' }).scrollIntoViewIfNeeded();
      expect(await dialog.getByRole('switch', { name: 'Update automatically' }).isDisabled()).toBe(true);
      await shot(page, 'settings-desktop-dev-en-light');
    } finally {
      await shell.close();
    }
  });
});
