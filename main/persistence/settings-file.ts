/**
 * The settings file on disk, through electron-store (conf underneath: JSON, atomic writes). A file that cannot be
 * read is kept aside as a backup before anything else happens, so no user data is ever overwritten unseen.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Notice } from '../../common/state';
import type { Clock, Logger } from '../core/ports';
import { readDocument, type PersistedDoc } from './document';

/** The part of an electron-store (or conf) instance used here. */
export interface KeyValueFile {
  readonly path: string;
  store: Record<string, unknown>;
}

/** Opens the store named `name` in `dir`, throwing when the file exists but is not valid JSON. */
export type KeyValueFileFactory = (dir: string, name: string) => KeyValueFile;

export const SETTINGS_NAME = 'settings';

export interface OpenedSettings {
  doc: PersistedDoc;
  /** What the user must be told about: a reset or repaired file, with where the original was kept. */
  notices: Notice[];
  /** Writes the document atomically; false (and logged) when the disk refused. */
  save: (doc: PersistedDoc) => boolean;
}

function stamp(now: number): string {
  return new Date(now).toISOString().replace(/[:.]/g, '-');
}

export function openSettings(dir: string, factory: KeyValueFileFactory, clock: Clock, log: Logger, newId: () => string): OpenedSettings {
  const file = path.join(dir, `${SETTINGS_NAME}.json`);
  const keepAside = (tag: string): string => {
    const backup = path.join(dir, `${SETTINGS_NAME}.${tag}-${stamp(clock.now())}.json`);
    fs.copyFileSync(file, backup);
    return backup;
  };

  let store: KeyValueFile;
  let raw: unknown;
  let unreadable: { reason: string; backupPath: string } | undefined;
  try {
    store = factory(dir, SETTINGS_NAME);
    raw = store.store;
  } catch (error) {
    const backupPath = keepAside('unreadable');
    fs.rmSync(file, { force: true });
    log.error('settings file unreadable, kept aside and started with defaults', { backupPath, error: String(error) });
    unreadable = { reason: error instanceof Error ? error.message : String(error), backupPath };
    store = factory(dir, SETTINGS_NAME);
    raw = {};
  }

  const { doc, problem } = readDocument(raw);
  const notices: Notice[] = [];
  const at = clock.now();
  if (unreadable) {
    notices.push({ id: newId(), at, kind: 'settings-reset', backupPath: unreadable.backupPath, reason: unreadable.reason });
  } else if (problem?.kind === 'unusable') {
    const backupPath = keepAside('unusable');
    log.error('settings unusable, kept aside and started with defaults', { backupPath, reason: problem.reason });
    notices.push({ id: newId(), at, kind: 'settings-reset', backupPath, reason: problem.reason });
  } else if (problem?.kind === 'repaired') {
    const backupPath = keepAside('repaired');
    log.warn('settings partly invalid, kept the valid part', { backupPath, dropped: problem.dropped });
    notices.push({ id: newId(), at, kind: 'settings-repaired', backupPath, dropped: problem.dropped });
  } else if (problem?.kind === 'newer') {
    const backupPath = keepAside(`v${problem.version}`);
    log.warn('settings written by a newer Wasl, kept a copy', { backupPath, version: problem.version });
    notices.push({ id: newId(), at, kind: 'settings-repaired', backupPath, dropped: 0 });
  }

  const save = (next: PersistedDoc): boolean => {
    try {
      store.store = { ...next };
      return true;
    } catch (error) {
      log.error('could not write settings', { path: store.path, error: String(error) });
      return false;
    }
  };
  if (problem || unreadable) save(doc);
  return { doc, notices, save };
}
