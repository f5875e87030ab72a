/**
 * The life of each service's page: it starts lazily (the active service and those always on), keeps its runtime
 * status from the events its view reports and from its connector's reports, reloads crashed, hung and offline
 * pages with backoff, sleeps and wakes when the power scheduler (main/core/power/power.ts) says so, and shows the
 * visible service's view in the viewport the shell leaves for it. It talks to Electron only through ViewsPort.
 */
import { PLATFORMS } from '../../../common/catalog';
import { risen } from '../../../common/chats-delta';
import type { Command, CommandResult, Rect, ServiceUpdate } from '../../../common/ipc';
import type { ChatSummary, ServiceConfig, ServiceSnapshot } from '../../../common/model';
import { powerPolicy } from '../../../common/power';
import { visibleServiceId, type ServiceStatus } from '../../../common/state';
import { titleUnread } from '../../../common/title';
import { updateRuntime, type AppStore } from '../app/app-store';
import type { Clock, Logger, TimerHandle, ViewsPort } from '../app/ports';
import { withPhone } from '../chats/phones';
import { HANG_GRACE_MS, MAX_CRASHES, retryDelay, STABLE_MS } from './backoff';

/** What a service view reports about its page. */
export type ViewEvent =
  | { type: 'loading' }
  | { type: 'loaded'; url: string }
  | { type: 'navigated'; url: string }
  | { type: 'load-failed'; code: number; description: string; url: string }
  | { type: 'crashed'; reason: string }
  | { type: 'unresponsive' }
  | { type: 'responsive' }
  | { type: 'title'; title: string };

/** Why a sleeping service wakes: someone uses it, or its scheduled check. */
export type WakeReason = 'use' | 'check';

export type LifecycleCommand = Extract<Command, { type: 'service.reload' | 'service.sleep' }>;

export interface PageLifecycleDeps {
  store: AppStore;
  views: Pick<ViewsPort, 'open' | 'close' | 'reload' | 'present' | 'setAudioMuted'>;
  clock: Clock;
  log: Logger;
  /** The latest chats the service's connector reported: whether it is signed in, what a check compares. */
  snapshot(id: string): ServiceSnapshot | undefined;
  /** A sleeping page is loading again: what is asked of it waits until its connector reports. */
  pageWaking(id: string): void;
  /** The page goes away (asleep, reloading, off or removed); unless `keepChats`, its chats go with it. */
  pageClosed(id: string, keepChats: boolean): void;
  /** Chats with new messages found by a scheduled check of a sleeping service (phones normalized). */
  onNews(id: string, chats: ChatSummary[]): void;
}

/** Chromium's net error for a navigation that was cancelled (by us, or by a newer navigation): not a failure. */
const ERR_ABORTED = -3;

const TIMER_KINDS = ['retry', 'stable', 'hang'] as const;
type Timers = Partial<Record<(typeof TIMER_KINDS)[number], TimerHandle>>;

/** Statuses a service may be put to sleep from: its page is up (signed in or not). */
const SLEEPY: ReadonlySet<ServiceStatus> = new Set(['ready', 'logged-out']);

/** What a scheduled check compares against: the chats before it, and the chats the page notified during it. */
interface Check {
  before: ServiceSnapshot | undefined;
  noticed: Set<string>;
}

export class PageLifecycle {
  private readonly store: AppStore;
  private readonly views: PageLifecycleDeps['views'];
  private readonly clock: Clock;
  private readonly log: Logger;
  /** Where each sleeping service's page was, to wake it on the same page. */
  private readonly resumeUrls = new Map<string, string>();
  private readonly checks = new Map<string, Check>();
  private readonly timers = new Map<string, Timers>();
  private rect: Rect | null = null;
  private presented: { id: string | null; rect: Rect | null } | undefined;

  constructor(private readonly deps: PageLifecycleDeps) {
    this.store = deps.store;
    this.views = deps.views;
    this.clock = deps.clock;
    this.log = deps.log;
  }

  /**
   * Open the active service and those always on, and show the active one; every other one not started yet
   * (idle) starts asleep.
   */
  start(): void {
    const { services, activeServiceId, runtime } = this.store.getState();
    for (const service of services) {
      if (!service.enabled) continue;
      if (service.id === activeServiceId || powerPolicy(service).alwaysOn) this.open(service);
      else if (runtime[service.id]?.status === 'idle') updateRuntime(this.store, service.id, { status: 'asleep' });
    }
    this.present();
  }

  command(cmd: LifecycleCommand): CommandResult {
    if (cmd.type === 'service.sleep') return this.userSleep(cmd.id);
    const service = this.service(cmd.id);
    if (!service) return { ok: false, error: 'not-found' };
    this.userReload(service);
    return { ok: true };
  }

  /** Create the service's view and load its start page (muted if the service is). */
  open(service: ServiceConfig, resumeUrl?: string): void {
    this.views.open(service, resumeUrl);
    if (service.muted) this.views.setAudioMuted(service.id, true);
  }

