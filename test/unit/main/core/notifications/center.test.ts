import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../../common/settings';
import type { PageNotification, WorkerNotification } from '../../../../../common/ipc';
import type { ChatSummary, ServiceConfig, ServiceSnapshot } from '../../../../../common/model';
import type { ShopSettings } from '../../../../../common/shop/model';
import { initialRuntime, type NotificationSettings } from '../../../../../common/state';
import { createAppStore, type AppStore } from '../../../../../main/core/app/app-store';
import { notificationLinks } from '../../../../../main/core/notifications/links';
import {
  COALESCE_MS,
  fromWorker,
  KEEP,
  NotificationCenter,
  PER_SERVICE_BURST,
  REMIND_LATER_MS,
  SAME_MESSAGE_MS,
  type NotificationResponse,
  type OsNotification,
} from '../../../../../main/core/notifications/center';
import { NOTIFICATION_OFFERS, type NotificationOffers } from '../../../../../main/core/notifications/offers';
import { coalescedText, heldText, notificationTitle, type MainLocale } from '../../../../../main/i18n';
import { ManualClock } from '../../../../fakes/clock';
import { MemoryLogger } from '../../../../fakes/logger';
import { stateOf } from '../../../../fakes/state';

const HOUR = 3_600_000;
const ENGLISH: MainLocale = { language: 'en', digits: 'auto', calendar: 'gregory' };

const svc = (id: string, extra: Partial<ServiceConfig> = {}): ServiceConfig => ({
  id, platform: 'whatsapp', name: `Shop ${id}`, enabled: true, muted: false, callsAllowed: false, ...extra,
});
type Shown = OsNotification & { click: () => void; respond: ((response: NotificationResponse) => void) | undefined };

const notice = (n: number, chatId?: string): PageNotification => ({
  id: `p${n}`, title: `Customer ${n}`, body: `Message ${n}`, derived: false, ...(chatId ? { chatId } : {}),
});

