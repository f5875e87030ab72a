/**
 * The frame of every connector test file: Chromium and the platform's fixture server for the whole file, and one
 * agent page at a time (opening another closes it; so does the end of each test). Returns `open(path, agent)`: the fixture at `path`, with the real
 * connector in its isolated world (or without it, `agent: false`, to see the page as it is).
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { PlatformId } from '../../common/model';
import { openAgentPage, type AgentPage } from './agent-page';
import { launchChromium } from './chromium';
import { serveFixture } from './fixture-server';
import type { StaticServer } from './static-server';

export function fixturePages(platform: PlatformId, fixture: string = platform): (path: string, agent?: boolean) => Promise<AgentPage> {
  let browser: Browser;
  let server: StaticServer;
  let page: AgentPage | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    server = await serveFixture(fixture);
  });
  afterAll(async () => {
    await browser.close();
    await server.close();
  });
  afterEach(async () => {
    await page?.close();
    page = undefined;
  });
  return async (path, agent = true) => {
    await page?.close();
    page = await openAgentPage(browser, { platform, url: `${server.url}${path}`, agent });
    return page;
  };
}
