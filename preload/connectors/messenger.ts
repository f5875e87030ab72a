/**
 * Messenger, on www.facebook.com/messages first (messenger.com redirects there since 16 Apr 2026) and on
 * www.messenger.com, from the hooks platform-dom.md lists; class names are hashed and never used, and no word of
 * the interface is read (its labels follow the user's language):
 * - the chat list is the `[role="grid"]` inside a `[role="navigation"]`; its rows are `[role="row"]` or
 *   `[role="listitem"]`, each holding a link to its thread: `/t/<id>` on messenger.com, `/messages/t/<id>` or (end-
 *   to-end encrypted) `/messages/e2ee/t/<id>` on facebook.com. The 2025 pages' `[data-testid="mwthreadlist-item"]`
 *   rows are read too. Rows elsewhere (the messages of the open thread) are no chats;
 * - the name and the last message are the link's first two lines of `dir="auto"` text, emoji read from their
 *   images; the visually hidden "Unread message:" label has no `dir` and is no line;
 * - unread: the name or preview set in bold, or the "Mark as read" control the row shows while it is unread (a
 *   button inside the thread's link); the 2025 pages' "Unread" aria-label too. No count: an unread thread is 1;
 * - muted: the bell-with-a-slash icon, known by its shape (it has no label);
 * - on messenger.com, the left-nav link outside the chat list carries the page's own total in its aria-label;
 *   elsewhere the rows are summed (a virtualised list: only the rows on screen). The page title is never read:
 *   on facebook.com it counts Facebook's notifications too;
 * - signed out: the login form (`form#login_form`, `input[name="email"]`) or a `/login` page.
 *
 * Chat ids: the thread id, the same on both hosts, so a chat keeps its id when Meta moves the account; encrypted
 * threads are `e2ee:<id>`, since an encrypted and a plain thread can have the same number.
 *
 * Notifications: the page raises Facebook's own activity (likes, comments, group posts) through the same
 * `Notification`, titled "Facebook" or with a person's or group's name. A notification is a chat's only when its
 * title names one listed chat and its text is that chat's last message (see meta.ts): activity never is.
 *
 * Not read, because the page offers no hook for them: `kind` (group and one-to-one threads share the same route
 * and row; the link's label says which, in the user's language), `lastActivity` (rows show only a coarse age).
 */
import type { ChatSummary } from '../../common/model';
import { exactId, MAX_CHATS, paneFrom, parseCount, queryLimited, snapshotFromRows, waitFor } from './dom';
import { chatForNotice, COMPOSER, composer, countOf, hasGlyph, hrefPath, isBold, markedUnread, openThread, rowLines, segment } from './meta';
import type { Connector, PageFacts, RowReader } from './types';

const LEGACY_ROW = '[data-testid="mwthreadlist-item"]';
const LIST = '[role="navigation"] [role="grid"]';
const ROW = `${LEGACY_ROW}, ${LIST} [role="row"], ${LIST} [role="listitem"]`;
const THREAD_LINK = 'a[href*="/t/"]';
const SIGN_IN = 'form#login_form, input[name="email"]';
/** `/t/<id>`, `/e2ee/t/<id>`, `/messages/t/<id>`, `/messages/e2ee/t/<id>`, with anything after the id. */
const THREAD_PATH = /^(?:\/messages)?(\/e2ee)?\/t\/([^/]+)/u;
const E2EE_PREFIX = 'e2ee:';
/**
 * Openings of the bell-with-a-slash paths Facebook has drawn for a muted thread (it shares its slot, size and grey
 * with the pin and pause icons): the 2026 sidebar's, and the earlier ones.
 */
const MUTED_GLYPHS = ['m459.33 1076.878', 'M29.676 7.746', 'M9.244 24.99', 'M2.5 6c0-.322'];

/** The chat id a thread path names, or undefined when the path is no thread. */
function threadId(path: string | undefined): string | undefined {
  const match = path === undefined ? null : THREAD_PATH.exec(path);
  const id = segment(match?.[2]);
  if (id === undefined) return undefined;
  return exactId(match?.[1] ? `${E2EE_PREFIX}${id}` : id);
}

/** A row's thread link and the chat id it names. */
function threadOf(row: Element): { link: Element; id: string } | undefined {
  for (const link of queryLimited(row, THREAD_LINK, 4)) {
    const id = threadId(hrefPath(link.getAttribute('href')));
    if (id !== undefined) return { link, id };
  }
  return undefined;
}

