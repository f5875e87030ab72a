/**
 * Notifications from the services: what each page or service worker raised (or what its agent derived from a
 * rising unread count) goes into the tray (main's store, the newest 500) and, under Wasl's rules, becomes one OS
 * notification — none for a muted service or while do-not-disturb or quiet hours hold, no text in private mode, a
 * flood from one service summed up as "N more new messages", nothing but "Wasl" and a text without content while
 * Wasl is locked. One message is one notification: the platform's own and one Wasl derived for the same chat a
 * moment apart are the same message, whichever came first. A click, on the OS notification or in the tray, brings
 * that service forward with that exact chat open.
 *
 * Where the OS offers it (offers.ts), a message's notification also takes an answer and two buttons. The answer is
 * typed into that chat's composer with Wasl forward and the chat open — never sent: the user reads it and presses
 * send in the page. When Wasl has an answer to offer the customer (common/shop/suggest.ts: an FAQ match, the away
 * text, the greeting), a first button types it the same way; never in private mode, where the button's title
 * would tell what the customer asked. "Done" marks the chat's customer done and "Remind me in 1 hour" brings them back in an hour,
 * both without bringing Wasl forward. A reminder's pop-up offers the same, and any of them ends the reminder as
 * opening it does. A locked Wasl offers none of them, and ignores an answer or a button of a notification shown
 * before it locked.
 */
import type { Command, CommandResult, PageNotification, WorkerNotification } from '../../../common/ipc';
import { LIMITS } from '../../../common/limits';
import type { ChatRef, ChatSummary, NotificationRecord, ServiceConfig } from '../../../common/model';
import { isQuiet } from '../../../common/quiet';
import { isAway, nextChange, businessHours } from '../../../common/shop/hours';
import type { Reminder } from '../../../common/shop/model';
import type { AppStore } from '../app/app-store';
import type { Clock, Logger, TimerHandle } from '../app/ports';
import type { NotificationOffers } from './offers';

export interface OsNotification {
  title: string;
  body?: string;
  silent: boolean;
  /** The sender's picture (https or data: address), fetched by the adapter. */
  iconUrl?: string;
  /** The service whose session may fetch the picture (none for Wasl's own notifications). */
  serviceId?: string;
  /** An inline answer field with this placeholder; only where the notifier offers replies. */
  replyPlaceholder?: string;
  /** Buttons, in this order; only where the notifier offers actions. */
  actions?: readonly OsAction[];
}

/** What a notification's button does: type the suggested answer, mark the customer done, remind in an hour. */
export type NotificationAction = 'suggested' | 'done' | 'remind-later';

/** A notification's button: what it does, and its title in the user's language. */
export interface OsAction {
  action: NotificationAction;
  title: string;
}

/** What the user did on a notification besides clicking it: typed an answer, or pressed a button. */
export type NotificationResponse = { type: 'reply'; text: string } | { type: 'action'; action: NotificationAction };

/** How Wasl shows a notification on the OS. */
export interface NotifierPort {
  /** What this system's notifications offer besides a click (NOTIFICATION_OFFERS); none when absent. */
  readonly offers?: NotificationOffers;
  show(notification: OsNotification, onClick: () => void, onResponse?: (response: NotificationResponse) => void): void;
}

/** "Remind me in 1 hour". */
export const REMIND_LATER_MS = 3_600_000;

