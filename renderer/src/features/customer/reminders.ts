/**
 * When "Remind me" (snooze) brings a customer back: later today (in three hours, on the next quarter hour),
 * tomorrow morning (9:00, or the shop's opening time when business hours are set), next week (the same, seven days
 * on), or a moment the user picks in a date-time field (local time, "YYYY-MM-DDTHH:MM"). Pure.
 */
import { nextOpening, businessHours } from '../../../../common/shop/hours';
import type { ShopSettings } from '../../../../common/shop/model';

const QUARTER_MS = 15 * 60_000;
const LATER_MS = 3 * 3_600_000;
const MORNING_HOUR = 9;

/** Three hours from now, rounded up to the quarter hour. */
export function laterToday(now: number): number {
  return Math.ceil((now + LATER_MS) / QUARTER_MS) * QUARTER_MS;
}

/** 9:00 tomorrow; with business hours, the first opening from tomorrow on (9:00 when the shop is open at midnight). */
export function tomorrowMorning(now: number, shop: Pick<ShopSettings, 'hoursEnabled' | 'hours'>): number {
  const today = new Date(now);
  const midnight = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1);
  const nine = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1, MORNING_HOUR).getTime();
  if (!shop.hoursEnabled) return nine;
  const opening = nextOpening(businessHours(shop), midnight);
  return opening === undefined || opening.getTime() === midnight.getTime() ? nine : opening.getTime();
}

/** The morning a week from now: 9:00 seven days on, or the shop's first opening from that day on. */
export function nextWeek(now: number, shop: Pick<ShopSettings, 'hoursEnabled' | 'hours'>): number {
  const d = new Date(now);
  return tomorrowMorning(new Date(d.getFullYear(), d.getMonth(), d.getDate() + 6, d.getHours(), d.getMinutes()).getTime(), shop);
}

/** Whether two moments fall on the same local day. */
export function sameDay(a: number, b: number): boolean {
  return new Date(a).toDateString() === new Date(b).toDateString();
}

/** Whether `at` falls on the local day after `now`'s. */
export function nextDay(at: number, now: number): boolean {
  const d = new Date(now);
  return sameDay(at, new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime());
}

const two = (n: number): string => String(n).padStart(2, '0');

/** A moment as a datetime-local input's value, in local time, to the minute. */
export function toLocalInput(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/u;

/** A datetime-local input's value as a moment, or undefined when it is empty or not a real date. */
export function fromLocalInput(value: string): number | undefined {
  const match = LOCAL_INPUT.exec(value);
  if (match === null) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(year, month - 1, day, hour, minute);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day || date.getHours() !== hour) return undefined;
  return date.getTime();
}
