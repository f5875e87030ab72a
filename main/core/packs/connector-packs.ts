/**
 * Connector packs as one part of main (issue 15): the packs verified on disk at start, the feed checked for newer
 * ones (./updates.ts), which pack each platform takes and rollback on bad health (./health.ts), and what a service
 * page is given when it starts: its platform's connector script from the chosen downloaded pack (the built-in one
 * otherwise) and the service-worker preload file of that pack. AppState.packs says what is in use and what was
 * refused, for the Resources screen. Written against ports: the pack store on disk and the network.
 */
import type { ConnectorAnswer, ConnectorFailure, ServiceUpdate } from '../../../common/ipc';
import type { PlatformId, ServiceConfig } from '../../../common/model';
import { compareVersions, connectorFile, type PackRefusal, type PacksState } from '../../../common/packs';
import type { PackReads } from '../../../common/settings/packs';
import type { AppStore } from '../app/app-store';
import type { Clock, Logger } from '../app/ports';
import { PackHealth } from './health';
import { PackUpdates, type FetchPort, type PackStorePort } from './updates';
import type { PackCrypto, VerifiedPack } from './verify';

/** The packs on disk, verified at start (main/persistence/pack-store.ts). */
export interface PackDisk extends PackStorePort {
  /** The file of a pack's service-worker preload, written from its verified text; undefined when it has none. */
  workerPreload(pack: VerifiedPack): string | undefined;
}

export interface ConnectorPacksDeps {
  store: AppStore;
  clock: Clock;
  log: Logger;
  disk: PackDisk;
  /** Why a stored pack was refused at start (the first one), when one was. */
  refusedAtStart?: PackRefusal;
  fetch: FetchPort;
  crypto: PackCrypto;
  appVersion: string;
  /** A feed other than the default one (a development build checks only one given). */
  feedUrl?: string;
  /** The service-worker preload built into the app. */
  builtInWorkerPreload: string;
  serviceOf(serviceId: string): ServiceConfig | undefined;
  initialReads: PackReads;
  saveReads(reads: PackReads): void;
  reloadService(serviceId: string): void;
}

export class ConnectorPacks {
  readonly health: PackHealth;
  private readonly updates: PackUpdates;

  constructor(private readonly deps: ConnectorPacksDeps) {
    const { store, clock, log, disk } = deps;
    this.health = new PackHealth({
      store,
      clock,
      log,
      packs: () => disk.packs().map((pack) => pack.manifest),
      initialReads: deps.initialReads,
      saveReads: (reads) => deps.saveReads(reads),
      reloadService: (id) => deps.reloadService(id),
    });
    this.setPacks({ ...this.downloaded(), ...(deps.refusedAtStart === undefined ? {} : { lastRefusal: { reason: deps.refusedAtStart, at: clock.now() } }) });
    // The packs on disk were verified before this: reads and rollbacks of packs no longer there go.
    this.health.packsChanged();
    this.updates = new PackUpdates({
      store,
      clock,
      log,
      packs: disk,
      fetch: deps.fetch,
      crypto: deps.crypto,
      appVersion: deps.appVersion,
      ...(deps.feedUrl === undefined ? {} : { feedUrl: deps.feedUrl }),
      onChecked: (at) => this.setPacks({ lastCheck: at }),
      onStored: () => {
        this.setPacks(this.downloaded());
        this.health.packsChanged();
      },
      onRefused: (reason, version) => this.setPacks({ lastRefusal: { reason, ...(version === undefined ? {} : { version }), at: clock.now() } }),
    });
    if (!this.updates.hasFeed()) this.setPacks({ noFeed: true });
  }

  /** Checks the feed a little after start and every six hours (when updates are on). */
  start(): void {
    this.updates.start();
  }

  /** The user's "Check now"; undefined where there is no feed to check (a development build given none). */
  checker(): (() => Promise<void>) | undefined {
    return this.updates.hasFeed() ? () => this.updates.check() : undefined;
  }

  /** What a starting service page runs: the chosen downloaded pack's connector script, or the built-in connector. */
  connectorFor(serviceId: string): ConnectorAnswer {
    const platform = this.deps.serviceOf(serviceId)?.platform;
    const builtIn: ConnectorAnswer = { source: { kind: 'built-in', version: this.deps.store.getState().packs.builtIn } };
    if (platform === undefined) return builtIn;
    const pack = this.chosen(platform);
    const code = pack?.files[connectorFile(platform)];
    return pack === undefined || code === undefined ? builtIn : { source: { kind: 'downloaded', version: pack.manifest.version }, code };
  }

  /** The service-worker preload a service's session registers: the chosen pack's, or the app's own. */
  workerPreloadPath(serviceId: string): string {
    const platform = this.deps.serviceOf(serviceId)?.platform;
    const pack = platform === undefined ? undefined : this.chosen(platform);
    return (pack && this.deps.disk.workerPreload(pack)) ?? this.deps.builtInWorkerPreload;
  }

  /** A page could not run the pack's connector it was given: its platform goes back from that pack. */
  packFailed(serviceId: string, failure: ConnectorFailure): void {
    const platform = this.deps.serviceOf(serviceId)?.platform;
    this.deps.log.warn('a connector pack failed in a page: it runs the built-in connector', { service: serviceId, ...failure });
    if (platform !== undefined) this.health.packFailed(serviceId, platform, failure.version, failure.reason);
  }

  /** A service's connector reported: what its pack reads, for rollback. */
  reported(serviceId: string, platform: PlatformId, update: ServiceUpdate): void {
    this.health.report({
      serviceId,
      platform,
      loggedIn: update.loggedIn,
      ...(update.health?.packVersion === undefined ? {} : { packVersion: update.health.packVersion }),
      ...(update.health === undefined ? {} : { rows: update.health.rows }),
    });
  }

  /** The verified pack a platform takes now, when it is a downloaded one. */
  private chosen(platform: PlatformId): VerifiedPack | undefined {
    const source = this.health.sourceFor(platform);
    if (source.kind !== 'downloaded') return undefined;
    return this.deps.disk.packs().find((pack) => pack.manifest.version === source.version);
  }

  /** The newest downloaded pack, when it is newer than the built-in one. */
  private downloaded(): Pick<PacksState, 'downloaded'> {
    const newest = this.deps.disk.packs()[0]?.manifest;
    const builtIn = this.deps.store.getState().packs.builtIn;
    return newest !== undefined && compareVersions(newest.version, builtIn) > 0 ? { downloaded: { version: newest.version, builtAt: newest.builtAt } } : {};
  }

  private setPacks(patch: Partial<PacksState>): void {
    this.deps.store.setState({ packs: { ...this.deps.store.getState().packs, ...patch } });
  }
}
