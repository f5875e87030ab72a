/**
 * Business hours: when the shop is open, week by week, in local time, and on special days (Ramadan, Eid, a
 * holiday) whose hours replace the week's. Outside them the tray shows "away" and non-urgent notifications can
 * wait until opening time.
 */
import type { DayHours, ShopSettings, SpecialHours } from './model';

/** Minutes after midnight, 0–1440; `to` before `from` runs past midnight into the next day. */
export interface OpeningSpan {
  from: number;
  to: number;
}

/** Index 0 is Sunday (as Date.getDay()); an empty list is a closed day. */
export type WeeklyHours = readonly (readonly OpeningSpan[])[];

/** Dates from `from` to `to` (local "YYYY-MM-DD", inclusive) open for `spans` each day (none: closed). */
export interface SpecialDays {
  from: string;
  to: string;
  spans: readonly OpeningSpan[];
}

/**
 * The week and the special days over it. On a date several special ranges cover, the one starting later wins
 * (the more specific: Eid inside Ramadan); on the same start, the later in the list.
 */
export interface BusinessHours {
  weekly: WeeklyHours;
  special: readonly SpecialDays[];
}

/** The week alone, or the week with its special days. */
export type Hours = WeeklyHours | BusinessHours;

const asBusiness = (hours: Hours): BusinessHours => ('weekly' in hours ? hours : { weekly: hours, special: [] });

/** A Date's local calendar date, "YYYY-MM-DD" (compares as text). */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.getFullYear()).padStart(4, '0')}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Local midnight of a date written "YYYY-MM-DD", or undefined when there is no such date (2026-02-30). */
export function dateOfText(text: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(2000, month - 1, day);
  date.setFullYear(year);
  return date.getMonth() === month - 1 && date.getDate() === day ? date : undefined;
}

/** A real calendar date written "YYYY-MM-DD". */
export function isDateText(text: string): boolean {
  return dateOfText(text) !== undefined;
}

/** The spans of the local date of `date`: the winning special range's, else the week's. A span belongs to the day it starts. */
function daySpans(hours: BusinessHours, date: Date): readonly OpeningSpan[] {
  const day = localDate(date);
  let winner: SpecialDays | undefined;
  for (const range of hours.special) {
    if (range.from <= day && day <= range.to && (winner === undefined || range.from >= winner.from)) winner = range;
  }
  return winner?.spans ?? hours.weekly[date.getDay()] ?? [];
}

/** How many days after `now`'s date the searches look: a week past the last special range, at most about a year. */
function horizon(hours: BusinessHours, now: Date): number {
  const last = hours.special.reduce((max, range) => (range.to > max ? range.to : max), '');
  const end = dateOfText(last);
  if (end === undefined || last < localDate(now)) return 8;
  const days = Math.ceil((end.getTime() - now.getTime()) / 86_400_000);
  return Math.min(Math.max(days, 0) + 8, 400);
}

export function parseClock(clock: string): number | undefined {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/u.exec(clock);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** Whether the shop is open at `now` (local time of the Date). */
export function isOpen(given: Hours, now: Date): boolean {
  const hours = asBusiness(given);
  const minute = now.getHours() * 60 + now.getMinutes();
  for (const span of daySpans(hours, now)) {
    if (span.from < span.to ? minute >= span.from && minute < span.to : minute >= span.from) return true;
  }
  // Yesterday's spans that run past midnight (yesterday's, special or not: a night belongs to the day it started).
  for (const span of daySpans(hours, new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1))) {
    if (span.to < span.from && minute < span.to) return true;
  }
  return false;
}

/**
 * The next moment the shop opens after `now` (within a week past the last special range), or undefined when it
 * never opens; closed special days are skipped.
 */
export function nextOpening(given: Hours, now: Date): Date | undefined {
  const hours = asBusiness(given);
  if (isOpen(hours, now)) return now;
  const last = horizon(hours, now) - 1;
  for (let days = 0; days <= last; days += 1) {
    const date = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
    const starts = [...daySpans(hours, date)].map((s) => s.from).sort((a, b) => a - b);
    for (const from of starts) {
      const at = new Date(date.getFullYear(), date.getMonth(), date.getDate(), Math.floor(from / 60), from % 60);
      if (at.getTime() > now.getTime()) return at;
    }
  }
  return undefined;
}

/** The shop's settings as WeeklyHours: each open day's one span; opening and closing at the same time is all day. */
export function weeklyHours(days: readonly DayHours[]): WeeklyHours {
  return Array.from({ length: 7 }, (_, day) => {
    const d = days[day];
    const from = d === undefined ? undefined : parseClock(d.from);
    const to = d === undefined ? undefined : parseClock(d.to);
    if (d?.open !== true || from === undefined || to === undefined) return [];
    return [from === to ? { from: 0, to: 24 * 60 } : { from, to }];
  });
}

/** One special range's spans: none when closed; opening and closing at the same time is all day. */
function specialSpans(hours: SpecialHours['hours']): readonly OpeningSpan[] {
  if (hours === null) return [];
  const from = parseClock(hours.from);
  const to = parseClock(hours.to);
  if (from === undefined || to === undefined) return [];
  return [from === to ? { from: 0, to: 24 * 60 } : { from, to }];
}

/** The shop's settings as BusinessHours: the week (see weeklyHours) and the special ranges over it. */
export function businessHours(shop: Pick<ShopSettings, 'hours'> & Partial<Pick<ShopSettings, 'specialHours'>>): BusinessHours {
  return {
    weekly: weeklyHours(shop.hours),
    special: (shop.specialHours ?? []).map((range) => ({ from: range.from, to: range.to, spans: specialSpans(range.hours) })),
  };
}

/** Business hours are set and the shop is closed at `now` (special days included). */
export function isAway(shop: Pick<ShopSettings, 'hoursEnabled' | 'hours'> & Partial<Pick<ShopSettings, 'specialHours'>>, now: Date): boolean {
  return shop.hoursEnabled && !isOpen(businessHours(shop), now);
}

/**
 * The next moment after `now` the shop opens or closes (within eight days, or a week past the last special
 * range), or undefined when it never does.
 */
export function nextChange(given: Hours, now: Date): Date | undefined {
  const hours = asBusiness(given);
  const open = isOpen(hours, now);
  const candidates: Date[] = [];
  const last = horizon(hours, now);
  for (let days = -1; days <= last; days += 1) {
    const date = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
    for (const span of daySpans(hours, date)) {
      for (const minute of [span.from, span.to]) {
        const at = new Date(date.getFullYear(), date.getMonth(), date.getDate(), Math.floor(minute / 60), minute % 60);
        // A span that runs past midnight ends the next day.
        if (minute === span.to && span.to < span.from) at.setDate(at.getDate() + 1);
        if (at.getTime() > now.getTime()) candidates.push(at);
      }
    }
  }
  candidates.sort((a, b) => a.getTime() - b.getTime());
  return candidates.find((at) => isOpen(hours, at) !== open);
}
