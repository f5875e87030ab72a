/**
 * Google Messages for web (messages.google.com/web), an Angular app, from its test attributes:
 * - rows `mws-conversation-list-item` holding the link `a[data-e2e-conversation][href="/web/conversations/<id>"]`
 *   (`aria-selected="true"` on the open one), the name `[data-e2e-conversation-name]`, the snippet
 *   `[data-e2e-conversation-snippet]` (or the bare `mws-conversation-snippet`), the time `mws-relative-timestamp`
 *   ("9:30 AM", "Yesterday", "Mon", "Nov 18");
 * - the list is virtualised (about 25 rows rendered): a read is partial;
 * - rows of the Archived list are not inbox chats: those of its modal (`mat-dialog-container`), and those the list
 *   shows while the Archived view is picked (`[data-e2e-archived-button][aria-selected="true"]`);
 * - `[data-e2e-is-unread="true"]` marks an unread conversation: the list counts conversations, not messages, so an
 *   unread conversation counts 1;
 * - contacts the user never saved show as their number: such a name becomes `phone` when it is unambiguous (it
 *   starts with + or 00); a local number stays without `phone` (the inbox normalizes it with a default region);
 *   a row without a name is not reported;
 * - no mute and no group marker of the list is known (live checks found no mute state on rows), so `muted` and
 *   `kind` are left out rather than guessed;
 * - signed out: the pairing page `/web/authentication` (or `/web/welcome`) with `mw-qr-code`, and since QR pairing
 *   ended (31 Oct 2025) the Google sign-in on accounts.google.com, which Google often refuses in embedded browsers:
 *   its "Couldn't sign you in" page is `/v3/signin/rejected` (formerly `/signin/v2/deniedsigninrejected`), worded
 *   in the user's language, so the address alone says so (`refusal`: 'browser-not-secure');
 * - no public source says what the page title's figure counts: it is read as a flag.
 * Chats open by SPA route (`/web/conversations/<id>`, which the app's router follows on popstate); the composer is
 * `textarea[data-e2e-message-input-box]`; page notifications carry the conversation's name as their title.
 */
import type { ChatSummary, HookName } from '../../common/model';
import { attr, exactId, paneFrom, snapshotFromRows, text, waitFor } from './dom';
import { shownText } from './names';
import { parseListTime } from './time';
import { globalsOf, type Connector, type HookProbe, type PageFacts, type Refusal, type RowReader } from './types';

