/**
 * What Meta's two web clients, Messenger (facebook.com/messages, messenger.com) and Instagram direct, have in
 * common (platform-dom.md): StyleX class names that must never be used, so rows are read from roles, `href`
 * routes, `dir="auto"` text and computed styles; labels in the user's language, so no word is read; unread threads
 * set their name and preview in bold (no count); emoji drawn as images; a contenteditable `role="textbox"`
 * composer; SPA routes; and notifications that carry no chat id.
 */
import type { ChatSummary } from '../../common/model';
import { shownText } from './names';
import { cleanText, queryLimited, userClick, waitFor } from './dom';
import { globalsOf, type PageNotice, type RowReader } from './types';

export const COMPOSER = '[role="textbox"][contenteditable="true"]';

/** A row's name, preview and time are its first lines; nothing further is read. */
const MAX_LINES = 4;
/** Text elements looked at per row, however deep a hostile row nests them. */
const MAX_TEXT_ELEMENTS = 40;

/** NodeFilter.SHOW_TEXT, as a number: the isolated world's globals are reached through the page's window. */
const SHOW_TEXT = 0x4;

/** One line of a row: its text, and the element that holds it (whose weight says whether the thread is unread). */
export interface Line {
  text: string;
  holder: Element;
}

/**
 * The lines a row shows, in reading order: Meta marks every piece of user text (a name, a preview, a time) with
 * `dir="auto"`, and nothing else, so the outermost `dir="auto"` elements are the lines. Visually hidden labels
 * ("Unread message:", in the user's language) carry no `dir` and are no line; nor is anything `aria-hidden`.
 */
export function rowLines(root: Element): Line[] {
  const lines: Line[] = [];
  for (const el of queryLimited(root, '[dir="auto"]', MAX_TEXT_ELEMENTS)) {
    if (lines.length >= MAX_LINES) break;
    const hidden = el.closest('[aria-hidden="true"]');
    if (hidden && root.contains(hidden)) continue;
    const outer = el.parentElement?.closest('[dir="auto"]');
    if (outer && outer !== root && root.contains(outer)) continue;
    const text = shownText(el, { skip: '[aria-hidden="true"]' });
    if (text !== '') lines.push({ text, holder: el });
  }
  return lines;
}

/** The element whose text is drawn: the parent of the line's first visible text, or the line itself. */
function textElement(line: Line): Element {
  const walker = line.holder.ownerDocument.createTreeWalker(line.holder, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node.nodeValue ?? '').trim() !== '' && node.parentElement) return node.parentElement;
  }
  return line.holder;
}

/**
 * Whether a line is set in bold: how both clients mark an unread thread, whatever the language (weight 600 and
 * more; read threads use 400-500). Computed, since which hashed class sets the weight changes with every deploy.
 */
export function isBold(line: Line | undefined): boolean {
  if (!line) return false;
  const win = line.holder.ownerDocument.defaultView;
  if (!win) return false;
  const weight = Number.parseInt(globalsOf(win).getComputedStyle(textElement(line)).fontWeight, 10);
  return weight >= 600;
}

/** "Unread", "Unread message", "3 unread chats", and Arabic "غير مقروء": the labels of the first generation's pages. */
const UNREAD = /\bunread\b|غير مقروء/iu;

/**
 * Whether a row of the first generation (2025) is marked unread: the row or an element in it carries an
 * aria-label that mentions it. The thread's own name is taken out of each label first, so "More options for
 * Unread Books" marks nothing. Later pages say it in the user's language, and are read by weight instead.
 */
export function markedUnread(row: Element, title: string): boolean {
  for (const el of [row, ...queryLimited(row, '[aria-label]', 50)]) {
    const label = el.getAttribute('aria-label');
    if (!label) continue;
    const rest = title === '' ? label : cleanText(label).split(title).join(' ');
    if (UNREAD.test(rest)) return true;
  }
  return false;
}

