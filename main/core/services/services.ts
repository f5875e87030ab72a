/**
 * The service controller: carries out the shell's commands, keeps each service's runtime status from the
 * events its view reports, reloads crashed, hung and offline pages with backoff, and decides which view is in
 * front. It starts lazily (the active service and those always on) and puts services to sleep and wakes them
 * when the power scheduler (main/core/power.ts) says so, keeping their last chats. It talks to Electron only
 * through ViewsPort.
 */
import { defaultServiceName, parseCustomUrl, PLATFORMS } from '../../../common/catalog';
import { CHANNELS } from '../../../common/channels';
import type { ChatsDelta, Command, CommandResult, Rect, ServiceUpdate } from '../../../common/ipc';
import type { ChatSummary, PlatformId, ServiceConfig, ServiceSnapshot } from '../../../common/model';
import type { ChatActivity } from '../../../common/shop/model';
import { powerPolicy } from '../../../common/power';
import { initialRuntime, visibleServiceId, type ServiceStatus } from '../../../common/state';
import { addNotice, updateRuntime, updateService, type AppStore } from '../app/app-store';
import { HANG_GRACE_MS, MAX_CRASHES, retryDelay, STABLE_MS } from './backoff';
import type { Clock, Logger, TimerHandle, ViewsPort } from '../app/ports';
import { titleUnread } from '../../../common/title';
import { withPhone } from '../chats/phones';

/** The commands this controller carries out (people and notifications have their own). */
export type ServiceCommand = Exclude<Extract<Command, { type: `service.${string}` | 'settings.set' | 'notice.dismiss' | 'view.inbox' }>, { type: 'service.saveOutline' }>;

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

/** Chromium's net error for a navigation that was cancelled (by us, or by a newer navigation): not a failure. */
const ERR_ABORTED = -3;

interface Timers {
  retry?: TimerHandle | undefined;
  stable?: TimerHandle | undefined;
  hang?: TimerHandle | undefined;
}

/** Follows who wrote last in each chat (main/core/activity.ts). */
export interface ActivityPort {
  observe(serviceId: string, platform: PlatformId, chat: ChatSummary): ChatActivity | undefined;
  notice(serviceId: string, platform: PlatformId, chatId: string): ChatActivity | undefined;
  activity(serviceId: string, chatId: string): ChatActivity | undefined;
  forget(serviceId: string): void;
}

/** How long a page has to answer whether it typed a quick reply into its composer. */
export const INSERT_TIMEOUT_MS = 5_000;
/** How long a quick reply waits for a sleeping or loading page to come up and report. */
export const PAGE_WAIT_MS = 60_000;

export interface ServiceControllerDeps {
  store: AppStore;
  views: ViewsPort;
  clock: Clock;
  log: Logger;
  newId: () => string;
  /** What changed in a service's chats, as the shell should see it (phones normalized). */
  onChats?: (serviceId: string, delta: ChatsDelta) => void;
  activity?: ActivityPort;
  /** Chats with new messages found by a scheduled check of a sleeping service (the page did not notify them). */
  onNews?: (serviceId: string, chats: ChatSummary[]) => void;
  /** The user removed this service: its data on disk is to be deleted (called in the turn that removes it). */
  onRemoved?: (serviceId: string) => void;
  /** Each service's last-known chats from the previous run (chats.json): the inbox is full before pages report. */
  initialChats?: Record<string, ServiceSnapshot>;
  /** The chats of some service changed (to keep them on disk). */
  onChatsChanged?: () => void;
}

/** Why a sleeping service wakes: someone uses it, or its scheduled check. */
export type WakeReason = 'use' | 'check';

/** What a scheduled check compares against: the chats before it, and the chats the page notified during it. */
interface Check {
  before: ServiceSnapshot | undefined;
  noticed: Set<string>;
}

export class ServiceController {
  private readonly store: AppStore;
  private readonly views: ViewsPort;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly newId: () => string;
  private readonly onChats: (serviceId: string, delta: ChatsDelta) => void;
  private readonly activity: ActivityPort | undefined;
  private readonly onNews: (serviceId: string, chats: ChatSummary[]) => void;
  /** Where each sleeping service's page was, to wake it on the same page. */
  private readonly resumeUrls = new Map<string, string>();
  private readonly checks = new Map<string, Check>();
  /** A chat to open once the waking page's connector reports. */
  private readonly pendingChats = new Map<string, string>();
  /** Services woken from sleep whose page has not reported yet: messages for the page wait until it has. */
  private readonly waking = new Set<string>();
  /** Quick replies sent to a page, waiting for it to say whether it typed them. */
  private readonly inserts = new Map<string, { serviceId: string; done: (ok: boolean | undefined) => void; deliver?: () => void }>();
  private readonly timers = new Map<string, Timers>();
  private readonly seqs = new Map<string, number>();
  /** Each service's latest snapshot, kept out of AppState: chat lists are large and change often. */
  private readonly snapshots = new Map<string, ServiceSnapshot>();
  private rect: Rect | null = null;
  private presented: { id: string | null; rect: Rect | null } | undefined;

