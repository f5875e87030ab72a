/**
 * Wasl's observer-based reader against the common wrapper approach (rescan the whole page every 2 s), on a
 * 2,000-chat fixture in one Chromium run: script time per idle minute, and what one new message costs.
 * `npm run bench` prints the figures and their ratios; targets: idle cost at least 20× lower than the baseline,
 * and a new message reflected in under 2 ms of script time (median).
 */
import type { Browser, CDPSession } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeChats } from '../test/fixtures/platforms/lib/dataset.js';
import { openAgentPage, type AgentPage } from '../test/support/agent-page';
import { launchChromium } from '../test/support/chromium';
import { serveFixture } from '../test/support/fixture-server';
import type { StaticServer } from '../test/support/static-server';
import { median, report } from './report';

const ROWS = 2_000;
const IDLE_WINDOW_MS = 12_000;
const MESSAGES = 40;
const BASELINE_INTERVAL_MS = 2_000;

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

/** Script time the page's renderer spent (all worlds), in ms, from Chromium's own counters. */
async function scriptMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
}

async function open(agent: boolean): Promise<{ page: AgentPage; cdp: CDPSession }> {
  const page = await openAgentPage(browser, { platform: 'telegram', url: `${server.url}/k/?rows=${ROWS}`, agent });
  const cdp = await page.context.newCDPSession(page.page);
  await cdp.send('Performance.enable');
  return { page, cdp };
}

/** The baseline every other wrapper runs: read the whole page on a timer, whatever happened. */
const BASELINE = `
  globalThis.baseline = { reads: [], last: '' };
  globalThis.baselineTimer = setInterval(async () => {
    const started = performance.now();
    const snapshot = await WaslTest.connectors.telegram.read(window);
    const text = JSON.stringify(snapshot);
    if (text !== baseline.last) baseline.changedAt = performance.now();
    baseline.last = text;
    baseline.reads.push(performance.now() - started);
  }, ${BASELINE_INTERVAL_MS});
`;

/** Script time per minute while nothing happens on the page, measured over IDLE_WINDOW_MS. */
async function idleCost(cdp: CDPSession): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const before = await scriptMs(cdp);
  await new Promise((resolve) => setTimeout(resolve, IDLE_WINDOW_MS));
  const spent = (await scriptMs(cdp)) - before;
  return (spent * 60_000) / IDLE_WINDOW_MS;
}

it('observer-based reader vs. rescanning every 2 s, on 2,000 chats', { timeout: 300_000 }, async () => {
  const chats = makeChats(ROWS).filter((c) => !c.archived);

  // Wasl: the agent, idle, then one message at a time.
  const wasl = await open(true);
  await wasl.page.waitForUpdates(1, 30_000);
  const waslIdle = await idleCost(wasl.cdp);
  const waslScript: number[] = [];
  const waslLatency: number[] = [];
  for (let i = 0; i < MESSAGES; i += 1) {
    const chat = chats[(i * 37) % chats.length];
    if (!chat) throw new Error('no chat');
    const count = wasl.page.updates.length;
    // Messages arrive seconds apart in life: let the agent's throttle (a few reads a second) settle first.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const changedAt = await wasl.page.page.evaluate(
      ([id]) => {
        (window as unknown as { fixture: { step(n: string, id: string, t: string): void } }).fixture.step('message', id, 'benchmark');
        return performance.now();
      },
      [chat.id] as const,
    );
    await wasl.page.waitForUpdates(count + 1);
    const { readMs, sentAt } = await wasl.page.isolated<{ readMs: number; sentAt: number }>('({ readMs: WaslAgent.stats.lastReadMs, sentAt: WaslLastSentAt })');
    waslScript.push(readMs);
    waslLatency.push(sentAt - changedAt);
    expect(wasl.page.updates.at(-1)?.upsert).toHaveLength(1);
  }
  await wasl.page.close();

  // The baseline: no agent, a full read every 2 s.
  const base = await open(false);
  await base.page.isolated(BASELINE);
  const baseIdle = await idleCost(base.cdp);
  const baseLatency: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const chat = chats[(i * 53) % chats.length];
    if (!chat) throw new Error('no chat');
    const changedAt = await base.page.page.evaluate(
      ([id]) => {
        (window as unknown as { fixture: { step(n: string, id: string, t: string): void } }).fixture.step('message', id, 'benchmark');
        return performance.now();
      },
      [chat.id] as const,
    );
    const seenAt = await base.page.isolated<number>(
      `new Promise((resolve) => { const start = baseline.changedAt; const t = setInterval(() => { if (baseline.changedAt !== start) { clearInterval(t); resolve(baseline.changedAt); } }, 10); })`,
    );
    baseLatency.push(seenAt - changedAt);
  }
  const baseReads = await base.page.isolated<number[]>('baseline.reads');
  await base.page.close();

  const idleRatio = baseIdle / Math.max(waslIdle, 0.01);
  report('Connectors: observer-based reader vs. rescanning every 2 s (Telegram K fixture, 2,000 chats)', [
    ['idle script time per minute', `${waslIdle.toFixed(2)} ms`, `${baseIdle.toFixed(1)} ms`, `${idleRatio.toFixed(0)}× less`, 'target ≥ 20×', idleRatio >= 20],
    ['script time per new message (median)', `${median(waslScript).toFixed(2)} ms`, `${median(baseReads).toFixed(1)} ms`, `${(median(baseReads) / median(waslScript)).toFixed(0)}× less`, 'target < 2 ms', median(waslScript) < 2],
    ['DOM change → update (median)', `${median(waslLatency).toFixed(1)} ms`, `${median(baseLatency).toFixed(0)} ms`, `${(median(baseLatency) / median(waslLatency)).toFixed(0)}× sooner`, '', true],
  ]);
});
