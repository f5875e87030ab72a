/**
 * Telegram Web, both clients (web.telegram.org/k/ and /a/), from their open-source code (platform-dom.md):
 * - K (tweb): rows `.chatlist-chat[data-peer-id]` inside #chatlist-container (the same markup fills the search
 *   pane, an open group's member list and a forum's topics: those are not chats of the list). The row's own name is
 *   the `.peer-title` of its title row (a group's preview opens with the sender's `.peer-title`, which comes first in
 *   the DOM). The subtitle row holds the preview (`.row-subtitle`) and several badges (pinned, unread, mention,
 *   reaction): the count is `.dialog-subtitle-badge-unread` ("7.5K", '@' for one mention, ' ' when marked unread);
 *   a badge leaving (`backwards`) no longer counts. Muted rows `.is-muted`.
 * - A (telegram-tt): rows `.chat-list .ListItem.Chat` (`.private` or `.group`; topic rows have neither) with a link
 *   `href="#<chatId>"`. The badge's classes are CSS-module hashes in production builds: the count is found by place
 *   (the subtitle's badge area, beside the preview) and content (the badge holding a counter, or nothing when marked
 *   unread; the others hold a global `icon-*`). Muted: the global `icon-muted` beside the name. The previous
 *   generation's readable `.ChatBadge.unread` is still read.
 * The list's pane (for compact view): K's left column `#column-left` (tweb src/index.hbs: `#main-columns` holds
 * `#column-left`, `#column-center`, `#column-right`), A's `#LeftColumn` (telegram-tt src/components/left/LeftColumn.tsx
 * and main/Main.scss, beside `#MiddleColumn`).
 * Both open chats by hash route. Telegram A notifies from its service worker, so its notifications are derived
 * from rising unread counts; tweb tags its page notifications with its peer string ('u<id>_<hash>', 'g<id>',
 * 's<id>_<hash>', 'c<id>_<hash>').
 */
import type { ChatSummary, HookName } from '../../common/model';
import { attr, cleanText, exactId, MAX_CHATS, paneFrom, parseCount, snapshotFromRows, waitFor } from './dom';
import { shownText } from './names';
import { parseListTime } from './time';
import { globalsOf, type Connector, type HookProbe, type PageFacts, type RowReader } from './types';

const K_ROW = '.chatlist-chat[data-peer-id]';
const A_ROW = '.ListItem.Chat';
/** K's chat list (its folders); the search pane, the forum tabs and the right column are outside it. */
const K_LIST = '#chatlist-container';
/** The left column of K and of A: the list with its header, search box and folders. */
const LEFT_COLUMN = '#column-left, #LeftColumn';
/** Under K's list: the contacts it offers when there are few chats. */
const K_CONTACTS = '.chatlist-bottom';
const COMPOSER = '.input-message-input[contenteditable="true"], #editable-message-text';
/** The sign-in screens of K (#auth-pages: QR, phone, code) and A (#auth-qr-form, #auth-phone-number-form…). */
const SIGN_IN_IDS = ['auth-pages', 'auth-qr-form', 'auth-phone-number-form', 'auth-code-form', 'auth-password-form'];
const PEER_ID = /^-?\d+$/u;
const A_HREF = /^#(-?\d+)$/u;

// ---------------------------------------------------------------------------------------------------- K (tweb)

/** The peer id of a row of K's chat list; undefined for a row elsewhere (search, members, topics, contacts). */
function kRowId(row: Element): string | undefined {
  const id = exactId(attr(row, 'data-peer-id'));
  if (id === undefined || !PEER_ID.test(id)) return undefined;
  // Topic rows carry their thread, found messages the message: neither is a chat of the list.
  if (row.hasAttribute('data-thread-id') || row.hasAttribute('data-mid')) return undefined;
  if (!row.closest(K_LIST) || row.closest(K_CONTACTS)) return undefined;
  return id;
}

