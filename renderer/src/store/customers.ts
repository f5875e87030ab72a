/**
 * What the shop keeps about each inbox entry's customer, as the inbox shows it: the record (found under the
 * entry's key, or merged from what the entry was made of), its labels, the conversation's status as it stands
 * now, whether the customer waits for a reply and until when the platform lets the shop answer, the reminder, and
 * whether the user pinned the customer or marked them unread in Wasl.
 *
 * Derived lazily and per entry, for the rows in view and the views that need every entry (Waiting, a label):
 * an entry's activity is read once per entry object, and its view is the same object for as long as the entry
 * and the records it resolves to are, so a row given its view re-renders only when something it shows changed.
 * Most entries have no record: finding that out costs a few map lookups and allocates nothing.
 */
import { useState } from 'react';
import { replyWindowEnd } from '../../../common/shop/activity';
import { chatEntryKey, effectiveStatus, entryCustomerKeys, phoneEntryKey, resolveCustomer } from '../../../common/shop/customers';
import type { FieldValues } from '../../../common/shop/fields';
import type { ConversationStatus, Customer, Label, Reminder } from '../../../common/shop/model';
import type { ChatSummary, InboxEntry, PlatformId, ServiceConfig } from '../../../common/model';
import { useApp } from './context';
import type { ChatRef } from '../../../common/model';
import type { Inbox } from './inbox';

/** What the entry's chats tell about its customer's activity (see ChatActivity). */
export interface EntryActivity {
  /** When Wasl first saw any of its chats. */
  first?: number;
  /** The customer's latest message, and the shop's, on any of its chats. */
  lastIn?: number;
  lastOut?: number;
  /** The earliest moment one of its chats started waiting for a reply. */
  waitingSince?: number;
  /** When the last reply window among its chats closes (platforms with one only): answering there is possible until then. */
  windowEnd?: number;
  /** When Wasl saw the newest of its chats appear as a new conversation (ChatActivity.newAt). */
  newAt?: number;
}

export interface CustomerView extends EntryActivity {
  /** The keys its record may be saved under, the entry's own first (see entryCustomerKeys). */
  readonly keys: readonly string[];
  /** The distinct phone numbers of its chats. */
  readonly phones: readonly string[];
  /** The record, or undefined while the shop keeps nothing about the customer. */
  readonly record: Customer | undefined;
  /** The record's labels that exist, in the record's order. */
  readonly labels: readonly Label[];
  /** The status as it stands: done and awaiting-customer reopen when the customer wrote since. */
  readonly status: ConversationStatus;
  /** Set while the customer waits for a reply: their first unanswered message, the conversation open. */
  readonly waiting: number | undefined;
  readonly reminder: Reminder | undefined;
  /** Pinned to the top of the list. */
  readonly pinned: boolean;
  /** Marked unread in Wasl: shown and counted as unread until opened. */
  readonly marked: boolean;
}

/**
 * A reminder's state at a moment: `due` (its time came, or main notified it: the entry is pinned at the top),
 * `snoozed` (out of the list until then), or `back` (the customer wrote since it was set: listed again).
 */
export type ReminderState = 'due' | 'snoozed' | 'back';

export function reminderState(view: Pick<CustomerView, 'reminder' | 'lastIn'>, now: number): ReminderState | undefined {
  const reminder = view.reminder;
  if (reminder === undefined) return undefined;
  if (reminder.notified === true || reminder.at <= now) return 'due';
  return view.lastIn !== undefined && view.lastIn > reminder.setAt ? 'back' : 'snoozed';
}

/** The customers of the inbox as one render sees them. */
export interface Customers {
  view(entry: InboxEntry): CustomerView;
  activity(entry: InboxEntry): EntryActivity;
  /** Whether the shop keeps a record under one of the entry's keys (cheap: builds nothing). */
  hasRecord(entry: InboxEntry): boolean;
  /** The entries whose customer has a reminder, each once, soonest first. */
  reminded(): readonly InboxEntry[];
  /**
   * The entries that may be pinned, marked unread or done: those with a record saying so under one of their keys,
   * each once (their view says whether the entry as a whole is).
   */
  flagged(): readonly InboxEntry[];
}

interface Inputs {
  inbox: Inbox;
  customers: Readonly<Record<string, Customer>>;
  labels: readonly Label[];
  services: readonly ServiceConfig[];
}

interface Cached {
  keys?: { keys: string[]; phones: string[] };
  /** The records the view was built from (one per key, undefined where none), and the labels then. */
  found?: (Customer | undefined)[];
  labels?: readonly Label[];
  view?: CustomerView;
}

