/**
 * Reading translation catalogues (the shell's and main's) for the tests that hold them to one another: keys as
 * dotted paths, plural forms set aside, placeholders named.
 */

export type Tree = { [key: string]: string | Tree };

/** An i18next plural suffix, with the category it names. */
export const PLURAL = /_(zero|one|two|few|many|other)$/u;

/** Every text in a catalogue by its dotted key ("services.unread_one"). */
export function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of leaves(value, full)) out.set(k, v);
  }
  return out;
}

/** Base key → the plural categories it has (empty for a plain key). */
export function bases(catalogue: Map<string, string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const key of catalogue.keys()) {
    const match = PLURAL.exec(key);
    const base = match ? key.slice(0, match.index) : key;
    const forms = out.get(base) ?? new Set<string>();
    if (match?.[1] !== undefined) forms.add(match[1]);
    out.set(base, forms);
  }
  return out;
}

/** The names of a text's `{{name}}` and `{{name, format}}` placeholders, sorted. */
export const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)/gu)].map((m) => m[1] ?? '').sort();
