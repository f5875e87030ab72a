/**
 * The unified inbox in real Chromium, wired to main's real core in Node: chats reported by two services reach the
 * shell as deltas, merge by phone, move with new messages; linking and undoing go through the PeopleController;
 * opening a row asks the service view to open that chat.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceUpdate } from '../../common/ipc';
import type { ChatSummary } from '../../common/model';
import { launchChromium } from '../support/chromium';
import { openShell, type ShellHarness } from '../support/shell-harness';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

const account = (id: string, platform: 'whatsapp' | 'telegram' | 'instagram', name: string) => ({
  id,
  platform,
  name,
  enabled: true,
  muted: false,
  callsAllowed: false,
});

const isolates = /[\u2066-\u2069]/gu;
const rowNames = (page: Page) =>
  page.getByRole('listbox', { name: 'Chats' }).locator('.inbox-row-name').allTextContents();

/** A connector's update, in sequence per service. */
class Reporter {
  private readonly seqs = new Map<string, number>();

  constructor(private readonly shell: ShellHarness) {}

  send(id: string, change: Partial<ServiceUpdate> & { upsert: ChatSummary[] }): Promise<void> {
    const seq = this.seqs.get(id) ?? 0;
    this.seqs.set(id, seq + 1);
    const update: ServiceUpdate = { seq, reset: seq === 0, loggedIn: true, unread: { direct: 0, indirect: 0 }, remove: [], ...change };
    expect(this.shell.controller.serviceUpdate(id, update)).toBe(true);
    return this.shell.settled();
  }
}

async function openInbox(): Promise<{ shell: ShellHarness; report: Reporter }> {
  const shell = await openShell(browser, {
    state: { services: [account('wa', 'whatsapp', 'Shop'), account('tg', 'telegram', 'Telegram'), account('ig', 'instagram', 'Instagram')], activeServiceId: 'wa', view: 'inbox' },
  });
  for (const id of ['wa', 'tg', 'ig']) await shell.setRuntime(id, { status: 'ready' });
  return { shell, report: new Reporter(shell) };
}

