/**
 * Lazy start, sleep and wake: the service controller and the power scheduler together, with the recording views
 * and a manual clock.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../../../common/channels';
import { risen } from '../../../../../common/chats-delta';
import type { ChatsDelta, ServiceUpdate } from '../../../../../common/ipc';
import type { ChatSummary, ServiceConfig } from '../../../../../common/model';
import { CHECK_MAX_MS, CHECK_SETTLE_MS, CUSTOMER_CHECK_MS, DEFAULT_CHECK_EVERY_MIN, DEFAULT_SLEEP_AFTER_MIN, LOW_MEMORY_FREE_KIB, powerPolicy } from '../../../../../common/power';
import { DEFAULT_SETTINGS, type Settings } from '../../../../../common/settings';
import type { ChatActivity, Customer } from '../../../../../common/shop/model';
import { initialRuntime, type AppState } from '../../../../../common/state';
import { createAppStore, type AppStore } from '../../../../../main/core/app/app-store';
import { DEMAND_DELAY_MS, FIRST_CHECK_MS, MEMORY_SAMPLE_MS, PowerScheduler, type MemoryPort } from '../../../../../main/core/power/power';
import { INSERT_TIMEOUT_MS, PAGE_WAIT_MS } from '../../../../../main/core/services/requests';
import { ServiceController } from '../../../../../main/core/services/services';
import { ManualClock } from '../../../../fakes/clock';
import { MemoryLogger } from '../../../../fakes/logger';
import { stateOf } from '../../../../fakes/state';
import { RecordingViews } from '../../../../fakes/views';

const MIN = 60_000;
const svc = (id: string, extra: Partial<ServiceConfig> = {}): ServiceConfig => ({
  id, platform: 'whatsapp', name: id, enabled: true, muted: false, callsAllowed: false, ...extra,
});
const chat = (id: string, unread: number, extra: Partial<ChatSummary> = {}): ChatSummary => ({ id, title: `Chat ${id}`, unread, ...extra });

function stateWith(services: ServiceConfig[], active: string | null, view: AppState['view'] = 'service'): AppState {
  return stateOf({ services, activeServiceId: active, view, runtime: Object.fromEntries(services.map((s) => [s.id, initialRuntime(s.enabled)])) });
}

describe('power: lazy start, sleep and wake', () => {
  let clock: ManualClock;
  let views: RecordingViews;
  let log: MemoryLogger;
  let store: AppStore;
  let controller: ServiceController;
  let news: [string, string[]][];
  let deltas: [string, ChatsDelta][];
  const seqs = new Map<string, number>();

  const setup = (state: AppState) => {
    store = createAppStore(state);
    news = [];
    deltas = [];
    seqs.clear();
    controller = new ServiceController({
      store, views, clock, log, newId: () => `id${seqs.size}`,
      onChats: (id, delta) => deltas.push([id, delta]),
      onNews: (id, chats) => news.push([id, chats.map((c) => c.id)]),
    });
    controller.start();
    new PowerScheduler({ store, clock, log, target: controller }).start();
  };
  const status = (id: string) => store.getState().runtime[id]?.status;
  /** The page loaded and its connector reported these chats (a full update after each load). */
  const report = (id: string, chats: ChatSummary[]) => {
    controller.viewEvent(id, { type: 'loaded', url: 'https://web.whatsapp.com/' });
    const seq = seqs.get(id) ?? 0;
    seqs.set(id, seq + 1);
    const update: ServiceUpdate = { seq, reset: true, loggedIn: true, unread: { direct: chats.reduce((n, c) => n + c.unread, 0), indirect: 0 }, upsert: chats, remove: [] };
    expect(controller.serviceUpdate(id, update)).toBe(true);
  };
  const opened = () => views.of('open').map((c) => c.id);

  beforeEach(() => {
    clock = new ManualClock();
    views = new RecordingViews();
    log = new MemoryLogger();
  });

  it('loads only the last active service and those always on at launch; the rest start asleep', () => {
    setup(stateWith([svc('a'), svc('b', { alwaysOn: true }), svc('c'), svc('d', { enabled: false })], 'c', 'inbox'));
    expect(opened()).toEqual(['b', 'c']);
    expect(status('a')).toBe('asleep');
    expect(store.getState().runtime['a']?.asleepSince).toBeUndefined();
    expect(status('d')).toBe('off');
  });

  it('gives the services not started a first check soon after launch, one at a time, then lets them sleep', () => {
    setup(stateWith([svc('a'), svc('b'), svc('c')], 'a'));
    clock.advance(FIRST_CHECK_MS);
    expect(opened()).toEqual(['a', 'b']);
    expect(store.getState().runtime['b']).toMatchObject({ status: 'loading', checking: true });
    clock.advance(CHECK_MAX_MS - 1);
    expect(opened()).toEqual(['a', 'b']);
    report('b', [chat('1', 2)]);
    clock.advance(CHECK_SETTLE_MS);
    expect(status('b')).toBe('asleep');
    expect(news).toEqual([]);
    expect(opened()).toEqual(['a', 'b', 'c']);
    report('c', []);
    clock.advance(CHECK_SETTLE_MS);
    expect(status('c')).toBe('asleep');
    expect(views.opened).toEqual(new Set(['a']));
  });

  it('puts a service out of sight to sleep after its idle time, keeping its chats, and never the one in front', () => {
    setup(stateWith([svc('a'), svc('b', { alwaysOn: true })], 'a'));
    report('a', [chat('1', 1)]);
    report('b', [chat('2', 0)]);
    views.urls.set('b', 'https://web.whatsapp.com/#chat-2');
    clock.advance(DEFAULT_SLEEP_AFTER_MIN.whatsapp * MIN * 3);
    expect(status('a')).toBe('ready');
    expect(status('b')).toBe('ready');

    store.setState({ services: store.getState().services.map((s) => (s.id === 'b' ? { ...s, alwaysOn: false } : s)) });
    clock.advance(DEFAULT_SLEEP_AFTER_MIN.whatsapp * MIN - 1);
    expect(status('b')).toBe('ready');
    clock.advance(1);
    expect(store.getState().runtime['b']).toMatchObject({ status: 'asleep', asleepSince: clock.now(), connected: false });
    expect(views.opened.has('b')).toBe(false);
    expect(controller.chatsForShell()['b']?.chats.map((c) => c.id)).toEqual(['2']);
    expect(deltas.some(([id, delta]) => id === 'b' && delta.reset && delta.upsert.length === 0)).toBe(false);
    expect(status('a')).toBe('ready');
  });

  it('restarts the idle time whenever the service was in front', () => {
    setup(stateWith([svc('a'), svc('b', { sleepAfterMin: 5 })], 'b'));
    report('b', []);
    store.setState({ activeServiceId: 'a' });
    report('a', []);
    clock.advance(4 * MIN);
    store.setState({ activeServiceId: 'b' });
    clock.advance(10 * MIN);
    expect(status('b')).toBe('ready');
    store.setState({ view: 'inbox' });
    clock.advance(5 * MIN - 1);
    expect(status('b')).toBe('ready');
    clock.advance(1);
    expect(status('b')).toBe('asleep');
  });

  it('wakes a sleeping service on the page it was at when it is clicked', () => {
    setup(stateWith([svc('a'), svc('b', { sleepAfterMin: 5 })], 'b'));
    report('b', []);
    views.urls.set('b', 'https://web.whatsapp.com/#chat-9');
    store.setState({ activeServiceId: 'a' });
    clock.advance(5 * MIN);
    expect(status('b')).toBe('asleep');
    void controller.command({ type: 'service.activate', id: 'b' });
    expect(views.of('open').at(-1)).toEqual({ op: 'open', id: 'b', resumeUrl: 'https://web.whatsapp.com/#chat-9' });
    expect(store.getState().runtime['b']).toMatchObject({ status: 'loading' });
    expect(store.getState().runtime['b']?.checking).toBeUndefined();
  });

  it('checks a sleeping service on its schedule and notifies the chats that got new messages', () => {
    setup(stateWith([svc('a'), svc('b', { sleepAfterMin: 5, checkEveryMin: 15 })], 'b'));
    report('b', [chat('1', 0), chat('2', 1), chat('3', 0, { muted: true }), chat('4', 0)]);
    store.setState({ activeServiceId: 'a' });
    clock.advance(5 * MIN);
    expect(status('b')).toBe('asleep');
    clock.advance(15 * MIN);
    expect(store.getState().runtime['b']).toMatchObject({ status: 'loading', checking: true });
    // The page itself notified chat 4 while it loaded: that one is not told twice.
    controller.chatNotified('b', '4');
    report('b', [chat('1', 2), chat('2', 1), chat('3', 5, { muted: true }), chat('4', 1), chat('5', 1)]);
    expect(status('b')).toBe('ready');
    clock.advance(CHECK_SETTLE_MS);
    expect(news).toEqual([['b', ['1', '5']]]);
    expect(status('b')).toBe('asleep');
    clock.advance(15 * MIN);
    expect(store.getState().runtime['b']?.checking).toBe(true);
  });

  it('keeps a checked service awake when the user opens it during the check', () => {
    setup(stateWith([svc('a'), svc('b', { sleepAfterMin: 5, checkEveryMin: 5 })], 'b'));
    report('b', []);
    store.setState({ activeServiceId: 'a' });
    clock.advance(10 * MIN);
    expect(store.getState().runtime['b']?.checking).toBe(true);
    store.setState({ activeServiceId: 'b' });
    expect(store.getState().runtime['b']?.checking).toBeUndefined();
    report('b', []);
    clock.advance(CHECK_MAX_MS * 2);
    expect(status('b')).toBe('ready');
  });

  it('gives up a check that never reports and sleeps again', () => {
    setup(stateWith([svc('a'), svc('b', { sleepAfterMin: 5, checkEveryMin: 5 })], 'b'));
    report('b', []);
    store.setState({ activeServiceId: 'a' });
    clock.advance(10 * MIN);
    controller.viewEvent('b', { type: 'loaded', url: 'https://web.whatsapp.com/' });
    clock.advance(CHECK_MAX_MS);
    expect(status('b')).toBe('asleep');
  });

  it('never sleeps a service set to never sleep, and never checks one set to wake only when used', () => {
    setup(stateWith([svc('a'), svc('b', { sleepAfterMin: 0 }), svc('c', { sleepAfterMin: 5, checkEveryMin: 0 })], 'b'));
    report('b', []);
    store.setState({ activeServiceId: 'a' });
    clock.advance(FIRST_CHECK_MS);
    clock.advance(24 * 60 * MIN);
    expect(status('b')).toBe('ready');
    expect(status('c')).toBe('asleep');
    expect(opened()).not.toContain('c');
  });

  it('opens the chat of a notification clicked while its service sleeps once the page has woken, and gives the page the focus', () => {
    setup(stateWith([svc('a'), svc('b', { sleepAfterMin: 5 })], 'b'));
    report('b', [chat('7', 0)]);
    store.setState({ activeServiceId: 'a' });
    clock.advance(5 * MIN);
    void controller.command({ type: 'service.activate', id: 'b' });
    controller.notificationClicked('b', { id: 'n1', chatId: '7' });
    expect(views.of('send').filter((c) => c.id === 'b')).toEqual([]);
    expect(views.of('focus')).toEqual([]);
    report('b', [chat('7', 1)]);
    // Once woken, the page opens the chat as the click asked and takes the focus, the caret in the composer.
    expect(views.of('send').filter((c) => c.id === 'b')).toEqual([{ op: 'send', id: 'b', channel: CHANNELS.serviceNotificationClick, payload: { id: 'n1', chatId: '7' } }]);
    expect(views.of('focus')).toEqual([{ op: 'focus', id: 'b' }]);
    controller.notificationClicked('b', { id: 'n2', chatId: '7' });
    expect(views.of('send').at(-1)).toEqual({ op: 'send', id: 'b', channel: CHANNELS.serviceNotificationClick, payload: { id: 'n2', chatId: '7' } });
    expect(views.of('focus')).toEqual([{ op: 'focus', id: 'b' }, { op: 'focus', id: 'b' }]);
  });

  it('types a quick reply into a sleeping service once its page has woken and reported, not before', async () => {
    setup(stateWith([svc('a'), svc('b', { sleepAfterMin: 5 })], 'b'));
    report('b', [chat('7', 0)]);
    store.setState({ activeServiceId: 'a' });
    clock.advance(5 * MIN);
    expect(status('b')).toBe('asleep');
    const typed = () => views.of('send').filter((c) => c.id === 'b' && c.channel === CHANNELS.serviceInsertText);
    const pending = controller.command({ type: 'service.insertText', id: 'b', text: 'أهلاً أحمد' });
    expect(store.getState()).toMatchObject({ activeServiceId: 'b', view: 'service' });
    expect(status('b')).toBe('loading');
    // Waking takes longer than a page has to answer: the request waits for the page, not on a clock.
    clock.advance(INSERT_TIMEOUT_MS * 2);
    expect(typed()).toEqual([]);
    report('b', [chat('7', 0)]);
    expect(typed()).toEqual([{ op: 'send', id: 'b', channel: CHANNELS.serviceInsertText, payload: { requestId: expect.any(String) as string, text: 'أهلاً أحمد' } }]);
    const { requestId } = typed()[0]?.payload as { requestId: string };
    controller.insertResult('b', requestId, true);
    expect(await pending).toEqual({ ok: true });
  });

  it('types into a service that is still loading once it reports, and gives up when it never does', async () => {
    setup(stateWith([svc('a'), svc('b')], 'a'));
    const first = controller.command({ type: 'service.insertText', id: 'b', text: 'one' });
    expect(views.of('send').filter((c) => c.id === 'b')).toEqual([]);
    clock.advance(PAGE_WAIT_MS);
    expect(await first).toEqual({ ok: false, error: 'failed', detail: 'no answer' });
    const second = controller.command({ type: 'service.insertText', id: 'b', text: 'two' });
    report('b', []);
    const sent = views.of('send').filter((c) => c.id === 'b' && c.channel === CHANNELS.serviceInsertText);
    expect(sent.map((c) => (c.payload as { text: string }).text)).toEqual(['two']);
    controller.insertResult('b', (sent[0]?.payload as { requestId: string }).requestId, false);
    expect(await second).toEqual({ ok: false, error: 'no-composer' });
  });

  it('sleeps a service now on request, the one in front giving way to the inbox', async () => {
    setup(stateWith([svc('a', { alwaysOn: true }), svc('b')], 'a'));
    report('a', []);
    expect(await controller.command({ type: 'service.sleep', id: 'a' })).toEqual({ ok: true });
    expect(store.getState().view).toBe('inbox');
    expect(status('a')).toBe('asleep');
    expect(await controller.command({ type: 'service.sleep', id: 'a' })).toEqual({ ok: true });
    expect(await controller.command({ type: 'service.sleep', id: 'zz' })).toEqual({ ok: false, error: 'not-found' });
  });

  it('leaves a page that is still loading or failing alone when its idle time is up', () => {
    setup(stateWith([svc('a'), svc('b', { sleepAfterMin: 5, alwaysOn: true })], 'a'));
    store.setState({ services: store.getState().services.map((s) => (s.id === 'b' ? { ...s, alwaysOn: false } : s)) });
    clock.advance(5 * MIN);
    expect(status('b')).toBe('idle');
    expect(log.lines.some((line) => line.message.includes('stays awake'))).toBe(true);
  });
});