/** The previews of K's generations: `.row-subtitle` today, `.user-last-message` or `.dialog-subtitle` before. */
const K_PREVIEWS = ['.row-subtitle:not(.row-subtitle-right)', '.user-last-message', '.dialog-subtitle'];
const K_PREVIEW = K_PREVIEWS.join(', ');
/** The title row's name; rows of the oldest generation hold a bare `.peer-title`. */
const K_TITLE = '.user-title .peer-title, .row-title .peer-title, .dialog-title .peer-title';

function kTitleElement(row: Element): Element | null {
  const own = row.querySelector(K_TITLE);
  if (own) return own;
  for (const title of row.querySelectorAll('.peer-title')) if (!title.closest(K_PREVIEW)) return title;
  return null;
}

/**
 * The unread badge: `.dialog-subtitle-badge-unread`; in the previous generation the one `.dialog-subtitle-badge`
 * that held the count or the pin (not the avatar's copy, not a typed badge: pinned, mention, reaction…).
 */
function kUnreadBadge(row: Element): Element | null {
  const badge = row.querySelector('.dialog-subtitle-badge-unread');
  if (badge) return badge;
  for (const candidate of row.querySelectorAll('.dialog-subtitle-badge')) {
    if (candidate.classList.contains('avatar-badge')) continue;
    if ([...candidate.classList].some((name) => name.startsWith('dialog-subtitle-badge-'))) continue;
    return candidate;
  }
  return null;
}

/** The preview's text, newest generation first; badges sharing its row (or, before, its element) left out. */
function kPreview(row: Element): string {
  for (const selector of K_PREVIEWS) {
    const preview = row.querySelector(selector);
    if (preview) return shownText(preview, { skip: '.dialog-subtitle-badge' });
  }
  return '';
}

function kUnread(row: Element): number {
  const badge = kUnreadBadge(row);
  // A badge on its way out (tweb's transition marks it `backwards` until it is removed) is no longer unread.
  if (!badge || badge.classList.contains('backwards')) return 0;
  const count = parseCount(badge.textContent);
  if (count > 0) return count;
  // '@' (the one unread message mentions the user) or ' ' (marked unread): one unread chat.
  return badge.classList.contains('dialog-subtitle-badge-unread') || badge.classList.contains('unread') ? 1 : 0;
}

function readK(row: Element, now: number): ChatSummary | undefined {
  const id = kRowId(row);
  if (id === undefined) return undefined;
  const title = shownText(kTitleElement(row));
  // A name not rendered yet: the row is read again when it is.
  if (title === '') return undefined;
  const chat: ChatSummary = {
    id,
    title,
    preview: kPreview(row),
    unread: kUnread(row),
    muted: row.classList.contains('is-muted') && !row.classList.contains('backwards'),
    kind: id.startsWith('-') ? 'group' : 'direct',
  };
  const time = parseListTime(shownText(row.querySelector('.message-time')), now);
  if (time !== undefined) chat.lastActivity = time;
  return chat;
}

// -------------------------------------------------------------------------------------------- A (telegram-tt)

/** The chat id of a row of A's chat list; undefined for topics, threads and rows outside a list. */
function aRowId(row: Element): string | undefined {
  // Chat rows are `.private` or `.group`; forum topic rows are `.Chat` without either.
  if (!row.classList.contains('private') && !row.classList.contains('group')) return undefined;
  if (!row.closest('.chat-list')) return undefined;
  const link = row.querySelector(':scope > a[href]') ?? row.querySelector('a[href^="#"]');
  // "#<chatId>"; a thread's link is "#<chatId>_<threadId>", a saved dialog's "#<me>_<chatId>".
  return exactId(A_HREF.exec(attr(link, 'href') ?? '')?.[1]);
}

/** A badge that shows the count: it holds the counter (a <span>), or nothing when the chat is marked unread. */
function isCountBadge(badge: Element): boolean {
  if (badge.tagName !== 'DIV') return false;
  if (badge.childElementCount === 0) return true;
  return badge.childElementCount === 1 && badge.firstElementChild?.tagName === 'SPAN';
}

/**
 * The count badge in a subtitle's badge area: the area holds one badge, or a wrapper lining several up (reaction,
 * mention, count, pin), whatever their hashed classes say.
 */