describe('NotificationCenter', () => {
  let clock: ManualClock;
  let store: AppStore;
  let shown: Shown[];
  let offers: NotificationOffers | undefined;
  /** What the answers and buttons did, in order. */
  let responses: string[];
  /** Services whose page does not say which chat is open: no answer field for their chats. */
  let unsure: Set<string>;
  let revealed: string[];
  let clicks: { serviceId: string; id: string; chatId?: string }[];
  let opened: [string, string][];
  let incoming: [string, string][];
  let priority: Set<string>;
  let inboxShown: number;
  let remindersOpened: string[];
  let center: NotificationCenter;
  let titleOf: (service: ServiceConfig, title?: string) => string;
  const prefs = (change: Partial<NotificationSettings>) => {
    const settings = store.getState().settings;
    store.setState({ settings: { ...settings, notifications: { ...settings.notifications, ...change } } });
  };

  beforeEach(() => {
    clock = new ManualClock(new Date(2026, 10, 21, 12, 0).getTime());
    store = createAppStore(
      stateOf({
        services: [svc('a'), svc('b'), svc('m', { muted: true }), svc('off', { enabled: false })],
        activeServiceId: 'a',
        runtime: { a: initialRuntime(true), b: initialRuntime(true), m: initialRuntime(true), off: initialRuntime(false) },
        settings: { ...DEFAULT_SETTINGS },
      }),
    );
    shown = [];
    offers = undefined;
    responses = [];
    unsure = new Set();
    revealed = [];
    clicks = [];
    opened = [];
    incoming = [];
    priority = new Set();
    inboxShown = 0;
    remindersOpened = [];
    titleOf = (service, title) => title ?? service.name;
    let ids = 0;
    center = new NotificationCenter({
      store,
      notifier: {
        get offers() {
          return offers;
        },
        show: (n, click, respond) => shown.push({ ...n, click, respond }),
      },
      clock,
      log: new MemoryLogger(),
      newId: () => `r${++ids}`,
      reveal: (id) => revealed.push(id),
      click: (serviceId, n) => clicks.push({ serviceId, ...n }),
      openChat: (serviceId, chatId) => opened.push([serviceId, chatId]),
      // The title as the page gave it (the service's name without one): each test reads the page's own words.
      serviceTitle: (service, title) => titleOf(service, title),
      coalescedText: (count) => coalescedText(ENGLISH, count),
      privateText: () => 'New message',
      heldText: (count) => heldText(ENGLISH, count),
      reminderText: () => 'Reminder',
      showInbox: () => {
        inboxShown += 1;
      },
      onIncoming: (serviceId, chatId) => incoming.push([serviceId, chatId]),
      isPriority: (serviceId, chatId) => priority.has(`${serviceId}/${chatId}`),
      reminderOpened: (chat) => remindersOpened.push(`${chat.serviceId}/${chat.chatId}`),
      responseText: () => ({ done: 'Done', remindLater: 'Remind me in 1 hour', replyPlaceholder: 'Type a reply' }),
      typeReply: (chat, text) => responses.push(`type ${chat.serviceId} ${chat.chatId} ${text}`),
      canTypeReply: (chat) => !unsure.has(chat.serviceId),
      // A stand-in for links.ts's suggester: a message asking about delivery gets the delivery answer.
      suggestion: (chat, message) => (message?.includes('delivery') === true ? { title: 'Type: Delivery', text: `Delivery to ${chat.chatId} takes 2 days` } : undefined),
      markDone: (chat) => responses.push(`done ${chat.serviceId} ${chat.chatId}`),
      remindLater: (reminder) => responses.push(`remind ${JSON.stringify(reminder)}`),
    });
  });

  const tray = () => store.getState().notifications;
  const plain = (n: Shown): OsNotification => {
    const { click: _click, respond: _respond, ...rest } = n;
    return rest;
  };

  it('keeps a page notification in the tray, shows it, and a click opens its chat and marks it read', () => {
    center.receive('a', { ...notice(1, '9665@c.us'), iconUrl: 'https://example.com/a.png' });
    expect(shown.map(plain)).toEqual([{ title: 'Customer 1', body: 'Message 1', silent: false, iconUrl: 'https://example.com/a.png', serviceId: 'a' }]);
    expect(tray()).toEqual([
      { id: 'r1', serviceId: 'a', chatId: '9665@c.us', title: 'Customer 1', body: 'Message 1', iconUrl: 'https://example.com/a.png', at: clock.now(), read: false },
    ]);
    shown[0]?.click();
    expect(revealed).toEqual(['a']);
    expect(clicks).toEqual([{ serviceId: 'a', id: 'p1', chatId: '9665@c.us' }]);
    expect(tray()[0]?.read).toBe(true);
  });

  it('notifies the news a scheduled check of a sleeping service found: one derived notification per chat', () => {
    const chats: ChatSummary[] = [
      { id: '9665@c.us', title: 'Layla', preview: 'Is it in stock?', unread: 2, avatarUrl: 'https://pps.example/layla.jpg' },
      { id: '777', title: 'Omar', unread: 1, avatarUrl: 'http://plain.example/omar.jpg' },
    ];
    center.receiveNews('a', chats);
    expect(shown.map(plain)).toEqual([
      { title: 'Layla', body: 'Is it in stock?', silent: false, iconUrl: 'https://pps.example/layla.jpg', serviceId: 'a' },
      { title: 'Omar', silent: false, serviceId: 'a' },
    ]);
    expect(tray().map((r) => [r.chatId, r.iconUrl])).toEqual([
      ['9665@c.us', 'https://pps.example/layla.jpg'],
      ['777', undefined],
    ]);
    // The page's own notification for the same chat a moment later is the same message.
    center.receive('a', { id: 'p9', title: 'Layla', body: 'Is it in stock?', chatId: '9665@c.us', derived: false });
    expect(shown).toHaveLength(2);
    shown[1]?.click();
    expect(clicks).toEqual([{ serviceId: 'a', id: 'check-777', chatId: '777' }]);
  });

  it('keeps but does not show notifications of a muted service, and ignores a turned-off or unknown one', () => {
    center.receive('m', notice(1));
    center.receive('off', notice(2));
    center.receive('nope', notice(3));
    expect(shown).toEqual([]);
    expect(tray().map((r) => r.serviceId)).toEqual(['m']);
  });

  it('keeps quiet while do-not-disturb holds, and not a minute longer', () => {
    prefs({ dndUntil: clock.now() + 60 * 60_000 });
    center.receive('a', notice(1));
    expect(shown).toEqual([]);
    clock.advance(60 * 60_000);
    center.receive('a', notice(2));
    expect(shown.map((n) => n.title)).toEqual(['Customer 2']);
    expect(tray()).toHaveLength(2);
  });

  it('keeps quiet during quiet hours that wrap past midnight', () => {
    prefs({ quietHours: { enabled: true, from: '22:00', to: '08:00' } });
    clock.advance(10 * 60 * 60_000 + 30 * 60_000);
    center.receive('a', notice(1));
    clock.advance(9 * 60 * 60_000);
    center.receive('a', notice(2));
    clock.advance(60 * 60_000);
    center.receive('a', notice(3));
    expect(shown.map((n) => n.title)).toEqual(['Customer 3']);
  });

  it('names the service in every pop-up a service causes, so no page can pose as another service or as Wasl', () => {
    titleOf = (service, title) => notificationTitle('en', service, title);
    center.receive('a', { ...notice(1), title: 'Wasl' });
    for (let i = 0; i < PER_SERVICE_BURST + 2; i += 1) center.receive('b', notice(i));
    clock.advance(COALESCE_MS);
    prefs({ privateMode: true });
    center.receive('a', notice(9));
    center.remind({ at: clock.now(), setAt: 0, chat: { serviceId: 'b', chatId: 'c1' }, title: 'Layla' });
    const service = (name: string) => `\u2068WhatsApp (\u2068${name}\u2069)\u2069`;
    expect(shown.map((n) => n.title)).toEqual([
      `\u2068Wasl\u2069 — ${service('Shop a')}`,
      `\u2068Customer 0\u2069 — ${service('Shop b')}`,
      `\u2068Customer 1\u2069 — ${service('Shop b')}`,
      `\u2068Customer 2\u2069 — ${service('Shop b')}`,
      'WhatsApp (\u2068Shop b\u2069)',
      'WhatsApp (\u2068Shop a\u2069)',
      `\u2068Layla\u2069 — ${service('Shop b')}`,
    ]);
  });

  it('in private mode shows who wrote, never what, and no picture; without sound, silently', () => {
    prefs({ privateMode: true, sound: false });
    center.receive('a', { ...notice(1), iconUrl: 'https://example.com/a.png' });
    expect(shown.map(plain)).toEqual([{ title: 'Shop a', body: 'New message', silent: true, serviceId: 'a' }]);
    // Nor does the tray keep the text: it is written to disk.
    expect(tray()[0]).toMatchObject({ title: 'Customer 1' });
    expect(tray()[0]?.body).toBeUndefined();
  });

  it('coalesces a flood from one service into one notification, without holding back another service', () => {
    for (let i = 0; i < 50; i += 1) center.receive('a', notice(i));
    center.receive('b', notice(100));
    expect(shown.map((n) => n.title)).toEqual(['Customer 0', 'Customer 1', 'Customer 2', 'Customer 100']);
    expect(PER_SERVICE_BURST).toBe(3);
    clock.advance(COALESCE_MS);
    expect(plain(shown.at(-1) ?? { title: '', silent: false, serviceId: '', click: () => undefined, respond: undefined })).toEqual({
      title: 'Shop a', body: '47 more new messages', silent: true, serviceId: 'a',
    });
    shown.at(-1)?.click();
    expect(revealed).toEqual(['a']);
    center.receive('a', notice(200));
    expect(shown.at(-1)?.title).toBe('Customer 200');
    expect(tray()).toHaveLength(52);
  });

  it('keeps the last notifications only', () => {
    for (let i = 0; i < KEEP + 20; i += 1) center.receive('m', notice(i));
    expect(tray()).toHaveLength(KEEP);
    expect(tray()[0]?.title).toBe('Customer 20');
  });

  it('never lets one service’s flood push another’s records out of the tray below its share', () => {
    for (let i = 0; i < 100; i += 1) center.receive('a', notice(i));
    for (let i = 0; i < KEEP * 3; i += 1) center.receive('m', notice(1_000 + i));
    expect(tray()).toHaveLength(KEEP);
    expect(tray().filter((n) => n.serviceId === 'a')).toHaveLength(100);
    // The flooding service keeps its newest.
    expect(tray().at(-1)?.title).toBe(`Customer ${1_000 + KEEP * 3 - 1}`);
    // With more than its share, a service gives way down to its share, not below.
    for (let i = 0; i < KEEP; i += 1) center.receive('b', notice(5_000 + i));
    const count = (id: string) => tray().filter((n) => n.serviceId === id).length;
    expect([count('a'), count('m'), count('b')]).toEqual([100, 200, 200]);
  });

  it('marks read, clears, and opens a tray notification’s chat', () => {
    center.receive('a', notice(1, 'c1'));
    center.receive('b', notice(2));
    center.receive('a', notice(3, 'c3'));
    expect(center.command({ type: 'notifications.read', ids: ['r2'] })).toEqual({ ok: true });
    expect(tray().map((n) => n.read)).toEqual([false, true, false]);
    expect(center.command({ type: 'notifications.open', id: 'r3' })).toEqual({ ok: true });
    expect(opened).toEqual([['a', 'c3']]);
    expect(revealed).toEqual(['a']);
    expect(tray().map((n) => n.read)).toEqual([false, true, true]);
    expect(center.command({ type: 'notifications.open', id: 'r2' })).toEqual({ ok: true });
    expect(opened).toHaveLength(1);
    expect(revealed).toEqual(['a', 'b']);
    const before = tray();
    center.command({ type: 'notifications.read', ids: ['r2'] });
    expect(tray()).toBe(before);
    center.command({ type: 'notifications.read' });
    expect(tray().every((n) => n.read)).toBe(true);
    expect(center.command({ type: 'notifications.open', id: 'gone' })).toEqual({ ok: false, error: 'not-found' });
    center.command({ type: 'notifications.clear' });
    expect(tray()).toEqual([]);
  });
  describe('answers and buttons', () => {
    const lock = (locked: boolean) => store.setState({ lock: { set: true, locked, retryAt: null } });
    const buttons = [
      { action: 'done', title: 'Done' },
      { action: 'remind-later', title: 'Remind me in 1 hour' },
    ];

    it('offers an answer field and Done / Remind me in 1 hour where the system has them (macOS, Windows)', () => {
      offers = NOTIFICATION_OFFERS.darwin;
      center.receive('a', notice(1, 'c1'));
      expect(shown.map(plain)).toEqual([
        { title: 'Customer 1', body: 'Message 1', silent: false, serviceId: 'a', replyPlaceholder: 'Type a reply', actions: buttons },
      ]);
      offers = NOTIFICATION_OFFERS.win32;
      center.receive('b', notice(2, 'c2'));
      expect(shown[1]?.replyPlaceholder).toBe('Type a reply');
      expect(shown[1]?.actions).toEqual(buttons);
    });

    it('offers no answer field for a page that does not say which chat is open, but still the buttons', () => {
      offers = NOTIFICATION_OFFERS.darwin;
      unsure.add('a');
      center.receive('a', notice(1, 'c1'));
      expect(shown.map(plain)).toEqual([{ title: 'Customer 1', body: 'Message 1', silent: false, serviceId: 'a', actions: buttons }]);
    });

    it('offers neither on Linux, where a click opens the chat instead', () => {
      offers = NOTIFICATION_OFFERS.linux;
      center.receive('a', notice(1, 'c1'));
      expect(shown.map(plain)).toEqual([{ title: 'Customer 1', body: 'Message 1', silent: false, serviceId: 'a' }]);
      shown[0]?.click();
      expect(revealed).toEqual(['a']);
      expect(clicks).toEqual([{ serviceId: 'a', id: 'p1', chatId: 'c1' }]);
    });

    it('offers neither for a notification that names no chat: there is nothing to type into or mark', () => {
      offers = NOTIFICATION_OFFERS.darwin;
      center.receive('a', notice(1));
      expect(shown.map(plain)).toEqual([{ title: 'Customer 1', body: 'Message 1', silent: false, serviceId: 'a' }]);
      expect(shown[0]?.respond).toBeUndefined();
    });

    it('types an answer into that chat with Wasl forward, and marks the notification read', () => {
      offers = NOTIFICATION_OFFERS.darwin;
      center.receive('b', notice(1, '9665@c.us'));
      shown[0]?.respond?.({ type: 'reply', text: 'Yes, we have it in red' });
      expect(revealed).toEqual(['b']);
      expect(responses).toEqual(['type b 9665@c.us Yes, we have it in red']);
      expect(tray()[0]?.read).toBe(true);
      // Typed, not sent: the page's own notification click never ran, nothing else was asked of the page.
      expect(clicks).toEqual([]);
    });

    it('types nothing for an empty answer', () => {
      offers = NOTIFICATION_OFFERS.darwin;
      center.receive('a', notice(1, 'c1'));
      shown[0]?.respond?.({ type: 'reply', text: '  \n ' });
      expect(responses).toEqual([]);
      expect(revealed).toEqual([]);
    });

    it('Done marks the chat’s customer done; Remind me in 1 hour sets a reminder an hour from now; neither brings Wasl forward', () => {
      offers = NOTIFICATION_OFFERS.win32;
      center.receive('a', notice(1, 'c1'));
      shown[0]?.respond?.({ type: 'action', action: 'done' });
      shown[0]?.respond?.({ type: 'action', action: 'remind-later' });
      expect(responses).toEqual([
        'done a c1',
        `remind ${JSON.stringify({ at: clock.now() + REMIND_LATER_MS, setAt: clock.now(), chat: { serviceId: 'a', chatId: 'c1' }, title: 'Customer 1' })}`,
      ]);
      expect(REMIND_LATER_MS).toBe(HOUR);
      expect(revealed).toEqual([]);
      expect(opened).toEqual([]);
      expect(tray()[0]?.read).toBe(true);
    });

    it('offers the suggested answer first, and its button types it into that chat with Wasl forward', () => {
      offers = NOTIFICATION_OFFERS.win32;
      center.receive('a', { id: 'p1', title: 'Omar', body: 'How long is delivery?', chatId: 'omar', derived: false });
      expect(shown[0]?.actions).toEqual([{ action: 'suggested', title: 'Type: Delivery' }, ...buttons]);
      shown[0]?.respond?.({ type: 'action', action: 'suggested' });
      expect(responses).toEqual(['type a omar Delivery to omar takes 2 days']);
      expect(revealed).toEqual(['a']);
      expect(tray()[0]?.read).toBe(true);
      // A message with nothing to suggest gets the usual buttons; its "suggested" answer types nothing.
      center.receive('b', notice(2, 'c2'));
      expect(shown[1]?.actions).toEqual(buttons);
      shown[1]?.respond?.({ type: 'action', action: 'suggested' });
      expect(responses).toHaveLength(1);
    });

    it('offers no suggestion in private mode, where its title would tell what the customer asked, nor where the chat cannot be typed into', () => {
      offers = NOTIFICATION_OFFERS.darwin;
      prefs({ privateMode: true });
      center.receive('a', { id: 'p1', title: 'Omar', body: 'How long is delivery?', chatId: 'omar', derived: false });
      expect(shown[0]?.actions).toEqual(buttons);
      prefs({ privateMode: false });
      unsure.add('b');
      center.receive('b', { id: 'p2', title: 'Huda', body: 'delivery?', chatId: 'huda', derived: false });
      expect(shown[1]?.actions).toEqual(buttons);
    });

    it('a reminder’s pop-up offers the same, and an answer or a button ends the reminder as opening it does', () => {
      offers = NOTIFICATION_OFFERS.darwin;
      const reminder = { at: clock.now(), setAt: 0, chat: { serviceId: 'b', chatId: 'c1' }, title: 'Layla' };
      center.remind(reminder);
      center.remind(reminder);
      expect(shown[0]?.replyPlaceholder).toBe('Type a reply');
      expect(shown[0]?.actions).toEqual(buttons);
      shown[0]?.respond?.({ type: 'action', action: 'done' });
      shown[1]?.respond?.({ type: 'reply', text: 'Your order is ready' });
      expect(responses).toEqual(['done b c1', 'type b c1 Your order is ready']);
      expect(remindersOpened).toEqual(['b/c1', 'b/c1']);
      lock(true);
      center.remind(reminder);
      expect(shown[2]?.actions).toBeUndefined();
      shown[2]?.respond?.({ type: 'action', action: 'remind-later' });
      expect(responses).toHaveLength(2);
      expect(remindersOpened).toHaveLength(2);
    });

    it('private mode still hides the text and the sender, with the answer field and buttons offered', () => {
      offers = NOTIFICATION_OFFERS.darwin;
      prefs({ privateMode: true });
      center.receive('a', { ...notice(1, 'c1'), iconUrl: 'https://example.com/a.png' });
      expect(shown.map(plain)).toEqual([
        { title: 'Shop a', body: 'New message', silent: false, serviceId: 'a', replyPlaceholder: 'Type a reply', actions: buttons },
      ]);
      expect(tray()[0]?.body).toBeUndefined();
    });

    it('a locked Wasl offers neither, and shows nothing but "Wasl"', () => {
      offers = NOTIFICATION_OFFERS.darwin;
      lock(true);
      center.receive('a', notice(1, 'c1'));
      expect(shown.map(plain)).toEqual([{ title: 'Wasl', body: 'New message', silent: false }]);
    });

    it('an answer or a button while locked does nothing: nothing typed, opened, shown or changed', () => {
      offers = NOTIFICATION_OFFERS.darwin;
      center.receive('a', notice(1, 'c1'));
      lock(true);
      shown[0]?.respond?.({ type: 'reply', text: 'Yes' });
      shown[0]?.respond?.({ type: 'action', action: 'done' });
      shown[0]?.respond?.({ type: 'action', action: 'remind-later' });
      expect(responses).toEqual([]);
      expect(revealed).toEqual([]);
      expect(opened).toEqual([]);
      expect(tray()[0]?.read).toBe(false);
      lock(false);
      shown[0]?.respond?.({ type: 'reply', text: 'Yes' });
      expect(responses).toEqual(['type a c1 Yes']);
    });
  });

  describe('business hours', () => {
    // The clock starts Saturday 21 November 2026, 12:00. Open 09:00–18:00 every day.
    const shop = (change: Partial<ShopSettings>) => {
      const settings = store.getState().settings;
      const hours = Array.from({ length: 7 }, () => ({ open: true, from: '09:00', to: '18:00' }));
      store.setState({ settings: { ...settings, shop: { ...settings.shop, hoursEnabled: true, hours, holdOutsideHours: true, ...change } } });
    };

    it('holds pop-ups while closed, keeps them in the tray, and sums them up at opening time', () => {
      shop({});
      clock.advance(7 * HOUR);
      center.receive('a', notice(1, 'c1'));
      center.receive('b', notice(2, 'c2'));
      center.receive('m', notice(3, 'c3'));
      expect(shown).toEqual([]);
      expect(tray()).toHaveLength(3);
      // Sunday 09:00.
      clock.advance(14 * HOUR - 1);
      expect(shown).toEqual([]);
      clock.advance(1);
      expect(shown.map(plain)).toEqual([{ title: 'Wasl', body: heldText(ENGLISH, 2), silent: false }]);
      shown[0]?.click();
      expect(inboxShown).toBe(1);
      // Open now: pop-ups as usual.
      center.receive('a', notice(4, 'c1'));
      expect(shown).toHaveLength(2);
    });

    it('lets priority customers through while closed', () => {
      shop({});
      clock.advance(7 * HOUR);
      priority.add('a/vip');
      center.receive('a', notice(1, 'vip'));
      center.receive('a', notice(2));
      expect(shown.map((n) => n.title)).toEqual(['Customer 1']);
    });

    it('shows everything when hours are set but holding is off, and says "away" only in the tray', () => {
      shop({ holdOutsideHours: false });
      clock.advance(7 * HOUR);
      center.receive('a', notice(1, 'c1'));
      expect(shown).toHaveLength(1);
    });

    it('waits on if the shop is still closed at the time it was to open (its hours changed)', () => {
      shop({});
      clock.advance(7 * HOUR);
      center.receive('a', notice(1, 'c1'));
      shop({ hours: Array.from({ length: 7 }, () => ({ open: true, from: '10:00', to: '18:00' })) });
      clock.advance(14 * HOUR);
      expect(shown).toEqual([]);
      clock.advance(HOUR);
      expect(shown.map((n) => n.body)).toEqual([heldText(ENGLISH, 1)]);
    });

    it('says nothing at opening time when quiet hours hold then', () => {
      shop({});
      prefs({ quietHours: { enabled: true, from: '08:00', to: '10:00' } });
      clock.advance(7 * HOUR);
      center.receive('a', notice(1, 'c1'));
      clock.advance(14 * HOUR);
      expect(shown).toEqual([]);
    });
  });

  it('tells who follows activity that a chat’s customer wrote', () => {
    center.receive('a', notice(1, 'c1'));
    center.receive('a', notice(2));
    center.receive('m', notice(3, 'c3'));
    expect(incoming).toEqual([
      ['a', 'c1'],
      ['m', 'c3'],
    ]);
  });

  describe('one message, one notification', () => {
    // Telegram A's worker notifies a message in chat -1001234; a moment later the agent sees that chat's unread count
    // rise and derives a notification for it too.
    const chats: ChatSummary[] = [{ id: '-1001234', title: 'Omar', unread: 1 }];
    const worker = (body = 'Order #12?'): PageNotification =>
      fromWorker({ title: 'Omar', body, tag: '-1001234', data: [['chatId', '-1001234'], ['messageId', '42']] }, 'w-1', chats);
    const derived: PageNotification = { id: 'd1', title: 'Omar', body: 'Order #12?', chatId: '-1001234', derived: true };

    it('shows a worker’s notification and the one derived for its chat a moment later once: one pop-up, one tray record', () => {
      center.receive('a', worker());
      clock.advance(1_500);
      center.receive('a', derived);
      expect(shown.map((n) => n.title)).toEqual(['Omar']);
      expect(tray().map((r) => [r.chatId, r.body])).toEqual([['-1001234', 'Order #12?']]);
      shown[0]?.click();
      expect(clicks).toEqual([{ serviceId: 'a', id: 'w-1', chatId: '-1001234' }]);
    });

    it('keeps the derived one when it came first, and drops the platform’s that follows', () => {
      center.receive('a', derived);
      clock.advance(SAME_MESSAGE_MS - 1);
      center.receive('a', worker());
      expect(shown).toHaveLength(1);
      expect(tray().map((r) => r.id)).toEqual(['r1']);
      expect(incoming).toEqual([['a', '-1001234']]);
    });

    it('counts two of the platform’s own for one chat as two messages, and a derived one after the window as new', () => {
      center.receive('a', worker('Order #12?'));
      center.receive('a', worker('And one more'));
      center.receive('a', { ...derived, body: 'And one more' });
      clock.advance(SAME_MESSAGE_MS);
      center.receive('a', { ...derived, id: 'd5', body: 'A third one' });
      expect(shown.map((n) => n.body)).toEqual(['Order #12?', 'And one more', 'A third one']);
      expect(tray()).toHaveLength(3);
    });

    it('keeps apart another chat, another service, and two derived ones the agent sent, dropping only the repeat', () => {
      center.receive('a', worker());
      center.receive('a', { ...derived, id: 'd2', chatId: 'c2' });
      center.receive('b', derived);
      center.receive('b', { ...derived, id: 'd3' });
      center.receive('a', derived);
      expect(shown).toHaveLength(4);
      expect(tray().map((r) => [r.serviceId, r.chatId])).toEqual([
        ['a', '-1001234'],
        ['a', 'c2'],
        ['b', '-1001234'],
        ['b', '-1001234'],
      ]);
    });

    it('tells the same message by its title when the platform’s notification names no chat', () => {
      center.receive('a', fromWorker({ title: 'Omar', body: 'Order #12?' }, 'w-2', []));
      center.receive('a', derived);
      center.receive('a', { ...derived, id: 'd4', title: 'Layla', chatId: 'c5' });
      expect(shown.map((n) => n.title)).toEqual(['Omar', 'Layla']);
    });

    it('holds to mute and do-not-disturb for a worker’s notification, and still drops the derived repeat', () => {
      center.receive('m', worker());
      center.receive('m', derived);
      prefs({ dndUntil: clock.now() + HOUR });
      center.receive('a', worker());
      expect(shown).toEqual([]);
      expect(tray().map((r) => r.serviceId)).toEqual(['m', 'a']);
    });
  });

  it('puts a due reminder in the tray and pops it up; a click opens its chat', () => {
    const reminder = { at: clock.now(), setAt: clock.now() - HOUR, chat: { serviceId: 'b', chatId: 'c9' }, title: 'فاطمة الزهراء' };
    center.remind(reminder);
    expect(tray()).toEqual([{ id: 'r1', serviceId: 'b', chatId: 'c9', title: 'فاطمة الزهراء', body: 'Reminder', at: clock.now(), read: false, kind: 'reminder' }]);
    expect(shown.map(plain)).toEqual([{ title: 'فاطمة الزهراء', body: 'Reminder', silent: false, serviceId: 'b' }]);
    expect(remindersOpened).toEqual([]);
    shown[0]?.click();
    expect(revealed).toEqual(['b']);
    expect(opened).toEqual([['b', 'c9']]);
    expect(tray()[0]?.read).toBe(true);
    expect(remindersOpened).toEqual(['b/c9']);
    center.receive('a', notice(1, 'c1'));
    center.command({ type: 'notifications.open', id: tray().at(-1)?.id ?? '' });
    expect(remindersOpened).toEqual(['b/c9']);
    center.command({ type: 'notifications.open', id: tray()[0]?.id ?? '' });
    expect(remindersOpened).toEqual(['b/c9', 'b/c9']);
    prefs({ dndUntil: clock.now() + HOUR });
    center.remind(reminder);
    expect(shown).toHaveLength(2);
    expect(tray()).toHaveLength(3);
  });
});

