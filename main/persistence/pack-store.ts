/**
 * The downloaded connector packs on disk: `<userData>/connector-packs/<version>.json`, each the exact bytes that were
 * verified. The newest pack and the one before it are kept (the one before is what a rollback goes back to); older
 * ones are deleted only once a newer pack is safely on disk. Every start verifies each file again as if it had just
 * been downloaded: a file that fails (changed on disk by even one byte, or no longer for this app's version) is
 * never used, and is renamed `<version>.json.refused` rather than deleted, so it can be looked at in a bug report.
 * A pack is written to a temporary file, flushed to the disk and renamed into place; a temporary file left by a
 * write cut short is removed at the next start. The pack's files stay inside its JSON, but for its service-worker
 * preload: Electron loads preloads only from a file, so that one is written beside it (`<version>.worker.cjs`), from
 * the verified text, whenever it is asked for and the file on disk differs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MAX_PACK_BYTES, WORKER_FILE, compareVersions, type PackRefusal } from '../../common/packs';
import type { Logger } from '../core/app/ports';
import type { PackStorePort } from '../core/packs/updates';
import { verifyPack, type VerifiedPack } from '../core/packs/verify';
import { packCrypto } from '../security/pack-keys';
import type { TrustedKey } from '../security/signing';

/** The folder of the packs, in the user data folder. */
export const PACKS_DIR = 'connector-packs';
/** How many packs are kept: the newest, and the one before it for a rollback. */
export const KEPT_PACKS = 2;
const PACK_NAME = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)\.json$/u;
const TEMPORARY = '.tmp';
const WORKER_SUFFIX = '.worker.cjs';
const REFUSED = '.refused';

/** A stored file that failed verification at start, and where it was moved. */
export interface RefusedPackFile {
  /** The file's name in the packs folder, e.g. `1.4.0.json`. */
  file: string;
  reason: PackRefusal;
  /** Where it is now; absent when it could not be moved (it is refused again at the next start). */
  movedTo?: string;
}

export interface LoadedPacks {
  /** The verified packs, newest first: at most KEPT_PACKS. */
  packs: VerifiedPack[];
  refused: RefusedPackFile[];
}

export class PackStore implements PackStorePort {
  readonly dir: string;
  private kept: VerifiedPack[] = [];

  constructor(
    userData: string,
    private readonly log: Logger,
  ) {
    this.dir = path.join(userData, PACKS_DIR);
  }

  /**
   * Reads every stored pack and verifies it with `keys` for this `appVersion`. Refused files are moved aside and
   * reported; verified packs beyond the newest two (a write whose clean-up was cut short) are deleted. Call it at
   * every start, before the packs are used or saved.
   */
  load(keys: readonly TrustedKey[], appVersion: string): LoadedPacks {
    const crypto = packCrypto(keys);
    const verified: VerifiedPack[] = [];
    const refused: RefusedPackFile[] = [];
    for (const name of this.names()) {
      const file = path.join(this.dir, name);
      if (name.endsWith(TEMPORARY)) {
        this.remove(file, 'removed the leftover of a connector pack write cut short');
        continue;
      }
      if (!PACK_NAME.test(name)) continue;
      const read = readPack(file);
      const result = read.ok ? verifyPack(read.bytes, { crypto, appVersion }) : read;
      if (!result.ok) {
        refused.push(this.moveAside(name, result.reason));
      } else if (`${result.pack.manifest.version}.json` !== name) {
        // The store names each file by its pack's version: a pack under another version's name was not written here.
        refused.push(this.moveAside(name, 'bad-manifest'));
      } else {
        verified.push(result.pack);
      }
    }
    verified.sort(newestFirst);
    this.kept = verified.slice(0, KEPT_PACKS);
    for (const old of verified.slice(KEPT_PACKS)) this.remove(this.fileOf(old), 'deleted an older connector pack');
    // At start no session uses a worker file yet: those of packs no longer kept go.
    const keptWorkers = new Set(this.kept.map((pack) => `${pack.manifest.version}${WORKER_SUFFIX}`));
    for (const name of this.names()) {
      if (name.endsWith(WORKER_SUFFIX) && !keptWorkers.has(name)) this.remove(path.join(this.dir, name), 'deleted the worker preload of a connector pack no longer kept');
    }
    return { packs: [...this.kept], refused };
  }

