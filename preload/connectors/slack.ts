/**
 * Slack (app.slack.com/client/<team>/<channel>, reached from <team>.slack.com), from the QA attributes its client
 * carries (live-verified Sep 2026) and, for older pages, its BEM classes:
 * - a conversation is a `[data-qa="channel-sidebar-channel"]` row (older pages: `.p-channel_sidebar__channel`)
 *   inside the channel sidebar (`[data-qa="channel-sidebar"]`, older `.p-channel_sidebar`): rows elsewhere (Activity,
 *   search) are not chats, and neither are the sidebar's links (Unreads, Threads, Drafts) or section headings;
 * - its id is `data-qa-channel-sidebar-channel-id` ("C…", "D…", "G…"; else its tree item's key, else its link), its
 *   type `data-qa-channel-sidebar-channel-type`: `im` → direct, `mpim` → group, `channel`/`private` → channel;
 * - the name is `.p-channel_sidebar__name`'s first span (what follows are decorations);
 * - unread: the row's `--unread` class; the count of a direct message or a channel's mentions is the number in
 *   `[data-qa="sidebar-channel-suffix"]` (older pages: `.p-channel_sidebar__badge`); an unread channel without
 *   mentions shows no number, only bold text, so it counts 1;
 * - muted: `data-qa-channel-sidebar-channel-is-muted="true"` (or `--muted`); its unread count goes to `indirect`.
 * The sidebar renders on the Home tab only (`[data-qa="tab_rail_home_button"]`): on another tab the page says so
 * (`hint`), and the chats last seen stay (reads are partial: the sidebar is also virtualised). The open conversation
 * is the one the composer (`[data-qa="message_input"]`) names in `data-channel-id`, as the address may read /dms or
 * /activity-inbox; else the address. A conversation opens by a click on its row, as the user would (after a click on
 * the Home tab when another is shown). Signed out: the workspace sign-in page. The composer is the
 * `[contenteditable]` in `[data-qa="message_input"]`. Notifications are the page's own; the title only marks unread
 * ("* "); the sidebar gives no total, so rows are summed.
 */
import type { ChatSummary } from '../../common/model';
import { attr, cleanText, exactId, paneFrom, parseCount, queryLimited, snapshotFromRows, userClick, waitFor } from './dom';
import { shownText } from './names';
import { globalsOf, type Connector, type PageFacts, type RowReader } from './types';

