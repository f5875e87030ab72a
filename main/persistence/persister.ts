/**
 * The only writer of the settings file: what persists of main's store (services, the active one, settings,
 * people, the shop's data, the connector pack choices) is written shortly after it changes, and at once on quit;
 * beside it, what only the disk needs — the window's placement, the app-lock password's hash, the services whose
 * data is still to be deleted, how well each connector pack read, and what a later Wasl wrote that this one keeps
 * untouched.
 */
import type { PackReads } from '../../common/settings/packs';
import type { AppState } from '../../common/state';
import type { AppStore } from '../core/app/app-store';
import { addNotice } from '../core/app/app-store';
import type { Clock, TimerHandle } from '../core/app/ports';
import type { StoredPassword } from '../core/lock/password';
import { packChoicesChanged, PERSISTED, pickPackChoices, pickPersisted, type PersistedDoc, type WindowState } from '../core/settings/document';

export const SAVE_DELAY_MS = 300;

/** The parts of the settings document that are not in the store. */
export type DiskOnly = Pick<PersistedDoc, 'window' | 'pendingDeletions' | 'packReads' | 'foreign'> & { lock?: StoredPassword };

export class Persister {
  private timer: TimerHandle | undefined;
  private disk: DiskOnly;
  private failed = false;

  constructor(
    private readonly store: AppStore,
    private readonly save: (doc: PersistedDoc) => boolean,
    private readonly clock: Clock,
    private readonly newId: () => string,
    private readonly version: number,
    initial: DiskOnly,
  ) {
    this.disk = { ...initial, pendingDeletions: [...initial.pendingDeletions] };
    store.subscribe((next, prev) => {
      if (persistedChanged(next, prev)) this.schedule();
    });
  }

  get windowState(): WindowState | null {
    return this.disk.window;
  }

  /** Services whose partition folders are still to be deleted. */
  get pendingDeletions(): readonly string[] {
    return this.disk.pendingDeletions;
  }

  setWindow(window: WindowState): void {
    this.disk = { ...this.disk, window };
    this.schedule();
  }

  /** How well each connector pack read each platform (main/core/packs/health.ts), written with the next save. */
  setPackReads(packReads: PackReads): void {
    this.disk = { ...this.disk, packReads };
    this.schedule();
  }

  /**
   * The app-lock password's hash (undefined: none), written at once with everything else. False when the disk
   * refused: the file keeps the previous one, and so does the Persister.
   */
  setLock(lock: StoredPassword | undefined): boolean {
    const previous = this.disk;
    const { lock: _old, ...rest } = this.disk;
    this.disk = lock === undefined ? rest : { ...rest, lock };
    this.cancel();
    if (this.write()) return true;
    this.disk = previous;
    return false;
  }

  /**
   * A service was removed: its partition folder is deleted at the next clean start. Call it in the same turn as
   * the store change that removes the service, so both reach the disk in one write.
   */
  deleteLater(serviceId: string): void {
    if (this.disk.pendingDeletions.includes(serviceId)) return;
    this.disk = { ...this.disk, pendingDeletions: [...this.disk.pendingDeletions, serviceId] };
    this.schedule();
  }

  /** These services' partition folders are gone (or came back into use): off the list. */
  deleted(serviceIds: readonly string[]): void {
    if (serviceIds.length === 0) return;
    const done = new Set(serviceIds);
    this.disk = { ...this.disk, pendingDeletions: this.disk.pendingDeletions.filter((id) => !done.has(id)) };
    this.schedule();
  }

  /** Write now if anything is pending (on quit). */
  flush(): void {
    if (this.timer === undefined) return;
    this.cancel();
    this.write();
  }

  private cancel(): void {
    if (this.timer === undefined) return;
    this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.timer !== undefined) return;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.write();
    }, SAVE_DELAY_MS);
  }

  private write(): boolean {
    const state = this.store.getState();
    const doc: PersistedDoc = { version: this.version, ...this.disk, ...pickPersisted(state), packs: pickPackChoices(state) };
    const ok = this.save(doc);
    if (!ok && !this.failed) {
      addNotice(this.store, { id: this.newId(), at: this.clock.now(), kind: 'settings-not-saved' });
    }
    this.failed = !ok;
    return ok;
  }
}

function persistedChanged(next: AppState, prev: AppState): boolean {
  return PERSISTED.some((key) => next[key] !== prev[key]) || packChoicesChanged(next, prev);
}
