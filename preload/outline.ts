/**
 * Takes a page's outline (common/outline.ts) from the live DOM: every element with its tag, its attributes'
 * names and kept values, its class names, where it is hidden, and every text as its shape; open shadow roots
 * read, frames and code not. Pure DOM code: it runs in the service view's isolated world as in a test page.
 * Bounded in nodes, depth and size; what a bound leaves out is counted where it was left out.
 */
import { OUTLINE_FORMAT, OUTLINE_LIMITS, type CutReason, type OutlineElement, type OutlineFlag, type OutlineLimits, type OutlineNode, type OutlineText, type PageOutline } from '../common/outline';
import { ROUTE_WORDS, codeWords, shapeAttribute, shapeDocumentUrl, shapeIdentifiers, shapeToken, textShape } from '../common/outline-shape';

export interface OutlineOptions {
  /** The service's platform, as the report names it. */
  platform?: string;
  /** The Wasl version saving it. */
  appVersion?: string;
  /** When it is saved (epoch ms; default now). */
  now?: number;
  limits?: Partial<OutlineLimits>;
}

/** Elements whose content is code, never read. */
const CODE_TAGS = new Set(['script', 'style', 'noscript', 'template']);
/** Elements never shown (browsers give them display: none): no flags, which would only say so. */
const UNSHOWN_TAGS = new Set(['head', 'meta', 'title', 'link', 'base', 'script', 'style', 'template', 'noscript']);
/** Elements that hold another document, never read. */
const FRAME_TAGS = new Set(['iframe', 'frame', 'object', 'embed', 'portal', 'fencedframe']);
/**
 * Room kept for the outline's own fields besides its tree, and for the cuts written as the walk unwinds once the
 * size is spent (one for each open ancestor at most).
 */
const RESERVED_CHARS = 8_192;
/** What an element adds to its JSON besides itself: its children array and a comma. */
const ELEMENT_OVERHEAD = 16;
/** What a text adds besides its shape: `{"text":""}` and a comma. */
const TEXT_OVERHEAD = 12;
/** What a cut adds: `,"cut":{"reason":"nodes","omitted":12345}`. */
const CUT_CHARS = 48;
/** The page's address in the outline at most (a longer one is shaped whole). */
const MAX_URL_CHARS = 2_048;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const ASCII_WHITESPACE = /^[\t\n\f\r ]*$/;

interface Walk {
  limits: OutlineLimits;
  view: (Window & typeof globalThis) | null;
  base: string;
  /** Words of the page's code: what test hooks may keep (common/outline-shape.ts, 'hook'). */
  vocabulary: ReadonlySet<string>;
  nodes: number;
  chars: number;
  stats: PageOutline['stats'];
  omitted: PageOutline['omitted'];
}

const isElement = (node: Node): node is Element => node.nodeType === ELEMENT_NODE;
const isOutlined = (node: Node): boolean => isElement(node) || (node.nodeType === TEXT_NODE && !ASCII_WHITESPACE.test(node.nodeValue ?? ''));

function hasOwnText(el: Element): boolean {
  for (const child of el.childNodes) if (child.nodeType === TEXT_NODE && !ASCII_WHITESPACE.test(child.nodeValue ?? '')) return true;
  return false;
}

interface Seen {
  visibility: string;
  /** An ancestor is display: none (sizes mean nothing there). */
  undisplayed: boolean;
}

/** Where the element starts being hidden; `seen` is what its parent showed. */
function flagsOf(el: Element, walk: Walk, seen: Seen): [OutlineFlag[], Seen] {
  const style = UNSHOWN_TAGS.has(el.localName) ? undefined : walk.view?.getComputedStyle(el);
  if (!style) return [[], seen];
  const flags: OutlineFlag[] = [];
  const display = style.display;
  if (display === 'none') flags.push('display-none');
  if (style.visibility !== 'visible' && seen.visibility === 'visible') flags.push('visibility-hidden');
  if (style.opacity === '0') flags.push('opacity-0');
  if (!seen.undisplayed && display !== 'none' && display !== 'contents' && hasOwnText(el)) {
    const box = el.getBoundingClientRect();
    if (box.width <= 1 && box.height <= 1) flags.push('tiny');
  }
  return [flags, { visibility: style.visibility, undisplayed: seen.undisplayed || display === 'none' }];
}

function shallowElement(el: Element, walk: Walk, flags: OutlineFlag[]): OutlineElement {
  const tag = shapeToken(el.localName);
  const node: OutlineElement = { tag };
  const attrs: [string, string][] = [];
  for (const attr of el.attributes) {
    if (attr.name === 'class') continue;
    attrs.push([shapeToken(attr.name), shapeAttribute(attr.name, attr.value, { base: walk.base, spriteRef: tag === 'use', vocabulary: walk.vocabulary })]);
  }
  if (attrs.length > 0) node.attrs = attrs;
  const classes = shapeIdentifiers(el.getAttribute('class') ?? '');
  if (classes.length > 0) node.classes = classes;
  if (flags.length > 0) node.flags = flags;
  if (CODE_TAGS.has(el.localName)) node.note = 'code';
  else if (FRAME_TAGS.has(el.localName)) node.note = 'frame';
  return node;
}

