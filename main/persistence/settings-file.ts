/**
 * The settings file on disk, through electron-store (conf underneath: JSON, atomic writes). A file that cannot be
 * read is kept aside as a backup before anything else happens, so no user data is ever overwritten unseen.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Notice } from '../../common/state';
import type { Clock, Logger } from '../core/app/ports';
import { readDocument, toDisk, type PersistedDoc, type ReadProblem } from '../core/settings/document';
import { LastGoodCopies } from './last-good';

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
  /** Unreadable or unusable, and the last good copy taken at `copyAt` was used instead. */
  | { kind: 'restored'; reason: string; backupPath: string; copyAt: number }
  /** `recovered`: parts dropped as damaged that the last good copy gave back. */
  | { kind: 'repaired'; dropped: number; backupPath: string; recovered?: number }
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
  /** A better document than the one read from a damaged file (from a copy), before it is written back. */
  improve?: (doc: T, problem: FileProblem) => { doc: T; problem: FileProblem };
  /** The document as the file holds it (by default, as it is). */
  toDisk?: (doc: T) => Record<string, unknown>;
  /** After each successful write, with what was written. */
  afterSave?: (written: Record<string, unknown>) => void;
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

  const toDisk = options.toDisk ?? ((doc: T) => ({ ...(doc as Record<string, unknown>) }));
  const save = (next: T): boolean => {
    const written = toDisk(next);
    try {
      store.store = written;
    } catch (error) {
      log.error(`could not write ${name}`, { path: store.path, error: String(error) });
      return false;
    }
    options.afterSave?.(written);
    return true;
  };
  let doc = read.doc;
  if (problem && options.improve) ({ doc, problem } = options.improve(doc, problem));
  if (problem) save(doc);
  return { doc, problem, save };
}

export interface OpenedSettings {
  doc: PersistedDoc;
  /** What the user must be told about: a reset, restored or repaired file, with where the original was kept. */
  notices: Notice[];
  /**
   * The file was read as it was written (or only migrated): its list of data to delete can be trusted. After any
   * repair or fallback nothing is deleted, however the document looks.
   */
  clean: boolean;
  save: (doc: PersistedDoc) => boolean;
}

/**
 * Opens settings.json. A file that cannot be used at all falls back to the last good copy (and only then to the
 * defaults); a partly damaged one gets back, from that copy, the services, people and shop records it lost.
 */
export function openSettings(dir: string, factory: KeyValueFileFactory, clock: Clock, log: Logger, newId: () => string): OpenedSettings {
  const copies = new LastGoodCopies(dir, SETTINGS_NAME, clock, log);
  const usable = (raw: unknown): PersistedDoc | undefined => {
    const read = readDocument(raw);
    return read.problem?.kind === 'unusable' || (typeof raw === 'object' && raw !== null && Object.keys(raw).length === 0) ? undefined : read.doc;
  };
  const improve = (doc: PersistedDoc, problem: FileProblem): { doc: PersistedDoc; problem: FileProblem } => {
    if (problem.kind === 'unreadable' || problem.kind === 'unusable') {
      const copy = copies.best(usable);
      if (!copy) return { doc, problem };
      log.warn('settings restored from the last good copy', { copy: copy.path, takenAt: new Date(copy.at).toISOString() });
      return { doc: copy.doc, problem: { kind: 'restored', reason: problem.reason, backupPath: problem.backupPath, copyAt: copy.at } };
    }
    if (problem.kind === 'repaired') {
      const copy = copies.best(usable);
      if (!copy) return { doc, problem };
      const { doc: merged, recovered } = recoverLost(doc, copy.doc);
      if (recovered > 0) log.info('parts of the settings recovered from the last good copy', { recovered });
      return { doc: merged, problem: recovered > 0 ? { ...problem, recovered } : problem };
    }
    return { doc, problem };
  };
  const opened = openJsonFile({
    dir,
    name: SETTINGS_NAME,
    factory,
    clock,
    log,
    read: (raw) => readDocument(raw),
    improve,
    toDisk,
    afterSave: (written) => copies.keep(written),
  });
  const notices: Notice[] = [];
  const problem = opened.problem;
  const at = clock.now();
  if (problem?.kind === 'unreadable' || problem?.kind === 'unusable') {
    notices.push({ id: newId(), at, kind: 'settings-reset', backupPath: problem.backupPath, reason: problem.reason });
  } else if (problem?.kind === 'restored') {
    notices.push({ id: newId(), at, kind: 'settings-restored', backupPath: problem.backupPath, copyAt: problem.copyAt });
  } else if (problem?.kind === 'repaired') {
    const notice: Notice = { id: newId(), at, kind: 'settings-repaired', backupPath: problem.backupPath, dropped: problem.dropped };
    if (problem.recovered !== undefined) notice.recovered = problem.recovered;
    notices.push(notice);
  } else if (problem?.kind === 'newer') {
    notices.push({ id: newId(), at, kind: 'settings-newer', backupPath: problem.backupPath, version: problem.version });
  }
  return { doc: opened.doc, notices, clean: problem === undefined || problem.kind === 'migrated', save: opened.save };
}

/**
 * The services, people, quick replies, labels, products, customer fields and customers the copy has and the
 * repaired document lost (by id; a service the user removed stays removed), added back, with the values of the
 * customer fields that came back. Answers how many came back.
 */
export function recoverLost(doc: PersistedDoc, copy: PersistedDoc): { doc: PersistedDoc; recovered: number } {
  let recovered = 0;
  const missing = <T>(mine: readonly T[], theirs: readonly T[], key: (item: T) => string, skip: ReadonlySet<string> = new Set()): T[] => {
    const have = new Set(mine.map(key));
    const back = theirs.filter((item) => !have.has(key(item)) && !skip.has(key(item)));
    recovered += back.length;
    return back.length === 0 ? [...mine] : [...mine, ...back];
  };
  const removed = new Set([...doc.pendingDeletions, ...doc.foreign.services.map((s) => String(s['id']))]);
  const byId = (item: { id: string }): string => item.id;
  const next: PersistedDoc = {
    ...doc,
    services: missing(doc.services, copy.services, byId, removed),
    people: missing(doc.people, copy.people, byId),
    quickReplies: missing(doc.quickReplies, copy.quickReplies, byId),
    labels: missing(doc.labels, copy.labels, byId),
    products: missing(doc.products, copy.products, byId),
    customers: { ...doc.customers },
    customerFields: missing(doc.customerFields, copy.customerFields, byId),
  };
  for (const [key, customer] of Object.entries(copy.customers)) {
    if (Object.hasOwn(next.customers, key)) continue;
    next.customers[key] = customer;
    recovered += 1;
  }
  // A field that came back brings its values back to the customers the repaired document kept.
  const fieldsBack = new Set(next.customerFields.filter((f) => !doc.customerFields.some((d) => d.id === f.id)).map((f) => f.id));
  for (const [key, customer] of Object.entries(copy.customers)) {
    const mine = next.customers[key];
    const values = Object.entries(customer.fields ?? {}).filter(([id]) => fieldsBack.has(id));
    if (mine === undefined || mine === customer || values.length === 0) continue;
    next.customers[key] = { ...mine, fields: { ...mine.fields, ...Object.fromEntries(values) } };
  }
  return { doc: next, recovered };
}
