/** When to try a failed service again, and when to give up. */

/** Delay before the n-th automatic reload (n ≥ 1): 1 s, 2 s, 4 s … capped at one minute. */
export function retryDelay(failures: number): number {
  const n = Math.max(1, failures);
  return Math.min(60_000, 1_000 * 2 ** (n - 1));
}

/** Crashes or hangs in a row after which Wasl stops reloading and asks the user. */
export const MAX_CRASHES = 5;

/** A page that stays up this long is healthy again: its failure count resets. */
export const STABLE_MS = 60_000;

/** A hung page gets this long to recover by itself before it is killed and reloaded. */
export const HANG_GRACE_MS = 10_000;
