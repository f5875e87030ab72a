/**
 * WhatsApp Web (web.whatsapp.com), from what the client itself stores and shows (shared/platform-dom.md):
 * - First, its IndexedDB database `model-storage` (it exists only once signed in): store `chat` (`id`: `<digits>@c.us`
 *   a person, `<id>@g.us` a group, `<id>@lid` a privacy id that is not a phone number, `status@broadcast` the status
 *   feed; `t` last activity in seconds; `unreadCount`, -1 when marked unread (or 0 with `markedUnread`), which is
 *   reported as one unread chat; `name`; `archive`; `muteExpiration`, -1 for ever, a time in seconds, absent or 0
 *   when not muted; `isAutoMuted`), store `contact` (`name`, `pushname`, `phoneNumber`), store `group-metadata`
 *   (`subject`). The connection stays open between reads and is closed as soon as the page upgrades or deletes the
 *   database (`versionchange`), so it never blocks the client; the next read opens it again.
 * - Otherwise (no database, or one this reader no longer understands) the chat list, a partial one: it renders
 *   the rows on screen, each moved into place with `translateY`. Rows `[role="listitem"]` / `[role="row"]` under
 *   `#pane-side`; the name in the title block's `span[title]` (`[data-testid="cell-frame-title"]` on the newer
 *   page), drawn emoji included; unread only from the row's badge (`[data-testid="icon-unread-count"]`, or on the
 *   older page a labelled span whose whole text is a count), never from a preview or another label; muted by the
 *   mute icon's family (`muted`, `mute-notifications-refreshed`), which a pending mention hides. These rows carry
 *   no chat id: a chat is `title:<name>`, `title:<name>#2`… for rows of the same name. While the search box holds
 *   text the pane lists search results, which are not read.
 * - Signed out: a QR `canvas` and no `#pane-side`.
 * - The list's pane (for compact view): `#side`, which holds the list's header, search box, filters and
 *   `#pane-side` (shakaran/whatly src/mainwindow_lock.cpp, 2026-07: `#side > header`), or, while a conversation
 *   (`#main`) is open beside it, the column that holds `#side` and not the conversation (mastawbeqezwan/laibe
 *   content.js, 2025-10: the chat list is `#side`'s parent; 9uifranco/whatsapp-hide-chat-list, 2025-03: a column
 *   holding `#side`): hiding the column is what gives the conversation its room.
 * Archived chats are left out, as the main list leaves them out. Chats open by `/send?phone=<digits>` (a full page
 * load) when they have a phone number, by clicking their row otherwise. Notifications are tagged with the chat id.
 */
import type { ChatSummary, HookName, ServiceSnapshot } from '../../common/model';
import { attr, cleanText, exactId, LOGGED_OUT, MAX_CHATS, paneFrom, parseCount, queryLimited, snapshotOf, userClick, waitFor } from './dom';
import { shownText } from './names';
import { globalsOf, type Connector, type HookProbe } from './types';

const DB_NAME = 'model-storage';
const CHAT_STORE = 'chat';
const CONTACT_STORE = 'contact';
const GROUP_STORE = 'group-metadata';
/** Bounds on what one read takes from the database (an address book can be large; chats are capped later). */
const MAX_RECORDS = 50_000;

const PANE = '#pane-side';
/** The list's column (its header, search box and filters, and the pane), and the open conversation beside it. */
const SIDE = '#side';
const CONVERSATION = '#main';
const ROW = '[role="listitem"], [role="row"]';
const COMPOSER = 'footer div[contenteditable="true"][role="textbox"]';
/** Chats read from the list alone have no WhatsApp id: they are named by their title. */
const TITLE_ID = 'title:';
/**
 * After the chat list changed, the database is read again at these delays: the client may render a change before
 * it stores it, and nothing in the page would tell the agent when the write lands.
 */
const SETTLE_MS = [300, 1_200, 3_000];
/** A snapshot from the database stands while the chat list, the title and the tab stay as they were, this long at most. */
const CACHE_MS = 15_000;
const WATCHED = ['title', 'aria-label', 'data-icon', 'data-testid'];

type Fields = Readonly<Record<string, unknown>>;

interface Known {
  title: string;
  phone?: string;
}