/**
 * Whether a notification's text is the thread's last message, as its row shows it: "hi" for "hi", or with the
 * sender in front in a group ("Omar: hi"), on either side. What proves a notification is about that chat and not
 * Facebook's or Instagram's own activity under the same name ("liked your story", "posted in Shop team").
 */
function isLastMessage(preview: string | undefined, body: string): boolean {
  if (preview === undefined || preview === '' || body === '') return false;
  return preview === body || preview.endsWith(`: ${body}`) || body.endsWith(`: ${preview}`);
}

/**
 * The chat a notification is about. Meta's notifications carry no chat tag, and the page raises its own activity
 * through the same `Notification` (likes, comments, group posts, under a person's or a group's name): so only the
 * one row named by the title, and only when the notification's text is that row's last message. Undefined
 * otherwise — never a guess, and never a chat for activity.
 */
export function chatForNotice(win: Window, rows: RowReader, notice: PageNotice): string | undefined {
  // The shim already flattened rich titles to their text (see notification-shim.ts).
  const title = cleanText(notice.title);
  if (title === '') return undefined;
  const now = Date.now();
  const named: ChatSummary[] = [];
  const found = rows.collect ? rows.collect(win.document) : queryLimited(win.document, rows.selector);
  for (let i = 0; i < found.length; i += 1) {
    const row = found[i];
    const chat = row ? rows.read(row, now) : undefined;
    if (chat?.title === title) named.push(chat);
  }
  const [chat] = named;
  if (!chat || named.some((other) => other.id !== chat.id)) return undefined;
  return isLastMessage(chat.preview, cleanText(notice.body)) ? chat.id : undefined;
}

const shown = (el: Element): boolean => el.getClientRects().length > 0;

/** The composer of the open conversation: a shown textbox, the one in the main pane first. */
export function composer(doc: Document): Element | undefined {
  const inMain = queryLimited(doc, `[role="main"] ${COMPOSER}`, 10).find(shown);
  return inMain ?? queryLimited(doc, COMPOSER, 10).find(shown);
}

/**
 * Opens a thread the way the site's own router would: pushes its route and announces it with a popstate, as the
 * SPA reacts to; when the page does not follow within a moment and there is a link, clicks it as a user would.
 * True only once `isOpen` holds (the URL is the thread's and a composer is shown).
 */
export async function openThread(win: Window, route: string, link: Element | undefined, isOpen: () => boolean): Promise<boolean> {
  const opened = (): true | undefined => (isOpen() ? true : undefined);
  if (opened()) return true;
  win.history.pushState(null, '', route);
  win.dispatchEvent(new (globalsOf(win).PopStateEvent)('popstate', { state: null }));
  if (await waitFor(win, opened, 1_500)) return true;
  if (!link) return false;
  userClick(link);
  return (await waitFor(win, opened, 1_500)) === true;
}

/** A link's path, whether its href is relative (`/t/1/`) or absolute (`https://www.messenger.com/t/1/`). */
export function hrefPath(href: string | null): string | undefined {
  if (!href) return undefined;
  if (href.startsWith('/')) return href.split(/[?#]/u)[0];
  try {
    return new URL(href).pathname;
  } catch {
    return undefined;
  }
}

/** A path segment as an exact id: decoded, or undefined when it is malformed. */
export function segment(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** How many elements match `selector` (a health probe: cheap, bounded). */
export function countOf(doc: Document, selector: string): number {
  return queryLimited(doc, selector).length;
}

/** Whether the row holds an svg whose path starts like one of `glyphs` (an icon known only by its shape). */
export function hasGlyph(row: Element, glyphs: readonly string[]): boolean {
  for (const path of queryLimited(row, 'svg path[d]', 20)) {
    const d = path.getAttribute('d') ?? '';
    if (glyphs.some((glyph) => d.startsWith(glyph))) return true;
  }
  return false;
}
