import type { ChatSummary, HookName, PlatformId, ReadHint, Refusal, ServiceSnapshot } from '../../common/model';

export type { ReadHint, Refusal } from '../../common/model';

/**
 * What the page's title says on this platform (platform-dom.md): `count`, the number of unread messages
 * (Instagram's "(3) Instagram • Messages"); `flag`, only that something is unread (WhatsApp shows "(1)" with ten
 * unread chats; Discord's "•"); `ignore`, nothing about chats (facebook.com counts Facebook's own notifications).
 */
export type TitleMeaning = 'count' | 'flag' | 'ignore';

/**
 * A hook of the page a connector depends on, and how many elements match it now. The agent reports, in the
 * connector's health, the hooks that matched nothing: that is how a site's change is seen before users see it.
 */
export type HookProbe = (doc: Document) => number;

/** A page's window with its constructors (`MutationObserver`, `CustomEvent`, element classes). */
export type PageWindow = Window & typeof globalThis;

/** The window a connector was given, typed with its constructors. */
export const globalsOf = (win: Window): PageWindow => win as PageWindow;

/** What the page told the user, as the notification shim saw it (or as derived from a rising unread count). */
export interface PageNotice {
  title: string;
  body?: string;
  tag?: string;
}

/** The parts of the page a connector reads: the agent observes only these, never the whole page. */
export interface WatchSpec {
  /** Elements (or the document) whose subtree changes mean the snapshot may have changed. */
  targets: Node[];
  /** Attributes whose changes matter (unread badges often change only an aria-label or a class). */
  attributes: string[];
}

/** Page-wide facts a row-based connector reads besides the rows. */
export interface PageFacts {
  loggedIn: boolean;
  activeChatId?: string;
  /** The page's own totals, when it shows them (a nav badge); otherwise they are summed from the rows. */
  unread?: { direct: number; indirect: number };
}

/**
 * A chat list made of one element per chat. The agent then reads incrementally: it keeps what each row said and
 * reads again only the rows whose content changed, so a new message costs one row, not the whole list.
 */
export interface RowReader {
  /** Every chat row, in the page's order (also used with `closest()` to find the row a change happened in). */
  selector: string;
  /**
   * The rows, faster than `querySelectorAll(selector)` (a live `getElementsByClassName` collection is cached by
   * the browser): rows it returns that are not chats are read as undefined.
   */
  collect?(doc: Document): ArrayLike<Element>;
  /** One row as a chat; undefined for a row that is not a chat (a folder, an ad, a placeholder). */
  read(row: Element, now: number): ChatSummary | undefined;
}

/**
 * Reads one platform's web client. Pure DOM/IndexedDB code: it runs the same in a service view and in a test
 * page in Chromium, imports nothing from Electron, and never throws into the page (the agent also guards it).
 */
export interface Connector {
  platform: PlatformId;
  /** The page as a snapshot; `loggedIn: false` on sign-in and QR pages. Must be valid whatever the page holds. */
  read(win: Window): Promise<ServiceSnapshot>;
  /** When the chat list is made of rows: how to find and read them (the agent reads them incrementally). */
  rows?: RowReader;
  /** With `rows`: the rest of the page (signed in? which chat is open? totals?). */
  page?(win: Window): PageFacts;
  /** Opens a chat the last snapshot listed (by URL route where the platform has one, by clicking its row otherwise). */
  openChat?(win: Window, chatId: string): Promise<boolean>;
  /**
   * The open chat's message box, once the page shows it (waiting a moment for a chat being opened): the agent types
   * a quick reply into it as the user would (typeInto), or puts the caret in it when a notification opened the chat.
   */
  composer?(win: Window): Promise<Element | null | undefined>;
  /** Where to watch; by default the whole body with common attributes. */
  watch?(win: Window): WatchSpec;
  /**
   * For data the page keeps outside its DOM (WhatsApp's IndexedDB): the connector calls `changed` when a read may
   * find something new. Returns an unsubscribe function.
   */
  subscribe?(win: Window, changed: () => void): () => void;
  /** Which chat a page notification is about, when the platform lets us tell. */
  chatForNotice?(win: Window, notice: PageNotice): string | undefined;
  /**
   * The platform raises its notifications from a service worker (Telegram A, Discord), which no page shim sees:
   * the agent derives them from chats whose unread count rose.
   */
  notifiesFromServiceWorker?(win: Window): boolean;
  /** On a signed-out page: the platform refuses this account web sign-in (WeChat's error 1203), so no QR will work. */
  refusal?(win: Window): Refusal | undefined;
  /** What the page's title means here (per page where one connector reads two sites); `count` when absent. */
  title?: TitleMeaning | ((win: Window) => TitleMeaning);
  /**
   * Whether a read sees only some of the chats (a virtualised list renders the rows on screen): a chat missing
   * from such a read scrolled away, it was not deleted, and main keeps it. Absent: true for `rows` connectors.
   */
  partialList?(win: Window): boolean;
  /** The hooks this connector reads, by name (`rows`, `badge`, `composer`…), for its health report. */
  hooks?: Partial<Record<HookName, HookProbe>>;
  /**
   * The page's own chat-list pane (the column holding the list, never the open conversation), as every element
   * that may be it: in compact view Wasl hides it only while this finds exactly one (common/compact.ts). Absent when
   * no public evidence shows the platform's pane.
   */
  listPane?(doc: Document): Element[];
  /**
   * Something the user can do for Wasl to read the page (Slack renders its channel list on the Home tab only):
   * shown with the service instead of an empty list.
   */
  hint?(win: Window): ReadHint | undefined;
}