  /** The service is turned off or removed: its page closes, and all that was kept for it goes. */
  close(id: string): void {
    this.forget(id, false);
    this.views.close(id);
  }

  /**
   * Unload a service to free its process, keeping its chats for the inbox. Never the one in front, and only
   * once its page has settled (a failing page keeps its own retry schedule) unless `anyStatus`. Answers whether
   * it went to sleep.
   */
  sleep(id: string, anyStatus = false): boolean {
    const state = this.store.getState();
    const runtime = state.runtime[id];
    if (!this.service(id)?.enabled || !runtime || runtime.status === 'asleep') return false;
    if (!anyStatus && !SLEEPY.has(runtime.status)) return false;
    if (state.view === 'service' && state.activeServiceId === id) return false;
    this.clearTimers(id);
    this.checks.delete(id);
    this.deps.pageClosed(id, true);
    const url = this.views.close(id);
    if (url !== undefined && url !== '') this.resumeUrls.set(id, url);
    updateRuntime(this.store, id, { status: 'asleep', asleepSince: this.clock.now(), checking: undefined, connected: false, degraded: false });
    this.log.info('service asleep', { service: id });
    return true;
  }

  /** Load a sleeping service again, on the page it was at. A check wakes it only until endCheck. */
  wake(id: string, reason: WakeReason): void {
    const service = this.service(id);
    const runtime = this.store.getState().runtime[id];
    if (!service?.enabled || !runtime) return;
    if (runtime.status !== 'asleep') {
      if (reason === 'use' && runtime.checking === true) this.endCheck(id);
      return;
    }
    if (reason === 'check') this.checks.set(id, { before: this.deps.snapshot(id), noticed: new Set() });
    updateRuntime(this.store, id, { status: 'loading', checking: reason === 'check' ? true : undefined });
    this.deps.pageWaking(id);
    this.open(service, this.resumeUrls.get(id));
    this.log.info('service waking', { service: id, reason });
  }

  /** A scheduled check is over: report the chats that got new messages meanwhile (unless the page did). */
  endCheck(id: string): void {
    const check = this.checks.get(id);
    this.checks.delete(id);
    updateRuntime(this.store, id, { checking: undefined });
    const now = this.deps.snapshot(id);
    if (!check?.before || !now) return;
    const news = risen(check.before.chats, now.chats).filter((chat) => !check.noticed.has(chat.id));
    if (news.length > 0) this.deps.onNews(id, news.map((chat) => withPhone(chat, this.store.getState().settings.defaultRegion)));
  }

  /** The page notified this chat itself: a check running on it does not report it again. */
  noticed(id: string, chatId: string): void {
    this.checks.get(id)?.noticed.add(chatId);
  }

  /** Something happened in a service's page. Events of removed or disabled services are ignored. */
  viewEvent(id: string, event: ViewEvent): void {
    const service = this.service(id);
    const runtime = this.store.getState().runtime[id];
    if (!service?.enabled || !runtime) return;
    switch (event.type) {
      case 'loading':
        if (runtime.status !== 'unresponsive') updateRuntime(this.store, id, { status: 'loading' });
        return;
      case 'loaded':
      case 'navigated':
        if (event.type === 'navigated' && runtime.status !== 'ready' && runtime.status !== 'logged-out') return;
        this.settle(service, event.url);
        return;
      case 'load-failed':
        if (event.code === ERR_ABORTED) return;
        this.fail(service, 'offline', event.description || `error ${event.code}`);
        return;
      case 'crashed':
        this.fail(service, 'crashed', event.reason);
        return;
      case 'unresponsive':
        this.onHang(service);
        return;
      case 'responsive':
        this.clearTimer(id, 'hang');
        if (runtime.status === 'unresponsive') updateRuntime(this.store, id, { status: 'ready' });
        return;
      case 'title': {
        const fromTitle = titleUnread(event.title);
        updateRuntime(this.store, id, { titleUnread: fromTitle, unread: runtime.connected ? runtime.unread : fromTitle });
        return;
      }
    }
  }

  /** The page's connector reported (an update the chats store applied): the page is connected, and says how it is. */
  connectorReported(id: string, update: ServiceUpdate): void {
    const runtime = this.store.getState().runtime[id];
    if (!runtime) return;
    updateRuntime(this.store, id, {
      connected: true,
      unread: update.unread.direct,
      status: pageStatus(runtime.status, update.loggedIn),
      degraded: update.degraded ?? false,
      refusal: update.refusal,
      lastUpdate: this.clock.now(),
      ...(update.health === undefined ? {} : { health: update.health }),
    });
  }

  /** The rectangle the shell leaves for the service page, or null while a dialog covers it. */
  setViewport(rect: Rect | null): void {
    this.rect = rect;
    this.present();
  }

  /** Shows the view of the service in front, if any, in the viewport (once per change). */
  present(): void {
    const id = visibleServiceId(this.store.getState());
    const rect = id === null ? null : this.rect;
    if (this.presented?.id === id && this.presented.rect === rect) return;
    this.presented = { id, rect };
    this.views.present(id, rect);
  }