/** The last snapshot read from the database, and what the page looked like then. */
interface Cached {
  snapshot: ServiceSnapshot;
  pane: Element | null;
  title: string;
  wakes: number;
  at: number;
}

/** What the connector keeps per page: the open database, what it last read, how it tells the agent to read again. */
interface PageState {
  db?: IDBDatabase;
  opening?: Promise<IDBDatabase | undefined>;
  /** The agent's "read again" callbacks (Connector.subscribe). */
  listeners: Set<() => void>;
  /** Counts the times a read was asked for: a cached snapshot from before a wake is stale. */
  wakes: number;
  settleTimers: number[];
  /** Something in the chat list changed since the last read from the database. */
  listChanged: boolean;
  cached?: Cached;
  /** Where the last read came from, and the chats it found (to open them and to match notifications). */
  source: 'db' | 'list' | 'none';
  known: Map<string, Known>;
  /** Whether each chat of the list was last seen muted (a pending mention hides the mute icon). */
  mutedSeen: Map<string, boolean>;
}

const states = new WeakMap<Window, PageState>();

function stateOf(win: Window): PageState {
  let state = states.get(win);
  if (state) return state;
  const page = globalsOf(win);
  const doc = page.document;
  const created: PageState = { listeners: new Set(), wakes: 0, settleTimers: [], listChanged: true, source: 'none', known: new Map(), mutedSeen: new Map() };
  state = created;
  states.set(win, state);
  // The whole page changes all the time (the open conversation, presence); only the chat list's changes mean the
  // database may hold something new, so only they make the next read go to the database again.
  const observer = new page.MutationObserver((records) => {
    if (created.listChanged) return;
    created.listChanged = records.some((record) => {
      const node = record.target;
      return (node.nodeType === 1 ? (node as Element) : node.parentElement)?.closest(PANE) != null;
    });
  });
  observer.observe(doc, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: WATCHED });
  // A hidden tab may have had its database changed by the phone without any change to the page: read on return.
  doc.addEventListener('visibilitychange', () => {
    if (doc.visibilityState === 'visible') wake(created);
  });
  return state;
}

function wake(state: PageState): void {
  state.wakes += 1;
  for (const listener of state.listeners) listener();
}

function settle(win: Window, state: PageState): void {
  for (const timer of state.settleTimers) win.clearTimeout(timer);
  state.settleTimers = SETTLE_MS.map((ms) => win.setTimeout(() => wake(state), ms));
}

// ---------------------------------------------------------------------------------------------------------------
// The database

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null;

/** A WhatsApp id as a string: stored as one, or as an object (`_serialized`, or `user` and `server`). */
function widOf(value: unknown): string | undefined {
  if (typeof value === 'string') return exactId(value);
  if (!isFields(value)) return undefined;
  const serialized = value['_serialized'];
  if (typeof serialized === 'string') return exactId(serialized);
  const user = value['user'];
  const server = value['server'];
  return typeof user === 'string' && typeof server === 'string' ? exactId(`${user}@${server}`) : undefined;
}

/** A phone number in E.164 from `+<digits>`, `<digits>` or `<digits>@c.us`; undefined for anything else. */
function phoneOf(value: unknown): string | undefined {
  const raw = widOf(value);
  if (raw === undefined) return undefined;
  const at = raw.indexOf('@');
  const server = at < 0 ? undefined : raw.slice(at + 1);
  if (server !== undefined && server !== 'c.us' && server !== 's.whatsapp.net') return undefined;
  const digits = (at < 0 ? raw : raw.slice(0, at)).split(':')[0]?.replace(/[\s\-().]/gu, '').replace(/^\+/u, '') ?? '';
  return /^[1-9]\d{3,14}$/u.test(digits) ? `+${digits}` : undefined;
}

function kindOf(server: string): ChatSummary['kind'] {
  if (server === 'c.us' || server === 'lid') return 'direct';
  if (server === 'g.us') return 'group';
  if (server === 'newsletter') return 'channel';
  return undefined;
}

const textField = (fields: Fields | undefined, name: string): string => {
  const value = fields?.[name];
  return typeof value === 'string' ? cleanText(value) : '';
};

