/**
 * What sleeping saves, and that it misses nothing: ten services through a scripted shop day (messages arriving on
 * every service, the owner switching between them), run by main's real controller and power scheduler on a manual
 * clock, with simulated pages that take a few seconds to load and report. Against two baselines in the same run:
 * every service always on (what most wrappers do), and hibernation without checks (what the others that save
 * memory do). Targets: under 30 % of the always-on service-hours awake, and no message without a notification.
 */
import { expect, it } from 'vitest';
import type { ChatSummary, ServiceConfig } from '../common/model';
import { initialRuntime } from '../common/state';
import { createAppStore, type AppStore } from '../main/core/app/app-store';
import { PowerScheduler } from '../main/core/power/power';
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

type Mode = 'wasl' | 'always-on' | 'hibernate';

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
  const store: AppStore = createAppStore(stateOf({ services, activeServiceId: 's0', view: 'inbox', runtime: Object.fromEntries(services.map((s) => [s.id, initialRuntime(true)])) }));
  /** What each platform's server holds: unread per chat. */
  const server = new Map<string, Map<string, number>>(services.map((s) => [s.id, new Map()]));
  /** Messages not notified yet, per service and chat: when each came. */
  const pending = new Map<string, number[]>();
  const delays: number[] = [];
  const notified = (service: string, chat: string) => {
    const key = `${service}/${chat}`;
    for (const at of pending.get(key) ?? []) delays.push(clock.now() - at);
    pending.delete(key);
  };
  const seq = new Map<string, number>();
  /** Services whose page has loaded and reported since its view opened. */
  const loadedOnce = new Set<string>();
  const chats = (id: string): ChatSummary[] => [...(server.get(id) ?? new Map<string, number>())].map(([chat, unread]) => ({ id: chat, title: chat, unread, lastActivity: clock.now() }));
  const controller = new ServiceController({
    store, views, clock, log: new MemoryLogger(), newId: () => 'x',
    onNews: (id, news) => {
      for (const chat of news) notified(id, chat.id);
    },
  });
  const reportPage = (id: string) => {
    const n = seq.get(id) ?? 0;
    seq.set(id, n + 1);
    controller.viewEvent(id, { type: 'loaded', url: 'https://web.whatsapp.com/' });
    controller.serviceUpdate(id, { seq: n, reset: n === 0 || !loadedOnce.has(id), loggedIn: true, unread: { direct: 0, indirect: 0 }, upsert: chats(id), remove: [] });
    loadedOnce.add(id);
    // The service in front is what the owner is looking at: its messages are seen.
    const state = store.getState();
    if (state.view === 'service' && state.activeServiceId === id) {
      for (const key of [...pending.keys()]) if (key.startsWith(`${id}/`)) notified(id, key.slice(id.length + 1));
    }
  };
  const openedAt = new Map<string, number>();
  let awakeMs = 0;
  controller.start();
  new PowerScheduler({ store, clock, log: new MemoryLogger(), target: controller }).start();

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
    for (; m < messages.length && (messages[m]?.at ?? Infinity) <= clock.now(); m += 1) {
      const message = messages[m];
      if (!message) continue;
      const unread = server.get(message.service);
      unread?.set(message.chat, (unread.get(message.chat) ?? 0) + 1);
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
  return { awakeHours: awakeMs / 3_600_000, missed, delays };
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
