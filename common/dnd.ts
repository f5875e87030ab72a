/**
 * "Do not disturb" as the tray offers it: off, on (until turned off), for an hour, or until tomorrow morning. Pure; `now` is a Date so
 * the local time zone decides what "08:00" means, as it does for quiet hours (common/quiet.ts).
 */
import type { NotificationSettings } from './state';

export const HOUR_MS = 60 * 60 * 1000;
/** "Until tomorrow" ends at this local hour. */
export const MORNING_HOUR = 8;

/** "On until I turn it off" is stored as the last moment a Date can hold. */
export const FOREVER = 8_640_000_000_000_000;

export type DndChoice = 'off' | 'on' | 'hour' | 'morning';

/** The next MORNING_HOUR:00 after `now`: tomorrow's, or today's when the night is not over yet. */
export function nextMorning(now: Date): number {
  const morning = new Date(now.getFullYear(), now.getMonth(), now.getDate(), MORNING_HOUR, 0, 0, 0);
  if (morning.getTime() <= now.getTime()) morning.setDate(morning.getDate() + 1);
  return morning.getTime();
}

/** When do-not-disturb chosen now would end (null: it is off). */
export function dndUntil(choice: DndChoice, now: Date): number | null {
  switch (choice) {
    case 'off':
      return null;
    case 'on':
      return FOREVER;
    case 'hour':
      return now.getTime() + HOUR_MS;
    case 'morning':
      return nextMorning(now);
  }
}

/**
 * Which choice the current setting looks like: off when unset or past; on when it never ends; "until tomorrow" when it ends at a local
 * MORNING_HOUR:00 sharp; "for an hour" for any other end (set elsewhere, or an hour that has partly passed).
 */
export function currentDnd(settings: Pick<NotificationSettings, 'dndUntil'>, now: Date): { choice: DndChoice; until: number | null } {
  const until = settings.dndUntil;
  if (until === null || until <= now.getTime()) return { choice: 'off', until: null };
  if (until >= FOREVER) return { choice: 'on', until };
  const end = new Date(until);
  const morning = end.getHours() === MORNING_HOUR && end.getMinutes() === 0 && end.getSeconds() === 0 && end.getMilliseconds() === 0;
  return { choice: morning ? 'morning' : 'hour', until };
}