  constructor(private readonly deps: ServiceControllerDeps) {
    this.store = deps.store;
    this.views = deps.views;
    this.clock = deps.clock;
    this.log = deps.log;
    this.newId = deps.newId;
    this.onChats = deps.onChats ?? (() => undefined);
    this.activity = deps.activity;
    this.onNews = deps.onNews ?? (() => undefined);
    const enabled = new Set(this.store.getState().services.filter((service) => service.enabled).map((service) => service.id));
    for (const [id, snapshot] of Object.entries(deps.initialChats ?? {})) if (enabled.has(id)) this.snapshots.set(id, snapshot);
    this.store.subscribe((next, prev) => {
      this.present();
      if (next.settings.defaultRegion !== prev.settings.defaultRegion) this.republishChats();
    });
  }

  /**
   * Open the active service and those always on, and show the active one; every other one not started yet
   * (idle) starts asleep.
   */
  start(): void {
    const { services, activeServiceId, runtime } = this.store.getState();
    for (const service of services) {
      if (!service.enabled) continue;
      if (service.id === activeServiceId || powerPolicy(service).alwaysOn) this.openView(service);
      else if (runtime[service.id]?.status === 'idle') updateRuntime(this.store, service.id, { status: 'asleep' });
    }
    this.present();
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
    for (const kind of TIMER_KINDS) this.clearTimer(id, kind);
    this.seqs.delete(id);
    this.checks.delete(id);
    this.pendingChats.delete(id);
    this.waking.delete(id);
    for (const pending of [...this.inserts.values()]) if (pending.serviceId === id) pending.done(undefined);
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
    if (reason === 'check') this.checks.set(id, { before: this.snapshots.get(id), noticed: new Set() });
    updateRuntime(this.store, id, { status: 'loading', checking: reason === 'check' ? true : undefined });
    this.waking.add(id);
    this.openView(service, this.resumeUrls.get(id));
    this.log.info('service waking', { service: id, reason });
  }

  /** A scheduled check is over: report the chats that got new messages meanwhile (unless the page did). */
  endCheck(id: string): void {
    const check = this.checks.get(id);
    this.checks.delete(id);
    updateRuntime(this.store, id, { checking: undefined });
    const now = this.snapshots.get(id);
    if (!check?.before || !now) return;
    const news = newChats(check.before, now).filter((chat) => !check.noticed.has(chat.id));
    if (news.length > 0) this.onNews(id, news.map((chat) => withPhone(chat, this.store.getState().settings.defaultRegion)));
  }

  service(id: string): ServiceConfig | undefined {
    return this.store.getState().services.find((s) => s.id === id);
  }

  /** The rectangle the shell leaves for the service page, or null while a dialog covers it. */
  setViewport(rect: Rect | null): void {
    this.rect = rect;
    this.present();
  }

  /** Ctrl/Cmd+1…8 pick that service, 9 the last one, as browsers do with tabs. */
  activateIndex(n: number): void {
    const { services } = this.store.getState();
    const target = n === 9 ? services[services.length - 1] : services[n - 1];
    if (target) this.activate(target.id);
  }

  /** Ctrl+Tab and Ctrl+Shift+Tab: the next or previous service, wrapping around. */
  activateRelative(delta: 1 | -1): void {
    const { services, activeServiceId } = this.store.getState();
    if (services.length === 0) return;
    const at = services.findIndex((s) => s.id === activeServiceId);
    const next = services[(at + delta + services.length) % services.length];
    if (next) this.activate(next.id);
  }