export interface NotificationCenterDeps {
  store: AppStore;
  notifier: NotifierPort;
  clock: Clock;
  log: Logger;
  newId: () => string;
  /** Bring the window and this service forward. */
  reveal(serviceId: string): void;
  /** Tell the service's page the user clicked its notification (its own handler runs, or the chat opens). */
  click(serviceId: string, notice: { id: string; chatId?: string }): void;
  /** Open a chat from the tray (the page's notification is gone by then). */
  openChat(serviceId: string, chatId: string): void;
  /**
   * A service's notification title in the user's language: who wrote and the service ("Ahmed — WhatsApp (Shop)"),
   * or the service alone without `title`. No page can pose as another service, or as Wasl.
   */
  serviceTitle(service: ServiceConfig, title?: string): string;
  /** "12 more new messages", and "New message" for private mode, in the user's language. */
  coalescedText(count: number): string;
  privateText(): string;
  /** "3 messages came in while the shop was closed", and a reminder's text, in the user's language. */
  heldText(count: number): string;
  reminderText(): string;
  /** Bring the window forward with the inbox in front. */
  showInbox(): void;
  /** A notification says the customer of this chat wrote. */
  onIncoming?(serviceId: string, chatId: string): void;
  /** The chat's customer is one the shop hears from even when it is closed. */
  isPriority?(serviceId: string, chatId: string): boolean;
  /** The user opened a reminder (its pop-up or its tray record): it has done its job. */
  reminderOpened?(chat: { serviceId: string; chatId: string }): void;
  /** The buttons' titles and the answer field's placeholder, in the user's language; no answer or buttons without. */
  responseText?(): { done: string; remindLater: string; replyPlaceholder: string };
  /** Opens the chat and types the user's answer into its composer; never sends it. */
  typeReply?(chat: ChatRef, text: string): void;
  /**
   * Whether a reply typed in a notification can safely go into `chat`: its page says which chat is open, so the text
   * waits for that chat rather than landing in the one open before (WhatsApp opens a chat by reloading and says none).
   */
  canTypeReply?(chat: ChatRef): boolean;
  /**
   * The answer Wasl offers the customer who wrote `message` in this chat (filled, ready to type), and its button's
   * title in the user's language; undefined when none fits.
   */
  suggestion?(chat: ChatRef, message: string | undefined): { title: string; text: string } | undefined;
  /** Marks the chat's customer done. */
  markDone?(chat: ChatRef): void;
  /** Sets this reminder on the chat's customer (it brings them back, and snoozes them until then). */
  remindLater?(reminder: Reminder): void;
}

/** Shown one by one: this many notifications per service within COALESCE_MS; the rest are summed up. */
export const PER_SERVICE_BURST = 3;
export const COALESCE_MS = 10_000;
/** The title of every pop-up while Wasl is locked: no name, no text. */
export const LOCKED_TITLE = 'Wasl';
/** Notifications kept in the tray; the oldest go first. */
export const KEEP = 500;
/**
 * The platform's notification (a page's or a worker's) and one derived from a rising unread count, for the same chat
 * within this time, are one message (the agent keeps the same window between the page's and its derived ones).
 */
export const SAME_MESSAGE_MS = 10_000;
/** At most this many of a service's notifications are remembered for that (a flood is coalesced anyway). */
const SAME_MESSAGE_KEEP = 200;

type NotificationCommand = Extract<Command, { type: `notifications.${string}` }>;

/** A notification received a moment ago, as far as telling the same message again goes. */
interface Received {
  at: number;
  derived: boolean;
  chatId: string | undefined;
  title: string;
}

interface Burst {
  shown: number[];
  held: number;
  timer?: TimerHandle | undefined;
}

export class NotificationCenter {
  private readonly bursts = new Map<string, Burst>();
  /** What each service notified within SAME_MESSAGE_MS. */
  private readonly received = new Map<string, Received[]>();
  /** Pop-ups held while the shop is closed, shown as one at opening time. */
  private held = 0;
  private opening: TimerHandle | undefined;

  constructor(private readonly deps: NotificationCenterDeps) {
    // Private mode keeps no message text, in the tray or in its file: none kept from now, none of what was kept.
    if (deps.store.getState().settings.notifications.privateMode) this.forgetText();
    deps.store.subscribe((next, prev) => {
      if (next.settings.notifications.privateMode && !prev.settings.notifications.privateMode) this.forgetText();
    });
  }

