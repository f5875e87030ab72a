/**
 * The service controller: the one face the rest of main sees of the services. It owns the list of services
 * (add, adopt, rename, reorder, turn on and off, remove, which one is in front) and the settings commands, and
 * routes everything else to the pieces that own it: the life of each page (./lifecycle.ts), what is asked of a
 * page (./requests.ts), each service's chats (main/core/chats/store.ts) and whether its page's own chat list is
 * hidden (./compact.ts). It talks to Electron only through ViewsPort.
 */
import { defaultServiceName, parseCustomUrl, PLATFORMS } from '../../../common/catalog';
import type { ChatsDelta, Command, CommandResult, Rect, ServiceUpdate } from '../../../common/ipc';
import type { ChatRef, ChatSummary, PlatformId, ServiceConfig, ServiceSnapshot } from '../../../common/model';
import { mergeSettings } from '../../../common/settings';
import { newServiceSwitches } from '../../../common/settings/service';
import { initialRuntime } from '../../../common/state';
import { zoomAfter } from '../../../common/zoom';
import { addNotice, updateService, type AppStore } from '../app/app-store';
import type { Clock, Logger, ViewsPort } from '../app/ports';
import { chatPhone } from '../chats/phones';
import { ChatsStore, type ActivityPort } from '../chats/store';
import { CompactPanes } from './compact';
import { PageLifecycle, type ViewEvent, type WakeReason } from './lifecycle';
import { PageRequests } from './requests';
import { ServiceZoom } from './zoom';

/** The commands this controller carries out (people and notifications have their own). */
export type ServiceCommand = Exclude<Extract<Command, { type: `service.${string}` | 'settings.set' | 'notice.dismiss' | 'view.inbox' }>, { type: 'service.saveOutline' }>;

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
  /** A service's connector reported (after its update was applied): how well its pack reads, for rollback. */
  onReported?: (serviceId: string, platform: PlatformId, update: ServiceUpdate) => void;
  /**
   * A loaded page switched to this chat (not the chat it opened with as it loaded): the user opened it there.
   * `phone`: the chat's number, normalized, when it has one.
   */
  onChatOpened?: (chat: ChatRef, phone: string | undefined) => void;
}

export class ServiceController {
  private readonly store: AppStore;
  private readonly views: ViewsPort;
  private readonly chats: ChatsStore;
  private readonly requests: PageRequests;
  private readonly lifecycle: PageLifecycle;

  constructor(private readonly deps: ServiceControllerDeps) {
    const { store, views, clock, log } = deps;
    this.store = store;
    this.views = views;
    const enabled = new Set(store.getState().services.filter((service) => service.enabled).map((service) => service.id));
    this.chats = new ChatsStore({
      log,
      region: () => store.getState().settings.defaultRegion,
      activity: deps.activity,
      onChats: deps.onChats ?? (() => undefined),
      onChatsChanged: () => deps.onChatsChanged?.(),
      initial: Object.fromEntries(Object.entries(deps.initialChats ?? {}).filter(([id]) => enabled.has(id))),
    });
    this.requests = new PageRequests({
      views,
      clock,
      log,
      newId: deps.newId,
      service: (id) => this.service(id),
      asleep: (id) => store.getState().runtime[id]?.status === 'asleep',
      reportedSinceLoad: (id) => this.chats.reportedSinceLoad(id),
      activate: (id) => this.activate(id),
      activeChat: (id) => this.chats.snapshot(id)?.activeChatId,
    });
    this.lifecycle = new PageLifecycle({
      store,
      views,
      clock,
      log,
      snapshot: (id) => this.chats.snapshot(id),
      pageWaking: (id) => this.requests.pageWaking(id),
      pageClosed: (id, keepChats) => {
        this.chats.pageClosed(id, keepChats);
        this.requests.pageClosed(id);
      },
      onNews: (id, chats) => deps.onNews?.(id, chats),
    });
    const compact = new CompactPanes({ store, views });
    const zoom = new ServiceZoom({ store, views });
    zoom.sync();
    store.subscribe((next, prev) => {
      this.lifecycle.present();
      compact.sync();
      zoom.sync();
      if (next.settings.defaultRegion !== prev.settings.defaultRegion) this.chats.republish();
    });
  }

