/**
 * Shapes: what a page outline keeps of a text, an identifier, an attribute value or a URL instead of the thing
 * itself. A shape says how a string is built (scripts, digits, emoji, spaces, punctuation, in order) and never
 * what it says, so an outline of someone's chat list carries no name, message, phone number or id.
 *
 * Text shape grammar (tokens separated by one space, at most `maxTokens` of them):
 *   Latn5 Arab4 Cyrl… Zyyy… Zzzz…   a run of letters of one script (ISO 15924 code; Zyyy common, Zzzz other)
 *   d3 ad3 pd3 nd3 n2               ASCII, Arabic-Indic, Persian, other decimal digits; other numbers
 *   e2                              emoji (pictographs; joiners, variation selectors and skin tones folded in)
 *   m1                              combining marks (Arabic harakat, decomposed accents)
 *   sp2 nl tab                      spaces, line breaks, tabs
 *   U+202F U+200Bx3                 any other space, format (bidi, zero-width) or control character, by code point
 *   p2 s1 pua3 unk1                 punctuation and symbols outside the literal set, private use, unassigned
 *   : ( # – ،  ://                   punctuation that carries format (times, dates, counts, phone layouts), as is
 *   rest120                         code points left out once `maxTokens` tokens were written
 * A count of 1 is left out: "Ahmed Hassan" → `Latn5 sp Latn6`; "09:30" → `d2 : d2`; "شكراً 🌹" → `Arab4 m sp e`.
 *
 * In attribute values, class names, ids and URLs a shape stands between braces and everything outside braces is
 * kept as it was: `chat-{d6}`, `/t/{d15}/`, `{Latn5 sp Latn6}`. Kept parts never contain a brace.
 */

