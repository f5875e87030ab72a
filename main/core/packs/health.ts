/**
 * Rollback on bad health (issue 15): each service's connector says which pack it runs and how many chat rows it
 * finds. Main remembers, per platform and pack, the most rows a signed-in service found, and when a downloaded pack
 * finds none on a signed-in page for JUDGE_AFTER_MS while the pack it would go back to has found some on that
 * platform, the platform goes back to that pack: AppState.packs.rolledBack says so (the Resources screen shows it,
 * the settings file keeps it), and that platform's pages not in front reload onto it. The page in front is never
 * reloaded (the user may be typing in it): it takes the earlier pack at its next reload or wake.
 * Also the owner of the user's pin of the built-in pack.
 */
import type { PlatformId } from '../../../common/model';
import { compareVersions, type PackSource, type PacksState } from '../../../common/packs';
import { MAX_READ_VERSIONS, type PackReads } from '../../../common/settings/packs';
import type { ServiceStatus } from '../../../common/state';
import type { AppStore } from '../app/app-store';
import type { Clock, Logger, TimerHandle } from '../app/ports';
import { previousPack, selectPack, standingRollbacks, type PackCandidate } from './selection';

/**
 * How long a signed-in page must read no rows, from its first such read, before its pack is judged. A page shows
 * its chat list within seconds once loaded, but WhatsApp on a slow connection or a large account syncs for a
 * minute or more before the list appears; two minutes judges a broken pack within one page load without judging
 * a slow one while it loads.
 */
export const JUDGE_AFTER_MS = 2 * 60_000;

/**
 * What a service's page said about its reading, each time its connector reports. A page sends its health only
 * when it changes: an absent `packVersion` or `rows` is no news (what the page said last still holds).
 */
export interface HealthReport {
  serviceId: string;
  platform: PlatformId;
  /** The version of the pack its connector came from. A page that never says is never judged. */
  packVersion?: string;
  /** The page shows a signed-in account (ServiceUpdate.loggedIn). */
  loggedIn: boolean;
  /** Chat rows the connector found (ConnectorHealth.rows). */
  rows?: number;
}

export interface PackHealthDeps {
  store: AppStore;
  clock: Clock;
  log: Logger;
  /** The verified downloaded packs, newest first (their manifests). */
  packs: () => readonly PackCandidate[];
  /** What the settings file held of the packs' reads at start. */
  initialReads: PackReads;
  /** Keeps the reads in the settings file (called when a figure grows or a version is dropped). */
  saveReads: (reads: PackReads) => void;
  /** Reloads a service's page. Never called for the active service. */
  reloadService: (serviceId: string) => void;
}

/** Where a service's page stands, as its reports said. */
interface Watched {
  platform: PlatformId;
  version: string;
  /** Since when it has read no rows while signed in, if it does now. */
  zeroSince?: number;
  timer?: TimerHandle;
}

/** Statuses in which a page runs and reports: the others end what was watched of it. */
const PAGE_UP: ReadonlySet<ServiceStatus> = new Set(['ready', 'logged-out']);
/** Statuses in which a page exists, so a reload loads it again onto the chosen pack. */
const RELOADABLE: ReadonlySet<ServiceStatus> = new Set(['loading', 'ready', 'logged-out']);

