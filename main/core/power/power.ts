/**
 * The power scheduler: decides when services sleep and wake (common/power.ts holds the policy). A service out of
 * sight for its idle time sleeps; the one in front never does and wakes at once if it slept; a sleeping service
 * with a schedule wakes for a check — one at a time, so checks never stack up in memory — until its page has
 * reported and a little longer for late messages, then sleeps again. Services not started at launch get their
 * first check soon after it, in turn, so the inbox fills without loading everything at once.
 *
 * What each service does is common/power.ts's effectivePolicy: in business hours a service with customers stays
 * awake (a sleeping one wakes through a check and stays) or checks every two minutes; a waiting customer makes it
 * check at least that often; memory pressure (low system memory, or the services past the user's budget) sleeps
 * the least recently used first. The scheduler re-evaluates on state changes, at the hours' next edge (a timer),
 * shortly after a service's chats change, and at each memory sample.
 */
import type { ChatSummary } from '../../../common/model';
import {
  CHECK_MAX_MS, CHECK_SETTLE_MS, customerDemand, effectivePolicy, memoryShed, resolveOpenHoursMode, type CustomerDemand, type EffectivePolicy, type MemoryCandidate,
} from '../../../common/power';
import type { PowerReport } from '../../../common/resources';
import { businessHours, isOpen, nextChange } from '../../../common/shop/hours';
import type { AppState } from '../../../common/state';
import type { AppStore } from '../app/app-store';
import type { Clock, Logger, TimerHandle } from '../app/ports';
import type { WakeReason } from '../services/lifecycle';

/** What the scheduler drives: the service controller. */
export interface PowerTarget {
  sleep(id: string): boolean;
  wake(id: string, reason: WakeReason): void;
  endCheck(id: string): void;
}

/** The computer's memory and the services' (KiB), as the resources screen measures it. */
export interface MemoryPort {
  system(): { totalKiB: number; freeKiB: number };
  /** Each service whose page has a process now, by id. */
  services(): Readonly<Record<string, number>>;
}

export interface PowerSchedulerDeps {
  store: AppStore;
  clock: Clock;
  log: Logger;
  target: PowerTarget;
  /** Every service's chats with who wrote last (ChatSummary.activity); absent: no customers are known. */
  chats?: () => Readonly<Record<string, { chats: readonly ChatSummary[] }>>;
  /** Absent: no memory pressure is known, and the 'auto' open-hours mode is 'check'. */
  memory?: MemoryPort;
}

/** How often memory is sampled, and how soon after a service's chats change its customers are read again. */
export const MEMORY_SAMPLE_MS = 30_000;
export const DEMAND_DELAY_MS = 5_000;
/** The hours' timer looks at most this far ahead (timers are not exact over weeks), then looks again. */
export const HOURS_RECHECK_MS = 24 * 3_600_000;

/** How soon after launch the services that were not started get their first check (they then queue). */
export const FIRST_CHECK_MS = 10_000;

interface Armed {
  handle: TimerHandle;
  ms: number;
}

/** The shop's hours as last read: the settings they came from, open or not, and the timer for their next edge. */
interface HoursNow {
  shop: AppState['settings']['shop'];
  open: boolean;
  timer: TimerHandle | undefined;
}

const NO_DEMAND: CustomerDemand = { customerRecent: false, waiting: false };

interface RunningCheck {
  id: string;
  /** The page's last report when the check began: a newer one means it has reported. */
  since: number | undefined;
  startedAt: number;
  max: TimerHandle;
  settle?: TimerHandle;
}

export class PowerScheduler {
  private readonly idle = new Map<string, Armed>();
  private readonly due = new Map<string, Armed>();
  private readonly queue: string[] = [];
  private running: RunningCheck | undefined;
  private syncing = false;
  private again = false;
  private hours: HoursNow | undefined;
  private readonly demand = new Map<string, CustomerDemand>();
  /** Services whose customers are to be read again ('all': every one), and the timer that will. */
  private dirty: Set<string> | 'all' = 'all';
  private demandTimer: TimerHandle | undefined;
  private demandFrom: Pick<AppState, 'customers' | 'people'> | undefined;
  private readonly lastUsed = new Map<string, number>();
  private readonly memoryKiB = new Map<string, number>();
  private freeKiB: number | undefined;
  private totalKiB: number | undefined;
  /** Asleep (or to sleep) for memory. */
  private held = new Set<string>();
  private readonly heldSince = new Map<string, number>();
  private readonly policies = new Map<string, EffectivePolicy>();
  /** Each service's last check that ended in sleep: when it started, and when the service fell asleep after it. */
  private readonly lastCheck = new Map<string, { started: number; asleep: number }>();

