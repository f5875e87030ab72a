/**
 * The chat list beside the open service against today's inbox page, in the built shell in Chromium with main's core
 * behind it, at a busy shop's size: 20,000 chats across 10 services (bench/dataset.ts). Two things the user does all
 * day, measured in both places round after round in the same run, so both see the same machine:
 *  - opening a chat: a click on a row, until the selection is made, the open command has reached main and main's
 *    answer (the service in front) is rendered. From the inbox page that is the switch to the service with the list
 *    beside it; in the list beside the service only the selection and the service change;
 *  - a new message in a chat of some service (most are far down the list): main's chats delta moves it to the top.
 * A row is opened by a click (Enter on the selected row runs the same handler, without changing the selection).
 * In the list beside the service, the service's page then says which chat it has open and the list follows: that
 * is measured too, on its own (it comes later, once the page has opened the chat).
 * Target (issue 16): in the list beside the service, each takes under one 16 ms frame of script time (median).
 *
 * What is measured is the script time of the page's main thread: Chrome DevTools Protocol's Performance.getMetrics
 * (ScriptDuration) before the input and once the page is quiet again, in thread time (timeDomain threadTicks), the
 * CPU time of that thread, so other processes on a shared 2-core machine count far less. Wall time would count
 * Playwright's bindings and evaluations (milliseconds each, where Electron's IPC takes microseconds) and every wait
 * for a core. PerformanceObserver's long-animation-frame entries break script time down per frame, but Chromium
 * reports only frames of 50 ms or more: a 16 ms budget is below what they see. The input is CDP's own (a mouse
 * click: no script of the harness in the page); quiet is two frames rendered after main's last message reached the
 * page and then no script for QUIET_MS, so work a render deferred (the inbox page's suggestions) counts too: each
 * figure is all the script an action costs, at least what its frame had. The harness's own part — the evaluation
 * that waits for the frames — is measured alone and printed as the floor, not taken off. TaskDuration (all the
 * thread's work: script, style, layout, paint) is printed beside.
 */
import type { CDPSession, Locator } from 'playwright-core';
import { expect, it } from 'vitest';
import type { ServiceUpdate } from '../common/ipc';
import { launchChromium } from '../test/support/chromium';
import { openShell } from '../test/support/shell-harness';
import { CHATS_PER_SERVICE, dataset, NOW, SERVICES } from './dataset';
import { median, percentile, report, type Row } from './report';

const WARMUP = 3;
const ROUNDS = 40;
/** The budget: one frame at 60 Hz. */
const FRAME_MS = 16;
/** How long the page must run no script to count as quiet. */
const QUIET_MS = 30;
/** Rows clicked: the first ones, always in view in both lists. */
const ROWS_CLICKED = 8;

/** Script and all main-thread work, in ms of the thread's CPU time. */
interface Cost {
  script: number;
  task: number;
}

async function threadTimes(cdp: CDPSession): Promise<Cost> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const seconds = (name: string): number => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  return { script: seconds('ScriptDuration') * 1000, task: seconds('TaskDuration') * 1000 };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits (in Node, running nothing in the page) until `done` holds. */
async function until(done: () => boolean, what: string): Promise<void> {
  const give = Date.now() + 10_000;
  while (!done()) {
    if (Date.now() > give) throw new Error(`timed out waiting for ${what}`);
    await sleep(1);
  }
}

const ms = (value: number): string => `${value.toFixed(2)} ms`;
const ratio = (column: number, inbox: number): string => `${(column / inbox).toFixed(2)}×`;