describe('the inbox with main core', () => {
  it('merges by phone, follows new messages, links and unlinks through the UI with undo, and opens the exact chat', async () => {
    const { shell, report } = await openInbox();
    const { page } = shell;
    try {
      const now = Date.now();
      await report.send('wa', {
        upsert: [
          // WhatsApp's connector reads the number from the chat's id.
          { id: '966501234567@c.us', title: 'Ahmed', phone: '+966501234567', unread: 2, preview: 'Is it ready?', lastActivity: now - 60_000 },
          { id: 'sara@c.us', title: 'Sara', unread: 0, preview: 'Thanks', lastActivity: now - 3_600_000 },
        ],
      });
      // Main reads the number from the title: the same person on Telegram.
      await report.send('tg', { upsert: [{ id: '777', title: '+966 50 123 4567', unread: 1, preview: 'Voice message', lastActivity: now - 120_000 }] });
      await report.send('ig', { upsert: [{ id: 'ig-omar', title: 'omar.k', unread: 0, preview: 'See you', lastActivity: now - 7_200_000 }] });
      await expect.poll(() => rowNames(page)).toEqual(['Ahmed', 'Sara', 'omar.k']);
      const ahmed = page.getByRole('option', { name: /^Ahmed, WhatsApp and Telegram, 3 unread/u });
      await ahmed.waitFor();

      // A new message from Sara: her row goes to the top with its count.
      await report.send('wa', { upsert: [{ id: 'sara@c.us', title: 'Sara', unread: 1, preview: 'One more thing', lastActivity: now }] });
      await expect.poll(() => rowNames(page)).toEqual(['Sara', 'Ahmed', 'omar.k']);
      expect(await page.getByRole('option', { name: /^Sara,/u }).locator('.inbox-badge').textContent()).toBe('1');

      // Link omar.k with Sara through the menu and the picker: one row; undo: two again.
      await page.getByRole('option', { name: /^omar\.k,/u }).click({ button: 'right' });
      await page.getByRole('menuitem', { name: 'Link with…' }).click();
      const picker = page.getByRole('dialog');
      await picker.getByRole('combobox').fill('sara');
      await picker.getByRole('option', { name: 'Sara' }).click();
      await expect.poll(() => rowNames(page)).toEqual(['Sara', 'Ahmed']);
      expect(await page.getByRole('option', { name: /^Sara,/u }).getAttribute('aria-label')).toMatch(/^Sara, WhatsApp and Instagram, 1 unread/u);
      expect(shell.store.getState().peopleUndo).toBe('link');
      await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => rowNames(page)).toEqual(['Sara', 'Ahmed', 'omar.k']);

      // Not the same person: Telegram's chat leaves Ahmed and stays apart although the number is the same.
      await ahmed.click({ button: 'right' });
      await page.getByRole('menuitem', { name: /Not the same person: \W*\+966 50 123 4567\W* on Telegram/u }).click();
      await expect.poll(() => rowNames(page)).toEqual(['Sara', 'Ahmed', '+966 50 123 4567', 'omar.k']);
      await page.keyboard.press('Control+z');
      await expect.poll(() => rowNames(page)).toEqual(['Sara', 'Ahmed', 'omar.k']);

      // While the inbox shows, no service page does: the shell reports no place for one.
      expect(shell.viewports).toEqual([]);
      expect(shell.views.shown?.id ?? null).toBeNull();

      // Search, then Enter: that exact chat opens in its service.
      await page.keyboard.press('/');
      await page.keyboard.type('احمد');
      await expect.poll(() => rowNames(page)).toEqual([]);
      await page.getByRole('combobox', { name: 'Search chats' }).fill('4567');
      await expect.poll(() => rowNames(page)).toEqual(['Ahmed']);
      await page.keyboard.press('Enter');
      await expect.poll(() => shell.views.of('send').map((c) => [c.id, c.channel, c.payload])).toEqual([['wa', 'svc:open-chat', '966501234567@c.us']]);
      await page.getByRole('tab', { name: 'Shop' }).and(page.locator('[aria-selected="true"]')).waitFor();
      await expect.poll(() => shell.views.shown?.id).toBe('wa');
      expect(shell.store.getState().view).toBe('service');

      // Back to the inbox from the sidebar; a merged row's platform button opens that platform's chat.
      expect(shell.viewports.at(-1)).not.toBeNull();
      await page.getByRole('button', { name: 'Inbox' }).click();
      await expect.poll(() => shell.viewports.at(-1)).toBeNull();
      await expect.poll(() => shell.views.shown?.id ?? null).toBeNull();
      await page.getByRole('option', { name: /^Ahmed,/u }).getByRole('button', { name: 'Open in Telegram' }).click();
      await expect.poll(() => shell.views.of('send').at(-1)?.payload).toBe('777');
      expect(shell.views.of('send').at(-1)?.id).toBe('tg');
      expect(shell.commands.filter((c) => c.type === 'service.openChat')).toEqual([
        { type: 'service.openChat', id: 'wa', chatId: '966501234567@c.us' },
        { type: 'service.openChat', id: 'tg', chatId: '777' },
      ]);
      expect(shell.rejected).toEqual([]);
      expect(shell.errors).toEqual([]);
    } finally {
      await shell.close();
    }
  });

  it('20,000 chats: scrolls to the selected row, keeps only the rows in view, and searches as fast as one types', async () => {
    const { shell, report } = await openInbox();
    const { page } = shell;
    try {
      const now = Date.now();
      // Three accounts of 5,000 chats and one more, as many as one update may carry each.
      let n = 0;
      for (const id of ['wa', 'tg', 'ig']) {
        const chats: ChatSummary[] = Array.from({ length: 5000 }, () => {
          const i = n++;
          return { id: `c${i}`, title: `Customer ${i}`, preview: `Order ${i * 7}`, unread: i % 7, lastActivity: now - i * 60_000 };
        });
        await report.send(id, { upsert: chats });
      }
      await report.send('wa', {
        reset: false,
        upsert: Array.from({ length: 5000 }, () => {
          const i = n++;
          return { id: `c${i}`, title: `Customer ${i}`, preview: `Order ${i * 7}`, unread: 0, lastActivity: now - i * 60_000 };
        }),
      });
      const list = page.getByRole('listbox', { name: 'Chats' });
      await expect.poll(() => list.getByRole('option').first().getAttribute('aria-setsize')).toBe('20000');
      await list.getByRole('option', { name: /^Customer 0,/u }).waitFor();
      expect(await list.getByRole('option').count()).toBeLessThan(40);
      await list.focus();
      await page.keyboard.press('End');
      const last = list.getByRole('option', { name: /^Customer 19999,/u });
      await last.waitFor();
      expect(await last.getAttribute('aria-selected')).toBe('true');
      expect(await list.getAttribute('aria-activedescendant')).toBe(await last.getAttribute('id'));
      expect(await list.getByRole('option', { name: /^Customer 0,/u }).count()).toBe(0);
      expect(await last.isVisible()).toBe(true);

      await page.keyboard.press('Home');
      await list.getByRole('option', { name: /^Customer 0,/u }).waitFor();
      await page.keyboard.press('Control+k');
      // Each keystroke narrows all 20,000 entries; the whole query takes well under a second.
      const started = Date.now();
      await page.keyboard.type('customer 12345');
      await expect.poll(() => rowNames(page), { interval: 20 }).toEqual(['Customer 12345']);
      const took = Date.now() - started;
      expect(took).toBeLessThan(1500);
      await page.getByRole('combobox', { name: 'Search chats' }).fill('order 86415');
      await expect.poll(() => rowNames(page)).toEqual(['Customer 12345']);
      expect((await page.locator('.inbox-empty').count()) === 0).toBe(true);
      expect(shell.errors).toEqual([]);
      expect((await page.locator('main').textContent())?.replace(isolates, '')).not.toContain('No chats');
    } finally {
      await shell.close();
    }
  });
});
