/**
 * Connector pack updates (main/core/packs/updates.ts) against a fake web, a fake pack store and keys generated
 * here: when the feed is checked, what a newer pack goes through before it is stored, and that every refusal
 * (of the feed or of the pack) leaves the store untouched, is reported, and is logged once however often it repeats.
 */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_PACK_VERSION } from '../../../../../common/pack-version';
import { MAX_PACK_BYTES, connectorFile, type PackRefusal } from '../../../../../common/packs';
import { DEFAULT_SETTINGS } from '../../../../../common/settings';
import { createAppStore, type AppStore } from '../../../../../main/core/app/app-store';
import {
  DEFAULT_PACK_FEED,
  MAX_FEED_BYTES,
  PACK_CHECK_EVERY_MS,
  PACK_FIRST_CHECK_MS,
  PackUpdates,
  type PackStorePort,
  type PackUpdateDeps,
} from '../../../../../main/core/packs/updates';
import { verifyPack, type VerifiedPack } from '../../../../../main/core/packs/verify';
import { packCrypto } from '../../../../../main/security/pack-keys';
import { ManualClock } from '../../../../fakes/clock';
import { MemoryLogger } from '../../../../fakes/logger';
import { stateOf } from '../../../../fakes/state';
import { packBytes, testKey, type PackSpec } from '../../../../support/signed-packs';

const key = testKey('release-2026');
const APP = '0.5.0';
const packUrl = (version: string): string => `https://github.com/wasl-app/wasl/releases/download/connectors-v${version}/connectors-${version}.json`;
const feedOf = (version: string, url = packUrl(version)): Uint8Array => new TextEncoder().encode(JSON.stringify({ format: 1, version, url }));

/** The packs on "disk": what the store port was given. */
class FakePacks implements PackStorePort {
  kept: VerifiedPack[] = [];
  saves = 0;
  failSave = false;

  packs(): readonly VerifiedPack[] {
    return this.kept;
  }
  save(pack: VerifiedPack): void {
    this.saves += 1;
    if (this.failSave) throw new Error('ENOSPC: no space left on device');
    this.kept = [pack, ...this.kept].slice(0, 2);
  }
}

/** What each address answers: bytes, or an error as the network gives one. Honours maxBytes as the real port does. */
class FakeWeb {
  readonly answers = new Map<string, Uint8Array | Error>();
  readonly asked: { url: string; maxBytes: number }[] = [];
  /** Hand over bytes beyond maxBytes anyway (a port that does not honour its limit). */
  ignoreLimit = false;
  /** Requests left hanging until the test lets them go. */
  hang = false;
  private hanging: (() => void)[] = [];

  readonly fetch = (url: string, maxBytes: number): Promise<Uint8Array> => {
    this.asked.push({ url, maxBytes });
    const answer = (): Promise<Uint8Array> => {
      const found = this.answers.get(url) ?? new Error('HTTP 404');
      if (found instanceof Error) return Promise.reject(found);
      if (found.length > maxBytes && !this.ignoreLimit) return Promise.reject(new Error(`more than ${maxBytes} bytes`));
      return Promise.resolve(found);
    };
    if (!this.hang) return answer();
    return new Promise((resolve, reject) => this.hanging.push(() => void answer().then(resolve, reject)));
  };

  release(): void {
    for (const go of this.hanging.splice(0)) go();
  }

