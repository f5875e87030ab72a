/**
 * Connector pack updates: a little after start and then every six hours, main reads the pack feed (a small JSON file
 * on the rolling `connectors` GitHub release) and, when it names a pack newer than every pack Wasl has, downloads it,
 * verifies it (main/core/packs/verify.ts) and stores it. A pack refused for any reason changes nothing: the store is
 * not touched, the refusal is logged once and reported. The new pack is used by whoever reads the store (services
 * pick it up as they reload or wake); this controller never reloads a page. The `updates` setting turns it off, and
 * a development build checks only a feed given to it explicitly. Written against ports like the app's own updates
 * (main/core/updates/updates.ts).
 */
import { BUILT_IN_PACK_VERSION } from '../../../common/pack-version';
import { MAX_PACK_BYTES, compareVersions, packFeedSchema, type PackRefusal } from '../../../common/packs';
import type { AppStore } from '../app/app-store';
import type { Clock, Logger, TimerHandle } from '../app/ports';
import { verifyPack, type PackCrypto, type VerifiedPack } from './verify';

/** The feed of the rolling `connectors` release, whose asset the connectors workflow replaces on each `connectors-v*` tag. */
export const DEFAULT_PACK_FEED = 'https://github.com/wasl-app/wasl/releases/download/connectors/connectors-feed.json';
/** The feed is a few lines: anything larger is not the feed. */
export const MAX_FEED_BYTES = 16 * 1024;
/** The first check waits this long after start, after the app's own update check (FIRST_CHECK_MS). */
export const PACK_FIRST_CHECK_MS = 20_000;
export const PACK_CHECK_EVERY_MS = 6 * 60 * 60 * 1000;

/** Where verified packs are kept (main/persistence/pack-store.ts). */
export interface PackStorePort {
  /** The packs stored, newest first. */
  packs(): readonly VerifiedPack[];
  /** Keeps a verified pack, and the one before it; throws when the disk refuses (nothing is lost then). */
  save(pack: VerifiedPack): void;
}

/**
 * Downloads `url` whole; rejects on a network or HTTP error, as soon as more than `maxBytes` arrive, and when the
 * download takes too long (the next check waits for this one to end).
 */
export type FetchPort = (url: string, maxBytes: number) => Promise<Uint8Array>;

export interface PackUpdateDeps {
  store: AppStore;
  packs: PackStorePort;
  fetch: FetchPort;
  crypto: PackCrypto;
  /** This app's version (app.getVersion()). */
  appVersion: string;
  clock: Clock;
  log: Logger;
  /** A feed to check instead of DEFAULT_PACK_FEED; given, it is checked in a development build too. */
  feedUrl?: string;
  /** A check ended (whatever it found: nothing new, a refusal, a stored pack), at this time. */
  onChecked(at: number): void;
  /** A new pack was verified and stored. */
  onStored(pack: VerifiedPack): void;
  /** The feed or a pack was refused; `version` is the feed's when it was read. */
  onRefused(reason: PackRefusal, version?: string): void;
}

export class PackUpdates {
  private timer: TimerHandle | undefined;
  /** The check under way, if one is. */
  private running: Promise<void> | undefined;
  /** Refusals logged since the last check that ended well, so one that repeats every six hours is logged once. */
  private readonly logged = new Set<string>();

  constructor(private readonly deps: PackUpdateDeps) {}

  /** Starts checking when on, and follows the `updates` setting. */
  start(): void {
    if (this.enabled()) this.schedule(PACK_FIRST_CHECK_MS);
    this.deps.store.subscribe((next, prev) => {
      if (next.settings.updates === prev.settings.updates) return;
      if (this.enabled()) this.schedule(0);
      else this.cancel();
    });
  }

  /** Whether there is a feed to check: one was given, or this is an installed build. */
  hasFeed(): boolean {
    return this.feed() !== undefined;
  }

  /** The feed checked: the one given, or in an installed build the default one. */
  private feed(): string | undefined {
    return this.deps.feedUrl ?? (this.deps.store.getState().packaged ? DEFAULT_PACK_FEED : undefined);
  }

  private enabled(): boolean {
    return this.deps.store.getState().settings.updates && this.feed() !== undefined;
  }

  private schedule(ms: number): void {
    this.cancel();
    this.timer = this.deps.clock.setTimeout(() => {
      this.timer = undefined;
      void this.check();
    }, ms);
  }

  private cancel(): void {
    if (this.timer !== undefined) this.deps.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /**
   * One check now (the user's "Check now" too), and the next six hours after it ends. While one is under way, the
   * answer is that one's end.
   */
  check(): Promise<void> {
    this.running ??= this.checkOnce().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async checkOnce(): Promise<void> {
    const feedUrl = this.feed();
    if (feedUrl === undefined || !this.enabled()) return;
    try {
      if (await this.update(feedUrl)) this.logged.clear();
      this.deps.onChecked(this.deps.clock.now());
    } catch (error) {
      this.logOnce(`failed|${String(error)}`, () => this.deps.log.error('connector pack check failed', { error: String(error) }));
    } finally {
      if (this.enabled()) this.schedule(PACK_CHECK_EVERY_MS);
    }
  }

  /** Reads the feed and takes the pack it names if newer; false when something was refused. */
  private async update(feedUrl: string): Promise<boolean> {
    const { deps } = this;
    const feedBytes = await this.download(feedUrl, MAX_FEED_BYTES);
    if (!feedBytes.ok) return this.refuse('download-failed', undefined, { url: feedUrl, error: feedBytes.error });
    const feed = packFeedSchema.safeParse(parseJson(feedBytes.bytes));
    if (!feed.success) return this.refuse('unreadable', undefined, { url: feedUrl });
    const { version, url } = feed.data;

    const inUse = this.newestInUse();
    if (compareVersions(version, inUse) <= 0) return true;

    const download = await this.download(url, MAX_PACK_BYTES);
    if (!download.ok) return this.refuse('download-failed', version, { url, error: download.error });
    // Turned off while it downloaded: off means nothing new is taken.
    if (!this.enabled()) return true;
    const result = verifyPack(download.bytes, { crypto: deps.crypto, appVersion: deps.appVersion, newerThan: inUse });
    if (!result.ok) return this.refuse(result.reason, version, { url });

    try {
      deps.packs.save(result.pack);
    } catch (error) {
      this.logOnce(`store-failed|${version}`, () => deps.log.warn('could not store a connector pack', { version, error: String(error) }));
      return false;
    }
    deps.log.info('stored a new connector pack', { version: result.pack.manifest.version });
    deps.onStored(result.pack);
    return true;
  }

  /** The newest pack Wasl has: the newest stored, or the built-in one when it is newer or none is stored. */
  private newestInUse(): string {
    const stored = this.deps.packs.packs()[0]?.manifest.version;
    return stored !== undefined && compareVersions(stored, BUILT_IN_PACK_VERSION) > 0 ? stored : BUILT_IN_PACK_VERSION;
  }

  private async download(url: string, maxBytes: number): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; error: string }> {
    try {
      return { ok: true, bytes: await this.deps.fetch(url, maxBytes) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  private refuse(reason: PackRefusal, version: string | undefined, fields: Record<string, unknown>): false {
    this.logOnce(`${reason}|${version ?? ''}`, () => this.deps.log.warn('connector pack refused', { reason, ...(version === undefined ? {} : { version }), ...fields }));
    this.deps.onRefused(reason, version);
    return false;
  }

  private logOnce(key: string, write: () => void): void {
    if (this.logged.has(key)) return;
    this.logged.add(key);
    write();
  }
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}
