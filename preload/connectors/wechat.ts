/**
 * WeChat Web (web.wechat.com, often wx.qq.com), an AngularJS app, from its readable classes:
 * - rows `div.chat_item` carrying the chat's UserName in `data-username` (`@…` a person, `@@…` a group; the class
 *   `active` on the open one), the name `.nickname_text`, the preview `p.msg`, the time `.ext .attr`;
 * - unread: `i.web_wechat_reddot_middle` holds a number; `i.web_wechat_reddot` is a dot without one (WeChat shows
 *   it for chats that do not notify): it counts as 1, the only count the page gives;
 * - muted ("do not disturb") rows show `i.web_wechat_no-remind`;
 * - a group's avatar comes from `webwxgetheadimg`, a person's from `webwxgeticon`.
 * UserNames are the ids the client itself keys chats by (they are renewed at each web login). No chat URL: a
 * chat opens by a click on its row, and is open once the header `.box_hd .title_name` names it and its row is
 * `active`; the composer is `#editArea`.
 * Many accounts are refused web login (error 1203, "For account security, you can't log in to WeChat Web…"):
 * that page is signed out, and `refusal` says why, so the app can tell the user to use WeChat for Windows or Mac.
 */
import type { ChatSummary } from '../../common/model';
import { attr, exactId, parseCount, snapshotFromRows, text, typeInto, userClick, waitFor } from './dom';
import { parseListTime } from './time';
import { globalsOf, type Connector, type PageFacts, type Refusal, type RowReader } from './types';

const ROW = 'div.chat_item';
const HEADER_TITLE = '.box_hd .title_name';
const COMPOSER = '#editArea';
const LOGIN = '.login .login_box, .login .qrcode';


/** Error 1203 as the login page words it (English and Chinese). */
const REFUSED = /can(?:not|['’]t|\s+not)\s+log\s*in\s+to\s+WeChat\s+(?:for\s+)?Web|(?:不能|不允许|无法)登录网页版?微信|\b1203\b/iu;
/** On other pages only the message itself counts, not a bare number. */
const REFUSED_MESSAGE = /can(?:not|['’]t|\s+not)\s+log\s*in\s+to\s+WeChat\s+(?:for\s+)?Web|(?:不能|不允许|无法)登录网页版?微信/iu;
/** The login page is small; the page's text is read at most this far. */
const MAX_SCAN = 20_000;

function readRow(row: Element, now: number): ChatSummary | undefined {
  // Rows are collected by class: only the div the agent also finds with `closest(ROW)` is a chat.
  if (row.tagName !== 'DIV') return undefined;
  const id = exactId(attr(row, 'data-username'));
  if (id === undefined) return undefined;
  const number = row.querySelector('.web_wechat_reddot_middle');
  const unread = number ? parseCount(number.textContent) : row.querySelector('.web_wechat_reddot') ? 1 : 0;
  const chat: ChatSummary = {
    id,
    title: text(row.querySelector('.nickname_text')),
    preview: text(row.querySelector('p.msg')),
    unread,
    muted: row.querySelector('.web_wechat_no-remind, .web_wechat_no-remind_hl') !== null,
  };
  const avatar = attr(row.querySelector('.avatar img'), 'src') ?? '';
  if (id.startsWith('@@') || avatar.includes('webwxgetheadimg')) chat.kind = 'group';
  else if (avatar.includes('webwxgeticon')) chat.kind = 'direct';
  for (const label of row.querySelectorAll('.ext .attr')) {
    const time = parseListTime(text(label), now);
    if (time === undefined) continue;
    chat.lastActivity = time;
    break;
  }
  return chat;
}

const rows: RowReader = {
  selector: ROW,
  // A live collection by class: the browser keeps it, so each read costs no walk of the page.
  collect: (doc) => doc.getElementsByClassName('chat_item'),
  read: readRow,
};

const hasRows = (doc: Document): boolean => doc.getElementsByClassName('chat_item').length > 0;

/**
 * Error 1203, wherever the page shows it: on the login page, or as the bare XML answer
 * (`<error><ret>1203</ret><message>…</message></error>`) when the browser lands on it. Cheap: a page with chats
 * is never refused, and the login page is a few lines of text.
 */
function refusal(win: Window): Refusal | undefined {
  const doc = win.document;
  const root = doc.documentElement as Element | null;
  if (!root || hasRows(doc)) return undefined;
  if (root.nodeName.toLowerCase() === 'error') {
    const ret = text(root.querySelector('ret'));
    return ret === '1203' || REFUSED_MESSAGE.test(root.textContent.slice(0, MAX_SCAN)) ? 'web-login-refused' : undefined;
  }
  const login = doc.querySelector('.login');
  if (login && REFUSED.test(login.textContent.slice(0, MAX_SCAN))) return 'web-login-refused';
  const body = doc.querySelector('body');
  return body && REFUSED_MESSAGE.test(body.textContent.slice(0, MAX_SCAN)) ? 'web-login-refused' : undefined;
}

/** The QR login page, shown (the client may keep it in the page, hidden, once signed in). */
function loginShown(doc: Document): boolean {
  const login = doc.querySelector(LOGIN);
  return login !== null && login.getClientRects().length > 0;
}

function page(win: Window): PageFacts {
  const doc = win.document;
  if (!hasRows(doc)) return { loggedIn: !(loginShown(doc) || refusal(win) !== undefined) };
  const facts: PageFacts = { loggedIn: true };
  const open = exactId(attr(doc.getElementsByClassName('chat_item active')[0], 'data-username'));
  if (open !== undefined) facts.activeChatId = open;
  return facts;
}

function rowOf(win: Window, chatId: string): Element | null {
  return win.document.querySelector(`${ROW}[data-username="${globalsOf(win).CSS.escape(chatId)}"]`);
}

/** The chat shows: its row is the active one and the header names it. */
function isOpen(win: Window, chatId: string): boolean {
  const row = rowOf(win, chatId);
  if (!row?.classList.contains('active')) return false;
  const name = text(row.querySelector('.nickname_text'));
  return name !== '' && text(win.document.querySelector(HEADER_TITLE)) === name;
}

const visible = (el: Element | null): Element | undefined => (el && el.getClientRects().length > 0 ? el : undefined);

export const wechatConnector: Connector = {
  platform: 'wechat',
  rows,
  page,
  refusal,
  read: (win) => Promise.resolve(snapshotFromRows(win.document, page(win), rows)),
  watch: (win) => ({ targets: [win.document.querySelector('body') ?? win.document.documentElement], attributes: ['class', 'data-username', 'src'] }),
  async openChat(win, chatId) {
    const row = rowOf(win, chatId);
    if (!row) return false;
    if (!isOpen(win, chatId)) userClick(row);
    return (await waitFor(win, () => isOpen(win, chatId) || undefined, 1_500)) === true;
  },
  async insertText(win, value) {
    const composer = await waitFor(win, () => visible(win.document.querySelector(COMPOSER)));
    return composer ? typeInto(composer, value) : false;
  },
  chatForNotice(win, notice) {
    // Notifications are titled with the chat's name: the one row of that name, if there is exactly one.
    let found: string | undefined;
    for (const row of win.document.getElementsByClassName('chat_item')) {
      if (text(row.querySelector('.nickname_text')) !== notice.title) continue;
      if (found !== undefined) return undefined;
      found = exactId(attr(row, 'data-username'));
    }
    return found;
  },
};
