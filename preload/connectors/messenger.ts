/**
 * Messenger, on www.messenger.com and on www.facebook.com/messages (Meta moves people between the two), from
 * the hooks platform-dom.md lists; class names are hashed and never used:
 * - thread rows `[data-testid="mwthreadlist-item"]`, each holding a link to its thread: `/t/<id>` on
 *   messenger.com, `/messages/t/<id>` or (end-to-end encrypted) `/messages/e2ee/t/<id>` on facebook.com;
 * - the name and the last message are the link's first two lines of text;
 * - an unread row carries an aria-label that mentions "unread". The row shows no count, so an unread thread
 *   counts as 1;
 * - the left-nav "Chats" link (a thread link outside the list) carries the total in its aria-label: when it is
 *   there it is the page's own, authoritative total (PageFacts.unread), otherwise the rows are summed;
 * - signed out: the login form (`form#login_form`, `input[name="email"]`) or a `/login` page.
 *
 * Chat ids: the thread id, the same on both hosts, so a chat keeps its id when Meta moves the account; encrypted
 * threads are `e2ee:<id>`, since an encrypted and a plain thread can have the same number. (messenger.com's
 * `/e2ee/t/<id>` is read the same way.)
 *
 * Not read, because the page offers no hook for them: `muted` (no documented mute marker), `kind` (group and
 * one-to-one threads share the same route and row), `lastActivity` (rows show only a coarse age, "3h", "2w").
 */
import type { ChatSummary } from '../../common/model';
import { exactId, MAX_CHATS, parseCount, queryLimited, snapshotFromRows, typeInto, waitFor } from './dom';
import { chatByTitle, composer, hrefPath, markedUnread, openThread, segment, textLines } from './meta';
import type { Connector, PageFacts, RowReader } from './types';

const ROW = '[data-testid="mwthreadlist-item"]';
const THREAD_LINK = 'a[href*="/t/"]';
const SIGN_IN = 'form#login_form, input[name="email"]';
/** `/t/<id>`, `/e2ee/t/<id>`, `/messages/t/<id>`, `/messages/e2ee/t/<id>`, with anything after the id. */
const THREAD_PATH = /^(?:\/messages)?(\/e2ee)?\/t\/([^/]+)/u;
const E2EE_PREFIX = 'e2ee:';

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
  const [title = '', preview] = textLines(thread.link);
  const chat: ChatSummary = { id: thread.id, title, unread: markedUnread(row, title) ? 1 : 0 };
  if (preview !== undefined) chat.preview = preview;
  return chat;
}

const rows: RowReader = { selector: ROW, read: (row) => readRow(row) };

/**
 * The total in the left-nav link's aria-label ("Chats, 3 unread"; no number: nothing unread), if it is shown: the
 * first labelled thread link outside the thread list. Links are walked from the browser's cached live collection
 * (the nav comes first, so the walk is short); an attribute query would scan the whole page on every read.
 */
function navTotal(doc: Document): number | undefined {
  const links = doc.getElementsByTagName('a');
  for (let i = 0; i < links.length && i < MAX_CHATS * 2; i += 1) {
    const link = links[i];
    if (link?.hasAttribute('aria-label') && !link.closest(ROW) && threadId(hrefPath(link.getAttribute('href'))) !== undefined) {
      return parseCount(link.getAttribute('aria-label'));
    }
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
  read: (win) => Promise.resolve(snapshotFromRows(win.document, page(win), rows)),
  watch: (win) => ({ targets: [win.document.body], attributes: ['aria-label', 'href', 'data-testid', 'aria-hidden'] }),
  async openChat(win, chatId) {
    const thread = findThread(win, chatId);
    const route = thread && hrefPath(thread.link.getAttribute('href'));
    if (!thread || route === undefined) return false;
    // The row's own link is the thread's route on this host (messenger.com or facebook.com).
    return openThread(win, route, thread.link, () => threadId(win.location.pathname) === chatId && composer(win.document) !== undefined);
  },
  async insertText(win, value) {
    const field = await waitFor(win, () => composer(win.document));
    return field ? typeInto(field, value) : false;
  },
  chatForNotice: (win, notice) => chatByTitle(win, rows, notice.title),
};
