/**
 * Narrowing the inbox: the filter chips (unread, a platform, one account) and the search box. Search compares
 * names, previews and phone numbers in a form where spelling variants meet (normalizeName: Arabic letter forms
 * and diacritics, tatweel, Latin accents, case) and phone digits with any punctuation and either digit set.
 * Each entry's searchable text is computed once per entry object, so typing stays instant on a large inbox.
 */
import { latinDigits, normalizeName } from '../../../../common/identity';
import type { ChatSummary, InboxEntry, PlatformId, ServiceConfig } from '../../../../common/model';

export interface InboxFilter {
  unread: boolean;
  platform: PlatformId | null;
  /** One account (service id) of the chosen platform, or all of them. */
  account: string | null;
}

export const NO_FILTER: InboxFilter = { unread: false, platform: null, account: null };

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

/** The entries the chips and the query leave, in their order. */
export function narrow(
  entries: readonly InboxEntry[],
  options: {
    filter: InboxFilter;
    query: SearchQuery | null;
    chatsOf: (entry: InboxEntry) => readonly ChatSummary[];
    services: readonly ServiceConfig[];
  },
): readonly InboxEntry[] {
  const { filter, query, chatsOf } = options;
  if (!filter.unread && filter.platform === null && query === null) return entries;
  const platformOf = new Map(options.services.map((s) => [s.id, s.platform]));
  const onPlatform = (entry: InboxEntry) =>
    entry.chats.some((c) => (filter.account === null ? platformOf.get(c.serviceId) === filter.platform : c.serviceId === filter.account));
  return entries.filter(
    (entry) =>
      (!filter.unread || entry.unread > 0) &&
      (filter.platform === null || onPlatform(entry)) &&
      (query === null || matchesQuery(entry, chatsOf(entry), query)),
  );
}
