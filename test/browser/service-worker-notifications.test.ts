/**
 * The service-worker preload in a real service worker (Chromium): the worker runs the built preload first, as
 * Electron runs a session's service-worker preloads (test/fixtures/service-worker/electron-preload-realm.js stands in
 * for Electron's preload realm: `contextBridge.executeInMainWorld` runs the serialized shim in the worker's world,
 * `ipcRenderer.send` is recorded), then Telegram A's notification code (telegram-tt's service worker). Each
 * `registration.showNotification` must reach main exactly once, in the shape main's schema takes, while the browser
 * shows nothing itself; the same worker without the preload shows its own, so that absence is the preload's doing.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../common/channels';
import { workerNotificationSchema } from '../../common/ipc';
import { launchChromium } from '../support/chromium';
import { WORKER_PRELOAD_BUNDLE } from '../support/page-bundle';
import { serveDirectory, type StaticServer } from '../support/static-server';

/** What the fixture's worker reports after each notification it raised. */
interface Report {
  settled: string;
  /** Notifications the browser itself holds for the registration (getNotifications). */
  browserHolds: number;
  /** What the preload sent main; undefined without the preload. */
  sent?: { channel: string; args: unknown[] }[];
}

/** What Telegram A's page posts its worker for a new message (telegram-tt's NotificationData). */
interface TelegramNotification {
  chatId?: string;
  messageId?: number;
  title: unknown;
  body?: unknown;
  icon?: unknown;
  reaction?: string;
}

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/service-worker');

let browser: Browser;
let server: StaticServer;
let context: BrowserContext | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  server = await serveDirectory(FIXTURE, {}, { '/wasl/': path.dirname(WORKER_PRELOAD_BUNDLE) });
});

afterAll(async () => {
  await browser.close();
  await server.close();
});

/** A fresh profile (no worker registered yet) where the site may notify, and the page with the worker named. */
async function open(worker: 'telegram-a' | 'plain'): Promise<Page> {
  await context?.close();
  const fresh = await browser.newContext();
  context = fresh;
  await fresh.grantPermissions(['notifications'], { origin: server.url });
  const page = await fresh.newPage();
  await page.goto(`${server.url}/index.html?worker=${worker}`);
  await page.evaluate(() => (window as unknown as { registered: Promise<unknown> }).registered.then(() => undefined));
  return page;
}

const notify = (page: Page, payload: TelegramNotification): Promise<Report> =>
  page.evaluate((p) => (window as unknown as { notifyVia(p: TelegramNotification): Promise<Report> }).notifyVia(p), payload);

describe('the service-worker preload in a real service worker', () => {
  afterAll(async () => {
    await context?.close();
  });

  it('sends main each showNotification once, as main’s schema takes it, and the browser shows nothing itself', async () => {
    // The same worker without the preload: this browser shows (and holds) the worker's own notification.
    const plain = await open('plain');
    expect(await notify(plain, { chatId: '-1001234', messageId: 42, title: 'Omar', body: 'Order #12?' })).toEqual({ settled: 'resolved', browserHolds: 1 });

    const page = await open('telegram-a');
    const first = await notify(page, { chatId: '-1001234', messageId: 42, title: 'Omar', body: 'Order #12? 🛍️' });
    expect(first.settled).toBe('resolved');
    expect(first.browserHolds).toBe(0);
    // The relative icon resolves to this server's http address: not a picture main would fetch, so it is left out.
    const omar = { title: 'Omar', body: 'Order #12? 🛍️', tag: '-1001234', data: [['chatId', '-1001234'], ['messageId', '42'], ['count', '1']] };
    expect(first.sent).toEqual([{ channel: CHANNELS.serviceWorkerNotification, args: [omar] }]);
    expect(workerNotificationSchema.parse(first.sent?.[0]?.args[0])).toEqual(omar);

    const second = await notify(page, { chatId: '777', messageId: 43, title: 'ليلى', body: 'هل الفستان الأزرق متوفر؟', icon: 'https://cdn.example/layla.jpg', reaction: '👍' });
    expect(second.browserHolds).toBe(0);
    const layla = {
      title: 'ليلى',
      body: 'هل الفستان الأزرق متوفر؟',
      tag: '777',
      icon: 'https://cdn.example/layla.jpg',
      data: [['chatId', '777'], ['messageId', '43'], ['reaction', '👍'], ['count', '1']],
    };
    expect(second.sent?.map((m) => m.args[0])).toEqual([omar, layla]);
    expect(workerNotificationSchema.parse(layla)).toEqual(layla);
  });

  it('bounds what the worker passes to what main takes: long text cut, odd data and pictures left out', async () => {
    const page = await open('telegram-a');
    const report = await notify(page, { title: 'x'.repeat(5_000), body: 'y'.repeat(9_000), icon: 'javascript:alert(1)' });
    const sent = report.sent?.map((m) => m.args[0]);
    expect(sent).toHaveLength(1);
    // No chat id: tag "0", and data keeps only its text, number and true/false fields.
    expect(sent?.[0]).toEqual({ title: 'x'.repeat(1_000), body: 'y'.repeat(4_000), tag: '0', data: [['count', '1']] });
    expect(workerNotificationSchema.safeParse(sent?.[0]).success).toBe(true);
  });
});