const NO_ACTIVITY: EntryActivity = Object.freeze({});

const earliest = (a: number | undefined, b: number | undefined): number | undefined => (a === undefined ? b : b === undefined ? a : Math.min(a, b));
const latest = (a: number | undefined, b: number | undefined): number | undefined => (a === undefined ? b : b === undefined ? a : Math.max(a, b));

const sameItems = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** The same field values, compared by value: every patch from main brings new objects. */
function sameFieldValues(a: FieldValues | undefined, b: FieldValues | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && a[key] === b[key]);
}

function sameView(a: CustomerView, b: CustomerView): boolean {
  return (
    a.record?.note === b.record?.note &&
    a.record?.priority === b.record?.priority &&
    a.record?.statusAt === b.record?.statusAt &&
    a.record?.status === b.record?.status &&
    a.record?.pinned === b.record?.pinned &&
    a.record?.unreadMark === b.record?.unreadMark &&
    sameFieldValues(a.record?.fields, b.record?.fields) &&
    a.reminder === b.reminder &&
    a.status === b.status &&
    a.waiting === b.waiting &&
    sameItems(a.labels, b.labels) &&
    sameItems(a.keys, b.keys)
  );
}

/** Follows the inputs render after render, keeping per-entry work for entries that did not change. */
export class CustomerDeriver {
  private inputs: Inputs | undefined;
  private derived: Customers | undefined;
  private activities = new WeakMap<InboxEntry, EntryActivity>();
  private cache = new WeakMap<InboxEntry, Cached>();
  /** The reminders of the records, kept per `customers` object. */
  private reminders: { customers: Inputs['customers']; list: [string, Reminder][] } | undefined;

  /** The last derived customers (for event handlers that must not change identity on every render). */
  readonly current = (): Customers | undefined => this.derived;

  derive(inputs: Inputs): Customers {
    const last = this.inputs;
    if (
      this.derived !== undefined &&
      last?.inbox === inputs.inbox &&
      last.customers === inputs.customers &&
      last.labels === inputs.labels &&
      last.services === inputs.services
    ) {
      return this.derived;
    }
    if (last !== undefined && last.services !== inputs.services) {
      this.activities = new WeakMap();
      this.cache = new WeakMap();
    }
    this.inputs = inputs;
    this.derived = this.build(inputs);
    return this.derived;
  }

