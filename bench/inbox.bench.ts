/**
 * The unified inbox at the size of a busy shop: 20,000 chats across 10 services, about 15% of them sharing a phone
 * number with a chat on another service, a few hundred people linked by hand. Wasl keeps the inbox with InboxIndex
 * (one changed chat touches its own entry); the baseline rebuilds it with buildInbox on every change.
 * `npm run bench` prints the figures; targets: a full build under 50 ms, a one-chat update under 2 ms (median),
 * and in the shell under 100 rows in the DOM and a one-chat update rendered within one 16 ms frame.
 */
import { expect, it } from 'vitest';
import { buildInbox, type InboxInput } from '../common/inbox';
import { InboxIndex } from '../common/inbox-index';
import type { ChatSummary, InboxEntry, ServiceSnapshot } from '../common/model';
import { suggestLinks } from '../common/suggestions';
import type { ChatsDelta } from '../common/ipc';
import { launchChromium } from '../test/support/chromium';
import { openShell } from '../test/support/shell-harness';
import { CHATS_PER_SERVICE, dataset, NOW, random, SERVICES } from './dataset';
import { median, report } from './report';

const BUILD_RUNS = 21;
const UPDATES = 200;

function time(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/** Entries of `after` that are not objects of `before`: the rows a memoized list re-renders. */
function recreated(before: readonly InboxEntry[], after: readonly InboxEntry[]): number {
  const old = new Set(before);
  return after.filter((e) => !old.has(e)).length;
}

const ms = (value: number): string => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
const versus = (wasl: number, base: number): string => (wasl <= base ? `${(base / wasl).toFixed(base / wasl < 10 ? 1 : 0)}× less` : `${(wasl / base).toFixed(1)}× more`);

it('InboxIndex vs. buildInbox on every change, 20,000 chats across 10 services', () => {
  const initial = dataset();
  const reference = buildInbox(initial);

  // Builds from scratch, each kind in a row of its own after three to warm up: each pays for its own garbage.
  const builds = (build: () => unknown): number[] => Array.from({ length: BUILD_RUNS + 3 }, () => time(build)).slice(3);
  const fullBuild = builds(() => buildInbox(initial));
  const indexBuild = builds(() => new InboxIndex(initial).entries());

  // 200 messages, each in a random chat: newer activity, one more unread. The store makes each new snapshot; what
  // is timed is the inbox's work. Wasl's updates and the baseline's rebuilds run apart, so that neither pays for
  // the other's garbage.
  const rnd = random(7);
  let input = initial;
  const steps: { serviceId: string; snapshot: ServiceSnapshot; input: InboxInput }[] = [];
  for (let i = 0; i < UPDATES; i += 1) {
    const service = input.services[Math.floor(rnd() * input.services.length)];
    const snapshot = service && input.snapshots[service.id];
    if (!service || !snapshot) throw new Error('no service');
    const at = Math.floor(rnd() * snapshot.chats.length);
    const chats = snapshot.chats.map((c, k) => (k === at ? { ...c, lastActivity: NOW + i * 1000, unread: c.unread + 1, preview: `message ${i}` } : c));
    const next: ServiceSnapshot = { ...snapshot, chats };
    input = { ...input, snapshots: { ...input.snapshots, [service.id]: next } };
    steps.push({ serviceId: service.id, snapshot: next, input });
  }

  const index = new InboxIndex(initial);
  expect(index.entries()).toStrictEqual(reference);
  const waslUpdate: number[] = [];
  const waslRows: number[] = [];
  for (const { serviceId, snapshot } of steps) {
    const before = index.entries();
    waslUpdate.push(time(() => {
      index.setSnapshot(serviceId, snapshot);
      index.entries();
    }));
    waslRows.push(recreated(before, index.entries()));
  }
  const baseUpdate: number[] = [];
  const baseRows: number[] = [];
  let baseEntries = reference;
  for (const step of steps) {
    let rebuilt: InboxEntry[] = [];
    baseUpdate.push(time(() => (rebuilt = buildInbox(step.input))));
    baseRows.push(recreated(baseEntries, rebuilt));
    baseEntries = rebuilt;
  }
  expect(index.entries()).toStrictEqual(baseEntries);

  const entries = index.entries();
  const chatOf = (ref: { serviceId: string; chatId: string }): ChatSummary | undefined => index.chatOf(ref.serviceId, ref.chatId);
  const suggest = Array.from({ length: 6 }, () => time(() => suggestLinks(entries, chatOf, [])));

  const update = median(waslUpdate);
  const rebuild = median(baseUpdate);
  const build = median(indexBuild);
  const scratch = median(fullBuild);
  report(`Inbox: InboxIndex vs. buildInbox on every change (${(SERVICES * CHATS_PER_SERVICE).toLocaleString('en')} chats, ${SERVICES} services, ${entries.length.toLocaleString('en')} entries)`, [
    [`full build (median of ${BUILD_RUNS})`, ms(build), ms(scratch), versus(build, scratch), 'target < 50 ms', build < 50],
    [`one-chat update (median of ${UPDATES})`, ms(update), ms(rebuild), versus(update, rebuild), 'target < 2 ms', update < 2],
    [`one-chat update (slowest of ${UPDATES})`, ms(Math.max(...waslUpdate)), ms(Math.max(...baseUpdate)), '', '', true],
    ['entries recreated per update (median)', String(median(waslRows)), String(median(baseRows)), '', 'target 1', median(waslRows) === 1],
    ['suggestLinks over the inbox: first, then median of 5', `${ms(suggest[0] ?? Number.NaN)}, ${ms(median(suggest.slice(1)))}`, '—', '', '', true],
  ], ['InboxIndex', 'buildInbox']);
});

/**
 * The same dataset in the built shell, in Chromium, with main's core behind it: how many rows the virtual list puts
 * in the DOM (against the entries a plain list would render), and what one new message costs the page — from the
 * delta arriving to the changed row committed — against a change that touches every chat of one service.
 */
it('the inbox list in Chromium: rows in the DOM and the cost of a one-chat update', { timeout: 300_000 }, async () => {
  const input = dataset();
  const browser = await launchChromium();
  const shell = await openShell(browser, {
    state: { services: [...input.services], activeServiceId: input.services[0]?.id ?? null, view: 'inbox', people: [...input.people] },
    viewport: { width: 1280, height: 900 },
  });
  try {
    for (const service of input.services) {
      await shell.setRuntime(service.id, { status: 'ready' });
      const snapshot = input.snapshots[service.id];
      if (!snapshot) continue;
      shell.controller.serviceUpdate(service.id, { seq: 0, reset: true, loggedIn: true, unread: snapshot.unread, upsert: snapshot.chats, remove: [] });
    }
    await shell.settled();
    const page = shell.page;
    const list = page.getByRole('listbox', { name: 'Chats' });
    await expect.poll(() => list.getByRole('option').first().getAttribute('aria-setsize'), { timeout: 60_000 }).not.toBeNull();
    const entries = Number(await list.getByRole('option').first().getAttribute('aria-setsize'));
    const rows = await list.getByRole('option').count();

    /** Delivers a delta to the page as main would and times it, in the page, until the list has committed. */
    const timed = (serviceId: string, delta: ChatsDelta): Promise<number> =>
      page.evaluate(
        ([id, d]) =>
          new Promise<number>((resolve) => {
            const target = document.querySelector('[role="listbox"]');
            if (!target) throw new Error('no list');
            const started = performance.now();
            const observer = new MutationObserver(() => {
              observer.disconnect();
              resolve(performance.now() - started);
            });
            observer.observe(target, { subtree: true, childList: true, characterData: true, attributes: true });
            (window as unknown as { __waslChats(id: string, d: unknown): void }).__waslChats(id, d);
          }),
        [serviceId, delta] as const,
      );

    const first = input.services[0];
    const snapshot = first && input.snapshots[first.id];
    if (!first || !snapshot) throw new Error('no service');
    const one: number[] = [];
    const all: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      // A message in the newest chat of the first service: its row is on screen, and stays at the top.
      const chat = { ...snapshot.chats[0], id: snapshot.chats[0]?.id ?? 'c0', title: snapshot.chats[0]?.title ?? '', lastActivity: NOW + 60_000 * (i + 1), unread: i + 1, preview: `message ${i}` };
      one.push(await timed(first.id, { reset: false, loggedIn: true, unread: snapshot.unread, upsert: [chat], remove: [] }));
      // The baseline: every chat of the service changes at once (what a list without memoized rows does for one).
      const every = snapshot.chats.map((c, k) => ({ ...c, preview: `batch ${i} ${k}` }));
      all.push(await timed(first.id, { reset: false, loggedIn: true, unread: snapshot.unread, upsert: every, remove: [] }));
    }
    report(`Inbox list in Chromium (${entries.toLocaleString('en')} entries)`, [
      ['rows in the DOM', String(rows), `${entries.toLocaleString('en')} (a plain list)`, `${(entries / rows).toFixed(0)}× fewer`, 'target < 100', rows < 100],
      ['one-chat update → row committed (median of 30)', ms(median(one)), ms(median(all)), versus(median(one), median(all)), 'target < 16 ms (one frame)', median(one) < 16],
    ], ['virtual, memoized', 'every chat of a service']);
  } finally {
    await shell.close();
    await browser.close();
  }
});
