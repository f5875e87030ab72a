/**
 * The text an element shows, emoji included. Web clients draw emoji as images (WhatsApp's `<img alt="🌸"
 * data-plain-text="🌸">`), so `textContent` of a name made only of emoji is empty: a name is never read as empty
 * because it was drawn.
 */
import { cleanText, MAX_TEXT } from './dom';

/** Bounds the walk: a name or a snippet is short, a hostile page's element may not be. */
const MAX_NODES = 500;
/** NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, as a number (the page's globals are not this world's). */
const SHOW_ELEMENTS_AND_TEXT = 0x1 | 0x4;

export function shownText(el: Element | null | undefined): string {
  if (!el) return '';
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(el, SHOW_ELEMENTS_AND_TEXT);
  let out = '';
  let seen = 0;
  for (let node: Node | null = walker.currentNode; node && seen < MAX_NODES && out.length < MAX_TEXT * 4; node = walker.nextNode()) {
    seen += 1;
    if (node.nodeType === 3) out += node.nodeValue ?? '';
    else if (node.nodeName === 'IMG') {
      const img = node as Element;
      out += img.getAttribute('data-plain-text') ?? img.getAttribute('alt') ?? '';
    }
  }
  return cleanText(out);
}
