/**
 * A virtualised chat list scrolled from top to bottom (Telegram K's, 25 of 300 rows rendered at a time), with the
 * real connector and agent in the page and main's service controller on the other side: no chat is ever reported
 * removed, main ends up holding every chat the user scrolled past, and a page reload keeps them.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initialRuntime } from '../../common/state';
import { createAppStore } from '../../main/core/app/app-store';
import { ServiceController } from '../../main/core/services/services';
import { ManualClock } from '../fakes/clock';
import { MemoryLogger } from '../fakes/logger';
import { stateOf } from '../fakes/state';
import { RecordingViews } from '../fakes/views';
import { openAgentPage } from '../support/agent-page';
import { launchChromium } from '../support/chromium';
import { serveFixture } from '../support/fixture-server';
import type { StaticServer } from '../support/static-server';

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  browser = await launchChromium();
  server = await serveFixture('telegram');
});
afterAll(async () => {
  await browser.close();
  await server.close();
});

function mainFor(serviceId: string): ServiceController {
  const service = { id: serviceId, platform: 'telegram' as const, name: 'Telegram', enabled: true, muted: false, callsAllowed: false };
  const store = createAppStore(stateOf({ services: [service], activeServiceId: serviceId, runtime: { [serviceId]: initialRuntime(true) } }));
  return new ServiceController({ store, views: new RecordingViews(), clock: new ManualClock(), log: new MemoryLogger(), newId: () => 'n' });
}

describe('a virtualised chat list', () => {
  it('scrolled from top to bottom loses no chat, in the agent or in main, and a reload keeps them', async () => {
    const main = mainFor('tg');
    const page = await openAgentPage(browser, { platform: 'telegram', url: `${server.url}/k/virtual/`, onUpdate: (update) => expect(main.serviceUpdate('tg', update)).toBe(true) });
    try {
      const total = await page.page.evaluate(() => (window as unknown as { fixture: { chats: unknown[] } }).fixture.chats.length);
      const rendered = await page.page.evaluate(() => (window as unknown as { fixture: { window: number } }).fixture.window);
      expect(total).toBeGreaterThan(rendered * 4);
      await page.waitForUpdates(1);
      for (let first = rendered; first < total; first += rendered) {
        await page.page.evaluate((at) => (window as unknown as { fixture: { scrollTo(n: number): void } }).fixture.scrollTo(at), first);
        await page.isolated('WaslAgent.flush()');
      }
      expect(page.updates.every((update) => update.remove.length === 0 && update.partial === true)).toBe(true);
      expect(main.snapshot('tg')?.chats).toHaveLength(total);

      // The page loads again (a crash, a wake): its first update shows only the top of the list.
      await page.page.reload();
      await page.waitForUpdates(page.updates.length + 1);
      const reset = page.updates.at(-1);
      expect(reset).toMatchObject({ reset: true, partial: true });
      expect(reset?.upsert.length).toBeLessThanOrEqual(rendered);
      expect(main.snapshot('tg')?.chats).toHaveLength(total);
    } finally {
      await page.close();
    }
  });
});