/** Letter runs by script, tried in order (ASCII letters take a fast path). */
const SCRIPTS: readonly (readonly [string, RegExp])[] = [
  ['Latn', /\p{Script=Latin}/u],
  ['Arab', /\p{Script=Arabic}/u],
  ['Cyrl', /\p{Script=Cyrillic}/u],
  ['Grek', /\p{Script=Greek}/u],
  ['Hebr', /\p{Script=Hebrew}/u],
  ['Hani', /\p{Script=Han}/u],
  ['Hira', /\p{Script=Hiragana}/u],
  ['Kana', /\p{Script=Katakana}/u],
  ['Hang', /\p{Script=Hangul}/u],
  ['Deva', /\p{Script=Devanagari}/u],
  ['Beng', /\p{Script=Bengali}/u],
  ['Taml', /\p{Script=Tamil}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Geor', /\p{Script=Georgian}/u],
  ['Armn', /\p{Script=Armenian}/u],
  ['Ethi', /\p{Script=Ethiopic}/u],
  ['Zyyy', /\p{Script=Common}/u],
];

/** Every run code a text shape may use (scripts, then the other classes). */
export const SHAPE_CODES: readonly string[] = [
  ...SCRIPTS.map(([code]) => code),
  'Zzzz', 'd', 'ad', 'pd', 'nd', 'n', 'e', 'm', 'sp', 'nl', 'tab', 'p', 's', 'pua', 'unk', 'rest',
];

/**
 * Punctuation and symbols kept as they are: they carry format (a time, a date, a count in brackets, a phone
 * number's layout, an amount), not content. Braces are left out: they delimit shapes. Everything else is counted
 * as `p` or `s` (so styled letters such as ⓐⓗⓜⓔⓓ, which are symbols, say nothing).
 */
const LITERAL_CHARS = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`|~' + '،؛؟٪٫٬«»“”‘’–—…•·°×÷€£¥₹₺₽₪¢﷼';
const LITERAL = new Set(LITERAL_CHARS);

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
/** What continues an emoji sequence: ZWJ, variation selectors, keycap, tags, skin tones. */
const EMOJI_JOINER = /\u200d|\ufe0e|\ufe0f|\u20e3|[\u{e0020}-\u{e007f}]|\p{Emoji_Modifier}/u;
const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;
const DECIMAL = /\p{Nd}/u;
const NUMBER = /\p{N}/u;
const INVISIBLE = /[\s\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;
const PRIVATE = /\p{Co}/u;
const PUNCT = /\p{P}/u;
const SYMBOL = /\p{S}/u;
const LITERAL_KEY = '"';

const hex = (cp: number): string => cp.toString(16).toUpperCase().padStart(4, '0');

function scriptOf(ch: string): string {
  if (/[A-Za-z]/.test(ch)) return 'Latn';
  for (const [code, re] of SCRIPTS) if (re.test(ch)) return code;
  return 'Zzzz';
}

/** The class a code point's run belongs to: a run code, `U+XXXX`, or LITERAL_KEY for kept punctuation. */
function keyOf(ch: string, cp: number): string {
  if (EMOJI.test(ch)) return 'e';
  if (LETTER.test(ch)) return scriptOf(ch);
  if (MARK.test(ch)) return 'm';
  if (cp >= 0x30 && cp <= 0x39) return 'd';
  if (cp >= 0x660 && cp <= 0x669) return 'ad';
  if (cp >= 0x6f0 && cp <= 0x6f9) return 'pd';
  if (DECIMAL.test(ch)) return 'nd';
  if (NUMBER.test(ch)) return 'n';
  if (ch === ' ') return 'sp';
  if (ch === '\n' || ch === '\r') return 'nl';
  if (ch === '\t') return 'tab';
  if (INVISIBLE.test(ch)) return `U+${hex(cp)}`;
  if (PRIVATE.test(ch)) return 'pua';
  if (LITERAL.has(ch)) return LITERAL_KEY;
  if (PUNCT.test(ch)) return 'p';
  if (SYMBOL.test(ch)) return 's';
  return 'unk';
}

/** Tokens written for one text at most (the rest is counted): enough for names, times, badges and previews. */
export const DEFAULT_SHAPE_TOKENS = 16;

/** The shape of `text` (see the grammar above); '' for ''. */
export function textShape(text: string, maxTokens: number = DEFAULT_SHAPE_TOKENS): string {
  const tokens: string[] = [];
  let key = '';
  let count = 0;
  let literal = '';
  const flush = (): void => {
    if (key === '') return;
    if (key === LITERAL_KEY) tokens.push(literal);
    else if (key.startsWith('U+')) tokens.push(count === 1 ? key : `${key}x${count}`);
    else tokens.push(count === 1 ? key : `${key}${count}`);
  };
  let index = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (key === 'e' && EMOJI_JOINER.test(ch)) {
      index += ch.length;
      continue;
    }
    const next = keyOf(ch, cp);
    if (next === key) {
      if (key === LITERAL_KEY) literal += ch;
      else count += 1;
    } else {
      flush();
      if (tokens.length >= maxTokens) {
        let rest = 0;
        for (const _ of text.slice(index)) rest += 1;
        tokens.push(`rest${rest}`);
        return tokens.join(' ');
      }
      key = next;
      count = 1;
      literal = next === LITERAL_KEY ? ch : '';
    }
    index += ch.length;
  }
  flush();
  return tokens.join(' ');
}

const escapeRegExp = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/** One token of a text shape. */
const SHAPE_TOKEN = `(?:(?:${SHAPE_CODES.join('|')})\\d*|U\\+[0-9A-F]{4,6}(?:x\\d+)?|[${escapeRegExp(LITERAL_CHARS)}]+)`;
/** A whole text shape, as textShape writes it. */
export const TEXT_SHAPE = new RegExp(`^(?:${SHAPE_TOKEN}(?: ${SHAPE_TOKEN})*)?$`, 'u');

/** The run codes of identifiers' digit-bearing parts: all digits, hexadecimal, other letters and digits. */
export const RUN_SHAPE = /^(?:d|hex|alnum)\d+$/;

/**
 * An ASCII letter-and-digit run inside an identifier: kept when it has no digit or is shorter than 4 (`badge-22`,
 * `h1`, `uid_32`), shaped otherwise, because ids, phone numbers and build hashes are where digits pile up.
 */
function asciiRun(run: string): string {
  if (run.length < 4 || !/\d/.test(run)) return run;
  if (/^\d+$/.test(run)) return `{d${run.length}}`;
  if (/^[0-9a-f]+$/.test(run) || /^[0-9A-F]+$/.test(run)) return `{hex${run.length}}`;
  return `{alnum${run.length}}`;
}

/** Identifiers longer than this are shaped whole. */
const MAX_TOKEN_CHARS = 128;

/**
 * The shape of an identifier (a class name, an id, a tag or attribute name, a test id): ASCII letters and ASCII
 * punctuation are kept (they are the page's vocabulary: `chatlist-chat`, `p-channel_sidebar__name`); ASCII runs
 * of 4 or more with a digit become `{d6}` / `{hex6}` / `{alnum9}` (`chat-{d6}`, `name_{hex6}`), because ids,
 * phone numbers and build hashes are where digits pile up; a run with any other letter, digit, symbol or control
 * becomes its text shape (`{Arab4}`); a token with a space or a brace is shaped whole. With a `vocabulary` (test
 * hooks), an ASCII word of 3 letters or more is kept only when all its words are in it, and numbers only below 100.
 */
export function shapeToken(token: string, vocabulary?: ReadonlySet<string>): string {
  if (token.length > MAX_TOKEN_CHARS || /[\s{}]/u.test(token)) return `{${textShape(token)}}`;
  return token.replace(/[\p{L}\p{N}\p{M}]+|[^\p{L}\p{N}\p{M}\x21-\x7e]+/gu, (run) => {
    if (!/^[A-Za-z0-9]+$/.test(run)) return `{${textShape(run)}}`;
    if (vocabulary && run.length > 2 && /^[A-Za-z]+$/.test(run) && !codeWords(run).every((word) => vocabulary.has(word))) return `{${textShape(run)}}`;
    // A number in a test hook is the row's, never the code's (Slack's `channel_sidebar_name_offers 16`).
    if (vocabulary && /^\d+$/.test(run)) return `{d${run.length}}`;
    return asciiRun(run);
  });
}

/** The words of an identifier, lowercased: `channelSidebar_name-ID2` → channel, sidebar, name, id. */
export function codeWords(identifier: string): string[] {
  return (identifier.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+/g) ?? []).map((word) => word.toLowerCase());
}

/**
 * Path segments kept as they are: routes of the supported platforms and common static folders. Any other segment
 * is shaped, since a lowercase word in a path may well be a username (`instagram.com/<name>/`).
 */
export const ROUTE_WORDS: ReadonlySet<string> = new Set([
  '@me', 'about', 'accounts', 'api', 'app', 'archive', 'archived', 'assets', 'authentication', 'call', 'calls', 'cgi-bin',
  'channel', 'channels', 'chat', 'chats', 'client', 'communities', 'community', 'contacts', 'conversation',
  'conversations', 'css', 'direct', 'e2ee', 'explore', 'favicon.ico', 'group', 'groups', 'help', 'home', 'icons',
  'images', 'img', 'inbox', 'invite', 'join', 'js', 'lib', 'login', 'logout', 'media', 'message', 'messages',
  'mmwebwx-bin', 'new', 'notifications', 'password', 'photo.php', 'profile.php', 'reels', 'requests', 'search', 'send',
  'settings', 'signin', 'signup', 'static', 'status', 'stories', 'thread', 'threads', 'web', 'webwxgeticon',
  'webwxgetheadimg', 'workspace-signin',
]);

/** Attribute and query values that are the same on every page: kept as they are wherever they appear. */
export const KEYWORD_VALUES: ReadonlySet<string> = new Set(['', 'true', 'false', 'on', 'off', 'yes', 'no', 'none', 'auto', 'ltr', 'rtl', '0', '1', '-1', 'null', 'undefined']);

const decode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

function shapeSegment(segment: string): string {
  if (segment === '' || ROUTE_WORDS.has(segment) || /^[a-z]{1,2}$/.test(segment)) return segment;
  return `{${textShape(decode(segment))}}`;
}

function shapeQuery(search: string): string {
  if (search === '' || search === '?') return search;
  const parts = [...new URLSearchParams(search)].map(([key, value]) => `${shapeToken(key)}=${KEYWORD_VALUES.has(value) ? value : `{${textShape(value)}}`}`);
  return `?${parts.join('&')}`;
}

const shapeFragment = (hash: string): string => (hash.length <= 1 ? hash : `#{${textShape(decode(hash.slice(1)))}}`);

/** A same-origin URL's path, query and fragment, shaped: `/messages/t/{d15}/?{…}`. */
function shapeLocal(url: URL): string {
  return url.pathname.split('/').map(shapeSegment).join('/') + shapeQuery(url.search) + shapeFragment(url.hash);
}

/**
 * The shape of a URL attribute: same-origin http(s) URLs keep their route words (`/t/{d15}/`), other origins
 * keep their scheme and shape their host (`https://{Latn7 . Latn3}/…`), other schemes keep only the scheme
 * (`tel:{+ d12}`), a bare fragment is shaped (`#{- d9}`).
 */
export function shapeUrl(raw: string, base: string): string {
  const value = raw.trim();
  if (value.startsWith('#')) return shapeFragment(value);
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return `{${textShape(value)}}`;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    // `base` parsed above (new URL throws on a bad base), so it has an origin.
    return url.origin === new URL(base).origin ? shapeLocal(url) : `${url.protocol}//{${textShape(url.host)}}${shapeLocal(url)}`;
  }
  const rest = url.href.slice(url.protocol.length);
  return rest === '' ? url.protocol : `${url.protocol}{${textShape(rest)}}`;
}

