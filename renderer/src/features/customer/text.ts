/**
 * How the inbox and the customer card say where a conversation stands: the status names, how long a customer has
 * waited, and how much of the platform's reply window is left, with the colour it turns as it runs out.
 */
import type { ConversationStatus } from '../../../../common/shop/model';

export const STATUS_TEXT = {
  open: 'customer.status.open',
  'awaiting-customer': 'customer.status.awaitingCustomer',
  done: 'customer.status.done',
} as const satisfies Record<ConversationStatus, string>;

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/** Under this much time left the window's countdown turns to a warning, and under this to danger. */
export const WINDOW_WARNING_MS = 4 * HOUR_MS;
export const WINDOW_DANGER_MS = HOUR_MS;

export type WindowTone = 'calm' | 'warning' | 'danger';

export function windowTone(end: number, now: number): WindowTone {
  const left = end - now;
  if (left < WINDOW_DANGER_MS) return 'danger';
  return left < WINDOW_WARNING_MS ? 'warning' : 'calm';
}

/**
 * A duration as precise as a small chip needs it: minutes under an hour (at least one), whole hours beyond, so
 * "23 hr" rather than "23 hr, 12 min".
 */
export function chipDuration(ms: number): number {
  if (ms < HOUR_MS) return Math.max(1, Math.floor(ms / MINUTE_MS)) * MINUTE_MS;
  return Math.floor(ms / HOUR_MS) * HOUR_MS;
}
