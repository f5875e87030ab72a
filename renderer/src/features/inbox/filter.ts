/**
 * Narrowing the inbox: the views (all, unread, waiting for a reply, snoozed), the filter chips (a platform, one
 * account, a label) and the search box. Customers snoozed by a reminder leave every view but Snoozed until it is
 * due (or they write again); a due reminder pins its customer at the top of All. Search compares names, previews
 * and phone numbers in a form where spelling variants meet (normalizeName: Arabic letter forms and diacritics,
 * tatweel, Latin accents, case) and phone digits with any punctuation and either digit set. Each entry's
 * searchable text is computed once per entry object, so typing stays instant on a large inbox.
 */
import { latinDigits, normalizeName } from '../../../../common/identity';
import type { ChatSummary, InboxEntry, PlatformId, ServiceConfig } from '../../../../common/model';
import { reminderState, type Customers } from '../../store/customers';

/**
 * `all`: everyone, newest first; `unread`; `waiting`: customers waiting for a reply, the longest waiting first;
 * `snoozed`: customers with a reminder still to come, the soonest first.
 */
export type InboxView = 'all' | 'unread' | 'waiting' | 'snoozed';

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

/** The entries of a view, in its order, before the chips and the query narrow them. */
function viewEntries(entries: readonly InboxEntry[], view: InboxView, customers: Customers, now: number): readonly InboxEntry[] {
  const reminded = customers.reminded();
  const stateOf = (entry: InboxEntry) => reminderState(customers.view(entry), now);
  if (view === 'snoozed') return reminded.filter((entry) => stateOf(entry) !== 'due');
  const snoozed = new Set<InboxEntry>();
  const due: InboxEntry[] = [];
  for (const entry of reminded) {
    const state = stateOf(entry);
    if (state === 'snoozed') snoozed.add(entry);
    else if (state === 'due') due.push(entry);
  }
  if (view === 'waiting') {
    const waiting = entries.flatMap((entry) => {
      if (customers.activity(entry).waitingSince === undefined || snoozed.has(entry)) return [];
      const since = customers.view(entry).waiting;
      return since === undefined ? [] : [{ entry, since }];
    });
    return waiting.sort((a, b) => a.since - b.since).map((w) => w.entry);
  }
  if (view === 'unread') return entries.filter((entry) => entry.unread > 0 && !snoozed.has(entry));
  if (snoozed.size === 0 && due.length === 0) return entries;
  const pinned = new Set(due);
  return [...due, ...entries.filter((entry) => !snoozed.has(entry) && !pinned.has(entry))];
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
  },
): readonly InboxEntry[] {
  const { filter, query, chatsOf, customers } = options;
  const listed = viewEntries(entries, filter.view, customers, options.now);
  if (filter.platform === null && filter.label === null && query === null) return listed;
  const platformOf = new Map(options.services.map((s) => [s.id, s.platform]));
  const onPlatform = (entry: InboxEntry) =>
    entry.chats.some((c) => (filter.account === null ? platformOf.get(c.serviceId) === filter.platform : c.serviceId === filter.account));
  const label = filter.label;
  const labelled = (entry: InboxEntry) => label === null || (customers.hasRecord(entry) && customers.view(entry).labels.some((l) => l.id === label));
  return listed.filter(
    (entry) => (filter.platform === null || onPlatform(entry)) && labelled(entry) && (query === null || matchesQuery(entry, chatsOf(entry), query)),
  );
}
