/**
 * Business hours: when the shop is open, week by week, in local time. Outside them the tray shows "away" and
 * non-urgent notifications can wait until opening time.
 */

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