describe('power policy and news', () => {
  it('takes the platform defaults unless the service says otherwise', () => {
    expect(powerPolicy({ platform: 'whatsapp' })).toEqual({ alwaysOn: false, sleepAfterMs: DEFAULT_SLEEP_AFTER_MIN.whatsapp * MIN, checkEveryMs: DEFAULT_CHECK_EVERY_MIN * MIN });
    expect(powerPolicy({ platform: 'wechat' }).sleepAfterMs).toBeNull();
    expect(powerPolicy({ platform: 'slack', alwaysOn: true, sleepAfterMin: 5 })).toMatchObject({ alwaysOn: true, sleepAfterMs: null });
    expect(powerPolicy({ platform: 'slack', checkEveryMin: 0 }).checkEveryMs).toBeNull();
  });

  it('counts a chat as news when its unread count rose or it is new with unread messages', () => {
    const before = { loggedIn: true, unread: { direct: 0, indirect: 0 }, chats: [chat('1', 1), chat('2', 3)] };
    const after = { loggedIn: true, unread: { direct: 0, indirect: 0 }, chats: [chat('1', 1), chat('2', 2), chat('3', 1), chat('4', 0)] };
    expect(risen(before.chats, after.chats).map((c) => c.id)).toEqual(['3']);
    expect(risen(before.chats, [chat('1', 2), chat('3', 1)]).map((c) => c.id)).toEqual(['1', '3']);
  });
});

