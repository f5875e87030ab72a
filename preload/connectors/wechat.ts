/**
 * WeChat Web (web.wechat.com, often wx.qq.com), an AngularJS app frozen for years, from its readable classes:
 * - rows `div.chat_item` of the chat list `#J_NavChatScrollBody` (the contacts and reading panels beside it are not
 *   chats), carrying the chat's UserName in `data-username` (`@…` a person, `@@…` a group; `active` on the open one),
 *   the name `.nickname_text`, the preview the digest `span[ng-bind-html*="MMDigest"]` in `p.msg` (a muted chat puts
 *   a counter such as "[3条]" before it: neither the preview nor a count), the time `.ext .attr`;
 * - emoji are pictures, not text: `<span class="emoji emoji1f339">` in names, `img.emoji…` in previews, QQ faces
 *   `img[text="[Grin]_web"]`: they are read as the characters they stand for, so an emoji-only name is a name;
 * - unread: `i.web_wechat_reddot_middle` holds a number; `i.web_wechat_reddot` is a dot without one (WeChat shows
 *   it for chats that do not notify): it counts as 1, the only count the page gives;
 * - muted ("do not disturb") rows show `i.web_wechat_no-remind`;
 * - a group's avatar comes from `webwxgetheadimg`, a person's from `webwxgeticon`.
 * UserNames are the ids the client itself keys chats by (they are renewed at each web login). No chat URL: a
 * chat opens by a click on its row, and is open once the header `.box_hd .title_name` names it and its row is
 * `active`; the composer is `#editArea`. The page's title carries no count.
 * Most accounts are refused web login (error 1203): the browser then lands on a bare error document,
 * `<error><ret>1203</ret><message>…</message></error>`, whose words change with the year and the language but
 * whose code does not; clients that wrap the login show the words on the login page. Either way the page is signed
 * out, and `refusal` says why, so the app can tell the user to use WeChat for Windows or Mac.
 * No list pane for compact view: no public source names the column around `#J_NavChatScrollBody`.
 */
import type { ChatSummary } from '../../common/model';
import { attr, exactId, parseCount, queryLimited, snapshotFromRows, text, userClick, waitFor } from './dom';
import { imageAlt, shownText, type PictureReader } from './names';
import { parseListTime } from './time';
import { globalsOf, type Connector, type PageFacts, type Refusal, type RowReader } from './types';

const ROW = 'div.chat_item';
const LIST_ID = 'J_NavChatScrollBody';
const HEADER_TITLE = '.box_hd .title_name';
const COMPOSER = '#editArea';
const LOGIN = '.login .login_box, .login .qrcode';
const DIGEST = 'span[ng-bind-html*="MMDigest"]';

/**
 * Error 1203 as a login page words it, for clients that show the words and not the code: English (2017-2019
 * wordings) and Chinese. The code itself, in the error document, is what counts first.
 */
