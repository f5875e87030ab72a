/**
 * Turns a page outline (common/outline.ts) into the skeleton of a fixture page: the same elements, attributes
 * and classes, and in place of every shape a placeholder of that shape (Latin or Arabic letters of the same
 * count, digits as digits, 🙂 for emoji), so that the skeleton's own outline is the outline it came from.
 * `npm run fixture:from-outline -- <outline.json> <out.html>` runs it (scripts/fixture-from-outline.mjs).
 *
 * What the skeleton cannot carry: CSS (an outline's flags become comments: give them style), scripts' code,
 * frames' documents, what a limit cut (a comment says how many), and DOM the HTML parser would rebuild
 * (a link inside a link, a block inside a <p>, a table row outside a table body, a NUL or a lone surrogate).
 */
import type { OutlineElement, OutlineNode, PageOutline } from '../../common/outline';
import { parseOutline } from '../../common/outline-schema';
import { RUN_SHAPE, attributeKind } from '../../common/outline-shape';

const LATIN = 'loremipsumdolorsitametconsecteturadipiscingelitseddoeiusmodtemporincididuntutlaboreetdoloremagnaaliqua';
/** Inside identifiers ASCII letters are kept as they are: a shaped Latin run there came from accented letters. */
const ACCENTED = 'àáâãäåèéêëìíîïòóôõöùúûüý';
const ARABIC = 'هذانصتجريبيلايحملمعنىويحلمحلالنصالأصليفيالصفحةحتىيكتبالمطورمايراه';
/** One letter for each other script code of the shape grammar. */
const LETTERS: Record<string, string> = {
  Cyrl: 'ж', Grek: 'λ', Hebr: 'ש', Hani: '字', Hira: 'あ', Kana: 'ア', Hang: '한', Deva: 'क', Beng: 'ক', Taml: 'க',
  Thai: 'ก', Geor: 'ა', Armn: 'ա', Ethi: 'ሀ', Zyyy: '𝐱', Zzzz: 'ᚠ',
};
/** Repeated characters for the classes that are not letters. */
const REPEATED: Record<string, string> = {
  e: '🙂', n: '²', nd: '१', sp: ' ', nl: '\n', tab: '\t', p: '§', s: '∑', pua: '\uE000', unk: '\u0378',
};
/** Digits start at 2: a lone "0" or "1" is a keyword an outline keeps as it is (KEYWORD_VALUES), not a shape. */
const DIGITS: Record<string, string> = { d: '2345678901', ad: '١٢٣٤٥٦٧٨٩٠', pd: '۱۲۳۴۵۶۷۸۹۰' };

/** Hands out successive slices of a placeholder alphabet, so that neighbouring words differ. */
class Cycle {
  private offset = 0;
  constructor(private readonly letters: string) {}
  take(n: number): string {
    const chars = Array.from(this.letters);
    let out = '';
    for (let i = 0; i < n; i += 1) out += chars[(this.offset + i) % chars.length] ?? '';
    this.offset = (this.offset + n) % chars.length;
    return out;
  }
}

/** Where a value goes: a text (or a label), a URL, or an identifier (a class, an id, a test hook). */
export type ValueContext = 'text' | 'url' | 'identifier';

interface Placeholders {
  latin: Cycle;
  arabic: Cycle;
  /** Inside URLs, Latin placeholders are capitals (never a route word the outline would keep). */
  upper: boolean;
}

const newPlaceholders = (context: ValueContext = 'text'): Placeholders => ({
  latin: new Cycle(context === 'identifier' ? ACCENTED : LATIN),
  arabic: new Cycle(ARABIC),
  upper: context === 'url',
});

const repeat = (s: string, n: number): string => s.repeat(Math.max(0, n));

/** Text of the given shape (common/outline-shape.ts's grammar). */
export function placeholderText(shape: string, with_: Placeholders = newPlaceholders()): string {
  let out = '';
  let last = '';
  for (const token of shape === '' ? [] : shape.split(' ')) {
    const point = /^U\+([0-9A-F]{4,6})(?:x(\d+))?$/.exec(token);
    const run = /^([A-Za-z]+)(\d*)$/.exec(token);
    if (point) {
      out += repeat(String.fromCodePoint(Number.parseInt(point[1] ?? '0', 16)), Number(point[2] ?? '1'));
      last = 'U';
    } else if (run) {
      const code = run[1] ?? '';
      const n = run[2] === '' || run[2] === undefined ? 1 : Number(run[2]);
      out += runText(code === 'rest' ? (last === 'Latn' ? 'Arab' : 'Latn') : code, n, last, with_);
      last = code;
    } else {
      out += token;
      last = '';
    }
  }
  return out;
}

function runText(code: string, n: number, last: string, with_: Placeholders): string {
  if (code === 'Latn') return with_.upper ? with_.latin.take(n).toUpperCase() : with_.latin.take(n);
  if (code === 'Arab') return with_.arabic.take(n);
  if (code === 'm') return repeat(last === 'Arab' ? '\u064E' : '\u0301', n);
  const digits = DIGITS[code];
  if (digits !== undefined) return new Cycle(digits).take(n);
  const letter = LETTERS[code] ?? REPEATED[code];
  if (letter === undefined) throw new Error(`not a shape code: ${code}`);
  return repeat(letter, n);
}

