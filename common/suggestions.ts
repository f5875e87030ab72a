/**
 * Links worth suggesting: two inbox entries that look like the same person but are not merged. They share a name
 * once spelling variants meet (`normalizeName`: "Ahmed"/"AHMED", "أحمد"/"احمد"), or its consonants across scripts
 * (`nameSkeleton`: "Ahmed Hassan"/"أحمد حسن", at least three of them), counting each entry's title and its chats'
 * titles; they are on different services (two chats on one account are two contacts); they are not
 * both people (two people are apart because the user made them so); and the user has not dismissed the pair.
 * Names that say nothing about who it is are left out: under three letters, only digits (a phone number as a
 * title), or held by more than CROWDED entries ("Deleted Account", a shop's many "Mohammed"s).
 * Linear in the entries: grouped by name, and a name with few holders has few pairs.
 */
import { nameSkeleton, normalizeName } from './identity';
import type { InboxEntry } from './model';
import { suggestionKey } from './state';

export interface SuggestedLink {
  a: InboxEntry;
  b: InboxEntry;
  /** `suggestionKey(a.key, b.key)`: what `suggestion.dismiss` stores. */
  key: string;
}

/** A chat of an entry (one of its `chats`), for its own title. */
export type ChatTitleOf = (ref: InboxEntry['chats'][number]) => { readonly title: string } | undefined;

/** A name held by more entries than this is too common to tell a person. */
export const CROWDED = 8;

/** At least three letters (spaces aside; code points, so a three-letter Arabic name counts), and not only digits. */
const meaningful = (name: string): boolean => Array.from(name.replaceAll(' ', '')).length >= 3 && !/^[\d ]+$/u.test(name);

/** Titles come back on every inbox change, mostly the same: their names are kept (up to a bound). */
const names = new Map<string, readonly string[]>();
const NAMES_KEPT = 100_000;

/** The keys a title is known by: its normalized name, and `~` + its consonants; none when it says nothing. */
function namesOf(title: string): readonly string[] {
  let keys = names.get(title);
  if (keys === undefined) {
    if (names.size >= NAMES_KEPT) names.clear();
    const normalized = normalizeName(title);
    const skeleton = nameSkeleton(title);
    keys = meaningful(normalized) ? (skeleton.length >= 3 ? [normalized, `~${skeleton}`] : [normalized]) : [];
    names.set(title, keys);
  }
  return keys;
}

/** Calls `use` with the names of an entry's title and of its chats' titles (a name may come more than once). */
function eachName(entry: InboxEntry, chatOf: ChatTitleOf, use: (name: string) => void): void {
  for (const name of namesOf(entry.title)) use(name);
  for (const ref of entry.chats) {
    const title = chatOf(ref)?.title;
    if (title === undefined || title === entry.title) continue;
    for (const name of namesOf(title)) use(name);
  }
}

const shareService = (a: InboxEntry, b: InboxEntry): boolean => a.chats.some((c) => b.chats.some((d) => d.serviceId === c.serviceId));

/**
 * At most `limit` suggestions, in inbox order: `entries` as the inbox lists them (newest first), a suggestion
 * ranked by its newer entry (`a`), then by its older one (`b`).
 */
export function suggestLinks(entries: readonly InboxEntry[], chatOf: ChatTitleOf, dismissed: Iterable<string>, limit = 20): SuggestedLink[] {
  /** The entries holding each name, in inbox order. */
  const holders = new Map<string, number[]>();
  entries.forEach((entry, i) => {
    eachName(entry, chatOf, (name) => {
      const list = holders.get(name);
      if (!list) holders.set(name, [i]);
      else if (list.at(-1) !== i) list.push(i);
    });
  });
  const no = new Set(dismissed);
  const out: SuggestedLink[] = [];
  for (const [i, a] of entries.entries()) {
    if (out.length >= limit) break;
    const partners = new Set<number>();
    eachName(a, chatOf, (name) => {
      const list = holders.get(name) ?? [];
      if (list.length <= CROWDED) for (const j of list) if (j > i) partners.add(j);
    });
    for (const j of [...partners].sort((x, y) => x - y)) {
      const b = entries[j];
      if (!b || out.length >= limit) break;
      const key = suggestionKey(a.key, b.key);
      if (no.has(key) || (a.personId !== undefined && b.personId !== undefined) || shareService(a, b)) continue;
      out.push({ a, b, key });
    }
  }
  return out;
}
