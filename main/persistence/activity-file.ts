/**
 * activity.json: each customer chat's activity and the daily counts behind the report (main/core/chats/activity.ts).
 * Like the notification history, a file that cannot be read is kept aside and the user is told; entries that do
 * not parse are dropped one by one, keeping the rest.
 */
import { z } from 'zod';
import { LIMITS, serviceIdSchema } from '../../common/ipc';
import { PLATFORM_IDS } from '../../common/model';
import type { TrackedChat } from '../../common/shop/activity';
import type { DailyStats, DayStats } from '../../common/shop/stats';
import type { Notice } from '../../common/state';
import type { ActivityDoc } from '../core/chats/activity';
import type { Clock, Logger } from '../core/app/ports';
import type { ReadProblem } from '../core/settings/document';
import { openJsonFile, type KeyValueFileFactory } from './settings-file';

export const ACTIVITY_NAME = 'activity';
const VERSION = 1;

const time = z.number().int().min(0);
const trackedSchema = z.object({
  first: time,
  lastIn: time.optional(),
  lastOut: time.optional(),
  waitingSince: time.optional(),
  seen: time.optional(),
  unread: z.number().int().min(0).max(10_000_000),
  noticedAt: time.optional(),
  heardAt: time.optional(),
  newAt: time.optional(),
});

const dayStatsSchema = z.object({
  chats: z.array(z.string().max(LIMITS.idChars * 2)).max(5_000),
  messagesIn: z.number().int().min(0),
  messagesOut: z.number().int().min(0),
  replies: z.array(z.number().min(0)).max(5_000),
});
const dayKeySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A chat's key (common/inbox.ts chatKey): a service id, a NUL, the chat's id. */
function isChatKey(key: string): boolean {
  const nul = key.indexOf('\u0000');
  return nul > 0 && nul < key.length - 1 && serviceIdSchema.safeParse(key.slice(0, nul)).success;
}

function toTracked(data: z.infer<typeof trackedSchema>): TrackedChat {
  const tracked: TrackedChat = { first: data.first, unread: data.unread };
  for (const key of ['lastIn', 'lastOut', 'waitingSince', 'seen', 'noticedAt', 'heardAt', 'newAt'] as const) {
    const value = data[key];
    if (value !== undefined) tracked[key] = value;
  }
  return tracked;
}

type ActivityFileDoc = ActivityDoc & { version: number };

export function readActivity(raw: unknown): { doc: ActivityFileDoc; problem?: ReadProblem } {
  const doc: ActivityFileDoc = { version: VERSION, chats: {}, days: {} };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { doc, problem: { kind: 'unusable', reason: 'not an object' } };
  const fields = raw as Record<string, unknown>;
  if (Object.keys(fields).length === 0) return { doc };
  const chats = fields['chats'];
  const days = fields['days'];
  if (fields['version'] !== VERSION || typeof chats !== 'object' || chats === null || typeof days !== 'object' || days === null) {
    return { doc, problem: { kind: 'unusable', reason: `unknown version ${String(fields['version'])}` } };
  }
  let dropped = 0;
  for (const [key, value] of Object.entries(chats as Record<string, unknown>)) {
    const parsed = trackedSchema.safeParse(value);
    if (parsed.success && isChatKey(key) && key.length <= LIMITS.idChars * 2) doc.chats[key] = toTracked(parsed.data);
    else dropped += 1;
  }
  const daily: DailyStats = {};
  for (const [day, platforms] of Object.entries(days as Record<string, unknown>)) {
    if (!dayKeySchema.safeParse(day).success || typeof platforms !== 'object' || platforms === null) {
      dropped += 1;
      continue;
    }
    const kept: Partial<Record<(typeof PLATFORM_IDS)[number], DayStats>> = {};
    for (const [platform, stats] of Object.entries(platforms as Record<string, unknown>)) {
      const id = PLATFORM_IDS.find((p) => p === platform);
      const parsed = dayStatsSchema.safeParse(stats);
      if (id !== undefined && parsed.success) kept[id] = parsed.data;
      else dropped += 1;
    }
    daily[day] = kept;
  }
  doc.days = daily;
  return dropped > 0 ? { doc, problem: { kind: 'repaired', dropped } } : { doc };
}

export interface ActivityFile {
  doc: ActivityDoc;
  notices(newId: () => string): Notice[];
  save: (doc: ActivityDoc) => boolean;
}

export function openActivity(dir: string, factory: KeyValueFileFactory, clock: Clock, log: Logger): ActivityFile {
  const opened = openJsonFile({ dir, name: ACTIVITY_NAME, factory, clock, log, read: readActivity });
  const problem = opened.problem;
  return {
    doc: opened.doc,
    notices: (newId) =>
      problem && (problem.kind === 'unreadable' || problem.kind === 'unusable' || problem.kind === 'repaired')
        ? [{ id: newId(), at: clock.now(), kind: 'activity-reset', backupPath: problem.backupPath }]
        : [],
    save: (doc) => opened.save({ version: VERSION, ...doc }),
  };
}
