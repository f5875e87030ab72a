/**
 * How long a service stays loaded when nobody looks at it, and how often a sleeping one wakes to check for new
 * messages. Pure: main's power scheduler applies it, the shell shows and edits it.
 */
import type { PlatformId, ServiceConfig } from './model';

/** Minutes of idleness (not in front) after which a service sleeps, by default. */
export const DEFAULT_SLEEP_AFTER_MIN: Readonly<Record<PlatformId, number>> = {
  whatsapp: 30,
  messenger: 30,
  instagram: 30,
  telegram: 30,
  'google-messages': 30,
  // WeChat's web sign-in is fragile and every new sign-in renames its chats: it sleeps only if the user says so.
  wechat: 0,
  discord: 15,
  slack: 15,
  custom: 15,
};

/** Minutes between two checks of a sleeping service, by default. */
export const DEFAULT_CHECK_EVERY_MIN = 15;

/** What the user may choose: minutes of idleness before sleeping (0 = never sleeps), and between checks (0 = never). */
export const SLEEP_AFTER_CHOICES = [0, 5, 15, 30, 60, 120, 240] as const;
export const CHECK_EVERY_CHOICES = [0, 5, 15, 30, 60] as const;

/** The longest a scheduled check keeps a service awake, and how long it waits for late messages once the page reported. */
export const CHECK_MAX_MS = 3 * 60_000;
export const CHECK_SETTLE_MS = 20_000;

export interface PowerPolicy {
  /** Loaded at launch and never put to sleep. */
  alwaysOn: boolean;
  /** Idle time before sleeping, or null when it never sleeps. */
  sleepAfterMs: number | null;
  /** Time between checks while asleep, or null when it only wakes when used. */
  checkEveryMs: number | null;
}

const MINUTE = 60_000;

export function powerPolicy(service: Pick<ServiceConfig, 'platform' | 'alwaysOn' | 'sleepAfterMin' | 'checkEveryMin'>): PowerPolicy {
  const alwaysOn = service.alwaysOn === true;
  const sleepAfter = service.sleepAfterMin ?? DEFAULT_SLEEP_AFTER_MIN[service.platform];
  const checkEvery = service.checkEveryMin ?? DEFAULT_CHECK_EVERY_MIN;
  return {
    alwaysOn,
    sleepAfterMs: alwaysOn || sleepAfter === 0 ? null : sleepAfter * MINUTE,
    checkEveryMs: checkEvery === 0 ? null : checkEvery * MINUTE,
  };
}
