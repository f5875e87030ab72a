/**
 * downloads.json: the downloads list (main/core/downloads/), on its own beside the settings so a damaged list never
 * touches them. Written atomically (electron-store: a temporary file renamed over it), at most MAX_DOWNLOADS
 * entries. Read with the record's schema: a file that cannot be used is kept aside, the list starts empty and the
 * user is told where the old file is; entries that do not parse are dropped one by one, keeping the rest.
 */
import { downloadRecordSchema, MAX_DOWNLOADS, type DownloadRecord } from '../../common/downloads';
import type { Notice } from '../../common/state';
import type { Clock, Logger } from '../core/app/ports';
import type { ReadProblem } from '../core/settings/document';
import { openJsonFile, type KeyValueFileFactory } from './settings-file';

export const DOWNLOADS_NAME = 'downloads';
const VERSION = 1;

interface DownloadsDoc {
  downloads: DownloadRecord[];
}

export function readDownloads(raw: unknown): { doc: DownloadsDoc; problem?: ReadProblem } {
  const doc: DownloadsDoc = { downloads: [] };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { doc, problem: { kind: 'unusable', reason: 'not an object' } };
  const fields = raw as Record<string, unknown>;
  if (Object.keys(fields).length === 0) return { doc };
  const list = fields['downloads'];
  if (fields['version'] !== VERSION || !Array.isArray(list)) {
    return { doc, problem: { kind: 'unusable', reason: `unknown version ${String(fields['version'])}` } };
  }
  const seen = new Set<string>();
  let dropped = 0;
  for (const entry of list.slice(0, MAX_DOWNLOADS)) {
    const parsed = downloadRecordSchema.safeParse(entry);
    if (parsed.success && !seen.has(parsed.data.id)) {
      seen.add(parsed.data.id);
      doc.downloads.push(parsed.data);
    } else {
      dropped += 1;
    }
  }
  return dropped > 0 ? { doc, problem: { kind: 'repaired', dropped } } : { doc };
}

export interface DownloadsFile {
  /** The list as it was kept, newest first. */
  records: DownloadRecord[];
  /** What the user must hear: the list could not be read at all (its file kept aside). */
  notices(newId: () => string): Notice[];
  save(records: readonly DownloadRecord[]): boolean;
}

export function openDownloads(dir: string, factory: KeyValueFileFactory, clock: Clock, log: Logger): DownloadsFile {
  const opened = openJsonFile<DownloadsDoc>({
    dir,
    name: DOWNLOADS_NAME,
    factory,
    clock,
    log,
    read: readDownloads,
    toDisk: (doc) => ({ version: VERSION, downloads: doc.downloads }),
  });
  const problem = opened.problem;
  return {
    records: opened.doc.downloads,
    notices: (newId) =>
      problem && (problem.kind === 'unreadable' || problem.kind === 'unusable')
        ? [{ id: newId(), at: clock.now(), kind: 'downloads-reset', backupPath: problem.backupPath }]
        : [],
    save: (records) => opened.save({ downloads: records.slice(0, MAX_DOWNLOADS) }),
  };
}
