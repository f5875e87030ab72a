/**
 * Whether notifications should stay quiet now: "do not disturb" until a moment, or daily quiet hours (local
 * time, wrapping past midnight when they end before they start).
 */
import type { NotificationSettings } from './state';

function minutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** `now` is a Date so the caller's local time zone decides what "22:00" means. */
export function isQuiet(settings: Pick<NotificationSettings, 'dndUntil' | 'quietHours'>, now: Date): boolean {
  if (settings.dndUntil !== null && now.getTime() < settings.dndUntil) return true;
  const { enabled, from, to } = settings.quietHours;
  if (!enabled) return false;
  const start = minutes(from);
  const end = minutes(to);
  if (start === end) return false;
  const current = now.getHours() * 60 + now.getMinutes();
  return start < end ? current >= start && current < end : current >= start || current < end;
}