  /**
   * Open the active service and those always on, and show the active one; every other one not started yet
   * (idle) starts asleep.
   */
  start(): void {
    this.lifecycle.start();
  }

  /**
   * Unload a service to free its process, keeping its chats for the inbox. Never the one in front, and only
   * once its page has settled (a failing page keeps its own retry schedule) unless `anyStatus`. Answers whether
   * it went to sleep.
   */
  sleep(id: string, anyStatus = false): boolean {
    return this.lifecycle.sleep(id, anyStatus);
  }

  /** Load a sleeping service again, on the page it was at. A check wakes it only until endCheck. */
  wake(id: string, reason: WakeReason): void {
    this.lifecycle.wake(id, reason);
  }

  /** A scheduled check is over: report the chats that got new messages meanwhile (unless the page did). */
  endCheck(id: string): void {
    this.lifecycle.endCheck(id);
  }

  service(id: string): ServiceConfig | undefined {
    return this.store.getState().services.find((s) => s.id === id);
  }

  /** The rectangle the shell leaves for the service page, or null while a dialog covers it. */
  setViewport(rect: Rect | null): void {
    this.lifecycle.setViewport(rect);
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
      case 'service.zoom':
        return this.withService(cmd.id, (s) => updateService(this.store, s.id, { zoom: zoomAfter(s.zoom, cmd.step) }));
      case 'service.reload':
      case 'service.sleep':
        return this.lifecycle.command(cmd);
      case 'service.remove':
        return this.remove(cmd.id);
      case 'service.activate':
        return this.withService(cmd.id, () => this.activate(cmd.id));
      case 'service.openChat':
      case 'service.insertText':
        return this.requests.command(cmd);
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
    this.lifecycle.viewEvent(id, event);
  }

  /**
   * A validated delta from the service's connector. Returns false when it cannot be applied (a message was
   * lost): the caller asks the page for a full update.
   */
  serviceUpdate(id: string, update: ServiceUpdate): boolean {
    const service = this.service(id);
    if (!this.store.getState().runtime[id] || !service?.enabled) return true;
    const openBefore = this.chats.reportedSinceLoad(id) ? (this.chats.snapshot(id)?.activeChatId ?? null) : undefined;
    if (!this.chats.apply(id, service.platform, update)) return false;
    const open = update.activeChatId;
    if (openBefore !== undefined && typeof open === 'string' && open !== openBefore) {
      this.deps.onChatOpened?.({ serviceId: id, chatId: open }, chatPhone(this.chats.snapshot(id), open, this.store.getState().settings.defaultRegion));
    }
    this.lifecycle.connectorReported(id, update);
    this.requests.connectorReported(id);
    this.deps.onReported?.(id, service.platform, update);
    return true;
  }

  /** Every service's last-known chats, as they came (to keep them on disk). */
  allSnapshots(): Record<string, ServiceSnapshot> {
    return this.chats.all();
  }

  /** The latest snapshot a service's connector reported, as it came. */
  snapshot(id: string): ServiceSnapshot | undefined {
    return this.chats.snapshot(id);
  }

  /** Every service's chats as the shell sees them: phones in names normalized, and who wrote last. */
  chatsForShell(): Record<string, ServiceSnapshot> {
    return this.chats.forShell();
  }

  /** A notification for this chat arrived: the customer wrote, and the shell hears of it for that chat. */
  chatNotified(id: string, chatId: string): void {
    this.lifecycle.noticed(id, chatId);
    const service = this.service(id);
    if (service) this.chats.noticed(id, service.platform, chatId);
  }

