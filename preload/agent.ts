/**
 * The service page's agent: runs the platform's connector when the page changes (a MutationObserver on the parts
 * the connector reads, batched to a few reads a second, nothing while the page is still), sends main only what
 * changed, forwards the page's notifications with the chat they are about, derives them for platforms that
 * notify from a service worker, and carries out main's requests (open a chat, type into the composer). It also
 * marks the page's own chat-list pane when the connector finds exactly one, for compact view to hide.
 * Plain DOM code: it runs the same in a service view and in a test page.
 */
import { risen } from '../common/chats-delta';
import { MAX_PANE_MATCHES, PANE_ATTRIBUTE } from '../common/compact';
import type { ServiceUpdate } from '../common/ipc';
import { MAX_COUNT } from '../common/count';
import type { ChatSummary, ConnectorHealth, ServiceSnapshot } from '../common/model';
import { titleMarksUnread, titleUnread } from '../common/title';
import { cleanText, exactId, focusAtEnd, LOGGED_OUT, MAX_CHATS, MAX_TEXT, safeImage, snapshotOf, typeInto } from './connectors/dom';
import { genericConnector } from './connectors/generic';
import { globalsOf, type Connector, type PageNotice, type Refusal, type TitleMeaning } from './connectors/types';
import { NOTIFICATION_CLICK_EVENT, NOTICE_EVENT, NOTICE_HANDLED_EVENT } from './notification-shim';
import { Reporter, type ReadMeta } from './reporter';
import { RowTracker } from './row-tracker';

/** A notification for main: what the page showed (or what Wasl derived), and the chat it is about. */
export interface AgentNotice {
  id: string;
  title: string;
  body?: string;
  iconUrl?: string;
  tag?: string;
  chatId?: string;
  /** Derived from a rising unread count, not shown by the page itself. */
  derived: boolean;
}

export interface AgentOptions {
  win: Window;
  connector: Connector;
  send(update: ServiceUpdate): void;
  notify(notice: AgentNotice): void;
  /** Shortest time between two reads of the page. */
  minIntervalMs?: number;
  /** A read that takes longer than this is abandoned (the page hung or the connector looped). */
  readTimeoutMs?: number;
  /** The version of the connector pack `connector` comes from, told with its health (so health is known per pack). */
  packVersion?: string;
}

export interface Agent {
  /** Main lost track: the next update is a full one. */
  resync(): void;
  openChat(chatId: string): Promise<boolean>;
  /** Types into the open chat's composer; while a chat is being opened, once it is (nothing when it could not be). */
  insertText(text: string): Promise<boolean>;
  /**
   * The user clicked Wasl's notification `id` (about `chatId`): the page's own handler runs, or the chat opens and
   * the caret goes into its composer, ready for the answer.
   */
  clickNotice(id: string, chatId: string | undefined): Promise<boolean>;
  /** Reads now (tests and benchmarks); resolves once the update, if any, was sent. */
  flush(): Promise<void>;
  stop(): void;
  /** Counters, and how long the last read took (script time, ms) — for the benchmark and diagnostics. */
  readonly stats: { reads: number; updates: number; failures: number; noticesDropped: number; lastReadMs: number };
}

/** A list that loses at most this many rows at once, and gains none, lost them to the user (archive, delete). */
export const REMOVED_AT_ONCE = 3;

/** How often the connector's hooks are probed for its health; a read that finds no chats probes at once. */
export const HEALTH_EVERY_MS = 10_000;

/** A page notification and one derived from the chat list, for the same chat within this time, are one. */
export const NOTICE_DEDUPE_MS = 10_000;
/** At most this many notifications per window of NOTICE_DEDUPE_MS: a flooding page is cut off. */
export const NOTICE_BURST = 20;

const DEFAULT_ATTRIBUTES = ['aria-label', 'title', 'class', 'href', 'data-testid'];

