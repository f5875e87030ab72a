/**
 * Lazy start, sleep and wake: the service controller and the power scheduler together, with the recording views
 * and a manual clock.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../../../common/channels';
import { risen } from '../../../../../common/chats-delta';
import type { ChatsDelta, ServiceUpdate } from '../../../../../common/ipc';
import type { ChatSummary, ServiceConfig } from '../../../../../common/model';
import { CHECK_MAX_MS, CHECK_SETTLE_MS, DEFAULT_CHECK_EVERY_MIN, DEFAULT_SLEEP_AFTER_MIN, powerPolicy } from '../../../../../common/power';
import { initialRuntime, type AppState } from '../../../../../common/state';
import { createAppStore, type AppStore } from '../../../../../main/core/app/app-store';
import { FIRST_CHECK_MS, PowerScheduler } from '../../../../../main/core/power/power';
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
