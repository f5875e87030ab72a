/**
 * Instagram direct (www.instagram.com/direct/inbox/), from the hooks platform-dom.md lists; class names are
 * hashed and never used, and no word of the interface is read (its labels follow the user's language).
 *
 * The page of 2026 (rows without links):
 * - the thread list is the one `[role="navigation"]` inside main; its rows are its top-level `[role="button"]`s
 *   with two lines of `dir="auto"` text, the name and the last message. The compose button and the notes strip
 *   (your note, friends' notes) are buttons of one line, and are no chats;
 * - rows carry no id: a chat is `title:<name>`. Its thread id shows in the URL (`/direct/t/<id>/`) once it is open
 *   (the open row is `aria-pressed`), and is kept, for this page's life, to reopen a chat whose row scrolled away;
 * - unread: the name and preview are set in bold (no count: an unread thread counts as 1); muted: the bell-off
 *   icon in the row's trailing slot, known by its shape (its label is localised);
 * - opened by clicking the row (there is no route to a chat until its id is known).
 * The page of 2025 (threads were links `a[href^="/direct/t/<id>"]` in the list labelled "Thread list"): the chat
 * id is the thread id; unread rows carry an "Unread" aria-label.
 *
 * Both: the total is the rail's Messages link badge, the page's own count of unread threads (the link points at
 * the inbox, or at a thread while something is unread: it is never a chat); without it, the title's "(N)".
 * Signed out: the `/accounts/login` page, or a login form with neither list nor rail. The composer is a
 * contenteditable `role="textbox"`. The list is virtualised: a read sees only the rows on screen.
 *
 * Not read, because the page offers no hook for them: `kind` (a group's row looks like any other), `lastActivity`
 * (rows show only a coarse age, "3h", "2w").
 */
import type { ChatSummary } from '../../common/model';
import { titleUnread } from '../../common/title';
import { cleanText, exactId, MAX_CHATS, paneFrom, parseCount, queryLimited, snapshotFromRows, userClick, waitFor } from './dom';
import { chatForNotice, COMPOSER, composer, countOf, hasGlyph, hrefPath, isBold, markedUnread, openThread, rowLines, segment } from './meta';
import type { Connector, PageFacts, RowReader } from './types';

/** The thread list: the one navigation inside main (2026), or the list labelled "Thread list" (2025). */
const LISTS = ['main [role="navigation"]', '[role="main"] [role="navigation"]', '[aria-label="Thread list"]'];
const LIST = LISTS.join(', ');
const LINK_ROW = 'a[href^="/direct/t/"]';
/** A button of the list, not one nested in another (an avatar's control inside a row). */
const BUTTON_ROW = '[role="button"]:not([role="button"] [role="button"])';
const ROW = LISTS.flatMap((list) => [`${list} ${LINK_ROW}`, `${list} ${BUTTON_ROW}`]).join(', ');
const PRESSED_ROW = '[role="button"][aria-pressed="true"]:not([role="button"] [role="button"])';
const THREAD_PATH = /^\/direct\/t\/([^/]+)/u;
const TITLE_ID = 'title:';
/** The opening of the bell-off glyph Instagram draws in a muted thread's row. */
const MUTED_GLYPHS = ['M15.209 18.294'];

function threadId(path: string | undefined): string | undefined {
  const match = path === undefined ? null : THREAD_PATH.exec(path);
  return exactId(segment(match?.[1]));
}

/** Thread ids learnt from the URL, by chat title, for each page's life. */
const learnt = new WeakMap<Document, Map<string, string>>();

function threadsOf(doc: Document): Map<string, string> {
  let threads = learnt.get(doc);
  if (!threads) {
    threads = new Map();
    learnt.set(doc, threads);
  }
  return threads;
}

function learn(doc: Document, title: string, thread: string): void {
  const threads = threadsOf(doc);
  if (threads.size < MAX_CHATS || threads.has(title)) threads.set(title, thread);
}

/** A 2025 row: a link to its thread. A link inside a 2026 row belongs to that row. */
function readLinkRow(link: Element): ChatSummary | undefined {
  if (link.closest('[role="button"]')) return undefined;
  const id = threadId(hrefPath(link.getAttribute('href')));
  if (id === undefined) return undefined;
  const [name, preview] = rowLines(link);
  if (!name) return undefined;
  const unread = isBold(name) || isBold(preview) || markedUnread(link, name.text);
  const chat: ChatSummary = { id, title: name.text, unread: unread ? 1 : 0 };
  if (preview) chat.preview = preview.text;
  return chat;
}

/** A 2026 row: a button with a name and a last message; one line (a note, the compose button) is no chat. */
function readButtonRow(row: Element): ChatSummary | undefined {
  const [name, preview] = rowLines(row);
  if (!name || !preview) return undefined;
  const id = exactId(`${TITLE_ID}${name.text}`);
  if (id === undefined) return undefined;
  const chat: ChatSummary = { id, title: name.text, preview: preview.text, unread: isBold(name) || isBold(preview) ? 1 : 0 };
  if (hasGlyph(row, MUTED_GLYPHS)) chat.muted = true;
  return chat;
}

function readRow(row: Element): ChatSummary | undefined {
  return row.matches(LINK_ROW) ? readLinkRow(row) : readButtonRow(row);
}

