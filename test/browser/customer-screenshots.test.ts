/**
 * Screenshots of the inbox's shop features for review (test-results/screenshots/, not committed), in light and
 * dark, English and Arabic: the inbox with labels, statuses, waiting times and reply windows (a due reminder
 * pinned at the top, a snoozed and a done customer left out), the Waiting view, a row's "Remind me" menu, and the customer
 * card of a customer with a very long Arabic name (its top, then scrolled to its end). Each shot first checks that the screen shows what it is meant to.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  en: { list: 'Chats', waiting: 'Waiting', actions: 'Actions for', remind: 'Remind me…', card: 'Customer card', notes: 'Note' },
  ar: { list: 'المحادثات', waiting: 'بانتظار الرد', actions: 'إجراءات', remind: 'ذكّرني…', card: 'بطاقة العميل', notes: 'ملاحظة' },
} as const;

const names = (page: Page) => page.locator('[role="listbox"] .inbox-row-name').allTextContents();

describe('shop inbox screenshots', () => {
  for (const language of ['en', 'ar'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      const suffix = `${language === 'ar' ? '-ar' : ''}-${scheme}`;
      it(`${language}, ${scheme}`, async () => {
        const demo = customerDemo();
        const shell = await openShell(browser, { state: demo.state, activity: demo.activity, colorScheme: scheme, viewport: SIZE, locale: language, deviceScaleFactor: 2, now: NOW });
        const { page } = shell;
        const text = TEXT[language];
        try {
          await reportChats(shell, demo.chats);
          const list = page.getByRole('listbox', { name: text.list });
          // José is snoozed until tomorrow and Fatima is done: out of the list; Layla's reminder is due: first.
          await expect.poll(() => list.getByRole('option').count()).toBe(7);
          expect((await names(page))[0]).toBe('Layla Nasser');
          expect(await names(page)).not.toContain('José Álvarez');
          expect(await names(page)).not.toContain('فاطمة الزهراء');
          expect(await page.locator('.state-chip[data-chip="window"]').count()).toBe(5);
          expect(await page.locator('.state-chip.tone-warning').count()).toBe(1);
          expect(await page.locator('.state-chip.tone-danger').count()).toBe(2);
          await shot(page, `inbox-shop${suffix}`);

          await page.getByRole('group').getByRole('button', { name: text.waiting, exact: true }).click();
          await expect.poll(() => list.getByRole('option').count()).toBe(5);
          expect((await names(page))[0]).toBe('Sara Ali');
          await shot(page, `inbox-waiting${suffix}`);
          await page.getByRole('group').getByRole('button', { name: text.waiting, exact: true }).click();

          const row = list.getByRole('option').filter({ hasText: LONG_ARABIC_NAME });
          await row.click({ button: 'right' });
          await page.getByRole('menuitem', { name: text.remind }).click();
          await page.getByRole('menu').waitFor();
          await shot(page, `inbox-remind-menu${suffix}`);
          await page.keyboard.press('Escape');

          await row.click({ button: 'right' });
          await page.getByRole('menuitem', { name: text.card }).click();
          const card = page.getByRole('dialog');
          await card.getByRole('textbox', { name: text.notes }).waitFor();
          expect(await card.locator('.customer-phone').textContent()).toBe('+966 55 111 2233');
          await shot(page, `customer-card${suffix}`);
          // The rest of the card: the note and the reminder.
          await card.locator('.customer-body').evaluate((body) => body.scrollTo({ top: body.scrollHeight }));
          await shot(page, `customer-card-end${suffix}`);
          expect(shell.errors).toEqual([]);
        } finally {
          await shell.close();
        }
      });
    }
  }
});
