/**
 * Find in page, end to end in real Chromium: the built shell's find bar, its commands through the IPC schema and
 * main's command table, main's find controller (main/core/find/find.ts) in Node, and the Telegram fixture page in
 * its own browser context.
 *
 * Stood in for, and why:
 * - Electron's `webContents.findInPage` / `stopFindInPage` and its `found-in-page` answers: Chromium's DevTools
 *   protocol has no find in page, so PageViews.find (test/support/page-views.ts) searches the fixture page's text
 *   itself and answers as Electron does (later, twice per request, the final answer leaving the selected match as
 *   -1). Everything else is Wasl's own code.
 * - Ctrl/Cmd+F: main's before-input-event turns the key into the `find` action (tested in
 *   test/unit/main/core/desktop/shortcuts.test.ts, with Slack's and Discord's pages keeping it); here main's action
 *   is sent to the shell as main sends it.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rect } from '../../common/ipc';
import type { ServiceConfig } from '../../common/model';
import { initialRuntime } from '../../common/state';
import { DATASET_NOW } from '../support/agent-page';
import { launchChromium } from '../support/chromium';
import { serveFixture } from '../support/fixture-server';
import { PageViews } from '../support/page-views';
import { openShell, type ShellHarness } from '../support/shell-harness';
import type { StaticServer } from '../support/static-server';

const telegram: ServiceConfig = { id: 'tg', platform: 'telegram', name: 'Telegram', enabled: true, muted: false, callsAllowed: false };

let browser: Browser;
let server: StaticServer;
let views: PageViews;
let shell: ShellHarness;

beforeAll(async () => {
  browser = await launchChromium();
  server = await serveFixture('telegram');
  views = new PageViews(browser, { tg: `${server.url}/k/?rows=40` }, DATASET_NOW + 5 * 60_000);
  shell = await openShell(browser, {
    state: { services: [telegram], activeServiceId: 'tg', view: 'service', runtime: { tg: { ...initialRuntime(true), status: 'ready' } } },
    views,
    findPort: () => views,
  });
  views.connect({
    update: (id, update) => shell.controller.serviceUpdate(id, update),
    notice: (id, notice) => shell.notifications.receive(id, notice),
    found: (id, result) => shell.finder.found(id, result),
  });
  await views.page('tg');
});

afterAll(async () => {
  await shell.close();
  await views.closeAll();
  await browser.close();
  await server.close();
});

/** How often `text` shows in the fixture page's rendered text, counted apart from the stand-in's search. */
async function occurrences(text: string): Promise<number> {
  const tg = await views.page('tg');
  return tg.page.evaluate((needle) => document.body.innerText.toLocaleLowerCase().split(needle.toLocaleLowerCase()).length - 1, text);
}

/** The text the fixture page has selected (where find left it). */
async function selected(): Promise<string> {
  const tg = await views.page('tg');
  return tg.page.evaluate(() => getSelection()?.toString() ?? '');
}

const lastRect = (): Rect | null | undefined => shell.viewports.at(-1);

describe('find in page', () => {
  it('opens a bar above the page that takes its own strip, counts and steps through matches, and closes with Escape', async () => {
    const { page } = shell;
    await expect.poll(() => lastRect()?.height ?? 0).toBeGreaterThan(0);
    const before = lastRect();
    if (!before) throw new Error('no viewport');

    await shell.action('find');
    const bar = page.getByRole('search', { name: 'Find in page' });
    const field = bar.getByRole('textbox', { name: 'Find in Telegram' });
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    // The page's box shrinks by the bar's height and starts below it: the native view never covers the bar.
    const box = await bar.boundingBox();
    if (!box) throw new Error('the bar is not laid out');
    await expect.poll(() => lastRect()).toEqual({ ...before, y: before.y + box.height, height: before.height - box.height });
    expect(box.y + box.height).toBeLessThanOrEqual((lastRect()?.y ?? 0) + 0.5);

    // Typed letter by letter: a search per letter, answers arriving late; only the text in the field counts.
    const total = await occurrences('blue dress');
    expect(total).toBeGreaterThan(2);
    await page.keyboard.type('Blue dress');
    const count = bar.getByRole('status');
    await expect.poll(() => count.textContent()).toBe(`1 of ${total}`);
    expect((await selected()).toLowerCase()).toBe('blue dress');
    expect(views.finds.filter((f) => f.options.findNext).map((f) => f.text)).toEqual(['B', 'Bl', 'Blu', 'Blue', 'Blue ', 'Blue d', 'Blue dr', 'Blue dre', 'Blue dres', 'Blue dress']);

    await page.keyboard.press('Enter');
    await expect.poll(() => count.textContent()).toBe(`2 of ${total}`);
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => count.textContent()).toBe(`1 of ${total}`);
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => count.textContent()).toBe(`${total} of ${total}`);
    await bar.getByRole('button', { name: 'Next match' }).click();
    await expect.poll(() => count.textContent()).toBe(`1 of ${total}`);
    expect(views.finds.slice(-4).map((f) => [f.text, f.options])).toEqual([
      ['Blue dress', { forward: true, findNext: false }],
      ['Blue dress', { forward: false, findNext: false }],
      ['Blue dress', { forward: false, findNext: false }],
      ['Blue dress', { forward: true, findNext: false }],
    ]);

    // Arabic text in the English UI: the field reads it right to left.
    await field.fill('');
    await expect.poll(() => count.textContent()).toBe('');
    const thanks = await occurrences('شكراً');
    expect(thanks).toBeGreaterThan(2);
    await field.pressSequentially('شكراً');
    await expect.poll(() => count.textContent()).toBe(`1 of ${thanks}`);
    expect(await field.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    expect(await selected()).toBe('شكراً');

    await field.fill('no such words');
    await expect.poll(() => count.textContent()).toBe('No matches');
    expect(await field.getAttribute('aria-invalid')).toBe('true');

    await field.fill('Price please');
    await expect.poll(() => count.textContent()).toMatch(/^1 of \d+$/u);
    await page.keyboard.press('Escape');
    await bar.waitFor({ state: 'detached' });
    // Closed: the page gets the keyboard focus back, keeps the match it went to selected, and its box again.
    await expect.poll(() => views.focused.at(-1)).toBe('tg');
    expect(views.findStops.at(-1)).toEqual({ id: 'tg', action: 'keepSelection' });
    expect(await selected()).toBe('Price please');
    await expect.poll(() => lastRect()).toEqual(before);
    expect(shell.store.getState().find).toBeNull();
  });

  it('reopened, starts a new search; Ctrl/Cmd+F again selects the text to type over it', async () => {
    const { page } = shell;
    await shell.action('find');
    const bar = page.getByRole('search', { name: 'Find in page' });
    const field = bar.getByRole('textbox', { name: 'Find in Telegram' });
    await expect.poll(() => field.inputValue()).toBe('');
    await field.pressSequentially('Ali');
    const count = bar.getByRole('status');
    await expect.poll(() => count.textContent()).toMatch(/^1 of \d+$/u);
    expect(views.finds.at(-1)).toMatchObject({ text: 'Ali', options: { findNext: true } });
    await bar.getByRole('button', { name: 'Next match' }).click();
    await shell.action('find');
    await expect.poll(() => field.evaluate((el: HTMLInputElement) => [el === document.activeElement, el.selectionStart, el.selectionEnd])).toEqual([true, 0, 3]);
    await bar.getByRole('button', { name: 'Close the find bar' }).click();
    await bar.waitFor({ state: 'detached' });
    expect(shell.rejected).toEqual([]);
    expect(shell.errors).toEqual([]);
  });
});