export class PackHealth {
  private reads: PackReads;
  private readonly watched = new Map<string, Watched>();
  /** `service platform from` of each page reloaded for a rollback: at most once each, so a page never reloads in a loop. */
  private readonly reloaded = new Set<string>();
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: PackHealthDeps) {
    this.reads = deps.initialReads;
    // A page that reloads, sleeps, crashes or goes away starts over: its next load is judged on its own.
    this.unsubscribe = deps.store.subscribe((next, prev) => {
      if (next.runtime === prev.runtime) return;
      for (const id of [...this.watched.keys()]) {
        const status = next.runtime[id]?.status;
        if (status === prev.runtime[id]?.status) continue;
        if (status === undefined || !PAGE_UP.has(status)) this.forget(id);
      }
    });
  }

  /** The pack a platform's services load now. */
  sourceFor(platform: PlatformId): PackSource {
    return selectPack(platform, this.deps.packs(), this.packs(), this.packs().builtIn);
  }

  /** A service's connector reported: its figures are remembered, and its pack judged when it reads nothing. */
  report(report: HealthReport): void {
    const { serviceId, platform, loggedIn, rows } = report;
    let watched = this.watched.get(serviceId);
    const packVersion = report.packVersion ?? (watched?.platform === platform ? watched.version : undefined);
    if (packVersion === undefined) return;
    if (watched?.version !== packVersion || watched.platform !== platform) {
      this.forget(serviceId);
      watched = { platform, version: packVersion };
      this.watched.set(serviceId, watched);
    }
    if (this.reloadIfRolledBack(serviceId, watched)) return;
    if (!loggedIn) {
      // A signed-out page shows no chats whatever its pack: it is not judged.
      this.stopWaiting(watched);
      return;
    }
    if (rows === undefined) return;
    if (rows > 0) {
      this.stopWaiting(watched);
      this.remember(platform, packVersion, rows);
      return;
    }
    watched.zeroSince ??= this.deps.clock.now();
    if (watched.timer === undefined) {
      const left = watched.zeroSince + JUDGE_AFTER_MS - this.deps.clock.now();
      watched.timer = this.deps.clock.setTimeout(() => {
        watched.timer = undefined;
        this.judge(serviceId);
      }, Math.max(0, left));
    }
  }

  /**
   * The verified packs changed (one stored, refused, or verified at start): a rollback a newer pack supersedes is
   * over, and the reads of packs no longer kept are forgotten.
   */
  packsChanged(): void {
    const packs = this.deps.packs();
    const state = this.packs();
    const standing = standingRollbacks(state.rolledBack, packs);
    if (standing.length !== state.rolledBack.length) {
      for (const r of state.rolledBack.filter((r) => !standing.includes(r))) this.deps.log.info('connector pack rollback over: a newer pack', { platform: r.platform, from: r.from });
      this.setPacks({ ...state, rolledBack: standing });
    }
    let pruned = false;
    const next: PackReads = {};
    for (const [platform, byVersion] of Object.entries(this.reads) as [PlatformId, Record<string, number>][]) {
      const kept = Object.entries(byVersion).filter(([version]) => this.inPlay(platform, version, packs));
      if (kept.length !== Object.keys(byVersion).length) pruned = true;
      if (kept.length > 0) next[platform] = Object.fromEntries(kept);
    }
    if (!pruned) return;
    this.reads = next;
    this.deps.saveReads(next);
  }

  /** The user keeps every service on the built-in pack (or lets them take downloaded packs again). */
  pinBuiltIn(pinned: boolean): void {
    const state = this.packs();
    if (state.pinBuiltIn === pinned) return;
    this.setPacks({ ...state, pinBuiltIn: pinned });
    this.deps.log.info(pinned ? 'built-in connector pack pinned' : 'built-in connector pack unpinned');
  }

  /** Stops watching (timers and the store). */
  stop(): void {
    this.unsubscribe();
    for (const id of [...this.watched.keys()]) this.forget(id);
  }

  /** A page has read no rows while signed in since `zeroSince`: roll its platform back when the evidence says so. */
  private judge(serviceId: string): void {
    const watched = this.watched.get(serviceId);
    const state = this.deps.store.getState();
    if (watched?.zeroSince === undefined || state.runtime[serviceId]?.status !== 'ready') return;
    const { platform, version } = watched;
    const packs = this.deps.packs();
    const inUse = selectPack(platform, packs, state.packs, state.packs.builtIn);
    // Only the pack the platform takes now is judged: never the built-in (pinned or not), never a page still on a
    // pack its platform already left, and never twice for one platform: a new pack ends a rollback first.
    if (inUse.kind !== 'downloaded' || inUse.version !== version) return;
    if (state.packs.rolledBack.some((r) => r.platform === platform)) return;
    const found = this.reads[platform] ?? {};
    // A pack that has read rows on this platform works there: a page without any is an account without chats.
    if ((found[version] ?? 0) > 0) return;
    const previous = previousPack(platform, version, packs, state.packs.builtIn);
    const before = found[previous.version] ?? 0;
    if (before < 1) {
      this.deps.log.info('connector pack reads no chats, nor did the one before it: kept', { platform, version, previous: previous.version });
      return;
    }
    this.rollBack(platform, version, previous.version, 'connector pack rolled back: it read no chats where the one before read some', { rowsBefore: before, service: serviceId });
  }

  /**
   * A page could not run the pack's connector at all (it threw, registered nothing or another platform's): the
   * page fell back to the built-in connector already, and the platform goes back from that pack at once, as long as
   * it is the pack the platform takes now and no rollback stands for it.
   */
  packFailed(serviceId: string, platform: PlatformId, version: string, reason: string): void {
    const state = this.deps.store.getState();
    const packs = this.deps.packs();
    const inUse = selectPack(platform, packs, state.packs, state.packs.builtIn);
    if (inUse.kind !== 'downloaded' || inUse.version !== version) return;
    if (state.packs.rolledBack.some((r) => r.platform === platform)) return;
    const previous = previousPack(platform, version, packs, state.packs.builtIn);
    this.rollBack(platform, version, previous.version, 'connector pack rolled back: a page could not run it', { reason, service: serviceId });
  }

  /** The platform goes back from pack `from` to `to`, and its pages not in front still on `from` reload. */
  private rollBack(platform: PlatformId, from: string, to: string, message: string, fields: Record<string, unknown>): void {
    const packs = this.packs();
    this.setPacks({ ...packs, rolledBack: [...packs.rolledBack, { platform, from, to, at: this.deps.clock.now() }] });
    this.deps.log.warn(message, { platform, from, to, ...fields });
    for (const [id, other] of this.watched) if (other.platform === platform) this.reloadIfRolledBack(id, other);
  }

  /**
   * Reloads a page still on a pack its platform went back from, once for that rollback, unless it is the active
   * service (the page the user may be typing in) or has no page to reload. Answers whether it asked.
   */
  private reloadIfRolledBack(serviceId: string, watched: Watched): boolean {
    const state = this.deps.store.getState();
    const rollback = state.packs.rolledBack.find((r) => r.platform === watched.platform);
    if (rollback === undefined || compareVersions(watched.version, rollback.from) < 0) return false;
    const key = `${serviceId} ${rollback.platform} ${rollback.from}`;
    const status = state.runtime[serviceId]?.status;
    if (this.reloaded.has(key) || serviceId === state.activeServiceId || status === undefined || !RELOADABLE.has(status)) return false;
    this.stopWaiting(watched);
    this.reloaded.add(key);
    this.deps.reloadService(serviceId);
    return true;
  }

  /** Remembers that `version` read `rows` rows on `platform`, when that is more than it had and the pack is in play. */
  private remember(platform: PlatformId, version: string, rows: number): void {
    const byVersion = this.reads[platform] ?? {};
    if ((byVersion[version] ?? 0) >= rows || !this.inPlay(platform, version, this.deps.packs())) return;
    const kept = Object.entries({ ...byVersion, [version]: rows })
      .sort(([a], [b]) => compareVersions(b, a))
      .slice(0, MAX_READ_VERSIONS);
    this.reads = { ...this.reads, [platform]: Object.fromEntries(kept) };
    this.deps.saveReads(this.reads);
  }

  /** The built-in pack, or a verified downloaded pack that covers the platform. */
  private inPlay(platform: PlatformId, version: string, packs: readonly PackCandidate[]): boolean {
    return version === this.packs().builtIn || packs.some((p) => p.version === version && p.platforms.includes(platform));
  }

  private stopWaiting(watched: Watched): void {
    if (watched.timer !== undefined) this.deps.clock.clearTimeout(watched.timer);
    watched.timer = undefined;
    watched.zeroSince = undefined;
  }

  private forget(serviceId: string): void {
    const watched = this.watched.get(serviceId);
    if (watched) this.stopWaiting(watched);
    this.watched.delete(serviceId);
  }

  private packs(): PacksState {
    return this.deps.store.getState().packs;
  }

  private setPacks(packs: PacksState): void {
    this.deps.store.setState({ packs });
  }
}