describe('fromWorker', () => {
  const chats: ChatSummary[] = [
    { id: '777', title: 'Omar', unread: 1 },
    { id: '-1001234', title: 'Shop group', unread: 0 },
    { id: '1122/3344', title: 'orders', unread: 2, kind: 'channel' },
    { id: '@me/5566', title: 'Layla', unread: 0 },
    { id: '42', title: 'Twins', unread: 0 },
    { id: '43', title: 'Twins', unread: 0 },
  ];
  const at = (notice: WorkerNotification): string | undefined => fromWorker(notice, 'w-1', chats).chatId;

  it('makes the service’s own notification of it, with main’s id, text, tag and picture', () => {
    const notice: WorkerNotification = { title: 'Omar', body: 'Order #12?', tag: '777', icon: 'https://web.telegram.org/a/icon-192x192.png', data: [['chatId', '777']] };
    expect(fromWorker(notice, 'w-1', chats)).toEqual({
      id: 'w-1',
      title: 'Omar',
      body: 'Order #12?',
      tag: '777',
      iconUrl: 'https://web.telegram.org/a/icon-192x192.png',
      chatId: '777',
      derived: false,
    });
    expect(fromWorker({ title: 'Wasl?' }, 'w-2', [])).toEqual({ id: 'w-2', title: 'Wasl?', derived: false });
  });

  it('finds Telegram A’s chat by its tag, or by data.chatId when the first batch is tagged "0"', () => {
    // telegram-tt src/serviceWorker/pushNotification.ts: tag = chatId (or "0" in the first second), data.chatId.
    expect(at({ title: 'Shop group', tag: '-1001234', data: [['chatId', '-1001234'], ['messageId', '9']] })).toBe('-1001234');
    expect(at({ title: 'Shop group 🔕', tag: '0', data: [['chatId', '-1001234'], ['messageId', '9']] })).toBe('-1001234');
  });

  it('finds a chat whose id is a route by the route’s last part (a channel id in a field that names a channel)', () => {
    expect(at({ title: 'Omar (#orders, Shop)', data: [['channel_id', '3344']] })).toBe('1122/3344');
    expect(at({ title: 'someone', data: [['channelId', '5566']] })).toBe('@me/5566');
  });

  it('takes no chat from a field that does not name one, nor an id no known chat has, nor a title two chats share', () => {
    expect(at({ title: 'Shop', data: [['messageId', '777'], ['count', '42']] })).toBeUndefined();
    expect(at({ title: 'Shop', tag: '999', data: [['chatId', '1234']] })).toBeUndefined();
    expect(at({ title: 'Twins' })).toBeUndefined();
  });

  it('falls back on the one known chat titled as the notification is', () => {
    expect(at({ title: 'Layla', tag: 'something-else' })).toBe('@me/5566');
  });
});
describe('notificationLinks', () => {
  function setup() {
    const done: string[] = [];
    const store = createAppStore(stateOf({ services: [svc('wa')] }));
    const snapshot: ServiceSnapshot = {
      loggedIn: true,
      unread: { direct: 0, indirect: 0 },
      chats: [
        { id: 'c1', title: '+966 50 123 4567', unread: 1 },
        { id: 'c2', title: 'Omar', unread: 0 },
      ],
    };
    const links = notificationLinks({
      store,
      window: { revealWindow: () => done.push('reveal') },
      services: {
        command: (cmd) => {
          done.push('id' in cmd ? `${cmd.type} ${cmd.id}` : cmd.type);
          return Promise.resolve({ ok: true });
        },
        notificationClicked: (id, click) => done.push(`click ${id} ${click.id}`),
        openChat: (id, chatId) => done.push(`open ${id} ${chatId}`),
        typeInChat: (id, chatId, text) => {
          done.push(`type ${id} ${chatId} ${text}`);
          return Promise.resolve({ ok: true });
        },
        chatNotified: (id, chatId) => done.push(`noticed ${id} ${chatId}`),
        snapshot: (id) => (id === 'wa' ? snapshot : undefined),
        chatsForShell: () => ({ wa: snapshot }),
      },
      shop: {
        isPriority: (chat, phone) => chat.chatId === 'vip' || phone === '+966501234567',
        reminderOpened: (chat) => done.push(`reminder ${chat.chatId}`),
        command: (cmd) => {
          done.push(cmd.type);
          return { ok: true };
        },
      },
      log: new MemoryLogger(),
      clock: new ManualClock(),
      suggestionTitle: () => 'Type',
    });
    return { done, links };
  }

  it('brings the window forward first, then the service or the inbox', () => {
    const { done, links } = setup();
    links.reveal('wa');
    links.showInbox();
    expect(done).toEqual(['reveal', 'service.activate wa', 'reveal', 'view.inbox']);
  });

  it('hands clicks, opened chats, incoming messages and opened reminders to their owners', () => {
    const { done, links } = setup();
    links.click('wa', { id: 'p1', chatId: 'c1' });
    links.openChat('wa', 'c1');
    links.onIncoming?.('wa', 'c2');
    links.reminderOpened?.({ serviceId: 'wa', chatId: 'c2' });
    expect(done).toEqual(['click wa p1', 'open wa c1', 'noticed wa c2', 'reminder c2']);
  });

  it('finds a priority customer by the chat, or by the phone number its name is', () => {
    const { links } = setup();
    expect(links.isPriority?.('wa', 'vip')).toBe(true);
    expect(links.isPriority?.('wa', 'c1')).toBe(true);
    expect(links.isPriority?.('wa', 'c2')).toBe(false);
    expect(links.isPriority?.('gone', 'c1')).toBe(false);
  });
});
