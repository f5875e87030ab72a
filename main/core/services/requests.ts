/**
 * What is asked of a service's page: open a chat, type a quick reply, handle a click on one of its
 * notifications. A page that is asleep or waking cannot take a request yet: it waits until the page's connector
 * reports (a quick reply also waits for a page still loading, up to PAGE_WAIT_MS), then goes. A page that goes away
 * meanwhile drops what waited for it. An answer to a chat (typed in a notification) opens that chat first and, when
 * the page's connector says which chat is open, is typed only once it reports that chat open.
 */
import { CHANNELS } from '../../../common/channels';
import type { Command, CommandResult } from '../../../common/ipc';
import type { ServiceConfig } from '../../../common/model';
import type { Clock, Logger, TimerHandle, ViewsPort } from '../app/ports';

/** How long a page has to answer whether it typed a quick reply into its composer. */
export const INSERT_TIMEOUT_MS = 5_000;
/** How long a quick reply waits for a sleeping or loading page to come up and report. */
export const PAGE_WAIT_MS = 60_000;

export type RequestCommand = Extract<Command, { type: 'service.openChat' | 'service.insertText' }>;

export interface PageRequestsDeps {
  views: Pick<ViewsPort, 'send' | 'focus'>;
  clock: Clock;
  log: Logger;
  newId: () => string;
  service(id: string): ServiceConfig | undefined;
  /** Whether the service's page is unloaded to free its process. */
  asleep(id: string): boolean;
  /** Whether the service's connector has reported since its page last loaded. */
  reportedSinceLoad(id: string): boolean;
  /** Brings the service forward: what is asked of its page is something the user wants to see. */
  activate(id: string): void;
  /** The chat the service's page last reported open; undefined when its connector cannot tell. */
  activeChat(id: string): string | undefined;
}

interface Insert {
  serviceId: string;
  done: (ok: boolean | undefined) => void;
  /** Sends the text, once the page can take it. */
  deliver?: () => void;
  /** The text goes only once the page reports this chat open. */
  chatId?: string;
}

export class PageRequests {
  /** Services woken from sleep whose page has not reported yet. */
  private readonly waking = new Set<string>();
  /** A chat to open once the waking page's connector reports; `notice`: the notification click that asked for it. */
  private readonly pendingChats = new Map<string, { chatId: string; notice?: string }>();
  /** Quick replies sent to a page, waiting for it to say whether it typed them. */
  private readonly inserts = new Map<string, Insert>();

  constructor(private readonly deps: PageRequestsDeps) {}

  command(cmd: RequestCommand): CommandResult | Promise<CommandResult> {
    if (cmd.type === 'service.insertText') return cmd.chatId === undefined ? this.insertText(cmd.id, cmd.text) : this.typeInChat(cmd.id, cmd.chatId, cmd.text);
    if (!this.deps.service(cmd.id)) return { ok: false, error: 'not-found' };
    this.openChat(cmd.id, cmd.chatId);
    return { ok: true };
  }

  /** The service's page is up and its connector has reported since it loaded: it can take a request now. */
  pageReported(id: string): boolean {
    return !this.asleepOrWaking(id) && this.deps.reportedSinceLoad(id);
  }

  /** A sleeping page is loading again: what is asked of it waits until its connector reports. */
  pageWaking(id: string): void {
    this.waking.add(id);
  }

  /** The page's connector reported: what waited for it goes now. */
  connectorReported(id: string): void {
    this.waking.delete(id);
    const pendingChat = this.pendingChats.get(id);
    if (pendingChat !== undefined) {
      this.pendingChats.delete(id);
      if (pendingChat.notice === undefined) this.deps.views.send(id, CHANNELS.serviceOpenChat, pendingChat.chatId);
      else {
        // The woken page no longer knows the notification: it opens the chat and puts the caret in its composer.
        this.deps.views.focus(id);
        this.deps.views.send(id, CHANNELS.serviceNotificationClick, { id: pendingChat.notice, chatId: pendingChat.chatId });
      }
    }
    for (const pending of this.inserts.values()) {
      if (pending.serviceId !== id || !pending.deliver) continue;
      if (pending.chatId !== undefined && this.deps.activeChat(id) !== pending.chatId) continue;
      const deliver = pending.deliver;
      delete pending.deliver;
      deliver();
    }
  }