/**
 * Unread messages of a stored chat. A chat the user marked unread has no messages to count: WhatsApp stores it as
 * `unreadCount` -1, or (other builds) 0 with `markedUnread`; either way it is one unread chat.
 */
function unreadOf(chat: Fields): number {
  const count = chat['unreadCount'];
  const unread = typeof count === 'number' && Number.isFinite(count) ? Math.trunc(count) : 0;
  if (unread < 0 || (unread === 0 && chat['markedUnread'] === true)) return 1;
  return unread;
}

function isMuted(chat: Fields, nowMs: number): boolean {
  if (chat['isAutoMuted'] === true) return true;
  const until = chat['muteExpiration'];
  if (typeof until !== 'number' || until === 0) return false;
  // -1: muted for ever; otherwise the moment (in seconds) the mute ends.
  return until < 0 || until * 1000 > nowMs;
}

interface Stored {
  chats: unknown[];
  contacts: unknown[];
  groups: unknown[];
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function forget(state: PageState, db: IDBDatabase): void {
  if (state.db === db) state.db = undefined;
}

/** The client's database, opened once and kept; undefined while it does not exist (never created by us). */
function openDb(win: Window, state: PageState): Promise<IDBDatabase | undefined> {
  if (state.db) return Promise.resolve(state.db);
  state.opening ??= new Promise<IDBDatabase | undefined>((resolve) => {
    let req: IDBOpenDBRequest;
    try {
      req = globalsOf(win).indexedDB.open(DB_NAME);
    } catch {
      resolve(undefined);
      return;
    }
    // Opening a database that does not exist would create it: cancel that, WhatsApp creates it when signed in.
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onerror = (event) => {
      event.preventDefault();
      resolve(undefined);
    };
    req.onsuccess = () => {
      const db = req.result;
      // The client upgrades or deletes its database: step aside at once, the next read opens it again.
      db.onversionchange = () => {
        db.close();
        forget(state, db);
      };
      db.onclose = () => forget(state, db);
      state.db = db;
      resolve(db);
    };
  }).finally(() => {
    state.opening = undefined;
  });
  return state.opening;
}

async function readDb(win: Window, state: PageState): Promise<Stored | undefined> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const db = await openDb(win, state);
    if (!db?.objectStoreNames.contains(CHAT_STORE)) return undefined;
    try {
      const names = [CHAT_STORE, CONTACT_STORE, GROUP_STORE].filter((name) => db.objectStoreNames.contains(name));
      const tx = db.transaction(names, 'readonly');
      const all = (name: string): Promise<unknown[]> =>
        names.includes(name) ? request(tx.objectStore(name).getAll(null, MAX_RECORDS)) : Promise.resolve([]);
      const [chats, contacts, groups] = await Promise.all([all(CHAT_STORE), all(CONTACT_STORE), all(GROUP_STORE)]);
      return { chats, contacts, groups };
    } catch {
      // Closed under us (an upgrade began between two reads): open it again, once.
      forget(state, db);
      db.close();
    }
  }
  return undefined;
}

function byId(records: unknown[]): Map<string, Fields> {
  const map = new Map<string, Fields>();
  for (const record of records) {
    if (!isFields(record)) continue;
    const id = widOf(record['id']);
    if (id !== undefined) map.set(id, record);
  }
  return map;
}

/** The chats of the main list, newest first; undefined when the store holds records this reader cannot read. */
function chatsFrom(stored: Stored, nowMs: number): ChatSummary[] | undefined {
  const contacts = byId(stored.contacts);
  const groups = byId(stored.groups);
  const found: { chat: ChatSummary; t: number }[] = [];
  let recognized = 0;
  for (const record of stored.chats) {
    if (!isFields(record)) continue;
    const id = widOf(record['id']);
    const at = id?.lastIndexOf('@') ?? -1;
    if (id === undefined || at < 1) continue;
    recognized += 1;
    if (id === 'status@broadcast' || record['archive'] === true) continue;
    const server = id.slice(at + 1);
    const contact = contacts.get(id);
    let phone: string | undefined;
    if (server === 'c.us') phone = phoneOf(id);
    else if (server === 'lid') phone = phoneOf(contact?.['phoneNumber']);
    const title =
      textField(record, 'name') ||
      textField(contact, 'name') ||
      textField(contact, 'pushname') ||
      textField(groups.get(id), 'subject') ||
      // No name anywhere: the number, as the list shows it; a privacy id without a number has only its id.
      (phone ?? id.slice(0, at));
    const chat: ChatSummary = { id, title, unread: unreadOf(record), muted: isMuted(record, nowMs) };
    const kind = kindOf(server);
    if (kind !== undefined) chat.kind = kind;
    if (phone !== undefined) chat.phone = phone;
    const t = record['t'];
    const seconds = typeof t === 'number' && Number.isFinite(t) && t > 0 ? t : 0;
    if (seconds > 0) chat.lastActivity = seconds * 1000;
    found.push({ chat, t: seconds });
  }
  if (recognized === 0 && stored.chats.length > 0) return undefined;
  // The list's order: most recent activity first (Array.prototype.sort is stable for equal times).
  return found.sort((a, b) => b.t - a.t).map((entry) => entry.chat);
}

