/**
 * The app lock. With a password set, Wasl starts locked, locks when asked (tray, shortcut, settings) and after
 * the chosen time without input in its window; while locked the shell shows only the lock screen, no service
 * view is shown (common/state.ts `visibleServiceId`) and main accepts no command but the unlock. Wrong passwords
 * cost a growing wait, enforced here. The password's hash stays in this controller and the settings file: the
 * shell only ever sees `LockStatus`.
 */
import type { Command, CommandResult } from '../../../common/ipc';
import { NO_LOCK, type LockStatus } from '../../../common/lock';
import type { PasswordHasher, StoredPassword } from './password';
import { addNotice, type AppStore } from '../app/app-store';
import type { Clock, Logger, TimerHandle } from '../app/ports';

export type LockCommand = Extract<Command, { type: `lock.${string}` }>;

export interface LockDeps {
  store: AppStore;
  clock: Clock;
  log: Logger;
  newId: () => string;
  hasher: PasswordHasher;
  /** The password the settings file held: none, or one it could not read. */
  initial: StoredPassword | 'damaged' | undefined;
  /** Writes the password (null: none) to the settings file at once; false when the disk refused. */
  save(stored: StoredPassword | null): boolean;
  /** Milliseconds since the last keyboard or mouse input anywhere on the system (powerMonitor's idle time). */
  systemIdleMs(): number;
}

/** Wrong passwords in a row that cost no wait; then 1 s, doubling with each, at most MAX_WAIT_MS. */
export const FREE_TRIES = 2;
export const MAX_WAIT_MS = 60_000;

/** The wait before the next try, after `failures` wrong passwords in a row: 0, 0, 1 s, 2 s, 4 s … 60 s. */
export function retryDelayMs(failures: number): number {
  if (failures <= FREE_TRIES) return 0;
  return Math.min(MAX_WAIT_MS, 1_000 * 2 ** (failures - FREE_TRIES - 1));
}

export class LockController {
  private stored: StoredPassword | null;
  private failures = 0;
  /** A password is being checked: a second try waits for its answer. */
  private checking = false;
  /** When Wasl's window lost the focus (null while it has it): no input reaches it since. */
  private blurredAt: number | null = null;
  private idleTimer: TimerHandle | undefined;

  constructor(private readonly deps: LockDeps) {
    const { initial, store } = deps;
    this.stored = initial === undefined || initial === 'damaged' ? null : initial;
    if (initial === 'damaged') {
      deps.log.warn('the app-lock password could not be read; Wasl is not locked');
      addNotice(store, { id: deps.newId(), at: deps.clock.now(), kind: 'lock-removed' });
    }
    this.setStatus({ set: this.stored !== null, locked: this.stored !== null, retryAt: null });
    store.subscribe((next, prev) => {
      if (next.settings.lockAfterMin !== prev.settings.lockAfterMin) this.watchIdle();
    });
    this.watchIdle();
  }

  get locked(): boolean {
    return this.status().locked;
  }

  /** Locks now, when a password is set. */
  lock(): void {
    const status = this.status();
    if (!status.set || status.locked) return;
    this.deps.log.info('Wasl locked');
    this.setStatus({ ...status, locked: true });
    this.watchIdle();
  }

  /** Wasl's window gained or lost the focus (it gets no input while another window has it). */
  windowFocus(focused: boolean): void {
    this.blurredAt = focused ? null : this.deps.clock.now();
    if (!focused) this.watchIdle();
  }

  async command(cmd: LockCommand): Promise<CommandResult> {
    switch (cmd.type) {
      case 'lock.lock':
        if (!this.status().set) return { ok: false, error: 'not-found' };
        this.lock();
        return { ok: true };
      case 'lock.unlock':
        return this.unlock(cmd.password);
      case 'lock.set':
        return this.setPassword(cmd.password, cmd.current);
      case 'lock.remove':
        return this.remove(cmd.current);
    }
  }

  private async unlock(password: string): Promise<CommandResult> {
    if (!this.locked) return { ok: true };
    const checked = await this.check(password);
    if (!checked.ok) return checked;
    this.deps.log.info('Wasl unlocked');
    this.setStatus({ ...this.status(), locked: false });
    this.watchIdle();
    return { ok: true };
  }

