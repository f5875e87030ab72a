/**
 * Notifications from the services: what each page raised (or what its agent derived from a rising unread count)
 * goes into the tray (main's store, the newest 500) and, under Wasl's rules, becomes one OS notification — none
 * for a muted service or while do-not-disturb or quiet hours hold, no text in private mode, a flood from one
 * service summed up as "N more new messages". A click, on the OS notification or in the tray, brings that service
 * forward with that exact chat open.
 */
import type { Command, CommandResult, ServiceNotice } from '../../common/ipc';
import type { NotificationRecord } from '../../common/model';
import { isQuiet } from '../../common/quiet';
import type { AppStore } from './app-store';
import type { Clock, Logger, TimerHandle } from './ports';

export interface OsNotification {
  title: string;
  body?: string;
  silent: boolean;
  /** The sender's picture (https or data: address), fetched by the adapter. */
  iconUrl?: string;
  /** The service whose session may fetch the picture. */
  serviceId: string;
}

/** How Wasl shows a notification on the OS. */
export interface NotifierPort {
  show(notification: OsNotification, onClick: () => void): void;
}

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
  /** "12 more new messages", and "New message" for private mode, in the user's language. */
  coalescedText(count: number): string;
  privateText(): string;
}

/** Shown one by one: this many notifications per service within COALESCE_MS; the rest are summed up. */
export const PER_SERVICE_BURST = 3;
export const COALESCE_MS = 10_000;
/** Notifications kept in the tray; the oldest go first. */
export const KEEP = 500;

type NotificationCommand = Extract<Command, { type: `notifications.${string}` }>;

interface Burst {
  shown: number[];
  held: number;
  timer?: TimerHandle | undefined;
}

export class NotificationCenter {
  private readonly bursts = new Map<string, Burst>();

  constructor(private readonly deps: NotificationCenterDeps) {}

  receive(serviceId: string, notice: ServiceNotice): void {
    const { store, clock } = this.deps;
    const service = store.getState().services.find((s) => s.id === serviceId);
    if (!service?.enabled) return;
    const record: NotificationRecord = { id: this.deps.newId(), serviceId, title: notice.title, at: clock.now(), read: false };
    if (notice.body !== undefined) record.body = notice.body;
    if (notice.iconUrl !== undefined) record.iconUrl = notice.iconUrl;
    if (notice.tag !== undefined) record.tag = notice.tag;
    if (notice.chatId !== undefined) record.chatId = notice.chatId;
    const kept = [...store.getState().notifications, record];
    store.setState({ notifications: kept.length > KEEP ? kept.slice(kept.length - KEEP) : kept });

    const { notifications: prefs } = store.getState().settings;
    if (service.muted || isQuiet(prefs, new Date(clock.now()))) return;
    const burst = this.burst(serviceId);
    if (burst.shown.length >= PER_SERVICE_BURST) {
      burst.held += 1;
      burst.timer ??= clock.setTimeout(() => this.release(serviceId), COALESCE_MS - (clock.now() - (burst.shown[0] ?? 0)));
      return;
    }
    burst.shown.push(clock.now());
    const shown: OsNotification = prefs.privateMode
      ? { title: service.name, body: this.deps.privateText(), silent: !prefs.sound, serviceId }
      : { title: notice.title, silent: !prefs.sound, serviceId };
    if (!prefs.privateMode) {
      if (notice.body !== undefined) shown.body = notice.body;
      if (notice.iconUrl !== undefined) shown.iconUrl = notice.iconUrl;
    }
    this.deps.notifier.show(shown, () => {
      this.markRead([record.id]);
      this.deps.reveal(serviceId);
      const click: { id: string; chatId?: string } = { id: notice.id };
      if (notice.chatId !== undefined) click.chatId = notice.chatId;
      this.deps.click(serviceId, click);
    });
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
        if (record.chatId !== undefined) this.deps.openChat(record.serviceId, record.chatId);
        return { ok: true };
      }
    }
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
    this.deps.notifier.show({ title: service.name, body: this.deps.coalescedText(held), silent: true, serviceId }, () => this.deps.reveal(serviceId));
  }
}