// ---------------------------------------------------------------------------------------------------------------
// The chat list

/** The chat rows under the pane, outermost only (a `listitem` may hold a `row`), in the page's DOM order. */
function listRows(pane: Element, limit = MAX_CHATS): Element[] {
  const rows: Element[] = [];
  for (const el of queryLimited(pane, ROW, limit * 2)) {
    const outer = el.parentElement?.closest(ROW);
    if (outer && pane.contains(outer)) continue;
    rows.push(el);
    if (rows.length >= limit) break;
  }
  return rows;
}

/**
 * Where a row sits in the whole list. The list is virtualised: each rendered row is absolutely positioned and moved
 * into place with `translateY`, and the rows the page recycles need not be in list order in the DOM.
 */
function listOffset(row: Element): number | undefined {
  const match = /translateY\((-?\d+(?:\.\d+)?)px\)/u.exec(attr(row, 'style') ?? '');
  return match ? Number(match[1]) : undefined;
}

/** The rows in list order: by their offsets when every row has one, in DOM order otherwise. */
function inListOrder(rows: Element[]): Element[] {
  const offsets = rows.map(listOffset);
  if (offsets.some((offset) => offset === undefined)) return rows;
  return rows.map((row, i) => ({ row, at: offsets[i] ?? 0 })).sort((a, b) => a.at - b.at).map((entry) => entry.row);
}

/** The newer page marks each part of a row with a test id (`cell-frame-title`, `icon-unread-count`…). */
const isTestIdPage = (pane: Element): boolean => pane.querySelector('[data-testid^="cell-frame-"]') !== null;

/** The preview of the last message: its text is the sender's, never a name, a count or a state. */
const PREVIEW = '[data-testid="cell-frame-secondary"], [data-testid="last-msg-status"]';

/** The element holding a row's name: the title block's, else the first titled span outside the preview. */
function titleElement(row: Element): Element | null {
  const block = row.querySelector('[data-testid="cell-frame-title"]');
  const inBlock = block?.querySelector('span[title]') ?? block?.querySelector('span[dir="auto"]');
  if (inBlock) return inBlock;
  for (const span of row.querySelectorAll('span[title]')) if (!span.closest(PREVIEW)) return span;
  return null;
}

/** A row's name: the title attribute holds it whole (the text is cut by CSS); names of emoji only are drawn. */
function rowTitle(row: Element): string {
  const el = titleElement(row);
  return cleanText(attr(el, 'title')) || shownText(el);
}

/** Titles compared loosely: WhatsApp may show a name people gave themselves (not one the user saved) after a "~". */
const sameTitle = (a: string, b: string): boolean => a.replace(/^~\s*/u, '') === b.replace(/^~\s*/u, '');

