/**
 * The notification tray, kept across restarts in its own file (notifications.json): written shortly after it
 * changes, so a flood of notifications does not rewrite the settings file. A file that cannot be read is kept
 * aside and the tray starts empty, and the user is told.
 */
import { z } from 'zod';
import { LIMITS, serviceIdSchema } from '../../common/ipc';
import type { NotificationRecord } from '../../common/model';
import type { Notice } from '../../common/state';
import type { AppStore } from '../core/app/app-store';
import { KEEP } from '../core/notifications/center';
import type { Clock, Logger, TimerHandle } from '../core/app/ports';
import type { ReadProblem } from '../core/settings/document';
import { SAVE_DELAY_MS } from './persister';
import { openJsonFile, type KeyValueFileFactory } from './settings-file';

export const HISTORY_NAME = 'notifications';
const VERSION = 1;

interface HistoryDoc {
  version: number;
  items: NotificationRecord[];
}

const recordSchema = z.object({
  id: z.string().min(1).max(LIMITS.idChars),
  serviceId: serviceIdSchema,
  chatId: z.string().min(1).max(LIMITS.idChars).optional(),
  title: z.string().max(LIMITS.textChars),
  body: z.string().max(LIMITS.textChars).optional(),
  iconUrl: z.string().max(LIMITS.urlChars).regex(/^(https:\/\/|data:image\/)/).optional(),
  tag: z.string().max(200).optional(),
  at: z.number().int().min(0),
  read: z.boolean(),
  kind: z.literal('reminder').optional(),
});

export function readHistory(raw: unknown): { doc: HistoryDoc; problem?: ReadProblem } {
  const doc: HistoryDoc = { version: VERSION, items: [] };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { doc, problem: { kind: 'unusable', reason: 'not an object' } };
  const fields = raw as Record<string, unknown>;
  if (Object.keys(fields).length === 0) return { doc };
  if (fields['version'] !== VERSION || !Array.isArray(fields['items'])) {
    return { doc, problem: { kind: 'unusable', reason: `unknown version ${String(fields['version'])}` } };
  }
  let dropped = 0;
  for (const item of (fields['items'] as unknown[]).slice(-KEEP)) {
    const parsed = recordSchema.safeParse(item);
    if (!parsed.success) {
      dropped += 1;
      continue;
    }
    const record: NotificationRecord = { id: parsed.data.id, serviceId: parsed.data.serviceId, title: parsed.data.title, at: parsed.data.at, read: parsed.data.read };
    for (const key of ['chatId', 'body', 'iconUrl', 'tag'] as const) {
      const value = parsed.data[key];
      if (value !== undefined) record[key] = value;
    }
    if (parsed.data.kind !== undefined) record.kind = parsed.data.kind;
    doc.items.push(record);
  }
  return dropped > 0 ? { doc, problem: { kind: 'repaired', dropped } } : { doc };
}

export interface History {
  items: NotificationRecord[];
  /** What the user should hear about the file (made with fresh ids). */
  notices(newId: () => string): Notice[];
  save: (items: NotificationRecord[]) => boolean;
}

export function openHistory(dir: string, factory: KeyValueFileFactory, clock: Clock, log: Logger): History {
  const opened = openJsonFile({ dir, name: HISTORY_NAME, factory, clock, log, read: readHistory });
  const problem = opened.problem;
  return {
    items: opened.doc.items,
    notices: (newId) =>
      problem && (problem.kind === 'unreadable' || problem.kind === 'unusable' || problem.kind === 'repaired')
        ? [{ id: newId(), at: clock.now(), kind: 'notifications-reset', backupPath: problem.backupPath }]
        : [],
    save: (items) => opened.save({ version: VERSION, items }),
  };
}

/** Writes the tray shortly after it changes (once for a burst), for as long as the app runs. */
export function keepHistory(store: AppStore, save: (items: NotificationRecord[]) => boolean, clock: Clock): () => void {
  let timer: TimerHandle | undefined;
  const write = (): void => {
    timer = undefined;
    save(store.getState().notifications);
  };
  const unsubscribe = store.subscribe((next, prev) => {
    if (next.notifications === prev.notifications || timer !== undefined) return;
    timer = clock.setTimeout(write, SAVE_DELAY_MS);
  });
  return () => {
    unsubscribe();
    if (timer !== undefined) {
      clock.clearTimeout(timer);
      write();
    }
  };
}
