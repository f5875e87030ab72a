/**
 * Narrowing the inbox: the views (all, unread, waiting for a reply, snoozed, done), the filter chips (a platform,
 * one account, a label) and the search box, and how many entries each view holds. Customers snoozed by a reminder
 * leave every view but Snoozed until it is due (or they write again); customers marked done leave every view but
 * Done until they write again; a due reminder puts its customer at the top of All, then come the pinned ones. An
 * entry the user marked unread in Wasl is unread in every view. Search compares names, previews
 * and phone numbers in a form where spelling variants meet (normalizeName: Arabic letter forms and diacritics,
 * tatweel, Latin accents, case) and phone digits whatever their punctuation and digit set, and the values of the
 * customer's fields (a city, an order number) in the same form. Each entry's searchable text is computed once per
 * entry object, and each record's field text once per record, so typing stays instant on a large inbox.
 */
import { latinDigits, normalizeName } from '../../../../common/identity';
import { fieldSearchText, type FieldDef } from '../../../../common/shop/fields';
import type { Customer } from '../../../../common/shop/model';
import type { ChatSummary, InboxEntry, PlatformId, ServiceConfig } from '../../../../common/model';
import { reminderState, type CustomerView, type Customers } from '../../store/customers';

/**
 * `all`: everyone, newest first (due reminders, then pinned customers, on top); `unread`; `waiting`: customers
 * waiting for a reply, the longest waiting first; `snoozed`: customers with a reminder still to come, the soonest
 * first; `done`: conversations marked done the customer has not written in since, the latest done first.
 */
export type InboxView = 'all' | 'unread' | 'waiting' | 'snoozed' | 'done';

/** The views whose size the list's header shows. */
export type CountedView = 'unread' | 'waiting' | 'snoozed';
export type ViewCounts = Record<CountedView, number>;

/** Whether an entry shows as unread: the platform says so, or the user marked it unread in Wasl. */
export const isUnread = (entry: InboxEntry, view: Pick<CustomerView, 'marked'> | undefined): boolean => entry.unread > 0 || view?.marked === true;

export interface InboxFilter {
  view: InboxView;
  platform: PlatformId | null;
  /** One account (service id) of the chosen platform, or all of them. */
  account: string | null;
  /** A label id. */
  label: string | null;
}

export const NO_FILTER: InboxFilter = { view: 'all', platform: null, account: null, label: null };

export interface SearchQuery {
  /** The query in comparable form; empty when it has no letters or digits. */
  text: string;
  /** When the query looks like a phone number: its digits, and the same without an international or trunk prefix. */
  digits: readonly string[];
}

const PHONE_QUERY = /^[+\d\s().\-/]+$/u;
const MIN_PHONE_DIGITS = 3;

/** A query to search with, or null when there is nothing to search for. */
export function parseQuery(raw: string): SearchQuery | null {
  const text = normalizeName(raw);
  const latin = latinDigits(raw).trim();
  const digits: string[] = [];
  if (PHONE_QUERY.test(latin)) {
    const all = latin.replace(/\D/gu, '');
    if (all.length >= MIN_PHONE_DIGITS) {
      digits.push(all);
      // "00966…" and "0501…" find "+966501…": drop the international prefix, or the national trunk 0.
      if (all.startsWith('00')) digits.push(all.slice(2));
      else if (all.startsWith('0')) digits.push(all.slice(1));
    }
  }
  return text === '' && digits.length === 0 ? null : { text, digits };
}

interface Searchable {
  /** Entry and chat titles and previews, normalized, each part apart (a match never spans two). */
  text: string;
  /** Phone numbers and number-like titles, digits only, each apart. */
  digits: string;
}

const SEPARATOR = '\u0000';
const searchables = new WeakMap<InboxEntry, Searchable>();

function searchable(entry: InboxEntry, chats: readonly ChatSummary[]): Searchable {
  let found = searchables.get(entry);
  if (found === undefined) {
    const parts = [entry.title, ...chats.flatMap((c) => [c.title, c.preview ?? ''])];
    const numbers = chats.flatMap((c) => [c.phone ?? '', latinDigits(c.title).replace(/\D/gu, '')]).filter((d) => d.length >= MIN_PHONE_DIGITS);
    found = { text: parts.map(normalizeName).join(SEPARATOR), digits: numbers.map((d) => d.replace(/\D/gu, '')).join(SEPARATOR) };
    searchables.set(entry, found);
  }
  return found;
}

export function matchesQuery(entry: InboxEntry, chats: readonly ChatSummary[], query: SearchQuery): boolean {
  const { text, digits } = searchable(entry, chats);
  if (query.text !== '' && text.includes(query.text)) return true;
  return query.digits.some((d) => digits.includes(d));
}

const fieldTexts = new WeakMap<Customer, { fields: readonly FieldDef[]; text: string }>();

/** Whether one of the customer's field values holds the query (its digits too: "١٢٣٤٥" finds order number 12345). */
export function matchesFields(record: Customer | undefined, fields: readonly FieldDef[], query: SearchQuery): boolean {
  if (record?.fields === undefined || fields.length === 0) return false;
  let found = fieldTexts.get(record);
  if (found?.fields !== fields) {
    found = { fields, text: fieldSearchText(fields, record.fields) };
    fieldTexts.set(record, found);
  }
  if (query.text !== '' && found.text.includes(query.text)) return true;
  return query.digits.some((d) => found.text.includes(d));
}

