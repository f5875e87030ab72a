/**
 * The settings file on disk, through electron-store (conf underneath: JSON, atomic writes). A file that cannot be
 * read is kept aside as a backup before anything else happens, so no user data is ever overwritten unseen.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Notice } from '../../common/state';
import type { Clock, Logger } from '../core/ports';
import { readDocument, type PersistedDoc, type ReadProblem } from './document';

/** The part of an electron-store (or conf) instance used here. */
export interface KeyValueFile {
  readonly path: string;
  store: Record<string, unknown>;
}

/** Opens the store named `name` in `dir`, throwing when the file exists but is not valid JSON. */
export type KeyValueFileFactory = (dir: string, name: string) => KeyValueFile;

export const SETTINGS_NAME = 'settings';

/** Something was wrong with a file, and where the original was kept. */
export type FileProblem =
  | { kind: 'unreadable' | 'unusable'; reason: string; backupPath: string }
  | { kind: 'repaired'; dropped: number; backupPath: string }
  | { kind: 'newer'; version: number; backupPath: string }
  | { kind: 'migrated'; version: number; backupPath: string };

export interface OpenedFile<T> {
  doc: T;
  problem: FileProblem | undefined;
  /** Writes the document atomically; false (and logged) when the disk refused. */
  save: (doc: T) => boolean;
}

export interface JsonFileOptions<T> {
  dir: string;
  name: string;
  factory: KeyValueFileFactory;
  clock: Clock;
  log: Logger;
  /** Reads whatever the file held; says what was wrong and, after a migration, from which version. */
  read: (raw: unknown) => { doc: T; problem?: ReadProblem; migratedFrom?: number };
}

/**
 * A write cut short (the process killed between writing the temporary file and renaming it over the real one)
 * leaves the temporary file behind, as large as the document; the real file is whole. Leftovers are removed.
 */
function removeCutWrites(dir: string, file: string, log: Logger): void {
  const prefix = `${file}.tmp-`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !/^\d{10}[a-f0-9]{6}$/u.test(name.slice(prefix.length))) continue;
    try {
      fs.rmSync(path.join(dir, name), { force: true });
      log.info('removed the leftover of a write cut short', { name });
    } catch (error) {
      log.warn('could not remove the leftover of a write cut short', { name, error: String(error) });
    }
  }
}

function stamp(now: number): string {
  return new Date(now).toISOString().replace(/[:.]/g, '-');
}

/**
 * Opens a JSON document file. Whatever goes wrong, the original file is copied aside first (unreadable, unusable,
 * partly invalid, from a newer Wasl, or about to be migrated), then the best document that can be read is used and
 * written back.
 */
export function openJsonFile<T extends object>(options: JsonFileOptions<T>): OpenedFile<T> {
  const { dir, name, factory, clock, log } = options;
  const file = path.join(dir, `${name}.json`);
  const keepAside = (tag: string): string => {
    const backup = path.join(dir, `${name}.${tag}-${stamp(clock.now())}.json`);
    fs.copyFileSync(file, backup);
    return backup;
  };

  removeCutWrites(dir, `${name}.json`, log);
  let store: KeyValueFile;
  let raw: unknown;
  let problem: FileProblem | undefined;
  try {
    store = factory(dir, name);
    raw = store.store;
  } catch (error) {
    const backupPath = keepAside('unreadable');
    fs.rmSync(file, { force: true });
    log.error(`${name} file unreadable, kept aside and started afresh`, { backupPath, error: String(error) });
    problem = { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error), backupPath };
    store = factory(dir, name);
    raw = {};
  }

  const read = options.read(raw);
  if (!problem && read.problem?.kind === 'unusable') {
    const backupPath = keepAside('unusable');
    log.error(`${name} unusable, kept aside and started afresh`, { backupPath, reason: read.problem.reason });
    problem = { kind: 'unusable', reason: read.problem.reason, backupPath };
  } else if (!problem && read.problem?.kind === 'repaired') {
    const backupPath = keepAside('repaired');
    log.warn(`${name} partly invalid, kept the valid part`, { backupPath, dropped: read.problem.dropped });
    problem = { kind: 'repaired', dropped: read.problem.dropped, backupPath };
  } else if (!problem && read.problem?.kind === 'newer') {
    const backupPath = keepAside(`v${read.problem.version}`);
    log.warn(`${name} written by a newer Wasl, kept a copy`, { backupPath, version: read.problem.version });
    problem = { kind: 'newer', version: read.problem.version, backupPath };
  } else if (!problem && read.migratedFrom !== undefined) {
    // An older Wasl can still read the file it wrote, should the user go back.
    const backupPath = keepAside(`v${read.migratedFrom}`);
    log.info(`${name} migrated`, { backupPath, from: read.migratedFrom });
    problem = { kind: 'migrated', version: read.migratedFrom, backupPath };
  }

  const save = (next: T): boolean => {
    try {
      store.store = { ...(next as Record<string, unknown>) };
      return true;
    } catch (error) {
      log.error(`could not write ${name}`, { path: store.path, error: String(error) });
      return false;
    }
  };
  if (problem) save(read.doc);
  return { doc: read.doc, problem, save };
}

export interface OpenedSettings {
  doc: PersistedDoc;
  /** What the user must be told about: a reset or repaired file, with where the original was kept. */
  notices: Notice[];
  save: (doc: PersistedDoc) => boolean;
}

export function openSettings(dir: string, factory: KeyValueFileFactory, clock: Clock, log: Logger, newId: () => string): OpenedSettings {
  const opened = openJsonFile({ dir, name: SETTINGS_NAME, factory, clock, log, read: (raw) => readDocument(raw) });
  const notices: Notice[] = [];
  const problem = opened.problem;
  const at = clock.now();
  if (problem?.kind === 'unreadable' || problem?.kind === 'unusable') {
    notices.push({ id: newId(), at, kind: 'settings-reset', backupPath: problem.backupPath, reason: problem.reason });
  } else if (problem?.kind === 'repaired') {
    notices.push({ id: newId(), at, kind: 'settings-repaired', backupPath: problem.backupPath, dropped: problem.dropped });
  } else if (problem?.kind === 'newer') {
    notices.push({ id: newId(), at, kind: 'settings-repaired', backupPath: problem.backupPath, dropped: 0 });
  }
  return { doc: opened.doc, notices, save: opened.save };
}