  /** The service's page is up and its connector has reported since it loaded: it can take a request now. */
  pageReported(id: string): boolean {
    return this.requests.pageReported(id);
  }

  /** The page's answer to a quick reply. Answers from another service's page, or late ones, are ignored. */
  insertResult(id: string, requestId: string, ok: boolean): void {
    this.requests.insertResult(id, requestId, ok);
  }

  /**
   * A click on one of the service's notifications: its page handles it (the page's own handler, or opening the
   * chat); a page that is asleep or still waking cannot, so the chat opens once it has woken.
   */
  notificationClicked(id: string, click: { id: string; chatId?: string }): void {
    this.requests.notificationClicked(id, click);
  }

  /**
   * Brings the service forward and asks its page to open the chat (by its route, or by clicking its row); a page
   * that is still waking gets the request once its connector reports.
   */
  openChat(id: string, chatId: string): void {
    this.requests.openChat(id, chatId);
  }

  /** Opens the chat and types `text` into its composer, never sending it (PageRequests.typeInChat). */
  typeInChat(id: string, chatId: string, text: string): Promise<CommandResult> {
    return this.requests.typeInChat(id, chatId, text);
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
    for (const service of added) if (service.enabled) this.lifecycle.open(service);
    this.deps.log.info('services added from a backup', { count: added.length });
  }

  private withService(id: string, act: (service: ServiceConfig) => void): CommandResult {
    const service = this.service(id);
    if (!service) return { ok: false, error: 'not-found' };
    act(service);
    return { ok: true };
  }

  private add(platform: ServiceConfig['platform'], name: string | undefined, rawUrl: string | undefined): CommandResult {
    const service: ServiceConfig = {
      id: this.deps.newId(),
      platform,
      name: name ?? defaultServiceName(PLATFORMS[platform].name, this.store.getState().services.map((s) => s.name)),
      ...newServiceSwitches(),
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
    this.lifecycle.open(service);
    this.deps.log.info('service added', { service: service.id, platform });
    return { ok: true, id: service.id };
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
      this.lifecycle.close(service.id);
      this.resetRuntime(service.id, false);
    } else if (change.enabled === true) {
      this.resetRuntime(service.id, true);
      const updated = this.service(service.id);
      if (updated) this.lifecycle.open(updated);
    }
  }

  private async remove(id: string): Promise<CommandResult> {
    const { log, clock } = this.deps;
    const state = this.store.getState();
    const index = state.services.findIndex((s) => s.id === id);
    const service = state.services[index];
    if (!service) return { ok: false, error: 'not-found' };
    this.lifecycle.close(id);
    this.deps.activity?.forget(id);
    const services = state.services.filter((s) => s.id !== id);
    const { [id]: _removed, ...runtime } = state.runtime;
    const neighbour = services[Math.min(index, services.length - 1)];
    const activeServiceId = state.activeServiceId === id ? (neighbour?.id ?? null) : state.activeServiceId;
    this.deps.onRemoved?.(id);
    this.store.setState({ services, runtime, activeServiceId });
    log.info('service removed', { service: id });
    try {
      await this.views.clearStorage(id);
      return { ok: true };
    } catch (error) {
      log.error('could not clear the storage of a removed service', { service: id, error: String(error) });
      addNotice(this.store, { id: this.deps.newId(), at: clock.now(), kind: 'storage-not-cleared', serviceName: service.name });
      return { ok: false, error: 'failed', detail: String(error) };
    }
  }

  private activate(id: string): void {
    this.store.setState({ activeServiceId: id, view: 'service' });
  }

  private resetRuntime(id: string, enabled: boolean): void {
    this.store.setState({ runtime: { ...this.store.getState().runtime, [id]: initialRuntime(enabled) } });
  }

  private setSettings(cmd: Extract<Command, { type: 'settings.set' }>): void {
    const { type: _type, ...patch } = cmd;
    this.store.setState({ settings: mergeSettings(this.store.getState().settings, patch) });
  }
}
