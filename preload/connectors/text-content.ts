/**
 * The text of an element as the user reads it. `textContent` misses what pages draw as images (emoji on systems
 * without an emoji font: Telegram A renders "🌹" as <img class="emoji" alt="🌹">, so an emoji-only name reads as
 * nothing) and includes what sits inside but is not part of the text (badges inside a preview's row).
 */
import { cleanText, MAX_TEXT } from './dom';

const ELEMENT = 1;
const TEXT = 3;
/** Enough raw text for any display string (cleanText cuts to MAX_TEXT), so a huge subtree costs no more. */
const BUDGET = MAX_TEXT * 4;

/**
 * The clean display text of `el`: text nodes, and the `alt` of images among them, in document order; the subtrees
 * of elements matching `skip` left out.
 */
export function shownText(el: Element | null | undefined, skip?: string): string {
  if (!el) return '';
  const parts: string[] = [];
  let length = 0;
  const stack: Node[] = [el];
  while (stack.length > 0 && length < BUDGET) {
    const node = stack.pop();
    if (!node) break;
    if (node.nodeType === TEXT) {
      const value = node.nodeValue ?? '';
      parts.push(value);
      length += value.length;
      continue;
    }
    if (node.nodeType !== ELEMENT) continue;
    const element = node as Element;
    if (element !== el && skip !== undefined && element.matches(skip)) continue;
    if (element.tagName === 'IMG') {
      const alt = element.getAttribute('alt') ?? '';
      parts.push(alt);
      length += alt.length;
      continue;
    }
    // Children pushed last to first, so they come off the stack in document order.
    for (let child = element.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  return cleanText(parts.join(''));
}
