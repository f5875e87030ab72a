/**
 * The inbox in Arabic is laid out right to left, measured in real Chromium rather than read from attributes: the
 * document's direction, each row's picture on its right with the name and chips to its left, the title, search
 * box and filter chips starting from the right, a preview mixing Arabic and Latin words in reading order, and
 * a +E.164 phone number (a row's title, and in the customer card) kept left to right with its plus first.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { customerDemo, MIXED_PREVIEW, NOW, PHONE_TITLE, reportChats } from '../support/customer-demo';
import { openShell, type ShellHarness } from '../support/shell-harness';

let browser: Browser;
let shell: ShellHarness;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  const demo = customerDemo();
  shell = await openShell(browser, { state: demo.state, activity: demo.activity, locale: 'ar', viewport: { width: 1200, height: 760 }, now: NOW });
  page = shell.page;
  await reportChats(shell, demo.chats);
  await page.getByRole('listbox', { name: 'المحادثات' }).getByRole('option').first().waitFor();
});

afterAll(async () => {
  await shell.close();
  await browser.close();
});

const rowsOf = (): Locator => page.getByRole('listbox', { name: 'المحادثات' }).getByRole('option');

async function box(locator: Locator): Promise<{ left: number; right: number; top: number; bottom: number }> {
  const found = await locator.boundingBox();
  if (found === null) throw new Error('not laid out');
  return { left: found.x, right: found.x + found.width, top: found.y, bottom: found.y + found.height };
}

/** Where each of `parts` is drawn inside the element's text (the left edge of its first character's box). */
function textPositions(locator: Locator, parts: readonly string[]): Promise<number[]> {
  return locator.evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const out: number[] = [];
    for (const part of wanted) {
      walker.currentNode = element;
      let x: number | undefined;
      for (let node = walker.nextNode(); node !== null && x === undefined; node = walker.nextNode()) {
        const at = (node.textContent ?? '').indexOf(part);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + part.length);
        x = range.getBoundingClientRect().left;
      }
      if (x === undefined) throw new Error(`"${part}" is not in the text`);
      out.push(x);
    }
    return out;
  }, parts);
}

describe('the inbox in Arabic', () => {
  it('is a right-to-left document', async () => {
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ar']);
    expect(await page.locator('.inbox').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  });

  it('puts each row’s picture on its right, then the name, and the time and chips on the left', async () => {
    const rows = rowsOf();
    expect(await rows.count()).toBeGreaterThan(5);
    for (const index of [0, 1, 2]) {
      const row = rows.nth(index);
      const [rowBox, avatar, name, time] = await Promise.all([box(row), box(row.locator('.avatar')), box(row.locator('.inbox-row-name')), box(row.locator('.inbox-row-time'))]);
      expect(rowBox.right - avatar.right).toBeLessThan(16);
      expect(avatar.left).toBeGreaterThanOrEqual(name.right);
      expect(time.right).toBeLessThan(name.left);
      expect(time.left - rowBox.left).toBeLessThan(16);
    }
    // Ahmed's labels follow his name to its left; his waiting and reply-window chips sit at the row's left end.
    const ahmed = rows.filter({ hasText: 'Ahmed Hassan' });
    const [name, firstLabel, waiting, window] = await Promise.all([
      box(ahmed.locator('.inbox-row-name')),
      box(ahmed.locator('.inbox-row-labels .label-chip').first()),
      box(ahmed.locator('.state-chip[data-chip="waiting"]')),
      box(ahmed.locator('.state-chip[data-chip="window"]')),
    ]);
    expect(firstLabel.right).toBeLessThan(name.left);
    expect(window.right).toBeLessThanOrEqual(waiting.left);
    // "+1" more labels: the plus first, as in "+966".
    const [plus, one] = await textPositions(ahmed.locator('.inbox-row-more-labels'), ['+', '1']);
    expect(plus).toBeLessThan(one ?? 0);
  });

  it('starts the title, the search box and the filter chips from the right', async () => {
    const [title, search, all, unread, waiting, list] = await Promise.all([
      box(page.getByRole('heading', { name: 'الوارد' })),
      box(page.getByRole('combobox', { name: 'البحث في المحادثات' })),
      box(page.getByRole('button', { name: 'الكل', exact: true })),
      box(page.getByRole('button', { name: 'غير المقروءة', exact: true })),
      box(page.getByRole('button', { name: 'بانتظار الرد', exact: true })),
      box(rowsOf().first()),
    ]);
    expect(title.left).toBeGreaterThan(search.right);
    expect(Math.abs(title.right - list.right)).toBeLessThan(16);
    expect(Math.abs(all.right - title.right)).toBeLessThan(4);
    expect(unread.right).toBeLessThanOrEqual(all.left);
    expect(waiting.right).toBeLessThanOrEqual(unread.left);
    // The search box's icon is at its right end, where typing starts.
    const icon = await box(page.locator('.inbox-search > .icon'));
    expect(search.right - icon.right).toBeLessThan(20);
    expect(await page.getByRole('combobox', { name: 'البحث في المحادثات' }).evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  });

  it('reads a mixed Arabic and Latin preview in order, and keeps a phone number left to right', async () => {
    const row = rowsOf().filter({ hasText: PHONE_TITLE });
    const preview = row.locator('.inbox-row-preview');
    expect(await preview.textContent()).toBe(MIXED_PREVIEW);
    // Right to left: أريد طلب, then "iPhone 15 Pro" (itself left to right), then باللون الأزرق.
    const [want, iphone, pro, colour] = await textPositions(preview, ['أريد', 'iPhone', 'Pro', 'باللون']);
    expect(want).toBeGreaterThan(iphone ?? 0);
    expect(iphone).toBeLessThan(pro ?? 0);
    expect(iphone).toBeGreaterThan(colour ?? 0);

    const [plus, country, last] = await textPositions(row.locator('.inbox-row-name'), ['+', '966', '6543']);
    expect(plus).toBeLessThan(country ?? 0);
    expect(country).toBeLessThan(last ?? 0);

    await row.click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'بطاقة العميل' }).click();
    const phone = page.getByRole('dialog').locator('.customer-phone');
    expect(await phone.textContent()).toBe('+966 55 987 6543');
    const [cardPlus, cardLast] = await textPositions(phone, ['+', '6543']);
    expect(cardPlus).toBeLessThan(cardLast ?? 0);
    // The panel opens at the inline end: the left in Arabic.
    const [panel, viewport] = [await box(page.getByRole('dialog')), page.viewportSize()];
    expect(panel.left).toBeLessThan(1);
    expect(panel.right).toBeLessThan((viewport?.width ?? 0) / 2);
    await page.keyboard.press('Escape');
    expect(shell.errors).toEqual([]);
  });
});