  receive(serviceId: string, notice: PageNotification): void {
    const { store, clock } = this.deps;
    const service = store.getState().services.find((s) => s.id === serviceId);
    if (!service?.enabled) return;
    if (this.shownAlready(serviceId, notice)) {
      this.deps.log.info('notification already shown for this message', { service: serviceId, derived: notice.derived });
      return;
    }
    const record: NotificationRecord = { id: this.deps.newId(), serviceId, title: notice.title, at: clock.now(), read: false };
    if (notice.body !== undefined && !store.getState().settings.notifications.privateMode) record.body = notice.body;
    if (notice.iconUrl !== undefined) record.iconUrl = notice.iconUrl;
    if (notice.tag !== undefined) record.tag = notice.tag;
    if (notice.chatId !== undefined) record.chatId = notice.chatId;
    this.keep(record);
    if (notice.chatId !== undefined) this.deps.onIncoming?.(serviceId, notice.chatId);

    const { notifications: prefs, shop } = store.getState().settings;
    const now = new Date(clock.now());
    if (service.muted || isQuiet(prefs, now)) return;
    if (shop.holdOutsideHours && isAway(shop, now) && !(notice.chatId !== undefined && this.deps.isPriority?.(serviceId, notice.chatId) === true)) {
      this.hold();
      return;
    }
    const burst = this.burst(serviceId);
    if (burst.shown.length >= PER_SERVICE_BURST) {
      burst.held += 1;
      burst.timer ??= clock.setTimeout(() => this.release(serviceId), COALESCE_MS - (clock.now() - (burst.shown[0] ?? 0)));
      return;
    }
    burst.shown.push(clock.now());
    const locked = this.locked();
    const shown: OsNotification = locked
      ? { title: LOCKED_TITLE, body: this.deps.privateText(), silent: !prefs.sound }
      : prefs.privateMode
        ? { title: this.deps.serviceTitle(service), body: this.deps.privateText(), silent: !prefs.sound, serviceId }
        : { title: this.deps.serviceTitle(service, notice.title), silent: !prefs.sound, serviceId };
    if (!prefs.privateMode && !locked) {
      if (notice.body !== undefined) shown.body = notice.body;
      if (notice.iconUrl !== undefined) shown.iconUrl = notice.iconUrl;
    }
    const chat = notice.chatId === undefined ? undefined : { serviceId, chatId: notice.chatId };
    const suggested = chat && !locked ? this.offerResponses(shown, chat, prefs.privateMode ? undefined : notice.body, !prefs.privateMode) : undefined;
    this.deps.notifier.show(
      shown,
      () => {
        this.markRead([record.id]);
        this.deps.reveal(serviceId);
        const click: { id: string; chatId?: string } = { id: notice.id };
        if (notice.chatId !== undefined) click.chatId = notice.chatId;
        this.deps.click(serviceId, click);
      },
      chat === undefined ? undefined : (response) => void this.respond(response, record.id, chat, notice.title, suggested),
    );
  }

  /**
   * Adds what the notifier offers (an answer field, the buttons) to a chat's notification; answers the suggested
   * text its first button types, if it has one (`suggest`: whether one may be offered).
   */
  private offerResponses(shown: OsNotification, chat: ChatRef, message: string | undefined, suggest: boolean): string | undefined {
    const offers = this.deps.notifier.offers;
    const text = this.deps.responseText?.();
    if (!offers || !text) return undefined;
    const typeable = this.deps.typeReply !== undefined && this.deps.canTypeReply?.(chat) === true;
    if (offers.reply && typeable) shown.replyPlaceholder = text.replyPlaceholder;
    const actions: OsAction[] = [];
    const suggestion = offers.actions && typeable && suggest ? this.deps.suggestion?.(chat, message) : undefined;
    if (suggestion !== undefined) actions.push({ action: 'suggested', title: suggestion.title });
    if (this.deps.markDone) actions.push({ action: 'done', title: text.done });
    if (this.deps.remindLater) actions.push({ action: 'remind-later', title: text.remindLater });
    if (offers.actions && actions.length > 0) shown.actions = actions;
    return suggestion?.text;
  }