/** The page's own address in an outline: its origin as it is (the service being reported), the rest shaped. */
export function shapeDocumentUrl(href: string): string {
  try {
    const url = new URL(href);
    return url.origin === 'null' ? shapeUrl(href, 'about:blank') : `${url.origin}${shapeLocal(url)}`;
  } catch {
    return `{${textShape(href)}}`;
  }
}

/** How an attribute's value is kept. */
export type AttributeKind = 'keyword' | 'number' | 'token' | 'hook' | 'url' | 'style' | 'text';

/** Attributes whose values are keywords of HTML or ARIA: kept when they look like keywords. */
const KEYWORD_ATTRS = new Set([
  'role', 'dir', 'lang', 'type', 'contenteditable', 'draggable', 'spellcheck', 'translate', 'autocomplete', 'autocapitalize',
  'autocorrect', 'inputmode', 'enterkeyhint', 'loading', 'decoding', 'rel', 'target', 'method', 'enctype', 'charset',
  'crossorigin', 'referrerpolicy', 'fetchpriority', 'http-equiv', 'as', 'scope', 'popover', 'shadowrootmode',
  'aria-hidden', 'aria-selected', 'aria-expanded', 'aria-checked', 'aria-pressed', 'aria-disabled', 'aria-current',
  'aria-busy', 'aria-live', 'aria-atomic', 'aria-haspopup', 'aria-modal', 'aria-multiline', 'aria-multiselectable',
  'aria-orientation', 'aria-readonly', 'aria-required', 'aria-invalid', 'aria-sort', 'aria-autocomplete', 'aria-relevant',
]);