it('the list beside the service vs. the inbox page: opening a chat and a new message, script time in Chromium', { timeout: 600_000 }, async () => {
  const input = dataset();
  const browser = await launchChromium();
  const shell = await openShell(browser, {
    state: { services: [...input.services], activeServiceId: input.services[0]?.id ?? null, view: 'inbox', people: [...input.people] },
    viewport: { width: 1280, height: 900 },
  });
  try {
    const seqs = new Map<string, number>();
    for (const service of input.services) {
      await shell.setRuntime(service.id, { status: 'ready' });
      const snapshot = input.snapshots[service.id];
      if (!snapshot) continue;
      seqs.set(service.id, 0);
      shell.controller.serviceUpdate(service.id, { seq: 0, reset: true, loggedIn: true, unread: snapshot.unread, upsert: snapshot.chats, remove: [] });
    }
    await shell.settled();
    const { page } = shell;
    const inboxRows = page.locator('#inbox-panel [role="option"]');
    const columnRows = page.locator('.list-column [role="option"]');
    await expect.poll(() => inboxRows.first().getAttribute('aria-setsize'), { timeout: 60_000 }).not.toBeNull();
    const entries = Number(await inboxRows.first().getAttribute('aria-setsize'));
    const cdp = await shell.context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });

    /** Runs `act`, then waits for main's messages, two frames and quiet: the script and work it cost. */
    const measure = async (act: () => Promise<void> | void): Promise<Cost> => {
      const before = await threadTimes(cdp);
      await act();
      await shell.settled();
      await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
      let after = await threadTimes(cdp);
      for (let tries = 0; tries < 50; tries += 1) {
        await sleep(QUIET_MS);
        const later = await threadTimes(cdp);
        const quiet = later.script - after.script < 0.01;
        after = later;
        if (quiet) break;
      }
      return { script: after.script - before.script, task: after.task - before.task };
    };

    /** What a service's connector reports next, in sequence, as main receives it. */
    const fromPage = (serviceId: string, change: Pick<ServiceUpdate, 'upsert' | 'activeChatId'>): void => {
      const seq = (seqs.get(serviceId) ?? 0) + 1;
      seqs.set(serviceId, seq);
      const unread = shell.controller.snapshot(serviceId)?.unread ?? { direct: 0, indirect: 0 };
      shell.controller.serviceUpdate(serviceId, { seq, reset: false, loggedIn: true, unread, remove: [], ...change });
    };

    /** A click on the row (Playwright's mouse sends CDP input events, no script): the open command reached main. */
    const open = async (rows: Locator, k: number): Promise<Cost> => {
      const row = rows.nth(k);
      await row.waitFor();
      const box = await row.boundingBox();
      if (box === null) throw new Error('row not laid out');
      const sent = shell.commands.length;
      const cost = await measure(async () => {
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        await until(() => shell.commands.length > sent, 'the open command');
      });
      expect(shell.commands.at(-1)?.type).toBe('service.openChat');
      return cost;
    };

    /** A new message in a chat of the next service (most are far down the list): main's delta moves it to the top. */
    let messages = 0;
    const message = async (rows: Locator): Promise<Cost> => {
      messages += 1;
      const service = input.services[messages % SERVICES];
      const chat = service && shell.controller.snapshot(service.id)?.chats.find((c) => c.id === `c${(500 + 37 * messages) % CHATS_PER_SERVICE}`);
      if (!service || !chat) throw new Error('no chat');
      const text = `message ${messages}`;
      const cost = await measure(() => fromPage(service.id, { upsert: [{ ...chat, lastActivity: NOW + 60_000 * messages, unread: chat.unread + 1, preview: text }] }));
      expect(await rows.first().getAttribute('aria-label')).toContain(text);
      return cost;
    };

    const costs = { inboxOpen: [] as Cost[], inboxMessage: [] as Cost[], columnOpen: [] as Cost[], columnMessage: [] as Cost[], followed: [] as Cost[], floor: [] as Cost[] };
    for (let round = 0; round < WARMUP + ROUNDS; round += 1) {
      const keep = round >= WARMUP;
      const k = round % ROWS_CLICKED;
      // The inbox page: a new message, then a click on a row, which brings the service in front with the list beside it.
      const inboxMessage = await message(inboxRows);
      const inboxOpen = await open(inboxRows, k);
      await page.locator('.list-column').waitFor();
      // The list beside the service: a click on another row, the page saying it opened that chat, a new message.
      const columnOpen = await open(columnRows, (k + 3) % ROWS_CLICKED);
      expect(await columnRows.nth((k + 3) % ROWS_CLICKED).getAttribute('aria-selected')).toBe('true');
      const opened = shell.commands.at(-1);
      if (opened?.type !== 'service.openChat') throw new Error('no chat opened');
      const followed = await measure(() => fromPage(opened.id, { upsert: [], activeChatId: opened.chatId }));
      const columnMessage = await message(columnRows);
      const floor = await measure(() => undefined);
      await shell.controller.command({ type: 'view.inbox' });
      await shell.settled();
      await inboxRows.first().waitFor();
      if (!keep) continue;
      costs.inboxOpen.push(inboxOpen);
      costs.inboxMessage.push(inboxMessage);
      costs.columnOpen.push(columnOpen);
      costs.columnMessage.push(columnMessage);
      costs.followed.push(followed);
      costs.floor.push(floor);
    }

    const stat = (list: readonly Cost[], part: keyof Cost, p90: boolean): number => {
      const values = list.map((cost) => cost[part]);
      return p90 ? percentile(values, 0.9) : median(values);
    };
    /** A metric in both places; `target`: the budget applies to the list beside the service. */
    const row = (metric: string, column: readonly Cost[], inbox: readonly Cost[], part: keyof Cost, p90: boolean, target: boolean): Row => {
      const mine = stat(column, part, p90);
      const base = stat(inbox, part, p90);
      return [metric, ms(mine), ms(base), ratio(mine, base), target ? `target < ${FRAME_MS} ms` : '', !target || mine < FRAME_MS];
    };
    const openColumn = stat(costs.columnOpen, 'script', false);
    const messageColumn = stat(costs.columnMessage, 'script', false);
    report(`Chat list beside the service vs. the inbox page in Chromium (${(SERVICES * CHATS_PER_SERVICE).toLocaleString('en')} chats, ${SERVICES} services, ${entries.toLocaleString('en')} entries; thread CPU time, ${ROUNDS} rounds)`, [
      row('open a chat (click → frame committed): script, median', costs.columnOpen, costs.inboxOpen, 'script', false, true),
      row('open a chat: script, p90', costs.columnOpen, costs.inboxOpen, 'script', true, false),
      row('open a chat: all main-thread work, median', costs.columnOpen, costs.inboxOpen, 'task', false, false),
      row('new message → chat moved to the top: script, median', costs.columnMessage, costs.inboxMessage, 'script', false, true),
      row('new message: script, p90', costs.columnMessage, costs.inboxMessage, 'script', true, false),
      row('new message: all main-thread work, median', costs.columnMessage, costs.inboxMessage, 'task', false, false),
      ['the page then says that chat is open (the list follows): script, median', ms(stat(costs.followed, 'script', false)), '—', '', '', true],
      ['harness floor (waiting for two frames alone): script, median', ms(stat(costs.floor, 'script', false)), '', '', '', true],
    ], ['list beside the service', 'inbox page']);
    expect(openColumn).toBeLessThan(FRAME_MS);
    expect(messageColumn).toBeLessThan(FRAME_MS);
  } finally {
    await shell.close();
    await browser.close();
  }
});