function readRow(row: Element): ChatSummary | undefined {
  const thread = threadOf(row);
  if (!thread) return undefined;
  const [name, preview] = rowLines(thread.link);
  if (!name) return undefined;
  const unread = isBold(name) || isBold(preview) || thread.link.querySelector('[role="button"]') !== null || markedUnread(row, name.text);
  const chat: ChatSummary = { id: thread.id, title: name.text, unread: unread ? 1 : 0 };
  if (preview) chat.preview = preview.text;
  if (hasGlyph(row, MUTED_GLYPHS)) chat.muted = true;
  return chat;
}

const rows: RowReader = { selector: ROW, read: (row) => readRow(row) };

/**
 * messenger.com's total: the aria-label of a thread link in a navigation that holds no chat list ("Chats, 3
 * unread"; no number: nothing unread). Links are walked from the browser's cached live collection (the nav comes
 * first, so the walk is short); an attribute query would scan the whole page on every read.
 */
function navTotal(doc: Document): number | undefined {
  const links = doc.getElementsByTagName('a');
  for (let i = 0; i < links.length && i < MAX_CHATS * 2; i += 1) {
    const link = links[i];
    if (!link?.hasAttribute('aria-label') || link.closest(`${ROW}, [role="main"]`)) continue;
    const nav = link.closest('[role="navigation"]');
    if (!nav || nav.querySelector('[role="grid"]')) continue;
    if (threadId(hrefPath(link.getAttribute('href'))) !== undefined) return parseCount(link.getAttribute('aria-label'));
  }
  return undefined;
}

function signedOut(win: Window): boolean {
  const doc = win.document;
  if (doc.querySelector(ROW)) return false;
  return doc.querySelector(SIGN_IN) !== null || /^\/login(?:\/|$)/u.test(win.location.pathname);
}

function page(win: Window): PageFacts {
  if (signedOut(win)) return { loggedIn: false };
  const facts: PageFacts = { loggedIn: true };
  const active = threadId(win.location.pathname);
  if (active !== undefined) facts.activeChatId = active;
  const total = navTotal(win.document);
  // The page's own total: the nav link counts unread threads the way Messenger itself does.
  if (total !== undefined) facts.unread = { direct: total, indirect: 0 };
  return facts;
}

function findThread(win: Window, chatId: string): { link: Element; id: string } | undefined {
  for (const row of queryLimited(win.document, ROW)) {
    const thread = threadOf(row);
    if (thread?.id === chatId) return thread;
  }
  return undefined;
}

export const messengerConnector: Connector = {
  platform: 'messenger',
  rows,
  page,
  // facebook.com's title counts Facebook's notifications too; messenger.com's (closing) counts chats.
  title: (win) => (win.location.hostname.endsWith('messenger.com') ? 'count' : 'ignore'),
  partialList: () => true,
  hooks: {
    list: (doc) => countOf(doc, LIST),
    rows: (doc) => countOf(doc, ROW),
    links: (doc) => countOf(doc, `${LEGACY_ROW} ${THREAD_LINK}, ${LIST} [role="row"] ${THREAD_LINK}, ${LIST} [role="listitem"] ${THREAD_LINK}`),
    composer: (doc) => countOf(doc, COMPOSER),
  },
  // The list's pane: the navigation holding the chat list, with its heading and search box.
  listPane: (doc) => paneFrom(doc, LIST, (list) => list.parentElement?.closest('[role="navigation"]') ?? null),
  read: (win) => Promise.resolve(snapshotFromRows(win.document, page(win), rows)),
  watch: (win) => ({ targets: [win.document.body], attributes: ['aria-label', 'href', 'data-testid', 'aria-hidden', 'class', 'role', 'd'] }),
  async openChat(win, chatId) {
    const thread = findThread(win, chatId);
    const route = thread && hrefPath(thread.link.getAttribute('href'));
    if (!thread || route === undefined) return false;
    // The row's own link is the thread's route on this host (messenger.com or facebook.com).
    return openThread(win, route, thread.link, () => threadId(win.location.pathname) === chatId && composer(win.document) !== undefined);
  },
  composer(win) {
    return waitFor(win, () => composer(win.document));
  },
  chatForNotice: (win, notice) => chatForNotice(win, rows, notice),
};
