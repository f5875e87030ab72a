/**
 * The built shell in real Chromium against main's real core in Node (ServiceController + AppStore): the flow a
 * new user goes through, the viewport contract, and runtime changes pushed from main.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rect } from '../../common/ipc';
import { launchChromium } from '../support/chromium';
import { openShell, type ShellHarness } from '../support/shell-harness';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

const isolates = /[\u2066-\u2069]/gu;
const tabNames = (page: Page) => page.getByRole('tab').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('aria-label')));
const names = (shell: ShellHarness) => shell.store.getState().services.map((s) => s.name);
const viewportBox = (page: Page): Promise<Rect> =>
  page.getByTestId('viewport').evaluate((el) => {
    const r = el.getBoundingClientRect();
    const x = Math.round(r.left);
    const y = Math.round(r.top);
    return { x, y, width: Math.round(r.right) - x, height: Math.round(r.bottom) - y };
  });

async function addThroughDialog(page: Page, platform: RegExp, expectedName: string): Promise<void> {
  await page.getByRole('button', { name: 'Add a service' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a service' });
  await dialog.getByRole('button', { name: platform }).click();
  const name = page.getByRole('textbox', { name: 'Name' });
  expect(await name.inputValue()).toBe(expectedName);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

describe('the shell with main core', () => {
  it('first start → add three services → reorder by keyboard and drag → viewport → runtime → remove', async () => {
    const shell = await openShell(browser);
    const { page, views } = shell;
    try {
      await page.getByRole('heading', { name: 'Welcome to Wasl' }).waitFor();
      expect(await page.getByRole('tab').count()).toBe(0);

      await addThroughDialog(page, /^WhatsApp/u, 'WhatsApp');
      await addThroughDialog(page, /^WhatsApp/u, 'WhatsApp 2');
      await addThroughDialog(page, /^Telegram/u, 'Telegram');
      await expect.poll(() => tabNames(page)).toEqual(['WhatsApp', 'WhatsApp 2', 'Telegram']);
      expect(names(shell)).toEqual(['WhatsApp', 'WhatsApp 2', 'Telegram']);
      expect(views.of('open').map((c) => c.id)).toEqual(['svc-1', 'svc-2', 'svc-3']);
      expect(await page.getByRole('tab', { name: 'Telegram' }).getAttribute('aria-selected')).toBe('true');
      expect(shell.rejected).toEqual([]);

      // The page goes exactly where the viewport element is; nowhere while a dialog covers it.
      const box = await viewportBox(page);
      expect(box.x).toBeGreaterThan(0);
      expect(box.y).toBeGreaterThan(0);
      await expect.poll(() => shell.viewports.at(-1)).toEqual(box);
      await expect.poll(() => views.shown).toEqual({ op: 'present', id: 'svc-3', rect: box });
      await page.getByRole('button', { name: 'Settings' }).click();
      await expect.poll(() => shell.viewports.at(-1)).toBeNull();
      expect(views.shown).toEqual({ op: 'present', id: 'svc-3', rect: null });
      await page.keyboard.press('Escape');
      await expect.poll(() => views.shown?.rect).toEqual(box);
      await page.getByRole('tab', { name: 'WhatsApp 2' }).click({ button: 'right' });
      await page.getByRole('menu').waitFor();
      await expect.poll(() => views.shown?.rect).toBeNull();
      await page.keyboard.press('Escape');
      await expect.poll(() => views.shown?.rect).toEqual(box);

      // A resized window moves the page with the viewport.
      await page.setViewportSize({ width: 1000, height: 700 });
      const smaller = await viewportBox(page);
      expect(smaller.width).toBeLessThan(box.width);
      await expect.poll(() => views.shown?.rect).toEqual(smaller);

      // Reorder with the keyboard: Alt+↑ on Telegram.
      await page.getByRole('tab', { name: 'Telegram' }).focus();
      await page.keyboard.press('Alt+ArrowUp');
      await expect.poll(() => names(shell)).toEqual(['WhatsApp', 'Telegram', 'WhatsApp 2']);
      await expect.poll(() => tabNames(page)).toEqual(['WhatsApp', 'Telegram', 'WhatsApp 2']);
      await expect.poll(async () => (await page.getByRole('status').last().textContent())?.replace(isolates, '')).toBe(
        'Telegram moved to position 2 of 3.',
      );
      expect(await page.getByRole('tab', { name: 'Telegram' }).evaluate((el) => el === document.activeElement)).toBe(true);

      // Reorder by dragging WhatsApp below WhatsApp 2.
      const target = page.getByRole('tab', { name: 'WhatsApp 2' });
      const targetBox = await target.boundingBox();
      if (targetBox === null) throw new Error('no box for the drop target');
      await page.getByRole('tab', { name: 'WhatsApp', exact: true }).dragTo(target, {
        targetPosition: { x: targetBox.width / 2, y: targetBox.height - 4 },
      });
      await expect.poll(() => names(shell)).toEqual(['Telegram', 'WhatsApp 2', 'WhatsApp']);
      await expect.poll(() => tabNames(page)).toEqual(['Telegram', 'WhatsApp 2', 'WhatsApp']);

      // Runtime changes pushed from main.
      const badge = page.getByRole('tab', { name: 'WhatsApp', exact: true }).locator('.badge');
      await shell.setRuntime('svc-1', { unread: 3, status: 'ready' });
      await expect.poll(() => badge.textContent()).toBe('3');
      await shell.setRuntime('svc-1', { unread: 150 });
      await expect.poll(() => badge.textContent()).toBe('99+');
      await shell.controller.command({ type: 'service.set', id: 'svc-1', muted: true });
      await expect.poll(() => badge.getAttribute('class')).toBe('badge is-muted');
      await shell.setRuntime('svc-1', { unread: 0 });
      await expect.poll(() => badge.count()).toBe(0);

      await shell.setRuntime('svc-3', { status: 'crashed', retryAt: shell.clock.now() + 8_000, failures: 1, lastError: 'oom' });
      const viewport = page.getByTestId('viewport');
      await viewport.getByRole('heading', { name: /Telegram\W* stopped unexpectedly/u }).waitFor();
      expect(await viewport.textContent()).toMatch(/Reloading in [78] seconds\./u);
      await expect.poll(() => views.shown?.id).toBeNull();
      await viewport.getByRole('button', { name: 'Reload now' }).click();
      await expect.poll(() => views.of('reload').map((c) => c.id)).toEqual(['svc-3']);
      await expect.poll(async () => (await viewport.textContent())?.replace(isolates, '')).toBe('Loading Telegram…');
      expect(views.shown?.id).toBe('svc-3');

      // Remove WhatsApp 2 through its menu and the confirmation.
      await page.getByRole('tab', { name: 'WhatsApp 2' }).click({ button: 'right' });
      await page.getByRole('menuitem', { name: 'Remove…' }).click();
      const confirm = page.getByRole('dialog');
      expect((await confirm.getAttribute('aria-modal')) === 'true').toBe(true);
      expect((await confirm.textContent())?.replace(isolates, '')).toContain('its data on this computer will be deleted');
      await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
      await expect.poll(() => tabNames(page)).toEqual(['Telegram', 'WhatsApp']);
      expect(views.of('clear').map((c) => c.id)).toEqual(['svc-2']);
      expect(names(shell)).toEqual(['Telegram', 'WhatsApp']);
      expect(shell.rejected).toEqual([]);
      expect(shell.errors).toEqual([]);
    } finally {
      await shell.close();
    }
  });

  it('follows the language and theme settings', async () => {
    const shell = await openShell(browser, { colorScheme: 'dark' });
    const { page } = shell;
    try {
      const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const dark = await background();
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('radio', { name: 'Light' }).click();
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe('light');
      expect(await background()).not.toBe(dark);
      expect(await background()).toBe('rgb(255, 255, 255)');

      await page.getByRole('radio', { name: 'العربية' }).click();
      await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      expect(shell.store.getState().settings).toMatchObject({ theme: 'light', language: 'ar' });
      await page.getByRole('button', { name: 'تم' }).click();
      // Mirrored: the sidebar is now on the right.
      const nav = await page.getByRole('navigation').boundingBox();
      expect(nav?.x).toBeGreaterThan(600);
      expect(shell.errors).toEqual([]);
    } finally {
      await shell.close();
    }
  });
});