  private service(id: string): ServiceConfig | undefined {
    return this.store.getState().services.find((s) => s.id === id);
  }

  private userReload(service: ServiceConfig): void {
    if (!service.enabled) return;
    // Its chats stay in the inbox while the page loads again.
    this.forget(service.id, true);
    const runtime = this.store.getState().runtime[service.id];
    const hard = runtime?.status === 'unresponsive';
    updateRuntime(this.store, service.id, { status: 'loading', failures: 0, retryAt: undefined, lastError: undefined });
    this.views.reload(service, hard);
  }

  /** "Sleep now" from the resources screen: the one in front gives way to the inbox first. */
  private userSleep(id: string): CommandResult {
    const state = this.store.getState();
    const status = state.runtime[id]?.status;
    if (!this.service(id)?.enabled || status === undefined) return { ok: false, error: 'not-found' };
    if (status === 'asleep') return { ok: true };
    if (state.view === 'service' && state.activeServiceId === id) this.store.setState({ view: 'inbox' });
    return this.sleep(id, true) ? { ok: true } : { ok: false, error: 'failed' };
  }

  /** The page finished loading or moved: ready, or logged out when it sits on a sign-in page. */
  private settle(service: ServiceConfig, url: string): void {
    const onSignIn = PLATFORMS[service.platform].signInPrefixes.some((prefix) => {
      try {
        const u = new URL(url);
        return `${u.origin}${u.pathname}`.startsWith(prefix);
      } catch {
        return false;
      }
    });
    const loggedIn = !onSignIn && (this.deps.snapshot(service.id)?.loggedIn ?? true);
    updateRuntime(this.store, service.id, { status: loggedIn ? 'ready' : 'logged-out', retryAt: undefined });
    this.clearTimer(service.id, 'retry');
    this.clearTimer(service.id, 'stable');
    this.setTimer(service.id, 'stable', STABLE_MS, () => {
      updateRuntime(this.store, service.id, { failures: 0, lastError: undefined });
    });
  }

  private onHang(service: ServiceConfig): void {
    updateRuntime(this.store, service.id, { status: 'unresponsive' });
    this.clearTimer(service.id, 'hang');
    this.setTimer(service.id, 'hang', HANG_GRACE_MS, () => this.fail(service, 'unresponsive', 'not responding'));
  }

  /** A crash, a hang that did not recover, or a failed load: schedule a reload, or give up after too many. */
  private fail(service: ServiceConfig, status: 'crashed' | 'unresponsive' | 'offline', reason: string): void {
    const runtime = this.store.getState().runtime[service.id];
    if (!runtime) return;
    this.clearTimer(service.id, 'stable');
    this.clearTimer(service.id, 'hang');
    this.clearTimer(service.id, 'retry');
    const failures = runtime.failures + 1;
    if (status !== 'offline' && failures >= MAX_CRASHES) {
      this.log.error('service keeps failing, stopped reloading it', { service: service.id, failures, reason });
      this.views.close(service.id);
      updateRuntime(this.store, service.id, { status: 'failed', failures, lastError: reason, retryAt: undefined });
      return;
    }
    const delay = retryDelay(failures);
    this.log.warn('service failed, reloading', { service: service.id, status, reason, failures, delay });
    updateRuntime(this.store, service.id, { status, failures, lastError: reason, retryAt: this.clock.now() + delay });
    this.setTimer(service.id, 'retry', delay, () => {
      const current = this.service(service.id);
      if (!current?.enabled) return;
      updateRuntime(this.store, service.id, { status: 'loading', retryAt: undefined });
      this.views.reload(current, status === 'unresponsive');
    });
  }

  private setTimer(id: string, kind: keyof Timers, ms: number, fn: () => void): void {
    const timers = this.timers.get(id) ?? {};
    timers[kind] = this.clock.setTimeout(() => {
      timers[kind] = undefined;
      fn();
    }, ms);
    this.timers.set(id, timers);
  }

  private clearTimer(id: string, kind: keyof Timers): void {
    const timers = this.timers.get(id);
    const handle = timers?.[kind];
    if (timers && handle !== undefined) {
      this.clock.clearTimeout(handle);
      timers[kind] = undefined;
    }
  }

  private clearTimers(id: string): void {
    for (const kind of TIMER_KINDS) this.clearTimer(id, kind);
  }

  /** Drop every timer, resume address and check of a service whose page is being reloaded or closed for good. */
  private forget(id: string, keepChats: boolean): void {
    this.clearTimers(id);
    this.resumeUrls.delete(id);
    this.checks.delete(id);
    this.deps.pageClosed(id, keepChats);
  }
}

function pageStatus(current: ServiceStatus, loggedIn: boolean): ServiceStatus {
  if (current !== 'ready' && current !== 'logged-out') return current;
  return loggedIn ? 'ready' : 'logged-out';
}
