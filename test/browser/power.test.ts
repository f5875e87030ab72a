/**
 * Sleeping services in real Chromium, with main's real controller and power scheduler behind the built shell: a
 * service put to sleep keeps its chats in the inbox, each row saying it sleeps and how old its chats are; the
 * sidebar says it sleeps; the resources screen lists it; clicking it wakes it. Screenshots in English and Arabic.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatSummary, ServiceConfig } from '../../common/model';
import { launchChromium } from '../support/chromium';
import { openShell, type ShellHarness } from '../support/shell-harness';

const OUT = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const NOW = new Date(2026, 10, 21, 10, 32).getTime();
const MIB = 1024;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

const account = (id: string, platform: ServiceConfig['platform'], name: string, extra: Partial<ServiceConfig> = {}): ServiceConfig => ({
  id, platform, name, enabled: true, muted: false, callsAllowed: false, ...extra,
});
const chat = (id: string, title: string, preview: string, minutesAgo: number, unread = 0): ChatSummary => ({ id, title, preview, unread, lastActivity: NOW - minutesAgo * 60_000 });

async function sleepingShop(locale: string, colorScheme: 'light' | 'dark' = 'light'): Promise<ShellHarness> {
  const services = [account('wa', 'whatsapp', 'Shop WhatsApp', { alwaysOn: true }), account('tg', 'telegram', 'Telegram', { alwaysOn: true }), account('ig', 'instagram', 'Instagram', { alwaysOn: true })];
  const shell = await openShell(browser, {
    state: { services, activeServiceId: 'wa', view: 'inbox' },
    locale,
    colorScheme,
    now: NOW,
    viewport: { width: 1200, height: 760 },
    processes: (pids) => [
      { pid: 1, type: 'Browser', memoryKiB: 96 * MIB, cpuPercent: 0.8 },
      { pid: 2, type: 'GPU', memoryKiB: 64 * MIB, cpuPercent: 0.2 },
      ...Object.values(pids).flatMap((pid, i) => (pid === undefined ? [] : [{ pid, type: 'Tab', memoryKiB: (180 + 40 * i) * MIB, cpuPercent: 1.5 }])),
    ],
  });
  const lists: Record<string, ChatSummary[]> = {
    wa: [chat('w1', 'Sara Ahmed', 'Is the blue dress in stock?', 3, 2), chat('w2', 'محمد العتيبي', 'تم التحويل، شكرًا', 40)],
    tg: [chat('t1', 'Omar Khalid', 'When does my order ship?', 12, 1), chat('t2', 'نورة', 'هل يوجد مقاس أصغر؟', 95)],
    ig: [chat('i1', 'Lina Haddad', 'Love the new collection!', 25)],
  };
  for (const [id, chats] of Object.entries(lists)) {
    shell.controller.viewEvent(id, { type: 'loaded', url: 'https://example.invalid/' });
    shell.controller.serviceUpdate(id, { seq: 0, reset: true, loggedIn: true, unread: { direct: chats.reduce((n, c) => n + c.unread, 0), indirect: 0 }, upsert: chats, remove: [] });
  }
  expect(await shell.controller.command({ type: 'service.sleep', id: 'tg' })).toEqual({ ok: true });
  await shell.settled();
  return shell;
}

describe('sleeping services in the shell', () => {
  it('keep their chats in the inbox, marked as sleeping with the time of their last update; a click wakes them', async () => {
    const shell = await sleepingShop('en-US');
    const { page } = shell;
    try {
      const list = page.getByRole('listbox', { name: 'Chats' });
      await expect.poll(() => list.getByRole('option').count()).toBe(5);
      const omar = list.getByRole('option', { name: /^Omar Khalid/u });
      await expect.poll(async () => (await omar.getAttribute('aria-label'))?.replace(/[\u2066-\u2069]/gu, '')).toMatch(/Telegram is asleep: chats as of \d{1,2}:\d\d/u);
      expect(await omar.locator('.inbox-row-asleep').getAttribute('title')).toMatch(/Telegram\W* is asleep: chats as of \d{1,2}:\d\d/u);
      expect(await list.getByRole('option', { name: /^Sara Ahmed/u }).locator('.inbox-row-asleep').count()).toBe(0);
      const tab = page.getByRole('tab', { name: 'Telegram' });
      expect(await tab.getAttribute('title')).toContain('Asleep');
      expect(shell.store.getState().runtime['tg']?.status).toBe('asleep');
      await page.screenshot({ path: path.join(OUT, 'power-inbox-en.png') });

      await page.getByRole('tab', { name: 'Shop WhatsApp' }).click({ button: 'right' });
      await page.getByRole('menuitem', { name: 'Resources…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Resources' });
      await dialog.getByText(/^In all: .*1 service asleep\.$/u).waitFor();
      await page.screenshot({ path: path.join(OUT, 'power-resources-en.png') });
      await dialog.getByRole('button', { name: 'Done' }).click();

      await omar.click();
      await expect.poll(() => shell.store.getState().runtime['tg']?.status).toBe('loading');
      expect(shell.views.of('open').at(-1)?.id).toBe('tg');
      expect(shell.errors).toEqual([]);
    } finally {
      await shell.close();
    }
  });

  it('read the same right to left in Arabic, dark', async () => {
    const shell = await sleepingShop('ar', 'dark');
    const { page } = shell;
    try {
      const list = page.getByRole('listbox', { name: 'المحادثات' });
      await expect.poll(() => list.getByRole('option').count()).toBe(5);
      await expect.poll(() => list.locator('.inbox-row-asleep').count()).toBe(2);
      await page.screenshot({ path: path.join(OUT, 'power-inbox-ar-dark.png') });
      await page.getByRole('tab', { name: 'Shop WhatsApp' }).click({ button: 'right' });
      await page.getByRole('menuitem', { name: 'الموارد…' }).click();
      await page.getByRole('dialog', { name: 'الموارد' }).getByRole('table').waitFor();
      await page.screenshot({ path: path.join(OUT, 'power-resources-ar-dark.png') });
      expect(shell.errors).toEqual([]);
    } finally {
      await shell.close();
    }
  });
});
