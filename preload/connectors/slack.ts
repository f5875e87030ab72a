/**
 * Slack (app.slack.com/client/<team>/<channel>, reached from <team>.slack.com), from the sidebar's readable BEM
 * classes and the QA attributes its client carries:
 * - a conversation is `.p-channel_sidebar__channel` (channels and direct messages alike), its id in
 *   `data-qa-channel-sidebar-channel-id` ("C…", "D…", "G…"; the link's href as a fallback), its type in
 *   `data-qa-channel-sidebar-channel-type`: `im` → direct, `mpim` → group, `channel`/`private` → channel;
 * - the name in `.p-channel_sidebar__name` (its first span: what follows are status decorations);
 * - unread: `--unread`; `.p-channel_sidebar__badge` holds the count of a direct message or a channel's mentions. An
 *   unread channel without mentions shows no number, only bold text, so it counts 1;
 * - muted: `--muted` (or `data-qa-channel-sidebar-channel-is-muted="true"`); its unread count goes to `indirect`;
 * - selected: `--selected`, `data-qa-channel-sidebar-channel-is-selected="true"` or the treeitem's aria-selected.
 * Conversations open by the client's route, /client/<team>/<id> (the team from the current address). Signed out:
 * the workspace sign-in page (/signin, /workspace-signin, `.p-signin_form`). The composer is Quill's `.ql-editor`
 * in `[data-qa="message_input"]`. Notifications are the page's own; the sidebar gives no total, so rows are summed.
 */
import type { ChatSummary } from '../../common/model';
import { attr, cleanText, exactId, parseCount, snapshotFromRows, text, typeInto, userClick, waitFor } from './dom';
import { globalsOf, type Connector, type PageFacts, type RowReader } from './types';

