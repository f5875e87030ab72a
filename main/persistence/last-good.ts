/**
 * Copies of the last settings document that was written whole, to fall back on when the file itself is damaged
 * (a power cut can leave it truncated or full of NULs even after an atomic rename). Two generations: the newest
 * copy, refreshed after every successful write, and an older one, at least a day older, so that a copy refreshed
 * from bad but well-formed data still leaves something behind. Each copy is written to a temporary file, flushed
 * to the disk and renamed over the old one; its modification time says when it was taken.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Clock, Logger } from '../core/app/ports';

/** The newest copy moves to the older generation once it is this old. */
export const ROTATE_MS = 24 * 60 * 60 * 1000;

export interface LastGoodCopy<T> {
  doc: T;
  path: string;
  /** When the copy was taken (epoch ms). */
  at: number;
}

export class LastGoodCopies {
  readonly newest: string;
  readonly older: string;
  private readonly temporary: string;
  private failing = false;

  constructor(
    dir: string,
    name: string,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {
    this.newest = path.join(dir, `${name}.last-good.json`);
    this.older = path.join(dir, `${name}.last-good-1.json`);
    this.temporary = `${this.newest}.tmp`;
    // A copy cut short by a crash: the copies themselves are whole.
    fs.rmSync(this.temporary, { force: true });
  }

  /** Keeps `raw` (the document just written) as the newest copy; a failure is logged once and changes nothing. */
  keep(raw: Record<string, unknown>): void {
    const now = this.clock.now();
    try {
      const taken = modified(this.newest);
      if (taken !== undefined && now - taken >= ROTATE_MS) fs.renameSync(this.newest, this.older);
      const fd = fs.openSync(this.temporary, 'w');
      try {
        fs.writeSync(fd, JSON.stringify(raw));
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(this.temporary, this.newest);
      fs.utimesSync(this.newest, now / 1000, now / 1000);
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.log.warn('could not keep a copy of the settings', { error: String(error) });
      this.failing = true;
    }
  }

  /** The newest copy `accept` takes (it reads the JSON and answers the document, or undefined to refuse it). */
  best<T>(accept: (raw: unknown) => T | undefined): LastGoodCopy<T> | undefined {
    for (const file of [this.newest, this.older]) {
      const at = modified(file);
      if (at === undefined) continue;
      let raw: unknown;
      try {
        raw = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
      } catch (error) {
        this.log.warn('a copy of the settings could not be read', { path: file, error: String(error) });
        continue;
      }
      const doc = accept(raw);
      if (doc !== undefined) return { doc, path: file, at };
      this.log.warn('a copy of the settings is not usable', { path: file });
    }
    return undefined;
  }
}

function modified(file: string): number | undefined {
  try {
    return Math.round(fs.statSync(file).mtimeMs);
  } catch {
    return undefined;
  }
}
