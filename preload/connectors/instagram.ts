/**
 * Instagram direct (www.instagram.com/direct/inbox/), from the hooks platform-dom.md lists; class names are
 * hashed and never used:
 * - threads are links `a[href^="/direct/t/<threadId>"]` whose first two lines of text are the name and the last
 *   message; the chat id is the thread id;
 * - an unread thread carries an "Unread" aria-label; no count is shown, so an unread thread counts as 1;
 * - the nav link `a[href^="/direct/inbox"]` shows the total in its badge: the page's own, authoritative total
 *   (PageFacts.unread); no number there means nothing unread;
 * - signed out: the `/accounts/login` page, or a login form (a password field) with neither threads nor nav;
 * - a thread opens at `/direct/t/<threadId>/`; the composer is `div[role="textbox"][contenteditable="true"]`.
 *
 * Not read, because the page offers no hook for them: `muted` (no documented mute marker), `kind` (a group DM's
 * row looks like any other: a name, or a list of names, and a preview), `lastActivity` (rows show only a coarse
 * age, "3h", "2w").
 */
import type { ChatSummary } from '../../common/model';
import { exactId, parseCount, queryLimited, snapshotFromRows, typeInto, waitFor } from './dom';
import { chatByTitle, composer, hrefPath, markedUnread, openThread, segment, textLines } from './meta';
import type { Connector, PageFacts, RowReader } from './types';

const ROW = 'a[href^="/direct/t/"]';
const INBOX_LINK = 'a[href^="/direct/inbox"]';
const THREAD_PATH = /^\/direct\/t\/([^/]+)/u;

function threadId(path: string | undefined): string | undefined {
  const match = path === undefined ? null : THREAD_PATH.exec(path);
  return exactId(segment(match?.[1]));
}

function readRow(row: Element): ChatSummary | undefined {
  const id = threadId(hrefPath(row.getAttribute('href')));
  if (id === undefined) return undefined;
  const [title = '', preview] = textLines(row);
  const chat: ChatSummary = { id, title, unread: markedUnread(row, title) ? 1 : 0 };
  if (preview !== undefined) chat.preview = preview;
  return chat;
}

const rows: RowReader = {
  selector: ROW,
  // Every link, from the browser's cached live collection (an attribute-prefix query scans the whole page); the
  // ones that are not threads read as undefined.
  collect: (doc) => doc.getElementsByTagName('a'),
  read: (row) => readRow(row),
};

function signedOut(win: Window): boolean {
  const doc = win.document;
  if (win.location.pathname.startsWith('/accounts/login')) return true;
  // The nav link and the threads come early in a signed-in page; only a page without them is searched further.
  return !doc.querySelector(INBOX_LINK) && !doc.querySelector(ROW) && doc.querySelector('input[name="password"]') !== null;
}

function page(win: Window): PageFacts {
  if (signedOut(win)) return { loggedIn: false };
  const facts: PageFacts = { loggedIn: true };
  const active = threadId(win.location.pathname);
  if (active !== undefined) facts.activeChatId = active;
  const nav = win.document.querySelector(INBOX_LINK);
  // The nav badge is Instagram's own count of unread threads.
  if (nav) facts.unread = { direct: parseCount(nav.textContent), indirect: 0 };
  return facts;
}

export const instagramConnector: Connector = {
  platform: 'instagram',
  rows,
  page,
  read: (win) => Promise.resolve(snapshotFromRows(win.document, page(win), rows)),
  watch: (win) => ({ targets: [win.document.body], attributes: ['aria-label', 'href', 'aria-hidden'] }),
  async openChat(win, chatId) {
    const link = queryLimited(win.document, ROW).find((row) => threadId(hrefPath(row.getAttribute('href'))) === chatId);
    if (!link) return false;
    const route = `/direct/t/${encodeURIComponent(chatId)}/`;
    return openThread(win, route, link, () => threadId(win.location.pathname) === chatId && composer(win.document) !== undefined);
  },
  async insertText(win, value) {
    const field = await waitFor(win, () => composer(win.document));
    return field ? typeInto(field, value) : false;
  },
  chatForNotice: (win, notice) => chatByTitle(win, rows, notice.title),
};