  async command(cmd: ServiceCommand): Promise<CommandResult> {
    switch (cmd.type) {
      case 'service.add':
        return this.add(cmd.platform, cmd.name, cmd.url);
      case 'service.rename':
        return this.withService(cmd.id, () => updateService(this.store, cmd.id, { name: cmd.name }));
      case 'service.move':
        return this.withService(cmd.id, () => this.move(cmd.id, cmd.index));
      case 'service.set':
        return this.withService(cmd.id, (s) => this.set(s, cmd));
      case 'service.reload':
        return this.withService(cmd.id, (s) => this.userReload(s));
      case 'service.sleep':
        return this.userSleep(cmd.id);
      case 'service.remove':
        return this.remove(cmd.id);
      case 'service.activate':
        return this.withService(cmd.id, () => this.activate(cmd.id));
      case 'service.openChat':
        return this.withService(cmd.id, () => this.openChat(cmd.id, cmd.chatId));
      case 'service.insertText':
        return this.insertText(cmd.id, cmd.text);
      case 'settings.set':
        this.setSettings(cmd);
        return { ok: true };
      case 'view.inbox':
        this.store.setState({ view: 'inbox' });
        return { ok: true };
      case 'notice.dismiss': {
        const { notices } = this.store.getState();
        if (!notices.some((n) => n.id === cmd.id)) return { ok: false, error: 'not-found' };
        this.store.setState({ notices: notices.filter((n) => n.id !== cmd.id) });
        return { ok: true };
      }
    }
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

  /**
   * A validated delta from the service's connector. Returns false when it cannot be applied (a message was
   * lost): the caller asks the page for a full update.
   */
  serviceUpdate(id: string, update: ServiceUpdate): boolean {
    const runtime = this.store.getState().runtime[id];
    if (!runtime || !this.service(id)?.enabled) return true;
    const previous = this.snapshots.get(id);
    const expected = (this.seqs.get(id) ?? -1) + 1;
    if (!update.reset && (previous === undefined || update.seq !== expected)) {
      this.log.warn('service update out of sequence, asking for a full one', { service: id, seq: update.seq, expected });
      return false;
    }
    this.seqs.set(id, update.seq);
    // A partial list (virtualised) lists the chats on screen: the others scrolled away, and are kept.
    const merge = !update.reset || update.partial === true;
    const chats = new Map<string, ChatSummary>(merge ? (previous?.chats ?? []).map((c) => [c.id, c]) : []);
    for (const removed of update.remove) chats.delete(removed);
    for (const chat of update.upsert) chats.set(chat.id, chat);
    const snapshot: ServiceSnapshot = { loggedIn: update.loggedIn, unread: update.unread, chats: [...chats.values()] };
    const active = update.activeChatId === undefined ? previous?.activeChatId : update.activeChatId;
    if (active !== undefined && active !== null) snapshot.activeChatId = active;
    this.snapshots.set(id, snapshot);
    const region = this.store.getState().settings.defaultRegion;
    const platform = this.service(id)?.platform ?? 'custom';
    const delta: ChatsDelta = {
      reset: !merge,
      loggedIn: update.loggedIn,
      unread: update.unread,
      upsert: update.upsert.map((chat) => withActivity(withPhone(chat, region), this.activity?.observe(id, platform, chat))),
      remove: update.remove,
    };
    if (update.activeChatId !== undefined) delta.activeChatId = update.activeChatId;
    this.onChats(id, delta);
    this.deps.onChatsChanged?.();
    const status = this.pageStatus(runtime.status, update.loggedIn);
    updateRuntime(this.store, id, {
      connected: true,
      unread: update.unread.direct,
      status,
      degraded: update.degraded ?? false,
      refusal: update.refusal,
      lastUpdate: this.clock.now(),
      ...(update.health === undefined ? {} : { health: update.health }),
    });
    this.waking.delete(id);
    const pendingChat = this.pendingChats.get(id);
    if (pendingChat !== undefined) {
      this.pendingChats.delete(id);
      this.views.send(id, CHANNELS.serviceOpenChat, pendingChat);
    }
    for (const pending of this.inserts.values()) {
      if (pending.serviceId !== id || !pending.deliver) continue;
      const deliver = pending.deliver;
      delete pending.deliver;
      deliver();
    }
    return true;
  }

  /** Every service's last-known chats, as they came (to keep them on disk). */
  allSnapshots(): Record<string, ServiceSnapshot> {
    return Object.fromEntries(this.snapshots);
  }

  /** The latest snapshot a service's connector reported, as it came. */
  snapshot(id: string): ServiceSnapshot | undefined {
    return this.snapshots.get(id);
  }

  /** Every service's chats as the shell sees them: phones in names normalized, and who wrote last. */
  chatsForShell(): Record<string, ServiceSnapshot> {
    const region = this.store.getState().settings.defaultRegion;
    const out: Record<string, ServiceSnapshot> = {};
    for (const [id, snapshot] of this.snapshots) {
      out[id] = { ...snapshot, chats: snapshot.chats.map((c) => withActivity(withPhone(c, region), this.activity?.activity(id, c.id))) };
    }
    return out;
  }

  /** A notification for this chat arrived: the customer wrote, and the shell hears of it for that chat. */
  chatNoticed(id: string, chatId: string): void {
    this.checks.get(id)?.noticed.add(chatId);
    const service = this.service(id);
    if (!service || !this.activity) return;
    const activity = this.activity.notice(id, service.platform, chatId);
    const snapshot = this.snapshots.get(id);
    const chat = snapshot?.chats.find((c) => c.id === chatId);
    if (activity === undefined || !snapshot || !chat) return;
    const upsert = [withActivity(withPhone(chat, this.store.getState().settings.defaultRegion), activity)];
    this.onChats(id, { reset: false, loggedIn: snapshot.loggedIn, unread: snapshot.unread, upsert, remove: [] });
  }

  /**
   * Types a quick reply into the service's open chat; the page answers whether it found a message box. A page
   * that is asleep, waking or still loading gets the text once its connector has reported (as openChat does).
   */
  private insertText(id: string, text: string): Promise<CommandResult> {
    const service = this.service(id);
    if (!service?.enabled) return Promise.resolve({ ok: false, error: 'not-found' });
    const requestId = this.newId();
    return new Promise((resolve) => {
      let timer: TimerHandle | undefined;
      const finish = (ok: boolean | undefined): void => {
        if (!this.inserts.delete(requestId)) return;
        if (timer !== undefined) this.clock.clearTimeout(timer);
        if (ok === true) resolve({ ok: true });
        else if (ok === false) resolve({ ok: false, error: 'no-composer' });
        else {
          this.log.warn('the page did not say whether it typed the quick reply', { service: id });
          resolve({ ok: false, error: 'failed', detail: 'no answer' });
        }
      };
      const deliver = (): void => {
        if (timer !== undefined) this.clock.clearTimeout(timer);
        timer = this.clock.setTimeout(() => finish(undefined), INSERT_TIMEOUT_MS);
        this.views.send(id, CHANNELS.serviceInsertText, { requestId, text });
      };
      this.activate(id);
      if (this.pageReported(id)) {
        this.inserts.set(requestId, { serviceId: id, done: finish });
        deliver();
      } else {
        this.inserts.set(requestId, { serviceId: id, done: finish, deliver });
        timer = this.clock.setTimeout(() => finish(undefined), PAGE_WAIT_MS);
      }
    });
  }

  /** The service's page is up and its connector has reported since it loaded: it can take a request now. */
  pageReported(id: string): boolean {
    return !this.asleepOrWaking(id) && this.seqs.has(id);
  }

  /** The page's answer to insertText. Answers from another service's page, or late ones, are ignored. */
  insertResult(id: string, requestId: string, ok: boolean): void {
    const pending = this.inserts.get(requestId);
    if (pending?.serviceId === id) pending.done(ok);
  }

  /** The region for local numbers changed: every chat's phone may have too. */
  private republishChats(): void {
    for (const [id, snapshot] of Object.entries(this.chatsForShell())) {
      const delta: ChatsDelta = { reset: true, loggedIn: snapshot.loggedIn, unread: snapshot.unread, upsert: snapshot.chats, remove: [] };
      this.onChats(id, delta);
    }
  }

  private setSettings(cmd: Extract<Command, { type: 'settings.set' }>): void {
    const current = this.store.getState().settings;
    const settings = { ...current };
    if (cmd.theme !== undefined) settings.theme = cmd.theme;
    if (cmd.language !== undefined) settings.language = cmd.language;
    if (cmd.defaultRegion !== undefined) settings.defaultRegion = cmd.defaultRegion;
    if (cmd.unreadCount !== undefined) settings.unreadCount = cmd.unreadCount;
    if (cmd.lockAfterMin !== undefined) settings.lockAfterMin = cmd.lockAfterMin;
    for (const key of ['updates', 'startAtLogin', 'startMinimized', 'closeToTray'] as const) {
      const value = cmd[key];
      if (value !== undefined) settings[key] = value;
    }
    if (cmd.shop) {
      const shop = { ...current.shop };
      if (cmd.shop.name !== undefined) shop.name = cmd.shop.name.trim();
      if (cmd.shop.hoursEnabled !== undefined) shop.hoursEnabled = cmd.shop.hoursEnabled;
      if (cmd.shop.hours !== undefined) shop.hours = cmd.shop.hours;
      if (cmd.shop.holdOutsideHours !== undefined) shop.holdOutsideHours = cmd.shop.holdOutsideHours;
      settings.shop = shop;
    }
    const n = cmd.notifications;
    if (n) {
      const notifications = { ...current.notifications };
      if (n.sound !== undefined) notifications.sound = n.sound;
      if (n.privateMode !== undefined) notifications.privateMode = n.privateMode;
      if (n.dndUntil !== undefined) notifications.dndUntil = n.dndUntil;
      if (n.quietHours !== undefined) notifications.quietHours = n.quietHours;
      settings.notifications = notifications;
    }
    this.store.setState({ settings });
  }

  private pageStatus(current: ServiceStatus, loggedIn: boolean): ServiceStatus {
    if (current !== 'ready' && current !== 'logged-out') return current;
    return loggedIn ? 'ready' : 'logged-out';
  }

  private withService(id: string, act: (service: ServiceConfig) => void): CommandResult {
    const service = this.service(id);
    if (!service) return { ok: false, error: 'not-found' };
    act(service);
    return { ok: true };
  }

  private add(platform: ServiceConfig['platform'], name: string | undefined, rawUrl: string | undefined): CommandResult {
    const service: ServiceConfig = {
      id: this.newId(),
      platform,
      name: name ?? defaultServiceName(PLATFORMS[platform].name, this.store.getState().services.map((s) => s.name)),
      enabled: true,
      muted: false,
      callsAllowed: false,
    };
    if (platform === 'custom') {
      const parsed = parseCustomUrl(rawUrl ?? '');
      if (!parsed.ok) return { ok: false, error: 'custom-url', detail: parsed.error };
      service.url = parsed.url;
      if (name === undefined) {
        const host = new URL(parsed.url).hostname.replace(/^www\./, '');
        service.name = defaultServiceName(host, this.store.getState().services.map((s) => s.name));
      }
    }
    const state = this.store.getState();
    this.store.setState({
      services: [...state.services, service],
      runtime: { ...state.runtime, [service.id]: initialRuntime(true) },
      activeServiceId: service.id,
    });
    this.openView(service);
    this.log.info('service added', { service: service.id, platform });
    return { ok: true, id: service.id };
  }

  /** Accounts a restored backup has and this profile lacks, added as they were (their pages ask to sign in). */
  adopt(configs: readonly ServiceConfig[]): void {
    const state = this.store.getState();
    const have = new Set(state.services.map((s) => s.id));
    const added = configs.filter((s) => !have.has(s.id));
    if (added.length === 0) return;
    const runtime = { ...state.runtime };
    for (const service of added) runtime[service.id] = initialRuntime(service.enabled);
    this.store.setState({ services: [...state.services, ...added], runtime });
    for (const service of added) if (service.enabled) this.openView(service);
    this.log.info('services added from a backup', { count: added.length });
  }

  private move(id: string, index: number): void {
    const services = [...this.store.getState().services];
    const from = services.findIndex((s) => s.id === id);
    const [moved] = services.splice(from, 1);
    if (!moved) return;
    services.splice(Math.min(index, services.length), 0, moved);
    this.store.setState({ services });
  }

  /** Applies every choice the command carries, as one patch: no field it validated can be left out. */
  private set(service: ServiceConfig, cmd: Extract<Command, { type: 'service.set' }>): void {
    const { type: _type, id: _id, ...fields } = cmd;
    const change: Partial<ServiceConfig> = {};
    for (const key of Object.keys(fields) as (keyof typeof fields)[]) {
      if (fields[key] !== undefined) Object.assign(change, { [key]: fields[key] });
    }
    if (change.enabled === service.enabled) delete change.enabled;
    updateService(this.store, service.id, change);
    if (change.muted !== undefined && service.enabled) this.views.setAudioMuted(service.id, change.muted);
    if (change.enabled === false) {
      this.forget(service.id);
      this.views.close(service.id);
      this.resetRuntime(service.id, false);
    } else if (change.enabled === true) {
      this.resetRuntime(service.id, true);
      const updated = this.service(service.id);
      if (updated) this.openView(updated);
    }
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

  private async remove(id: string): Promise<CommandResult> {
    const state = this.store.getState();
    const index = state.services.findIndex((s) => s.id === id);
    const service = state.services[index];
    if (!service) return { ok: false, error: 'not-found' };
    this.forget(id);
    this.activity?.forget(id);
    this.views.close(id);
    const services = state.services.filter((s) => s.id !== id);
    const { [id]: _removed, ...runtime } = state.runtime;
    const neighbour = services[Math.min(index, services.length - 1)];
    const activeServiceId = state.activeServiceId === id ? (neighbour?.id ?? null) : state.activeServiceId;
    this.deps.onRemoved?.(id);
    this.store.setState({ services, runtime, activeServiceId });
    this.log.info('service removed', { service: id });
    try {
      await this.views.clearStorage(id);
      return { ok: true };
    } catch (error) {
      this.log.error('could not clear the storage of a removed service', { service: id, error: String(error) });
      addNotice(this.store, { id: this.newId(), at: this.clock.now(), kind: 'storage-not-cleared', serviceName: service.name });
      return { ok: false, error: 'failed', detail: String(error) };
    }
  }

  private activate(id: string): void {
    this.store.setState({ activeServiceId: id, view: 'service' });
  }

  /**
   * A click on one of the service's notifications: its page handles it (the page's own handler, or opening the
   * chat); a page that is asleep or still waking cannot, so the chat opens once it has woken.
   */
  noticeClicked(id: string, click: { id: string; chatId?: string }): void {
    if (!this.asleepOrWaking(id)) this.views.send(id, CHANNELS.serviceNoticeClick, click);
    else if (click.chatId !== undefined) this.openChat(id, click.chatId);
  }

  private asleepOrWaking(id: string): boolean {
    return this.waking.has(id) || this.store.getState().runtime[id]?.status === 'asleep';
  }

  /**
   * Brings the service forward and asks its page to open the chat (by its route, or by clicking its row); a page
   * that is still waking gets the request once its connector reports.
   */
  openChat(id: string, chatId: string): void {
    const later = this.asleepOrWaking(id);
    this.activate(id);
    if (later) this.pendingChats.set(id, chatId);
    else this.views.send(id, CHANNELS.serviceOpenChat, chatId);
  }

  private openView(service: ServiceConfig, resumeUrl?: string): void {
    this.views.open(service, resumeUrl);
    if (service.muted) this.views.setAudioMuted(service.id, true);
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
    const loggedIn = !onSignIn && (this.snapshots.get(service.id)?.loggedIn ?? true);
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

  private resetRuntime(id: string, enabled: boolean): void {
    this.store.setState({ runtime: { ...this.store.getState().runtime, [id]: initialRuntime(enabled) } });
  }

  private present(): void {
    const id = visibleServiceId(this.store.getState());
    const rect = id === null ? null : this.rect;
    if (this.presented?.id === id && this.presented.rect === rect) return;
    this.presented = { id, rect };
    this.views.present(id, rect);
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

  /** Drop every timer and sequence number of a service that is being closed, reloaded or removed. */
  private forget(id: string, keepChats = false): void {
    for (const kind of TIMER_KINDS) this.clearTimer(id, kind);
    this.seqs.delete(id);
    this.resumeUrls.delete(id);
    this.checks.delete(id);
    this.pendingChats.delete(id);
    this.waking.delete(id);
    if (!keepChats && this.snapshots.delete(id)) {
      this.onChats(id, { reset: true, loggedIn: false, unread: { direct: 0, indirect: 0 }, upsert: [], remove: [] });
      this.deps.onChatsChanged?.();
    }
    for (const pending of [...this.inserts.values()]) if (pending.serviceId === id) pending.done(undefined);
  }
}

const TIMER_KINDS = ['retry', 'stable', 'hang'] as const;

/** Statuses a service may be put to sleep from: its page is up (signed in or not). */
const SLEEPY: ReadonlySet<ServiceStatus> = new Set(['ready', 'logged-out']);

/** Chats of `after` with more unread messages than in `before` (new chats with any), muted ones left out. */
export function newChats(before: ServiceSnapshot, after: ServiceSnapshot): ChatSummary[] {
  const was = new Map(before.chats.map((chat) => [chat.id, chat.unread]));
  return after.chats.filter((chat) => chat.muted !== true && chat.unread > (was.get(chat.id) ?? 0));
}

function withActivity(chat: ChatSummary, activity: ChatActivity | undefined): ChatSummary {
  return activity === undefined ? chat : { ...chat, activity };
}
