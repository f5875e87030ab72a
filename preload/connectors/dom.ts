/**
 * Helpers every connector shares: clean display text, numbers in any script, bounded queries, a valid snapshot
 * whatever happens, the page's own chat-list pane, and the two ways Wasl acts on a page (clicking like a user,
 * typing into a composer).
 */
import { MAX_PANE_MATCHES } from '../../common/compact';
import type { ChatSummary, ServiceSnapshot } from '../../common/model';

export { parseCount } from '../../common/count';
import type { PageFacts, RowReader } from './types';

/** No connector reports more chats than this, however many rows the page holds. */
export const MAX_CHATS = 5_000;
/** Display text is cut here (titles, previews); ids are never cut — a row with an oversized id is skipped. */
export const MAX_TEXT = 1_000;
export const MAX_ID = 512;

/**
 * Bidi marks, embeddings and isolates, zero-width spaces, word joiners, invisible operators, the BOM and soft
 * hyphens. Not ZWJ and ZWNJ (U+200C, U+200D): emoji sequences (👨‍👩‍👧) and Persian and Arabic spelling need them.
 */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

/** Control characters, and halves of surrogate pairs that lost their other half (with `u`, pairs never match). */
const BROKEN = /[\p{Cc}\p{Cs}]/gu;

/** Display text: bidi and zero-width marks and broken characters removed, whitespace collapsed, trimmed, bounded. */
export function cleanText(raw: string | null | undefined): string {
  if (!raw) return '';
  // Bounded before the regular expressions run: a megabyte name costs no more than a long one.
  const head = raw.length > MAX_TEXT * 4 ? raw.slice(0, MAX_TEXT * 4) : raw;
  // Whitespace first: tabs and line breaks are control characters too, but they separate words.
  return head.replace(INVISIBLE, '').replace(/\s+/gu, ' ').replace(BROKEN, '').trim().slice(0, MAX_TEXT);
}

/** An exact id, or undefined when it is missing or too long to be one. */
export function exactId(raw: string | null | undefined): string | undefined {
  if (raw === null || raw === undefined || raw === '' || raw.length > MAX_ID) return undefined;
  return raw;
}

/** At most `limit` elements matching `selector` under `root`, without building a list of all of them. */
export function queryLimited(root: ParentNode, selector: string, limit = MAX_CHATS): Element[] {
  const out: Element[] = [];
  let all: NodeListOf<Element>;
  try {
    all = root.querySelectorAll(selector);
  } catch {
    return out;
  }
  for (let i = 0; i < all.length && out.length < limit; i += 1) {
    const el = all[i];
    if (el) out.push(el);
  }
  return out;
}

/**
 * The page's chat-list pane (Connector.listPane), found from the element that anchors it: when `anchor` matches
 * exactly one element, the pane `column` finds from it (none when it finds none); otherwise every match (at most
 * MAX_PANE_MATCHES), so that a page showing its anchor zero or several times is never given a pane.
 */
export function paneFrom(doc: Document, anchor: string, column: (el: Element) => Element | null): Element[] {
  const found = queryLimited(doc, anchor, MAX_PANE_MATCHES);
  const [one] = found;
  if (found.length !== 1 || one === undefined) return found;
  const pane = column(one);
  return pane === null ? [] : [pane];
}

export function text(el: Element | null | undefined): string {
  return cleanText(el?.textContent);
}

export function attr(el: Element | null | undefined, name: string): string | undefined {
  const value = el?.getAttribute(name);
  return value === null || value === undefined ? undefined : value;
}

/** A snapshot from what was found: totals derived from the chats unless the page states them. */
export function snapshotOf(chats: ChatSummary[], extra: Partial<ServiceSnapshot> = {}): ServiceSnapshot {
  const unique = new Map<string, ChatSummary>();
  for (const chat of chats) if (!unique.has(chat.id) && unique.size < MAX_CHATS) unique.set(chat.id, chat);
  const list = [...unique.values()];
  let direct = 0;
  let indirect = 0;
  for (const chat of list) {
    if (chat.unread === 0) continue;
    const count = chat.unread < 0 ? 1 : chat.unread;
    if (chat.muted) indirect += count;
    else direct += count;
  }
  const snapshot: ServiceSnapshot = { loggedIn: true, unread: { direct, indirect }, chats: list, ...extra };
  return snapshot;
}

/**
 * A snapshot from page facts and rows: each row read through `readRow` (the agent passes a cached reader; a full
 * read passes the connector's own), the page's totals when it states them, the rows' sum otherwise.
 */