  /**
   * An answer or a button of a chat's notification. An answer, or the suggested one (`suggested`), opens the chat
   * with Wasl forward, then is typed into the composer (not sent); the other buttons change the shop's record of the
   * customer and leave the window where it is.
   * While Wasl is locked nothing happens: the notification may have been shown before it locked. Answers whether
   * something was done.
   */
  private respond(response: NotificationResponse, recordId: string, chat: ChatRef, title: string, suggested: string | undefined): boolean {
    if (this.locked()) {
      this.deps.log.warn('notification answer ignored while Wasl is locked', { service: chat.serviceId, type: response.type });
      return false;
    }
    if (response.type === 'reply' || response.action === 'suggested') {
      const typed = response.type === 'reply' ? response.text : (suggested ?? '');
      if (typed.trim() === '' || !this.deps.typeReply) return false;
      this.markRead([recordId]);
      this.deps.reveal(chat.serviceId);
      this.deps.typeReply(chat, typed);
      return true;
    }
    this.markRead([recordId]);
    const now = this.deps.clock.now();
    if (response.action === 'done') this.deps.markDone?.(chat);
    else this.deps.remindLater?.({ at: now + REMIND_LATER_MS, setAt: now, chat, title: title.slice(0, LIMITS.textChars) });
    return true;
  }

  /**
   * Chats with new messages a scheduled check of a sleeping service found (its page notified nothing): one
   * derived notification each, with the chat's newest text and its picture (https only).
   */
  receiveNews(serviceId: string, chats: readonly ChatSummary[]): void {
    for (const chat of chats) {
      const notice: PageNotification = { id: `check-${chat.id}`, title: chat.title, chatId: chat.id, derived: true };
      if (chat.preview !== undefined) notice.body = chat.preview;
      if (chat.avatarUrl?.startsWith('https://') === true) notice.iconUrl = chat.avatarUrl;
      this.receive(serviceId, notice);
    }
  }

  /** A reminder the user set is due: into the tray, and a pop-up unless do-not-disturb or quiet hours hold. */
  remind(reminder: Reminder): void {
    const { store, clock } = this.deps;
    const record: NotificationRecord = {
      id: this.deps.newId(),
      serviceId: reminder.chat.serviceId,
      chatId: reminder.chat.chatId,
      title: reminder.title,
      body: this.deps.reminderText(),
      at: clock.now(),
      read: false,
      kind: 'reminder',
    };
    this.keep(record);
    const { notifications: prefs } = store.getState().settings;
    if (isQuiet(prefs, new Date(clock.now()))) return;
    const service = store.getState().services.find((s) => s.id === reminder.chat.serviceId);
    const title = service ? this.deps.serviceTitle(service, reminder.title) : reminder.title;
    const locked = this.locked();
    const shown: OsNotification = locked
      ? { title: LOCKED_TITLE, body: this.deps.reminderText(), silent: !prefs.sound }
      : { title, body: this.deps.reminderText(), silent: !prefs.sound, serviceId: reminder.chat.serviceId };
    if (!locked) this.offerResponses(shown, reminder.chat, undefined, false);
    this.deps.notifier.show(
      shown,
      () => {
        this.markRead([record.id]);
        this.deps.reveal(reminder.chat.serviceId);
        this.deps.openChat(reminder.chat.serviceId, reminder.chat.chatId);
        this.deps.reminderOpened?.(reminder.chat);
      },
      // Answered, done or put off again: the reminder has done its job, as when it is opened.
      (response) => {
        if (this.respond(response, record.id, reminder.chat, reminder.title, undefined)) this.deps.reminderOpened?.(reminder.chat);
      },
    );
  }