/** An identifier run of the given shape: `d6`, `hex6` (hexadecimal with a digit and a letter), `alnum9`. */
function runPlaceholder(shape: string): string {
  const n = Number(/\d+$/.exec(shape)?.[0] ?? '0');
  if (shape.startsWith('hex')) return new Cycle('0a1b2c3d4e5f').take(n);
  if (shape.startsWith('alnum')) return new Cycle('x0').take(n);
  return new Cycle(DIGITS['d'] ?? '').take(n);
}

/** Characters that would change a URL's structure if a placeholder held them. */
const encodeUrlPart = (s: string): string => s.replace(/[%/?#&=+\\]/g, (c) => `%${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(2, '0')}`);

/** A kept value with each `{shape}` replaced by a placeholder that shapes back the same in its context. */
export function placeholderValue(value: string, context: ValueContext = 'identifier'): string {
  const http = context === 'url' && /^(?:https?:|\/|\?)/.test(value);
  const with_ = newPlaceholders(context);
  return value.replace(/\{([^{}]*)\}/g, (_match, shape: string) => {
    const text = RUN_SHAPE.test(shape) ? runPlaceholder(shape) : placeholderText(shape, with_);
    return http ? encodeUrlPart(text) : text;
  });
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen']);
/** Elements whose first newline the parser drops. */
const LEADING_NEWLINE = new Set(['pre', 'textarea', 'listing']);

/** C0 controls and DEL (as character references the parser keeps), and invisible format characters (to be seen). */
const needsReference = (cp: number): boolean =>
  (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0c && cp !== 0x0d) || cp === 0x7f || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x2069) || cp === 0xfeff;

function escapeText(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    out += ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : needsReference(cp) ? `&#x${cp.toString(16).toUpperCase()};` : ch;
  }
  return out;
}
const escapeAttr = (s: string): string => escapeText(s).replace(/"/g, '&quot;');
const comment = (s: string): string => `<!-- ${s.replace(/--/g, '- -').replace(/>/g, '＞')} -->`;

const CUT_WORDS = { depth: 'depth limit', nodes: 'node limit', size: 'size limit' } as const;

function startTag(node: OutlineElement, tag: string): string {
  let out = `<${tag}`;
  for (const [name, value] of node.attrs ?? []) {
    const kind = attributeKind(name);
    const kept =
      kind === 'style'
        ? value.split('; ').filter((p) => p !== '').map((p) => `${placeholderValue(p)}: initial`).join('; ')
        : placeholderValue(value, kind === 'url' ? 'url' : kind === 'token' || kind === 'hook' ? 'identifier' : 'text');
    out += kept === '' ? ` ${placeholderValue(name)}` : ` ${placeholderValue(name)}="${escapeAttr(kept)}"`;
  }
  if (node.classes) out += ` class="${escapeAttr(node.classes.map((c) => placeholderValue(c)).join(' '))}"`;
  return `${out}>`;
}

function element(node: OutlineElement, indent: string, inline: boolean): string {
  const tag = placeholderValue(node.tag);
  const before = node.flags ? comment(`wasl: ${node.flags.join(', ')}`) : '';
  const open = startTag(node, tag);
  if (VOID.has(tag)) return before + open;
  const children = node.children ?? [];
  const hasText = children.some((child) => !('tag' in child));
  const parts: string[] = [];
  if (node.shadow) parts.push(`<template shadowrootmode="open">${node.shadow.map((child, i) => nodeHtml(child, node.shadow?.[i - 1], `${indent}  `, true)).join('')}</template>`);
  children.forEach((child, i) => parts.push(nodeHtml(child, children[i - 1], `${indent}  `, inline || hasText)));
  if (node.cut) parts.push(comment(`wasl: ${node.cut.omitted} more children not outlined (${CUT_WORDS[node.cut.reason]})`));
  const first = children[0];
  const guard = LEADING_NEWLINE.has(tag) && first !== undefined && !('tag' in first) ? '\n' : '';
  if (inline || hasText || parts.length === 0) return `${before}${open}${guard}${parts.join('')}</${tag}>`;
  return `${before}${open}\n${parts.map((part) => `${indent}  ${part}`).join('\n')}\n${indent}</${tag}>`;
}

function nodeHtml(node: OutlineNode, previous: OutlineNode | undefined, indent: string, inline: boolean): string {
  if ('tag' in node) return element(node, indent, inline);
  // Two texts in a row would be parsed as one: an empty comment keeps them apart.
  const apart = previous !== undefined && !('tag' in previous) ? '<!---->' : '';
  return apart + escapeText(placeholderText(node.text));
}

/** The skeleton page, header comment first. */
export function skeletonHtml(outline: PageOutline): string {
  const header = comment(
    `Evidence: page outline saved by Wasl ${outline.wasl} on ${outline.savedAt.slice(0, 10)} from ${outline.platform} (${outline.url}); ` +
      'replace the placeholders (Latin and Arabic letters, digits and 🙂 of the texts\' shapes) with what the real page shows, ' +
      'give the flagged elements their CSS, and name the public evidence of every hook a connector relies on.',
  );
  const limits = outline.complete ? '' : `\n${comment(`wasl: the outline was cut (${Object.entries(outline.omitted).filter(([, n]) => n > 0).map(([reason, n]) => `${n} by the ${reason} limit`).join(', ')})`)}`;
  return `<!doctype html>\n${header}${limits}\n${element(outline.root, '', false)}\n`;
}

/** The skeleton of an outline saved as JSON (checked by parseOutline first). */
export function skeletonFromJson(json: string): string {
  return skeletonHtml(parseOutline(json));
}
