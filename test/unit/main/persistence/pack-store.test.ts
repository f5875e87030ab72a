/**
 * The connector pack store (main/persistence/pack-store.ts) on a real temporary folder, with keys generated here:
 * what is written, what is kept, and what a start does with every file it finds — a file changed on disk by one
 * byte is refused and moved aside, the leftovers of a write cut short are removed, and a third pack left by a crash
 * is cleaned up.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PACK_BYTES, WORKER_FILE, connectorFile } from '../../../../common/packs';
import { verifyPack, type VerifiedPack } from '../../../../main/core/packs/verify';
import { KEPT_PACKS, PACKS_DIR, PackStore } from '../../../../main/persistence/pack-store';
import { packCrypto } from '../../../../main/security/pack-keys';
import { MemoryLogger } from '../../../fakes/logger';
import { defaultFiles, packBytes, testKey, type PackSpec } from '../../../support/signed-packs';

const key = testKey('release-2026');
const APP = '0.5.0';

let userData: string;
let dir: string;
let log: MemoryLogger;

beforeEach(() => {
  userData = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-packs-'));
  dir = path.join(userData, PACKS_DIR);
  log = new MemoryLogger();
});
afterEach(() => {
  fs.rmSync(userData, { recursive: true, force: true });
});

function verified(spec: PackSpec): VerifiedPack {
  const result = verifyPack(packBytes(key, spec), { crypto: packCrypto([key]), appVersion: APP });
  if (!result.ok) throw new Error(`test pack refused: ${result.reason}`);
  return result.pack;
}

/** A store as a fresh start opens it: loaded from the disk. */
function started(keys = [key], appVersion = APP): { store: PackStore; loaded: ReturnType<PackStore['load']> } {
  const store = new PackStore(userData, log);
  return { store, loaded: store.load(keys, appVersion) };
}

const versions = (packs: readonly VerifiedPack[]): string[] => packs.map((p) => p.manifest.version);
const listing = (): string[] => fs.readdirSync(dir).sort();

/** Changes one byte of a stored file: the last of the first `find` after the JSON field `field`, to `to`. */
function changeByte(file: string, field: string, find: string, to: string): void {
  const text = fs.readFileSync(file, 'latin1');
  const start = text.indexOf(find, text.indexOf(`"${field}"`));
  expect(start).toBeGreaterThan(0);
  const at = start + find.length - 1;
  fs.writeFileSync(file, `${text.slice(0, at)}${to}${text.slice(at + 1)}`, 'latin1');
}

