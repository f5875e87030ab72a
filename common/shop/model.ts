/**
 * The shop-owner toolkit's data: quick replies, labels, what Wasl keeps about each customer (labels, notes,
 * conversation status, a reminder, a pin, a mark as unread) and what Wasl learns from each chat's activity. Pure
 * types and constants.
 */
import type { ChatRef } from '../model';
import type { FieldValues } from './fields';

/** A saved answer: a short name to find it by, and the text with {name}, {first_name} and {shop} in it. */
export interface QuickReply {
  id: string;
  name: string;
  body: string;
  /**
   * Phrases that make Wasl suggest this reply when a customer's latest message has one (common/shop/faq.ts), as the
   * owner wrote them. Absent: none.
   */
  triggers?: string[];
}

/** WhatsApp Business's default labels; Wasl names them in the user's language until the user renames one. */
export const LABEL_PRESETS = ['new-customer', 'new-order', 'pending-payment', 'paid', 'order-complete'] as const;
export type LabelPreset = (typeof LABEL_PRESETS)[number];

export const LABEL_COLORS = ['blue', 'teal', 'green', 'lime', 'yellow', 'orange', 'red', 'pink', 'purple', 'gray'] as const;
export type LabelColor = (typeof LABEL_COLORS)[number];

export interface Label {
  id: string;
  color: LabelColor;
  /** The user's name for it; a preset without one shows its translated name. */
  name?: string;
  preset?: LabelPreset;
}

const PRESET_COLORS: Record<LabelPreset, LabelColor> = {
  'new-customer': 'blue',
  'new-order': 'yellow',
  'pending-payment': 'orange',
  paid: 'green',
  'order-complete': 'teal',
};

export const DEFAULT_LABELS: readonly Label[] = LABEL_PRESETS.map((preset) => ({ id: `preset-${preset}`, color: PRESET_COLORS[preset], preset }));

/**
 * Where a conversation stands, as the user set it: `open` (needs an answer), `awaiting-customer` (the shop
 * answered and waits for the customer), `done`. The last two go back to open when the customer writes again.
 */
export const CONVERSATION_STATUSES = ['open', 'awaiting-customer', 'done'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/**
 * Bring a customer back at `at`: the chat to open and the name to show in the notification. Until then the
 * customer is snoozed, out of the inbox's way unless they write again (after `setAt`).
 */
export interface Reminder {
  at: number;
  setAt: number;
  chat: ChatRef;
  title: string;
  /** Wasl has shown the reminder's notification; the customer stays at the top until the user looks. */
  notified?: boolean;
}

/** What the shop keeps about one customer (one inbox entry). */
export interface Customer {
  /** Label ids. */
  labels: string[];
  note: string;
  status: ConversationStatus;
  /** When the status was set (epoch ms): a message from the customer after it reopens the conversation. */
  statusAt: number;
  /** Notify even outside business hours, when notifications are held until opening time. */
  priority: boolean;
  reminder?: Reminder;
  /** Kept at the top of the inbox (after due reminders) until unpinned. */
  pinned?: true;
  /**
   * Marked unread in Wasl at this moment (epoch ms): the entry shows and counts as unread until the user opens it
   * from Wasl or the page reports that chat open. The platform's own unread state is not touched.
   */
  unreadMark?: number;
  /** The customer's values of the shop's fields (common/shop/fields.ts), by field id; absent when none is set. */
  fields?: FieldValues;
}

/**
 * The triage steps the user can take back (common/ipc.ts `customer.update` with `undo`): done, marked unread,
 * pinned, unpinned, snoozed. Each undo puts back only the records that step changed.
 */
export const TRIAGE_STEPS = ['done', 'marked-unread', 'pinned', 'unpinned', 'snoozed'] as const;
export type TriageStep = (typeof TRIAGE_STEPS)[number];

export const EMPTY_CUSTOMER: Customer = { labels: [], note: '', status: 'open', statusAt: 0, priority: false };

/** The shop's settings (its name, its hours), derived from their schema in common/settings/groups.ts. */
export type { DayHours, ShopSettings, SpecialHours } from '../settings';

/** What Wasl learned about a chat from how its unread count and last activity moved. */
export interface ChatActivity {
  /** When Wasl first saw the chat (its last activity then, when older). */
  first: number;
  /** The customer's last message, and the shop's (epoch ms). */
  lastIn?: number;
  lastOut?: number;
  /** The customer's first message since the shop last answered: the customer waits for a reply since then. */
  waitingSince?: number;
  /**
   * Wasl saw the chat appear at this moment, with a message newer than every chat it already knew on that
   * account: a new conversation (a new customer), not an old chat scrolled into view or found at the first read.
   */
  newAt?: number;
}