/** The elements of the thread list a row may be (the list's own buttons and thread links, nothing outside it). */
function candidates(doc: Document): Element[] {
  const list = doc.querySelector(LIST);
  return list ? queryLimited(list, `${LINK_ROW}, ${BUTTON_ROW}`, MAX_CHATS * 2) : [];
}

const rows: RowReader = { selector: ROW, collect: candidates, read: (row) => readRow(row) };

/** The rail's Messages link: the first link into /direct/ outside the thread list and the main pane. */
function navLink(doc: Document): Element | undefined {
  const links = doc.getElementsByTagName('a');
  for (let i = 0; i < links.length && i < MAX_CHATS * 2; i += 1) {
    const link = links[i];
    if (!link?.getAttribute('href')?.startsWith('/direct/')) continue;
    if (link.closest(`${LIST}, main, [role="main"]`)) continue;
    return link;
  }
  return undefined;
}

/** The link's badge: the innermost element whose text is a number (the link's own words are localised). */
function badgeCount(link: Element): number {
  for (const el of queryLimited(link, '*', 30)) {
    if (el.firstElementChild) continue;
    const text = cleanText(el.textContent);
    if (/^\p{Nd}/u.test(text)) return parseCount(text);
  }
  return 0;
}

/** The open chat: the pressed row (whose thread id the URL then gives), or the chat the URL's thread was learnt for. */
function activeChat(win: Window): string | undefined {
  const doc = win.document;
  const thread = threadId(win.location.pathname);
  const list = doc.querySelector(LIST);
  const pressed = list?.querySelector(PRESSED_ROW);
  const chat = pressed ? readButtonRow(pressed) : undefined;
  if (chat) {
    if (thread !== undefined) learn(doc, chat.title, thread);
    return chat.id;
  }
  if (thread === undefined) return undefined;
  // The 2025 page: chats are their threads.
  if (list?.querySelector(LINK_ROW)) return thread;
  for (const [title, known] of threadsOf(doc)) if (known === thread) return exactId(`${TITLE_ID}${title}`);
  return undefined;
}

function signedOut(win: Window): boolean {
  const doc = win.document;
  if (win.location.pathname.startsWith('/accounts/login')) return true;
  return !doc.querySelector(LIST) && navLink(doc) === undefined && doc.querySelector('input[name="password"]') !== null;
}

function page(win: Window): PageFacts {
  if (signedOut(win)) return { loggedIn: false };
  const facts: PageFacts = { loggedIn: true };
  const active = activeChat(win);
  if (active !== undefined) facts.activeChatId = active;
  const nav = navLink(win.document);
  const total = nav ? badgeCount(nav) : titleUnread(win.document.title);
  // The rail badge (or the title) is Instagram's own count of unread threads; rows on screen are only some.
  if (nav || total > 0) facts.unread = { direct: total, indirect: 0 };
  return facts;
}

/** A 2026 chat's row, if it is rendered, and the line to click (a press bubbles up through every wrapper). */
function rowNamed(doc: Document, title: string): Element | undefined {
  for (const row of candidates(doc)) {
    if (row.matches(LINK_ROW)) continue;
    const [name, preview] = rowLines(row);
    if (preview && name?.text === title) return name.holder;
  }
  return undefined;
}

async function openByTitle(win: Window, title: string): Promise<boolean> {
  const doc = win.document;
  const id = `${TITLE_ID}${title}`;
  const isOpen = (): boolean => threadId(win.location.pathname) !== undefined && composer(doc) !== undefined && activeChat(win) === id;
  if (isOpen()) return true;
  const target = rowNamed(doc, title);
  if (target) {
    userClick(target);
    return (await waitFor(win, () => (isOpen() ? true : undefined))) === true;
  }
  const thread = threadsOf(doc).get(title);
  return thread === undefined ? false : openThread(win, `/direct/t/${encodeURIComponent(thread)}/`, undefined, isOpen);
}

export const instagramConnector: Connector = {
  platform: 'instagram',
  rows,
  page,
  title: 'count',
  partialList: () => true,
  hooks: {
    list: (doc) => countOf(doc, LIST),
    rows: (doc) => candidates(doc).length,
    nav: (doc) => (navLink(doc) ? 1 : 0),
    composer: (doc) => countOf(doc, COMPOSER),
  },
  // The list's pane: the thread list itself, which holds the account's header, the notes and the threads.
  listPane: (doc) => paneFrom(doc, LIST, (list) => list),
  read: (win) => Promise.resolve(snapshotFromRows(win.document, page(win), rows)),
  watch: (win) => ({ targets: [win.document.body], attributes: ['aria-label', 'href', 'aria-hidden', 'aria-pressed', 'class', 'role', 'd'] }),
  async openChat(win, chatId) {
    if (chatId.startsWith(TITLE_ID)) return openByTitle(win, chatId.slice(TITLE_ID.length));
    const link = candidates(win.document).find((row) => row.matches(LINK_ROW) && threadId(hrefPath(row.getAttribute('href'))) === chatId);
    if (!link) return false;
    const route = `/direct/t/${encodeURIComponent(chatId)}/`;
    return openThread(win, route, link, () => threadId(win.location.pathname) === chatId && composer(win.document) !== undefined);
  },
  composer(win) {
    return waitFor(win, () => composer(win.document));
  },
  chatForNotice: (win, notice) => chatForNotice(win, rows, notice),
};
