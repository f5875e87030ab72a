/**
 * Discord (discord.com/channels/@me, /channels/<guild>/<channel>). Discord's class names are CSS-module names hashed
 * per build, and their format changed twice: "name_<hash>" (also "name__<hash>"), "<hex>-name" in December 2025
 * builds, back to "name_<hash>" in January 2026, "_<hash>-name" and "name-<hash>" in older builds. A class is matched
 * by its readable part only, never by a hash. What identifies a chat is not a class but the client's list ids and
 * routes:
 * - The DM list (shown on /channels/@me only): links `a[data-list-item-id^="private-channels-uid_"]` whose href is
 *   `/channels/@me/<channelId>`; the name in the row's `name` element; a person's avatar (`/avatars/`,
 *   `/embed/avatars/`) makes it direct, any other picture (a group's icon) a group. The row has no count: it is marked
 *   `highlighted` while unread and `muted` when muted. Friends, Nitro, Shop and Message Requests share the list but
 *   have no conversation route.
 * - The server rail (`[data-list-item-id^="guildsnav___<id>"]`) shows every unread, unmuted direct message as its
 *   avatar, labelled with the conversation's name, with the count in the icon's `lowerBadge` > `numberBadge`: that
 *   count is the DM's unread count, and a DM on the rail is read even while the DM list is not shown. Servers' and
 *   closed folders' badges count mentions: they go to the service's total when that server's channels are not on
 *   the page.
 * - A server's channels (shown on /channels/<guild> only): links `a[data-list-item-id^="channels___"]` whose href is
 *   `/channels/<guild>/<channel>`; the wrapper's mode is `modeSelected`, `modeMuted`, `modeUnreadImportant` or
 *   `modeUnreadLessImportant` (older builds: `modeUnread` or an `unread` pill); mentions sit in the row's own
 *   `numberBadge` (a thread under it is a row of its own). A channel counts its mentions, or 1 while unread without
 *   any; a muted one only its mentions. Categories, Events, voice channels and threads have no route: not chats.
 * - A chat's id is its route after `/channels/`: "@me/<channelId>" or "<guildId>/<channelId>".
 * A DM's count and its row are in different parts of the page, so every read reads the whole (small, virtualised)
 * sidebar and rail: this connector has no incremental row reader. The title's "•" only says something is unread.
 * In a browser Discord turns its desktop notifications off, so notifications are derived from rising counts. The
 * composer is a Slate editor. No list pane for compact view: the sidebar holding the list is known only by its
 * hashed class names, which change with Discord's builds.
 */
import type { ChatSummary, ServiceSnapshot } from '../../common/model';
import { attr, cleanText, exactId, LOGGED_OUT, MAX_CHATS, parseCount, queryLimited, snapshotOf, userClick, waitFor } from './dom';
import { shownText } from './names';
import { globalsOf, type Connector } from './types';