function sanitizeChat(chat: ChatSummary): ChatSummary | undefined {
  const id = exactId(chat.id);
  if (id === undefined) return undefined;
  const out: ChatSummary = { id, title: cleanText(chat.title).slice(0, MAX_TEXT), unread: 0 };
  const unread = Math.trunc(chat.unread);
  // A chat marked unread without a count (WhatsApp's -1) is one unread chat: the contract has no negative counts.
  out.unread = !Number.isFinite(unread) ? 0 : unread < 0 ? 1 : Math.min(unread, MAX_COUNT);
  if (chat.preview !== undefined) out.preview = cleanText(chat.preview);
  if (chat.lastActivity !== undefined && Number.isFinite(chat.lastActivity) && chat.lastActivity > 0) out.lastActivity = chat.lastActivity;
  if (chat.muted !== undefined) out.muted = chat.muted;
  if (chat.kind !== undefined) out.kind = chat.kind;
  if (chat.phone !== undefined && /^\+[1-9]\d{3,14}$/.test(chat.phone)) out.phone = chat.phone;
  const avatar = safeImage(chat.avatarUrl);
  if (avatar !== undefined) out.avatarUrl = avatar;
  return out;
}

/**
 * Whatever a connector returned, as a snapshot main will accept (connectors are typed, but a page can hand them
 * anything). `chatsClean`: its chats are sanitized already.
 */
export function sanitizeSnapshot(raw: ServiceSnapshot, chatsClean = false): ServiceSnapshot {
  const fields: Partial<Record<keyof ServiceSnapshot, unknown>> = raw;
  let chats: ChatSummary[] = [];
  if (chatsClean) {
    chats = raw.chats;
  } else if (Array.isArray(fields.chats)) {
    const seen = new Set<string>();
    for (const chat of fields.chats as unknown[]) {
      if (chats.length >= MAX_CHATS) break;
      const clean = typeof chat === 'object' && chat !== null ? sanitizeChat(chat as ChatSummary) : undefined;
      if (clean && !seen.has(clean.id)) {
        seen.add(clean.id);
        chats.push(clean);
      }
    }
  }
  const count = (n: unknown): number => (typeof n === 'number' && Number.isFinite(n) ? Math.max(0, Math.min(Math.trunc(n), 10_000_000)) : 0);
  const unread: Partial<Record<'direct' | 'indirect', unknown>> = typeof fields.unread === 'object' && fields.unread !== null ? fields.unread : {};
  const snapshot: ServiceSnapshot = {
    loggedIn: fields.loggedIn === true,
    unread: { direct: count(unread.direct), indirect: count(unread.indirect) },
    chats,
  };
  const active = exactId(typeof fields.activeChatId === 'string' ? fields.activeChatId : undefined);
  if (active !== undefined) snapshot.activeChatId = active;
  return snapshot;
}

