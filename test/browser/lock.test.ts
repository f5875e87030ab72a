/**
 * The app lock in real Chromium, against main's real core: a locked shell shows only the lock screen (no service
 * view, no chat, no name), a wrong password says so, the right one shows the inbox. Screenshots of the lock
 * screen and of the settings' app-lock part in light and dark, English and Arabic (test-results/screenshots/).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceConfig } from '../../common/model';
import { initialRuntime, type AppState } from '../../common/state';
import { launchChromium } from '../support/chromium';
import { openShell, type ShellHarness } from '../support/shell-harness';

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

const account = (id: string, name: string): ServiceConfig => ({ id, platform: 'whatsapp', name, enabled: true, muted: false, callsAllowed: false });

function shop(): Partial<AppState> {
  return {
    services: [account('s1', 'Shop WhatsApp')],
    activeServiceId: 's1',
    view: 'inbox',
    runtime: { s1: { ...initialRuntime(true), status: 'ready', unread: 12, titleUnread: 12, connected: true } },
    notifications: [{ id: 'n1', serviceId: 's1', title: 'Layla Haddad', body: 'Is the blue dress in stock?', at: Date.now(), read: false }],
  };
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
}

describe('the app lock', () => {
  let h: ShellHarness;

  afterAll(async () => {
    await h.close();
  });

  it('locked, the window shows only the lock screen and no service view', async () => {
    h = await openShell(browser, { state: { ...shop(), view: 'service' }, password: 'sesame', viewport: SIZE });
    const { page } = h;
    await page.getByRole('main', { name: 'Wasl is locked' }).waitFor();
    const text = await page.locator('body').innerText();
    for (const secret of ['Shop WhatsApp', 'Layla', 'dress', '12']) expect(text).not.toContain(secret);
    expect(await page.locator('nav').count()).toBe(0);
    expect(h.views.shown?.id ?? null).toBeNull();
    expect(await page.getByLabel('Password').evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('a wrong password is refused with a message; the right one shows the service again', async () => {
    const { page } = h;
    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toBe('Wrong password. Try again.');
    expect(h.lock.locked).toBe(true);

    await page.getByLabel('Password').fill('sesame');
    await page.keyboard.press('Enter');
    await page.locator('nav').waitFor();
    expect(h.lock.locked).toBe(false);
    expect(await page.getByRole('main', { name: 'Wasl is locked' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Inbox' }).first().click();
    await page.getByRole('heading', { name: 'Inbox' }).first().waitFor();
    expect(h.errors).toEqual([]);
    expect(h.rejected).toEqual([]);
  });
});

const VARIANTS = [
  { locale: 'en-US', language: 'en', colorScheme: 'light' },
  { locale: 'en-US', language: 'en', colorScheme: 'dark' },
  { locale: 'ar-SA', language: 'ar', colorScheme: 'light' },
  { locale: 'ar-SA', language: 'ar', colorScheme: 'dark' },
] as const;

describe('screenshots', () => {
  for (const variant of VARIANTS) {
    const name = `${variant.language}-${variant.colorScheme}`;

    it(`the lock screen after wrong passwords, ${name}`, async () => {
      const h = await openShell(browser, { state: shop(), password: 'sesame', viewport: SIZE, colorScheme: variant.colorScheme, locale: variant.locale, deviceScaleFactor: 2 });
      try {
        const { page } = h;
        for (let i = 0; i < 3; i += 1) {
          await page.getByRole('textbox').fill('wrong');
          await page.getByRole('button').click();
          await page.locator('.lock-error:not(:empty)').waitFor();
        }
        await page.locator('.lock-wait').waitFor();
        expect(await page.locator('html').getAttribute('dir')).toBe(variant.language === 'ar' ? 'rtl' : 'ltr');
        await shot(page, `lock-screen-${name}`);
      } finally {
        await h.close();
      }
    });

    it(`the app lock in the settings, ${name}`, async () => {
      const h = await openShell(browser, { state: shop(), password: 'sesame', viewport: SIZE, colorScheme: variant.colorScheme, locale: variant.locale, deviceScaleFactor: 2 });
      try {
        const { page } = h;
        await page.getByRole('textbox').fill('sesame');
        await page.keyboard.press('Enter');
        await page.locator('nav').waitFor();
        await h.action('open-settings');
        const section = page.locator('.lock-settings');
        await section.waitFor();
        await section.scrollIntoViewIfNeeded();
        await shot(page, `lock-settings-${name}`);
        await section.screenshot({ path: path.join(OUT, `lock-settings-part-${name}.png`) });
        await section.locator('.lock-settings-actions .button').nth(1).click();
        await section.locator('.lock-form').waitFor();
        await section.locator('.lock-form button[type=submit]').click();
        await section.locator('.field-error').first().waitFor();
        await section.scrollIntoViewIfNeeded();
        await shot(page, `lock-settings-change-${name}`);
      } finally {
        await h.close();
      }
    });
  }
});