  private build({ inbox, customers, labels, services }: Inputs): Customers {
    const platformOf = new Map(services.map((s) => [s.id, s.platform]));
    const empty = Object.keys(customers).length === 0;
    const has = (key: string): boolean => Object.hasOwn(customers, key);
    const recordAt = (key: string): Customer | undefined => (has(key) ? customers[key] : undefined);

    const activity = (entry: InboxEntry): EntryActivity => {
      let found = this.activities.get(entry);
      if (found === undefined) {
        found = activityOf(entry, inbox.chatOf, (id) => platformOf.get(id));
        this.activities.set(entry, found);
      }
      return found;
    };

    const cachedOf = (entry: InboxEntry): Cached => {
      let cached = this.cache.get(entry);
      if (cached === undefined) {
        cached = {};
        this.cache.set(entry, cached);
      }
      return cached;
    };

    const keysOf = (entry: InboxEntry, cached: Cached): { keys: string[]; phones: string[] } => {
      if (cached.keys === undefined) {
        const phones = [...new Set(inbox.chatsOf(entry).flatMap((c) => (c.phone === undefined ? [] : [c.phone])))];
        cached.keys = { keys: entryCustomerKeys(entry, phones), phones };
      }
      return cached.keys;
    };

    const view = (entry: InboxEntry): CustomerView => {
      const cached = cachedOf(entry);
      const { keys, phones } = keysOf(entry, cached);
      const found = empty ? [] : keys.map(recordAt);
      const previous = cached.view;
      if (previous !== undefined && cached.found !== undefined && sameItems(cached.found, found) && (cached.labels === labels || (previous.record?.labels.length ?? 0) === 0)) {
        return previous;
      }
      const record = found.some((r) => r !== undefined) ? resolveCustomer(customers, keys) : undefined;
      const act = activity(entry);
      const known = record === undefined || record.labels.length === 0 ? [] : record.labels.flatMap((id) => labels.find((l) => l.id === id) ?? []);
      const status = effectiveStatus(record, act.lastIn);
      const next: CustomerView = {
        ...act,
        keys,
        phones,
        record,
        labels: known,
        status,
        waiting: status === 'open' ? act.waitingSince : undefined,
        reminder: record?.reminder,
        pinned: record?.pinned === true,
        marked: record?.unreadMark !== undefined,
      };
      const result = previous !== undefined && sameView(previous, next) ? previous : next;
      cached.found = found;
      cached.labels = labels;
      cached.view = result;
      return result;
    };

    const hasRecord = (entry: InboxEntry): boolean => {
      if (empty) return false;
      if (has(entry.key)) return true;
      for (const chat of inbox.chatsOf(entry)) if (chat.phone !== undefined && has(phoneEntryKey(chat.phone))) return true;
      return entry.chats.some((ref) => has(chatEntryKey(ref)));
    };

    // Records are saved under entry keys that may name an entry no more (its chats merged since): its chat or phone finds it.
    let byPhone: Map<string, InboxEntry> | undefined;
    const entryOfKey = (key: string): InboxEntry | undefined => {
      const found = inbox.find(key);
      if (found !== undefined) return found;
      const chat = /^chat:([^:]+):(.+)$/su.exec(key);
      if (chat !== null) return inbox.entryOfChat({ serviceId: chat[1] ?? '', chatId: chat[2] ?? '' });
      if (!key.startsWith('phone:')) return undefined;
      if (byPhone === undefined) {
        byPhone = new Map();
        for (const entry of inbox.entries) for (const c of inbox.chatsOf(entry)) if (c.phone !== undefined && !byPhone.has(c.phone)) byPhone.set(c.phone, entry);
      }
      return byPhone.get(key.slice('phone:'.length));
    };

    let reminded: readonly InboxEntry[] | undefined;
    let flagged: readonly InboxEntry[] | undefined;
    return {
      view,
      activity,
      hasRecord,
      flagged: () => {
        if (flagged === undefined) {
          const entries = new Set<InboxEntry>();
          for (const [key, record] of Object.entries(customers)) {
            if (record.pinned !== true && record.unreadMark === undefined && record.status !== 'done') continue;
            const entry = entryOfKey(key);
            if (entry !== undefined) entries.add(entry);
          }
          flagged = [...entries];
        }
        return flagged;
      },
      reminded: () => {
        if (reminded === undefined) {
          const entries = new Set<InboxEntry>();
          for (const [key, reminder] of this.remindersOf(customers)) {
            const entry = inbox.find(key) ?? inbox.entryOfChat(reminder.chat);
            if (entry !== undefined) entries.add(entry);
          }
          const withReminder = [...entries].flatMap((entry) => {
            const at = view(entry).reminder?.at;
            return at === undefined ? [] : [{ entry, at }];
          });
          reminded = withReminder.sort((a, b) => a.at - b.at).map((r) => r.entry);
        }
        return reminded;
      },
    };
  }

  private remindersOf(customers: Inputs['customers']): [string, Reminder][] {
    if (this.reminders?.customers !== customers) {
      const list = Object.entries(customers).flatMap(([key, c]): [string, Reminder][] => (c.reminder === undefined ? [] : [[key, c.reminder]]));
      this.reminders = { customers, list };
    }
    return this.reminders.list;
  }
}

/** The entry's activity from its chats' (groups and channels have none). */
function activityOf(entry: InboxEntry, chatOf: (ref: ChatRef) => ChatSummary | undefined, platformOf: (serviceId: string) => PlatformId | undefined): EntryActivity {
  let out: EntryActivity | undefined;
  for (const ref of entry.chats) {
    const a = chatOf(ref)?.activity;
    if (a === undefined) continue;
    const platform = platformOf(ref.serviceId);
    out = {
      first: earliest(out?.first, a.first),
      lastIn: latest(out?.lastIn, a.lastIn),
      lastOut: latest(out?.lastOut, a.lastOut),
      waitingSince: earliest(out?.waitingSince, a.waitingSince),
      windowEnd: latest(out?.windowEnd, platform === undefined ? undefined : replyWindowEnd(platform, a)),
      newAt: latest(out?.newAt, a.newAt),
    };
  }
  return out ?? NO_ACTIVITY;
}

/** The inbox's customers for this render, and a stable way for event handlers to read the latest. */
export function useCustomers(inbox: Inbox): { customers: Customers; latest: () => Customers | undefined } {
  const customers = useApp((s) => s.customers);
  const labels = useApp((s) => s.labels);
  const services = useApp((s) => s.services);
  const [deriver] = useState(() => new CustomerDeriver());
  return { customers: deriver.derive({ inbox, customers, labels, services }), latest: deriver.current };
}
