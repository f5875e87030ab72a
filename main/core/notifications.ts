/**
 * Notifications from the services: what each page raised (or what its agent derived from a rising unread count)
 * becomes one OS notification under Wasl's rules — none for a muted service, and a flood from one service coalesced
 * into a single "N new messages" — and a click brings that service forward with that exact chat open.
 */
import type { ServiceNotice } from '../../common/ipc';
import type { NotificationRecord } from '../../common/model';
import type { AppStore } from './app-store';
import type { Clock, Logger, TimerHandle } from './ports';

/** How Wasl shows a notification on the OS. */
export interface NotifierPort {
  show(notification: { title: string; body?: string; silent: boolean }, onClick: () => void): void;
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
  /** "12 more new messages", in the user's language. */
  coalescedText(count: number): string;
}

/** Shown one by one: this many notifications per service within COALESCE_MS; the rest are summed up. */
export const PER_SERVICE_BURST = 3;
export const COALESCE_MS = 10_000;
/** Notifications kept (for the tray to come); the oldest go first. */
export const KEEP = 500;

interface Window {
  shown: number[];
  held: number;
  timer?: TimerHandle;
}

export class NotificationCenter {
  private readonly windows = new Map<string, Window>();
  private readonly records: NotificationRecord[] = [];

  constructor(private readonly deps: NotificationCenterDeps) {}

  /** What was received, newest last. */
  get history(): readonly NotificationRecord[] {
    return this.records;
  }

  receive(serviceId: string, notice: ServiceNotice): void {
    const service = this.deps.store.getState().services.find((s) => s.id === serviceId);
    if (!service?.enabled) return;
    const record: NotificationRecord = { id: this.deps.newId(), serviceId, title: notice.title, at: this.deps.clock.now(), read: false };
    if (notice.body !== undefined) record.body = notice.body;
    if (notice.iconUrl !== undefined) record.iconUrl = notice.iconUrl;
    if (notice.tag !== undefined) record.tag = notice.tag;
    if (notice.chatId !== undefined) record.chatId = notice.chatId;
    this.records.push(record);
    if (this.records.length > KEEP) this.records.splice(0, this.records.length - KEEP);
    if (service.muted) return;

    const window = this.window(serviceId);
    if (window.shown.length >= PER_SERVICE_BURST) {
      window.held += 1;
      window.timer ??= this.deps.clock.setTimeout(() => this.release(serviceId), COALESCE_MS - (this.deps.clock.now() - (window.shown[0] ?? 0)));
      return;
    }
    window.shown.push(this.deps.clock.now());
    const shown: { title: string; body?: string; silent: boolean } = { title: notice.title, silent: false };
    if (notice.body !== undefined) shown.body = notice.body;
    this.deps.notifier.show(shown, () => {
      this.deps.reveal(serviceId);
      const click: { id: string; chatId?: string } = { id: notice.id };
      if (notice.chatId !== undefined) click.chatId = notice.chatId;
      this.deps.click(serviceId, click);
    });
  }

  /** The window of recent notifications of a service, with those older than COALESCE_MS dropped. */
  private window(serviceId: string): Window {
    const window = this.windows.get(serviceId) ?? { shown: [], held: 0 };
    const now = this.deps.clock.now();
    window.shown = window.shown.filter((at) => now - at < COALESCE_MS);
    this.windows.set(serviceId, window);
    return window;
  }

  /** The end of a flood: one notification for everything held back, opening the service. */
  private release(serviceId: string): void {
    const window = this.windows.get(serviceId);
    if (!window) return;
    const held = window.held;
    window.held = 0;
    window.timer = undefined;
    window.shown = [];
    const service = this.deps.store.getState().services.find((s) => s.id === serviceId);
    if (held === 0 || !service?.enabled || service.muted) return;
    this.deps.log.info('coalesced notifications', { service: serviceId, held });
    this.deps.notifier.show({ title: service.name, body: this.deps.coalescedText(held), silent: true }, () => this.deps.reveal(serviceId));
  }
}