  command(cmd: NotificationCommand): CommandResult {
    const { store } = this.deps;
    switch (cmd.type) {
      case 'notifications.read':
        this.markRead(cmd.ids);
        return { ok: true };
      case 'notifications.clear':
        store.setState({ notifications: [] });
        return { ok: true };
      case 'notifications.open': {
        const record = store.getState().notifications.find((n) => n.id === cmd.id);
        if (!record) return { ok: false, error: 'not-found' };
        this.markRead([record.id]);
        this.deps.reveal(record.serviceId);
        if (record.chatId !== undefined) {
          this.deps.openChat(record.serviceId, record.chatId);
          if (record.kind === 'reminder') this.deps.reminderOpened?.({ serviceId: record.serviceId, chatId: record.chatId });
        }
        return { ok: true };
      }
    }
  }

  /**
   * Whether `notice` is a message the service notified a moment ago: the platform's own and a derived one for the
   * same chat (or, when either names no chat, with the same title), in either order. Two of the platform's own for
   * one chat are two messages, and derived ones the agent already keeps apart. Notes `notice` when it is new.
   */
  private shownAlready(serviceId: string, notice: PageNotification): boolean {
    const now = this.deps.clock.now();
    const recent = (this.received.get(serviceId) ?? []).filter((r) => now - r.at < SAME_MESSAGE_MS);
    const same = recent.some(
      (r) => r.derived !== notice.derived && (r.chatId !== undefined && notice.chatId !== undefined ? r.chatId === notice.chatId : r.title === notice.title),
    );
    if (!same) recent.push({ at: now, derived: notice.derived, chatId: notice.chatId, title: notice.title });
    this.received.set(serviceId, recent.slice(-SAME_MESSAGE_KEEP));
    return same;
  }

  /** Drops the message text of every kept notification (reminders' texts are Wasl's own and stay). */
  private forgetText(): void {
    const { store } = this.deps;
    const current = store.getState().notifications;
    if (!current.some((n) => n.body !== undefined && n.kind !== 'reminder')) return;
    store.setState({
      notifications: current.map((n) => {
        if (n.body === undefined || n.kind === 'reminder') return n;
        const { body: _body, ...rest } = n;
        return rest;
      }),
    });
  }

  private locked(): boolean {
    return this.deps.store.getState().lock?.locked === true;
  }

  /** Into the tray: at most KEEP records, and a full tray gives way in the service with the most. */
  private keep(record: NotificationRecord): void {
    const kept = [...this.deps.store.getState().notifications, record];
    this.deps.store.setState({ notifications: kept.length > KEEP ? evictFairly(kept, kept.length - KEEP) : kept });
  }

  /** The shop is closed: count the pop-up, to say at opening time how many came in. */
  private hold(): void {
    this.held += 1;
    this.opening ??= this.scheduleOpening();
  }

  private scheduleOpening(): TimerHandle | undefined {
    const { clock, store } = this.deps;
    const at = nextChange(businessHours(store.getState().settings.shop), new Date(clock.now()));
    // Never opens: what was held stays in the tray, with no pop-up to follow.
    if (at === undefined) return undefined;
    return clock.setTimeout(() => this.opened(), Math.max(0, at.getTime() - clock.now()));
  }

  /** Opening time: one pop-up for everything held, unless the shop is still closed (its hours changed). */
  private opened(): void {
    this.opening = undefined;
    const { store, clock } = this.deps;
    const { shop, notifications: prefs } = store.getState().settings;
    const now = new Date(clock.now());
    if (shop.holdOutsideHours && isAway(shop, now)) {
      this.opening = this.scheduleOpening();
      return;
    }
    const held = this.held;
    this.held = 0;
    if (held === 0 || isQuiet(prefs, now)) return;
    this.deps.log.info('notifications held while closed', { held });
    this.deps.notifier.show({ title: 'Wasl', body: this.deps.heldText(held), silent: !prefs.sound }, () => this.deps.showInbox());
  }

  /** Marks these notifications read (all when `ids` is undefined), changing the store only if something changed. */
  private markRead(ids: readonly string[] | undefined): void {
    const { store } = this.deps;
    const wanted = ids === undefined ? undefined : new Set(ids);
    const current = store.getState().notifications;
    const notifications = current.map((n) => (n.read || (wanted !== undefined && !wanted.has(n.id)) ? n : { ...n, read: true }));
    if (notifications.some((n, i) => n !== current[i])) store.setState({ notifications });
  }