  urls(): string[] {
    return this.asked.map((a) => a.url);
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

interface Harness {
  store: AppStore;
  clock: ManualClock;
  log: MemoryLogger;
  web: FakeWeb;
  packs: FakePacks;
  stored: VerifiedPack[];
  refused: [PackRefusal, string | undefined][];
  checked: number[];
  updates: PackUpdates;
  /** Runs the check due after `ms` and lets it finish. */
  after(ms: number): Promise<void>;
}

function setup(options: { updates?: boolean; packaged?: boolean; feedUrl?: string; onStored?: () => void } = {}): Harness {
  const store = createAppStore(stateOf({ settings: { ...DEFAULT_SETTINGS, updates: options.updates ?? true }, packaged: options.packaged ?? true }));
  const clock = new ManualClock();
  const log = new MemoryLogger();
  const web = new FakeWeb();
  const packs = new FakePacks();
  const h: Omit<Harness, 'updates'> = {
    store,
    clock,
    log,
    web,
    packs,
    stored: [],
    refused: [],
    checked: [],
    after: async (ms) => {
      clock.advance(ms);
      await settle();
    },
  };
  const deps: PackUpdateDeps = {
    store,
    packs,
    fetch: web.fetch,
    crypto: packCrypto([key]),
    appVersion: APP,
    clock,
    log,
    onChecked: (at) => h.checked.push(at),
    onStored: (pack) => {
      h.stored.push(pack);
      options.onStored?.();
    },
    onRefused: (reason, version) => h.refused.push([reason, version]),
  };
  if (options.feedUrl !== undefined) deps.feedUrl = options.feedUrl;
  const updates = new PackUpdates(deps);
  updates.start();
  return { ...h, updates };
}

/** Publishes a pack: the feed names `version` and its address answers the bytes. */
function publish(h: Harness, version: string, bytes: Uint8Array | Error = packBytes(key, { version }), feed = DEFAULT_PACK_FEED): void {
  h.web.answers.set(feed, feedOf(version));
  h.web.answers.set(packUrl(version), bytes);
}

function stored(version: string): VerifiedPack {
  const result = verifyPack(packBytes(key, { version }), { crypto: packCrypto([key]), appVersion: APP });
  if (!result.ok) throw new Error(result.reason);
  return result.pack;
}

const warnings = (h: Harness) => h.log.lines.filter((l) => l.level === 'warn' && l.message === 'connector pack refused');

describe('PackUpdates: when it checks', () => {
  it('checks the release feed a little after start, then every six hours', async () => {
    const h = setup();
    publish(h, BUILT_IN_PACK_VERSION);
    await h.after(PACK_FIRST_CHECK_MS - 1);
    expect(h.web.asked).toEqual([]);
    await h.after(1);
    expect(h.web.asked).toEqual([{ url: DEFAULT_PACK_FEED, maxBytes: MAX_FEED_BYTES }]);
    expect(h.checked).toEqual([h.clock.now()]);
    await h.after(PACK_CHECK_EVERY_MS - 1);
    expect(h.web.asked).toHaveLength(1);
    await h.after(1);
    expect(h.web.urls()).toEqual([DEFAULT_PACK_FEED, DEFAULT_PACK_FEED]);
    await h.after(PACK_CHECK_EVERY_MS);
    expect(h.web.asked).toHaveLength(3);
    expect(h.checked).toHaveLength(3);
  });

  it('names the rolling connectors release as its feed', () => {
    expect(DEFAULT_PACK_FEED).toBe('https://github.com/wasl-app/wasl/releases/download/connectors/connectors-feed.json');
  });

  it('does nothing while the updates setting is off, checks at once when it is turned on, and stops when turned off', async () => {
    const h = setup({ updates: false });
    await h.after(PACK_CHECK_EVERY_MS * 2);
    expect(h.web.asked).toEqual([]);
    expect(h.clock.pending).toBe(0);

    h.store.setState({ settings: { ...h.store.getState().settings, updates: true } });
    await h.after(0);
    expect(h.web.asked).toHaveLength(1);

    h.store.setState({ settings: { ...h.store.getState().settings, updates: false } });
    await h.after(PACK_CHECK_EVERY_MS * 3);
    expect(h.web.asked).toHaveLength(1);
    expect(h.clock.pending).toBe(0);
  });

  it('checks nothing in a development build, unless a feed is given explicitly', async () => {
    const dev = setup({ packaged: false });
    await dev.after(PACK_CHECK_EVERY_MS * 2);
    expect(dev.web.asked).toEqual([]);
    expect(dev.clock.pending).toBe(0);

    const feed = 'https://localhost.test/my-feed.json';
    const testing = setup({ packaged: false, feedUrl: feed });
    publish(testing, '1.1.0', undefined, feed);
    await testing.after(PACK_FIRST_CHECK_MS);
    expect(testing.web.urls()).toEqual([feed, packUrl('1.1.0')]);
    expect(testing.stored.map((p) => p.manifest.version)).toEqual(['1.1.0']);

    const off = setup({ packaged: false, feedUrl: feed, updates: false });
    await off.after(PACK_CHECK_EVERY_MS);
    expect(off.web.asked).toEqual([]);
  });

  it('checks a feed given explicitly in an installed build instead of the default one', async () => {
    const feed = 'https://mirror.example/connectors-feed.json';
    const h = setup({ feedUrl: feed });
    await h.after(PACK_FIRST_CHECK_MS);
    expect(h.web.urls()).toEqual([feed]);
  });

  it('runs one check at a time: turning the setting off and on during a check starts no second one', async () => {
    const h = setup();
    publish(h, '1.1.0');
    h.web.hang = true;
    await h.after(PACK_FIRST_CHECK_MS);
    h.store.setState({ settings: { ...h.store.getState().settings, updates: false } });
    h.store.setState({ settings: { ...h.store.getState().settings, updates: true } });
    await h.after(0);
    expect(h.web.asked).toHaveLength(1);
    h.web.hang = false;
    h.web.release();
    await settle();
    await settle();
    expect(h.stored).toHaveLength(1);
    // The next check comes six hours after this one ended.
    await h.after(PACK_CHECK_EVERY_MS - 1);
    expect(h.web.asked).toHaveLength(2);
    await h.after(1);
    expect(h.web.asked).toHaveLength(3);
  });
  it('takes nothing and plans no next check when the setting is turned off during a check', async () => {
    const h = setup();
    publish(h, '1.1.0');
    h.web.hang = true;
    await h.after(PACK_FIRST_CHECK_MS);
    h.store.setState({ settings: { ...h.store.getState().settings, updates: false } });
    h.web.hang = false;
    h.web.release();
    await settle();
    await settle();
    expect(h.web.asked).toHaveLength(2);
    expect(h.packs.saves).toBe(0);
    expect(h.stored).toEqual([]);
    expect(h.clock.pending).toBe(0);
  });
});

describe('PackUpdates: check now', () => {
  it('checks at once when asked, ends when the pack is stored, and plans the next six hours later', async () => {
    const h = setup();
    publish(h, '1.1.0');
    await h.updates.check();
    expect(h.stored.map((p) => p.manifest.version)).toEqual(['1.1.0']);
    expect(h.checked).toHaveLength(1);
    await h.after(PACK_CHECK_EVERY_MS - 1);
    expect(h.web.asked).toHaveLength(2);
    await h.after(1);
    expect(h.web.asked).toHaveLength(3);
  });

  it('asked during a check, answers when that one ends instead of starting another', async () => {
    const h = setup();
    publish(h, '1.1.0');
    h.web.hang = true;
    const first = h.updates.check();
    const second = h.updates.check();
    await settle();
    h.web.hang = false;
    h.web.release();
    await Promise.all([first, second]);
    await settle();
    expect(h.web.urls().filter((url) => url === DEFAULT_PACK_FEED)).toHaveLength(1);
    expect(h.stored).toHaveLength(1);
  });

  it('does nothing when updates are off', async () => {
    const h = setup({ updates: false });
    publish(h, '1.1.0');
    await h.updates.check();
    expect(h.web.asked).toEqual([]);
    expect(h.checked).toEqual([]);
  });
});

describe('PackUpdates: a newer pack', () => {
  it('is downloaded, verified and stored, and reported once stored', async () => {
    const h = setup();
    publish(h, '1.1.0');
    await h.after(PACK_FIRST_CHECK_MS);
    expect(h.web.asked).toEqual([
      { url: DEFAULT_PACK_FEED, maxBytes: MAX_FEED_BYTES },
      { url: packUrl('1.1.0'), maxBytes: MAX_PACK_BYTES },
    ]);
    expect(h.packs.kept.map((p) => p.manifest.version)).toEqual(['1.1.0']);
    expect(h.stored).toEqual(h.packs.kept);
    expect(h.refused).toEqual([]);
    expect(h.log.lines).toContainEqual({ level: 'info', message: 'stored a new connector pack', fields: { version: '1.1.0' } });

    // Six hours later the feed names the same pack: nothing is downloaded again.
    await h.after(PACK_CHECK_EVERY_MS);
    expect(h.web.urls()).toEqual([DEFAULT_PACK_FEED, packUrl('1.1.0'), DEFAULT_PACK_FEED]);
    expect(h.packs.saves).toBe(1);
  });

  it('is not downloaded when the feed names a version no newer than the built-in pack or the newest stored one', async () => {
    const builtIn = setup();
    publish(builtIn, BUILT_IN_PACK_VERSION);
    await builtIn.after(PACK_FIRST_CHECK_MS);
    expect(builtIn.web.urls()).toEqual([DEFAULT_PACK_FEED]);

    const older = setup();
    older.packs.kept = [stored('1.3.0'), stored('1.2.0')];
    publish(older, '1.2.5');
    await older.after(PACK_FIRST_CHECK_MS);
    expect(older.web.urls()).toEqual([DEFAULT_PACK_FEED]);
    expect(older.packs.saves).toBe(0);
    expect(older.refused).toEqual([]);
    expect(older.checked).toHaveLength(1);
  });

  it('must be newer than the built-in pack even when an older pack is stored', async () => {
    const h = setup();
    h.packs.kept = [stored('0.9.0')];
    publish(h, '1.1.0', packBytes(key, { version: BUILT_IN_PACK_VERSION }));
    await h.after(PACK_FIRST_CHECK_MS);
    expect(h.refused).toEqual([['not-newer', '1.1.0']]);
    expect(h.packs.saves).toBe(0);
  });

  it('that cannot be written is logged, not reported, and taken at the next check', async () => {
    const h = setup();
    publish(h, '1.1.0');
    h.packs.failSave = true;
    await h.after(PACK_FIRST_CHECK_MS);
    await h.after(PACK_CHECK_EVERY_MS);
    expect(h.stored).toEqual([]);
    expect(h.log.count('warn', 'could not store a connector pack')).toBe(1);
    h.packs.failSave = false;
    await h.after(PACK_CHECK_EVERY_MS);
    expect(h.stored.map((p) => p.manifest.version)).toEqual(['1.1.0']);
  });

  it('keeps checking when whoever is told of a stored pack fails', async () => {
    const h = setup({
      onStored: () => {
        throw new Error('listener broke');
      },
    });
    publish(h, '1.1.0');
    await h.after(PACK_FIRST_CHECK_MS);
    expect(h.log.count('error', 'connector pack check failed')).toBe(1);
    publish(h, '1.2.0');
    await h.after(PACK_CHECK_EVERY_MS);
    expect(h.packs.kept.map((p) => p.manifest.version)).toEqual(['1.2.0', '1.1.0']);
  });
});

describe('PackUpdates: refusals change nothing', () => {
  const whatsapp = connectorFile('whatsapp');
  const other = testKey('release-2099');
  const cases: { name: string; feedVersion: string; pack: () => Uint8Array | Error; reason: PackRefusal; limitless?: boolean }[] = [
    { name: 'a tampered file', feedVersion: '1.3.0', pack: () => packBytes(key, { version: '1.3.0', after: (f) => (f.files[whatsapp] = 'steal()') }), reason: 'file-mismatch' },
    { name: 'a file added', feedVersion: '1.3.0', pack: () => packBytes(key, { version: '1.3.0', after: (f) => (f.files[connectorFile('slack')] = 'x') }), reason: 'file-mismatch' },
    {
      name: 'a file removed',
      feedVersion: '1.3.0',
      pack: () => packBytes(key, { version: '1.3.0', after: (f) => (f.files = Object.fromEntries(Object.entries(f.files).filter(([n]) => n !== whatsapp))) }),
      reason: 'file-mismatch',
    },
    { name: 'a bad signature', feedVersion: '1.3.0', pack: () => packBytes(key, { version: '1.3.0', after: (f) => (f.manifest = f.manifest.replace('0.9.0', '9.9.0')) }), reason: 'bad-signature' },
    { name: 'the wrong key under a trusted id', feedVersion: '1.3.0', pack: () => packBytes(testKey(key.id), { version: '1.3.0' }), reason: 'bad-signature' },
    { name: 'an unknown key', feedVersion: '1.3.0', pack: () => packBytes(other, { version: '1.3.0' }), reason: 'unknown-key' },
    { name: 'an older version', feedVersion: '1.3.0', pack: () => packBytes(key, { version: '1.1.0' }), reason: 'not-newer' },
    { name: 'the same version', feedVersion: '1.3.0', pack: () => packBytes(key, { version: '1.2.0' }), reason: 'not-newer' },
    { name: 'an app too old for it', feedVersion: '1.3.0', pack: () => packBytes(key, { version: '1.3.0', minAppVersion: '0.6.0', maxAppVersion: '0.9.0' }), reason: 'app-out-of-range' },
    { name: 'an app too new for it', feedVersion: '1.3.0', pack: () => packBytes(key, { version: '1.3.0', minAppVersion: '0.1.0', maxAppVersion: '0.4.9' }), reason: 'app-out-of-range' },
    { name: 'a truncated download', feedVersion: '1.3.0', pack: () => packBytes(key, { version: '1.3.0' }).slice(0, 500), reason: 'unreadable' },
    { name: 'an oversized download, cut off by the port', feedVersion: '1.3.0', pack: () => new Uint8Array(MAX_PACK_BYTES + 1), reason: 'download-failed' },
    { name: 'an oversized download the port let through', feedVersion: '1.3.0', pack: () => new Uint8Array(MAX_PACK_BYTES + 1), reason: 'too-large', limitless: true },
    { name: 'a failed download', feedVersion: '1.3.0', pack: () => new Error('ECONNRESET'), reason: 'download-failed' },
  ];

  for (const c of cases) {
    it(`refuses ${c.name} (${c.reason}), storing nothing`, async () => {
      const h = setup();
      const before = [stored('1.2.0'), stored('1.1.0')];
      h.packs.kept = [...before];
      h.web.ignoreLimit = c.limitless === true;
      publish(h, c.feedVersion, c.pack());
      await h.after(PACK_FIRST_CHECK_MS);
      expect(h.web.urls()).toEqual([DEFAULT_PACK_FEED, packUrl(c.feedVersion)]);
      expect(h.refused).toEqual([[c.reason, c.feedVersion]]);
      expect(h.packs.saves).toBe(0);
      expect(h.packs.kept).toEqual(before);
      expect(h.stored).toEqual([]);
      expect(warnings(h)).toHaveLength(1);
      expect(warnings(h)[0]?.fields).toMatchObject({ reason: c.reason, version: c.feedVersion });
      expect(h.checked).toHaveLength(1);
    });
  }

  const feeds: { name: string; answer: Uint8Array | Error; reason: PackRefusal }[] = [
    { name: 'an unreachable feed', answer: new Error('getaddrinfo ENOTFOUND github.com'), reason: 'download-failed' },
    { name: 'a feed larger than a feed', answer: new Uint8Array(MAX_FEED_BYTES + 1).fill(0x20), reason: 'download-failed' },
    { name: 'a feed that is not JSON', answer: new TextEncoder().encode('<html>rate limited</html>'), reason: 'unreadable' },
    { name: 'a feed without a url', answer: new TextEncoder().encode(JSON.stringify({ format: 1, version: '1.3.0' })), reason: 'unreadable' },
    { name: 'a feed with an http url', answer: feedOf('1.3.0', 'http://github.com/pack.json'), reason: 'unreadable' },
    { name: 'a feed with a bad version', answer: feedOf('1.3'), reason: 'unreadable' },
    { name: 'a feed of another format', answer: new TextEncoder().encode(JSON.stringify({ format: 2, version: '1.3.0', url: packUrl('1.3.0') })), reason: 'unreadable' },
  ];

  for (const f of feeds) {
    it(`refuses ${f.name} (${f.reason}), downloading and storing nothing`, async () => {
      const h = setup();
      h.packs.kept = [stored('1.2.0')];
      h.web.answers.set(DEFAULT_PACK_FEED, f.answer);
      h.web.answers.set(packUrl('1.3.0'), packBytes(key, { version: '1.3.0' }));
      await h.after(PACK_FIRST_CHECK_MS);
      expect(h.web.urls()).toEqual([DEFAULT_PACK_FEED]);
      expect(h.refused).toEqual([[f.reason, undefined]]);
      expect(h.packs.saves).toBe(0);
      expect(h.packs.kept.map((p) => p.manifest.version)).toEqual(['1.2.0']);
      expect(warnings(h)).toHaveLength(1);
    });
  }

  it('logs a refusal that repeats every six hours once, and reports it each time', async () => {
    const h = setup();
    const spec: PackSpec = { version: '1.3.0', after: (f) => (f.signature = f.signature.replace(/^./u, (c) => (c === 'A' ? 'B' : 'A'))) };
    publish(h, '1.3.0', packBytes(key, spec));
    await h.after(PACK_FIRST_CHECK_MS);
    await h.after(PACK_CHECK_EVERY_MS);
    await h.after(PACK_CHECK_EVERY_MS);
    expect(h.refused).toEqual([
      ['bad-signature', '1.3.0'],
      ['bad-signature', '1.3.0'],
      ['bad-signature', '1.3.0'],
    ]);
    expect(warnings(h)).toHaveLength(1);

    // Another version refused for the same reason is news.
    publish(h, '1.4.0', packBytes(key, { ...spec, version: '1.4.0' }));
    await h.after(PACK_CHECK_EVERY_MS);
    expect(warnings(h)).toHaveLength(2);

    // The network down for a day: once.
    h.web.answers.set(DEFAULT_PACK_FEED, new Error('ENETUNREACH'));
    for (let i = 0; i < 4; i++) await h.after(PACK_CHECK_EVERY_MS);
    expect(warnings(h)).toHaveLength(3);
    expect(warnings(h)[2]?.fields).toEqual({ reason: 'download-failed', url: DEFAULT_PACK_FEED, error: 'ENETUNREACH' });

    // A check that ends well forgets them: the same refusal later is logged again.
    publish(h, '1.0.0');
    await h.after(PACK_CHECK_EVERY_MS);
    publish(h, '1.4.0', packBytes(key, { ...spec, version: '1.4.0' }));
    await h.after(PACK_CHECK_EVERY_MS);
    expect(warnings(h)).toHaveLength(4);
    expect(h.packs.saves).toBe(0);
  });
});