describe('PackStore', () => {
  it('starts empty when nothing was ever stored, creating nothing', () => {
    const { store, loaded } = started();
    expect(loaded).toEqual({ packs: [], refused: [] });
    expect(store.packs()).toEqual([]);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('writes a pack as <version>.json, the exact bytes verified, and reads it back at the next start', () => {
    const pack = verified({ version: '1.2.0' });
    started().store.save(pack);
    expect(listing()).toEqual(['1.2.0.json']);
    expect(Buffer.compare(fs.readFileSync(path.join(dir, '1.2.0.json')), Buffer.from(pack.bytes))).toBe(0);

    const { loaded } = started();
    expect(loaded.refused).toEqual([]);
    expect(versions(loaded.packs)).toEqual(['1.2.0']);
    expect(loaded.packs[0]?.files).toEqual(pack.files);
  });

  it('keeps the newest pack and the one before it, deleting older ones once the newer is written', () => {
    const { store } = started();
    store.save(verified({ version: '1.1.0' }));
    store.save(verified({ version: '1.2.0' }));
    expect(listing()).toEqual(['1.1.0.json', '1.2.0.json']);
    store.save(verified({ version: '1.10.0' }));
    expect(KEPT_PACKS).toBe(2);
    expect(listing()).toEqual(['1.10.0.json', '1.2.0.json']);
    expect(versions(store.packs())).toEqual(['1.10.0', '1.2.0']);
    expect(versions(started().loaded.packs)).toEqual(['1.10.0', '1.2.0']);
  });

  it('writes the same version again over itself', () => {
    const { store } = started();
    store.save(verified({ version: '1.1.0' }));
    store.save(verified({ version: '1.2.0' }));
    store.save(verified({ version: '1.2.0', builtAt: '2026-11-21T08:00:00.000Z' }));
    expect(versions(store.packs())).toEqual(['1.2.0', '1.1.0']);
    expect(started().loaded.packs[0]?.manifest.builtAt).toBe('2026-11-21T08:00:00.000Z');
  });

  it('refuses at start a pack whose connector was changed on disk by one byte, and moves it aside', () => {
    const { store } = started();
    store.save(verified({ version: '1.1.0' }));
    store.save(verified({ version: '1.2.0' }));
    const file = path.join(dir, '1.2.0.json');
    const before = fs.readFileSync(file);
    changeByte(file, 'files', "platform: 'w", 'W');
    const tampered = fs.readFileSync(file);
    expect(tampered.length).toBe(before.length);
    expect(tampered.filter((byte, i) => byte !== before[i]).length).toBe(1);

    const { store: next, loaded } = started();
    expect(versions(loaded.packs)).toEqual(['1.1.0']);
    expect(versions(next.packs())).toEqual(['1.1.0']);
    expect(loaded.refused).toEqual([{ file: '1.2.0.json', reason: 'file-mismatch', movedTo: `${file}.refused` }]);
    expect(listing()).toEqual(['1.1.0.json', '1.2.0.json.refused']);
    // Kept as it was found, for a bug report.
    expect(Buffer.compare(fs.readFileSync(`${file}.refused`), tampered)).toBe(0);
    expect(log.lines).toContainEqual({
      level: 'warn',
      message: 'a stored connector pack was refused and moved aside',
      fields: { file: '1.2.0.json', reason: 'file-mismatch', movedTo: `${file}.refused` },
    });
    // The next start has nothing more to refuse.
    expect(started().loaded).toMatchObject({ refused: [] });
  });

  it('refuses a stored pack whose manifest, signature or framing changed by one byte', () => {
    const cases: [field: string, find: string, to: string, reason: string][] = [
      ['manifest', '1', '7', 'bad-signature'],
      ['signature', 's', 'x', 'unreadable'],
      ['keyId', 'r', 'R', 'unknown-key'],
      ['format', '1', '2', 'unreadable'],
    ];
    for (const [field, find, to, reason] of cases) {
      const { store } = started();
      store.save(verified({ version: '1.2.0' }));
      changeByte(path.join(dir, '1.2.0.json'), field, find, to);
      const { loaded } = started();
      expect(loaded.packs, field).toEqual([]);
      expect(loaded.refused.map((r) => r.reason), field).toEqual([reason]);
      fs.rmSync(dir, { recursive: true });
    }
    const { store } = started();
    store.save(verified({ version: '1.2.0' }));
    const file = path.join(dir, '1.2.0.json');
    const signature = (JSON.parse(fs.readFileSync(file, 'utf8')) as { signature: string }).signature;
    const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(signature, flipped));
    expect(started().loaded.refused.map((r) => r.reason)).toEqual(['bad-signature']);
  });

  it('refuses a pack cut short on disk, one too large to be a pack, and one under another version’s name', () => {
    const { store } = started();
    store.save(verified({ version: '1.2.0' }));
    const bytes = fs.readFileSync(path.join(dir, '1.2.0.json'));
    fs.writeFileSync(path.join(dir, '1.2.0.json'), bytes.subarray(0, bytes.length - 10));
    fs.writeFileSync(path.join(dir, '1.5.0.json'), Buffer.alloc(MAX_PACK_BYTES + 1, 0x20));
    // A valid 1.1.0 pack dressed up as 1.9.0.
    fs.writeFileSync(path.join(dir, '1.9.0.json'), verified({ version: '1.1.0' }).bytes);
    const { loaded } = started();
    expect(loaded.packs).toEqual([]);
    expect(loaded.refused.map((r) => [r.file, r.reason]).sort()).toEqual([
      ['1.2.0.json', 'unreadable'],
      ['1.5.0.json', 'too-large'],
      ['1.9.0.json', 'bad-manifest'],
    ]);
    expect(listing()).toEqual(['1.2.0.json.refused', '1.5.0.json.refused', '1.9.0.json.refused']);
  });

  it('refuses packs this app version is outside of, and packs whose key is no longer trusted', () => {
    const { store } = started();
    store.save(verified({ version: '1.1.0', minAppVersion: '0.1.0', maxAppVersion: '0.5.0' }));
    store.save(verified({ version: '1.2.0', minAppVersion: '0.5.0', maxAppVersion: '0.9.0' }));
    const { loaded } = started([key], '0.6.0');
    expect(versions(loaded.packs)).toEqual(['1.2.0']);
    expect(loaded.refused).toMatchObject([{ file: '1.1.0.json', reason: 'app-out-of-range' }]);

    const { loaded: rotated } = started([testKey('release-2027')], '0.6.0');
    expect(rotated.packs).toEqual([]);
    expect(rotated.refused).toMatchObject([{ file: '1.2.0.json', reason: 'unknown-key' }]);
  });

  it('never overwrites an earlier refused file when the same name is refused again', () => {
    const { store } = started();
    store.save(verified({ version: '1.2.0' }));
    changeByte(path.join(dir, '1.2.0.json'), 'files', "platform: 't", 'T');
    started();
    store.save(verified({ version: '1.2.0' }));
    changeByte(path.join(dir, '1.2.0.json'), 'files', "platform: 'w", 'W');
    const { loaded } = started();
    expect(loaded.refused).toEqual([{ file: '1.2.0.json', reason: 'file-mismatch', movedTo: path.join(dir, '1.2.0.json.2.refused') }]);
    expect(listing()).toEqual(['1.2.0.json.2.refused', '1.2.0.json.refused']);
    expect(fs.readFileSync(path.join(dir, '1.2.0.json.refused'), 'utf8')).toContain("platform: 'Telegram'");
    expect(fs.readFileSync(path.join(dir, '1.2.0.json.2.refused'), 'utf8')).toContain("platform: 'Whatsapp'");
  });

  it('removes the temporary file of a write cut short and keeps the packs that were whole', () => {
    const { store } = started();
    store.save(verified({ version: '1.1.0' }));
    const next = verified({ version: '1.2.0' });
    // Killed after writing half of 1.2.0 to its temporary file, before the rename.
    fs.writeFileSync(path.join(dir, '1.2.0.json.tmp'), next.bytes.subarray(0, 100));
    const { loaded } = started();
    expect(versions(loaded.packs)).toEqual(['1.1.0']);
    expect(loaded.refused).toEqual([]);
    expect(listing()).toEqual(['1.1.0.json']);
    expect(log.count('info', 'removed the leftover of a connector pack write cut short')).toBe(1);
  });

  it('handles the three packs a crash between writing the newest and deleting the oldest leaves', () => {
    const { store } = started();
    store.save(verified({ version: '1.1.0' }));
    store.save(verified({ version: '1.2.0' }));
    // The crash: 1.3.0 renamed into place, 1.1.0 not yet deleted.
    fs.writeFileSync(path.join(dir, '1.3.0.json'), verified({ version: '1.3.0' }).bytes);
    expect(listing()).toHaveLength(3);
    const { loaded } = started();
    expect(versions(loaded.packs)).toEqual(['1.3.0', '1.2.0']);
    expect(listing()).toEqual(['1.2.0.json', '1.3.0.json']);
  });

  it('counts only verified packs among the two it keeps: a refused newest leaves the two before it', () => {
    const { store } = started();
    store.save(verified({ version: '1.1.0' }));
    store.save(verified({ version: '1.2.0' }));
    fs.writeFileSync(path.join(dir, '1.3.0.json'), verified({ version: '1.3.0' }).bytes);
    changeByte(path.join(dir, '1.3.0.json'), 'files', "platform: 'w", 'W');
    const { loaded } = started();
    expect(versions(loaded.packs)).toEqual(['1.2.0', '1.1.0']);
    expect(listing()).toEqual(['1.1.0.json', '1.2.0.json', '1.3.0.json.refused']);
  });

  it('leaves alone the files it does not know', () => {
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    fs.writeFileSync(path.join(dir, '1.0.json'), '{}');
    expect(started().loaded).toEqual({ packs: [], refused: [] });
    expect(listing()).toEqual(['1.0.json', 'notes.txt']);
  });

  it('throws when a pack cannot be written, leaving no temporary file and the packs as they were', () => {
    const { store } = started();
    store.save(verified({ version: '1.1.0' }));
    store.save(verified({ version: '1.2.0' }));
    // Something in the way of the rename: a folder where 1.3.0.json would go.
    fs.mkdirSync(path.join(dir, '1.3.0.json', 'inside'), { recursive: true });
    expect(() => store.save(verified({ version: '1.3.0' }))).toThrow();
    expect(versions(store.packs())).toEqual(['1.2.0', '1.1.0']);
    expect(listing()).toEqual(['1.1.0.json', '1.2.0.json', '1.3.0.json']);
    expect(fs.statSync(path.join(dir, '1.3.0.json')).isDirectory()).toBe(true);
  });

  it('throws when the packs folder cannot be made, changing nothing', () => {
    fs.writeFileSync(dir, 'not a folder');
    const { store, loaded } = started();
    expect(loaded.packs).toEqual([]);
    expect(() => store.save(verified({ version: '1.1.0' }))).toThrow();
    expect(store.packs()).toEqual([]);
    expect(fs.readFileSync(dir, 'utf8')).toBe('not a folder');
  });

  it('reads each connector as the text that was signed (Arabic included)', () => {
    const { store } = started();
    store.save(verified({ version: '1.2.0' }));
    const [pack] = started().loaded.packs;
    expect(pack?.files[connectorFile('telegram')]).toContain('تيليجرام');
  });
});

describe('PackStore.workerPreload', () => {
  it("writes the pack's verified worker script beside it, once, and gives its path", () => {
    const { store } = started();
    const pack = verified({ version: '1.2.0' });
    store.save(pack);
    const file = store.workerPreload(pack);
    expect(file).toBe(path.join(dir, '1.2.0.worker.cjs'));
    expect(fs.readFileSync(file ?? '', 'utf8')).toBe(pack.files[WORKER_FILE]);
    const written = fs.statSync(file ?? '').mtimeMs;
    expect(store.workerPreload(pack)).toBe(file);
    expect(fs.statSync(file ?? '').mtimeMs).toBe(written);
  });

  it('writes the verified text again over a worker file changed on disk', () => {
    const { store } = started();
    const pack = verified({ version: '1.2.0' });
    store.save(pack);
    const file = store.workerPreload(pack) ?? '';
    fs.writeFileSync(file, "require('child_process');\n");
    expect(store.workerPreload(pack)).toBe(file);
    expect(fs.readFileSync(file, 'utf8')).toBe(pack.files[WORKER_FILE]);
  });

  it('has no path for a pack without a worker script', () => {
    const { store } = started();
    const files = Object.fromEntries(Object.entries(defaultFiles('1.2.0')).filter(([name]) => name !== WORKER_FILE));
    const pack = verified({ version: '1.2.0', files });
    store.save(pack);
    expect(store.workerPreload(pack)).toBeUndefined();
    expect(listing()).toEqual(['1.2.0.json']);
  });

  it('at start, deletes the worker files of packs no longer kept and keeps those of the kept ones', () => {
    const first = started().store;
    const packs = ['1.1.0', '1.2.0', '1.3.0'].map((version) => verified({ version }));
    for (const pack of packs) {
      first.save(pack);
      first.workerPreload(pack);
    }
    expect(listing()).toContain('1.1.0.worker.cjs');
    started();
    expect(listing()).toEqual(['1.2.0.json', '1.2.0.worker.cjs', '1.3.0.json', '1.3.0.worker.cjs']);
  });
});
