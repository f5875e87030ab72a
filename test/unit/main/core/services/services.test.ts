import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../../common/settings';
import type { ChatsDelta, ServiceUpdate } from '../../../../../common/ipc';
import type { ServiceConfig } from '../../../../../common/model';
import { initialRuntime, type AppState } from '../../../../../common/state';
import { createAppStore, type AppStore } from '../../../../../main/core/app/app-store';
import { HANG_GRACE_MS, MAX_CRASHES, STABLE_MS } from '../../../../../main/core/services/backoff';
import type { ActivityPort } from '../../../../../main/core/chats/store';
import { INSERT_TIMEOUT_MS } from '../../../../../main/core/services/requests';
import { ServiceController } from '../../../../../main/core/services/services';
import type { ChatActivity } from '../../../../../common/shop/model';
import { CHANNELS } from '../../../../../common/channels';
import { ManualClock } from '../../../../fakes/clock';
import { stateOf } from '../../../../fakes/state';
import { MemoryLogger } from '../../../../fakes/logger';
import { RecordingViews } from '../../../../fakes/views';

const svc = (id: string, platform: ServiceConfig['platform'] = 'whatsapp', extra: Partial<ServiceConfig> = {}): ServiceConfig => ({
  id, platform, name: id, enabled: true, muted: false, callsAllowed: false, ...extra,
});

function stateWith(services: ServiceConfig[], active: string | null = services[0]?.id ?? null): AppState {
  return stateOf({ services, activeServiceId: active, runtime: Object.fromEntries(services.map((s) => [s.id, initialRuntime(s.enabled)])) });
}

const RECT = { x: 72, y: 48, width: 1000, height: 700 };