/**
 * The words of the page's code: tag, attribute and class names (and route words), from the first `max` elements
 * (open shadow roots included). Never texts or attribute values, which is where people's names are.
 */
function codeVocabulary(root: Element, max: number): Set<string> {
  const words = new Set([...ROUTE_WORDS].flatMap(codeWords));
  const add = (name: string): void => {
    for (const word of codeWords(name)) words.add(word);
  };
  let seen = 0;
  const stack: Element[] = [root];
  for (let el = stack.pop(); el && seen < max; el = stack.pop()) {
    seen += 1;
    add(el.localName);
    for (const name of el.getAttributeNames()) add(name);
    for (const name of el.classList) add(name);
    for (const child of el.children) stack.push(child);
    for (const child of el.shadowRoot?.children ?? []) stack.push(child);
  }
  return words;
}

/** The reason the next node cannot be added, if any. */
function full(walk: Walk, depth: number): CutReason | undefined {
  if (depth > walk.limits.depth) return 'depth';
  if (walk.nodes >= walk.limits.nodes) return 'nodes';
  if (walk.chars >= walk.limits.chars) return 'size';
  return undefined;
}

function cut(owner: OutlineElement, walk: Walk, reason: CutReason, omitted: number): void {
  walk.omitted[reason] += omitted;
  walk.chars += CUT_CHARS;
  owner.cut = { reason, omitted: (owner.cut?.omitted ?? 0) + omitted };
}

/** The outlined children of `parent` (an element or a shadow root), at `depth`. */
function childrenOf(parent: Node, depth: number, owner: OutlineElement, walk: Walk, seen: Seen): OutlineNode[] | undefined {
  const out: OutlineNode[] = [];
  const list = [...parent.childNodes].filter(isOutlined);
  for (const [index, child] of list.entries()) {
    const reason = full(walk, depth);
    const node = reason === undefined ? (isElement(child) ? outlineElement(child, depth, walk, seen) : outlineText(child, walk)) : undefined;
    if (node === undefined) {
      cut(owner, walk, reason ?? 'size', list.length - index);
      break;
    }
    out.push(node);
  }
  return out.length > 0 ? out : undefined;
}

/** A text's shape, or undefined when it does not fit in the size left. */
function outlineText(node: Node, walk: Walk): OutlineText | undefined {
  const text = textShape(node.nodeValue ?? '', walk.limits.textTokens);
  const size = text.length + TEXT_OVERHEAD;
  if (walk.chars + size > walk.limits.chars) return undefined;
  walk.nodes += 1;
  walk.chars += size;
  walk.stats.texts += 1;
  if (/(?:^| )rest\d+$/.test(text)) walk.stats.textsShortened += 1;
  return { text };
}

/** An element's outline with what is inside it, or undefined when the element itself does not fit. */
function outlineElement(el: Element, depth: number, walk: Walk, seen: Seen): OutlineElement | undefined {
  const [flags, inner] = flagsOf(el, walk, seen);
  const out = shallowElement(el, walk, flags);
  const size = JSON.stringify(out).length + ELEMENT_OVERHEAD;
  if (walk.chars + size > walk.limits.chars) return undefined;
  walk.nodes += 1;
  walk.chars += size;
  walk.stats.elements += 1;
  if (out.note === 'frame') walk.stats.frames += 1;
  if (out.note !== undefined) return out;
  const root = el.shadowRoot;
  if (root) {
    walk.stats.shadowRoots += 1;
    walk.chars += ELEMENT_OVERHEAD;
    const shadow = childrenOf(root, depth + 1, out, walk, inner);
    if (shadow) out.shadow = shadow;
  }
  const children = childrenOf(el, depth + 1, out, walk, inner);
  if (children) out.children = children;
  return out;
}

/** The outline of `doc` as it is now. */
export function pageOutline(doc: Document, options: OutlineOptions = {}): PageOutline {
  const limits: OutlineLimits = { ...OUTLINE_LIMITS, ...options.limits };
  const html = doc.documentElement;
  const walk: Walk = {
    limits: { ...limits, chars: Math.max(0, limits.chars - RESERVED_CHARS) },
    view: doc.defaultView,
    base: doc.baseURI,
    vocabulary: codeVocabulary(html, limits.nodes * 2),
    nodes: 0,
    chars: 0,
    stats: { elements: 0, texts: 0, shadowRoots: 0, frames: 0, textsShortened: 0 },
    omitted: { depth: 0, nodes: 0, size: 0 },
  };
  const root = outlineElement(html, 0, walk, { visibility: 'visible', undisplayed: false });
  if (root === undefined) walk.omitted.size += 1;
  const url = shapeDocumentUrl(doc.URL);
  return {
    format: OUTLINE_FORMAT,
    wasl: (options.appVersion ?? 'unknown').slice(0, 64),
    platform: (options.platform ?? 'unknown').slice(0, 64),
    savedAt: new Date(options.now ?? Date.now()).toISOString(),
    url: url.length <= MAX_URL_CHARS ? url : `{${textShape(doc.URL)}}`,
    limits,
    stats: walk.stats,
    omitted: walk.omitted,
    complete: walk.omitted.depth + walk.omitted.nodes + walk.omitted.size === 0,
    root: root ?? { tag: shapeToken(html.localName) },
  };
}
