/**
 * How long a service stays loaded when nobody looks at it, and how often a sleeping one wakes to check for new
 * messages. Pure: main's power scheduler applies it, the shell shows and edits it.
 */
import type { ChatSummary, Person, PlatformId, ServiceConfig } from './model';
import { isFollowed } from './shop/activity';
import { chatCustomerKeys, effectiveStatus, resolveCustomer } from './shop/customers';
import type { Customer } from './shop/model';

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

/** During business hours, services with customers stay loaded ('awake') or check often ('check'); 'auto' chooses by memory. */
export const OPEN_HOURS_MODES = ['auto', 'awake', 'check'] as const;
export type OpenHoursMode = (typeof OPEN_HOURS_MODES)[number];

/** Computers with at least this much memory keep customer services awake in open hours when the mode is 'auto'. */
export const AWAKE_MIN_TOTAL_KIB = 8 * 1024 * 1024;

/** How often a service checks in open hours ('check' mode), and while a customer waits for an answer. */
export const CUSTOMER_CHECK_MS = 2 * MINUTE;

/** A service carried a customer conversation this recently: it counts as a customer service in open hours. */
export const CUSTOMER_RECENT_MS = 14 * 24 * 60 * MINUTE;

/** Free system memory below this is low: services sleep, least recently used first. */
export const LOW_MEMORY_FREE_KIB = 512 * 1024;

/** What the user may choose as the services' memory budget, in MB (0: none). */
export const MEMORY_BUDGET_CHOICES = [0, 1024, 1536, 2048, 3072, 4096, 6144, 8192] as const;

/** The open-hours mode in force: 'auto' is 'awake' on a computer with AWAKE_MIN_TOTAL_KIB or more, else 'check'. */
export function resolveOpenHoursMode(mode: OpenHoursMode, totalKiB: number | undefined): 'awake' | 'check' {
  if (mode !== 'auto') return mode;
  return totalKiB !== undefined && totalKiB >= AWAKE_MIN_TOTAL_KIB ? 'awake' : 'check';
}

/** Why a service sleeps and checks as it does now. */
export const POWER_REASONS = ['default', 'open-hours', 'customer-waiting', 'memory-budget'] as const;
export type PowerReason = (typeof POWER_REASONS)[number];

/** What decides a service's policy now, besides its own settings. */
export interface PowerContext {
  /** Business hours are set and the shop is open now. */
  open: boolean;
  /** The service carried a customer conversation in the last CUSTOMER_RECENT_MS. */
  customerRecent: boolean;
  /** A customer of the service waits for an answer (the conversation not done). */
  waiting: boolean;
  /** What open hours mean for customer services (resolved: see resolveOpenHoursMode). */
  openHoursMode: 'awake' | 'check';
  /** Memory is short (low system memory, or the services' budget passed) and this service is to sleep for it. */
  shed: boolean;
}

export interface EffectivePolicy {
  policy: PowerPolicy;
  reason: PowerReason;
}

const shorterCheck = (checkEveryMs: number | null): number => Math.min(checkEveryMs ?? CUSTOMER_CHECK_MS, CUSTOMER_CHECK_MS);

/**
 * The policy in force for a service now, and why. In order: a service the user keeps always on stays so; memory
 * pressure sleeps it at once (still checking as below, a check being short); a waiting customer makes it check at
 * least every CUSTOMER_CHECK_MS; in open hours a customer service stays awake, or checks every CUSTOMER_CHECK_MS;
 * otherwise its own settings (powerPolicy).
 */
export function effectivePolicy(service: Pick<ServiceConfig, 'platform' | 'alwaysOn' | 'sleepAfterMin' | 'checkEveryMin'>, context: PowerContext): EffectivePolicy {
  const base = powerPolicy(service);
  if (base.alwaysOn) return { policy: base, reason: 'default' };
  if (context.shed) {
    return { policy: { alwaysOn: false, sleepAfterMs: 0, checkEveryMs: context.waiting ? shorterCheck(base.checkEveryMs) : base.checkEveryMs }, reason: 'memory-budget' };
  }
  if (context.open && context.customerRecent && context.openHoursMode === 'awake') {
    return { policy: { alwaysOn: false, sleepAfterMs: null, checkEveryMs: shorterCheck(base.checkEveryMs) }, reason: 'open-hours' };
  }
  if (context.waiting) return { policy: { ...base, checkEveryMs: shorterCheck(base.checkEveryMs) }, reason: 'customer-waiting' };
  if (context.open && context.customerRecent) return { policy: { ...base, checkEveryMs: shorterCheck(base.checkEveryMs) }, reason: 'open-hours' };
  return { policy: base, reason: 'default' };
}