  /** The recent notifications of a service, with those older than COALESCE_MS dropped. */
  private burst(serviceId: string): Burst {
    const burst = this.bursts.get(serviceId) ?? { shown: [], held: 0 };
    const now = this.deps.clock.now();
    burst.shown = burst.shown.filter((at) => now - at < COALESCE_MS);
    this.bursts.set(serviceId, burst);
    return burst;
  }

  /** The end of a flood: one notification for everything held back, opening the service. */
  private release(serviceId: string): void {
    const burst = this.bursts.get(serviceId);
    if (!burst) return;
    const held = burst.held;
    burst.held = 0;
    burst.timer = undefined;
    burst.shown = [];
    const state = this.deps.store.getState();
    const service = state.services.find((s) => s.id === serviceId);
    if (held === 0 || !service?.enabled || service.muted || isQuiet(state.settings.notifications, new Date(this.deps.clock.now()))) return;
    this.deps.log.info('coalesced notifications', { service: serviceId, held });
    const title = this.locked() ? LOCKED_TITLE : this.deps.serviceTitle(service);
    this.deps.notifier.show({ title, body: this.deps.coalescedText(held), silent: true, serviceId }, () => this.deps.reveal(serviceId));
  }
}

/** Data fields of a worker's notification that may name its chat (telegram-tt's `chatId`; a channel's or a peer's id). */
const CHAT_FIELD = /chat|channel|peer|conversation|thread/i;

/**
 * A service worker's notification as one of the service's own, with `id` (main's: a click on it opens its chat in
 * the page). Its chat is the known chat its tag or a chat-naming data field names — exactly, or as the last part of
 * a route-like id (Discord's `<guild>/<channel>`) — else the one known chat titled as the notification is.
 */
export function fromWorker(notice: WorkerNotification, id: string, chats: readonly ChatSummary[]): PageNotification {
  const out: PageNotification = { id, title: notice.title, derived: false };
  if (notice.body !== undefined) out.body = notice.body;
  if (notice.icon !== undefined) out.iconUrl = notice.icon;
  if (notice.tag !== undefined) out.tag = notice.tag;
  const chatId = workerChat(notice, chats);
  if (chatId !== undefined) out.chatId = chatId;
  return out;
}

function workerChat(notice: WorkerNotification, chats: readonly ChatSummary[]): string | undefined {
  const hints = [notice.tag ?? '', ...(notice.data ?? []).filter(([key]) => CHAT_FIELD.test(key)).map(([, value]) => value)];
  for (const hint of hints) {
    if (hint === '') continue;
    const chat = chats.find((c) => c.id === hint || c.id.endsWith(`/${hint}`));
    if (chat) return chat.id;
  }
  const titled = chats.filter((c) => c.title === notice.title);
  return titled.length === 1 ? titled[0]?.id : undefined;
}

/**
 * `records` without `excess` of them: each time the oldest record of the service holding the most, so a service
 * that floods the tray pushes out its own records, and another's only down to an equal share.
 */
function evictFairly(records: readonly NotificationRecord[], excess: number): NotificationRecord[] {
  const counts = new Map<string, number>();
  for (const record of records) counts.set(record.serviceId, (counts.get(record.serviceId) ?? 0) + 1);
  const drop = new Map<string, number>();
  for (let i = 0; i < excess; i += 1) {
    let most: string | undefined;
    for (const [id, count] of counts) if (most === undefined || count > (counts.get(most) ?? 0)) most = id;
    if (most === undefined) break;
    counts.set(most, (counts.get(most) ?? 0) - 1);
    drop.set(most, (drop.get(most) ?? 0) + 1);
  }
  return records.filter((record) => {
    const left = drop.get(record.serviceId) ?? 0;
    if (left === 0) return true;
    drop.set(record.serviceId, left - 1);
    return false;
  });
}