function countBadgeIn(area: Element): Element | undefined {
  const only = area.childElementCount === 1 ? area.firstElementChild : null;
  const wrapper = only && only.childElementCount > 0 && [...only.children].every((child) => child.tagName === 'DIV') ? only : area;
  return [...wrapper.children].find(isCountBadge);
}

function aUnreadBadge(row: Element): Element | undefined {
  const subtitle = row.querySelector('.subtitle');
  if (!subtitle) return undefined;
  const readable = subtitle.querySelector('.ChatBadge.unread');
  if (readable) return readable;
  for (const area of subtitle.children) {
    // The preview, and the previous generation's badges without a count, are not the count.
    if (area.tagName !== 'DIV' || area.matches('.last-message') || area.querySelector('.last-message, .ChatBadge')) continue;
    const badge = countBadgeIn(area);
    if (badge) return badge;
  }
  return undefined;
}

/**
 * The counter's value as shown. While a count changes, telegram-tt draws each changed character three times (the
 * current, the old and the new one): only the first is the count.
 */
function counterText(badge: Element): string {
  const counter = badge.firstElementChild?.tagName === 'SPAN' ? badge.firstElementChild : badge;
  let out = '';
  for (const node of counter.childNodes) {
    if (node.nodeType === 3) out += node.nodeValue ?? '';
    else if (node.nodeType === 1) out += (node as Element).firstElementChild?.textContent ?? node.textContent ?? '';
  }
  return out;
}

function aUnread(row: Element): number {
  const badge = aUnreadBadge(row);
  if (!badge) return 0;
  // An empty count badge: the chat is marked unread.
  return parseCount(counterText(badge)) || 1;
}

/** The preview: the sender's name and a colon (separate elements, spaced by CSS), then the message. */
function aPreview(row: Element): string {
  const preview = row.querySelector('.subtitle .last-message');
  if (!preview) return '';
  const message = shownText(preview, { skip: '.sender-name, .colon' });
  const sender = shownText(preview.querySelector('.sender-name'));
  return sender === '' ? message : cleanText(`${sender}: ${message}`);
}

function readA(row: Element, now: number): ChatSummary | undefined {
  const id = aRowId(row);
  if (id === undefined) return undefined;
  const title = shownText(row.querySelector('.title h3'));
  if (title === '') return undefined;
  const chat: ChatSummary = {
    id,
    title,
    preview: aPreview(row),
    unread: aUnread(row),
    muted: row.querySelector('.info-row .icon-muted, .title .icon-muted, .ChatBadge.muted') !== null,
    kind: row.classList.contains('private') ? 'direct' : 'group',
  };
  const time = parseListTime(shownText(row.querySelector('.LastMessageMeta .time, .time')), now);
  if (time !== undefined) chat.lastActivity = time;
  return chat;
}

// ------------------------------------------------------------------------------------------------------- both

const isK = (row: Element): boolean => row.classList.contains('chatlist-chat');

const rows: RowReader = {
  selector: `${K_ROW}, ${A_ROW}`,
  // A page is either K or A: whichever collection is empty costs nothing.
  collect: (doc) => {
    const k = doc.getElementsByClassName('chatlist-chat');
    return k.length > 0 ? k : doc.getElementsByClassName('ListItem Chat');
  },
  read: (row, now) => (isK(row) ? readK(row, now) : readA(row, now)),
};

/** The rows of the chat list (not the search pane's, the members', the topics'), in the page's order. */
function listRows(doc: Document): Element[] {
  const found = rows.collect?.(doc) ?? [];
  const out: Element[] = [];
  for (let i = 0; i < found.length && out.length < MAX_CHATS; i += 1) {
    const row = found[i];
    if (row && (isK(row) ? kRowId(row) : aRowId(row)) !== undefined) out.push(row);
  }
  return out;
}

function decodedHash(win: Window): string {
  try {
    return decodeURIComponent(win.location.hash.slice(1));
  } catch {
    return '';
  }
}