describe('ServiceController', () => {
  let clock: ManualClock;
  let views: RecordingViews;
  let log: MemoryLogger;
  let store: AppStore;
  let controller: ServiceController;
  let ids: number;

  let deltas: [string, ChatsDelta][];
  const setup = (state: AppState) => {
    store = createAppStore(state);
    deltas = [];
    controller = new ServiceController({ store, views, clock, log, newId: () => `id${++ids}`, onChats: (id, delta) => deltas.push([id, delta]) });
  };
  const runtime = (id: string) => store.getState().runtime[id];
  const names = () => store.getState().services.map((s) => s.name);

  beforeEach(() => {
    clock = new ManualClock();
    views = new RecordingViews();
    log = new MemoryLogger();
    ids = 0;
    setup(stateWith([]));
  });

  describe('last-known chats across restarts', () => {
    it('starts with the chats the previous run kept, for enabled services only, and says when they change', () => {
      store = createAppStore(stateWith([svc('a'), svc('off', 'whatsapp', { enabled: false })]));
      let changed = 0;
      const kept = { loggedIn: true, unread: { direct: 1, indirect: 0 }, chats: [{ id: 'x', title: 'Layla', unread: 1 }] };
      controller = new ServiceController({
        store, views, clock, log, newId: () => 'n',
        initialChats: { a: kept, off: kept, gone: kept },
        onChatsChanged: () => (changed += 1),
      });
      expect(Object.keys(controller.chatsForShell())).toEqual(['a']);
      expect(controller.allSnapshots()).toEqual({ a: kept });
      expect(changed).toBe(0);
      controller.serviceUpdate('a', { seq: 0, reset: true, partial: true, loggedIn: true, unread: { direct: 0, indirect: 0 }, upsert: [], remove: [] });
      expect(changed).toBe(1);
      expect(controller.snapshot('a')?.chats).toEqual(kept.chats);
    });
  });

  describe('commands', () => {
    it('adds accounts with numbered default names, each its own id, and opens and shows the new one', async () => {
      controller.setViewport(RECT);
      expect(await controller.command({ type: 'service.add', platform: 'whatsapp' })).toEqual({ ok: true, id: 'id1' });
      expect(await controller.command({ type: 'service.add', platform: 'whatsapp' })).toEqual({ ok: true, id: 'id2' });
      expect(await controller.command({ type: 'service.add', platform: 'telegram', name: 'Support' })).toEqual({ ok: true, id: 'id3' });
      expect(names()).toEqual(['WhatsApp', 'WhatsApp 2', 'Support']);
      expect(views.of('open').map((c) => c.id)).toEqual(['id1', 'id2', 'id3']);
      expect(store.getState().activeServiceId).toBe('id3');
      expect(views.shown).toEqual({ op: 'present', id: 'id3', rect: RECT });
      expect(runtime('id3')).toEqual(initialRuntime(true));
    });

    it('validates a custom URL and names the service after its host', async () => {
      expect(await controller.command({ type: 'service.add', platform: 'custom', url: 'http://chat.example.com' })).toEqual({
        ok: false, error: 'custom-url', detail: 'not-https',
      });
      expect(await controller.command({ type: 'service.add', platform: 'custom' })).toEqual({ ok: false, error: 'custom-url', detail: 'empty' });
      expect(store.getState().services).toEqual([]);
      expect(views.calls.filter((c) => c.op === 'open')).toEqual([]);
      await controller.command({ type: 'service.add', platform: 'custom', url: 'www.shop-chat.example/inbox' });
      expect(store.getState().services[0]).toMatchObject({ name: 'shop-chat.example', url: 'https://www.shop-chat.example/inbox' });
    });

    it('renames, reorders and activates', async () => {
      setup(stateWith([svc('a'), svc('b'), svc('c')]));
      await controller.command({ type: 'service.rename', id: 'b', name: 'متجري' });
      expect(names()).toEqual(['a', 'متجري', 'c']);
      await controller.command({ type: 'service.move', id: 'a', index: 2 });
      expect(store.getState().services.map((s) => s.id)).toEqual(['b', 'c', 'a']);
      await controller.command({ type: 'service.move', id: 'a', index: 0 });
      expect(store.getState().services.map((s) => s.id)).toEqual(['a', 'b', 'c']);
      await controller.command({ type: 'service.move', id: 'b', index: 99 });
      expect(store.getState().services.map((s) => s.id)).toEqual(['a', 'c', 'b']);
      await controller.command({ type: 'service.activate', id: 'c' });
      expect(store.getState().activeServiceId).toBe('c');
      expect(await controller.command({ type: 'service.activate', id: 'zzz' })).toEqual({ ok: false, error: 'not-found' });
    });

    it('turns a service off (closing its view) and on again', async () => {
      setup(stateWith([svc('a'), svc('b', 'whatsapp', { alwaysOn: true })]));
      controller.start();
      controller.setViewport(RECT);
      await controller.command({ type: 'service.set', id: 'a', enabled: false });
      expect(views.of('close')).toEqual([{ op: 'close', id: 'a' }]);
      expect(runtime('a')?.status).toBe('off');
      expect(views.shown).toEqual({ op: 'present', id: null, rect: null });
      await controller.command({ type: 'service.set', id: 'a', enabled: true });
      expect(views.of('open').map((c) => c.id)).toEqual(['a', 'b', 'a']);
      expect(runtime('a')?.status).toBe('idle');
      expect(views.shown).toEqual({ op: 'present', id: 'a', rect: RECT });
    });

    it('mutes a service’s sound, and remembers calls permission', async () => {
      setup(stateWith([svc('a')]));
      await controller.command({ type: 'service.set', id: 'a', muted: true, callsAllowed: true });
      expect(views.of('mute')).toEqual([{ op: 'mute', id: 'a', muted: true }]);
      expect(store.getState().services[0]).toMatchObject({ muted: true, callsAllowed: true });
    });

    it('opens muted services muted at start, and disabled ones not at all', () => {
      setup(stateWith([svc('a', 'whatsapp', { muted: true }), svc('b', 'slack', { enabled: false })]));
      controller.start();
      expect(views.calls.filter((c) => c.op === 'open' || c.op === 'mute')).toEqual([
        { op: 'open', id: 'a' },
        { op: 'mute', id: 'a', muted: true },
      ]);
    });

    it('removes a service: closes the view, clears its storage, and activates a neighbour', async () => {
      setup(stateWith([svc('a'), svc('b'), svc('c')], 'b'));
      expect(await controller.command({ type: 'service.remove', id: 'b' })).toEqual({ ok: true });
      expect(views.calls.filter((c) => c.op === 'close' || c.op === 'clear')).toEqual([
        { op: 'close', id: 'b' },
        { op: 'clear', id: 'b' },
      ]);
      expect(store.getState().services.map((s) => s.id)).toEqual(['a', 'c']);
      expect(store.getState().runtime['b']).toBeUndefined();
      expect(store.getState().activeServiceId).toBe('c');
      await controller.command({ type: 'service.remove', id: 'c' });
      expect(store.getState().activeServiceId).toBe('a');
      await controller.command({ type: 'service.remove', id: 'a' });
      expect(store.getState().activeServiceId).toBeNull();
    });

    it('tells the user when a removed service’s storage could not be cleared', async () => {
      setup(stateWith([svc('a', 'whatsapp', { name: 'Shop' })]));
      views.failClear = true;
      expect(await controller.command({ type: 'service.remove', id: 'a' })).toMatchObject({ ok: false, error: 'failed' });
      expect(store.getState().notices).toEqual([{ id: 'id1', at: clock.now(), kind: 'storage-not-cleared', serviceName: 'Shop' }]);
    });

    it('changes settings and dismisses notices', async () => {
      await controller.command({ type: 'settings.set', theme: 'dark' });
      await controller.command({ type: 'settings.set', language: 'ar', defaultRegion: 'SA', unreadCount: 'chats' });
      await controller.command({ type: 'settings.set', notifications: { privateMode: true, quietHours: { enabled: true, from: '23:00', to: '07:30' } } });
      expect(store.getState().settings).toEqual({
        ...DEFAULT_SETTINGS,
        theme: 'dark',
        language: 'ar',
        defaultRegion: 'SA',
        unreadCount: 'chats',
        notifications: { ...DEFAULT_SETTINGS.notifications, privateMode: true, quietHours: { enabled: true, from: '23:00', to: '07:30' } },
      });
      store.setState({ notices: [{ id: 'n1', at: 1, kind: 'settings-not-saved' }] });
      expect(await controller.command({ type: 'notice.dismiss', id: 'nope' })).toEqual({ ok: false, error: 'not-found' });
      expect(await controller.command({ type: 'notice.dismiss', id: 'n1' })).toEqual({ ok: true });
      expect(store.getState().notices).toEqual([]);
    });

    it('opens a chat: brings its service forward and asks its page to open it', async () => {
      setup(stateWith([svc('a'), svc('b')], 'a'));
      expect(await controller.command({ type: 'service.openChat', id: 'b', chatId: '9665@c.us' })).toEqual({ ok: true });
      expect(store.getState().activeServiceId).toBe('b');
      expect(views.of('send')).toEqual([{ op: 'send', id: 'b', channel: 'svc:open-chat', payload: '9665@c.us' }]);
    });

    it('answers not-found for every command on an unknown service', async () => {
      for (const cmd of [
        { type: 'service.rename', id: 'x', name: 'n' },
        { type: 'service.move', id: 'x', index: 0 },
        { type: 'service.set', id: 'x', muted: true },
        { type: 'service.reload', id: 'x' },
        { type: 'service.remove', id: 'x' },
        { type: 'service.openChat', id: 'x', chatId: 'c' },
      ] as const) {
        expect(await controller.command(cmd)).toEqual({ ok: false, error: 'not-found' });
      }
    });
  });

  describe('the inbox view', () => {
    it('shows the inbox instead of a service, and any service activation brings the service back', async () => {
      setup(stateWith([svc('a'), svc('b', 'whatsapp', { alwaysOn: true })], 'a'));
      controller.start();
      controller.setViewport(RECT);
      expect(views.shown).toEqual({ op: 'present', id: 'a', rect: RECT });
      await controller.command({ type: 'view.inbox' });
      expect(store.getState().view).toBe('inbox');
      expect(views.shown).toEqual({ op: 'present', id: null, rect: null });
      controller.activateIndex(2);
      expect(store.getState()).toMatchObject({ view: 'service', activeServiceId: 'b' });
      expect(views.shown).toEqual({ op: 'present', id: 'b', rect: RECT });
      await controller.command({ type: 'view.inbox' });
      await controller.command({ type: 'service.openChat', id: 'a', chatId: 'c1' });
      expect(store.getState()).toMatchObject({ view: 'service', activeServiceId: 'a' });
    });
  });

  describe('keyboard switching', () => {
    beforeEach(() => {
      setup(stateWith([svc('a'), svc('b'), svc('c')], 'a'));
    });
    it('Ctrl+N picks the Nth service and Ctrl+9 the last', () => {
      controller.activateIndex(2);
      expect(store.getState().activeServiceId).toBe('b');
      controller.activateIndex(9);
      expect(store.getState().activeServiceId).toBe('c');
      controller.activateIndex(5);
      expect(store.getState().activeServiceId).toBe('c');
    });
    it('Ctrl+Tab wraps around both ways', () => {
      controller.activateRelative(-1);
      expect(store.getState().activeServiceId).toBe('c');
      controller.activateRelative(1);
      expect(store.getState().activeServiceId).toBe('a');
      controller.activateRelative(1);
      expect(store.getState().activeServiceId).toBe('b');
    });
  });

  describe('page lifecycle', () => {
    beforeEach(() => {
      setup(stateWith([svc('a'), svc('m', 'messenger')], 'a'));
      controller.start();
      controller.setViewport(RECT);
    });

    it('goes loading → ready, and reads the unread count from the title', () => {
      controller.viewEvent('a', { type: 'loading' });
      expect(runtime('a')?.status).toBe('loading');
      controller.viewEvent('a', { type: 'loaded', url: 'https://web.whatsapp.com/' });
      expect(runtime('a')?.status).toBe('ready');
      controller.viewEvent('a', { type: 'title', title: '(4) WhatsApp' });
      expect(runtime('a')).toMatchObject({ unread: 4, titleUnread: 4 });
    });

    it('marks a service on its sign-in page as logged out, and ready again once past it', () => {
      controller.viewEvent('m', { type: 'loaded', url: 'https://www.messenger.com/login/?next=x' });
      expect(runtime('m')?.status).toBe('logged-out');
      controller.viewEvent('m', { type: 'navigated', url: 'https://www.messenger.com/t/123' });
      expect(runtime('m')?.status).toBe('ready');
    });

    it('reloads a crashed page with growing delays, then stops after too many crashes and asks the user', () => {
      const delays: number[] = [];
      for (let i = 1; i < MAX_CRASHES; i += 1) {
        controller.viewEvent('a', { type: 'crashed', reason: 'crashed' });
        const r = runtime('a');
        expect(r?.status).toBe('crashed');
        expect(r?.failures).toBe(i);
        expect(r?.lastError).toBe('crashed');
        delays.push((r?.retryAt ?? 0) - clock.now());
        expect(views.shown?.id).toBeNull();
        const reloads = views.of('reload').length;
        clock.advance((r?.retryAt ?? 0) - clock.now() - 1);
        expect(views.of('reload')).toHaveLength(reloads);
        clock.advance(1);
        expect(views.of('reload').at(-1)).toEqual({ op: 'reload', id: 'a', hard: false });
        expect(runtime('a')?.status).toBe('loading');
        expect(runtime('a')?.retryAt).toBeUndefined();
      }
      expect(delays).toEqual([1000, 2000, 4000, 8000]);
      controller.viewEvent('a', { type: 'crashed', reason: 'oom' });
      expect(runtime('a')).toMatchObject({ status: 'failed', failures: MAX_CRASHES, lastError: 'oom' });
      expect(views.of('close').at(-1)).toEqual({ op: 'close', id: 'a' });
      const reloads = views.of('reload').length;
      clock.advance(120_000);
      expect(views.of('reload')).toHaveLength(reloads);
      expect(log.count('error', 'service keeps failing, stopped reloading it')).toBe(1);
    });

    it('forgets past crashes once the page has stayed up a minute', () => {
      controller.viewEvent('a', { type: 'crashed', reason: 'crashed' });
      clock.advance(1000);
      controller.viewEvent('a', { type: 'loaded', url: 'https://web.whatsapp.com/' });
      expect(runtime('a')?.failures).toBe(1);
      clock.advance(STABLE_MS);
      expect(runtime('a')?.failures).toBe(0);
      expect(runtime('a')?.lastError).toBeUndefined();
    });

    it('gives a hung page time to recover before killing and reloading it', () => {
      controller.viewEvent('a', { type: 'loaded', url: 'https://web.whatsapp.com/' });
      controller.viewEvent('a', { type: 'unresponsive' });
      expect(runtime('a')?.status).toBe('unresponsive');
      clock.advance(HANG_GRACE_MS - 1);
      controller.viewEvent('a', { type: 'responsive' });
      expect(runtime('a')?.status).toBe('ready');
      clock.advance(HANG_GRACE_MS * 3);
      expect(views.of('reload')).toEqual([]);

      controller.viewEvent('a', { type: 'unresponsive' });
      clock.advance(HANG_GRACE_MS);
      expect(runtime('a')).toMatchObject({ status: 'unresponsive', failures: 1 });
      clock.advance(1000);
      expect(views.of('reload')).toEqual([{ op: 'reload', id: 'a', hard: true }]);
    });

    it('retries a page that could not load, without ever giving up, and ignores aborted loads', () => {
      controller.viewEvent('a', { type: 'load-failed', code: -3, description: 'ERR_ABORTED', url: 'https://web.whatsapp.com/' });
      expect(runtime('a')?.status).toBe('idle');
      for (let i = 0; i < MAX_CRASHES + 3; i += 1) {
        controller.viewEvent('a', { type: 'load-failed', code: -106, description: 'ERR_INTERNET_DISCONNECTED', url: 'https://web.whatsapp.com/' });
        expect(runtime('a')?.status).toBe('offline');
        clock.advance(60_000);
      }
      expect(runtime('a')?.lastError).toBe('ERR_INTERNET_DISCONNECTED');
      expect(views.of('reload')).toHaveLength(MAX_CRASHES + 3);
    });

    it('lets the user reload at once, resetting failures and any scheduled retry', async () => {
      controller.viewEvent('a', { type: 'crashed', reason: 'crashed' });
      await controller.command({ type: 'service.reload', id: 'a' });
      expect(runtime('a')).toMatchObject({ status: 'loading', failures: 0 });
      expect(runtime('a')?.retryAt).toBeUndefined();
      clock.advance(10_000);
      expect(views.of('reload')).toEqual([{ op: 'reload', id: 'a', hard: false }]);
    });

    it('ignores events of a service that was turned off or removed', async () => {
      await controller.command({ type: 'service.set', id: 'a', enabled: false });
      controller.viewEvent('a', { type: 'crashed', reason: 'killed' });
      expect(runtime('a')?.status).toBe('off');
      await controller.command({ type: 'service.remove', id: 'm' });
      controller.viewEvent('m', { type: 'title', title: '(3) Messenger' });
      expect(runtime('m')).toBeUndefined();
      expect(clock.pending).toBe(0);
    });

    it('hides the page while a dialog covers it and shows it again after', () => {
      controller.setViewport(null);
      expect(views.shown).toEqual({ op: 'present', id: 'a', rect: null });
      controller.setViewport(RECT);
      expect(views.shown).toEqual({ op: 'present', id: 'a', rect: RECT });
      const count = views.of('present').length;
      controller.viewEvent('a', { type: 'title', title: '(1) WhatsApp' });
      expect(views.of('present')).toHaveLength(count);
    });
  });

  describe('connector updates', () => {
    const base: ServiceUpdate = { seq: 0, reset: true, loggedIn: true, unread: { direct: 2, indirect: 1 }, upsert: [], remove: [] };
    const chat = (id: string, unread = 0) => ({ id, title: id, unread });

    beforeEach(() => {
      setup(stateWith([svc('a')]));
      controller.start();
      controller.viewEvent('a', { type: 'loaded', url: 'https://web.whatsapp.com/' });
    });

    it('applies a full update then deltas, and its unread count wins over the title', () => {
      controller.viewEvent('a', { type: 'title', title: '(9) WhatsApp' });
      expect(controller.serviceUpdate('a', { ...base, upsert: [chat('x', 1), chat('y')] })).toBe(true);
      expect(runtime('a')).toMatchObject({ unread: 2, connected: true, titleUnread: 9 });
      controller.viewEvent('a', { type: 'title', title: '(10) WhatsApp' });
      expect(runtime('a')?.unread).toBe(2);
      expect(controller.serviceUpdate('a', { ...base, seq: 1, reset: false, upsert: [chat('z', 3)], remove: ['x'], activeChatId: 'z' })).toBe(true);
      expect(controller.snapshot('a')).toEqual({
        loggedIn: true,
        unread: { direct: 2, indirect: 1 },
        chats: [chat('y'), chat('z', 3)],
        activeChatId: 'z',
      });
    });

    it('tells who listens each update it applied, with the platform, and none it refused', () => {
      const heard: [string, string, number][] = [];
      controller = new ServiceController({ store, views, clock, log, newId: () => 'n', onReported: (id, platform, update) => heard.push([id, platform, update.seq]) });
      controller.start();
      controller.viewEvent('a', { type: 'loaded', url: 'https://web.whatsapp.com/' });
      controller.serviceUpdate('a', base);
      controller.serviceUpdate('a', { ...base, seq: 5, reset: false });
      controller.serviceUpdate('a', { ...base, seq: 1, reset: false });
      expect(heard).toEqual([['a', 'whatsapp', 0], ['a', 'whatsapp', 1]]);
    });

    it('says when the loaded page switches to a chat, with its number, and not for the chat it loaded with', () => {
      const opened: [string, string, string | undefined][] = [];
      store.setState({ settings: { ...store.getState().settings, defaultRegion: 'SA' } });
      controller = new ServiceController({ store, views, clock, log, newId: () => 'n', onChatOpened: (ref, phone) => opened.push([ref.serviceId, ref.chatId, phone]) });
      controller.start();
      controller.viewEvent('a', { type: 'loaded', url: 'https://web.whatsapp.com/' });
      const sara = { id: 's', title: '050 123 4567', unread: 0 };
      controller.serviceUpdate('a', { ...base, upsert: [chat('x'), sara], activeChatId: 'x' });
      expect(opened).toEqual([]);
      controller.serviceUpdate('a', { ...base, seq: 1, reset: false, activeChatId: 's' });
      controller.serviceUpdate('a', { ...base, seq: 2, reset: false, activeChatId: 's' });
      expect(opened).toEqual([['a', 's', '+966501234567']]);
      controller.serviceUpdate('a', { ...base, seq: 3, reset: false, activeChatId: null });
      controller.serviceUpdate('a', { ...base, seq: 4, reset: false, activeChatId: 'x' });
      expect(opened).toEqual([['a', 's', '+966501234567'], ['a', 'x', undefined]]);
      // A refused update (out of sequence) says nothing.
      controller.serviceUpdate('a', { ...base, seq: 9, reset: false, activeChatId: 's' });
      expect(opened).toHaveLength(2);
      // The page reloaded: the chat it comes back with is not one the user opened.
      void controller.command({ type: 'service.reload', id: 'a' });
      controller.viewEvent('a', { type: 'loaded', url: 'https://web.whatsapp.com/' });
      controller.serviceUpdate('a', { ...base, activeChatId: 's' });
      expect(opened).toHaveLength(2);
    });

    it('asks for a full update when a delta arrives out of sequence or before any full one', () => {
      expect(controller.serviceUpdate('a', { ...base, seq: 4, reset: false })).toBe(false);
      controller.serviceUpdate('a', base);
      expect(controller.serviceUpdate('a', { ...base, seq: 2, reset: false })).toBe(false);
      expect(controller.serviceUpdate('a', { ...base, seq: 1, reset: false })).toBe(true);
      expect(log.count('warn', 'service update out of sequence, asking for a full one')).toBe(2);
    });

    it('keeps the chats a partial list no longer shows, through a full update too, and replaces them for a complete one', () => {
      controller.serviceUpdate('a', { ...base, partial: true, upsert: [chat('x', 1), chat('y')] });
      // The page reloaded and shows another part of its list: x and y scrolled away, they were not deleted.
      controller.serviceUpdate('a', { ...base, seq: 0, partial: true, upsert: [chat('z', 2)] });
      expect(controller.snapshot('a')?.chats.map((c) => c.id)).toEqual(['x', 'y', 'z']);
      expect(deltas.at(-1)?.[1]).toMatchObject({ reset: false, upsert: [chat('z', 2)], remove: [] });
      // Removal is evidence, even in a partial list.
      controller.serviceUpdate('a', { ...base, seq: 1, reset: false, partial: true, remove: ['y'] });
      expect(controller.snapshot('a')?.chats.map((c) => c.id)).toEqual(['x', 'z']);
      // A complete list (WhatsApp's database) is the truth: a full one replaces everything.
      controller.serviceUpdate('a', { ...base, seq: 0, upsert: [chat('w')] });
      expect(controller.snapshot('a')?.chats.map((c) => c.id)).toEqual(['w']);
      expect(deltas.at(-1)?.[1]).toMatchObject({ reset: true, upsert: [chat('w')] });
    });

    it('keeps a service’s chats in the inbox while its page reloads', async () => {
      controller.serviceUpdate('a', { ...base, upsert: [chat('x', 1)] });
      deltas.length = 0;
      await controller.command({ type: 'service.reload', id: 'a' });
      expect(controller.snapshot('a')?.chats).toEqual([chat('x', 1)]);
      expect(deltas).toEqual([]);
    });

    it('records how well the connector reads the page', () => {
      const health = { rows: 0, chats: 0, badges: 0, titleUnread: 3, missing: ['rows', 'badge'], lastGoodRead: 5 };
      controller.serviceUpdate('a', { ...base, health });
      expect(runtime('a')?.health).toEqual(health);
      // An update without a health report keeps the last one.
      controller.serviceUpdate('a', { ...base, seq: 1, reset: false });
      expect(runtime('a')?.health).toEqual(health);
    });

    it('passes on that the connector is degraded, and that it recovered', () => {
      controller.serviceUpdate('a', { ...base, degraded: true });
      expect(runtime('a')?.degraded).toBe(true);
      controller.serviceUpdate('a', { ...base, seq: 1, reset: false, degraded: false });
      expect(runtime('a')?.degraded).toBe(false);
    });

    it('passes each update on to the shell, with phone numbers in names in E.164', () => {
      controller.serviceUpdate('a', { ...base, upsert: [chat('x', 1), { id: 'n', title: '+966 50 123 4567', unread: 0 }], activeChatId: 'x' });
      expect(deltas).toEqual([
        ['a', { reset: true, loggedIn: true, unread: { direct: 2, indirect: 1 }, upsert: [chat('x', 1), { id: 'n', title: '+966 50 123 4567', unread: 0, phone: '+966501234567' }], remove: [], activeChatId: 'x' }],
      ]);
      expect(controller.snapshot('a')?.chats[1]?.phone).toBeUndefined();
      expect(controller.chatsForShell()['a']?.chats[1]?.phone).toBe('+966501234567');
    });

    it('sends every chat again when the region for local numbers changes', async () => {
      controller.serviceUpdate('a', { ...base, upsert: [{ id: 'n', title: '050 123 4567', unread: 0 }] });
      deltas.length = 0;
      await controller.command({ type: 'settings.set', defaultRegion: 'SA' });
      expect(deltas).toEqual([['a', { reset: true, loggedIn: true, unread: base.unread, upsert: [{ id: 'n', title: '050 123 4567', unread: 0, phone: '+966501234567' }], remove: [] }]]);
    });

    it('tells the shell a turned-off service has no chats any more', async () => {
      controller.serviceUpdate('a', { ...base, upsert: [chat('x', 1)] });
      deltas.length = 0;
      await controller.command({ type: 'service.set', id: 'a', enabled: false });
      expect(deltas).toEqual([['a', { reset: true, loggedIn: false, unread: { direct: 0, indirect: 0 }, upsert: [], remove: [] }]]);
      expect(controller.chatsForShell()).toEqual({});
    });

    it('shows a logged-out connector as logged out', () => {
      controller.serviceUpdate('a', { ...base, loggedIn: false });
      expect(runtime('a')?.status).toBe('logged-out');
      controller.serviceUpdate('a', { ...base, seq: 1, reset: false, loggedIn: true });
      expect(runtime('a')?.status).toBe('ready');
    });
  });
  describe('quick replies typed into a page', () => {
    const typed = () => views.of('send').filter((c) => c.channel === CHANNELS.serviceInsertText);
    /** The page loaded and its connector reported: it takes requests at once. */
    const reported = (...ids: string[]) => {
      for (const id of ids) controller.serviceUpdate(id, { seq: 0, reset: true, loggedIn: true, unread: { direct: 0, indirect: 0 }, upsert: [], remove: [] });
    };

    it('brings the service forward, sends the text, and answers what the page said', async () => {
      setup(stateWith([svc('a'), svc('b')], 'a'));
      reported('a', 'b');
      const pending = controller.command({ type: 'service.insertText', id: 'b', text: 'Hello Ahmed' });
      expect(store.getState()).toMatchObject({ activeServiceId: 'b', view: 'service' });
      expect(typed()).toEqual([{ op: 'send', id: 'b', channel: CHANNELS.serviceInsertText, payload: { requestId: 'id1', text: 'Hello Ahmed' } }]);
      controller.insertResult('b', 'id1', true);
      expect(await pending).toEqual({ ok: true });
    });

    it('with a chat named, opens that chat first and types only once the page reports it open', async () => {
      setup(stateWith([svc('a'), svc('b')], 'a'));
      reported('a', 'b');
      controller.serviceUpdate('b', { seq: 1, reset: false, loggedIn: true, unread: { direct: 0, indirect: 0 }, upsert: [], remove: [], activeChatId: 'other' });
      const pending = controller.command({ type: 'service.insertText', id: 'b', text: 'Welcome!', chatId: 'new-customer' });
      expect(store.getState()).toMatchObject({ activeServiceId: 'b', view: 'service' });
      expect(views.of('send').filter((c) => c.channel === CHANNELS.serviceOpenChat)).toEqual([{ op: 'send', id: 'b', channel: CHANNELS.serviceOpenChat, payload: 'new-customer' }]);
      // The chat that was open before never gets the text.
      expect(typed()).toEqual([]);
      controller.serviceUpdate('b', { seq: 2, reset: false, loggedIn: true, unread: { direct: 0, indirect: 0 }, upsert: [], remove: [], activeChatId: 'new-customer' });
      expect(typed()).toEqual([{ op: 'send', id: 'b', channel: CHANNELS.serviceInsertText, payload: { requestId: 'id1', text: 'Welcome!' } }]);
      controller.insertResult('b', 'id1', true);
      expect(await pending).toEqual({ ok: true });
    });

    it('says when the page found no message box', async () => {
      setup(stateWith([svc('a')]));
      reported('a');
      const pending = controller.command({ type: 'service.insertText', id: 'a', text: 'x' });
      controller.insertResult('a', 'id1', false);
      expect(await pending).toEqual({ ok: false, error: 'no-composer' });
    });

    it('ignores an answer from another page, and gives up when the page never answers', async () => {
      setup(stateWith([svc('a'), svc('b')]));
      reported('a', 'b');
      const pending = controller.command({ type: 'service.insertText', id: 'a', text: 'x' });
      controller.insertResult('b', 'id1', true);
      controller.insertResult('a', 'other', true);
      clock.advance(INSERT_TIMEOUT_MS);
      expect(await pending).toEqual({ ok: false, error: 'failed', detail: 'no answer' });
      // A late answer changes nothing.
      controller.insertResult('a', 'id1', true);
    });

    it('refuses a service that is off or unknown, and fails a request whose page goes away', async () => {
      setup(stateWith([svc('a'), svc('off', 'whatsapp', { enabled: false })]));
      expect(await controller.command({ type: 'service.insertText', id: 'off', text: 'x' })).toEqual({ ok: false, error: 'not-found' });
      expect(await controller.command({ type: 'service.insertText', id: 'ghost', text: 'x' })).toEqual({ ok: false, error: 'not-found' });
      const pending = controller.command({ type: 'service.insertText', id: 'a', text: 'x' });
      await controller.command({ type: 'service.reload', id: 'a' });
      expect(await pending).toMatchObject({ ok: false, error: 'failed' });
    });
  });

  describe('who wrote last', () => {
    const followed: string[] = [];
    const activity: ActivityPort = {
      observe: (id, platform, chat) => {
        followed.push(`${id}/${platform}/${chat.id}/${chat.unread}`);
        const seen: ChatActivity = { first: 1 };
        if (chat.unread > 0) seen.lastIn = 5;
        return seen;
      },
      notice: (_id, _platform, chatId) => (chatId === 'known' ? { first: 1, lastIn: 9, waitingSince: 9 } : undefined),
      activity: (_id, chatId) => (chatId === 'c1' ? { first: 1, lastIn: 2 } : undefined),
      forget: (id) => followed.push(`forget ${id}`),
    };
    const withActivity = (state: AppState) => {
      store = createAppStore(state);
      deltas = [];
      followed.length = 0;
      controller = new ServiceController({ store, views, clock, log, newId: () => `id${++ids}`, onChats: (id, delta) => deltas.push([id, delta]), activity });
    };
    const update = (chats: ServiceUpdate['upsert']): ServiceUpdate => ({ seq: 0, reset: true, loggedIn: true, unread: { direct: 0, indirect: 0 }, upsert: chats, remove: [] });

    it('gives every chat the shell sees its activity: in deltas and at hydration', () => {
      withActivity(stateWith([svc('a', 'instagram')]));
      controller.serviceUpdate('a', update([{ id: 'c1', title: 'Ahmed', unread: 2 }, { id: 'c2', title: 'Sara', unread: 0 }]));
      expect(followed).toEqual(['a/instagram/c1/2', 'a/instagram/c2/0']);
      expect(deltas[0]?.[1].upsert.map((c) => c.activity)).toEqual([{ first: 1, lastIn: 5 }, { first: 1 }]);
      expect(controller.chatsForShell()['a']?.chats.map((c) => c.activity)).toEqual([{ first: 1, lastIn: 2 }, undefined]);
    });

    it('sends the shell a chat again when a notification changed its activity', () => {
      withActivity(stateWith([svc('a')]));
      controller.serviceUpdate('a', update([{ id: 'known', title: '+966 50 123 4567', unread: 0 }]));
      deltas = [];
      controller.chatNotified('a', 'known');
      expect(deltas).toEqual([
        ['a', { reset: false, loggedIn: true, unread: { direct: 0, indirect: 0 }, upsert: [{ id: 'known', title: '+966 50 123 4567', unread: 0, phone: '+966501234567', activity: { first: 1, lastIn: 9, waitingSince: 9 } }], remove: [] }],
      ]);
      controller.chatNotified('a', 'unchanged');
      controller.chatNotified('ghost', 'known');
      expect(deltas).toHaveLength(1);
    });

    it('forgets a removed service’s activity', async () => {
      withActivity(stateWith([svc('a'), svc('b')]));
      await controller.command({ type: 'service.remove', id: 'a' });
      expect(followed).toEqual(['forget a']);
    });
  });

  describe('a restored backup', () => {
    it('adds the accounts this profile lacks, as they were, and opens the enabled ones', () => {
      setup(stateWith([svc('a')], 'a'));
      controller.adopt([svc('a', 'telegram'), svc('b', 'instagram', { name: 'Insta' }), svc('c', 'telegram', { enabled: false })]);
      expect(store.getState().services.map((s) => [s.id, s.platform, s.name])).toEqual([
        ['a', 'whatsapp', 'a'],
        ['b', 'instagram', 'Insta'],
        ['c', 'telegram', 'c'],
      ]);
      expect(store.getState().runtime['b']).toEqual(initialRuntime(true));
      expect(store.getState().runtime['c']).toEqual(initialRuntime(false));
      expect(views.of('open').map((c) => c.id)).toEqual(['b']);
      expect(store.getState().activeServiceId).toBe('a');
    });
  });

  describe('shop settings', () => {
    it('changes only the parts of the shop’s settings a command names', async () => {
      setup(stateWith([]));
      const hours = Array.from({ length: 7 }, (_, d) => ({ open: d !== 5, from: '10:00', to: '22:00' }));
      await controller.command({ type: 'settings.set', shop: { name: '  متجر هبة ', hours } });
      await controller.command({ type: 'settings.set', shop: { holdOutsideHours: true } });
      expect(store.getState().settings.shop).toEqual({ ...DEFAULT_SETTINGS.shop, name: 'متجر هبة', hours, holdOutsideHours: true });
      expect(store.getState().settings.notifications).toBe(DEFAULT_SETTINGS.notifications);
    });
  });
});
