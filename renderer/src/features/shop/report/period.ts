/**
 * The periods the report offers, and the moments each one spans: from the local midnight that starts the oldest
 * day to now, so the newest day is today so far.
 */
export const PERIODS = [7, 30, 90] as const;
export type Period = (typeof PERIODS)[number];

export function periodRange(days: Period, now: number): { from: number; to: number } {
  const today = new Date(now);
  return { from: new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1)).getTime(), to: now };
}

/** A report day key ("2026-11-21") as its local midnight. */
export function dayStart(key: string): Date {
  const [year = 0, month = 1, day = 1] = key.split('-').map(Number);
  return new Date(year, month - 1, day);
}
