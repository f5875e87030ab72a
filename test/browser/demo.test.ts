/**
 * The demo's inbox really fills (`npm run demo`): each demo service's start page, loaded in real Chromium with
 * every request answered by the demo's own handler (main/electron/demo.ts) as its session does in Electron, is a
 * signed-in page whose chats the platform's connector reads and the agent reports, with nothing the page asks for
 * refused; a request to any other origin gets the demo's refusal. The customers the demo's shop keeps notes on
 * are people the WhatsApp page lists, and the person the demo links is one chat each page reports, all one name.
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceSnapshot } from '../../common/model';
import { phoneEntryKey } from '../../common/shop/customers';
import { DEMO_PLATFORMS, demoProfile, demoServiceId, type DemoPlatform } from '../../main/core/demo/profile';
import { makeChats } from '../fixtures/platforms/lib/dataset.js';
import { launchChromium } from '../support/chromium';
import { openDemoPage, type DemoPage } from '../support/demo-pages';

/** Hosts each platform's real client talks to besides its page (its API, its media), none of them the demo's. */
const ELSEWHERE: Record<DemoPlatform, string[]> = {
  whatsapp: ['https://static.whatsapp.net/rsrc.php/v4/app.js', 'https://mmg.whatsapp.net/v/t62/photo.jpg'],
  telegram: ['https://venus.web.telegram.org/apiw1', 'https://telegram.org/js/telegram-web-app.js'],
  instagram: ['https://i.instagram.com/api/v1/direct_v2/inbox/', 'https://scontent.cdninstagram.com/photo.jpg'],
  messenger: ['https://graph.facebook.com/graphql', 'https://www.facebook.com.evil.example/messages/'],
};

/** Who the pages list: every chat's name as a reader must report it, and the numbers shown for people without one. */
const DATASET = makeChats();
const LISTED = new Set(DATASET.flatMap((chat) => [chat.cleanName, ...(chat.phone === undefined ? [] : [chat.phone])]));

let browser: Browser;
let page: DemoPage | undefined;

beforeAll(async () => {
  browser = await launchChromium();
});

afterEach(async () => {
  await page?.close();
  page = undefined;
});

afterAll(async () => {
  await browser.close();
});

/** Opens the demo page of `platform` and waits until the agent has reported the signed-in page with its chats. */
async function loaded(platform: DemoPlatform): Promise<{ demo: DemoPage; snapshot: ServiceSnapshot }> {
  const demo = await openDemoPage(browser, platform);
  page = demo;
  const [first] = await demo.waitForUpdates(1, 15_000);
  expect(first).toMatchObject({ reset: true, loggedIn: true });
  expect(first?.upsert.length).toBeGreaterThan(0);
  return { demo, snapshot: await demo.read() };
}

describe.each(DEMO_PLATFORMS)('the demo’s %s', (platform) => {
  it('opens on a signed-in page with chats the connector reads, every file it asks for served', async () => {
    const { demo, snapshot } = await loaded(platform);
    expect(snapshot.loggedIn).toBe(true);
    expect(snapshot.chats.length).toBeGreaterThan(0);
    for (const chat of snapshot.chats) expect(LISTED.has(chat.title), chat.title).toBe(true);
    expect(snapshot.chats.map((chat) => chat.title)).toContain(DATASET[0]?.cleanName);
    expect(snapshot.unread.direct).toBeGreaterThan(0);
    expect(demo.answered.length).toBeGreaterThan(1);
    expect(demo.answered.filter((answer) => answer.status !== 200)).toEqual([]);
  });

  it('refuses what the page asks of any other origin', async () => {
    const { demo } = await loaded(platform);
    const elsewhere = ['https://example.com/', ...ELSEWHERE[platform]];
    const statuses = await demo.page.evaluate(
      (urls) => Promise.all(urls.map((url) => fetch(url, { mode: 'no-cors', cache: 'no-store' }).then((r) => r.type, () => 'failed'))),
      elsewhere,
    );
    expect(statuses).toEqual(elsewhere.map(() => 'opaque'));
    for (const url of elsewhere) expect(demo.answered.filter((answer) => answer.url === url), url).toEqual([{ url, status: 404, refusal: 'Not part of the demo' }]);

    const stray = await demo.context.newPage();
    const response = await stray.goto('https://example.com/');
    expect(response?.status()).toBe(404);
    expect(await stray.locator('body').textContent()).toBe('Not part of the demo');
  });
});

describe('the demo’s shop and people', () => {
  it('keeps notes on customers the WhatsApp page lists, found by their phone numbers', async () => {
    const { snapshot } = await loaded('whatsapp');
    const listed = new Map(snapshot.chats.flatMap((chat) => (chat.phone === undefined ? [] : [[phoneEntryKey(chat.phone), chat.title] as const])));
    const customers = Object.keys(demoProfile('en').customers);
    expect(customers.length).toBeGreaterThan(0);
    for (const key of customers) expect(listed.get(key), key).toBeTruthy();
  });

  it('links as one person a chat each demo page reports, all of one name', async () => {
    const [person] = demoProfile('en').people;
    const titles: string[] = [];
    for (const platform of DEMO_PLATFORMS) {
      const { snapshot } = await loaded(platform);
      const linked = person?.chats.filter((chat) => chat.serviceId === demoServiceId(platform)) ?? [];
      expect(linked, platform).toHaveLength(1);
      const chat = snapshot.chats.find((c) => c.id === linked[0]?.chatId);
      expect(chat, platform).toBeDefined();
      titles.push(chat?.title ?? '');
      await page?.close();
      page = undefined;
    }
    expect(new Set(titles)).toEqual(new Set([DATASET[0]?.cleanName]));
  });
});