/** Where each customer with a reminder or a mark stands at a moment. */
interface Triage {
  /** Due reminders, soonest first: on top of All. */
  due: readonly InboxEntry[];
  /** Out of every view but their own: snoozed, or done. */
  hidden: ReadonlySet<InboxEntry>;
  snoozed: readonly InboxEntry[];
  done: readonly InboxEntry[];
  pinned: ReadonlySet<InboxEntry>;
  marked: ReadonlySet<InboxEntry>;
}

function triage(customers: Customers, now: number): Triage {
  const due: InboxEntry[] = [];
  const snoozed: InboxEntry[] = [];
  const hidden = new Set<InboxEntry>();
  for (const entry of customers.reminded()) {
    const state = reminderState(customers.view(entry), now);
    if (state === 'due') due.push(entry);
    else {
      snoozed.push(entry);
      if (state === 'snoozed') hidden.add(entry);
    }
  }
  const dueSet = new Set(due);
  const done: { entry: InboxEntry; at: number }[] = [];
  const pinned = new Set<InboxEntry>();
  const marked = new Set<InboxEntry>();
  for (const entry of customers.flagged()) {
    const view = customers.view(entry);
    if (view.marked) marked.add(entry);
    if (view.pinned) pinned.add(entry);
    // A due reminder brings a done customer back as it does a snoozed one.
    if (view.status === 'done' && !dueSet.has(entry)) {
      done.push({ entry, at: view.record?.statusAt ?? 0 });
      hidden.add(entry);
    }
  }
  return { due, hidden, snoozed, done: done.sort((a, b) => b.at - a.at).map((d) => d.entry), pinned, marked };
}

/** The entries of a view, in its order, before the chips and the query narrow them. */
function viewEntries(entries: readonly InboxEntry[], view: InboxView, customers: Customers, t: Triage): readonly InboxEntry[] {
  if (view === 'snoozed') return t.snoozed;
  if (view === 'done') return t.done;
  if (view === 'waiting') {
    const waiting = entries.flatMap((entry) => {
      if (customers.activity(entry).waitingSince === undefined || t.hidden.has(entry)) return [];
      const since = customers.view(entry).waiting;
      return since === undefined ? [] : [{ entry, since }];
    });
    return waiting.sort((a, b) => a.since - b.since).map((w) => w.entry);
  }
  if (view === 'unread') return entries.filter((entry) => (entry.unread > 0 || t.marked.has(entry)) && !t.hidden.has(entry));
  if (t.hidden.size === 0 && t.due.length === 0 && t.pinned.size === 0) return entries;
  const top = new Set(t.due);
  const pinned = entries.filter((entry) => t.pinned.has(entry) && !top.has(entry) && !t.hidden.has(entry));
  for (const entry of pinned) top.add(entry);
  return [...t.due, ...pinned, ...entries.filter((entry) => !top.has(entry) && !t.hidden.has(entry))];
}

/** The entries the chips and the query leave, in their order. */
export function narrow(
  entries: readonly InboxEntry[],
  options: {
    filter: InboxFilter;
    query: SearchQuery | null;
    chatsOf: (entry: InboxEntry) => readonly ChatSummary[];
    services: readonly ServiceConfig[];
    customers: Customers;
    /** The current time, for which reminders are due. */
    now: number;
    /** The shop's customer fields, whose values the query searches too. */
    fields?: readonly FieldDef[];
  },
): readonly InboxEntry[] {
  const { filter, query, chatsOf, customers } = options;
  const listed = viewEntries(entries, filter.view, customers, triage(customers, options.now));
  if (filter.platform === null && filter.label === null && query === null) return listed;
  const platformOf = new Map(options.services.map((s) => [s.id, s.platform]));
  const onPlatform = (entry: InboxEntry) =>
    entry.chats.some((c) => (filter.account === null ? platformOf.get(c.serviceId) === filter.platform : c.serviceId === filter.account));
  const label = filter.label;
  const labelled = (entry: InboxEntry) => label === null || (customers.hasRecord(entry) && customers.view(entry).labels.some((l) => l.id === label));
  const fields = options.fields ?? [];
  const found = (entry: InboxEntry, q: SearchQuery) =>
    matchesQuery(entry, chatsOf(entry), q) || (customers.hasRecord(entry) && matchesFields(customers.view(entry).record, fields, q));
  return listed.filter((entry) => (filter.platform === null || onPlatform(entry)) && labelled(entry) && (query === null || found(entry, query)));
}

/** The row to select once `entry` leaves the list (done, snoozed): the one after it, or before it at the end. */
export function neighbourOf(visible: readonly InboxEntry[], entry: InboxEntry): InboxEntry | undefined {
  const index = visible.indexOf(entry);
  return index < 0 ? undefined : (visible[index + 1] ?? visible[index - 1]);
}

/** How many entries the unread, waiting and snoozed views hold under the filter's chips (not its query). */
export function countViews(
  entries: readonly InboxEntry[],
  options: { filter: InboxFilter; chatsOf: (entry: InboxEntry) => readonly ChatSummary[]; services: readonly ServiceConfig[]; customers: Customers; now: number },
): ViewCounts {
  const count = (view: CountedView) => narrow(entries, { ...options, filter: { ...options.filter, view }, query: null }).length;
  return { unread: count('unread'), waiting: count('waiting'), snoozed: count('snoozed') };
}
