/**
 * Telegram Web, both clients (web.telegram.org/k/ and /a/), from their open-source readable classes:
 * - K (tweb): rows `a.chatlist-chat[data-peer-id]` (peer id > 0 a person, < 0 a group or channel), `.peer-title`,
 *   `.dialog-subtitle`, `.message-time`, the unread badge `.dialog-subtitle-badge`, muted rows `.is-muted`.
 * - A (telegram-tt): rows `.chat-list .ListItem.Chat` (`.private` or `.group`) with a link `href="#<chatId>"`,
 *   `.title h3`, `p.last-message`, `.ChatBadge.unread` (`.muted` when muted).
 * Both open chats by hash route. Telegram A notifies from its service worker, so its notifications are derived
 * from rising unread counts.
 */
import type { ChatSummary } from '../../common/model';
import { attr, exactId, parseCount, snapshotFromRows, text, typeInto, waitFor } from './dom';
import { parseListTime } from './time';
import { globalsOf, type Connector, type PageFacts, type RowReader } from './types';

const K_ROW = 'a.chatlist-chat[data-peer-id]';
const A_ROW = '.chat-list .ListItem.Chat';
/** The sign-in screens of K (#auth-pages: QR, phone, code) and A (#auth-qr-form, #auth-phone-number-form…). */
const SIGN_IN_IDS = ['auth-pages', 'auth-qr-form', 'auth-phone-number-form', 'auth-code-form', 'auth-password-form'];

function readK(row: Element, now: number): ChatSummary | undefined {
  const id = exactId(attr(row, 'data-peer-id'));
  if (id === undefined) return undefined;
  const badge = row.querySelector('.dialog-subtitle-badge');
  const chat: ChatSummary = {
    id,
    title: text(row.querySelector('.peer-title')),
    preview: text(row.querySelector('.dialog-subtitle')),
    unread: badge ? parseCount(badge.textContent) : 0,
    muted: row.classList.contains('is-muted'),
    kind: id.startsWith('-') ? 'group' : 'direct',
  };
  const time = parseListTime(text(row.querySelector('.message-time')), now);
  if (time !== undefined) chat.lastActivity = time;
  return chat;
}

function readA(row: Element, now: number): ChatSummary | undefined {
  if (!row.closest('.chat-list')) return undefined;
  const href = attr(row.querySelector('a[href^="#"]'), 'href');
  const id = exactId(href?.slice(1));
  if (id === undefined) return undefined;
  const badge = row.querySelector('.ChatBadge.unread');
  const chat: ChatSummary = {
    id,
    title: text(row.querySelector('.title h3')),
    preview: text(row.querySelector('p.last-message')),
    unread: badge ? parseCount(badge.textContent) : 0,
    muted: row.querySelector('.ChatBadge.muted, .title .icon-muted') !== null,
    kind: row.classList.contains('private') ? 'direct' : 'group',
  };
  const time = parseListTime(text(row.querySelector('.time')), now);
  if (time !== undefined) chat.lastActivity = time;
  return chat;
}

const rows: RowReader = {
  selector: `${K_ROW}, ${A_ROW}`,
  // A page is either K or A: whichever collection is empty costs nothing.
  collect: (doc) => {
    const k = doc.getElementsByClassName('chatlist-chat');
    return k.length > 0 ? k : doc.getElementsByClassName('ListItem Chat');
  },
  read: (row, now) => (row.classList.contains('chatlist-chat') ? readK(row, now) : readA(row, now)),
};

function page(win: Window): PageFacts {
  const doc = win.document;
  // By id, not by a selector: this runs on every read and must not scan the whole page.
  if (SIGN_IN_IDS.some((id) => doc.getElementById(id)) && rows.collect?.(doc).length === 0) return { loggedIn: false };
  const facts: PageFacts = { loggedIn: true };
  const hash = exactId(decodeURIComponent(win.location.hash.slice(1)));
  if (hash !== undefined) facts.activeChatId = hash;
  return facts;
}

const isA = (win: Window): boolean => win.location.pathname.startsWith('/a') || win.document.querySelector(A_ROW) !== null;

export const telegramConnector: Connector = {
  platform: 'telegram',
  rows,
  page,
  read: (win) => Promise.resolve(snapshotFromRows(win.document, page(win), rows)),
  watch: (win) => ({ targets: [win.document.body], attributes: ['class', 'data-peer-id', 'href'] }),
  async openChat(win, chatId) {
    win.location.hash = `#${chatId}`;
    const escaped = globalsOf(win).CSS.escape(chatId);
    const selector = isA(win) ? `${A_ROW} a[href="#${escaped}"]` : `${K_ROW}[data-peer-id="${escaped}"]`;
    const row = await waitFor(win, () => win.document.querySelector(selector), 1_500);
    return row !== undefined && decodeURIComponent(win.location.hash.slice(1)) === chatId;
  },
  async insertText(win, value) {
    const composer = await waitFor(win, () => win.document.querySelector('.input-message-input[contenteditable="true"], #editable-message-text'));
    return composer ? typeInto(composer, value) : false;
  },
  chatForNotice(win, notice) {
    // Telegram tags its notifications "peer<id>"; failing that, the chat whose title matches.
    const tagged = /^peer(-?\d+)/.exec(notice.tag ?? '')?.[1];
    if (tagged !== undefined) return tagged;
    const match = [...win.document.querySelectorAll(rows.selector)].find((row) => rows.read(row, Date.now())?.title === notice.title);
    return match ? rows.read(match, Date.now())?.id : undefined;
  },
  notifiesFromServiceWorker: (win) => isA(win),
};
