/**
 * What Meta's two web clients, Messenger and Instagram direct, have in common (platform-dom.md): hashed class
 * names that must never be used, so rows are read from `href` routes, aria-labels and their text alone; unread
 * threads marked by an aria-label that mentions "unread" (one per thread, no count); a contenteditable
 * `role="textbox"` composer; SPA routes; and notifications whose title or body may be a rich object (the shim
 * passes it on as JSON).
 */
import type { ChatSummary } from '../../common/model';
import { cleanText, queryLimited, userClick, waitFor } from './dom';
import { globalsOf, type RowReader } from './types';

export const COMPOSER = '[role="textbox"][contenteditable="true"]';

/** NodeFilter.SHOW_TEXT, as a number: the isolated world's globals are reached through the page's window. */
const SHOW_TEXT = 0x4;
/** A row's name, preview and time are its first lines; nothing further is read. */
const MAX_LINES = 4;

/**
 * The text a row shows, one entry per element holding text, in reading order; text hidden from assistive
 * technology (`aria-hidden`, such as the " · " between preview and time) is left out. On both clients the first
 * line is the thread's name and the second its last message.
 */
export function textLines(root: Element): string[] {
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
  const lines: string[] = [];
  let holder: Element | undefined;
  let current = '';
  const push = (): void => {
    const line = cleanText(current);
    if (line !== '') lines.push(line);
    current = '';
  };
  for (let node = walker.nextNode(); node && lines.length < MAX_LINES; node = walker.nextNode()) {
    const parent = node.parentElement;
    const hidden = parent?.closest('[aria-hidden="true"]');
    if (!parent || (hidden && root.contains(hidden))) continue;
    if (parent !== holder) {
      push();
      holder = parent;
    }
    current += node.nodeValue ?? '';
  }
  if (lines.length < MAX_LINES) push();
  return lines;
}

/** "Unread", "Unread message", "3 unread chats", and Arabic "غير مقروءة". */
const UNREAD = /\bunread\b|غير مقروء/iu;

/**
 * Whether a thread row is marked unread: the row or an element in it carries an aria-label that mentions it. The
 * thread's own name is taken out of each label first, so "More options for Unread Books" marks nothing.
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
 * The chat a notification is about, by its title: Meta's notifications carry no documented chat tag, so the one
 * row whose name is the (flattened) title. Undefined when none or several rows have that name: never a guess.
 */
export function chatByTitle(win: Window, rows: RowReader, rawTitle: string): string | undefined {
  // The shim already flattened rich titles to their text (see notification-shim.ts).
  const candidates = [cleanText(rawTitle)].filter((t) => t !== '');
  const now = Date.now();
  const chats: ChatSummary[] = [];
  for (const row of queryLimited(win.document, rows.selector)) {
    const chat = rows.read(row, now);
    if (chat) chats.push(chat);
  }
  for (const title of candidates) {
    const ids = new Set(chats.filter((chat) => chat.title === title).map((chat) => chat.id));
    if (ids.size === 1) return [...ids][0];
    if (ids.size > 1) return undefined;
  }
  return undefined;
}

const shown = (el: Element): boolean => el.getClientRects().length > 0;

/** The composer of the open conversation: a shown textbox, the one in the main pane first. */
export function composer(doc: Document): Element | undefined {
  const inMain = queryLimited(doc, `[role="main"] ${COMPOSER}`, 10).find(shown);
  return inMain ?? queryLimited(doc, COMPOSER, 10).find(shown);
}

/**
 * Opens a thread the way the site's own router would: pushes its route and announces it with a popstate, as the
 * SPA reacts to; when the page does not follow within a moment, clicks the row's link as a user would. True only
 * once `isOpen` holds (the URL is the thread's and a composer is shown).
 */
export async function openThread(win: Window, route: string, link: Element, isOpen: () => boolean): Promise<boolean> {
  const opened = (): true | undefined => (isOpen() ? true : undefined);
  if (opened()) return true;
  win.history.pushState(null, '', route);
  win.dispatchEvent(new (globalsOf(win).PopStateEvent)('popstate', { state: null }));
  if (await waitFor(win, opened, 1_500)) return true;
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