const REFUSED_MESSAGE = /(?:can(?:not|['’]t|\s+not)|unable\s+to)\s+log\s*in\s+to\s+(?:Web\s+WeChat|WeChat\s+(?:for\s+)?Web)|(?:不能|不允许|无法)登录(?:网页版?|web)微信/iu;
const REFUSED = new RegExp(`${REFUSED_MESSAGE.source}|\\b1203\\b`, 'iu');
/** The login page is small; the page's text is read at most this far. */
const MAX_SCAN = 20_000;

/** The characters a WeChat emoji picture stands for: its class names the code point(s) in hex. */
function emojiOf(el: Element): string | undefined {
  if (!el.classList.contains('emoji')) return undefined;
  for (const token of el.classList) {
    const hex = /^emoji([0-9a-f]{4,10})$/u.exec(token)?.[1];
    if (hex === undefined) continue;
    // One code point in 4 or 5 digits; two in 8 (4 + 4) or 10 (5 + 5).
    const parts = hex.length <= 5 ? [hex] : hex.length === 8 ? [hex.slice(0, 4), hex.slice(4)] : hex.length === 10 ? [hex.slice(0, 5), hex.slice(5)] : [];
    const points = parts.map((part) => Number.parseInt(part, 16));
    return points.length > 0 && points.every((point) => point <= 0x10ffff) ? String.fromCodePoint(...points) : '';
  }
  return '';
}

/** WeChat's pictures: emoji by their class, QQ faces by their code ("[Grin]_web" is "[Grin]"), other images by alt. */
const wechatPicture: PictureReader = (el) => {
  const emoji = emojiOf(el);
  if (emoji !== undefined) return emoji;
  const face = el.tagName === 'IMG' ? /^(\[.+\])_web$/u.exec(el.getAttribute('text') ?? '')?.[1] : undefined;
  return face ?? imageAlt(el);
};

const nameOf = (el: Element | null | undefined): string => shownText(el, { picture: wechatPicture });

/** Whether `row` is in the chat list (when the page has one: the client is frozen, but a missing id reads all). */
function inList(row: Element): boolean {
  const list = row.ownerDocument.getElementById(LIST_ID);
  return list === null || list.contains(row);
}

function readRow(row: Element, now: number): ChatSummary | undefined {
  // Rows are collected by class: only the div the agent also finds with `closest(ROW)` is a chat.
  if (row.tagName !== 'DIV' || !inList(row)) return undefined;
  const id = exactId(attr(row, 'data-username'));
  if (id === undefined) return undefined;
  const title = nameOf(row.querySelector('.nickname_text'));
  if (title === '') return undefined;
  const number = row.querySelector('.web_wechat_reddot_middle');
  const unread = number ? parseCount(number.textContent) : row.querySelector('.web_wechat_reddot') ? 1 : 0;
  const message = row.querySelector('p.msg');
  const chat: ChatSummary = {
    id,
    title,
    preview: nameOf(message?.querySelector(DIGEST) ?? message),
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

/** The chat list's rows: a live collection the browser keeps, so each read costs no walk of the page. */
function collect(doc: Document): HTMLCollectionOf<Element> {
  return (doc.getElementById(LIST_ID) ?? doc).getElementsByClassName('chat_item');
}

const rows: RowReader = { selector: ROW, collect, read: readRow };

const hasRows = (doc: Document): boolean => collect(doc).length > 0;

/**
 * Error 1203, wherever the page shows it: the error document the browser lands on
 * (`<error><ret>1203</ret><message>…</message></error>`, as XML or parsed as HTML) by its code, whatever language
 * its words are in; a login page that shows the words. Cheap: a page with chats is never refused, and these pages
 * are a few lines of text.
 */
function refusal(win: Window): Refusal | undefined {
  const doc = win.document;
  const root = doc.documentElement as Element | null;
  if (!root || hasRows(doc)) return undefined;
  const error = root.nodeName.toLowerCase() === 'error' ? root : doc.querySelector('error');
  if (error) {
    const ret = text(error.querySelector('ret'));
    if (ret !== '') return ret === '1203' ? 'web-login-refused' : undefined;
    return REFUSED_MESSAGE.test(error.textContent.slice(0, MAX_SCAN)) ? 'web-login-refused' : undefined;
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
  const open = exactId(attr((doc.getElementById(LIST_ID) ?? doc).getElementsByClassName('chat_item active')[0], 'data-username'));
  if (open !== undefined) facts.activeChatId = open;
  return facts;
}

function rowOf(win: Window, chatId: string): Element | null {
  const row = win.document.querySelector(`${ROW}[data-username="${globalsOf(win).CSS.escape(chatId)}"]`);
  return row && inList(row) ? row : null;
}

/** The chat shows: its row is the active one and the header names it. */
function isOpen(win: Window, chatId: string): boolean {
  const row = rowOf(win, chatId);
  if (!row?.classList.contains('active')) return false;
  const name = nameOf(row.querySelector('.nickname_text'));
  return name !== '' && nameOf(win.document.querySelector(HEADER_TITLE)) === name;
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
  composer(win) {
    return waitFor(win, () => visible(win.document.querySelector(COMPOSER)));
  },
  chatForNotice(win, notice) {
    // Notifications are titled with the chat's name: the one row of that name, if there is exactly one.
    let found: string | undefined;
    for (const row of collect(win.document)) {
      if (nameOf(row.querySelector('.nickname_text')) !== notice.title) continue;
      if (found !== undefined) return undefined;
      found = exactId(attr(row, 'data-username'));
    }
    return found;
  },
  // No public source shows WeChat Web's title carrying a count; the rows' dots and numbers are the counts.
  title: 'ignore',
  // The chat list is virtualised: only the rows near the scrolled position are in the page.
  partialList: () => true,
  hooks: {
    rows: (doc) => collect(doc).length,
    list: (doc) => (doc.getElementById(LIST_ID) ? 1 : 0),
    composer: (doc) => queryLimited(doc, COMPOSER, 2).length,
  },
};
