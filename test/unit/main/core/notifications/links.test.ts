/**
 * Answering from a notification end to end in main: the notification center wired to the rest of main by
 * notificationLinks, with the real page requests (recording what goes to each page) and the real shop. An answer is
 * typed into the chat's composer after the chat was opened (once the page reports it open, where it tells), and
 * never sent; "Done" and "Remind me in 1 hour" change
 * the customer's record as the inbox shows it; a locked Wasl types nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../../../common/channels';
import { buildInbox } from '../../../../../common/inbox';
import type { ChatSummary, ServiceConfig, ServiceSnapshot } from '../../../../../common/model';
import { entryCustomerKeys, resolveCustomer } from '../../../../../common/shop/customers';
import { createAppStore, type AppStore } from '../../../../../main/core/app/app-store';
import { NotificationCenter, REMIND_LATER_MS, type NotificationResponse, type OsNotification } from '../../../../../main/core/notifications/center';
import { notificationLinks } from '../../../../../main/core/notifications/links';
import { NOTIFICATION_OFFERS, type NotificationOffers } from '../../../../../main/core/notifications/offers';
import { PAGE_WAIT_MS, PageRequests } from '../../../../../main/core/services/requests';
import { ShopController } from '../../../../../main/core/shop/shop';
import { suggestionTitle } from '../../../../../main/i18n';
import { DEFAULT_SETTINGS } from '../../../../../common/settings';
import { ManualClock } from '../../../../fakes/clock';
import { MemoryLogger } from '../../../../fakes/logger';
import { stateOf } from '../../../../fakes/state';
import { RecordingViews } from '../../../../fakes/views';

const svc = (id: string): ServiceConfig => ({ id, platform: 'whatsapp', name: `Shop ${id}`, enabled: true, muted: false, callsAllowed: false });
const snapshotOf = (chats: ChatSummary[]): ServiceSnapshot => ({ loggedIn: true, unread: { direct: 0, indirect: 0 }, chats });

describe('answering from a notification', () => {
  let clock: ManualClock;
  let store: AppStore;
  let views: RecordingViews;
  let log: MemoryLogger;
  let requests: PageRequests;
  let center: NotificationCenter;
  let shown: (OsNotification & { respond: ((response: NotificationResponse) => void) | undefined })[];
  let offers: NotificationOffers;
  let revealed: number;
  let activated: string[];
  let snapshots: Record<string, ServiceSnapshot>;

  beforeEach(() => {
    clock = new ManualClock(new Date(2026, 11, 6, 12, 0).getTime());
    store = createAppStore(stateOf({ services: [svc('a'), svc('b')], activeServiceId: 'b' }));
    views = new RecordingViews();
    log = new MemoryLogger();
    shown = [];
    offers = NOTIFICATION_OFFERS.darwin;
    revealed = 0;
    activated = [];
    snapshots = {
      a: snapshotOf([
        { id: 'layla', title: 'Layla', unread: 1, phone: '+966501234567', lastActivity: clock.now() },
        { id: 'omar', title: 'Omar', unread: 0 },
      ]),
      b: snapshotOf([{ id: 'layla-b', title: 'Layla', unread: 0, phone: '+966501234567' }]),
    };
    let ids = 0;
    const newId = () => `id${++ids}`;
    requests = new PageRequests({
      views,
      clock,
      log,
      newId,
      service: (id) => store.getState().services.find((s) => s.id === id),
      asleep: () => false,
      reportedSinceLoad: () => true,
      activate: (id) => activated.push(id),
      activeChat: (id) => snapshots[id]?.activeChatId,
    });
    const shop = new ShopController({ store, clock, log, newId, remind: (reminder) => center.remind(reminder) });
    center = new NotificationCenter({
      store,
      notifier: {
        get offers() {
          return offers;
        },
        show: (n, _click, respond) => shown.push({ ...n, respond }),
      },
      clock,
      log,
      newId,
      serviceTitle: (service, title) => title ?? service.name,
      coalescedText: (count) => `${count} more`,
      privateText: () => 'New message',
      heldText: (count) => `${count} held`,
      reminderText: () => 'Reminder',
      responseText: () => ({ done: 'Done', remindLater: 'Remind me in 1 hour', replyPlaceholder: 'Type a reply' }),
      ...notificationLinks({
        store,
        log,
        clock,
        suggestionTitle: (suggestion) => suggestionTitle('en', suggestion),
        shop,
        window: { revealWindow: () => (revealed += 1) },
        services: {
          command: (cmd) => {
            if (cmd.type === 'service.activate') activated.push(cmd.id);
            return Promise.resolve({ ok: true });
          },
          notificationClicked: (id, click) => requests.notificationClicked(id, click),
          openChat: (id, chatId) => requests.openChat(id, chatId),
          typeInChat: (id, chatId, text) => requests.typeInChat(id, chatId, text),
          chatNotified: () => undefined,
          snapshot: (id) => snapshots[id],
          chatsForShell: () => snapshots,
        },
      }),
    });
  });

  const sent = () => views.calls.flatMap((c) => (c.op === 'send' ? [{ id: c.id, channel: c.channel, payload: c.payload }] : []));
  /** The customer record the inbox shows for the entry holding this chat. */
  const customerOf = (serviceId: string, chatId: string) => {
    const state = store.getState();
    const entry = buildInbox({ services: state.services, snapshots, people: state.people }).find((e) =>
      e.chats.some((c) => c.serviceId === serviceId && c.chatId === chatId),
    );
    if (!entry) throw new Error('no entry');
    const phones = entry.chats.flatMap((ref) => snapshots[ref.serviceId]?.chats.find((c) => c.id === ref.chatId)?.phone ?? []);
    return resolveCustomer(state.customers, entryCustomerKeys(entry, [...new Set(phones)]));
  };

  it('opens the chat, then types the answer into its composer, with Wasl forward; nothing is sent', async () => {
    center.receive('a', { id: 'p1', title: 'Omar', body: 'Do you deliver?', chatId: 'omar', derived: false });
    shown[0]?.respond?.({ type: 'reply', text: 'Yes, tomorrow' });
    expect(revealed).toBe(1);
    expect(activated[0]).toBe('a');
    const calls = sent();
    expect(calls).toEqual([
      { id: 'a', channel: CHANNELS.serviceOpenChat, payload: 'omar' },
      { id: 'a', channel: CHANNELS.serviceInsertText, payload: { requestId: expect.stringMatching(/\S/u) as string, text: 'Yes, tomorrow' } },
    ]);
    // Typing is all the page is asked to do: no click, no key, no send.
    expect(calls.map((c) => c.channel)).not.toContain(CHANNELS.serviceNotificationClick);
    const { requestId } = calls[1]?.payload as { requestId: string };
    requests.insertResult('a', requestId, true);
    await Promise.resolve();
    expect(log.lines.filter((l) => l.level === 'warn')).toEqual([]);
  });

  it('offers the answer field only for a page that says which chat is open (WhatsApp opens a chat by reloading)', () => {
    center.receive('a', { id: 'p1', title: 'Omar', chatId: 'omar', derived: false });
    expect(shown[0]?.replyPlaceholder).toBeUndefined();
    const a = snapshots['a'];
    if (!a) throw new Error('no snapshot');
    a.activeChatId = 'layla';
    center.receive('a', { id: 'p2', title: 'Omar', chatId: 'omar', derived: false });
    expect(shown[1]?.replyPlaceholder).toBe('Type a reply');
  });

  it('where the page tells which chat is open, types only once it reports the answered chat open', () => {
    const a = snapshots['a'];
    if (!a) throw new Error('no snapshot');
    a.activeChatId = 'layla';
    center.receive('a', { id: 'p1', title: 'Omar', chatId: 'omar', derived: false });
    shown[0]?.respond?.({ type: 'reply', text: 'Yes, tomorrow' });
    expect(sent().map((c) => c.channel)).toEqual([CHANNELS.serviceOpenChat]);
    // A report with the other chat still open: the answer waits (it would land in Layla's chat).
    requests.connectorReported('a');
    expect(sent().map((c) => c.channel)).toEqual([CHANNELS.serviceOpenChat]);
    a.activeChatId = 'omar';
    requests.connectorReported('a');
    expect(sent()).toEqual([
      { id: 'a', channel: CHANNELS.serviceOpenChat, payload: 'omar' },
      { id: 'a', channel: CHANNELS.serviceInsertText, payload: { requestId: expect.stringMatching(/\S/u) as string, text: 'Yes, tomorrow' } },
    ]);
  });

  describe('the suggested answer', () => {
    const MIN = 60_000;
    beforeEach(() => {
      store.setState({
        quickReplies: [{ id: 'r1', name: 'Delivery', body: 'Hi {first_name}, delivery takes 2 days. {shop}', triggers: ['delivery'] }],
        settings: { ...DEFAULT_SETTINGS, shop: { ...DEFAULT_SETTINGS.shop, name: 'Hiba Store', greeting: 'Welcome, {name}!' } },
      });
      const a = snapshots['a'];
      if (!a) throw new Error('no snapshot');
      a.activeChatId = 'layla';
      a.chats.push(
        { id: 'nour', title: 'Nour Hassan', unread: 1, activity: { first: clock.now() - MIN, newAt: clock.now() - MIN, lastIn: clock.now() - MIN, waitingSince: clock.now() - MIN } },
        { id: 'family', title: 'Family', unread: 1, kind: 'group' },
      );
    });

    it('offers the greeting to a new customer, filled, and types it once the page has their chat open', () => {
      center.receive('a', { id: 'p1', title: 'Nour Hassan', body: 'Hello', chatId: 'nour', derived: false });
      expect(shown[0]?.actions?.[0]).toEqual({ action: 'suggested', title: 'Type the greeting' });
      shown[0]?.respond?.({ type: 'action', action: 'suggested' });
      expect(revealed).toBe(1);
      expect(sent().map((c) => c.channel)).toEqual([CHANNELS.serviceOpenChat]);
      const a = snapshots['a'];
      if (!a) throw new Error('no snapshot');
      a.activeChatId = 'nour';
      requests.connectorReported('a');
      expect(sent()[1]).toEqual({ id: 'a', channel: CHANNELS.serviceInsertText, payload: { requestId: expect.stringMatching(/\S/u) as string, text: 'Welcome, Nour Hassan!' } });
    });

    it('offers the answer whose trigger the message holds, to a customer Wasl knew', () => {
      center.receive('a', { id: 'p1', title: 'Omar', body: 'Is delivery free?', chatId: 'omar', derived: false });
      expect(shown[0]?.actions?.[0]).toEqual({ action: 'suggested', title: 'Type: Delivery' });
      shown[0]?.respond?.({ type: 'action', action: 'suggested' });
      const a = snapshots['a'];
      if (!a) throw new Error('no snapshot');
      a.activeChatId = 'omar';
      requests.connectorReported('a');
      expect(sent()[1]?.payload).toMatchObject({ text: 'Hi Omar, delivery takes 2 days. Hiba Store' });
    });

    it('offers nothing to a group, nor to a known customer whose message no reply answers', () => {
      center.receive('a', { id: 'p1', title: 'Family', body: 'delivery?', chatId: 'family', derived: false });
      center.receive('a', { id: 'p2', title: 'Omar', body: 'Thanks', chatId: 'omar', derived: false });
      expect(shown.map((n) => n.actions?.[0]?.action)).toEqual(['done', 'done']);
    });
  });

  it('types at once when the answered chat is the one open already', () => {
    const a = snapshots['a'];
    if (!a) throw new Error('no snapshot');
    a.activeChatId = 'omar';
    center.receive('a', { id: 'p1', title: 'Omar', chatId: 'omar', derived: false });
    shown[0]?.respond?.({ type: 'reply', text: 'Yes' });
    expect(sent().map((c) => c.channel)).toEqual([CHANNELS.serviceOpenChat, CHANNELS.serviceInsertText]);
  });

  it('gives up, and says so, when the page never reports the answered chat open', async () => {
    const a = snapshots['a'];
    if (!a) throw new Error('no snapshot');
    a.activeChatId = 'layla';
    center.receive('a', { id: 'p1', title: 'Omar', chatId: 'omar', derived: false });
    shown[0]?.respond?.({ type: 'reply', text: 'Yes' });
    clock.advance(PAGE_WAIT_MS);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent().map((c) => c.channel)).toEqual([CHANNELS.serviceOpenChat]);
    expect(log.lines.filter((l) => l.level === 'warn').map((l) => l.message)).toEqual([
      'the page did not say whether it typed the quick reply',
      'a notification answer was not typed into the chat',
    ]);
  });

  it('says so in the log when the page found no composer to type the answer into', async () => {
    center.receive('a', { id: 'p1', title: 'Omar', chatId: 'omar', derived: false });
    shown[0]?.respond?.({ type: 'reply', text: 'Yes' });
    const { requestId } = sent()[1]?.payload as { requestId: string };
    requests.insertResult('a', requestId, false);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(log.lines.filter((l) => l.level === 'warn').map((l) => [l.message, l.fields])).toEqual([
      ['a notification answer was not typed into the chat', { service: 'a', error: 'no-composer' }],
    ]);
  });

  it('types nothing while Wasl is locked', () => {
    center.receive('a', { id: 'p1', title: 'Omar', chatId: 'omar', derived: false });
    store.setState({ lock: { set: true, locked: true, retryAt: null } });
    shown[0]?.respond?.({ type: 'reply', text: 'Yes' });
    shown[0]?.respond?.({ type: 'action', action: 'done' });
    expect(sent()).toEqual([]);
    expect(revealed).toBe(0);
    expect(store.getState().customers).toEqual({});
  });

  it('Done marks the customer done, as the inbox shows them, until they write again', () => {
    center.receive('a', { id: 'p1', title: 'Omar', chatId: 'omar', derived: false });
    expect(customerOf('a', 'omar')).toBeUndefined();
    shown[0]?.respond?.({ type: 'action', action: 'done' });
    expect(customerOf('a', 'omar')).toMatchObject({ status: 'done', statusAt: clock.now() });
    expect(Object.keys(store.getState().customers)).toEqual(['chat:a:omar']);
    expect(sent()).toEqual([]);
    expect(revealed).toBe(0);
  });

  it('Done on a customer on two platforms (one phone number) marks their one inbox entry', () => {
    center.receive('a', { id: 'p1', title: 'Layla', chatId: 'layla', derived: false });
    shown[0]?.respond?.({ type: 'action', action: 'done' });
    expect(Object.keys(store.getState().customers)).toEqual(['phone:+966501234567']);
    expect(customerOf('b', 'layla-b')?.status).toBe('done');
  });

  it('Remind me in 1 hour snoozes the customer and brings them back an hour later', () => {
    center.receive('a', { id: 'p1', title: 'Omar', chatId: 'omar', derived: false });
    const at = clock.now() + REMIND_LATER_MS;
    shown[0]?.respond?.({ type: 'action', action: 'remind-later' });
    expect(customerOf('a', 'omar')?.reminder).toEqual({ at, setAt: clock.now(), chat: { serviceId: 'a', chatId: 'omar' }, title: 'Omar' });
    clock.advance(REMIND_LATER_MS - 1);
    expect(shown).toHaveLength(1);
    clock.advance(1);
    expect(shown.map((n) => [n.title, n.body])).toEqual([
      ['Omar', undefined],
      ['Omar', 'Reminder'],
    ]);
  });

  it('on Linux the notification offers neither, so nothing can be typed or changed from it', () => {
    offers = NOTIFICATION_OFFERS.linux;
    center.receive('a', { id: 'p1', title: 'Omar', chatId: 'omar', derived: false });
    expect(shown[0]?.replyPlaceholder).toBeUndefined();
    expect(shown[0]?.actions).toBeUndefined();
  });
});
