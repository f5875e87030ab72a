/**
 * Screenshots for review (test-results/screenshots/) of the cheat sheet and of the keyboard part of the settings,
 * in light and dark, English and Arabic, in the built shell against main's real command tables: a key changed, one
 * a site keeps (warned), one refused (said why), and the show/hide key the system refused. Each shot first checks
 * that the screen shows what it is meant to.
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

/** Three services on the inbox page; the lock has a key of the user's, and the show/hide key is one another app holds. */
function state(language: 'en' | 'ar'): Partial<AppState> {
  return {
    services: [account('s1', 'whatsapp', 'WhatsApp'), account('s2', 'slack', 'Slack'), account('s3', 'discord', 'Discord')],
    activeServiceId: 's1',
    runtime: { s1: { ...initialRuntime(true), status: 'ready' }, s2: { ...initialRuntime(true), status: 'ready' }, s3: { ...initialRuntime(true), status: 'ready' } },
    view: 'inbox',
    os: 'linux',
    settings: { ...DEFAULT_SETTINGS, language, shortcuts: { keys: { lock: 'Mod+Alt+KeyL', 'show-hide': 'Ctrl+Alt+Space' } } },
    globalKeyRefused: 'Ctrl+Alt+Space',
  };
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
}

const strip = (text: string | null) => (text ?? '').replace(/[\u2066-\u2069]/gu, '');

const TEXT = {
  en: {
    sheet: 'Keyboard shortcuts',
    settings: 'Settings',
    keyboard: 'Keyboard',
    lockRow: 'Lock Wasl',
    siteNote: 'In the pages of Slack and Discord this key stays theirs.',
    changeUnread: 'Change the key of Next unread chat',
    changeInbox: 'Change the key of Show the inbox',
    refused: 'Another app holds Ctrl+Alt+Space, so Wasl could not take it: choose another key.',
    taken: 'Ctrl+J is already the key of “Next unread chat”.',
    warned: 'In the pages of Slack and Discord this key stays theirs.',
  },
  ar: {
    sheet: 'اختصارات لوحة المفاتيح',
    settings: 'الإعدادات',
    keyboard: 'لوحة المفاتيح',
    lockRow: 'قفل وصل',
    siteNote: 'في صفحات Slack وDiscord يبقى هذا المفتاح لها.',
    changeUnread: 'تغيير مفتاح «المحادثة غير المقروءة التالية»',
    changeInbox: 'تغيير مفتاح «عرض صندوق الوارد»',
    refused: 'يستخدم تطبيق آخر Ctrl+Alt+Space، فلم يتمكن وصل من أخذه: اختر مفتاحًا آخر.',
    taken: 'Ctrl+J هو مفتاح «المحادثة غير المقروءة التالية» بالفعل.',
    warned: 'في صفحات Slack وDiscord يبقى هذا المفتاح لها.',
  },
} as const;

describe('keyboard shortcut screenshots', () => {
  for (const locale of ['en', 'ar'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`the cheat sheet and the keyboard settings, ${locale}, ${scheme}`, async () => {
        const text = TEXT[locale];
        const shell = await openShell(browser, { state: state(locale), colorScheme: scheme, viewport: SIZE, locale, deviceScaleFactor: 2 });
        const { page } = shell;
        try {
          await shell.action('shortcuts');
          const sheet = page.getByRole('dialog', { name: text.sheet });
          await sheet.waitFor();
          const lock = sheet.locator('.shortcut-row', { hasText: text.lockRow });
          expect(await lock.locator('kbd').allTextContents()).toEqual(['Ctrl+Alt+L']);
          expect(await lock.locator('kbd').getAttribute('dir')).toBe('ltr');
          expect(strip(await sheet.textContent())).toContain(text.siteNote);
          await shot(page, `shortcuts-${locale}-${scheme}`);

          await page.keyboard.press('Escape');
          await sheet.waitFor({ state: 'detached' });
          await shell.action('open-settings');
          const dialog = page.getByRole('dialog', { name: text.settings });
          await dialog.waitFor();
          const section = dialog.getByRole('region', { name: text.keyboard });
          await section.scrollIntoViewIfNeeded();
          expect(strip(await section.getByRole('alert').textContent())).toBe(text.refused);
          // A key a site keeps: taken, with the warning.
          await section.getByRole('button', { name: text.changeUnread }).click();
          await page.keyboard.press('Control+KeyK');
          await section.getByRole('status').waitFor();
          expect(strip(await section.getByRole('status').textContent())).toBe(text.warned);
          expect(shell.commands.filter((c) => c.type === 'settings.set').at(-1)).toEqual({
            type: 'settings.set',
            shortcuts: { keys: { lock: 'Mod+Alt+KeyL', 'show-hide': 'Ctrl+Alt+Space', 'next-unread': 'Mod+KeyK' } },
          });
          // A key another shortcut has: refused, and said why.
          await section.getByRole('button', { name: text.changeInbox }).click();
          await page.keyboard.press('Control+KeyK');
          const alerts = section.getByRole('alert');
          await expect.poll(() => alerts.count()).toBe(2);
          await section.getByRole('button', { name: text.changeInbox }).scrollIntoViewIfNeeded();
          await shot(page, `settings-keyboard-${locale}-${scheme}`);
          await page.keyboard.press('Escape');
          await section.locator('.key-settings-group').last().scrollIntoViewIfNeeded();
          await shot(page, `settings-keyboard-end-${locale}-${scheme}`);
          expect(shell.errors).toEqual([]);
        } finally {
          await shell.close();
        }
      }, 60_000);
    }
  }
});
