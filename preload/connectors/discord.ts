/**
 * Discord (discord.com/app). Its class names are CSS-module names hashed per build — `numberBadge_df8943`, earlier
 * `numberBadge-2s8kKX`, in builds since 2025 also `_5e43…-numberBadge` — so they are matched by their readable part
 * only (what `[class*="numberBadge_"]` would match, read off each class token in one walk over the row), never by
 * a full hashed name.
 * - Direct and group messages: the private-channels list, links `a[href^="/channels/@me/<channelId>"]` labelled
 *   "<name> (direct message)" or "(group message)" (the only hook that tells them apart: anything else leaves `kind`
 *   unset), the unread count in the row's `numberBadge_`.
 * - Server channels: links `a[href^="/channels/<guildId>/<channelId>"]`; the row's mode class says `modeUnread_`,
 *   `modeMuted_` or `modeSelected_`, and mentions sit in a `numberBadge_`. A channel counts its mentions, or 1 when it
 *   is unread without any (the page shows no count then); a muted channel shows only its mentions.
 * - A chat's id is its route after `/channels/`: "@me/<channelId>" or "<guildId>/<channelId>".
 * - Channel titles are the channel's own name, without the server's: the client lists one server's channels at a
 *   time under that server's header, and each row must read alone (the agent re-reads only rows that changed).
 * - Signed out: `/login` (or `/register`) with the sign-in form.
 * - Discord shows desktop notifications only when it believes it runs in its own desktop app; in a browser it stays
 *   silent or notifies from its service worker, so notifications are derived from rising unread counts.
 * - The composer is a Slate editor, which handles beforeinput itself.
 * The page title's "(N)" counts direct messages and mentions only: no authoritative total, so rows are summed.
 */
import type { ChatSummary } from '../../common/model';
import { attr, cleanText, exactId, MAX_CHATS, parseCount, snapshotFromRows, text, typeInto, userClick, waitFor } from './dom';
import { globalsOf, type Connector, type PageFacts, type RowReader } from './types';