/** The open chat: "#<id>" on both, "#<chatId>_<thread>" on A, "#/im?p=<peerId>" on K's links to a new tab. */
function activeChatId(win: Window): string | undefined {
  const hash = decodedHash(win);
  return exactId(/^(-?\d+)(?:_|$)/u.exec(hash)?.[1] ?? /[?&]p=(-?\d+)/u.exec(hash)?.[1]);
}

function page(win: Window): PageFacts {
  const doc = win.document;
  // By id, not by a selector: this runs on every read and must not scan the whole page.
  if (SIGN_IN_IDS.some((id) => doc.getElementById(id)) && rows.collect?.(doc).length === 0) return { loggedIn: false };
  const facts: PageFacts = { loggedIn: true };
  const active = activeChatId(win);
  if (active !== undefined) facts.activeChatId = active;
  return facts;
}

const isA = (win: Window): boolean => win.location.pathname.startsWith('/a') || win.document.querySelector(A_ROW) !== null;

/** tweb's peer string: 'u<userId>[_<accessHash>]', 'g<chatId>', 's<chatId>_<hash>' (supergroup), 'c<chatId>_<hash>'. */
const PEER_STRING = /^([ugsc])(\d+)(?:_-?\d+)?$/u;

function chatByTitle(win: Window, title: string): string | undefined {
  const now = Date.now();
  const chats = listRows(win.document).map((row) => rows.read(row, now));
  const find = (name: string): string | undefined => chats.find((chat) => chat?.title === name)?.id;
  // A group's message is titled "<sender> @ <chat>" by tweb.
  const at = title.lastIndexOf(' @ ');
  return find(title) ?? (at > 0 ? find(title.slice(at + 3)) : undefined);
}

const hooks: Partial<Record<HookName, HookProbe>> = {
  list: (doc) => (doc.querySelector(K_LIST) ? 1 : doc.getElementsByClassName('chat-list').length),
  rows: (doc) => listRows(doc).length,
  titles: (doc) => listRows(doc).filter((row) => (isK(row) ? kTitleElement(row) : row.querySelector('.title h3')) !== null).length,
  badges: (doc) => listRows(doc).filter((row) => (isK(row) ? kUnread(row) : aUnread(row)) > 0).length,
  composer: (doc) => doc.querySelectorAll(COMPOSER).length,
};

export const telegramConnector: Connector = {
  platform: 'telegram',
  rows,
  page,
  read: (win) => Promise.resolve(snapshotFromRows(win.document, page(win), rows)),
  watch: (win) => ({ targets: [win.document.body], attributes: ['class', 'data-peer-id', 'data-thread-id', 'href', 'alt'] }),
  // K keeps "Telegram Web" and only blinks a localized "N new notifications" while the user is away; A shows
  // "Telegram", the open chat's own title (a chat named "(3) Shop" would read as 3) or a blinking "N notifications".
  // Neither is a count of unread messages.
  title: 'ignore',
  // Both clients render only the rows near the viewport.
  partialList: () => true,
  hooks,
  listPane: (doc) => paneFrom(doc, LEFT_COLUMN, (column) => column),
  async openChat(win, chatId) {
    win.location.hash = `#${chatId}`;
    const escaped = globalsOf(win).CSS.escape(chatId);
    const selector = isA(win) ? `.chat-list ${A_ROW} a[href="#${escaped}"]` : `${K_LIST} .chatlist-chat[data-peer-id="${escaped}"]`;
    const row = await waitFor(win, () => win.document.querySelector(selector), 1_500);
    return row !== undefined && decodedHash(win) === chatId;
  },
  composer(win) {
    return waitFor(win, () => win.document.querySelector(COMPOSER));
  },
  chatForNotice(win, notice) {
    const peer = PEER_STRING.exec(notice.tag ?? '');
    if (peer?.[1] !== undefined && peer[2] !== undefined) return peer[1] === 'u' ? peer[2] : `-${peer[2]}`;
    return chatByTitle(win, notice.title);
  },
  notifiesFromServiceWorker: (win) => isA(win),
};
