/**
 * A page outline: what a service's page looks like, without anyone's chats in it, for a bug report when a site
 * changes and a connector stops reading it. preload/outline.ts takes it from the live page; main checks it with
 * parseOutline (common/outline-schema.ts) and saves it with its text form (outlineText); `npm run fixture:from-outline` turns it into the
 * skeleton of a fixture page. Every text and every value that may carry content is a shape (common/outline-shape.ts).
 */
import { LIMITS } from './limits';

export const OUTLINE_FORMAT = 'wasl-outline/1';

/** Presentation the outline saw, where it starts: hidden elements stay in the outline, marked. */
export const OUTLINE_FLAGS = ['display-none', 'visibility-hidden', 'opacity-0', 'tiny'] as const;
export type OutlineFlag = (typeof OUTLINE_FLAGS)[number];

/** Why an element's children (or some of them) are not in the outline. */
export const CUT_REASONS = ['depth', 'nodes', 'size'] as const;
export type CutReason = (typeof CUT_REASONS)[number];

/** Content the outline never reads: a frame's document, a script's or a style sheet's code. */
export const OUTLINE_NOTES = ['frame', 'code'] as const;
export type OutlineNote = (typeof OUTLINE_NOTES)[number];

export interface OutlineText {
  /** The text's shape. */
  text: string;
}

export interface OutlineElement {
  /** The tag name (localName), shaped like an identifier. */
  tag: string;
  /** Attributes other than class, in page order: [name, kept value]. */
  attrs?: [string, string][];
  /** Class names, each shaped like an identifier. */
  classes?: string[];
  flags?: OutlineFlag[];
  note?: OutlineNote;
  /** The children of its open shadow root (closed roots cannot be seen). */
  shadow?: OutlineNode[];
  children?: OutlineNode[];
  /** Children left out (after those listed): how many, and why. */
  cut?: { reason: CutReason; omitted: number };
}

export type OutlineNode = OutlineElement | OutlineText;

export interface OutlineLimits {
  /** Elements and texts in the outline. */
  nodes: number;
  /** Depth of the deepest element listed (<html> is 0). */
  depth: number;
  /** Length of the outline as JSON. */
  chars: number;
  /** Tokens of one text's shape. */
  textTokens: number;
}

/** An outline fits one message to main with room to spare. */
export const OUTLINE_LIMITS: OutlineLimits = { nodes: 20_000, depth: 60, chars: Math.floor(LIMITS.messageChars * 0.75), textTokens: 16 };

export interface PageOutline {
  format: typeof OUTLINE_FORMAT;
  /** The Wasl version that saved it. */
  wasl: string;
  platform: string;
  /** ISO 8601. */
  savedAt: string;
  /** The page's origin, then its path, query and fragment shaped. */
  url: string;
  limits: OutlineLimits;
  stats: { elements: number; texts: number; shadowRoots: number; frames: number; textsShortened: number };
  /** Children left out, by reason (each count covers the children of the cut element, not their descendants). */
  omitted: Record<CutReason, number>;
  complete: boolean;
  root: OutlineElement;
}

/** The text form's reading key (its fifth line). */
export const OUTLINE_TEXT_LEGEND =
  '# texts are shapes: Latn5 five Latin letters, Arab4 four Arabic letters, d2 two ASCII digits, ad2 Arabic-Indic digits, e an emoji, sp a space; {…} a shaped value';

const CUT_WORDS: Record<CutReason, string> = { depth: 'depth limit', nodes: 'node limit', size: 'size limit' };

function elementLine(node: OutlineElement): string {
  let line = node.tag;
  const id = node.attrs?.find(([name]) => name === 'id');
  if (id) line += `#${id[1]}`;
  for (const name of node.classes ?? []) line += `.${name}`;
  for (const [name, value] of node.attrs ?? []) if (name !== 'id') line += value === '' ? `[${name}]` : `[${name}=${value}]`;
  for (const flag of node.flags ?? []) line += ` !${flag}`;
  if (node.note) line += ` (${node.note} not read)`;
  return line;
}

/**
 * The outline as indented text, one node a line (for a person reading a bug report):
 *   span#pane-side.chat-{d6}[role=row][aria-label={Latn5 sp Latn6}] !display-none
 *     "d2 : d2"
 *     #shadow-root
 *     … 12 more (node limit)
 */
export function outlineText(outline: PageOutline): string {
  const { stats, omitted, limits } = outline;
  const cut = CUT_REASONS.filter((reason) => omitted[reason] > 0).map((reason) => `${omitted[reason]} left out (${CUT_WORDS[reason]})`);
  const lines = [
    `# Wasl page outline (${outline.format}) · ${outline.platform} · Wasl ${outline.wasl} · saved ${outline.savedAt}`,
    `# page ${outline.url}`,
    `# ${stats.elements} elements · ${stats.texts} texts · ${stats.shadowRoots} open shadow roots · ${stats.frames} frames not read · ${stats.textsShortened} texts shortened · ${outline.complete ? 'complete' : cut.join(' · ')}`,
    `# limits ${limits.nodes} nodes · depth ${limits.depth} · ${limits.chars} characters · ${limits.textTokens} tokens a text`,
    OUTLINE_TEXT_LEGEND,
  ];
  const visit = (node: OutlineNode, indent: string): void => {
    if (!('tag' in node)) {
      lines.push(`${indent}"${node.text}"`);
      return;
    }
    lines.push(indent + elementLine(node));
    const inner = `${indent}  `;
    if (node.shadow) {
      lines.push(`${inner}#shadow-root`);
      for (const child of node.shadow) visit(child, `${inner}  `);
    }
    for (const child of node.children ?? []) visit(child, inner);
    if (node.cut) lines.push(`${inner}… ${node.cut.omitted} more (${CUT_WORDS[node.cut.reason]})`);
  };
  visit(outline.root, '');
  return `${lines.join('\n')}\n`;
}
