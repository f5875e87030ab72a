/**
 * The chat list beside the open service, laid out in real Chromium: between the sidebar and the service (mirrored
 * in Arabic), the rectangle sent to main for the service's page beside it and never under it (also after a drag of
 * its edge), pictures only in a 900 px window, a chat opened from it with the list still there. Screenshots for
 * review go to test-results/screenshots/ (not committed): English and Arabic, light and dark, 1280×800 and 900 px.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rect } from '../../common/ipc';
import { launchChromium } from '../support/chromium';
import { customerDemo, NOW, reportChats } from '../support/customer-demo';
import { openShell, type ShellHarness } from '../support/shell-harness';

const OUT = path.resolve(import.meta.dirname, '../../test-results/screenshots');

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(OUT, { recursive: true });
});

afterAll(async () => {
  await browser.close();
});

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (found === null) throw new Error('not laid out');
  return { left: found.x, right: found.x + found.width, top: found.y, bottom: found.y + found.height };
}

const boxOf = (rect: Rect): Box => ({ left: rect.x, right: rect.x + rect.width, top: rect.y, bottom: rect.y + rect.height });

/** The service view beside the list, the demo's customers reported: the list's rows in view. */
async function openBeside(locale: 'en' | 'ar', width: number, scheme: 'light' | 'dark'): Promise<ShellHarness> {
  const demo = customerDemo();
  const shell = await openShell(browser, {
    state: { ...demo.state, view: 'service' },
    activity: demo.activity,
    locale,
    colorScheme: scheme,
    viewport: { width, height: 800 },
    deviceScaleFactor: 2,
    now: NOW,
  });
  await reportChats(shell, demo.chats);
  await shell.page.locator('.list-column .inbox-row').first().waitFor();
  return shell;
}

/** The last rectangle the page sent for the service's page, once it settled. */
async function sentRect(shell: ShellHarness, page: Page): Promise<Box> {
  const expected = await box(page.getByTestId('viewport'));
  await expect.poll(() => shell.viewports.at(-1)).toEqual({
    x: Math.round(expected.left),
    y: Math.round(expected.top),
    width: Math.round(expected.right) - Math.round(expected.left),
    height: Math.round(expected.bottom) - Math.round(expected.top),
  });
  const last = shell.viewports.at(-1);
  if (last === null || last === undefined) throw new Error('no viewport sent');
  return boxOf(last);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
}

describe('the list beside the service', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const locale of ['en', 'ar'] as const) {
      const name = locale === 'en' ? 'Chats' : 'المحادثات';
      const rtl = locale === 'ar';

      it(`${locale}, ${scheme}, 1280×800: beside the sidebar, the page's rectangle beside it, a chat opened with the list kept`, async () => {
        const shell = await openBeside(locale, 1280, scheme);
        const { page } = shell;
        try {
          const column = page.getByRole('complementary', { name });
          const nav = await box(page.getByRole('navigation'));
          let list = await box(column);
          expect(list.right - list.left).toBeCloseTo(320, 0);
          if (rtl) expect(list.right).toBeCloseTo(nav.left, 0);
          else expect(list.left).toBeCloseTo(nav.right, 0);
          let rect = await sentRect(shell, page);
          if (rtl) expect(rect.right).toBeLessThanOrEqual(list.left);
          else expect(rect.left).toBeGreaterThanOrEqual(list.right);
          await shot(page, `list-beside-${locale}-1280-${scheme}`);

          const row = column.getByRole('option').nth(2);
          await row.click();
          await expect.poll(() => shell.commands.filter((c) => c.type === 'service.openChat').length).toBe(1);
          expect(await row.getAttribute('aria-selected')).toBe('true');
          expect(await column.isVisible()).toBe(true);
          await shot(page, `list-beside-${locale}-1280-${scheme}-opened`);

          // Dragging the edge 80 px toward the service widens the list and narrows the page's rectangle as much.
          const handle = await box(column.getByRole('separator'));
          const x = rtl ? handle.left + 1 : handle.right - 1;
          const y = (handle.top + handle.bottom) / 2;
          await page.mouse.move(x, y);
          await page.mouse.down();
          await page.mouse.move(rtl ? x - 80 : x + 80, y, { steps: 4 });
          await page.mouse.up();
          await expect.poll(() => shell.store.getState().settings.layout.listWidth).toBe(400);
          list = await box(column);
          expect(list.right - list.left).toBeCloseTo(400, 0);
          const before = rect;
          rect = await sentRect(shell, page);
          expect(rect.right - rect.left).toBe(before.right - before.left - 80);
          if (rtl) expect(rect.right).toBeLessThanOrEqual(list.left);
          else expect(rect.left).toBeGreaterThanOrEqual(list.right);
          expect(shell.errors).toEqual([]);
        } finally {
          await shell.close();
        }
      });

      it(`${locale}, ${scheme}, 900 px: pictures only, the page's rectangle beside them`, async () => {
        const shell = await openBeside(locale, 900, scheme);
        const { page } = shell;
        try {
          const column = page.getByRole('complementary', { name });
          const list = await box(column);
          expect(list.right - list.left).toBeCloseTo(72, 0);
          expect(await column.locator('.inbox-row-name').first().isVisible()).toBe(false);
          expect(await column.locator('.avatar').first().isVisible()).toBe(true);
          const rect = await sentRect(shell, page);
          if (rtl) expect(rect.right).toBeLessThanOrEqual(list.left);
          else expect(rect.left).toBeGreaterThanOrEqual(list.right);
          await shot(page, `list-beside-${locale}-900-${scheme}`);
          expect(shell.errors).toEqual([]);
        } finally {
          await shell.close();
        }
      });
    }
  }
});
