/**
 * An in-memory stand-in for main behind `window.wasl`: it holds an AppState, records every command and viewport
 * the shell sends, answers commands with `respond` (ok by default), and lets a test push patches and actions as
 * main would.
 */
import { act } from '@testing-library/react';
import { DEFAULT_SETTINGS } from '../../common/settings';
import type { WaslBridge } from '../../common/bridge';
import type { ChatsDelta, Command, CommandResult, Rect, ShellAction } from '../../common/ipc';
import type { PlatformId, ServiceConfig, ServiceSnapshot } from '../../common/model';
import type { ResourceReport } from '../../common/resources';
import { buildReport, type DailyStats, type Report } from '../../common/shop/stats';
import { stateOf } from '../fakes/state';
import { applyPatch, initialRuntime, type AppState, type ServiceRuntime, type StatePatch } from '../../common/state';

export class FakeBridge implements WaslBridge {
  state: AppState;
  readonly commands: Command[] = [];
  readonly viewports: (Rect | null)[] = [];
  respond: (command: Command) => CommandResult = () => ({ ok: true });
  private readonly patchListeners = new Set<(patch: StatePatch) => void>();
  private readonly actionListeners = new Set<(action: ShellAction) => void>();
  private readonly chatListeners = new Set<(serviceId: string, delta: ChatsDelta) => void>();
  /** Every service's chats, as main would hold them. */
  chats: Record<string, ServiceSnapshot> = {};
  /** The daily counts main's report is built from. */
  daily: DailyStats = {};
  readonly reports: { from: number; to: number }[] = [];
  /** What main measures now; a test sets it (nothing is running by default). */
  usage: ResourceReport = { at: 0, services: {}, app: { memoryKiB: 0, cpuPercent: 0, processes: [] }, total: { memoryKiB: 0, cpuPercent: 0 } };
  resourceCalls = 0;

  constructor(state: AppState) {
    this.state = state;
  }

  hydrate(): Promise<AppState> {
    return Promise.resolve(this.state);
  }

  onPatch(listener: (patch: StatePatch) => void): () => void {
    this.patchListeners.add(listener);
    return () => this.patchListeners.delete(listener);
  }

  onAction(listener: (action: ShellAction) => void): () => void {
    this.actionListeners.add(listener);
    return () => this.actionListeners.delete(listener);
  }

  hydrateChats(): Promise<Record<string, ServiceSnapshot>> {
    return Promise.resolve(this.chats);
  }

  onChats(listener: (serviceId: string, delta: ChatsDelta) => void): () => void {
    this.chatListeners.add(listener);
    return () => this.chatListeners.delete(listener);
  }

  /** Main tells the shell a service's chats changed. */
  pushChats(serviceId: string, delta: ChatsDelta): void {
    act(() => {
      for (const listener of this.chatListeners) listener(serviceId, delta);
    });
  }

  report(range: { from: number; to: number }): Promise<Report> {
    this.reports.push(range);
    return Promise.resolve(buildReport(this.daily, range.from, range.to));
  }

  resources(): Promise<ResourceReport> {
    this.resourceCalls += 1;
    return Promise.resolve(this.usage);
  }

  command(command: Command): Promise<CommandResult> {
    this.commands.push(command);
    return Promise.resolve(this.respond(command));
  }

  setViewport(rect: Rect | null): void {
    this.viewports.push(rect);
  }

  /** Main changed its state: push the patch as main does (inside act, so React settles). */
  push(patch: StatePatch): void {
    this.state = applyPatch(this.state, patch);
    act(() => {
      for (const listener of this.patchListeners) listener(patch);
    });
  }

  updateRuntime(id: string, change: Partial<ServiceRuntime>): void {
    const current = this.state.runtime[id] ?? initialRuntime(true);
    this.push({ runtime: { ...this.state.runtime, [id]: { ...current, ...change } } });
  }

  /** The current services in the order of `ids` (to push a reorder as main would). */
  ordered(ids: readonly string[]): ServiceConfig[] {
    return ids.map((id) => {
      const found = this.state.services.find((s) => s.id === id);
      if (found === undefined) throw new Error(`no service ${id}`);
      return found;
    });
  }

  action(action: ShellAction): void {
    act(() => {
      for (const listener of this.actionListeners) listener(action);
    });
  }

  /** The commands of one type, typed. */
  sent<T extends Command['type']>(type: T): Extract<Command, { type: T }>[] {
    return this.commands.filter((c): c is Extract<Command, { type: T }> => c.type === type);
  }
}

export function service(id: string, platform: PlatformId, name: string, extra: Partial<ServiceConfig> = {}): ServiceConfig {
  return { id, platform, name, enabled: true, muted: false, callsAllowed: false, ...extra };
}

/** A state with these services, all ready and the first one active, unless `extra` says otherwise. */
export function appState(services: ServiceConfig[], extra: Partial<AppState> = {}): AppState {
  const runtime: Record<string, ServiceRuntime> = {};
  for (const s of services) runtime[s.id] = { ...initialRuntime(s.enabled), status: s.enabled ? 'ready' : 'off' };
  return stateOf({ services, activeServiceId: services[0]?.id ?? null, runtime, settings: DEFAULT_SETTINGS, ...extra });
}