function withTimeout<T>(win: Window, promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = win.setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    promise.then(
      (value) => {
        win.clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        win.clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

export function startAgent(options: AgentOptions): Agent {
  const { connector } = options;
  const win = globalsOf(options.win);
  const doc = win.document;
  const minInterval = options.minIntervalMs ?? 250;
  const readTimeout = options.readTimeoutMs ?? 5_000;
  const reporter = new Reporter();
  const stats = { reads: 0, updates: 0, failures: 0, noticesDropped: 0, lastReadMs: 0 };
  // Captured now: a hostile page may replace these globals later.
  const Observer = win.MutationObserver;
  const ElementClass = win.Element;
  const now = (): number => Date.now();

  let previous: ServiceSnapshot | undefined;
  let scheduled: number | undefined;
  let running: Promise<void> | undefined;
  let dirty = false;
  let lastRead = -Infinity;
  let stopped = false;
  let noticeSeq = 0;
  const recentNotices = new Map<string, number>();
  const noticeTimes: number[] = [];

  function allowNotice(): boolean {
    const t = now();
    while (noticeTimes.length > 0 && (noticeTimes[0] ?? 0) < t - NOTICE_DEDUPE_MS) noticeTimes.shift();
    if (noticeTimes.length >= NOTICE_BURST) {
      stats.noticesDropped += 1;
      return false;
    }
    noticeTimes.push(t);
    return true;
  }

  /** Whether a notice for this chat was already sent a moment ago (by the page or derived). */
  function seenRecently(chatId: string | undefined): boolean {
    if (chatId === undefined) return false;
    const at = recentNotices.get(chatId);
    return at !== undefined && now() - at < NOTICE_DEDUPE_MS;
  }

  function remember(chatId: string | undefined): void {
    if (chatId === undefined) return;
    recentNotices.set(chatId, now());
    if (recentNotices.size > 500) {
      for (const [id, at] of recentNotices) if (now() - at >= NOTICE_DEDUPE_MS) recentNotices.delete(id);
    }
  }

  function deriveNotices(before: ServiceSnapshot, after: ServiceSnapshot): void {
    for (const chat of risen(before.chats, after.chats)) {
      if (seenRecently(chat.id)) continue;
      if (!allowNotice()) return;
      remember(chat.id);
      const notice: AgentNotice = { id: `d${++noticeSeq}`, title: chat.title, chatId: chat.id, derived: true };
      if (chat.preview) notice.body = chat.preview;
      if (chat.avatarUrl) notice.iconUrl = chat.avatarUrl;
      options.notify(notice);
    }
  }

  // Row-based connectors: rows are found once, then followed through the mutations that touch them.
  const rows = connector.rows;
  const page = connector.page?.bind(connector);
  const tracker = rows
    ? new RowTracker(rows, (row) => {
        try {
          const raw = rows.read(row, now());
          return raw && sanitizeChat(raw);
        } catch {
          return undefined;
        }
      })
    : undefined;

  /** Whether this page's list shows only some chats (virtualised): row lists do unless the connector says. */
  function partialList(): boolean {
    try {
      return connector.partialList ? connector.partialList(win) : rows !== undefined;
    } catch {
      return false;
    }
  }

  /**
   * Chats a partial list showed and no longer renders: they scrolled away, they were not deleted. Kept (each as
   * last seen) and reported with the visible ones, until the page signs out or reloads. The evidence that a chat
   * was removed (archived, deleted, left) is the list closing the gap: it vanished from between two rows that are
   * both still shown, or the list lost a few rows and gained none (a scroll brings other rows in). At either end of
   * the list, a row replaced in place by a new one beside the same neighbour is gone too (a chat keyed by its title
   * was renamed: Instagram's, most often at the top). A row at an end that left while rows came in elsewhere
   * scrolled out, and an emptied list is hidden, not deleted: both are kept.
   */
  const kept = new Map<string, ChatSummary>();
  let shownOrder: string[] = [];
  function withKept(visible: readonly ChatSummary[]): ChatSummary[] {
    const shown = new Set(visible.map((c) => c.id));
    const before = new Set(shownOrder);
    const vanished = shownOrder.filter((id) => !shown.has(id));
    const shrank = visible.length > 0 && vanished.length <= REMOVED_AT_ONCE && !visible.some((c) => !before.has(c.id));
    const place = new Map(visible.map((c, i) => [c.id, i]));
    /** The row `offset` places from `id` in this read is one the list did not show before. */
    const newBeside = (id: string, offset: number): boolean => {
      const at = place.get(id);
      const beside = at === undefined ? undefined : visible[at + offset];
      return beside !== undefined && !before.has(beside.id) && (offset < 0 ? at === 1 : at === visible.length - 2);
    };
    shownOrder.forEach((id, i) => {
      if (shown.has(id)) return;
      const previous = shownOrder[i - 1];
      const next = shownOrder[i + 1];
      const closed = previous !== undefined && next !== undefined && shown.has(previous) && shown.has(next);
      const replaced = (previous === undefined && next !== undefined && newBeside(next, -1)) || (next === undefined && previous !== undefined && newBeside(previous, 1));
      if (shrank || closed || replaced) kept.delete(id);
    });
    shownOrder = visible.map((c) => c.id);
    for (const chat of visible) {
      kept.delete(chat.id);
      kept.set(chat.id, chat);
    }
    while (kept.size > MAX_CHATS) kept.delete(kept.keys().next().value as string);
    return [...visible, ...[...kept.values()].filter((c) => !shown.has(c.id))];
  }

  /**
   * A whole list (WhatsApp's database) is every chat there is: all of them are kept as they are now, should a later
   * read find only a partial list (the database could not be read), and no order of rows is known to close a gap.
   */
  function whole(chats: readonly ChatSummary[]): void {
    kept.clear();
    for (const chat of chats.slice(0, MAX_CHATS)) kept.set(chat.id, chat);
    shownOrder = [];
  }

  interface Read {
    snapshot: ServiceSnapshot;
    /** How many chats the page itself shows now (the snapshot also carries the kept ones of a partial list). */
    visible: number;
    /** This read saw only some of the chats (asked once the read is done: see `read`). */
    partial: boolean;
  }

  /**
   * Row-based reads come out clean (each row is sanitized when read); others are sanitized whole. Whether the list
   * is partial is asked after the connector read it: the answer can depend on where that read found its chats
   * (WhatsApp's database holds them all, its rendered list does not), and before the first read nothing is known.
   */
  async function read(): Promise<Read> {
    if (tracker && page) {
      const facts = page(win);
      if (!facts.loggedIn) {
        tracker.reset();
        kept.clear();
        shownOrder = [];
        return { snapshot: LOGGED_OUT, visible: 0, partial: false };
      }
      const extra: Partial<ServiceSnapshot> = {};
      if (facts.unread) extra.unread = facts.unread;
      if (facts.activeChatId !== undefined) extra.activeChatId = facts.activeChatId;
      const visible = tracker.chats(doc);
      const partial = partialList();
      if (!partial) whole(visible);
      return { snapshot: sanitizeSnapshot(snapshotOf(partial ? withKept(visible) : visible, extra), true), visible: visible.length, partial };
    }
    const snapshot = sanitizeSnapshot(await withTimeout(win, connector.read(win), readTimeout));
    if (!snapshot.loggedIn) {
      kept.clear();
      shownOrder = [];
      return { snapshot, visible: 0, partial: false };
    }
    const partial = partialList();
    if (!partial) {
      whole(snapshot.chats);
      return { snapshot, visible: snapshot.chats.length, partial };
    }
    // The connector's totals stand: they can count what no row shows (Discord's rail counts mentions in servers
    // whose channels are not on the page), and a kept chat's count is as stale as the chat.
    return { snapshot: { ...snapshot, chats: withKept(snapshot.chats) }, visible: snapshot.chats.length, partial };
  }

  /** The connector's snapshot, or the page title's count when the connector failed or hung. */
  async function readOnce(): Promise<Read & { failed: boolean }> {
    stats.reads += 1;
    try {
      return { ...(await read()), failed: false };
    } catch (error) {
      stats.failures += 1;
      console.warn('[wasl] connector failed, using the page title', error);
      const fallback = await genericConnector.read(win).catch(() => LOGGED_OUT);
      return { snapshot: sanitizeSnapshot(fallback), visible: 0, partial: false, failed: true };
    }
  }

  function titleMeaning(): TitleMeaning {
    try {
      return typeof connector.title === 'function' ? connector.title(win) : (connector.title ?? 'count');
    } catch {
      return 'count';
    }
  }
  let health: ConnectorHealth | undefined;
  let probedAt = -Infinity;
  let lastGoodRead: number | null = null;

  /** The hooks that match nothing now (probed at most every HEALTH_EVERY_MS, at once when a read found no chats). */
  let missing: string[] = [];
  let probedRows: number | undefined;
  function probe(visible: number): void {
    const t = now();
    if (visible > 0 && t - probedAt < HEALTH_EVERY_MS) return;
    probedAt = t;
    missing = [];
    probedRows = undefined;
    for (const [name, count] of Object.entries(connector.hooks ?? {})) {
      let found: number;
      try {
        found = count(doc);
      } catch {
        found = 0;
      }
      if (name === 'rows') probedRows = found;
      if (!(found > 0)) missing.push(name.slice(0, 40));
    }
    missing = missing.slice(0, 20);
  }

  /** An element the connector's pane hook may name: one of this page's, never its root, head or body. */
  function isPane(el: unknown): el is Element {
    return el instanceof ElementClass && el.isConnected && el.ownerDocument === doc && el !== doc.documentElement && el !== doc.head && el !== doc.body;
  }

  /**
   * The page's own chat-list pane: how many elements the connector's hook finds now (undefined without a hook).
   * The one element found is marked with PANE_ATTRIBUTE, which compact view's stylesheet hides, and every other
   * element loses the mark: a pane found zero or several times is never marked, so a changed page is never blanked.
   */
  function markPane(): number | undefined {
    if (!connector.listPane) return undefined;
    let found: unknown[] = [];
    try {
      const raw: unknown = connector.listPane(doc);
      if (Array.isArray(raw)) found = raw.slice(0, 100);
    } catch {
      found = [];
    }
    const panes = [...new Set(found)].filter(isPane);
    const pane = panes.length === 1 ? panes[0] : undefined;
    for (const el of doc.querySelectorAll(`[${PANE_ATTRIBUTE}]`)) if (el !== pane) el.removeAttribute(PANE_ATTRIBUTE);
    if (pane && !pane.hasAttribute(PANE_ATTRIBUTE)) pane.setAttribute(PANE_ATTRIBUTE, '');
    return Math.min(panes.length, MAX_PANE_MATCHES);
  }

  /** How well the connector reads the page now: the last health when nothing in it changed. */
  function healthOf(snapshot: ServiceSnapshot, visible: number, titleFigure: number | null, panes: number | undefined): ConnectorHealth | undefined {
    if (connector === genericConnector || !snapshot.loggedIn) return undefined;
    if (visible > 0) lastGoodRead = now();
    probe(visible);
    let hint: ConnectorHealth['hint'];
    try {
      hint = connector.hint?.(win);
    } catch {
      hint = undefined;
    }
    const next: ConnectorHealth = {
      rows: probedRows ?? visible,
      chats: visible,
      badges: snapshot.chats.filter((c) => c.unread > 0).length,
      titleUnread: titleFigure,
      missing,
      lastGoodRead,
    };
    if (hint !== undefined) next.hint = hint;
    if (options.packVersion !== undefined) next.packVersion = options.packVersion;
    if (panes !== undefined) next.listPane = panes;
    // Every read that finds chats moves lastGoodRead on: that alone is no news, and would make every read an update.
    // The health is sent again when what it says about the page changed, and then with the last good read's time.
    const picture = (h: ConnectorHealth | undefined): string => JSON.stringify(h && { ...h, lastGoodRead: h.lastGoodRead !== null });
    if (picture(next) !== picture(health)) health = next;
    return health;
  }

  async function run(): Promise<void> {
    scheduled = undefined;
    dirty = false;
    lastRead = now();
    const started = win.performance.now();
    const { snapshot: raw, visible, partial, failed } = await readOnce();
    if (stopped) return;
    const panes = markPane();
    // What the title says, as this platform means it: a count, only that something is unread, or nothing.
    const meaning = titleMeaning();
    const fromTitle = titleUnread(doc.title);
    const titleSaysUnread = meaning !== 'ignore' && (fromTitle > 0 || titleMarksUnread(doc.title));
    const titleFigure = meaning === 'ignore' ? null : meaning === 'flag' ? (titleSaysUnread ? 1 : 0) : Math.max(fromTitle, titleSaysUnread ? 1 : 0);
    // Hooks that find nothing while the title says there is something unread: the platform changed its page.
    const degraded = failed || (connector !== genericConnector && raw.loggedIn && visible === 0 && raw.chats.length === 0 && titleSaysUnread);
    const snapshot: ServiceSnapshot =
      degraded && raw.unread.direct === 0 ? { ...raw, unread: { direct: titleFigure ?? 0, indirect: raw.unread.indirect } } : raw;
    if (previous && connector.notifiesFromServiceWorker?.(win)) deriveNotices(previous, snapshot);
    previous = snapshot;
    let refusal: Refusal | undefined;
    if (!snapshot.loggedIn) {
      try {
        refusal = connector.refusal?.(win);
      } catch {
        refusal = undefined;
      }
    }
    const meta: ReadMeta = { degraded, partial: partial && snapshot.loggedIn };
    if (refusal !== undefined) meta.refusal = refusal;
    const health = healthOf(snapshot, visible, titleFigure, panes);
    if (health !== undefined) meta.health = health;
    const update = reporter.next(snapshot, meta);
    stats.lastReadMs = win.performance.now() - started;
    if (update) {
      stats.updates += 1;
      options.send(update);
    }
  }

  function schedule(): void {
    if (stopped) return;
    dirty = true;
    if (scheduled !== undefined || running) return;
    scheduled = win.setTimeout(() => void runLoop(), Math.max(0, lastRead + minInterval - now()));
  }

  async function runLoop(): Promise<void> {
    running = run();
    try {
      await running;
    } finally {
      running = undefined;
    }
    if (dirty && !stopped) schedule();
  }

  const observer = new Observer((records) => {
    tracker?.note(records);
    schedule();
  });
  // A page can have no body or head yet (or remove them): queried, not taken as always present.
  const body = doc.querySelector('body');
  const head = doc.querySelector('head');
  const spec = connector.watch?.(win) ?? { targets: [body ?? doc.documentElement], attributes: DEFAULT_ATTRIBUTES };
  for (const target of spec.targets) {
    observer.observe(target, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: spec.attributes });
  }
  const titleObserver = new Observer(() => schedule());
  if (head) titleObserver.observe(head, { subtree: true, childList: true, characterData: true });
  const unsubscribe = connector.subscribe?.(win, schedule);
  // A page that was hidden may have changed without painting anything: read when it shows again.
  const onVisible = (): void => {
    if (doc.visibilityState === 'visible') schedule();
  };
  doc.addEventListener('visibilitychange', onVisible);

  const onNotice = (event: Event): void => {
    const detail = (event as CustomEvent<unknown>).detail;
    if (typeof detail !== 'string') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(detail);
    } catch {
      return;
    }
    if (typeof parsed !== 'object' || parsed === null) return;
    const p = parsed as Record<string, unknown>;
    const pageId = typeof p['id'] === 'string' ? p['id'] : undefined;
    const title = cleanText(typeof p['title'] === 'string' ? p['title'] : '');
    if (pageId === undefined || title === '') return;
    const body = cleanText(typeof p['body'] === 'string' ? p['body'] : '');
    const tag = typeof p['tag'] === 'string' ? p['tag'].slice(0, 200) : '';
    const pageNotice: PageNotice = { title };
    if (body) pageNotice.body = body;
    if (tag) pageNotice.tag = tag;
    let chatId: string | undefined;
    try {
      chatId = exactId(connector.chatForNotice?.(win, pageNotice));
    } catch {
      chatId = undefined;
    }
    if (seenRecently(chatId) || !allowNotice()) return;
    remember(chatId);
    const notice: AgentNotice = { id: `p${pageId}`, title, derived: false };
    if (body) notice.body = body;
    if (tag) notice.tag = tag;
    const icon = safeImage(typeof p['icon'] === 'string' ? p['icon'] : undefined);
    if (icon) notice.iconUrl = icon;
    if (chatId !== undefined) notice.chatId = chatId;
    options.notify(notice);
  };
  doc.addEventListener(NOTICE_EVENT, onNotice);

  /** The chat being opened now: text to type waits for it, so it lands in that chat, not the one open before. */
  let opening: Promise<boolean> | undefined;

  function openChat(chatId: string): Promise<boolean> {
    const run = (async () => {
      if (!connector.openChat) return false;
      try {
        return await withTimeout(win, connector.openChat(win, chatId), readTimeout);
      } catch {
        return false;
      }
    })();
    opening = run;
    void run.then(() => {
      if (opening === run) opening = undefined;
    });
    return run;
  }

  schedule();

  /** The open chat's composer, when the connector knows where it is and the page shows it in time. */
  const findComposer = async (): Promise<Element | undefined> => {
    if (!connector.composer) return undefined;
    try {
      return (await withTimeout(win, connector.composer(win), readTimeout)) ?? undefined;
    } catch {
      return undefined;
    }
  };

  return {
    stats,
    resync() {
      reporter.resync();
      tracker?.reset();
      schedule();
    },
    openChat,
    async insertText(text) {
      // After a chat that could not be opened, the text would go to whichever chat is open: it is not typed.
      if (opening !== undefined && !(await opening)) return false;
      const composer = await findComposer();
      return composer !== undefined && typeInto(composer, text);
    },
    async clickNotice(id, chatId) {
      if (id.startsWith('p')) {
        // The page's own handler first, as a click on its own notification would run it.
        const answer = { handled: false };
        const pageId = id.slice(1);
        const onHandled = (event: Event): void => {
          if ((event as CustomEvent<unknown>).detail === pageId) answer.handled = true;
        };
        // The shim answers synchronously, from inside the click event's dispatch.
        doc.addEventListener(NOTICE_HANDLED_EVENT, onHandled);
        doc.dispatchEvent(new win.CustomEvent(NOTIFICATION_CLICK_EVENT, { detail: pageId }));
        doc.removeEventListener(NOTICE_HANDLED_EVENT, onHandled);
        if (answer.handled) return true;
      }
      if (chatId === undefined || !(await openChat(chatId))) return false;
      const composer = await findComposer();
      if (composer !== undefined) focusAtEnd(composer);
      return true;
    },
    async flush() {
      if (scheduled !== undefined) {
        win.clearTimeout(scheduled);
        scheduled = undefined;
      }
      if (running) await running;
      await run();
    },
    stop() {
      stopped = true;
      observer.disconnect();
      titleObserver.disconnect();
      unsubscribe?.();
      doc.removeEventListener('visibilitychange', onVisible);
      doc.removeEventListener(NOTICE_EVENT, onNotice);
      if (scheduled !== undefined) win.clearTimeout(scheduled);
      for (const el of doc.querySelectorAll(`[${PANE_ATTRIBUTE}]`)) el.removeAttribute(PANE_ATTRIBUTE);
    },
  };
}
