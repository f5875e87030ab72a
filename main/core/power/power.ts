/**
 * The power scheduler: decides when services sleep and wake (common/power.ts holds the policy). A service out of
 * sight for its idle time sleeps; the one in front never does and wakes at once if it slept; a sleeping service
 * with a schedule wakes for a check — one at a time, so checks never stack up in memory — until its page has
 * reported and a little longer for late messages, then sleeps again. Services not started at launch get their
 * first check soon after it, in turn, so the inbox fills without loading everything at once.
 */
import { CHECK_MAX_MS, CHECK_SETTLE_MS, powerPolicy } from '../../../common/power';
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

export interface PowerSchedulerDeps {
  store: AppStore;
  clock: Clock;
  log: Logger;
  target: PowerTarget;
}

/** How soon after launch the services that were not started get their first check (they then queue). */
export const FIRST_CHECK_MS = 10_000;

interface Armed {
  handle: TimerHandle;
  ms: number;
}

interface RunningCheck {
  id: string;
  /** The page's last report when the check began: a newer one means it has reported. */
  since: number | undefined;
  max: TimerHandle;
  settle?: TimerHandle;
}

export class PowerScheduler {
  private readonly idle = new Map<string, Armed>();
  private readonly due = new Map<string, TimerHandle>();
  private readonly queue: string[] = [];
  private running: RunningCheck | undefined;
  private syncing = false;
  private again = false;

  constructor(private readonly deps: PowerSchedulerDeps) {}

  start(): void {
    this.deps.store.subscribe(() => this.sync());
    this.sync();
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
    const enabled = new Set<string>();
    for (const service of state.services) {
      const runtime = state.runtime[service.id];
      if (!service.enabled || !runtime) continue;
      enabled.add(service.id);
      const policy = powerPolicy(service);
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
        else if (!this.due.has(service.id) && !this.queue.includes(service.id) && this.running?.id !== service.id) {
          this.arm(service.id, runtime.asleepSince === undefined ? FIRST_CHECK_MS : policy.checkEveryMs);
        }
        continue;
      }
      this.clearDue(service.id);
      if (this.running?.id === service.id) {
        this.followCheck(runtime.lastUpdate);
        continue;
      }
      if (policy.sleepAfterMs === null || runtime.checking === true) this.clearIdle(service.id);
      else if (this.idle.get(service.id)?.ms !== policy.sleepAfterMs) this.armIdle(service.id, policy.sleepAfterMs);
    }
    for (const id of [...this.idle.keys()]) if (!enabled.has(id)) this.clearIdle(id);
    for (const id of [...this.due.keys()]) if (!enabled.has(id)) this.clearDue(id);
    if (this.running && !enabled.has(this.running.id)) this.stopRunning();
    this.runNext();
  }

  private armIdle(id: string, ms: number): void {
    this.clearIdle(id);
    const handle = this.deps.clock.setTimeout(() => {
      this.idle.delete(id);
      if (!this.deps.target.sleep(id)) this.deps.log.info('service stays awake: its page has not settled', { service: id });
    }, ms);
    this.idle.set(id, { handle, ms });
  }

  private arm(id: string, ms: number): void {
    const handle = this.deps.clock.setTimeout(() => {
      this.due.delete(id);
      this.queue.push(id);
      this.sync();
    }, ms);
    this.due.set(id, handle);
  }

  /** Starts the next queued check when none is running. */
  private runNext(): void {
    while (this.running === undefined && this.queue.length > 0) {
      const id = this.queue.shift() as string;
      const state = this.deps.store.getState();
      const runtime = state.runtime[id];
      if (runtime?.status !== 'asleep' || !state.services.some((s) => s.id === id && s.enabled)) continue;
      const max = this.deps.clock.setTimeout(() => this.finish(), CHECK_MAX_MS);
      this.running = { id, since: runtime.lastUpdate, max };
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
    const service = this.deps.store.getState().services.find((s) => s.id === id);
    if (service && powerPolicy(service).sleepAfterMs !== null && !this.deps.target.sleep(id)) {
      this.deps.log.warn('checked service could not go back to sleep', { service: id });
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
    const handle = this.due.get(id);
    if (handle !== undefined) {
      this.deps.clock.clearTimeout(handle);
      this.due.delete(id);
    }
    const queued = this.queue.indexOf(id);
    if (queued >= 0) this.queue.splice(queued, 1);
  }
}