  /** The packs kept, newest first. */
  packs(): readonly VerifiedPack[] {
    return this.kept;
  }

  /**
   * Writes a verified pack as `<version>.json` (atomically, flushed to the disk), then deletes the kept packs beyond
   * the newest two. Throws when the pack could not be written; the packs on disk are then as they were.
   */
  save(pack: VerifiedPack): void {
    this.writeAtomically(this.fileOf(pack), pack.bytes);
    const all = [...this.kept.filter((p) => p.manifest.version !== pack.manifest.version), pack].sort(newestFirst);
    this.kept = all.slice(0, KEPT_PACKS);
    for (const old of all.slice(KEPT_PACKS)) this.remove(this.fileOf(old), 'deleted an older connector pack');
  }

  /**
   * The path of `pack`'s service-worker preload, written from its verified text when the file is missing or differs
   * (changed on disk); undefined when the pack has none or it cannot be written. One file per version, never
   * deleted while Wasl runs, since a session may use it.
   */
  workerPreload(pack: VerifiedPack): string | undefined {
    const text = pack.files[WORKER_FILE];
    if (text === undefined) return undefined;
    const file = path.join(this.dir, `${pack.manifest.version}${WORKER_SUFFIX}`);
    try {
      if (fs.readFileSync(file, 'utf8') === text) return file;
    } catch {
      // Not written yet.
    }
    try {
      this.writeAtomically(file, Buffer.from(text, 'utf8'));
      return file;
    } catch (error) {
      this.log.warn('could not write the worker preload of a connector pack', { version: pack.manifest.version, error: String(error) });
      return undefined;
    }
  }

  /** Writes `bytes` to a temporary file, flushes it and renames it over `target`; on failure nothing is left. */
  private writeAtomically(target: string, bytes: Uint8Array): void {
    const temporary = `${target}${TEMPORARY}`;
    fs.mkdirSync(this.dir, { recursive: true });
    try {
      const fd = fs.openSync(temporary, 'w');
      try {
        fs.writeFileSync(fd, bytes);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(temporary, target);
    } catch (error) {
      fs.rmSync(temporary, { force: true });
      throw error;
    }
    this.flushFolder();
  }

  private fileOf(pack: VerifiedPack): string {
    return path.join(this.dir, `${pack.manifest.version}.json`);
  }

  private names(): string[] {
    try {
      return fs.readdirSync(this.dir);
    } catch {
      return [];
    }
  }

  /** Renames a refused file `<name>.refused` (`<name>.2.refused`… when that is taken: an earlier refusal stays). */
  private moveAside(name: string, reason: PackRefusal): RefusedPackFile {
    const from = path.join(this.dir, name);
    let to = `${from}${REFUSED}`;
    for (let n = 2; fs.existsSync(to); n++) to = `${from}.${n}${REFUSED}`;
    try {
      fs.renameSync(from, to);
      this.log.warn('a stored connector pack was refused and moved aside', { file: name, reason, movedTo: to });
      return { file: name, reason, movedTo: to };
    } catch (error) {
      this.log.error('a stored connector pack was refused and could not be moved aside', { file: name, reason, error: String(error) });
      return { file: name, reason };
    }
  }

  private remove(file: string, message: string): void {
    try {
      fs.rmSync(file, { force: true });
      this.log.info(message, { file: path.basename(file) });
    } catch (error) {
      this.log.warn(`${message}: failed`, { file: path.basename(file), error: String(error) });
    }
  }

  /**
   * The rename itself reaches the disk once the folder is flushed. Where a folder cannot be opened for that
   * (Windows), the file system commits renames on its own.
   */
  private flushFolder(): void {
    let fd: number | undefined;
    try {
      fd = fs.openSync(this.dir, 'r');
      fs.fsyncSync(fd);
    } catch {
      // Nothing to do: see above.
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }
}

const newestFirst = (a: VerifiedPack, b: VerifiedPack): number => compareVersions(b.manifest.version, a.manifest.version);

/** A stored file's bytes; one too large to be a pack is refused without being read. */
function readPack(file: string): { ok: true; bytes: Uint8Array } | { ok: false; reason: PackRefusal } {
  try {
    if (fs.statSync(file).size > MAX_PACK_BYTES) return { ok: false, reason: 'too-large' };
    return { ok: true, bytes: fs.readFileSync(file) };
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
}
