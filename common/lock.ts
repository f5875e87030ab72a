/**
 * The app lock as the shell sees it: whether a password is set, whether Wasl is locked, and until when the next
 * try must wait. The password itself, and its hash, never leave main. Pure types and constants.
 */

/** Minutes without input in Wasl's window after which it locks (0: never locks by itself). */
export const LOCK_AFTER_CHOICES = [0, 5, 15, 60] as const;
export type LockAfterMin = (typeof LOCK_AFTER_CHOICES)[number];

/** How long a password may be, in characters (a longer one is refused before it is ever hashed). */
export const PASSWORD_MIN = 4;
export const PASSWORD_MAX = 256;

export interface LockStatus {
  /** A password is set: Wasl locks at start, when asked and after the chosen inactivity. */
  set: boolean;
  locked: boolean;
  /** After repeated wrong passwords: no try is accepted before this moment (epoch ms). */
  retryAt: number | null;
}

/** Where Wasl starts when nothing is set: no password, unlocked. */
export const NO_LOCK: LockStatus = { set: false, locked: false, retryAt: null };
