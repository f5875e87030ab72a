/**
 * Looks for a page's texts in its outline. What the page holds splits in two:
 * - its vocabulary (tag, attribute and class names, values of attributes that name code: role, id, test ids…),
 *   which an outline keeps by design, minus anything with 4 digits in a row or a non-ASCII letter;
 * - everything else (texts, labels, titles, URLs, ids' digits, style values, the fixture dataset), which must not
 *   survive.
 * A structural value that embeds a name of `extra` (the dataset's, the probe's: Slack builds test ids from a
 * row's name) is not vocabulary for that name's words.
 * The outline's strings (JSON keys and values, and its text form) are cut into tokens; vocabulary tokens and
 * shape tokens (`Latn5`, `U+2068`) are masked; then no 3-character piece (with a letter or a digit) of anything
 * the page must not give away may appear in what is left, case-insensitively. Counts (JSON numbers at known keys,
 * the text form's figure lines) are set aside first: they are the outline's own.
 */
import { CUT_REASONS, OUTLINE_FLAGS, OUTLINE_FORMAT, OUTLINE_NOTES, OUTLINE_TEXT_LEGEND, type PageOutline } from '../../common/outline';
import { KEYWORD_VALUES, ROUTE_WORDS, SHAPE_CODES } from '../../common/outline-shape';

export interface PageTexts {
  /** What must not appear. */
  sensitive: string[];
  /** Values of structural attributes and class attributes (vocabulary, but for their id-like parts). */
  structural: string[];
  /** Names: tags, attributes, style properties, URL query keys, the page's origin. */
  names: string[];
}

/** Attribute names whose values are code's names, not content: kept by an outline when they look like code. */
export const STRUCTURAL_ATTRS = [
  'class', 'id', 'role', 'dir', 'lang', 'type', 'name', 'for', 'tabindex', 'contenteditable', 'draggable', 'spellcheck',
  'autocomplete', 'method', 'rel', 'charset', 'loading', 'width', 'height', 'rows', 'cols', 'aria-hidden', 'aria-selected',
  'aria-expanded', 'aria-checked', 'aria-disabled', 'aria-current', 'aria-multiline', 'aria-level', 'aria-colindex',
  'aria-rowindex', 'aria-setsize', 'aria-posinset', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'data-testid',
  'data-icon', 'data-list-item-id', 'data-item-key', 'aria-owns', 'aria-activedescendant', 'aria-details',
  'aria-errormessage', 'aria-flowto', 'headers', 'form', 'list', 'slot', 'part', 'aria-rowcount', 'aria-colcount',
];
export const STRUCTURAL_PREFIXES = ['data-qa', 'data-e2e', 'data-slate-', 'data-lexical-'];

/**
 * Collects a page's texts (runs in the page, in an isolated world: it must not use anything the page can
 * redefine). `extraRoots` are shadow roots the outline cannot see (closed ones) but whose texts count too.
 */
export const COLLECT_PAGE_TEXTS = `(() => {
  const STRUCTURAL = new Set(${JSON.stringify(STRUCTURAL_ATTRS)});
  const PREFIXES = ${JSON.stringify(STRUCTURAL_PREFIXES)};
  const URLS = new Set(['href', 'src', 'action', 'srcset', 'poster', 'xlink:href']);
  const sensitive = [];
  const structural = [];
  const names = [];
  const url = (value) => {
    sensitive.push(value);
    try {
      const parsed = new URL(value, document.baseURI);
      for (const key of parsed.searchParams.keys()) names.push(key);
      for (const segment of parsed.pathname.split('/')) if (/^[a-z]{1,2}$/.test(segment)) names.push(segment);
      names.push(parsed.protocol.slice(0, -1));
    } catch {}
  };
  const visit = (node) => {
    if (node.nodeType === 3) {
      sensitive.push(node.nodeValue);
      return;
    }
    if (node.nodeType === 1) {
      names.push(node.localName);
      for (const attr of node.attributes) {
        names.push(attr.name);
        if (STRUCTURAL.has(attr.name) || PREFIXES.some((p) => attr.name.startsWith(p))) structural.push(attr.value);
        else if (node.localName === 'use' && attr.value.startsWith('#')) structural.push(attr.value);
        else if (attr.name === 'style') {
          for (const declaration of attr.value.split(';')) {
            const [property, ...value] = declaration.split(':');
            names.push(property.trim().toLowerCase());
            sensitive.push(value.join(':'));
          }
        } else if (URLS.has(attr.name)) url(attr.value);
        else sensitive.push(attr.value);
      }
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    for (const child of node.childNodes) visit(child);
  };
  visit(document.documentElement);
  for (const root of globalThis.waslClosedRoots ?? []) visit(root);
  const here = new URL(document.URL);
  url(here.pathname + here.search + here.hash);
  names.push(...here.origin.split(/[^a-z0-9]+/i));
  return { sensitive, structural, names };
})()`;

const TOKEN = /[\p{L}\p{N}\p{M}+]+/gu;
const SHAPE = new RegExp(`^(?:(?:${[...SHAPE_CODES, 'hex', 'alnum'].join('|')})\\d*|U\\+[0-9A-F]{4,6}(?:x\\d+)?)$`, 'u');
const ID_LIKE = /\d{4}|[^\x20-\x7e]/u;
/** The outline's own words: its JSON keys, its enumerations, its text form's headings, URL schemes. */
const FORMAT_WORDS = [
  'format', 'wasl', 'platform', 'savedAt', 'url', 'limits', 'nodes', 'depth', 'chars', 'textTokens', 'stats', 'elements',
  'texts', 'shadowRoots', 'frames', 'textsShortened', 'omitted', 'size', 'complete', 'root', 'tag', 'attrs', 'classes',
  'flags', 'note', 'shadow', 'children', 'cut', 'reason', 'text', ...OUTLINE_FLAGS, ...OUTLINE_NOTES, ...CUT_REASONS,
  OUTLINE_FORMAT, 'shadow-root not read', 'http https tel mailto javascript data blob about', ...ROUTE_WORDS, ...KEYWORD_VALUES,
];
/** Keys whose values are the outline's own counts. */
const COUNT_KEYS = new Set(['nodes', 'depth', 'chars', 'textTokens', 'elements', 'texts', 'shadowRoots', 'frames', 'textsShortened', 'size', 'omitted']);

