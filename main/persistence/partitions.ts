/**
 * Removing a service clears its partition through the session API, but Chromium keeps the partition's folder
 * while the app runs. At the next start, before any session is opened, folders of services that no longer exist
 * are deleted, so nothing of a removed account is left on disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../core/ports';

const PREFIX = 'svc-';

/** Names of partition folders that belong to none of `serviceIds`. Only Wasl's own `svc-` folders qualify. */
export function orphanPartitions(folderNames: readonly string[], serviceIds: readonly string[]): string[] {
  // Compared without case: some file systems and Chromium versions do not keep the partition name's case.
  const keep = new Set(serviceIds.map((id) => `${PREFIX}${id}`.toLowerCase()));
  return folderNames.filter((name) => name.startsWith(PREFIX) && !keep.has(name.toLowerCase()));
}

export function removeOrphanPartitions(userData: string, serviceIds: readonly string[], log: Logger): void {
  const root = path.join(userData, 'Partitions');
  let names: string[];
  try {
    names = fs.readdirSync(root);
  } catch {
    return;
  }
  for (const name of orphanPartitions(names, serviceIds)) {
    try {
      fs.rmSync(path.join(root, name), { recursive: true, force: true });
      log.info('deleted the data of a removed service', { partition: name });
    } catch (error) {
      log.error('could not delete the data of a removed service', { partition: name, error: String(error) });
    }
  }
}