const ROW_CLASS = 'p-channel_sidebar__channel';
const ROW = `.${ROW_CLASS}`;
const MOD = (name: string): string => `${ROW_CLASS}--${name}`;
const SIGN_IN_PATH = /^\/(?:signin|workspace-signin|ssb\/signin)(?:\/|$)/;
const SIGN_IN_CLASSES = ['p-signin_form', 'p-workspace_signin'];
const CLIENT_ROUTE = /^\/client\/([TE][A-Z0-9]+)(?:\/([^/?#]+))?/;
/** Slack conversation ids: channels C…, direct messages D…, (older) private channels and group messages G…. */
const CONVERSATION = /^[CDG][A-Z0-9]{2,}$/;
const KINDS: Record<string, ChatSummary['kind']> = { im: 'direct', mpim: 'group', channel: 'channel', private: 'channel' };
const COMPOSERS = [
  '[data-qa="message_input"] .ql-editor[contenteditable="true"]',
  '.ql-editor[contenteditable="true"]',
  '[data-qa="message_input"] [contenteditable="true"]',
  '[data-qa="message_input"][contenteditable="true"]',
];

function idOf(row: Element): string | undefined {
  const qa = attr(row, 'data-qa-channel-sidebar-channel-id');
  if (qa !== undefined) return exactId(qa);
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
  const id = idOf(row);
  if (id === undefined) return undefined;
  const name = row.querySelector('.p-channel_sidebar__name');
  const badge = row.querySelector('.p-channel_sidebar__badge');
  const counted = badge ? parseCount(badge.textContent) : 0;
  const marked = row.classList.contains(MOD('unread')) || badge !== null;
  const chat: ChatSummary = {
    id,
    title: text(name?.querySelector(':scope > span') ?? name),
    unread: counted > 0 ? counted : marked ? 1 : 0,
    muted: row.classList.contains(MOD('muted')) || attr(row, 'data-qa-channel-sidebar-channel-is-muted') === 'true',
  };
  const kind = kindOf(row);
  if (kind !== undefined) chat.kind = kind;
  return chat;
}

const rows: RowReader = {
  selector: ROW,
  // A live collection the browser keeps: no scan of the page on each read.
  collect: (doc) => doc.getElementsByClassName(ROW_CLASS),
  read: (row) => readRow(row),
};

function signInShown(win: Window): boolean {
  const doc = win.document;
  return SIGN_IN_PATH.test(win.location.pathname) || SIGN_IN_CLASSES.some((name) => doc.getElementsByClassName(name).length > 0) || doc.getElementById('signin_form') !== null;
}

/** The conversation the address shows, if it is one. */
function routed(win: Window): string | undefined {
  const id = CLIENT_ROUTE.exec(win.location.pathname)?.[2];
  return id !== undefined && CONVERSATION.test(id) ? exactId(id) : undefined;
}

function page(win: Window): PageFacts {
  if (signInShown(win) && win.document.getElementsByClassName(ROW_CLASS).length === 0) return { loggedIn: false };
  const facts: PageFacts = { loggedIn: true };
  const active = routed(win);
  if (active !== undefined) facts.activeChatId = active;
  return facts;
}

function rowOf(win: Window, id: string): Element | undefined {
  const doc = win.document;
  const byQa = doc.querySelector(`${ROW}[data-qa-channel-sidebar-channel-id="${globalsOf(win).CSS.escape(id)}"]`);
  if (byQa) return byQa;
  const all = doc.getElementsByClassName(ROW_CLASS);
  for (let i = 0; i < all.length; i += 1) {
    const row = all[i];
    if (row && idOf(row) === id) return row;
  }
  return undefined;
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

/** Slack titles a notification by its sender ("New message from Ali") or its channel ("New message in #offers"). */
function titleName(title: string): string {
  return cleanText(title)
    .replace(/^New message (?:from|in) /u, '')
    .replace(/^#/u, '');
}

export const slackConnector: Connector = {
  platform: 'slack',
  rows,
  page,
  read: (win) => Promise.resolve(snapshotFromRows(win.document, page(win), rows)),
  watch: (win) => ({
    targets: [win.document.body],
    attributes: ['class', 'href', 'aria-selected', 'data-qa-channel-sidebar-channel-id', 'data-qa-channel-sidebar-channel-type', 'data-qa-channel-sidebar-channel-is-muted'],
  }),
  async openChat(win, chatId) {
    if (!CONVERSATION.test(chatId) || !rowOf(win, chatId)) return false;
    const opened = (): true | undefined => {
      const row = rowOf(win, chatId);
      return routed(win) === chatId && row !== undefined && isSelected(row) ? true : undefined;
    };
    const team = CLIENT_ROUTE.exec(win.location.pathname)?.[1];
    if (team !== undefined && routed(win) !== chatId) {
      // The client follows its history like its own links: a new entry, then popstate.
      win.history.pushState(null, '', `/client/${team}/${chatId}`);
      win.dispatchEvent(new (globalsOf(win).PopStateEvent)('popstate', { state: null }));
    }
    if (team !== undefined && (await waitFor(win, opened, 1_500))) return true;
    // No route to take (no team in the address) or it did not take: click the row as the user would.
    const row = rowOf(win, chatId);
    if (row) userClick(row);
    return (await waitFor(win, opened, 1_500)) === true;
  },
  async insertText(win, value) {
    const composer = await waitFor(win, () => firstComposer(win.document), 2_000);
    return composer ? typeInto(composer, value) : false;
  },
  chatForNotice(win, notice) {
    // A conversation id in the tag, when there is one; otherwise the one conversation the title names.
    const tagged = /\b([CDG][A-Z0-9]{8,})\b/u.exec(notice.tag ?? '')?.[1];
    if (tagged !== undefined && rowOf(win, tagged)) return tagged;
    const name = titleName(notice.title);
    if (name === '') return undefined;
    let found: string | undefined;
    const all = win.document.getElementsByClassName(ROW_CLASS);
    for (let i = 0; i < all.length; i += 1) {
      const row = all[i];
      const chat = row ? readRow(row) : undefined;
      if (chat?.title !== name) continue;
      if (found !== undefined) return undefined;
      found = chat.id;
    }
    return found;
  },
};
