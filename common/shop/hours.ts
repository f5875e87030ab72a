/**
 * Business hours: when the shop is open, week by week, in local time. Outside them the tray shows "away" and
 * non-urgent notifications can wait until opening time.
 */
import type { DayHours, ShopSettings } from './model';

/** Minutes after midnight, 0–1440; `to` before `from` runs past midnight into the next day. */
export interface OpeningSpan {
  from: number;
  to: number;
}

/** Index 0 is Sunday (as Date.getDay()); an empty list is a closed day. */
export type WeeklyHours = readonly (readonly OpeningSpan[])[];

export function parseClock(clock: string): number | undefined {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/u.exec(clock);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** Whether the shop is open at `now` (local time of the Date). */
export function isOpen(hours: WeeklyHours, now: Date): boolean {
  const day = now.getDay();
  const minute = now.getHours() * 60 + now.getMinutes();
  for (const span of hours[day] ?? []) {
    if (span.from < span.to ? minute >= span.from && minute < span.to : minute >= span.from) return true;
  }
  // Yesterday's spans that run past midnight.
  for (const span of hours[(day + 6) % 7] ?? []) {
    if (span.to < span.from && minute < span.to) return true;
  }
  return false;
}

/** The next moment the shop opens after `now` (within a week), or undefined when it never opens. */
export function nextOpening(hours: WeeklyHours, now: Date): Date | undefined {
  if (isOpen(hours, now)) return now;
  for (let days = 0; days <= 7; days += 1) {
    const date = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
    const starts = [...(hours[date.getDay()] ?? [])].map((s) => s.from).sort((a, b) => a - b);
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

/** Business hours are set and the shop is closed at `now`. */
export function isAway(shop: Pick<ShopSettings, 'hoursEnabled' | 'hours'>, now: Date): boolean {
  return shop.hoursEnabled && !isOpen(weeklyHours(shop.hours), now);
}

/** The next moment after `now` the shop opens or closes (within eight days), or undefined when it never does. */
export function nextChange(hours: WeeklyHours, now: Date): Date | undefined {
  const open = isOpen(hours, now);
  const candidates: Date[] = [];
  for (let days = -1; days <= 8; days += 1) {
    const date = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
    for (const span of hours[date.getDay()] ?? []) {
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