describe('power: business hours, waiting customers and memory', () => {
  let clock: ManualClock;
  let views: RecordingViews;
  let store: AppStore;
  let controller: ServiceController;
  let scheduler: PowerScheduler;
  /** Each service's chats with their activity, as main's chats store answers them. */
  let chats: Record<string, { chats: ChatSummary[] }>;
  const seqs = new Map<string, number>();
  const MIB = 1024;
  /** The computer's memory and each open view's (MiB), as a test sets them. */
  let memory: { totalMiB: number; freeMiB: number; perView: Record<string, number> };
  const memoryPort: MemoryPort = {
    system: () => ({ totalKiB: memory.totalMiB * MIB, freeKiB: memory.freeMiB * MIB }),
    services: () => Object.fromEntries([...views.opened].map((id) => [id, (memory.perView[id] ?? 300) * MIB])),
  };
  /** Local time on Saturday 21 November 2026 (the next days follow). */
  const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, 21 + day, hour, minute).getTime();
  const shop = (extra: Partial<Settings['shop']> = {}): Settings['shop'] => ({
    ...DEFAULT_SETTINGS.shop,
    hoursEnabled: true,
    hours: Array.from({ length: 7 }, () => ({ open: true, from: '09:00', to: '21:00' })),
    ...extra,
  });
  const setup = (services: ServiceConfig[], active: string | null, settings: Partial<Settings> = {}, withMemory = false) => {
    const state = stateWith(services, active, active === null ? 'inbox' : 'service');
    store = createAppStore({ ...state, settings: { ...DEFAULT_SETTINGS, ...settings } });
    seqs.clear();
    controller = new ServiceController({ store, views, clock, log: new MemoryLogger(), newId: () => 'x', onNews: () => undefined });
    controller.start();
    scheduler = new PowerScheduler({ store, clock, log: new MemoryLogger(), target: controller, chats: () => chats, ...(withMemory ? { memory: memoryPort } : {}) });
    scheduler.start();
  };
  const status = (id: string) => store.getState().runtime[id]?.status;
  const report = (id: string) => {
    controller.viewEvent(id, { type: 'loaded', url: 'https://web.whatsapp.com/' });
    const seq = seqs.get(id) ?? 0;
    seqs.set(id, seq + 1);
    controller.serviceUpdate(id, { seq, reset: true, loggedIn: true, unread: { direct: 0, indirect: 0 }, upsert: [], remove: [] });
  };
  /** Runs the clock, the checked pages reporting as soon as they open. */
  const run = (ms: number) => {
    for (let t = 0; t < ms; t += 1_000) {
      clock.advance(1_000);
      for (const id of views.opened) if (store.getState().runtime[id]?.status === 'loading') report(id);
    }
  };
  const opens = (id: string) => views.of('open').filter((c) => c.id === id).length;
  /** The service was in front and reported, then the user went to `front`: it sleeps after its idle time. */
  const usedThenLeft = (id: string, front: string) => {
    store.setState({ activeServiceId: id, view: 'service' });
    report(id);
    store.setState({ activeServiceId: front });
    run(5 * MIN + 1_000);
    expect(status(id)).toBe('asleep');
  };
  const customerChat = (activity: Partial<ChatActivity>, extra: Partial<ChatSummary> = {}): ChatSummary => ({ id: 'c1', title: 'Amal', unread: 0, activity: { first: 0, ...activity }, ...extra });
  const setChats = (id: string, list: ChatSummary[]) => {
    chats = { ...chats, [id]: { chats: list } };
    scheduler.chatsChanged(id);
  };

  beforeEach(() => {
    views = new RecordingViews();
    chats = {};
    memory = { totalMiB: 16 * 1024, freeMiB: 8 * 1024, perView: {} };
  });

  it('wakes a customer service at opening time exactly and keeps it awake until closing, then its own idle time', () => {
    clock = new ManualClock(at(0, 8));
    chats = { b: { chats: [customerChat({ lastIn: at(-1, 18) })] } };
    setup([svc('a'), svc('b', { sleepAfterMin: 5, checkEveryMin: 0 }), svc('c', { sleepAfterMin: 5, checkEveryMin: 0 })], 'a', { shop: shop() }, true);
    usedThenLeft('b', 'a');
    usedThenLeft('c', 'a');
    expect(scheduler.report().services['b']?.reason).toBe('default');
    clock.advance(at(0, 9) - clock.now() - 1);
    expect(status('b')).toBe('asleep');
    clock.advance(1);
    expect(store.getState().runtime['b']).toMatchObject({ status: 'loading', checking: true });
    expect(scheduler.report().services['b']).toEqual({ policy: { alwaysOn: false, sleepAfterMs: null, checkEveryMs: CUSTOMER_CHECK_MS }, reason: 'open-hours' });
    run(CHECK_MAX_MS * 4);
    expect(store.getState().runtime['b']).toMatchObject({ status: 'ready' });
    expect(store.getState().runtime['b']?.checking).toBeUndefined();
    run(at(0, 21) - clock.now() - 1_000);
    expect(status('b')).toBe('ready');
    // No customer: c sleeps through the day.
    expect(status('c')).toBe('asleep');
    expect(scheduler.report().services['c']?.reason).toBe('default');
    run(5 * MIN);
    expect(status('b')).toBe('ready');
    run(1_000);
    expect(status('b')).toBe('asleep');
    expect(scheduler.report().services['b']?.reason).toBe('default');
  });

  it('lets the user put a customer service to sleep in open hours: it wakes for its check 2 minutes later, not at once', async () => {
    clock = new ManualClock(at(0, 10));
    chats = { b: { chats: [customerChat({ lastIn: at(0, 9) })] } };
    setup([svc('a'), svc('b')], 'a', { shop: shop() }, true);
    run(FIRST_CHECK_MS + CHECK_MAX_MS);
    expect(status('b')).toBe('ready');
    expect(await controller.command({ type: 'service.sleep', id: 'b' })).toEqual({ ok: true });
    run(CUSTOMER_CHECK_MS - 1_000);
    expect(status('b')).toBe('asleep');
    run(1_000);
    expect(status('b')).not.toBe('asleep');
    run(CHECK_MAX_MS);
    expect(status('b')).toBe('ready');
  });

  it("checks a customer service every 2 minutes in open hours in 'check' mode, and not outside them", () => {
    clock = new ManualClock(at(0, 8));
    chats = { b: { chats: [customerChat({ lastIn: at(-1, 18) })] } };
    setup([svc('a'), svc('b', { sleepAfterMin: 5, checkEveryMin: 0 })], 'a', { shop: shop(), power: { openHours: 'check', budgetMB: 0 } });
    usedThenLeft('b', 'a');
    run(at(0, 9) - clock.now());
    const before = opens('b');
    run(60 * MIN);
    // A check every 2 minutes after the last: reported at once, 20 s to settle.
    expect(opens('b') - before).toBeGreaterThanOrEqual(24);
    expect(scheduler.report().services['b']?.reason).toBe('open-hours');
    run(at(0, 21) - clock.now() + CHECK_MAX_MS);
    const closed = opens('b');
    run(60 * MIN);
    expect(opens('b')).toBe(closed);
  });

  it("stays awake in open hours on a computer with 8 GiB ('auto'), and checks on one with less", () => {
    clock = new ManualClock(at(0, 10));
    chats = { b: { chats: [customerChat({ lastIn: at(0, 9) })] } };
    memory.totalMiB = 8 * 1024;
    setup([svc('a'), svc('b')], 'a', { shop: shop() }, true);
    expect(scheduler.report().openHoursMode).toBe('awake');
    expect(scheduler.report().services['b']?.policy.sleepAfterMs).toBeNull();
    memory.totalMiB = 8 * 1024 - 1;
    setup([svc('a'), svc('b')], 'a', { shop: shop() }, true);
    expect(scheduler.report().openHoursMode).toBe('check');
    expect(scheduler.report().services['b']?.policy).toMatchObject({ sleepAfterMs: DEFAULT_SLEEP_AFTER_MIN.whatsapp * MIN, checkEveryMs: CUSTOMER_CHECK_MS });
  });

  it('keeps a customer service asleep on a special day the shop is closed', () => {
    clock = new ManualClock(at(0, 8));
    chats = { b: { chats: [customerChat({ lastIn: at(-1, 18) })] } };
    const holiday = { id: 'h', name: 'Holiday', from: '2026-11-21', to: '2026-11-21', hours: null };
    setup([svc('a'), svc('b', { sleepAfterMin: 5, checkEveryMin: 0 })], 'a', { shop: shop({ specialHours: [holiday] }) }, true);
    usedThenLeft('b', 'a');
    const before = opens('b');
    run(at(0, 12) - clock.now());
    expect(opens('b')).toBe(before);
    expect(status('b')).toBe('asleep');
    // The next day opens as the week says.
    clock.advance(at(1, 9) - clock.now());
    expect(status('b')).toBe('loading');
  });

  it('follows hours past midnight: open from the evening span of the day before, closing the next morning', () => {
    clock = new ManualClock(at(0, 0, 30));
    chats = { b: { chats: [customerChat({ lastIn: at(-1, 22) })] } };
    const night = Array.from({ length: 7 }, () => ({ open: true, from: '20:00', to: '02:00' }));
    setup([svc('a'), svc('b', { sleepAfterMin: 5, checkEveryMin: 0 })], 'a', { shop: shop({ hours: night }) }, true);
    run(FIRST_CHECK_MS + CHECK_MAX_MS);
    expect(status('b')).toBe('ready');
    expect(scheduler.report().services['b']?.reason).toBe('open-hours');
    run(at(0, 2) - clock.now() + 5 * MIN + 1_000);
    expect(status('b')).toBe('asleep');
    clock.advance(at(0, 20) - clock.now() - 1);
    expect(status('b')).toBe('asleep');
    clock.advance(1);
    expect(status('b')).toBe('loading');
  });

  it('checks every 2 minutes while a customer waits, until answered; and until the conversation is set done', () => {
    clock = new ManualClock(at(0, 23));
    chats = { b: { chats: [customerChat({ lastIn: at(0, 22, 50), waitingSince: at(0, 22, 50) })] } };
    setup([svc('a'), svc('b')], 'a', { shop: shop() });
    run(FIRST_CHECK_MS + CHECK_MAX_MS);
    expect(scheduler.report().services['b']).toEqual({ policy: { alwaysOn: false, sleepAfterMs: DEFAULT_SLEEP_AFTER_MIN.whatsapp * MIN, checkEveryMs: CUSTOMER_CHECK_MS }, reason: 'customer-waiting' });
    let before = opens('b');
    run(20 * MIN);
    expect(opens('b') - before).toBeGreaterThanOrEqual(8);
    // Answered (from the phone): the next check's chats say so, and the checks go back to every 15 minutes.
    setChats('b', [customerChat({ lastIn: at(0, 22, 50), lastOut: at(0, 23, 25) })]);
    run(DEMAND_DELAY_MS + CHECK_MAX_MS);
    expect(scheduler.report().services['b']?.reason).toBe('default');
    before = opens('b');
    run(30 * MIN);
    expect(opens('b') - before).toBeLessThanOrEqual(2);
    // Waiting again, then set done by the user: the 2-minute checks stop without a chat change.
    setChats('b', [customerChat({ lastIn: clock.now() - MIN, waitingSince: clock.now() - MIN })]);
    run(DEMAND_DELAY_MS);
    expect(scheduler.report().services['b']?.reason).toBe('customer-waiting');
    const done: Customer = { labels: [], note: '', status: 'done', statusAt: clock.now(), priority: false };
    store.setState({ customers: { 'chat:b:c1': done } });
    expect(scheduler.report().services['b']?.reason).toBe('default');
    // A group's messages are no customer's.
    setChats('b', [customerChat({ lastIn: clock.now(), waitingSince: clock.now() }, { id: 'g', kind: 'group' })]);
    run(DEMAND_DELAY_MS);
    expect(scheduler.report().services['b']?.reason).toBe('default');
  });

  it('sleeps the least recently used services first when past the memory budget, never the one in front, whatever the hours', () => {
    clock = new ManualClock(at(0, 10));
    chats = Object.fromEntries(['b', 'c', 'd'].map((id) => [id, { chats: [customerChat({ lastIn: at(0, 9) })] }]));
    setup([svc('a'), svc('b'), svc('c'), svc('d')], 'b', { shop: shop(), power: { openHours: 'awake', budgetMB: 1024 } }, true);
    report('b');
    for (const id of ['c', 'd', 'a']) {
      store.setState({ activeServiceId: id });
      report(id);
      clock.advance(1_000);
    }
    // Opening them, before a sample measured c, d and a (counted as large as b, 300 MB): 4 × 300 MB with room for
    // a check is past 1024 MB, so b then c (used longest ago) sleep at once.
    expect(['a', 'b', 'c', 'd'].map(status)).toEqual(['ready', 'asleep', 'asleep', 'ready']);
    clock.advance(MEMORY_SAMPLE_MS);
    expect(['a', 'b', 'c', 'd'].map(status)).toEqual(['ready', 'asleep', 'asleep', 'ready']);
    expect(scheduler.report().services['b']?.reason).toBe('memory-budget');
    expect(scheduler.report().services['d']?.reason).toBe('open-hours');
    // They still check, one at a time, and sleep again after.
    run(DEFAULT_CHECK_EVERY_MIN * MIN + CHECK_MAX_MS);
    expect(opens('b')).toBeGreaterThanOrEqual(2);
    expect(['b', 'c'].map(status)).toEqual(['asleep', 'asleep']);
    // The one in front stays, however large.
    memory.perView['a'] = 4096;
    clock.advance(MEMORY_SAMPLE_MS);
    expect(status('a')).toBe('ready');
    expect(status('d')).toBe('asleep');
    // The budget lifted: those asleep for memory wake again for open hours.
    memory.perView['a'] = 300;
    store.setState({ settings: { ...store.getState().settings, power: { openHours: 'awake', budgetMB: 0 } } });
    run(3 * CUSTOMER_CHECK_MS + 3 * CHECK_MAX_MS);
    expect(['a', 'b', 'c', 'd'].map(status)).toEqual(['ready', 'ready', 'ready', 'ready']);
  });

  it('keeps a service asleep for memory until the next sample at least, so that it cannot wake and sleep again at once', () => {
    clock = new ManualClock(at(0, 10));
    chats = Object.fromEntries(['b', 'c'].map((id) => [id, { chats: [customerChat({ lastIn: at(0, 9) })] }]));
    setup([svc('a'), svc('b'), svc('c')], 'b', { shop: shop(), power: { openHours: 'awake', budgetMB: 1024 } }, true);
    report('b');
    for (const id of ['c', 'a']) {
      store.setState({ activeServiceId: id });
      report(id);
    }
    expect(['a', 'b', 'c'].map(status)).toEqual(['ready', 'asleep', 'ready']);
    store.setState({ settings: { ...store.getState().settings, power: { openHours: 'awake', budgetMB: 0 } } });
    expect(scheduler.report().services['b']?.reason).toBe('memory-budget');
    clock.advance(MEMORY_SAMPLE_MS - 1);
    expect(scheduler.report().services['b']?.reason).toBe('memory-budget');
    clock.advance(1);
    expect(scheduler.report().services['b']?.reason).toBe('open-hours');
  });

  it('starts a waiting customer’s checks 2 minutes apart, however long each check took', () => {
    clock = new ManualClock(at(0, 23));
    chats = { b: { chats: [customerChat({ lastIn: at(0, 22, 50), waitingSince: at(0, 22, 50) })] } };
    setup([svc('a'), svc('b')], 'a', { shop: shop() });
    run(FIRST_CHECK_MS + CHECK_MAX_MS);
    const starts: number[] = [];
    views.calls.length = 0;
    for (let t = 0; t < 20 * MIN; t += 1_000) {
      run(1_000);
      if (views.of('open').some((c) => c.id === 'b')) starts.push(clock.now());
      views.calls.length = 0;
    }
    expect(starts.length).toBeGreaterThanOrEqual(9);
    for (let i = 1; i < starts.length; i += 1) expect((starts[i] ?? 0) - (starts[i - 1] ?? 0)).toBeLessThanOrEqual(CUSTOMER_CHECK_MS + 1_000);
  });

  it('sleeps the least recently used service when the system reports low memory, without a budget', () => {
    clock = new ManualClock(at(0, 10));
    setup([svc('a'), svc('b'), svc('c')], 'b', {}, true);
    report('b');
    store.setState({ activeServiceId: 'c' });
    report('c');
    store.setState({ activeServiceId: 'a' });
    report('a');
    memory.freeMiB = LOW_MEMORY_FREE_KIB / MIB - 100;
    clock.advance(MEMORY_SAMPLE_MS);
    expect(['a', 'b', 'c'].map(status)).toEqual(['ready', 'asleep', 'ready']);
    expect(scheduler.report().services['b']?.reason).toBe('memory-budget');
  });
});