const DM_LINK = 'a[data-list-item-id^="private-channels-uid_"][href^="/channels/@me/"]';
const CHANNEL_LINK = 'a[data-list-item-id^="channels___"][href^="/channels/"]';
const RAIL_ITEM = '[data-list-item-id^="guildsnav___"]';
const ROUTE = /^\/channels\/(@me|\d+)\/(\d+)(?:[/?#]|$)/;
const SIGN_IN_PATH = /^\/(?:login|register)(?:\/|$)/;
const PERSON_AVATAR = /\/(?:embed\/)?avatars\//u;
const SERVER_ICON = /\/icons\/\d+\//u;
const COMPOSERS = ['div[role="textbox"][contenteditable="true"][data-slate-editor="true"]', 'main [role="textbox"][contenteditable="true"]'];
/** How far above a rail item its icon's badge can be (item, foreignObject, svg, mask). */
const RAIL_DEPTH = 6;
const MAX_RAIL = 1_000;

/** The readable parts a hashed class token can carry: "name_h", "name__h", "name-h", "<hex>-name", "_h-name". */
function namesOf(token: string): string[] {
  const out: string[] = [];
  if (!token.startsWith('_')) {
    const cut = token.search(/[_-]/u);
    if (cut > 0) out.push(token.slice(0, cut));
  }
  const dash = token.lastIndexOf('-');
  if (dash > 0 && dash < token.length - 1) out.push(token.slice(dash + 1));
  return out;
}

function hasClass(el: Element, name: string): boolean {
  for (const token of el.classList) if (namesOf(token).includes(name)) return true;
  return false;
}

/** The first element under `root` (or `root` itself) with Discord's class `name`. */
function withClass(root: Element, name: string): Element | undefined {
  if (hasClass(root, name)) return root;
  for (const el of queryLimited(root, `[class*="${name}"]`, 50)) if (hasClass(el, name)) return el;
  return undefined;
}

/** The classes a row is read by. */
const WANTED = new Set([
  'name',
  'numberBadge',
  'modeUnreadImportant',
  'modeUnreadLessImportant',
  'modeUnread',
  'unread',
  'modeMuted',
  'muted',
  'highlighted',
  'modeSelected',
  'interactiveSelected',
  'selected',
]);

/** What a row shows, gathered in one walk over its own elements: the first element carrying each class. */
function partsOf(row: Element, link: Element): Map<string, Element> {
  const classes = new Map<string, Element>();
  // Only this row's own elements: a list item nested in it (a thread under its channel) is a row of its own.
  const own = (el: Element): boolean => el === row || el.parentElement?.closest('li') === row || row.tagName !== 'LI';
  const visit = (el: Element): void => {
    for (const token of el.classList) {
      for (const name of namesOf(token)) {
        if (!WANTED.has(name) || classes.has(name) || !own(el)) continue;
        // The name that counts is the chat's own, inside its link (not a subtitle's or an activity's).
        if (name !== 'name' || link.contains(el)) classes.set(name, el);
      }
    }
  };
  visit(row);
  const all = row.getElementsByTagName('*');
  for (let i = 0; i < all.length && i < 500; i += 1) {
    const el = all[i];
    if (el) visit(el);
  }
  return classes;
}

/** The chat id of a route ("/channels/@me/1", "/channels/2/3/…"), or undefined. */
function routeId(path: string | undefined): string | undefined {
  const match = ROUTE.exec(path ?? '');
  return match ? exactId(`${match[1] ?? ''}/${match[2] ?? ''}`) : undefined;
}

/** A conversation's kind from its picture: a person's avatar, or a group's icon; undefined without a picture. */
function kindOfPicture(src: string | undefined): ChatSummary['kind'] {
  if (src === undefined || src === '') return undefined;
  return PERSON_AVATAR.test(src) ? 'direct' : 'group';
}

/** Pages before 2026 drew no picture in the row: their English labels still tell the kind there. */
function kindOfLabel(link: Element): ChatSummary['kind'] {
  const label = cleanText(attr(link, 'aria-label'));
  if (/\(group message\)/iu.test(label)) return 'group';
  if (/\(direct message\)/iu.test(label)) return 'direct';
  return undefined;
}

/** An item of the server rail: a server, a folder, or an unread direct message. */
interface RailItem {
  id: string;
  el: Element;
  count: number;
  label: string;
  picture?: string;
  /** A folder whose servers are shown under it: their badges count, not the folder's. */
  open: boolean;
}

function isDirectMessage(item: RailItem): boolean {
  return item.picture !== undefined && item.picture !== '' && !SERVER_ICON.test(item.picture);
}

/** The count in the badge of a rail item's icon: the BlobMask that holds the item holds its `lowerBadge` too. */
function railCount(item: Element): number {
  let el = item.parentElement;
  for (let depth = 0; el && depth < RAIL_DEPTH; depth += 1, el = el.parentElement) {
    // An ancestor holding another item holds that item's badge too: not this one's.
    if (el.querySelectorAll(RAIL_ITEM).length > 1) return 0;
    const lower = withClass(el, 'lowerBadge');
    if (!lower) continue;
    const number = withClass(lower, 'numberBadge');
    return number ? parseCount(number.textContent) : 0;
  }
  return 0;
}

function railItems(doc: Document): RailItem[] {
  const out: RailItem[] = [];
  for (const el of queryLimited(doc, RAIL_ITEM, MAX_RAIL)) {
    const id = attr(el, 'data-list-item-id')?.slice('guildsnav___'.length) ?? '';
    if (!/^\d+$/u.test(id)) continue;
    const item: RailItem = { id, el, count: railCount(el), label: cleanText(attr(el, 'aria-label')), open: attr(el, 'aria-expanded') === 'true' };
    const picture = attr(el.querySelector('img'), 'src');
    if (picture !== undefined) item.picture = picture;
    out.push(item);
  }
  return out;
}

function readDm(link: Element, rail: ReadonlyMap<string, RailItem>): ChatSummary | undefined {
  const id = routeId(attr(link, 'href'));
  if (id === undefined || !id.startsWith('@me/')) return undefined;
  const row = link.closest('li') ?? link.parentElement ?? link;
  const classes = partsOf(row, link);
  const title = shownText(classes.get('name') ?? link);
  if (title === '') return undefined;
  const badge = classes.get('numberBadge');
  const counted = rail.get(id.slice(4))?.count ?? (badge ? parseCount(badge.textContent) : 0);
  const chat: ChatSummary = {
    id,
    title,
    unread: counted > 0 ? counted : classes.has('highlighted') ? 1 : 0,
    muted: classes.has('modeMuted') || classes.has('muted'),
  };
  const kind = kindOfPicture(attr(link.querySelector('img'), 'src')) ?? kindOfLabel(link);
  if (kind !== undefined) chat.kind = kind;
  return chat;
}

function readChannel(link: Element): ChatSummary | undefined {
  const id = routeId(attr(link, 'href'));
  if (id === undefined || id.startsWith('@me/')) return undefined;
  const row = link.closest('li') ?? link.parentElement ?? link;
  const classes = partsOf(row, link);
  const title = shownText(classes.get('name')) || cleanText(attr(row, 'data-dnd-name'));
  if (title === '') return undefined;
  const badge = classes.get('numberBadge');
  const mentions = badge ? parseCount(badge.textContent) : 0;
  const muted = classes.has('modeMuted');
  const marked = classes.has('modeUnreadImportant') || classes.has('modeUnreadLessImportant') || classes.has('modeUnread') || classes.has('unread');
  return { id, title, unread: mentions > 0 ? mentions : muted ? 0 : marked ? 1 : 0, muted, kind: 'channel' };
}

/** A DM the rail shows while the DM list does not: named by its label, counted by its badge. */
function readRailDm(item: RailItem): ChatSummary | undefined {
  const id = exactId(`@me/${item.id}`);
  if (id === undefined || item.label === '') return undefined;
  const chat: ChatSummary = { id, title: item.label, unread: item.count, muted: false };
  const kind = kindOfPicture(item.picture);
  if (kind !== undefined) chat.kind = kind;
  return chat;
}

/** A form asking for a password (the sign-in page); forms are few, so this never scans the whole page. */
function hasPasswordForm(doc: Document): boolean {
  for (let i = 0; i < doc.forms.length; i += 1) if (doc.forms[i]?.querySelector('input[type="password"]')) return true;
  return false;
}

function readPage(win: Window): ServiceSnapshot {
  const doc = win.document;
  const dmLinks = queryLimited(doc, DM_LINK);
  const channelLinks = queryLimited(doc, CHANNEL_LINK);
  const rail = railItems(doc);
  const signIn = SIGN_IN_PATH.test(win.location.pathname) || hasPasswordForm(doc);
  if (signIn && dmLinks.length === 0 && channelLinks.length === 0 && rail.length === 0) return LOGGED_OUT;
  const railDms = new Map<string, RailItem>();
  for (const item of rail) if (isDirectMessage(item)) railDms.set(item.id, item);
  const chats: ChatSummary[] = [];
  const shown = new Set<string>();
  for (const link of dmLinks) {
    const chat = readDm(link, railDms);
    if (!chat) continue;
    chats.push(chat);
    shown.add(chat.id.slice(4));
  }
  const guilds = new Set<string>();
  for (const link of channelLinks) {
    const chat = readChannel(link);
    if (!chat) continue;
    chats.push(chat);
    guilds.add(chat.id.slice(0, chat.id.indexOf('/')));
  }
  // Badges no chat stands for: DMs without a name, and servers or closed folders whose channels are not shown.
  let elsewhere = 0;
  for (const item of rail) {
    if (shown.has(item.id) || guilds.has(item.id) || item.open) continue;
    const dm = isDirectMessage(item) ? readRailDm(item) : undefined;
    if (dm) chats.push(dm);
    else elsewhere += item.count;
  }
  const extra: Partial<ServiceSnapshot> = {};
  const active = routeId(win.location.pathname);
  if (active !== undefined) extra.activeChatId = active;
  const snapshot = snapshotOf(chats.slice(0, MAX_CHATS), extra);
  return elsewhere === 0 ? snapshot : { ...snapshot, unread: { direct: snapshot.unread.direct + elsewhere, indirect: snapshot.unread.indirect } };
}

/** The row of chat `id` in the DM list or the server's channels, or, for a DM, its item on the rail. */
function rowOf(win: Window, id: string): Element | undefined {
  const doc = win.document;
  const href = globalsOf(win).CSS.escape(`/channels/${id}`);
  const link = doc.querySelector(`${id.startsWith('@me/') ? DM_LINK : CHANNEL_LINK}[href="${href}"]`);
  return link?.closest('li') ?? link ?? undefined;
}

function railOf(win: Window, id: string): Element | undefined {
  if (!id.startsWith('@me/')) return undefined;
  return win.document.querySelector(`[data-list-item-id="guildsnav___${globalsOf(win).CSS.escape(id.slice(4))}"]`) ?? undefined;
}

/**
 * For a channel of a server whose channels are not shown (the DM list is, or another server's): that server's item
 * on the rail, so the channel's route can be followed. A channel missing from the server shown is unknown.
 */
function otherServer(win: Window, id: string): Element | undefined {
  const guild = id.slice(0, id.indexOf('/'));
  if (guild === '@me' || ROUTE.exec(win.location.pathname)?.[1] === guild) return undefined;
  return win.document.querySelector(`[data-list-item-id="guildsnav___${globalsOf(win).CSS.escape(guild)}"]`) ?? undefined;
}

function isSelected(row: Element): boolean {
  const link = row.querySelector('a[href]') ?? row;
  const classes = partsOf(row, link);
  return classes.has('modeSelected') || classes.has('interactiveSelected') || classes.has('selected') || row.querySelector('[aria-current="page"], [aria-selected="true"]') !== null;
}

function firstComposer(doc: Document): Element | undefined {
  for (const selector of COMPOSERS) {
    const found = doc.querySelector(selector);
    if (found) return found;
  }
  return undefined;
}

function countWithClass(doc: Document, name: string): number {
  let n = 0;
  for (const el of queryLimited(doc, `[class*="${name}"]`)) if (hasClass(el, name)) n += 1;
  return n;
}

export const discordConnector: Connector = {
  platform: 'discord',
  read: (win) => Promise.resolve(readPage(win)),
  watch: (win) => ({ targets: [win.document.body], attributes: ['class', 'href', 'aria-label', 'aria-expanded', 'data-list-item-id', 'src'] }),
  async openChat(win, chatId) {
    if (routeId(`/channels/${chatId}`) !== chatId || !(rowOf(win, chatId) ?? railOf(win, chatId) ?? otherServer(win, chatId))) return false;
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
    // The route did not take: click the row's link, or the DM's icon on the rail, as the user would.
    const target = rowOf(win, chatId)?.querySelector('a[href]') ?? railOf(win, chatId);
    if (target) userClick(target);
    return (await waitFor(win, opened, 1_500)) === true;
  },
  composer(win) {
    return waitFor(win, () => firstComposer(win.document), 2_000);
  },
  chatForNotice(win, notice) {
    // A direct message is titled by its sender; a server message "<author> (#<channel>, <server>)".
    const channel = /\(#(.+), [^,]+\)$/u.exec(notice.title)?.[1];
    for (const chat of readPage(win).chats) {
      if (channel === undefined ? chat.kind !== 'channel' && chat.title === notice.title : chat.kind === 'channel' && chat.title === channel) return chat.id;
    }
    return undefined;
  },
  notifiesFromServiceWorker: () => true,
  title: 'flag',
  // The DM list and the channels are virtualised, and only one of them is shown at a time.
  partialList: () => true,
  hooks: {
    rows: (doc) => queryLimited(doc, `${DM_LINK}, ${CHANNEL_LINK}`).length,
    rail: (doc) => queryLimited(doc, RAIL_ITEM, MAX_RAIL).length,
    badge: (doc) => countWithClass(doc, 'numberBadge'),
    composer: (doc) => (firstComposer(doc) ? 1 : 0),
  },
};