  constructor(private readonly deps: PowerSchedulerDeps) {}

  start(): void {
    this.sample();
    this.deps.store.subscribe(() => this.sync());
    this.sync();
  }

  /** A service's chats changed: its customers are read again shortly (changes come in bursts). */
  chatsChanged(id: string): void {
    if (this.dirty !== 'all') this.dirty.add(id);
    this.demandTimer ??= this.deps.clock.setTimeout(() => {
      this.demandTimer = undefined;
      this.sync();
    }, DEMAND_DELAY_MS);
  }

  /** For the resources screen: the policy in force for each enabled service and why, and the open-hours mode. */
  report(): PowerReport {
    return { services: Object.fromEntries(this.policies), openHoursMode: this.openHoursMode() };
  }

  /** The open-hours mode in force: the setting, 'auto' resolved by the computer's memory. */
  private openHoursMode(): 'awake' | 'check' {
    return resolveOpenHoursMode(this.deps.store.getState().settings.power.openHours, this.totalKiB);
  }

  /** Reads the memory, then again every MEMORY_SAMPLE_MS; a sample that fails leaves the last one in force. */
  private sample(): void {
    const memory = this.deps.memory;
    if (!memory) return;
    this.deps.clock.setTimeout(() => {
      this.sample();
      this.sync();
    }, MEMORY_SAMPLE_MS);
    try {
      const system = memory.system();
      this.totalKiB = system.totalKiB;
      this.freeKiB = system.freeKiB;
      for (const [id, kib] of Object.entries(memory.services())) this.memoryKiB.set(id, kib);
    } catch (error) {
      this.deps.log.warn('memory could not be measured', { error: String(error) });
    }
  }

  /** Brings every timer in line with the state; re-entrant calls (our own actions change the state) run after. */
  private sync(): void {
    if (this.syncing) {
      this.again = true;
      return;
    }
    this.syncing = true;
    try {
      do this.pass(this.deps.store.getState());
      while (this.takeAgain());
    } finally {
      this.syncing = false;
    }
  }

  private takeAgain(): boolean {
    const again = this.again;
    this.again = false;
    return again;
  }

  private pass(state: AppState): void {
    const front = state.view === 'service' ? state.activeServiceId : null;
    const now = this.deps.clock.now();
    if (front !== null) this.lastUsed.set(front, now);
    const open = this.openNow(state, now);
    this.readDemand(state, now);
    this.shedFor(state, front);
    const mode = this.openHoursMode();
    const enabled = new Set<string>();
    this.policies.clear();
    for (const service of state.services) {
      const runtime = state.runtime[service.id];
      if (!service.enabled || !runtime) continue;
      enabled.add(service.id);
      const demand = this.demand.get(service.id) ?? NO_DEMAND;
      const effective = effectivePolicy(service, { open, ...demand, openHoursMode: mode, shed: this.held.has(service.id) });
      this.policies.set(service.id, effective);
      const { policy } = effective;
      if (service.id === front) {
        this.clearIdle(service.id);
        this.clearDue(service.id);
        if (this.running?.id === service.id) this.stopRunning();
        if (runtime.status === 'asleep' || runtime.checking === true) this.deps.target.wake(service.id, 'use');
        continue;
      }
      if (runtime.status === 'asleep') {
        this.clearIdle(service.id);
        if (policy.checkEveryMs === null) this.clearDue(service.id);
        else if (!this.queue.includes(service.id) && this.running?.id !== service.id) {
          // Asleep since its last check, a customer service's next check starts an interval after that one started (its
          // page looked at no longer than that ago); otherwise checks count from the moment it fell asleep.
          const last = this.lastCheck.get(service.id);
          const asleep = runtime.asleepSince;
          const from = effective.reason !== 'default' && last !== undefined && last.asleep === asleep ? last.started : asleep;
          this.arm(service.id, asleep === undefined ? FIRST_CHECK_MS : policy.checkEveryMs, from ?? now);
        }
        continue;
      }
      this.clearDue(service.id);
      if (this.running?.id === service.id) {
        this.followCheck(runtime.lastUpdate);
        continue;
      }
      if (policy.sleepAfterMs === 0 && runtime.checking !== true) {
        this.clearIdle(service.id);
        this.sleepForMemory(service.id);
      } else if (policy.sleepAfterMs === null || runtime.checking === true) this.clearIdle(service.id);
      else if (this.idle.get(service.id)?.ms !== policy.sleepAfterMs) this.armIdle(service.id, policy.sleepAfterMs);
    }
    for (const id of [...this.idle.keys()]) if (!enabled.has(id)) this.clearIdle(id);
    for (const id of [...this.due.keys()]) if (!enabled.has(id)) this.clearDue(id);
    if (this.running && !enabled.has(this.running.id)) this.stopRunning();
    this.runNext();
  }