/** Attributes whose values are small numbers (positions, sizes, tab order): kept up to four digits. */
const NUMBER_ATTRS = new Set([
  'tabindex', 'aria-level', 'aria-posinset', 'aria-setsize', 'aria-colindex', 'aria-rowindex', 'aria-colcount',
  'aria-rowcount', 'aria-colspan', 'aria-rowspan', 'colspan', 'rowspan', 'width', 'height', 'maxlength', 'minlength',
  'rows', 'cols', 'size', 'start', 'span',
]);

/** Attributes that name things in the page's code (ids, references to ids, icons, editor hooks): identifiers. */
const TOKEN_ATTRS = new Set([
  'id', 'name', 'for', 'form', 'list', 'headers', 'slot', 'part', 'is', 'aria-labelledby', 'aria-describedby',
  'aria-controls', 'aria-owns', 'aria-activedescendant', 'aria-details', 'aria-errormessage', 'aria-flowto', 'data-icon',
]);
const TOKEN_PREFIXES = ['data-slate-', 'data-lexical-'];
/**
 * Test and automation hooks: identifiers too, but sites build some of them from what a row shows (Slack's
 * `data-qa="channel_sidebar_name_<name>"`), so their words are kept only when the page's code uses them elsewhere.
 */
const HOOK_ATTRS = new Set(['data-testid', 'data-test-id', 'data-cy', 'data-list-item-id', 'data-list-id', 'data-item-key', 'data-visualcompletion', 'data-pagelet', 'data-tab']);
const HOOK_PREFIXES = ['data-qa', 'data-e2e'];

