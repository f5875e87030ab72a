/**
 * Pages that fight back: garbage rows, fifty thousand rows, globals sabotaged, notifications flooded. The agent
 * must stay within its limits and every message it sends must pass main's own schemas.
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_COUNT } from '../../../common/count';
import { pageNotificationSchema, serviceUpdateSchema } from '../../../common/ipc';
import { MAX_CHATS, MAX_TEXT } from '../../../preload/connectors/dom';
import { NOTICE_BURST } from '../../../preload/agent';
import { openAgentPage, type AgentPage } from '../../support/agent-page';
import { launchChromium } from '../../support/chromium';
import { serveFixture } from '../../support/fixture-server';
import type { StaticServer } from '../../support/static-server';

let browser: Browser;
let hostile: StaticServer;
let telegram: StaticServer;
let custom: StaticServer;
let page: AgentPage | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  [hostile, telegram, custom] = await Promise.all([serveFixture('hostile'), serveFixture('telegram'), serveFixture('custom')]);
});
afterAll(async () => {
  await browser.close();
  await Promise.all([hostile.close(), telegram.close(), custom.close()]);
});
afterEach(async () => {
  await page?.close();
  page = undefined;
});

const valid = (p: AgentPage): void => {
  for (const update of p.updates) expect(serviceUpdateSchema.safeParse(update).success).toBe(true);
  for (const notice of p.notices) expect(pageNotificationSchema.safeParse(notice).success).toBe(true);
};

describe('hostile pages', () => {
  it('garbage rows: skips rows without a usable id, bounds text and counts, keeps the good rows', async () => {
    page = await openAgentPage(browser, { platform: 'telegram', url: `${hostile.url}/garbage.html` });
    const [first] = await page.waitForUpdates(1);
    valid(page);
    expect(first?.upsert.map((c) => c.id)).toEqual(['1001', '1002', '1003', '1004', '1005']);
    const byId = new Map(first?.upsert.map((c) => [c.id, c]));
    expect(byId.get('1001')).toMatchObject({ title: 'Good one', unread: 2 });
    expect(byId.get('1002')?.title.length).toBe(MAX_TEXT);
    expect(byId.get('1002')?.unread).toBe(0);
    // A badge of eleven Arabic-Indic nines counts as the most any badge counts.
    expect(byId.get('1003')).toMatchObject({ title: 'ctrl lone', unread: MAX_COUNT });
  });

  it('fifty thousand rows: reports at most the chat limit, and every update stays valid', async () => {
    // The previous generation of Telegram K: its lighter rows let the page build 50,000 of them in time.
    page = await openAgentPage(browser, { platform: 'telegram', url: `${telegram.url}/k/legacy/?rows=50000` });
    const [first] = await page.waitForUpdates(1, 30_000);
    expect(first?.upsert).toHaveLength(MAX_CHATS);
    await page.step('message', '100000', 'still here');
    const second = (await page.waitForUpdates(2, 30_000))[1];
    expect(second?.upsert.map((c) => c.id)).toEqual(['100000']);
    valid(page);
  });

  it('a page that sabotages MutationObserver, JSON, Array and querySelectorAll cannot reach the agent’s world', async () => {
    page = await openAgentPage(browser, { platform: 'telegram', url: `${hostile.url}/redefine.html` });
    const [first] = await page.waitForUpdates(1);
    expect(first?.upsert.map((c) => [c.id, c.title, c.unread])).toEqual([['1', 'Ahmed', 1], ['2', 'أحمد', 1]]);
    await page.page.evaluate(() => (window as unknown as { addMore(): void }).addMore());
    const second = (await page.waitForUpdates(2))[1];
    expect(second?.upsert.map((c) => c.id)).toEqual(['3']);
    valid(page);
  });

  it('a notification flood is cut to a burst, each forwarded one bounded', async () => {
    page = await openAgentPage(browser, { platform: 'custom', url: `${hostile.url}/flood.html` });
    await page.waitForUpdates(1);
    await page.page.evaluate(() => (window as unknown as { flood(n: number): void }).flood(1000));
    await expect.poll(() => page?.notices.length).toBe(NOTICE_BURST);
    const dropped = await page.isolated<number>('WaslAgent.stats.noticesDropped');
    expect(dropped).toBe(1000 - NOTICE_BURST);
    for (const notice of page.notices) expect(notice.body?.length).toBeLessThanOrEqual(MAX_TEXT);
    valid(page);
  });
});

describe('the generic reader (custom services)', () => {
  it('reads the title’s count, a red badge on the favicon as "something unread", and not a red brand icon', async () => {
    page = await openAgentPage(browser, { platform: 'custom', url: `${custom.url}/` });
    const read = async (title: number, icon: string) => {
      await page?.page.evaluate(([n, i]) => {
        const w = window as unknown as { setUnread(n: number): void; setIcon(i: string): void };
        w.setUnread(n);
        w.setIcon(i);
      }, [title, icon] as const);
      return page?.read();
    };
    expect(await read(0, 'plain.svg')).toEqual({ loggedIn: true, unread: { direct: 0, indirect: 0 }, chats: [] });
    expect((await read(5, 'plain.svg'))?.unread).toEqual({ direct: 5, indirect: 0 });
    expect((await read(0, 'badge.svg'))?.unread).toEqual({ direct: 0, indirect: 1 });
    expect((await read(0, 'red-brand.svg'))?.unread).toEqual({ direct: 0, indirect: 0 });
    expect((await read(2, 'badge.svg'))?.unread).toEqual({ direct: 2, indirect: 0 });
    await read(0, 'plain.svg');
    await page.page.evaluate(() => (window as unknown as { setTitle(t: string): void }).setTitle('* Shop chat | orders'));
    expect((await page.read()).unread).toEqual({ direct: 0, indirect: 1 });
  });

  it('follows title changes with one update each, never degraded', async () => {
    page = await openAgentPage(browser, { platform: 'custom', url: `${custom.url}/` });
    await page.waitForUpdates(1);
    await page.page.evaluate(() => (window as unknown as { setUnread(n: number): void }).setUnread(4));
    const second = (await page.waitForUpdates(2))[1];
    expect(second).toMatchObject({ unread: { direct: 4, indirect: 0 }, upsert: [], remove: [], degraded: false });
  });
});