  /** The page went away (asleep, reloading, off or removed): nothing waits for it any more. */
  pageClosed(id: string): void {
    this.pendingChats.delete(id);
    this.waking.delete(id);
    for (const pending of [...this.inserts.values()]) if (pending.serviceId === id) pending.done(undefined);
  }

  /**
   * A click on one of the service's notifications: its page takes the keyboard focus and handles it (the page's
   * own handler, or opening the chat with the caret in its composer); a page that is asleep or still waking cannot,
   * so the chat opens once it has woken.
   */
  notificationClicked(id: string, click: { id: string; chatId?: string }): void {
    if (!this.asleepOrWaking(id)) {
      this.deps.views.focus(id);
      this.deps.views.send(id, CHANNELS.serviceNotificationClick, click);
    } else if (click.chatId !== undefined) this.openChat(id, click.chatId, click.id);
  }

  /**
   * Brings the service forward and asks its page to open the chat (by its route, or by clicking its row); a page
   * that is still waking gets the request once its connector reports.
   */
  openChat(id: string, chatId: string, notice?: string): void {
    const later = this.asleepOrWaking(id);
    this.deps.activate(id);
    if (later) this.pendingChats.set(id, notice === undefined ? { chatId } : { chatId, notice });
    else this.deps.views.send(id, CHANNELS.serviceOpenChat, chatId);
  }

  /**
   * Opens the chat, then types `text` into its composer; never sends it. A page whose connector says which chat is
   * open gets the text once it reports that chat open (at once when it already is), so the text never lands in the
   * chat that was open before. A page that cannot tell gets it right after the request to open the chat.
   */
  typeInChat(id: string, chatId: string, text: string): Promise<CommandResult> {
    if (this.deps.service(id)?.enabled !== true) return Promise.resolve({ ok: false, error: 'not-found' });
    const active = this.deps.activeChat(id);
    this.openChat(id, chatId);
    return this.insertText(id, text, active === undefined || active === chatId ? undefined : chatId);
  }

  /** The page's answer to insertText. Answers from another service's page, or late ones, are ignored. */
  insertResult(id: string, requestId: string, ok: boolean): void {
    const pending = this.inserts.get(requestId);
    if (pending?.serviceId === id) pending.done(ok);
  }

  /**
   * Types a quick reply into the service's open chat; the page answers whether it found a message box. A page
   * that is asleep, waking or still loading gets the text once its connector has reported (as openChat does); with
   * `chatId`, once it has reported that chat open.
   */
  private insertText(id: string, text: string, chatId?: string): Promise<CommandResult> {
    if (this.deps.service(id)?.enabled !== true) return Promise.resolve({ ok: false, error: 'not-found' });
    const { clock, log, views } = this.deps;
    const requestId = this.deps.newId();
    return new Promise((resolve) => {
      let timer: TimerHandle | undefined;
      const finish = (ok: boolean | undefined): void => {
        if (!this.inserts.delete(requestId)) return;
        if (timer !== undefined) clock.clearTimeout(timer);
        if (ok === true) resolve({ ok: true });
        else if (ok === false) resolve({ ok: false, error: 'no-composer' });
        else {
          log.warn('the page did not say whether it typed the quick reply', { service: id });
          resolve({ ok: false, error: 'failed', detail: 'no answer' });
        }
      };
      const deliver = (): void => {
        if (timer !== undefined) clock.clearTimeout(timer);
        timer = clock.setTimeout(() => finish(undefined), INSERT_TIMEOUT_MS);
        views.send(id, CHANNELS.serviceInsertText, { requestId, text });
      };
      this.deps.activate(id);
      if (chatId === undefined && this.pageReported(id)) {
        this.inserts.set(requestId, { serviceId: id, done: finish });
        deliver();
      } else {
        this.inserts.set(requestId, chatId === undefined ? { serviceId: id, done: finish, deliver } : { serviceId: id, done: finish, deliver, chatId });
        timer = clock.setTimeout(() => finish(undefined), PAGE_WAIT_MS);
      }
    });
  }

  private asleepOrWaking(id: string): boolean {
    return this.waking.has(id) || this.deps.asleep(id);
  }
}
