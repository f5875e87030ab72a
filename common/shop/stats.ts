/**
 * The small report: per platform and per local day, the conversations the customers started or carried on, the
 * messages each way, and how long the first reply took. Kept as daily counts (for a few months), summed into a
 * report on request. Pure.
 */
import type { PlatformId } from '../model';
import type { ActivityEvent } from './activity';

export interface DayStats {
  /** Chats the customer wrote in that day ("serviceId:chatId"), to count conversations once. */
  chats: string[];
  messagesIn: number;
  messagesOut: number;
  /** Time to the first reply of each conversation answered that day (ms). */
  replies: number[];
}

/** Local day ("2026-11-21") → platform → that day's numbers. */
export type DailyStats = Record<string, Partial<Record<PlatformId, DayStats>>>;

/** Days kept. */
export const KEEP_DAYS = 92;
/** Bounds for one platform's day, so a flood cannot grow the file without end. */
const MAX_CHATS_PER_DAY = 5_000;
const MAX_REPLIES_PER_DAY = 5_000;

export function dayKey(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The local days from `from` to `to`, inclusive, as day keys. */
export function daysBetween(from: number, to: number): string[] {
  const out: string[] = [];
  const start = new Date(from);
  for (let d = new Date(start.getFullYear(), start.getMonth(), start.getDate()); d.getTime() <= to; d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1)) {
    out.push(dayKey(d.getTime()));
  }
  return out;
}

/** `daily` with one event counted (a new object along the changed path; the rest shared). */
export function countEvent(daily: DailyStats, platform: PlatformId, chatKey: string, event: ActivityEvent): DailyStats {
  const day = dayKey(event.at);
  const current = daily[day]?.[platform] ?? { chats: [], messagesIn: 0, messagesOut: 0, replies: [] };
  const next: DayStats = { ...current };
  if (event.kind === 'in') {
    next.messagesIn += event.messages;
    if (!current.chats.includes(chatKey) && current.chats.length < MAX_CHATS_PER_DAY) next.chats = [...current.chats, chatKey];
  } else {
    next.messagesOut += 1;
    if (event.replyMs !== undefined && current.replies.length < MAX_REPLIES_PER_DAY) next.replies = [...current.replies, event.replyMs];
  }
  return { ...daily, [day]: { ...daily[day], [platform]: next } };
}

/** Only the newest KEEP_DAYS days, counted back from `now`. */
export function pruneDays(daily: DailyStats, now: number): DailyStats {
  const oldest = dayKey(new Date(new Date(now).setDate(new Date(now).getDate() - (KEEP_DAYS - 1))).getTime());
  const kept = Object.entries(daily).filter(([day]) => day >= oldest);
  return kept.length === Object.keys(daily).length ? daily : Object.fromEntries(kept);
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export interface ReportDay {
  day: string;
  conversations: number;
  messagesIn: number;
  messagesOut: number;
}

export interface Report {
  days: string[];
  /** Per platform that had any activity in the period: one row per day. */
  platforms: { platform: PlatformId; days: ReportDay[]; conversations: number; messages: number; medianReplyMs?: number }[];
  conversations: number;
  messages: number;
  /** Over every reply in the period. */
  medianReplyMs?: number;
}

/** The report over the local days from `from` to `to` (epoch ms, inclusive). */
export function buildReport(daily: DailyStats, from: number, to: number): Report {
  const days = daysBetween(from, to);
  const platforms = new Set<PlatformId>();
  for (const day of days) for (const platform of Object.keys(daily[day] ?? {}) as PlatformId[]) platforms.add(platform);
  const allReplies: number[] = [];
  const rows = [...platforms].sort().map((platform) => {
    const replies: number[] = [];
    const perDay = days.map((day): ReportDay => {
      const stats = daily[day]?.[platform];
      replies.push(...(stats?.replies ?? []));
      return { day, conversations: stats?.chats.length ?? 0, messagesIn: stats?.messagesIn ?? 0, messagesOut: stats?.messagesOut ?? 0 };
    });
    allReplies.push(...replies);
    const row: Report['platforms'][number] = {
      platform,
      days: perDay,
      conversations: perDay.reduce((n, d) => n + d.conversations, 0),
      messages: perDay.reduce((n, d) => n + d.messagesIn + d.messagesOut, 0),
    };
    const med = median(replies);
    if (med !== undefined) row.medianReplyMs = med;
    return row;
  });
  const report: Report = {
    days,
    platforms: rows,
    conversations: rows.reduce((n, r) => n + r.conversations, 0),
    messages: rows.reduce((n, r) => n + r.messages, 0),
  };
  const med = median(allReplies);
  if (med !== undefined) report.medianReplyMs = med;
  return report;
}