/** A count as a badge shows it: digits of any script, grouped ("1,505", "١٬٥٠٥", "1 505"), perhaps "99+". */
const COUNT_TEXT = /^[\d\u0660-\u0669\u06f0-\u06f9]+(?:[.,'\u066c\u00a0\u202f ][\d\u0660-\u0669\u06f0-\u06f9]{3})*\+?$/u;

/**
 * The unread messages a row's badge counts; -1 for the badge without a number (a chat marked unread).
 * Newer page: the badge is `[data-testid="icon-unread-count"]`, its number in its text or its own label. Older
 * page: a labelled span with no children whose whole text is a count, outside the name and the preview. Nothing
 * else in the row is a count: previews and other labels ("24 pieces", "١٬٥٠٥ ريال") are what people wrote.
 */
function rowUnread(row: Element, testIds: boolean): number {
  if (testIds) {
    const badge = row.querySelector('[data-testid="icon-unread-count"]');
    return badge ? badgeCount(badge) || -1 : 0;
  }
  for (const badge of row.querySelectorAll('span[aria-label]')) {
    if (badge.closest('[title], [data-icon]') || badge.querySelector('[data-icon], img')) continue;
    if (COUNT_TEXT.test(cleanText(badge.textContent))) return badgeCount(badge);
  }
  return 0;
}

/** What a badge counts: the number it shows, or its own label's when that is larger (the badge shows "99+"). */
const badgeCount = (badge: Element): number => Math.max(parseCount(badge.textContent), parseCount(attr(badge, 'aria-label')));

/**
 * The mute icon's family: `muted` (older page), `mute-notifications-refreshed` (2025 on), in `data-icon` or
 * `data-testid`; never `unmute-…`, the action's own icon.
 */
const MUTE_ICON = /^(?!un)(?:[\w-]*-)?muted?(?:-[\w-]*)?$/u;

function isMuteIcon(el: Element): boolean {
  return [attr(el, 'data-icon'), attr(el, 'data-testid')].some((name) => name !== undefined && MUTE_ICON.test(name));
}


const hasMuteIcon = (row: Element): boolean => [...row.querySelectorAll('[data-icon], [data-testid]')].some(isMuteIcon);

/** A pending mention takes the mute icon's place in the row. */
const MENTION = '[data-testid*="mention"], [data-icon*="mention"]';

/** A chat of the list, and the row it was read from. */
interface ListedChat {
  row: Element;
  chat: ChatSummary;
}

/** The search box above the list: while it holds text, the pane lists search results, not the chats. */
function searching(doc: Document, pane: Element): boolean {
  for (const box of doc.querySelectorAll('#side input, #side [contenteditable="true"]')) {
    if (pane.contains(box)) continue;
    const value = box.nodeName === 'INPUT' ? (box as HTMLInputElement).value : box.textContent;
    if (cleanText(value) !== '') return true;
  }
  return false;
}

/** Keeps what a chat's row last showed, for a bounded number of chats (the oldest are forgotten first). */
function remember(seen: Map<string, boolean>, id: string, muted: boolean): void {
  seen.delete(id);
  seen.set(id, muted);
  if (seen.size > MAX_CHATS) {
    const oldest = seen.keys().next();
    if (!oldest.done) seen.delete(oldest.value);
  }
}

/** Western digits for the Arabic-Indic and Persian ones a number may be shown in. */
const westernDigits = (raw: string): string => raw.replace(/[\u0660-\u0669\u06f0-\u06f9]/gu, (d) => String((d.codePointAt(0) ?? 0) & 0xf));

/**
 * The chats the pane shows, in list order. Rows carry no chat id, so a chat is `title:<name>`, and a second,
 * third… row of the same name (six groups called "Family") is `title:<name>#2`, `#3`… in list order. Rows without
 * a name (section headings) are not chats. A pending mention takes the mute icon's place: what the row showed
 * before stands then.
 */
function listedChats(doc: Document, pane: Element, state: PageState, limit = MAX_CHATS): ListedChat[] {
  if (searching(doc, pane)) return [];
  const testIds = isTestIdPage(pane);
  const seen = new Map<string, number>();
  const out: ListedChat[] = [];
  for (const row of inListOrder(listRows(pane, limit))) {
    const title = rowTitle(row);
    if (title === '') continue;
    const occurrence = (seen.get(title) ?? 0) + 1;
    seen.set(title, occurrence);
    const id = exactId(`${TITLE_ID}${title}${occurrence > 1 ? `#${occurrence}` : ''}`);
    if (id === undefined) continue;
    let muted = hasMuteIcon(row);
    if (muted || row.querySelector(MENTION) === null) remember(state.mutedSeen, id, muted);
    else muted = state.mutedSeen.get(id) ?? false;
    const unread = rowUnread(row, testIds);
    const chat: ChatSummary = { id, title, unread: unread < 0 ? 1 : unread, muted };
    // A chat with no saved name shows its phone number as its title.
    const number = westernDigits(title);
    if (/^\+[\d\s\-().]+$/u.test(number)) {
      const phone = phoneOf(number);
      if (phone !== undefined) chat.phone = phone;
    }
    out.push({ row, chat });
  }
  return out;
}

/** Which listed chat an action is about. */
type RowMatch = (listed: ListedChat) => boolean;

const byKey = (key: string): RowMatch => (listed) => listed.chat.id === key;
const byTitle = (title: string): RowMatch => (listed) => sameTitle(listed.chat.title, title);

function listedChat(win: Window, match: RowMatch): ListedChat | undefined {
  const pane = win.document.querySelector(PANE);
  return pane ? listedChats(win.document, pane, stateOf(win)).find(match) : undefined;
}

/** Finds a row, scrolling the list from the top when it is not rendered (the real list is virtualized). */
async function findRow(win: Window, match: RowMatch): Promise<ListedChat | undefined> {
  const shown = listedChat(win, match);
  if (shown) return shown;
  const pane = win.document.querySelector(PANE);
  if (!pane || pane.scrollHeight <= pane.clientHeight) return undefined;
  const started = pane.scrollTop;
  const deadline = Date.now() + 2_500;
  pane.scrollTop = 0;
  while (Date.now() < deadline) {
    const listed = await waitFor(win, () => listedChat(win, match), 80);
    if (listed) return listed;
    if (pane.scrollTop + pane.clientHeight >= pane.scrollHeight - 1) break;
    pane.scrollTop += Math.max(pane.clientHeight * 0.8, 72);
  }
  pane.scrollTop = started;
  return undefined;
}

/** The chat shows: its row is the selected one, or the open conversation's header names it. */
function isOpen(win: Window, match: RowMatch, title: string): boolean {
  const row = listedChat(win, match)?.row;
  if (row && (row.matches('[aria-selected="true"]') || row.querySelector('[aria-selected="true"]'))) return true;
  const header = win.document.querySelector('#main header');
  return header !== null && [...header.querySelectorAll('span')].some((span) => sameTitle(cleanText(attr(span, 'title')) || shownText(span), title));
}

/** Opens the chat of a row: the list opens a chat on the pointer going down, so the whole click is played. */
async function openRow(win: Window, match: RowMatch): Promise<boolean> {
  const found = await findRow(win, match);
  if (!found) return false;
  found.row.scrollIntoView({ block: 'nearest' });
  // Scrolling can make a virtualized list render the row again: click the one that is there now.
  const row = (await waitFor(win, () => listedChat(win, match)?.row, 200)) ?? found.row;
  userClick(titleElement(row) ?? row);
  const { title } = found.chat;
  return (await waitFor(win, () => (isOpen(win, match, title) ? true : undefined), 2_000)) === true;
}

// ---------------------------------------------------------------------------------------------------------------
// The connector

function fresh(doc: Document, state: PageState, pane: Element | null): ServiceSnapshot | undefined {
  const cached = state.cached;
  if (!cached || state.listChanged || cached.pane !== pane || cached.title !== doc.title || cached.wakes !== state.wakes) return undefined;
  return Date.now() - cached.at < CACHE_MS ? cached.snapshot : undefined;
}

async function read(win: Window): Promise<ServiceSnapshot> {
  const doc = win.document;
  const state = stateOf(win);
  const pane = doc.querySelector(PANE);
  if (!pane && doc.querySelector('canvas')) {
    state.source = 'none';
    state.cached = undefined;
    return LOGGED_OUT;
  }
  const unchanged = fresh(doc, state, pane);
  if (unchanged) return unchanged;
  const listChanged = state.listChanged;
  const before = { title: doc.title, wakes: state.wakes, hadDb: state.cached !== undefined };
  state.listChanged = false;
  const stored = await readDb(win, state).catch(() => undefined);
  let chats: ChatSummary[] | undefined;
  try {
    chats = stored && chatsFrom(stored, Date.now());
  } catch {
    chats = undefined;
  }
  if (chats) {
    const snapshot = snapshotOf(chats);
    state.source = 'db';
    state.known = new Map(snapshot.chats.map((chat) => [chat.id, chat.phone === undefined ? { title: chat.title } : { title: chat.title, phone: chat.phone }]));
    state.cached = { snapshot, pane, title: before.title, wakes: before.wakes, at: Date.now() };
    // The list changed: the database may follow a moment later (the client renders before it stores).
    if (listChanged && before.hadDb) settle(win, state);
    return snapshot;
  }
  state.cached = undefined;
  state.known = new Map();
  if (!pane) {
    state.source = 'none';
    return LOGGED_OUT;
  }
  state.source = 'list';
  return snapshotOf(listedChats(doc, pane, state).map((listed) => listed.chat));
}

/** The pane's rows, when there is a pane. */
const paneRows = (doc: Document): Element[] => {
  const pane = doc.querySelector(PANE);
  return pane ? listRows(pane) : [];
};

/** The page's hooks this connector reads, counted for its health report. */
const hooks: Partial<Record<HookName, HookProbe>> = {
  pane: (doc) => doc.querySelectorAll(PANE).length,
  rows: (doc) => paneRows(doc).length,
  names: (doc) => paneRows(doc).filter((row) => titleElement(row) !== null).length,
  badges: (doc) => {
    const pane = doc.querySelector(PANE);
    if (!pane) return 0;
    const testIds = isTestIdPage(pane);
    return listRows(pane).filter((row) => rowUnread(row, testIds) !== 0).length;
  },
  mute: (doc) => paneRows(doc).filter(hasMuteIcon).length,
  composer: (doc) => doc.querySelectorAll(COMPOSER).length,
};

/** The list's column: `#side`, or its parent while that holds no open conversation beside it. */
function listPane(doc: Document): Element[] {
  return paneFrom(doc, SIDE, (side) => {
    const column = side.parentElement;
    const conversation = doc.querySelector(CONVERSATION);
    return column !== null && column !== doc.body && conversation !== null && !column.contains(conversation) ? column : side;
  });
}

export const whatsappConnector: Connector = {
  platform: 'whatsapp',
  read,
  listPane,
  // "(1) WhatsApp" was measured with ten unread chats (whatly PR #65, Aug 2026): the title only says "something".
  title: 'flag',
  // The database holds every chat; the list renders the rows on screen (66 of 592 measured).
  partialList: (win) => stateOf(win).source !== 'db',
  hooks,
  watch(win) {
    const doc = win.document;
    return { targets: [doc.querySelector('body') ?? doc.documentElement], attributes: WATCHED };
  },
  subscribe(win, changed) {
    const { listeners } = stateOf(win);
    listeners.add(changed);
    return () => listeners.delete(changed);
  },
  async openChat(win, chatId) {
    if (chatId.startsWith(TITLE_ID)) return openRow(win, byKey(chatId));
    const state = stateOf(win);
    if (!state.known.has(chatId)) await read(win);
    const known = state.known.get(chatId);
    if (!known) return false;
    if (known.phone !== undefined) {
      // WhatsApp's one-to-one route reloads the whole page, which ends this script: navigating is all it can see.
      win.location.assign(`${win.location.origin}/send?phone=${known.phone.slice(1)}`);
      return true;
    }
    return openRow(win, byTitle(known.title));
  },
  composer(win) {
    const doc = win.document;
    return waitFor(win, () => doc.querySelector(`#main ${COMPOSER}`) ?? doc.querySelector(COMPOSER));
  },
  chatForNotice(win, notice) {
    const state = stateOf(win);
    if (state.source === 'list') {
      // The one row of that name; rows of the same name cannot be told apart by a notification.
      const pane = win.document.querySelector(PANE);
      const named = pane ? listedChats(win.document, pane, state).filter(byTitle(notice.title)) : [];
      return named.length === 1 ? named[0]?.chat.id : undefined;
    }
    // WhatsApp tags a notification with its chat's id.
    const tag = notice.tag ?? '';
    if (/^[^\s@]+@(?:c\.us|g\.us|lid|newsletter)$/u.test(tag)) return exactId(tag);
    const titled = [...state.known].filter(([, chat]) => chat.title === notice.title);
    return titled.length === 1 ? titled[0]?.[0] : undefined;
  },
};
