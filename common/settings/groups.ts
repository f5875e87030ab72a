/**
 * Wasl's settings, one zod schema per group, each field with its default. The type, the defaults, what
 * `settings.set` accepts, how the settings file is read and how a change merges all derive from these
 * (./index.ts, ./derive.ts): adding a setting means adding its field here, and its control in the shell.
 */
import { z } from 'zod';
import { LIST_WIDTH } from '../layout';
import { LIMITS } from '../limits';
import { LOCK_AFTER_CHOICES } from '../lock';
import { CHAT_LINK_PLATFORMS, MAX_LINK_LENGTH } from '../shop/chat-links';
import { isDateText } from '../shop/hours';
import { CALENDARS, DIGITS } from '../language';
import { MEMORY_BUDGET_CHOICES, OPEN_HOURS_MODES } from '../power';
import { parseCombo, SHORTCUT_IDS } from '../shortcuts';

/** A local time of day, "HH:MM". */
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** How Wasl speaks, looks and counts. */
export const generalSettings = z.object({
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  language: z.enum(['system', 'en', 'ar']).default('system'),
  /** Where local phone numbers (no country code) are from, ISO 3166 alpha-2 ("SA"), for merging chats by phone. */
  defaultRegion: z.string().regex(/^[A-Z]{2}$/).nullable().default(null),
  /** What the tray and app badges count: unread messages, or chats with unread messages. */
  unreadCount: z.enum(['messages', 'chats']).default('messages'),
  /** The digits numbers, dates and times are written with: the language's own ('auto'), Latin 0–9 or Arabic-Indic ٠–٩. */
  digits: z.enum(DIGITS).default('auto'),
  /** The calendar dates are shown in: Gregorian, Hijri (Umm al-Qura), or both where a date is shown in full. */
  calendar: z.enum(CALENDARS).default('gregory'),
});

/** Wasl on the desktop. */
export const desktopSettings = z.object({
  /** Check for new versions and download them in the background (installed builds only). */
  updates: z.boolean().default(true),
  /** Open Wasl when the user signs in to the computer (installed builds only). */
  startAtLogin: z.boolean().default(false),
  /** Start hidden: the window is created but shown only from the tray (or the Dock). */
  startMinimized: z.boolean().default(false),
  /** Closing the window keeps Wasl running in the tray; off, closing quits. macOS always keeps it running. */
  closeToTray: z.boolean().default(true),
});

/** Where the files services' pages download go. */
export const downloadSettings = z.object({
  /** `ask`: a save dialog for each file; `folder`: straight into `folder`, under a name that overwrites nothing. */
  mode: z.enum(['ask', 'folder']).default('ask'),
  /** The folder the user picked for `folder` mode; null: the system's Downloads folder. */
  folder: z.string().min(1).max(4_096).nullable().default(null),
});

/** How the window is laid out. */
export const layoutSettings = z.object({
  /** The width of the chat list beside the open service. */
  listWidth: z.number().int().min(LIST_WIDTH.min).max(LIST_WIDTH.max).default(LIST_WIDTH.initial),
  /** The chat list beside the service shows only the pictures. */
  listCollapsed: z.boolean().default(false),
});

/** A key combo as common/shortcuts.ts writes it ("Mod+Shift+KeyL"). */
const combo = z.string().max(40).refine((text) => parseCombo(text) !== undefined, 'not a key combo');

/** The keyboard shortcuts the user changed (common/shortcuts.ts): a shortcut's one key, or null for none. */
export const shortcutSettings = z.object({
  keys: z.partialRecord(z.enum(SHORTCUT_IDS), combo.nullable()).default({}),
});

/** The app lock (its password is not a setting: main keeps its hash beside them). */
export const lockSettings = z.object({
  /** Minutes without input in Wasl's window after which it locks, when a password is set (0: never by itself). */
  lockAfterMin: z.literal(LOCK_AFTER_CHOICES).default(15),
});

/** Quiet hours: every day from `from` to `to` (local "HH:MM"; `to` before `from` wraps past midnight). */
const quietHours = z.strictObject({ enabled: z.boolean(), from: clockTime, to: clockTime });