const tokens = (s: string): string[] => s.match(TOKEN) ?? [];
/** ASCII words, lowercased, one space around each: ' offers channel '. */
const words = (s: string): string => ` ${s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()} `;

/** The outline's strings: every key and string value; counts are checked to be counts and left out. */
function outlineStrings(outline: PageOutline): string[] {
  const out: string[] = [];
  const walk = (value: unknown, key: string): void => {
    if (typeof value === 'string') out.push(value);
    else if (typeof value === 'number') {
      if (!COUNT_KEYS.has(key)) throw new Error(`a number under "${key}" is not one of the outline's counts`);
    } else if (Array.isArray(value)) for (const item of value) walk(item, key);
    else if (typeof value === 'object' && value !== null)
      for (const [k, v] of Object.entries(value)) {
        out.push(k);
        walk(v, k);
      }
  };
  walk(outline, '');
  return out;
}

/**
 * The text form's lines that can hold anything of the page: its heading lines are checked to be exactly what the
 * outline's own fields and counts make (and are left out), the figures of its "… N more" lines too.
 */
function textFormStrings(outline: PageOutline, text: string): string[] {
  const lines = text.split('\n');
  const heading = [
    `# Wasl page outline (${outline.format}) · ${outline.platform} · Wasl ${outline.wasl} · saved ${outline.savedAt}`,
    /^# \d+ elements · \d+ texts · \d+ open shadow roots · \d+ frames not read · \d+ texts shortened · (?:complete|\d+ left out \((?:depth|node|size) limit\)(?: · \d+ left out \((?:depth|node|size) limit\))*)$/u,
    /^# limits \d+ nodes · depth \d+ · \d+ characters · \d+ tokens a text$/u,
    OUTLINE_TEXT_LEGEND,
  ];
  for (const [i, expected] of [lines[0], lines[2], lines[3], lines[4]].entries()) {
    const want = heading[i];
    const ok = typeof want === 'string' ? expected === want : want !== undefined && want.test(expected ?? '');
    if (!ok) throw new Error(`the text form's heading line ${JSON.stringify(expected)} is not what the outline's fields make`);
  }
  const page = lines[1] ?? '';
  if (!page.startsWith('# page ')) throw new Error(`the text form's second line is not the page's address: ${JSON.stringify(page)}`);
  return [page.slice('# page '.length), ...lines.slice(5).map((line) => (/^\s*… \d+ more \((?:depth|node|size) limit\)$/u.test(line) ? '' : line))];
}

const hasLetterOrDigit = /[\p{L}\p{N}]/u;

function grams(s: string): string[] {
  const chars = Array.from(s.toLowerCase());
  const out: string[] = [];
  for (let i = 0; i + 3 <= chars.length; i += 1) {
    const gram = chars.slice(i, i + 3).join('');
    if (hasLetterOrDigit.test(gram)) out.push(gram);
  }
  return out;
}

export interface Leak {
  gram: string;
  from: string;
}

/**
 * Pieces of the page's texts (and of `extra`: the dataset, probes) found in the outline or its text form. `own`
 * are the outline's own header values (platform, version, date), which are not the page's.
 */
export function findLeaks(outline: PageOutline, text: string, page: PageTexts, extra: readonly string[], own: readonly string[]): Leak[] {
  const vocabulary = new Set<string>([...FORMAT_WORDS, ...page.names, ...own].flatMap(tokens));
  const sensitive = [...page.sensitive, ...extra];
  const names = [...new Set(extra.map(words))].filter((name) => name.length >= 5);
  for (const value of page.structural) {
    const spaced = words(value);
    const withheld = new Set(names.filter((name) => spaced.includes(name)).flatMap((name) => name.trim().split(' ')));
    for (const token of tokens(value)) {
      if (ID_LIKE.test(token) || withheld.has(token.toLowerCase())) sensitive.push(token);
      else vocabulary.add(token);
    }
  }
  const mask = (s: string): string => s.replace(TOKEN, (token) => (vocabulary.has(token) || SHAPE.test(token) ? '\u0001' : token));
  const seen = new Set<string>();
  for (const s of [...outlineStrings(outline), ...textFormStrings(outline, text)]) for (const gram of grams(mask(s))) seen.add(gram);
  const leaks = new Map<string, Leak>();
  for (const from of sensitive) for (const gram of grams(from)) if (seen.has(gram) && !leaks.has(gram)) leaks.set(gram, { gram, from: from.slice(0, 80) });
  return [...leaks.values()];
}

/** Tokens of the outline that are neither vocabulary nor shapes (what a reader would have to trust). */
export function residue(outline: PageOutline, page: PageTexts, own: readonly string[]): string[] {
  const vocabulary = new Set<string>([...FORMAT_WORDS, ...page.names, ...own, ...page.structural].flatMap(tokens));
  return [...new Set(outlineStrings(outline).flatMap(tokens))].filter((token) => !vocabulary.has(token) && !SHAPE.test(token));
}
