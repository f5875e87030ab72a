/**
 * Connector packs in a real page (issue 15, "the pack runs exactly where connectors run today"): the WhatsApp
 * fixture run as a service view runs it, the service preload's loader in an isolated world asking main which
 * connector to run (test/support/pack-page.ts). A pack's connector script, bundled as the pack build bundles one,
 * registers in that world and the agent reads the page's chats with it; a script that throws, registers nothing or
 * registers another platform's connector leaves the built-in connector reading, and main is told which pack failed
 * and why. The page's own scripts never see the register function, not even while the pack's script runs.
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../common/channels';
import type { ConnectorAnswer } from '../../common/ipc';
import type { ServiceSnapshot } from '../../common/model';
import { PACK_REGISTER } from '../../common/pack-register';
import { BUILT_IN_PACK_VERSION } from '../../common/pack-version';
import { launchChromium } from '../support/chromium';
import { serveFixture } from '../support/fixture-server';
import { ANSWERED_AT, buildPackBundles, openPackPage, type PackBundles, type PackPage, type PackPageOptions } from '../support/pack-page';
import type { StaticServer } from '../support/static-server';
import { PACK_RUNNING_EVENT, PACK_SAW, PACK_TAG } from '../support/test-pack-names';

const VERSION = '1.2.0';
/** Where the page's main world notes what it saw of the register function as the pack's script ran. */
const MAIN_SAW = 'mainWorldSawRegister';

let browser: Browser;
let server: StaticServer;
let bundles: PackBundles;
let open: PackPage | undefined;

beforeAll(async () => {
  [browser, server, bundles] = await Promise.all([launchChromium(), serveFixture('whatsapp'), buildPackBundles()]);
});
afterAll(async () => {
  await browser.close();
  await server.close();
});
afterEach(async () => {
  await open?.close();
  open = undefined;
});

const pack = (code: string): ConnectorAnswer => ({ source: { kind: 'downloaded', version: VERSION }, code });

async function whatsapp(answer: unknown, extra: Partial<PackPageOptions> = {}): Promise<PackPage> {
  await open?.close();
  open = await openPackPage(browser, bundles, {
    platform: 'whatsapp',
    url: `${server.url}/?rows=40`,
    answer,
    mainWorldScript: `document.addEventListener(${JSON.stringify(PACK_RUNNING_EVENT)}, () => { window.${MAIN_SAW} = typeof window[${JSON.stringify(PACK_REGISTER)}]; });`,
    ...extra,
  });
  return open;
}

/** The page's chats as the built-in WhatsApp connector reads them, in the page's isolated world. */
const builtInRead = (p: PackPage): Promise<ServiceSnapshot> => p.isolated<ServiceSnapshot>('WaslPackTest.connectors.whatsapp.read(window)');
const titles = (chats: readonly { id: string; title: string }[]): [string, string][] => chats.map((c) => [c.id, c.title]);

/** The agent's first update (a full one) was read by the built-in connector: the page's chats, as it reads them. */
async function expectBuiltInRead(p: PackPage): Promise<void> {
  const [first] = await p.waitForUpdates(1);
  const read = await builtInRead(p);
  expect(read.chats.length).toBeGreaterThan(20);
  expect(first).toMatchObject({ seq: 0, reset: true, loggedIn: true });
  expect(titles(first?.upsert ?? [])).toEqual(titles(read.chats));
  expect(first?.health?.packVersion).toBe(BUILT_IN_PACK_VERSION);
}

describe('a connector pack in a service page', () => {
  it('runs the pack’s connector in the preload’s world: the agent reads the page’s chats with it and says which pack it is', async () => {
    const p = await whatsapp(pack(bundles.whatsappPack));
    const [first] = await p.waitForUpdates(1);
    const read = await builtInRead(p);
    expect(read.chats.length).toBeGreaterThan(20);
    expect(first).toMatchObject({ seq: 0, reset: true, loggedIn: true, degraded: false });
    // Every chat the built-in connector reads, as the pack's connector reads it: its own tag on every title.
    expect(titles(first?.upsert ?? [])).toEqual(read.chats.map((c): [string, string] => [c.id, `${PACK_TAG}${c.title}`]));
    expect(first?.health).toMatchObject({ packVersion: VERSION, chats: read.chats.length });
    expect(p.ran).toEqual([{ worldId: 999, code: bundles.whatsappPack }]);
    expect(p.sent).toEqual([]);
  });

  it('waits for main’s answer when the page is parsed first: the pack’s connector still reads from the first update', async () => {
    const p = await whatsapp(pack(bundles.whatsappPack), { answerAfterMs: 1_500 });
    const [first] = await p.waitForUpdates(1);
    const parsedAt = await p.page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd);
    expect(parsedAt).toBeGreaterThan(0);
    expect(await p.isolated<number>(`globalThis.${ANSWERED_AT}`)).toBeGreaterThan(parsedAt);
    expect(first?.upsert.every((c) => c.title.startsWith(PACK_TAG))).toBe(true);
    expect(first?.health?.packVersion).toBe(VERSION);
  });

  it('keeps the register function from the page’s own scripts, even while the pack’s script runs, and removes it after', async () => {
    const p = await whatsapp(pack(bundles.whatsappPack));
    await p.waitForUpdates(1);
    // At the moment the pack's script ran, the isolated world had the function and the page's world did not.
    expect(await p.isolated<string>(`globalThis[${JSON.stringify(PACK_SAW)}]`)).toBe('function');
    expect(await p.page.evaluate((name) => (window as unknown as Record<string, unknown>)[name], MAIN_SAW)).toBe('undefined');
    expect(await p.page.evaluate((name) => name in window, PACK_REGISTER)).toBe(false);
    expect(await p.isolated<boolean>(`${JSON.stringify(PACK_REGISTER)} in globalThis`)).toBe(false);
  });

  it('runs the built-in connector, running nothing, when main gives no script', async () => {
    const p = await whatsapp({ source: { kind: 'built-in', version: BUILT_IN_PACK_VERSION } });
    await expectBuiltInRead(p);
    expect(p.ran).toEqual([]);
    expect(p.sent).toEqual([]);
  });

  it.each([
    ['throws', 'throw new Error("a broken pack");', 'nothing-registered'],
    ['registers nothing', 'globalThis.somethingElse = 1;', 'nothing-registered'],
    [
      'registers another platform’s connector',
      `globalThis[${JSON.stringify(PACK_REGISTER)}]({ platform: 'telegram', read: async () => ({ loggedIn: true, unread: { direct: 0, indirect: 0 }, chats: [] }) });`,
      'wrong-platform',
    ],
    ['registers what is not a connector', `globalThis[${JSON.stringify(PACK_REGISTER)}]({ platform: 'whatsapp' });`, 'not-a-connector'],
  ])('runs the built-in connector when the pack’s script %s, and tells main which pack and why', async (_what, code, reason) => {
    const p = await whatsapp(pack(code));
    await expectBuiltInRead(p);
    expect(p.ran).toEqual([{ worldId: 999, code }]);
    // The test plays Electron through CDP, whose evaluation catches the script's error: the loader sees a script that
    // threw before registering as one that registered nothing (the preload world's error event, which tells it threw,
    // is tested in test/unit/preload/pack-loader.test.ts).
    expect(p.sent).toEqual([{ channel: CHANNELS.serviceConnectorFailed, payload: { version: VERSION, reason } }]);
    expect(await p.isolated<boolean>(`${JSON.stringify(PACK_REGISTER)} in globalThis`)).toBe(false);
  });
});
