/**
 * What sleeping saves, and that it misses nothing: ten services through a scripted shop day (messages arriving on
 * every service, the owner switching between them), run by main's real controller and power scheduler on a manual
 * clock, with simulated pages that take a few seconds to load and report. Against two baselines in the same run:
 * every service always on (what most wrappers do), and hibernation without checks (what the others that save
 * memory do). Targets: under 30 % of the always-on service-hours awake, and no message without a notification.
 *
 * Then the shop's policy (common/power.ts effectivePolicy) on the same day, beside today's: the shop open 09:00–
 * 21:00, customers writing on three services (direct chats, followed by main's real activity tracker; the other
 * services' chats are groups), the owner answering the chats of the service in front. Figures: service-hours
 * awake, messages missed, and the notification delay inside and outside business hours, with customer services
 * staying awake in open hours, or checking every 2 minutes; and with a memory budget, its peak against the budget.
 * Targets: none missed, the worst delay of a customer's message in business hours at most 2 minutes, at most 30 %
 * of the always-on service-hours awake, and the budget kept.
 */
import { expect, it } from 'vitest';
import type { ChatSummary, ServiceConfig } from '../common/model';
import { CUSTOMER_CHECK_MS } from '../common/power';
import { DEFAULT_SETTINGS, type Settings } from '../common/settings';
import { initialRuntime } from '../common/state';
import { createAppStore, type AppStore } from '../main/core/app/app-store';
import { ActivityTracker } from '../main/core/chats/activity';
import { PowerScheduler, type MemoryPort } from '../main/core/power/power';
import { ServiceController } from '../main/core/services/services';
import { ManualClock } from '../test/fakes/clock';
import { MemoryLogger } from '../test/fakes/logger';
import { stateOf } from '../test/fakes/state';
import { RecordingViews } from '../test/fakes/views';
import { median, report } from './report';

const SERVICES = 10;
const CHATS = 12;
const DAY_MS = 24 * 3_600_000;
/** After midnight, time for the last checks to catch the evening's messages. */
const TAIL_MS = 30 * 60_000;
const STEP_MS = 1_000;
const LOAD_MS = 8_000;

type Mode = 'wasl' | 'always-on' | 'hibernate' | 'shop-awake' | 'shop-check' | 'shop-budget';

/** The services whose chats are customers' (direct chats); the others' are groups. */
const CUSTOMER_SERVICES = 3;
const OPENS_HOUR = 9;
const CLOSES_HOUR = 21;
/** What a loaded page costs (MiB): WhatsApp in front is the largest. */
const PAGE_MIB = (id: string): number => (id === 's0' ? 500 : 300);
const BUDGET_MB = 1536;

interface Message {
  at: number;
  service: string;
  chat: string;
}

/** A seeded generator, so every run scripts the same day. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** The day: busy shop hours on the main accounts, a trickle on the others, some at night. */
function script(start: number): { messages: Message[]; visits: { at: number; service: string; ms: number }[] } {
  const next = random(7);
  const messages: Message[] = [];
  for (let s = 0; s < SERVICES; s += 1) {
    const perDay = s < 3 ? 60 : s < 6 ? 15 : 4;
    for (let i = 0; i < perDay; i += 1) {
      const hour = next() < 0.85 ? 9 + next() * 12 : next() * 24;
      messages.push({ at: start + Math.floor(hour * 3_600_000), service: `s${s}`, chat: `c${Math.floor(next() * CHATS)}` });
    }
  }
  messages.sort((a, b) => a.at - b.at);
  // The owner keeps WhatsApp (s0) in front from 9:00 to 21:00 and looks at another service for two minutes every 40 minutes.
  const visits: { at: number; service: string; ms: number }[] = [];
  for (let t = start + 9 * 3_600_000; t < start + 21 * 3_600_000; t += 40 * 60_000) {
    visits.push({ at: t, service: `s${1 + Math.floor(next() * (SERVICES - 1))}`, ms: 2 * 60_000 });
  }
  return { messages, visits };
}

interface Outcome {
  awakeHours: number;
  missed: number;
  delays: number[];
  /** Delays of the messages that came in business hours, of customers' messages among them, and of the others. */
  inHours: number[];
  customersInHours: number[];
  outHours: number[];
  /** The most memory the loaded pages took at once (MiB). */
  peakMiB: number;
}