/** What the scheduler knows of one service's memory, to choose which sleep when memory is short. */
export interface MemoryCandidate {
  id: string;
  /** Loaded now (its memory counts). */
  awake: boolean;
  /** Its memory when last measured awake (KiB); 0 when never measured. */
  memoryKiB: number;
  /** When the user last had it in front (epoch ms; 0: never). */
  lastUsed: number;
  /** May be put to sleep for memory: not the one in front, not always on. */
  eligible: boolean;
}

export interface MemoryPressure {
  /** The services' memory budget (KiB), or null when none is set. */
  budgetKiB: number | null;
  /** Free system memory (KiB), when known. */
  freeKiB: number | undefined;
}

/**
 * Which services sleep for memory: the least recently used awake ones first, until the awake services fit the
 * budget with room for one check (the largest service), and the system's free memory is back over
 * LOW_MEMORY_FREE_KIB. Those already asleep for memory (`held`) stay so until they fit again (in the budget, and
 * in the free memory above LOW_MEMORY_FREE_KIB). Never the one in
 * front nor one always on (not eligible). Pure.
 */
export function memoryShed(candidates: readonly MemoryCandidate[], pressure: MemoryPressure, held: ReadonlySet<string>): Set<string> {
  const awakeKiB = candidates.reduce((sum, c) => sum + (c.awake ? c.memoryKiB : 0), 0);
  const checkRoom = candidates.reduce((max, c) => (c.eligible ? Math.max(max, c.memoryKiB) : max), 0);
  const overBudget = pressure.budgetKiB === null ? 0 : awakeKiB + checkRoom - pressure.budgetKiB;
  const lowBy = pressure.freeKiB === undefined ? 0 : LOW_MEMORY_FREE_KIB - pressure.freeKiB;
  let need = Math.max(overBudget, lowBy);
  const shed = new Set<string>();
  const byAge = [...candidates].filter((c) => c.eligible).sort((a, b) => a.lastUsed - b.lastUsed);
  for (const c of byAge) {
    if (need <= 0) break;
    if (!c.awake) continue;
    shed.add(c.id);
    need -= c.memoryKiB;
  }
  // Those asleep for memory wake only when they fit: the most recently used first, while room is left.
  let room = Math.min(pressure.budgetKiB === null ? Infinity : -overBudget, pressure.freeKiB === undefined ? Infinity : -lowBy);
  for (const c of [...byAge].reverse()) {
    if (c.awake || !held.has(c.id)) continue;
    if (c.memoryKiB <= room) room -= c.memoryKiB;
    else shed.add(c.id);
  }
  return shed;
}

/** What a service's chats say of its customers now: one wrote in the last CUSTOMER_RECENT_MS, one waits for an answer. */
export interface CustomerDemand {
  customerRecent: boolean;
  waiting: boolean;
}

/**
 * A service's customers from its chats' activity (groups and channels are not customers): recent when a direct
 * chat where a customer wrote moved either way in the last CUSTOMER_RECENT_MS; waiting when a customer wrote since the shop last answered
 * and the user has not set the conversation to answered or done since. Pure.
 */
export function customerDemand(
  serviceId: string,
  chats: readonly Pick<ChatSummary, 'id' | 'kind' | 'phone' | 'activity'>[],
  customers: Readonly<Record<string, Customer>>,
  people: readonly Person[],
  now: number,
): CustomerDemand {
  let customerRecent = false;
  let waiting = false;
  for (const chat of chats) {
    const activity = chat.activity;
    if (!isFollowed(chat) || activity === undefined) continue;
    const last = Math.max(activity.lastIn ?? -Infinity, activity.lastOut ?? -Infinity);
    if (activity.lastIn !== undefined && now - last <= CUSTOMER_RECENT_MS) customerRecent = true;
    if (activity.waitingSince !== undefined && !waiting) {
      const record = resolveCustomer(customers, chatCustomerKeys({ serviceId, chatId: chat.id }, chat.phone, people));
      if (effectiveStatus(record, activity.lastIn) === 'open') waiting = true;
    }
    if (customerRecent && waiting) break;
  }
  return { customerRecent, waiting };
}
