/**
 * Text as a person reads it on the page. Names and previews are often not all text: emoji are drawn as images with
 * the character in `alt` (Telegram A, facebook.com, WhatsApp) or as sprites (WeChat's `<span class="emoji emoji1f339">`), and
 * an emoji-only name is still a name; and a row's text holds what is not part of it (badges inside a preview's
 * line, labels hidden from the eye). One reader for every connector.
 */
import { cleanText, MAX_TEXT } from './dom';

/** The characters a picture element stands for, or undefined when it is not one (its children are read instead). */
export type PictureReader = (el: Element) => string | undefined;

/** What an emoji drawn as an image stands for: its plain text (WhatsApp's `data-plain-text`), else its `alt`. */
export const imageAlt: PictureReader = (el) => (el.tagName === 'IMG' ? (el.getAttribute('data-plain-text') ?? el.getAttribute('alt') ?? '') : undefined);

/** Elements visited per text at most: a name is a few nodes; a page that nests thousands costs no more. */
const MAX_NODES = 400;
/** Enough raw text for any display string (cleanText cuts to MAX_TEXT). */
const BUDGET = MAX_TEXT * 4;

export interface ShownTextOptions {
  /** How pictures are read (images by their `alt` by default). */
  picture?: PictureReader;
  /** Elements inside `el` whose subtrees are not part of its text (a badge in a preview, a hidden label). */
  skip?: string;
}

/**
 * The clean display text of `el`, in document order: its text nodes and the characters its pictures stand for,
 * without elements the page hides (`hidden`) or that match `skip`; '' when there is nothing.
 */
export function shownText(el: Element | null | undefined, options: ShownTextOptions = {}): string {
  if (!el) return '';
  const picture = options.picture ?? imageAlt;
  let out = '';
  let visited = 0;
  const stack: Node[] = [];
  for (let child = el.lastChild; child; child = child.previousSibling) stack.push(child);
  while (stack.length > 0 && visited < MAX_NODES && out.length < BUDGET) {
    const node = stack.pop();
    if (!node) break;
    visited += 1;
    if (node.nodeType === 3) {
      out += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    if (element.hasAttribute('hidden') || (options.skip !== undefined && element.matches(options.skip))) continue;
    const stands = picture(element);
    if (stands !== undefined) {
      out += stands;
      continue;
    }
    // Children pushed last to first, so they come off the stack in document order.
    for (let child = element.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  return cleanText(out);
}