const ROW = 'mws-conversation-list-item';
/** The list's pane, for compact view (OrangeDrangon/android-messages-desktop src/preload/observers.ts, 2026-07-12). */
const LIST_PANE = 'mws-conversations-list';
const ROUTE = '/web/conversations/';
const LINK = `a[data-e2e-conversation][href^="${ROUTE}"]`;
const COMPOSER = 'textarea[data-e2e-message-input-box]';
const HEADER_TITLE = '[data-e2e-header-title]';
const SIGNED_OUT_PATH = /^\/web\/(?:authentication|welcome)(?:[/?#]|$)/u;
const NAME = '[data-e2e-conversation-name]';
const SNIPPET = '[data-e2e-conversation-snippet], mws-conversation-snippet';
/** Lists over the inbox whose rows are not inbox chats: the Archived modal (and any dialog). */
const DIALOG = 'mat-dialog-container, [role="dialog"]';
/** The Archived view of narrow layouts, picked in the bottom navigation: the list then shows archived chats. */
const ARCHIVED_VIEW = '[data-e2e-archived-button][aria-selected="true"]';
/** Google's "Couldn't sign you in" page, whatever its language: v3 and the older v2 address. */
const REFUSED_PATH = /^\/(?:v\d+\/)?signin\/(?:v\d+\/)?(?:rejected|deniedsigninrejected)\/?$/u;

/** The conversation id in a `/web/conversations/<id>` path ("new" is the start-a-chat page, not a chat). */
function conversationId(path: string | undefined): string | undefined {
  if (path === undefined || !path.startsWith(ROUTE)) return undefined;
  const raw = path.slice(ROUTE.length).split(/[/?#]/u)[0] ?? '';
  let id: string;
  try {
    id = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  return id === 'new' ? undefined : exactId(id);
}

/** Western digits for the Arabic-Indic and Persian ones a number may be shown in. */
function westernDigits(raw: string): string {
  return raw.replace(/[\u0660-\u0669\u06f0-\u06f9]/gu, (d) => String((d.codePointAt(0) ?? 0) & 0xf));
}

/**
 * The E.164 number a conversation name shows when it is an international number ("+966 50 100 0000",
 * "00966 501000000"); undefined for names and for local numbers, whose country the page does not say.
 */
export function internationalNumber(name: string): string | undefined {
  const shown = westernDigits(name).replace(/^\uff0b/u, '+').trim();
  if (!/^(?:\+|00)[\d\s().\-\u2010-\u2015]+$/u.test(shown)) return undefined;
  const digits = shown.replace(/\D/gu, '');
  const national = shown.startsWith('+') ? digits : digits.slice(2);
  return /^[1-9]\d{6,14}$/u.test(national) ? `+${national}` : undefined;
}

/** A row of the inbox: not one of a dialog over it, nor of the Archived view. */
const inInbox = (row: Element): boolean => row.closest(DIALOG) === null && row.ownerDocument.querySelector(ARCHIVED_VIEW) === null;

function readRow(row: Element, now: number): ChatSummary | undefined {
  if (!inInbox(row)) return undefined;
  const link = row.querySelector(LINK);
  const id = conversationId(attr(link, 'href'));
  if (id === undefined) return undefined;
  const title = shownText(row.querySelector(NAME));
  if (title === '') return undefined;
  const chat: ChatSummary = {
    id,
    title,
    preview: text(row.querySelector(SNIPPET)),
    unread: row.querySelector('[data-e2e-is-unread="true"]') ? 1 : 0,
  };
  const phone = internationalNumber(title);
  if (phone !== undefined) chat.phone = phone;
  const time = parseListTime(text(row.querySelector('mws-relative-timestamp')), now);
  if (time !== undefined) chat.lastActivity = time;
  return chat;
}

const rows: RowReader = {
  selector: ROW,
  // A live collection by tag name: the browser keeps it, so each read costs no walk of the page.
  collect: (doc) => doc.getElementsByTagName(ROW),
  read: readRow,
};

const hasRows = (doc: Document): boolean => doc.getElementsByTagName(ROW).length > 0;

function signedOut(win: Window): boolean {
  // Pairing starts with a Google sign-in: its pages are the signed-out state too.
  if (win.location.hostname === 'accounts.google.com') return true;
  const doc = win.document;
  if (hasRows(doc)) return false;
  return SIGNED_OUT_PATH.test(win.location.pathname) || doc.getElementsByTagName('mw-qr-code').length > 0;
}

/** Google refused the sign-in that pairing needs ("This browser or app may not be secure"). */
function refusal(win: Window): Refusal | undefined {
  const { hostname, pathname } = win.location;
  return hostname === 'accounts.google.com' && REFUSED_PATH.test(pathname) ? 'browser-not-secure' : undefined;
}

function page(win: Window): PageFacts {
  if (signedOut(win)) return { loggedIn: false };
  const facts: PageFacts = { loggedIn: true };
  const open = conversationId(win.location.pathname);
  if (open !== undefined) facts.activeChatId = open;
  return facts;
}

function linkOf(win: Window, chatId: string): Element | null {
  const href = `${ROUTE}${encodeURIComponent(chatId)}`;
  return win.document.querySelector(`${ROW} a[data-e2e-conversation][href="${globalsOf(win).CSS.escape(href)}"]`);
}

/** The chat shows: its route is the page's, and its row is the selected one (or the header names it). */
function isOpen(win: Window, chatId: string): boolean {
  if (conversationId(win.location.pathname) !== chatId) return false;
  const link = linkOf(win, chatId);
  if (!link) return false;
  if (attr(link, 'aria-selected') === 'true') return true;
  const name = shownText(link.querySelector(NAME));
  return name !== '' && text(win.document.querySelector(HEADER_TITLE)) === name;
}

const visible = (el: Element | null): Element | undefined => (el && el.getClientRects().length > 0 ? el : undefined);

/** The inbox's rows now. */
const inboxRows = (doc: Document): Element[] => [...doc.getElementsByTagName(ROW)].filter(inInbox);

/** The page's hooks this connector reads, counted for its health report. */
const hooks: Partial<Record<HookName, HookProbe>> = {
  rows: (doc) => inboxRows(doc).length,
  links: (doc) => inboxRows(doc).filter((row) => row.querySelector(LINK) !== null).length,
  names: (doc) => inboxRows(doc).filter((row) => row.querySelector(NAME) !== null).length,
  // Every row carries the attribute ("true" or "false"): none at all means the unread hook is gone.
  unreadMarks: (doc) => inboxRows(doc).filter((row) => row.querySelector('[data-e2e-is-unread]') !== null).length,
  times: (doc) => inboxRows(doc).filter((row) => row.getElementsByTagName('mws-relative-timestamp').length > 0).length,
  composer: (doc) => doc.querySelectorAll(COMPOSER).length,
};

export const googleMessagesConnector: Connector = {
  platform: 'google-messages',
  rows,
  page,
  read: (win) => Promise.resolve(snapshotFromRows(win.document, page(win), rows)),
  refusal,
  title: 'flag',
  // About 25 rows are rendered; the rest of the list is not in the page.
  partialList: () => true,
  hooks,
  listPane: (doc) => paneFrom(doc, LIST_PANE, (list) => list),
  watch: (win) => ({ targets: [win.document.querySelector('body') ?? win.document.documentElement], attributes: ['href', 'data-e2e-is-unread', 'aria-selected'] }),
  async openChat(win, chatId) {
    if (!linkOf(win, chatId)) return false;
    if (!isOpen(win, chatId)) {
      win.history.pushState(win.history.state, '', `${ROUTE}${encodeURIComponent(chatId)}`);
      win.dispatchEvent(new (globalsOf(win).PopStateEvent)('popstate', { state: win.history.state as unknown }));
    }
    return (await waitFor(win, () => isOpen(win, chatId) || undefined, 1_500)) === true;
  },
  composer(win) {
    return waitFor(win, () => visible(win.document.querySelector(COMPOSER)));
  },
  chatForNotice(win, notice) {
    // Notifications are titled with the conversation's name: the one row of that name, if there is exactly one.
    let found: string | undefined;
    for (const row of inboxRows(win.document)) {
      if (shownText(row.querySelector(NAME)) !== notice.title) continue;
      if (found !== undefined) return undefined;
      found = conversationId(attr(row.querySelector(LINK), 'href'));
    }
    return found;
  },
};
