/**
 * Names as a person reads them on the page. A name's emoji are often not text: WeChat draws them as sprites
 * (`<span class="emoji emoji1f339">`), other clients as images with the character in `alt`. A name made of emoji
 * only is still a name, so those pictures are read as the characters they stand for. Used by the Discord, Slack and
 * WeChat connectors.
 */
import { cleanText, MAX_TEXT } from './dom';

/** The characters a picture element stands for, or undefined when it is not one (its children are read instead). */
export type PictureReader = (el: Element) => string | undefined;

/** Elements visited per name at most: a name is a few nodes; a page that nests thousands costs no more. */
const MAX_NODES = 400;

/** An image's alternative text: what an emoji drawn as an image stands for. */
export const imageAlt: PictureReader = (el) => (el.tagName === 'IMG' ? (el.getAttribute('alt') ?? '') : undefined);

/**
 * The text `el` shows, pictures read by `picture` (images by their `alt` by default); elements the page hides with
 * the `hidden` attribute are skipped. Cleaned as every display text is; '' when there is nothing.
 */
export function shownText(el: Element | null | undefined, picture: PictureReader = imageAlt): string {
  if (!el) return '';
  let out = '';
  let visited = 0;
  const visit = (node: Node): void => {
    if (visited >= MAX_NODES || out.length > MAX_TEXT * 4) return;
    visited += 1;
    if (node.nodeType === 3) {
      out += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (element.hasAttribute('hidden')) return;
    const stands = picture(element);
    if (stands !== undefined) {
      out += stands;
      return;
    }
    for (let child = element.firstChild; child; child = child.nextSibling) visit(child);
  };
  for (let child = el.firstChild; child; child = child.nextSibling) visit(child);
  return cleanText(out);
}