const ROW_CLASS = 'p-channel_sidebar__channel';
const ROW_QA = '[data-qa="channel-sidebar-channel"]';
const ROW = `${ROW_QA}, .${ROW_CLASS}`;
const MOD = (name: string): string => `${ROW_CLASS}--${name}`;
const SIDEBAR = '[data-qa="channel-sidebar"], .p-channel_sidebar';
const HOME_TAB = '[data-qa="tab_rail_home_button"]';
const SUFFIX = '[data-qa="sidebar-channel-suffix"]';
const NAME = '.p-channel_sidebar__name, [data-qa^="channel_sidebar_name_"]';
const SIGN_IN_PATH = /^\/(?:signin|workspace-signin|ssb\/signin)(?:\/|$)/;
const SIGN_IN_CLASSES = ['p-signin_form', 'p-workspace_signin'];
const CLIENT_ROUTE = /^\/client\/([TE][A-Z0-9]+)(?:\/([^/?#]+))?/;
/** Slack conversation ids: channels C…, direct messages D…, (older) private channels and group messages G…. */
const CONVERSATION = /^[CDG][A-Z0-9]{2,}$/;
const KINDS: Record<string, ChatSummary['kind']> = { im: 'direct', mpim: 'group', channel: 'channel', private: 'channel' };
const COMPOSERS = [
  '[data-qa="message_input"] .ql-editor[contenteditable="true"]',
  '[data-qa="message_input"] [contenteditable="true"]',
  '[data-qa="message_input"][contenteditable="true"]',
  '.ql-editor[contenteditable="true"]',
];
/** Scripts written without spaces between words: a name there has no word boundary to check. */
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Thai}]/u;

function idOf(row: Element): string | undefined {
  const qa = attr(row, 'data-qa-channel-sidebar-channel-id');
  if (qa !== undefined) return exactId(qa);
  const key = attr(row.closest('[data-item-key]'), 'data-item-key');
  if (key !== undefined && CONVERSATION.test(key)) return exactId(key);
  const href = attr(row, 'href') ?? attr(row.querySelector('a[href]'), 'href');
  const last = href?.split(/[?#]/u)[0]?.split('/').filter(Boolean).pop();
  return last !== undefined && CONVERSATION.test(last) ? exactId(last) : undefined;
}

function kindOf(row: Element): ChatSummary['kind'] {
  const type = attr(row, 'data-qa-channel-sidebar-channel-type');
  if (type !== undefined) return Object.hasOwn(KINDS, type) ? KINDS[type] : undefined;
  if (row.classList.contains(MOD('im'))) return 'direct';
  if (row.classList.contains(MOD('mpim'))) return 'group';
  return undefined;
}

function readRow(row: Element): ChatSummary | undefined {
  // Only the channel sidebar's rows are conversations of the list.
  if (!row.closest(SIDEBAR)) return undefined;
  const id = idOf(row);
  if (id === undefined) return undefined;
  const name = row.querySelector(NAME);
  const title = shownText(name?.querySelector(':scope > span')) || shownText(name);
  if (title === '') return undefined;
  const badge = row.querySelector('.p-channel_sidebar__badge');
  const counted = parseCount((row.querySelector(SUFFIX) ?? badge)?.textContent);
  const marked = row.classList.contains(MOD('unread')) || badge !== null;
  const chat: ChatSummary = {
    id,
    title,
    unread: counted > 0 ? counted : marked ? 1 : 0,
    muted: attr(row, 'data-qa-channel-sidebar-channel-is-muted') === 'true' || row.classList.contains(MOD('muted')),
  };
  const kind = kindOf(row);
  if (kind !== undefined) chat.kind = kind;
  return chat;
}

/** The rows of the channel sidebar(s), in the page's order. */
function collect(doc: Document): Element[] {
  const out: Element[] = [];
  for (const sidebar of queryLimited(doc, SIDEBAR, 4)) {
    if (sidebar.parentElement?.closest(SIDEBAR)) continue;
    out.push(...queryLimited(sidebar, ROW));
  }
  return out;
}

const rows: RowReader = { selector: ROW, collect, read: (row) => readRow(row) };

function signInShown(win: Window): boolean {
  const doc = win.document;
  return SIGN_IN_PATH.test(win.location.pathname) || SIGN_IN_CLASSES.some((name) => doc.getElementsByClassName(name).length > 0) || doc.getElementById('signin_form') !== null;
}

/** The conversation the address shows, if it is one. */
function routed(win: Window): string | undefined {
  const id = CLIENT_ROUTE.exec(win.location.pathname)?.[2];
  return id !== undefined && CONVERSATION.test(id) ? exactId(id) : undefined;
}

/** The conversation the composer writes to (not a thread's reply box). */
function composing(doc: Document): string | undefined {
  for (const box of queryLimited(doc, '[data-qa="message_input"][data-channel-id]', 8)) {
    if (attr(box, 'data-view-context') === 'Thread' || box.hasAttribute('data-thread-ts')) continue;
    const id = attr(box, 'data-channel-id');
    if (id !== undefined && CONVERSATION.test(id)) return exactId(id);
  }
  return undefined;
}

const activeOf = (win: Window): string | undefined => composing(win.document) ?? routed(win);

function page(win: Window): PageFacts {
  if (signInShown(win) && collect(win.document).length === 0) return { loggedIn: false };
  const facts: PageFacts = { loggedIn: true };
  const active = activeOf(win);
  if (active !== undefined) facts.activeChatId = active;
  return facts;
}

function rowOf(win: Window, id: string): Element | undefined {
  const byQa = win.document.querySelector(`${ROW_QA}[data-qa-channel-sidebar-channel-id="${globalsOf(win).CSS.escape(id)}"]`);
  if (byQa?.closest(SIDEBAR)) return byQa;
  return collect(win.document).find((row) => idOf(row) === id);
}

function isSelected(row: Element): boolean {
  return (
    row.classList.contains(MOD('selected')) ||
    attr(row, 'data-qa-channel-sidebar-channel-is-selected') === 'true' ||
    attr(row.closest('[role="treeitem"]'), 'aria-selected') === 'true'
  );
}

function firstComposer(doc: Document): Element | undefined {
  for (const selector of COMPOSERS) {
    const found = doc.querySelector(selector);
    if (found) return found;
  }
  return undefined;
}

/** Whether `name` stands in `text` as a whole name: no letter or digit glued to it, except in unspaced scripts. */
function namedIn(text: string, name: string): boolean {
  const glued = (ch: string): boolean => ch !== '' && /[\p{L}\p{N}]/u.test(ch) && !UNSPACED.test(ch);
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (!glued(text.charAt(at - 1)) && !glued(text.charAt(at + name.length))) return true;
  }
  return false;
}

export const slackConnector: Connector = {
  platform: 'slack',
  rows,
  page,
  read: (win) => Promise.resolve(snapshotFromRows(win.document, page(win), rows)),
  watch: (win) => ({
    targets: [win.document.body],
    attributes: [
      'class',
      'href',
      'hidden',
      'aria-selected',
      'data-channel-id',
      'data-qa-channel-sidebar-channel-id',
      'data-qa-channel-sidebar-channel-type',
      'data-qa-channel-sidebar-channel-is-muted',
    ],
  }),
  async openChat(win, chatId) {
    if (!CONVERSATION.test(chatId)) return false;
    const doc = win.document;
    let row = rowOf(win, chatId);
    const home = doc.querySelector(HOME_TAB);
    if (!row && home && !doc.querySelector(SIDEBAR)) {
      // Another tab is shown: the sidebar, and the row, come back with Home.
      userClick(home);
      row = await waitFor(win, () => rowOf(win, chatId), 1_500);
    }
    if (!row) return false;
    const opened = (): true | undefined => {
      const shown = rowOf(win, chatId);
      return activeOf(win) === chatId && shown !== undefined && isSelected(shown) ? true : undefined;
    };
    if (opened()) return true;
    userClick(row);
    return (await waitFor(win, opened, 3_000)) === true;
  },
  composer(win) {
    return waitFor(win, () => firstComposer(win.document), 2_000);
  },
  chatForNotice(win, notice) {
    // A conversation id in the tag, when there is one.
    const tagged = /\b([CDG][A-Z0-9]{8,})\b/u.exec(notice.tag ?? '')?.[1];
    if (tagged !== undefined && rowOf(win, tagged)) return tagged;
    // Otherwise the conversation the title names, however the interface's language words it around the name
    // ("New message from Ali", "Ali さんからの新着メッセージ"): the longest name found, if only one row bears it.
    const title = cleanText(notice.title);
    let found: ChatSummary | undefined;
    let twice = false;
    for (const row of collect(win.document)) {
      const chat = readRow(row);
      if (!chat || !namedIn(title, chat.title)) continue;
      if (found === undefined || chat.title.length > found.title.length) {
        found = chat;
        twice = false;
      } else if (chat.title.length === found.title.length && chat.id !== found.id) twice = true;
    }
    return found === undefined || twice ? undefined : found.id;
  },
  title: 'flag',
  // The sidebar is virtualised, and on any tab but Home it is not there at all.
  partialList: () => true,
  hint(win) {
    const doc = win.document;
    return !signInShown(win) && doc.querySelector(HOME_TAB) !== null && doc.querySelector(SIDEBAR) === null ? 'open-home-tab' : undefined;
  },
  hooks: {
    rows: (doc) => collect(doc).length,
    sidebar: (doc) => queryLimited(doc, SIDEBAR, 4).length,
    homeTab: (doc) => queryLimited(doc, HOME_TAB, 4).length,
    composer: (doc) => (firstComposer(doc) ? 1 : 0),
  },
  // The list's pane: the Home tab's sidebar (on the other tabs there is none, and nothing is hidden).
  listPane: (doc) => paneFrom(doc, SIDEBAR, (sidebar) => sidebar),
};