  /** Whether the shop is open now; the timer for the hours' next edge follows the settings. */
  private openNow(state: AppState, now: number): boolean {
    const shop = state.settings.shop;
    if (this.hours?.shop === shop) return this.hours.open;
    if (this.hours?.timer !== undefined) this.deps.clock.clearTimeout(this.hours.timer);
    if (!shop.hoursEnabled) {
      this.hours = { shop, open: false, timer: undefined };
      return false;
    }
    const hours = businessHours(shop);
    const open = isOpen(hours, new Date(now));
    const next = nextChange(hours, new Date(now));
    const ms = Math.min(next === undefined ? HOURS_RECHECK_MS : next.getTime() - now, HOURS_RECHECK_MS);
    const timer = this.deps.clock.setTimeout(() => {
      this.hours = undefined;
      // Time passed: a customer service may no longer be recent.
      this.dirty = 'all';
      this.sync();
    }, ms);
    this.hours = { shop, open, timer };
    return open;
  }

  /** Reads again the customers of the services whose chats changed (all of them when the customers did). */
  private readDemand(state: AppState, now: number): void {
    const read = this.deps.chats;
    if (!read) return;
    if (this.demandFrom?.customers !== state.customers || this.demandFrom.people !== state.people) {
      this.demandFrom = { customers: state.customers, people: state.people };
      this.dirty = 'all';
    }
    if (this.dirty !== 'all' && this.dirty.size === 0) return;
    const ids = this.dirty === 'all' ? state.services.map((s) => s.id) : [...this.dirty];
    this.dirty = new Set();
    const all = read();
    for (const id of ids) {
      const chats = all[id]?.chats;
      if (chats === undefined) this.demand.delete(id);
      else this.demand.set(id, customerDemand(id, chats, state.customers, state.people, now));
    }
  }

  /** Which services are to sleep for memory now (common/power.ts memoryShed), by the last samples. */
  private shedFor(state: AppState, front: string | null): void {
    const budgetMB = state.settings.power.budgetMB;
    if (budgetMB === 0 && this.freeKiB === undefined) {
      this.held = new Set();
      return;
    }
    const candidates: MemoryCandidate[] = [];
    // A page not measured yet is counted as large as the largest measured.
    const guess = Math.max(0, ...this.memoryKiB.values());
    for (const service of state.services) {
      const runtime = state.runtime[service.id];
      if (!service.enabled || !runtime) continue;
      candidates.push({
        id: service.id,
        // A check's memory is the room kept for one.
        awake: runtime.status !== 'asleep' && this.running?.id !== service.id,
        memoryKiB: this.memoryKiB.get(service.id) ?? guess,
        lastUsed: this.lastUsed.get(service.id) ?? 0,
        eligible: service.id !== front && service.alwaysOn !== true,
      });
    }
    const next = memoryShed(candidates, { budgetKiB: budgetMB === 0 ? null : budgetMB * 1024, freeKiB: this.freeKiB }, this.held);
    // Asleep for memory at least until the next sample: what freed memory cannot wake again at once and flap.
    const now = this.deps.clock.now();
    for (const id of next) if (!this.held.has(id)) this.heldSince.set(id, now);
    for (const id of this.held) if (!next.has(id) && now - (this.heldSince.get(id) ?? now) < MEMORY_SAMPLE_MS) next.add(id);
    this.held = next;
  }

