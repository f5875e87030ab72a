/**
 * Keeps a row-based connector's chats up to date from the page's mutation records: a row that changed, appeared or
 * went is read again, and nothing else. Finding rows anew means walking the whole document (2,000 rows are tens of
 * thousands of nodes); a new message touches one row, so after the first scan a read costs what changed.
 */
import type { ChatSummary } from '../common/model';
import { MAX_CHATS, queryLimited } from './connectors/dom';
import type { RowReader } from './connectors/types';

/** More changed rows than this at once (a re-render of the whole list): scanning is as cheap and surer. */
const RESCAN_AT = 500;

export class RowTracker {
  /** Rows that read as chats, in the order they were first seen (the page's order at the last scan). */
  private byRow = new Map<Element, ChatSummary>();
  private readonly dirty = new Set<Element>();
  /** Mutations can be followed: false before the first scan, and while the page holds more rows than are kept. */
  private tracking = false;

  constructor(
    private readonly reader: RowReader,
    private readonly readRow: (row: Element) => ChatSummary | undefined,
  ) {}

  /** Notes which rows the mutations touched (cheap: the reading waits for `chats`). */
  note(records: readonly MutationRecord[]): void {
    if (!this.tracking) return;
    const selector = this.reader.selector;
    for (const record of records) {
      if (record.type === 'childList') {
        for (const node of record.addedNodes) this.rowsIn(node);
        for (const node of record.removedNodes) this.removed(node);
      }
      const target = record.target;
      const el = target.nodeType === 1 ? (target as Element) : target.parentElement;
      const row = el?.closest(selector);
      if (row) this.dirty.add(row);
      // An attribute may have made an element a row, or stopped it being one.
      else if (record.type === 'attributes' && el && this.byRow.has(el)) this.dirty.add(el);
    }
    if (this.dirty.size > RESCAN_AT) this.reset();
  }

  /** The chats the rows show now. */
  chats(doc: Document): ChatSummary[] {
    if (!this.tracking) return this.scan(doc);
    const selector = this.reader.selector;
    for (const row of this.dirty) {
      const chat = row.isConnected && row.matches(selector) ? this.readRow(row) : undefined;
      if (chat) this.byRow.set(row, chat);
      else this.byRow.delete(row);
    }
    this.dirty.clear();
    return [...this.byRow.values()];
  }

  /** Forget everything: the next read scans the page (after a sign-out, a resync, or a flood of changes). */
  reset(): void {
    this.tracking = false;
    this.dirty.clear();
  }

  private scan(doc: Document): ChatSummary[] {
    const found = this.reader.collect ? this.reader.collect(doc) : queryLimited(doc, this.reader.selector, MAX_CHATS + 1);
    const byRow = new Map<Element, ChatSummary>();
    for (let i = 0; i < found.length && byRow.size <= MAX_CHATS; i += 1) {
      const row = found[i];
      const chat = row ? this.readRow(row) : undefined;
      if (row && chat) byRow.set(row, chat);
    }
    this.byRow = byRow;
    this.dirty.clear();
    // Past the limit, which rows are kept depends on the page's order: keep scanning, in order, every time.
    this.tracking = byRow.size <= MAX_CHATS;
    return [...byRow.values()];
  }

  /**
   * Rows that left the page. Not by selector: a detached row may no longer match one that needs its ancestors
   * (".chat-list .Chat"), so by what is known.
   */
  private removed(node: Node): void {
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (this.byRow.has(el)) {
      this.dirty.add(el);
      return;
    }
    if (!el.firstElementChild) return;
    for (const row of this.byRow.keys()) if (!row.isConnected && el.contains(row)) this.dirty.add(row);
  }

  private rowsIn(node: Node): void {
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (el.matches(this.reader.selector)) this.dirty.add(el);
    if (el.firstElementChild) for (const row of queryLimited(el, this.reader.selector, RESCAN_AT + 1)) this.dirty.add(row);
  }
}