const isShop = (mode: Mode): boolean => mode.startsWith('shop');

/** The shop's settings in the shop modes: open every day 09:00–21:00, and the mode and budget of each. */
function settingsFor(mode: Mode): Settings {
  if (!isShop(mode)) return DEFAULT_SETTINGS;
  const clock = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
  return {
    ...DEFAULT_SETTINGS,
    shop: { ...DEFAULT_SETTINGS.shop, hoursEnabled: true, hours: Array.from({ length: 7 }, () => ({ open: true, from: clock(OPENS_HOUR), to: clock(CLOSES_HOUR) })) },
    power: { openHours: mode === 'shop-check' ? 'check' : 'awake', budgetMB: mode === 'shop-budget' ? BUDGET_MB : 0 },
  };
}

/** Runs the day. A page reports LOAD_MS after its view opens; while open, it notifies each message as it comes. */
function runDay(mode: Mode): Outcome {
  const clock = new ManualClock(new Date(2026, 10, 21, 0, 0).getTime());
  const start = clock.now();
  const views = new RecordingViews();
  const services: ServiceConfig[] = Array.from({ length: SERVICES }, (_, i) => ({
    id: `s${i}`, platform: 'whatsapp', name: `Shop ${i}`, enabled: true, muted: false, callsAllowed: false,
    ...(mode === 'always-on' ? { alwaysOn: true } : mode === 'hibernate' ? { checkEveryMin: 0 } : {}),
  }));
  const store: AppStore = createAppStore(
    stateOf({ services, activeServiceId: 's0', view: 'inbox', settings: settingsFor(mode), runtime: Object.fromEntries(services.map((s) => [s.id, initialRuntime(true)])) }),
  );
  /** What each platform's server holds: per chat, its unread messages and its last message's time. */
  const server = new Map<string, Map<string, { unread: number; last: number }>>(services.map((s) => [s.id, new Map()]));
  const kind = (id: string): ChatSummary['kind'] => (Number(id.slice(1)) < CUSTOMER_SERVICES ? 'direct' : 'group');
  /** Messages not notified yet, per service and chat: when each came. */
  const pending = new Map<string, number[]>();
  const delays: number[] = [];
  const inHours: number[] = [];
  const customersInHours: number[] = [];
  const outHours: number[] = [];
  const notified = (service: string, chat: string) => {
    const key = `${service}/${chat}`;
    for (const at of pending.get(key) ?? []) {
      const delay = clock.now() - at;
      delays.push(delay);
      const hour = new Date(at).getHours();
      if (hour >= OPENS_HOUR && hour < CLOSES_HOUR) {
        inHours.push(delay);
        if (kind(service) === 'direct') customersInHours.push(delay);
      } else outHours.push(delay);
    }
    pending.delete(key);
  };
  const seq = new Map<string, number>();
  /** Services whose page has loaded and reported since its view opened. */
  const loadedOnce = new Set<string>();
  const chats = (id: string): ChatSummary[] =>
    [...(server.get(id) ?? new Map<string, { unread: number; last: number }>())].map(([chat, { unread, last }]) => ({ id: chat, title: chat, unread, lastActivity: last, kind: kind(id) }));
  let scheduler: PowerScheduler | undefined;
  const controller = new ServiceController({
    store, views, clock, log: new MemoryLogger(), newId: () => 'x',
    onNews: (id, news) => {
      for (const chat of news) notified(id, chat.id);
    },
    // Who wrote last, as main follows it; today's policy (and the baselines) never read it.
    activity: new ActivityTracker({ initial: { chats: {}, days: {} }, clock, save: () => true }),
    onChats: (id) => scheduler?.chatsChanged(id),
  });
  const reportPage = (id: string) => {
    const n = seq.get(id) ?? 0;
    seq.set(id, n + 1);
    controller.viewEvent(id, { type: 'loaded', url: 'https://web.whatsapp.com/' });
    controller.serviceUpdate(id, { seq: n, reset: n === 0 || !loadedOnce.has(id), loggedIn: true, unread: { direct: 0, indirect: 0 }, upsert: chats(id), remove: [] });
    loadedOnce.add(id);
    // The service in front is what the owner is looking at: its messages are seen, and its customers answered.
    const state = store.getState();
    if (state.view === 'service' && state.activeServiceId === id) {
      for (const key of [...pending.keys()]) if (key.startsWith(`${id}/`)) notified(id, key.slice(id.length + 1));
      answer(id);
    }
  };
  /** The owner answers every chat of the service in front that has unread messages: the chat list moves, read. */
  const answer = (id: string) => {
    const list = server.get(id);
    const waiting = [...(list ?? [])].filter(([, chat]) => chat.unread > 0);
    if (!list || waiting.length === 0) return;
    for (const [chat] of waiting) list.set(chat, { unread: 0, last: clock.now() });
    const n = seq.get(id) ?? 0;
    seq.set(id, n + 1);
    controller.serviceUpdate(id, { seq: n, reset: false, loggedIn: true, unread: { direct: 0, indirect: 0 }, upsert: chats(id).filter((c) => waiting.some(([chat]) => chat === c.id)), remove: [] });
  };
  const openedAt = new Map<string, number>();
  // A page opened again loads again, even when it closed and opened within one step.
  const open = views.open.bind(views);
  views.open = (service, resumeUrl) => {
    openedAt.delete(service.id);
    loadedOnce.delete(service.id);
    open(service, resumeUrl);
  };
  let awakeMs = 0;
  let peakMiB = 0;
  controller.start();
  const memory: MemoryPort = {
    system: () => ({ totalKiB: 16 * 1024 * 1024, freeKiB: 8 * 1024 * 1024 }),
    services: () => Object.fromEntries([...views.opened].map((id) => [id, PAGE_MIB(id) * 1024])),
  };
  // Today's policy knows neither the shop's customers nor the memory; the shop's policy reads both.
  scheduler = new PowerScheduler({ store, clock, log: new MemoryLogger(), target: controller, ...(isShop(mode) ? { chats: () => controller.chatsForShell(), memory } : {}) });
  scheduler.start();

  const { messages, visits } = script(start);
  let m = 0;
  let v = 0;
  let visitEnds: number | undefined;
  for (let t = start; t <= start + DAY_MS + TAIL_MS; t += STEP_MS) {
    clock.advance(STEP_MS);
    for (const id of server.keys()) {
      const open = views.opened.has(id);
      if (open && !openedAt.has(id)) {
        openedAt.set(id, clock.now());
        loadedOnce.delete(id);
      }
      if (!open) {
        openedAt.delete(id);
        loadedOnce.delete(id);
      }
      if (open) awakeMs += STEP_MS;
      const since = openedAt.get(id);
      if (since !== undefined && !loadedOnce.has(id) && clock.now() - since >= LOAD_MS) reportPage(id);
    }
    peakMiB = Math.max(peakMiB, [...views.opened].reduce((sum, id) => sum + PAGE_MIB(id), 0));
    for (; m < messages.length && (messages[m]?.at ?? Infinity) <= clock.now(); m += 1) {
      const message = messages[m];
      if (!message) continue;
      const list = server.get(message.service);
      list?.set(message.chat, { unread: (list.get(message.chat)?.unread ?? 0) + 1, last: message.at });
      const key = `${message.service}/${message.chat}`;
      pending.set(key, [...(pending.get(key) ?? []), message.at]);
      // A loaded page notifies at once; the page in front is seen by the owner.
      if (loadedOnce.has(message.service)) {
        controller.chatNotified(message.service, message.chat);
        notified(message.service, message.chat);
        reportPage(message.service);
      }
    }
    const visit = visits[v];
    if (visit !== undefined && visit.at <= clock.now()) {
      store.setState({ activeServiceId: visit.service, view: 'service' });
      visitEnds = clock.now() + visit.ms;
      v += 1;
    }
    if (visitEnds !== undefined && clock.now() >= visitEnds) {
      store.setState({ activeServiceId: 's0', view: 'service' });
      visitEnds = undefined;
    }
    if (clock.now() === start + 21 * 3_600_000) store.setState({ view: 'inbox' });
  }
  const missed = [...pending.values()].reduce((n, list) => n + list.length, 0);
  return { awakeHours: awakeMs / 3_600_000, missed, delays, inHours, customersInHours, outHours, peakMiB };
}

