/**
 * Connector packs as main runs them (main/core/packs/connector-packs.ts), on packs signed with a key generated here:
 * what a starting service page is given (the chosen pack's connector script, or the built-in connector), the
 * service-worker preload file, what AppState.packs says, a pack a page could not run, rollback from the pages'
 * reports, and a newer pack from the feed taken by the next page that starts.
 */
import { describe, expect, it } from 'vitest';
import type { ServiceUpdate } from '../../../../../common/ipc';
import type { ServiceConfig } from '../../../../../common/model';
import { BUILT_IN_PACK_VERSION } from '../../../../../common/pack-version';
import { connectorFile, type PackRefusal } from '../../../../../common/packs';
import { DEFAULT_SETTINGS } from '../../../../../common/settings';
import { initialRuntime } from '../../../../../common/state';
import { createAppStore } from '../../../../../main/core/app/app-store';
import { ConnectorPacks, type PackDisk } from '../../../../../main/core/packs/connector-packs';
import { JUDGE_AFTER_MS } from '../../../../../main/core/packs/health';
import { DEFAULT_PACK_FEED } from '../../../../../main/core/packs/updates';
import { verifyPack, type VerifiedPack } from '../../../../../main/core/packs/verify';
import { packCrypto } from '../../../../../main/security/pack-keys';
import { ManualClock } from '../../../../fakes/clock';
import { MemoryLogger } from '../../../../fakes/logger';
import { stateOf } from '../../../../fakes/state';
import { packBytes, testKey } from '../../../../support/signed-packs';

const key = testKey('release-2026');
const APP = '0.5.0';
const BUILT_IN_WORKER = '/app/out/preload/service-worker.cjs';

const service = (id: string, platform: ServiceConfig['platform']): ServiceConfig => ({ id, platform, name: id, enabled: true, muted: false, callsAllowed: false });

function verified(version: string): VerifiedPack {
  const result = verifyPack(packBytes(key, { version }), { crypto: packCrypto([key]), appVersion: APP });
  if (!result.ok) throw new Error(`test pack refused: ${result.reason}`);
  return result.pack;
}

class FakeDisk implements PackDisk {
  constructor(public kept: VerifiedPack[] = []) {}
  packs(): readonly VerifiedPack[] {
    return this.kept;
  }
  save(pack: VerifiedPack): void {
    this.kept = [pack, ...this.kept].slice(0, 2);
  }
  workerPreload(pack: VerifiedPack): string {
    return `/profile/connector-packs/${pack.manifest.version}.worker.cjs`;
  }
}

function setup(options: { stored?: string[]; refusedAtStart?: PackRefusal; web?: Map<string, Uint8Array>; packaged?: boolean } = {}) {
  const services = [service('wa', 'whatsapp'), service('wa2', 'whatsapp'), service('sl', 'slack')];
  const runtime = Object.fromEntries(services.map((s) => [s.id, { ...initialRuntime(true), status: 'ready' as const }]));
  const store = createAppStore(stateOf({ services, runtime, activeServiceId: 'sl', settings: { ...DEFAULT_SETTINGS, updates: true }, packaged: options.packaged ?? true }));
  const clock = new ManualClock();
  const log = new MemoryLogger();
  const disk = new FakeDisk((options.stored ?? []).map(verified));
  const reloads: string[] = [];
  const web = options.web ?? new Map<string, Uint8Array>();
  const packs = new ConnectorPacks({
    store,
    clock,
    log,
    disk,
    ...(options.refusedAtStart === undefined ? {} : { refusedAtStart: options.refusedAtStart }),
    fetch: (url) => {
      const bytes = web.get(url);
      return bytes ? Promise.resolve(bytes) : Promise.reject(new Error('HTTP 404'));
    },
    crypto: packCrypto([key]),
    appVersion: APP,
    builtInWorkerPreload: BUILT_IN_WORKER,
    serviceOf: (id) => store.getState().services.find((s) => s.id === id),
    initialReads: { whatsapp: { [BUILT_IN_PACK_VERSION]: 30 } },
    saveReads: () => undefined,
    reloadService: (id) => reloads.push(id),
  });
  return { store, clock, log, disk, packs, reloads, state: () => store.getState().packs };
}

const update = (packVersion: string, rows: number): ServiceUpdate => ({
  seq: 1,
  reset: false,
  loggedIn: true,
  unread: { direct: 0, indirect: 0 },
  upsert: [],
  remove: [],
  health: { rows, chats: rows, badges: 0, titleUnread: null, missing: [], lastGoodRead: null, packVersion },
});

