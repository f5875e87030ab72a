/**
 * Finding a quick reply as the user types: fuzzy over names (weighted most) and texts, with both sides in the
 * form where spelling variants meet (normalizeName: Arabic letter forms and harakat, Latin accents, case), so
 * "احمد" finds "أحمد" and "precio" finds "Precío". A leading "/" works like a slash command in WhatsApp Business:
 * it searches names only, names that start with what follows first. An empty query lists the whole library in
 * its order.
 */
import Fuse from 'fuse.js/basic';
import { normalizeName } from '../../../../common/identity';
import type { QuickReply } from '../../../../common/shop/model';

/** Variables stay out of the searched text: "{name}" would otherwise make every greeting match "name". */
const VARIABLE = /\{(?:name|first_name|shop)\}/gu;
const SLASH = /^\s*\//u;

interface Searchable {
  reply: QuickReply;
  name: string;
  body: string;
}

export interface ParsedQuery {
  /** The query as the search reads it: normalized, without the slash. */
  text: string;
  /** It started with "/": names only. */
  byName: boolean;
}

export function parseQuery(query: string): ParsedQuery {
  const byName = SLASH.test(query);
  return { text: normalizeName(query.replace(SLASH, '')), byName };
}

const OPTIONS = { threshold: 0.34, ignoreLocation: true } as const;

/** A search over `replies`; build it once per library. */
export function replySearch(replies: readonly QuickReply[]): (query: string) => QuickReply[] {
  const items = replies.map((reply): Searchable => ({ reply, name: normalizeName(reply.name), body: normalizeName(reply.body.replace(VARIABLE, ' ')) }));
  const everywhere = new Fuse(items, {
    ...OPTIONS,
    keys: [
      { name: 'name', weight: 3 },
      { name: 'body', weight: 1 },
    ],
  });
  const names = new Fuse(items, { ...OPTIONS, keys: ['name'] });
  return (query) => {
    const { text, byName } = parseQuery(query);
    if (text === '') return [...replies];
    if (!byName) return everywhere.search(text).map((result) => result.item.reply);
    const found = names.search(text).map((result) => result.item);
    const starts = found.filter((item) => item.name.startsWith(text));
    return [...starts, ...found.filter((item) => !item.name.startsWith(text))].map((item) => item.reply);
  };
}
