/**
 * Removing a service clears its partition through the session API, but Chromium keeps the partition's folder
 * while the app runs. The settings file lists the services the user removed (PersistedDoc.pendingDeletions); at
 * the next start that read it cleanly, before any session is opened, their folders are deleted. Nothing else is
 * ever deleted: a folder no settings entry names may belong to a service a damaged or older file forgot, and it
 * holds a signed-in account.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../core/app/ports';

const PREFIX = 'svc-';

/**
 * The partition folders (by name) of the services in `pending` that are not in use again, matched without case
 * (some file systems and Chromium versions do not keep the partition name's case).
 */
export function pendingFolders(folderNames: readonly string[], pending: readonly string[], inUse: readonly string[]): string[] {
  const used = new Set(inUse.map((id) => id.toLowerCase()));
  const wanted = new Set(pending.filter((id) => !used.has(id.toLowerCase())).map((id) => `${PREFIX}${id}`.toLowerCase()));
  return folderNames.filter((name) => wanted.has(name.toLowerCase()));
}

/**
 * Deletes the partition folders of the removed services in `pending` (never one of `inUse`). Answers the ids that
 * are done with: deleted, already gone, or in use again. One that could not be deleted stays pending.
 */
export function deletePendingPartitions(userData: string, pending: readonly string[], inUse: readonly string[], log: Logger): string[] {
  if (pending.length === 0) return [];
  const root = path.join(userData, 'Partitions');
  let names: string[];
  try {
    names = fs.readdirSync(root);
  } catch {
    names = [];
  }
  const failed = new Set<string>();
  for (const name of pendingFolders(names, pending, inUse)) {
    try {
      fs.rmSync(path.join(root, name), { recursive: true, force: true });
      log.info('deleted the data of a removed service', { partition: name });
    } catch (error) {
      failed.add(name.slice(PREFIX.length).toLowerCase());
      log.error('could not delete the data of a removed service', { partition: name, error: String(error) });
    }
  }
  return pending.filter((id) => !failed.has(id.toLowerCase()));
}