  /** Sleeps a service for memory; one whose page has not settled is tried again at the next pass. */
  private sleepForMemory(id: string): void {
    if (!this.deps.target.sleep(id)) return;
    this.deps.log.info('service asleep for memory', { service: id });
    // Until the next sample says otherwise, its memory is free again.
    if (this.freeKiB !== undefined) this.freeKiB += this.memoryKiB.get(id) ?? 0;
  }

  private armIdle(id: string, ms: number): void {
    this.clearIdle(id);
    const handle = this.deps.clock.setTimeout(() => {
      this.idle.delete(id);
      if (!this.deps.target.sleep(id)) this.deps.log.info('service stays awake: its page has not settled', { service: id });
    }, ms);
    this.idle.set(id, { handle, ms });
  }

  /** The service's next check, `ms` after `from`; armed again when the interval changes. */
  private arm(id: string, ms: number, from: number): void {
    const armed = this.due.get(id);
    if (armed?.ms === ms) return;
    if (armed !== undefined) this.deps.clock.clearTimeout(armed.handle);
    const handle = this.deps.clock.setTimeout(() => {
      this.due.delete(id);
      this.queue.push(id);
      this.sync();
    }, Math.max(0, from + ms - this.deps.clock.now()));
    this.due.set(id, { handle, ms });
  }

  /** Starts the next queued check when none is running. */
  private runNext(): void {
    while (this.running === undefined && this.queue.length > 0) {
      const id = this.queue.shift() as string;
      const state = this.deps.store.getState();
      const runtime = state.runtime[id];
      if (runtime?.status !== 'asleep' || !state.services.some((s) => s.id === id && s.enabled)) continue;
      const max = this.deps.clock.setTimeout(() => this.finish(), CHECK_MAX_MS);
      this.running = { id, since: runtime.lastUpdate, startedAt: this.deps.clock.now(), max };
      this.deps.target.wake(id, 'check');
    }
  }

  /** The checked page reported: give it a little longer for late messages, once. */
  private followCheck(lastUpdate: number | undefined): void {
    const running = this.running;
    if (!running || running.settle !== undefined || lastUpdate === undefined || lastUpdate === running.since) return;
    running.settle = this.deps.clock.setTimeout(() => this.finish(), CHECK_SETTLE_MS);
  }

  private finish(): void {
    const running = this.running;
    if (!running) return;
    this.stopRunning();
    const { id } = running;
    this.deps.target.endCheck(id);
    if (this.policies.has(id) && this.policies.get(id)?.policy.sleepAfterMs !== null) {
      // Recorded first: falling asleep re-evaluates at once, and arms the next check from this one.
      this.lastCheck.set(id, { started: running.startedAt, asleep: this.deps.clock.now() });
      if (!this.deps.target.sleep(id)) this.deps.log.warn('checked service could not go back to sleep', { service: id });
    }
    this.sync();
  }

  private stopRunning(): void {
    const running = this.running;
    if (!running) return;
    this.deps.clock.clearTimeout(running.max);
    if (running.settle !== undefined) this.deps.clock.clearTimeout(running.settle);
    this.running = undefined;
  }

  private clearIdle(id: string): void {
    const armed = this.idle.get(id);
    if (armed === undefined) return;
    this.deps.clock.clearTimeout(armed.handle);
    this.idle.delete(id);
  }

  private clearDue(id: string): void {
    const armed = this.due.get(id);
    if (armed !== undefined) {
      this.deps.clock.clearTimeout(armed.handle);
      this.due.delete(id);
    }
    const queued = this.queue.indexOf(id);
    if (queued >= 0) this.queue.splice(queued, 1);
  }
}