const DM_LINK = 'a[href^="/channels/@me/"]';
const CHANNEL_LINK = 'a[href^="/channels/"]:not([href^="/channels/@me"])';
const ROW = `nav li:has(${DM_LINK}), nav li:has(${CHANNEL_LINK})`;
const ROUTE = /^\/channels\/(@me|\d+)\/(\d+)(?:[/?#]|$)/;
const SIGN_IN_PATH = /^\/(?:login|register)(?:\/|$)/;
const COMPOSERS = ['div[role="textbox"][contenteditable="true"][data-slate-editor="true"]', 'main [role="textbox"][contenteditable="true"]'];

/** The readable name of a hashed class token: "name_hash", "name-hash" or "_hash-name"; undefined otherwise. */
function readable(token: string): string | undefined {
  if (token.startsWith('_')) {
    const dash = token.lastIndexOf('-');
    return dash > 1 ? token.slice(dash + 1) : undefined;
  }
  const cut = token.search(/[_-]/u);
  return cut > 0 ? token.slice(0, cut) : undefined;
}

/** What a row shows, gathered in one walk over its elements: the first element carrying each hashed class. */
interface RowParts {
  link?: Element;
  classes: Map<string, Element>;
}

const WANTED = new Set(['name', 'numberBadge', 'modeUnread', 'unread', 'modeMuted', 'modeSelected', 'interactiveSelected']);

function partsOf(row: Element): RowParts {
  const parts: RowParts = { classes: new Map() };
  // Only this row's own elements: a list item nested in it (a thread under its channel) is a row of its own.
  const own = (el: Element): boolean => el === row || el.parentElement?.closest('li') === row;
  const visit = (el: Element): void => {
    if (parts.link === undefined && el.tagName === 'A' && el.getAttribute('href')?.startsWith('/channels/') && own(el)) parts.link = el;
    for (const token of el.classList) {
      const name = readable(token);
      if (name === undefined || !WANTED.has(name) || parts.classes.has(name) || !own(el)) continue;
      // The name that counts is the chat's own, inside its link (not a member list's or an activity's).
      if (name !== 'name' || (parts.link?.contains(el) ?? false)) parts.classes.set(name, el);
    }
  };
  visit(row);
  const all = row.getElementsByTagName('*');
  for (let i = 0; i < all.length && i < 500; i += 1) {
    const el = all[i];
    if (el) visit(el);
  }
  return parts;
}

/** The chat id of a route ("/channels/@me/1", "/channels/2/3/…"), or undefined. */
function routeId(path: string | undefined): string | undefined {
  const match = ROUTE.exec(path ?? '');
  return match ? exactId(`${match[1] ?? ''}/${match[2] ?? ''}`) : undefined;
}

function dmKind(link: Element): ChatSummary['kind'] {
  const label = cleanText(attr(link, 'aria-label'));
  if (/\(group message\)$/iu.test(label)) return 'group';
  if (/\(direct message\)$/iu.test(label)) return 'direct';
  return undefined;
}

function readRow(row: Element): ChatSummary | undefined {
  const { link, classes } = partsOf(row);
  const id = routeId(attr(link, 'href'));
  if (!link || id === undefined) return undefined;
  const badge = classes.get('numberBadge');
  const counted = badge ? parseCount(badge.textContent) : 0;
  const marked = classes.has('modeUnread') || classes.has('unread');
  const chat: ChatSummary = {
    id,
    title: text(classes.get('name') ?? link),
    unread: counted > 0 ? counted : marked ? 1 : 0,
    muted: classes.has('modeMuted'),
  };
  const kind = id.startsWith('@me/') ? dmKind(link) : 'channel';
  if (kind !== undefined) chat.kind = kind;
  return chat;
}

/** Every list item of the page's navs (the DM list and the server's channels); those without a chat read as nothing. */
function collect(doc: Document): Element[] {
  const out: Element[] = [];
  const navs = doc.getElementsByTagName('nav');
  for (let n = 0; n < navs.length; n += 1) {
    const items = navs[n]?.getElementsByTagName('li');
    for (let i = 0; items && i < items.length && out.length < MAX_CHATS * 2; i += 1) {
      const item = items[i];
      if (item) out.push(item);
    }
  }
  return out;
}

const rows: RowReader = { selector: ROW, collect, read: (row) => readRow(row) };

/** A form asking for a password (the sign-in page); forms are few, so this never scans the whole page. */
function hasPasswordForm(doc: Document): boolean {
  for (let i = 0; i < doc.forms.length; i += 1) if (doc.forms[i]?.querySelector('input[type="password"]')) return true;
  return false;
}

function page(win: Window): PageFacts {
  const doc = win.document;
  const signIn = SIGN_IN_PATH.test(win.location.pathname) || hasPasswordForm(doc);
  if (signIn && !collect(doc).some((item) => readRow(item) !== undefined)) return { loggedIn: false };
  const facts: PageFacts = { loggedIn: true };
  const active = routeId(win.location.pathname);
  if (active !== undefined) facts.activeChatId = active;
  return facts;
}

/** The row of chat `id`, found by its link. */
function rowOf(win: Window, id: string): Element | undefined {
  const href = globalsOf(win).CSS.escape(`/channels/${id}`);
  return win.document.querySelector(`nav li a[href="${href}"]`)?.closest('li') ?? undefined;
}

function isSelected(row: Element): boolean {
  const { classes } = partsOf(row);
  return classes.has('modeSelected') || classes.has('interactiveSelected') || row.querySelector('[aria-current="page"], [aria-selected="true"]') !== null;
}

function firstComposer(doc: Document): Element | undefined {
  for (const selector of COMPOSERS) {
    const found = doc.querySelector(selector);
    if (found) return found;
  }
  return undefined;
}

export const discordConnector: Connector = {
  platform: 'discord',
  rows,
  page,
  read: (win) => Promise.resolve(snapshotFromRows(win.document, page(win), rows)),
  watch: (win) => ({ targets: [win.document.body], attributes: ['class', 'href', 'aria-label'] }),
  async openChat(win, chatId) {
    if (routeId(`/channels/${chatId}`) !== chatId || !rowOf(win, chatId)) return false;
    const path = `/channels/${chatId}`;
    const opened = (): true | undefined => {
      const row = rowOf(win, chatId);
      return win.location.pathname === path && row !== undefined && isSelected(row) ? true : undefined;
    };
    // Discord's router follows the history like its own links do: a new entry, then popstate.
    if (win.location.pathname !== path) {
      win.history.pushState(null, '', path);
      win.dispatchEvent(new (globalsOf(win).PopStateEvent)('popstate', { state: null }));
    }
    if (await waitFor(win, opened, 1_500)) return true;
    // The route did not take: click the row's link as the user would.
    const link = rowOf(win, chatId)?.querySelector(`${DM_LINK}, ${CHANNEL_LINK}`);
    if (link) userClick(link);
    return (await waitFor(win, opened, 1_500)) === true;
  },
  async insertText(win, value) {
    const composer = await waitFor(win, () => firstComposer(win.document), 2_000);
    return composer ? typeInto(composer, value) : false;
  },
  chatForNotice(win, notice) {
    // A direct message is titled by its sender; a server message "<author> (#<channel>, <server>)".
    const channel = /\(#(.+), [^,]+\)$/u.exec(notice.title)?.[1];
    const now = Date.now();
    for (const row of collect(win.document)) {
      const chat = rows.read(row, now);
      if (!chat) continue;
      if (channel === undefined ? chat.kind !== 'channel' && chat.title === notice.title : chat.kind === 'channel' && chat.title === channel) return chat.id;
    }
    return undefined;
  },
  notifiesFromServiceWorker: () => true,
};