export function snapshotFromRows(
  doc: Document,
  facts: PageFacts,
  rows: RowReader,
  readRow: (row: Element) => ChatSummary | undefined = (row) => rows.read(row, Date.now()),
): ServiceSnapshot {
  if (!facts.loggedIn) return LOGGED_OUT;
  const chats: ChatSummary[] = [];
  const found = rows.collect ? rows.collect(doc) : queryLimited(doc, rows.selector);
  for (let i = 0; i < found.length && chats.length < MAX_CHATS; i += 1) {
    const row = found[i];
    if (!row) continue;
    let chat: ChatSummary | undefined;
    try {
      chat = readRow(row);
    } catch {
      chat = undefined;
    }
    if (chat) chats.push(chat);
  }
  const extra: Partial<ServiceSnapshot> = {};
  if (facts.unread) extra.unread = facts.unread;
  if (facts.activeChatId !== undefined) extra.activeChatId = facts.activeChatId;
  return snapshotOf(chats, extra);
}

export const LOGGED_OUT: ServiceSnapshot = Object.freeze({ loggedIn: false, unread: { direct: 0, indirect: 0 }, chats: [] });

/** An https or data: image address, or undefined (no other scheme reaches Wasl). */
export function safeImage(raw: string | null | undefined): string | undefined {
  if (!raw || raw.length > 4_096) return undefined;
  if (raw.startsWith('data:image/')) return raw;
  try {
    return new URL(raw).protocol === 'https:' ? raw : undefined;
  } catch {
    return undefined;
  }
}

/** Clicks an element the way a user's pointer would, for pages that listen to pointer or mouse down events. */
export function userClick(el: Element): void {
  const win = el.ownerDocument.defaultView;
  if (!win) return;
  const init = { bubbles: true, cancelable: true, composed: true, view: win, button: 0 };
  el.dispatchEvent(new win.PointerEvent('pointerdown', init));
  el.dispatchEvent(new win.MouseEvent('mousedown', init));
  el.dispatchEvent(new win.PointerEvent('pointerup', init));
  el.dispatchEvent(new win.MouseEvent('mouseup', init));
  el.dispatchEvent(new win.MouseEvent('click', init));
}

/**
 * `execCommand` is deprecated, but it is still the only way a script can insert text that the page receives as
 * trusted input events, exactly as typed text; editors depend on that.
 */
interface EditingDocument {
  execCommand?(command: 'insertText', showUi: false, value: string): boolean;
}

/**
 * Puts the focus in a composer with the caret after what it holds, as a user clicking at its end would. False when
 * the element is not something one types into (a text field, or editable content).
 */
export function focusAtEnd(el: Element): boolean {
  const doc = el.ownerDocument;
  const win = doc.defaultView;
  if (!win) return false;
  const field = el instanceof win.HTMLTextAreaElement || el instanceof win.HTMLInputElement ? el : undefined;
  if (!field && !(el instanceof win.HTMLElement && el.isContentEditable)) return false;
  (el as HTMLElement).focus();
  if (field) {
    field.setSelectionRange(field.value.length, field.value.length);
  } else {
    const selection = win.getSelection();
    const range = doc.createRange();
    range.selectNodeContents(el);
    range.collapse(false);
    selection?.removeAllRanges();
    selection?.addRange(range);
  }
  return true;
}

/**
 * Types `value` into a composer as a user would: focus it, put the caret at the end, and insert through the
 * browser's own editing command. The browser then fires the trusted beforeinput and input events that editors
 * (Lexical, Slate, Quill, Draft, a plain textarea) take typed text from, so each inserts it once, into its own
 * model. No synthetic event is dispatched first: an editor that handles beforeinput itself would insert twice.
 * Wasl never presses send.
 */
export function typeInto(el: Element, value: string): boolean {
  if (value === '' || !focusAtEnd(el)) return false;
  const doc = el.ownerDocument;
  const win = doc.defaultView;
  if (!win) return false;
  const field = el instanceof win.HTMLTextAreaElement || el instanceof win.HTMLInputElement ? el : undefined;
  if ((doc as EditingDocument).execCommand?.('insertText', false, value) === true) return true;
  // The command did nothing (a document that does not support it): set the text, telling the page as input does.
  if (field) {
    // The prototype's setter, so frameworks that track the value (React) see the change.
    Reflect.set(Object.getPrototypeOf(field) as object, 'value', field.value + value, field);
  } else {
    el.append(doc.createTextNode(value));
  }
  el.dispatchEvent(new win.InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }));
  return true;
}

/** Resolves once `find` returns something, or with undefined after `timeoutMs` (pages render asynchronously). */
export function waitFor<T>(win: Window, find: () => T | undefined | null, timeoutMs = 3_000): Promise<T | undefined> {
  const started = Date.now();
  return new Promise((resolve) => {
    const tick = (): void => {
      let found: T | undefined | null;
      try {
        found = find();
      } catch {
        found = undefined;
      }
      if (found !== undefined && found !== null) resolve(found);
      else if (Date.now() - started >= timeoutMs) resolve(undefined);
      else win.setTimeout(tick, 50);
    };
    tick();
  });
}