const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'poster', 'cite', 'background', 'xlink:href', 'manifest', 'data']);

/**
 * The policy, by attribute name. Values of everything not listed (aria-label, title, alt, placeholder, value,
 * content, data-peer-id, data-username, any other data-*) are text-shaped.
 */
export function attributeKind(name: string): AttributeKind {
  if (name === 'style') return 'style';
  if (KEYWORD_ATTRS.has(name)) return 'keyword';
  if (NUMBER_ATTRS.has(name)) return 'number';
  if (URL_ATTRS.has(name)) return 'url';
  if (HOOK_ATTRS.has(name) || HOOK_PREFIXES.some((prefix) => name.startsWith(prefix))) return 'hook';
  if (TOKEN_ATTRS.has(name) || TOKEN_PREFIXES.some((prefix) => name.startsWith(prefix))) return 'token';
  return 'text';
}

const KEYWORDS = /^[A-Za-z][\w+./:-]{0,39}(?: [A-Za-z][\w+./:-]{0,39}){0,7}$/;
/** Identifier lists (classes, references) longer than this are shaped whole, as a text. */
export const MAX_IDENTIFIER_LIST_CHARS = 4096;
const CSS_PROPERTY = /^-{0,2}[A-Za-z][A-Za-z0-9-]*$/;

/** Inline style: the property names it sets, never their values (which may hold URLs): `height; transform`. */
function shapeStyle(style: string): string {
  const names = style.split(';').map((declaration) => declaration.split(':')[0]?.trim() ?? '').filter((name) => CSS_PROPERTY.test(name));
  return names.slice(0, 32).map((name) => shapeToken(name.toLowerCase())).join('; ');
}

export interface AttributeContext {
  /** Resolves relative URLs. */
  base: string;
  /** An SVG `<use>` element: its fragment names an icon of the page's own sprite. */
  spriteRef?: boolean;
  /** Words of the page's code (class, attribute and tag names): the only words a hook value may keep. */
  vocabulary?: ReadonlySet<string>;
}

/** The kept form of one attribute value. */
export function shapeAttribute(name: string, value: string, context: AttributeContext): string {
  if (KEYWORD_VALUES.has(value)) return value;
  switch (attributeKind(name)) {
    case 'keyword':
      return KEYWORDS.test(value) && !/\d{4}/.test(value) ? value : `{${textShape(value)}}`;
    case 'number':
      return /^-?\d{1,4}$/.test(value) ? value : `{${textShape(value)}}`;
    case 'token':
      return shapeIdentifiers(value).join(' ');
    case 'hook':
      return shapeIdentifiers(value, context.vocabulary ?? new Set()).join(' ');
    case 'url':
      return context.spriteRef === true && value.startsWith('#') ? `#${shapeToken(value.slice(1))}` : shapeUrl(value, context.base);
    case 'style':
      return shapeStyle(value);
    case 'text':
      return `{${textShape(value)}}`;
  }
}

/** A space-separated list of identifiers (a class attribute, id references), each shaped; a huge list as a text. */
export function shapeIdentifiers(value: string, vocabulary?: ReadonlySet<string>): string[] {
  if (value.length > MAX_IDENTIFIER_LIST_CHARS) return [`{${textShape(value)}}`];
  return value
    .split(/[\t\n\f\r ]+/u)
    .filter((t) => t !== '')
    .map((token) => shapeToken(token, vocabulary));
}