describe('ConnectorPacks: what a page is given', () => {
  it('gives a platform the newest verified pack’s connector script, and says which pack is in use', () => {
    const { packs, state, disk } = setup({ stored: ['1.3.0', '1.2.0'] });
    expect(packs.connectorFor('wa')).toEqual({ source: { kind: 'downloaded', version: '1.3.0' }, code: disk.kept[0]?.files[connectorFile('whatsapp')] });
    expect(state().downloaded).toEqual({ version: '1.3.0', builtAt: disk.kept[0]?.manifest.builtAt });
  });

  it('gives the built-in connector to a platform the pack does not cover, to an unknown service, and with no pack', () => {
    const { packs } = setup({ stored: ['1.3.0'] });
    const builtIn = { source: { kind: 'built-in', version: BUILT_IN_PACK_VERSION } };
    expect(packs.connectorFor('sl')).toEqual(builtIn);
    expect(packs.connectorFor('gone')).toEqual(builtIn);
    expect(setup().packs.connectorFor('wa')).toEqual(builtIn);
    expect(setup().state().downloaded).toBeUndefined();
  });

  it('gives the built-in connector to every page while the user pins the built-in pack', () => {
    const { packs } = setup({ stored: ['1.3.0'] });
    packs.health.pinBuiltIn(true);
    expect(packs.connectorFor('wa')).toEqual({ source: { kind: 'built-in', version: BUILT_IN_PACK_VERSION } });
    expect(packs.workerPreloadPath('wa')).toBe(BUILT_IN_WORKER);
  });

  it('registers the chosen pack’s worker preload file, the app’s own otherwise', () => {
    const { packs } = setup({ stored: ['1.3.0'] });
    expect(packs.workerPreloadPath('wa')).toBe('/profile/connector-packs/1.3.0.worker.cjs');
    expect(packs.workerPreloadPath('sl')).toBe(BUILT_IN_WORKER);
  });

  it('says a stored pack was refused at start', () => {
    const { state, clock } = setup({ refusedAtStart: 'file-mismatch' });
    expect(state().lastRefusal).toEqual({ reason: 'file-mismatch', at: clock.now() });
  });
});

describe('ConnectorPacks: a pack that reads worse', () => {
  it('a page that could not run the pack sends its platform back, and the next page starts on the one before', () => {
    const { packs, state, log, reloads } = setup({ stored: ['1.3.0', '1.2.0'] });
    packs.reported('wa2', 'whatsapp', update('1.3.0', 9));
    packs.packFailed('wa', { version: '1.3.0', reason: 'threw' });
    expect(state().rolledBack).toEqual([expect.objectContaining({ platform: 'whatsapp', from: '1.3.0', to: '1.2.0' })]);
    expect(log.count('warn', 'a connector pack failed in a page: it runs the built-in connector')).toBe(1);
    expect(reloads).toEqual(['wa2']);
    expect(packs.connectorFor('wa').source).toEqual({ kind: 'downloaded', version: '1.2.0' });
  });

  it('a pack that finds no rows where the built-in found many is rolled back from the pages’ reports', () => {
    const { packs, state, clock } = setup({ stored: ['1.3.0'] });
    packs.reported('wa', 'whatsapp', update('1.3.0', 0));
    clock.advance(JUDGE_AFTER_MS);
    expect(state().rolledBack).toEqual([expect.objectContaining({ platform: 'whatsapp', from: '1.3.0', to: BUILT_IN_PACK_VERSION })]);
    expect(packs.connectorFor('wa')).toEqual({ source: { kind: 'built-in', version: BUILT_IN_PACK_VERSION } });
  });
});

describe('ConnectorPacks: a newer pack from the feed', () => {
  it('offers no check where there is no feed: a development build given none', () => {
    const { store, packs, state } = setup();
    expect(packs.checker()).toBeInstanceOf(Function);
    expect(state().noFeed).toBeUndefined();
    store.setState({ packaged: false });
    expect(packs.checker()).toBeUndefined();
  });

  it('says so in the state when it starts without a feed', () => {
    const { store } = setup({ packaged: false });
    expect(store.getState().packs.noFeed).toBe(true);
  });

  it('is verified, stored, shown, and given to the next page that starts', async () => {
    const url = 'https://github.com/wasl-app/wasl/releases/download/connectors-v1.4.0/connectors-1.4.0.json';
    const web = new Map([
      [DEFAULT_PACK_FEED, new TextEncoder().encode(JSON.stringify({ format: 1, version: '1.4.0', url }))],
      [url, packBytes(key, { version: '1.4.0' })],
    ]);
    const { packs, state, clock } = setup({ stored: ['1.3.0'], web });
    expect(packs.connectorFor('wa').source.version).toBe('1.3.0');
    await packs.checker()?.();
    expect(state()).toMatchObject({ downloaded: { version: '1.4.0' }, lastCheck: clock.now() });
    expect(packs.connectorFor('wa').source).toEqual({ kind: 'downloaded', version: '1.4.0' });
  });

  it('a refused one changes nothing but says why', async () => {
    const url = 'https://github.com/wasl-app/wasl/releases/download/connectors-v1.4.0/connectors-1.4.0.json';
    const stranger = testKey('release-2026');
    const web = new Map([
      [DEFAULT_PACK_FEED, new TextEncoder().encode(JSON.stringify({ format: 1, version: '1.4.0', url }))],
      [url, packBytes(stranger, { version: '1.4.0' })],
    ]);
    const { packs, state, disk } = setup({ stored: ['1.3.0'], web });
    await packs.checker()?.();
    expect(state()).toMatchObject({ downloaded: { version: '1.3.0' }, lastRefusal: { reason: 'bad-signature', version: '1.4.0' } });
    expect(disk.kept.map((p) => p.manifest.version)).toEqual(['1.3.0']);
    expect(packs.connectorFor('wa').source.version).toBe('1.3.0');
  });
});