export const notificationSettings = z.object({
  /** Play the OS notification sound. */
  sound: z.boolean().default(true),
  /** Notifications show who wrote, never what. */
  privateMode: z.boolean().default(false),
  /** Do not disturb until this moment (epoch ms), or not at all. */
  dndUntil: z.number().int().min(0).nullable().default(null),
  quietHours: quietHours.default(() => ({ enabled: false, from: '22:00', to: '08:00' })),
});

/** One day's opening hours ("HH:MM" local; `to` before `from` runs past midnight). */
const dayHours = z.strictObject({ open: z.boolean(), from: clockTime, to: clockTime });

/** A calendar date, "YYYY-MM-DD", that exists (not 2026-02-30). */
const calendarDate = z.string().refine(isDateText, 'not a date');

/**
 * Special opening hours from `from` to `to` (inclusive) that replace the week's: closed all day (`hours` null) or
 * one span each day ("HH:MM" local, past midnight as the week's). Common/shop/hours.ts applies them.
 */
const specialHours = z
  .strictObject({
    id: z.string().min(1).max(64),
    name: z.string().max(LIMITS.specialHoursName).trim(),
    from: calendarDate,
    to: calendarDate,
    hours: z.strictObject({ from: clockTime, to: clockTime }).nullable(),
  })
  .refine((range) => range.from <= range.to, 'ends before it starts');

/** At most LIMITS.specialHours ranges; a bad one, stored or sent, is dropped alone and the others kept. */
const specialHoursList = z.preprocess(
  (raw) => (Array.isArray(raw) ? raw.filter((entry) => specialHours.safeParse(entry).success).slice(0, LIMITS.specialHours) : raw),
  z.array(specialHours),
);

/** A chat link's account as the owner typed it: a number, a username or a pasted link, at most one link long. */
const chatLinkAccount = z.string().max(LIMITS.urlChars).default('');

/** A chat link's message as typed: longer than MAX_LINK_LENGTH it could never fit a link. */
const chatLinkMessage = z.string().max(MAX_LINK_LENGTH).default('');

/**
 * What the chat links tab (common/shop/chat-links.ts) remembers: the platform last used, and for each platform
 * the account and, where its link takes one, the message, kept as typed even while they make no link yet (the
 * owner may be half-way). Each is its own setting: a bad stored value falls back to empty alone.
 */
export const chatLinkSettings = z.object({
  last: z.enum(CHAT_LINK_PLATFORMS).nullable().default(null),
  whatsapp: z.object({ account: chatLinkAccount, message: chatLinkMessage }).prefault({}),
  messenger: z.object({ account: chatLinkAccount }).prefault({}),
  instagram: z.object({ account: chatLinkAccount }).prefault({}),
  telegram: z.object({ account: chatLinkAccount, message: chatLinkMessage }).prefault({}),
});

/** The shop-owner toolkit's settings. */
export const shopSettings = z.object({
  /** The shop's name, for {shop} in quick replies. */
  name: z.string().max(LIMITS.shopName).trim().default(''),
  /** Business hours are set: outside them the tray says "away". */
  hoursEnabled: z.boolean().default(false),
  /** Seven days, Sunday first (as Date.getDay()). */
  hours: z
    .array(dayHours)
    .length(7)
    .default(() => Array.from({ length: 7 }, () => ({ open: true, from: '09:00', to: '21:00' }))),
  /** Outside business hours, pop-ups wait until opening time (priority customers still come through). */
  holdOutsideHours: z.boolean().default(false),
  /** Date ranges (Ramadan, Eid, holidays) whose hours replace the week's. */
  specialHours: specialHoursList.default(() => []),
  /** Offered (never sent) when a new customer writes first: common/shop/suggest.ts. Variables as in quick replies. */
  greeting: z.string().max(LIMITS.replyBody).default(''),
  /** Offered (never sent) when a customer writes while the shop is closed and it still is. */
  away: z.string().max(LIMITS.replyBody).default(''),
  /** The chat links tab's accounts and messages. */
  chatLinks: chatLinkSettings.prefault({}),
});

/** When services sleep beyond each one's own settings (common/power.ts effectivePolicy). */
export const powerSettings = z.object({
  /** In business hours, services with customers stay awake or check every 2 minutes; 'auto': awake with 8 GiB or more. */
  openHours: z.enum(OPEN_HOURS_MODES).default('auto'),
  /** The services' memory budget in MB (0: none): past it, the least recently used sleep first. */
  budgetMB: z.literal(MEMORY_BUDGET_CHOICES).default(0),
});