it('sleep and scheduled checks: service-hours awake over a scripted day, and notifications missed', { timeout: 300_000 }, () => {
  const wasl = runDay('wasl');
  const always = runDay('always-on');
  const hibernate = runDay('hibernate');
  const share = wasl.awakeHours / always.awakeHours;
  const messages = script(0).messages.length;
  const minutes = (ms: number) => `${(ms / 60_000).toFixed(1)} min`;
  report(`Power: ${SERVICES} services over a scripted day (${messages} messages)`, [
    ['service-hours awake', wasl.awakeHours.toFixed(1), always.awakeHours.toFixed(1), `${(share * 100).toFixed(0)} %`, 'target < 30 %', share < 0.3],
    ['messages without a notification', String(wasl.missed), `${always.missed} (hibernating: ${hibernate.missed})`, '', 'target 0', wasl.missed === 0],
    ['notification delay, median / worst', `${minutes(median(wasl.delays))} / ${minutes(Math.max(...wasl.delays))}`, `${minutes(median(always.delays))} / ${minutes(Math.max(...always.delays))}`, '', '', true],
  ], ['sleep + checks', 'always on']);
  expect(always.missed).toBe(0);
  expect(hibernate.missed).toBeGreaterThan(0);
});

it("the shop's hours and customers: delays in and out of business hours, awake hours, and a memory budget kept", { timeout: 600_000 }, () => {
  const today = runDay('wasl');
  const always = runDay('always-on');
  const awake = runDay('shop-awake');
  const check = runDay('shop-check');
  const budget = runDay('shop-budget');
  const minutes = (ms: number) => `${(ms / 60_000).toFixed(1)} min`;
  const delay = (list: readonly number[]) => (list.length === 0 ? '—' : `${minutes(median(list))} / ${minutes(Math.max(...list))}`);
  const share = (o: Outcome) => o.awakeHours / always.awakeHours;
  const percent = (o: Outcome) => `${o.awakeHours.toFixed(1)} h (${(share(o) * 100).toFixed(0)} %)`;
  const worstCustomer = (o: Outcome) => Math.max(...o.customersInHours);
  const columns = [awake, check, budget, today];
  const row = (metric: string, cell: (o: Outcome) => string, target: string, met: boolean): string[] => [metric, ...columns.map(cell), target === '' ? '' : `${target} ${met ? '✓' : '✗ MISSED'}`];
  const table = [
    ['', 'hours: awake', 'hours: check 2 min', `awake, budget ${BUDGET_MB} MB`, "today's policy", 'target (hours: awake; budget)'],
    row('service-hours awake (of always on)', percent, '≤ 30 %', share(awake) <= 0.3 && share(budget) <= 0.3),
    row('messages without a notification', (o) => String(o.missed), '0', awake.missed === 0 && budget.missed === 0),
    row("customers' messages in hours, median / worst", (o) => delay(o.customersInHours), 'worst ≤ 2 min', worstCustomer(awake) <= CUSTOMER_CHECK_MS),
    row('all messages in hours, median / worst', (o) => delay(o.inHours), '', true),
    row('messages outside hours, median / worst', (o) => delay(o.outHours), '', true),
    row('peak memory of the pages', (o) => `${o.peakMiB} MB`, `≤ ${BUDGET_MB} MB`, budget.peakMiB <= BUDGET_MB),
  ];
  const widths = table[0]?.map((_, i) => Math.max(...table.map((r) => (r[i] ?? '').length))) ?? [];
  const line = (r: string[]) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  console.log(`\nPower with the shop's hours (${OPENS_HOUR}:00–${CLOSES_HOUR}:00), customers on ${CUSTOMER_SERVICES} of ${SERVICES} services\n${table.map(line).join('\n')}\n`);
  expect(awake.missed).toBe(0);
  expect(budget.missed).toBe(0);
  expect(worstCustomer(awake)).toBeLessThanOrEqual(CUSTOMER_CHECK_MS);
  expect(share(awake)).toBeLessThanOrEqual(0.3);
  expect(share(budget)).toBeLessThanOrEqual(0.3);
  expect(budget.peakMiB).toBeLessThanOrEqual(BUDGET_MB);
});