  private async setPassword(password: string, current: string | undefined): Promise<CommandResult> {
    if (this.stored !== null) {
      if (current === undefined) return { ok: false, error: 'wrong-password' };
      const checked = await this.check(current);
      if (!checked.ok) return checked;
    }
    const stored = await this.deps.hasher.hash(password);
    if (!this.deps.save(stored)) return { ok: false, error: 'failed' };
    const first = this.stored === null;
    this.stored = stored;
    this.deps.log.info(first ? 'app-lock password set' : 'app-lock password changed');
    this.setStatus({ ...this.status(), set: true });
    this.watchIdle();
    return { ok: true };
  }

  private async remove(current: string): Promise<CommandResult> {
    if (this.stored === null) return { ok: false, error: 'not-found' };
    const checked = await this.check(current);
    if (!checked.ok) return checked;
    if (!this.deps.save(null)) return { ok: false, error: 'failed' };
    this.stored = null;
    this.deps.log.info('app-lock password removed');
    this.setStatus(NO_LOCK);
    this.watchIdle();
    return { ok: true };
  }

  /**
   * Checks a password against the stored one, under the wait rule: a try before `retryAt`, or while another is
   * being checked, is refused unchecked. A wrong one makes the next wait longer; a right one resets it.
   */
  private async check(password: string): Promise<CommandResult> {
    const { clock, hasher } = this.deps;
    const stored = this.stored;
    if (stored === null) return { ok: false, error: 'not-found' };
    const retryAt = this.status().retryAt;
    if (this.checking || (retryAt !== null && clock.now() < retryAt)) return { ok: false, error: 'too-soon' };
    this.checking = true;
    let right: boolean;
    try {
      right = await hasher.verify(password, stored);
    } catch (error) {
      this.deps.log.error('could not check the app-lock password', { error: String(error) });
      return { ok: false, error: 'failed' };
    } finally {
      this.checking = false;
    }
    if (right) {
      this.failures = 0;
      this.setStatus({ ...this.status(), retryAt: null });
      return { ok: true };
    }
    this.failures += 1;
    const delay = retryDelayMs(this.failures);
    this.deps.log.warn('wrong app-lock password', { failures: this.failures, waitMs: delay });
    this.setStatus({ ...this.status(), retryAt: delay > 0 ? clock.now() + delay : null });
    return { ok: false, error: 'wrong-password' };
  }

  /** Milliseconds without input in Wasl's window: the system's idle time, or longer since another window has the focus. */
  private idleMs(): number {
    const away = this.blurredAt === null ? 0 : this.deps.clock.now() - this.blurredAt;
    return Math.max(this.deps.systemIdleMs(), away);
  }

  /**
   * Checks for inactivity when it could first reach the chosen time: at `after − idle` from now, and again as long
   * as there was input in between. Stops while locked, with no password, or with the timer off.
   */
  private watchIdle(): void {
    const { clock, store } = this.deps;
    if (this.idleTimer !== undefined) clock.clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    const status = this.status();
    const afterMs = store.getState().settings.lockAfterMin * 60_000;
    if (!status.set || status.locked || afterMs === 0) return;
    const idle = this.idleMs();
    if (idle >= afterMs) {
      this.lock();
      return;
    }
    this.idleTimer = clock.setTimeout(() => {
      this.idleTimer = undefined;
      this.watchIdle();
    }, afterMs - idle);
  }

  private status(): LockStatus {
    return this.deps.store.getState().lock ?? NO_LOCK;
  }

  private setStatus(status: LockStatus): void {
    const current = this.deps.store.getState().lock;
    if (current?.set === status.set && current.locked === status.locked && current.retryAt === status.retryAt) return;
    this.deps.store.setState({ lock: status });
  }
}

/** Tells `listener` whether Wasl is locked: now, and again whenever that changes. */
export function followLock(store: AppStore, listener: (locked: boolean) => void): void {
  listener(store.getState().lock?.locked === true);
  store.subscribe((next, prev) => {
    if (next.lock?.locked !== prev.lock?.locked) listener(next.lock?.locked === true);
  });
}
