/**
 * Turns successive snapshots of a page into the deltas main expects on `svc:update`: only the chats that were
 * added, changed or removed, and the totals. A full update (`reset`) goes first and whenever main asks for one.
 */
import type { ServiceUpdate } from '../common/ipc';
import type { ChatSummary, ServiceSnapshot } from '../common/model';
import type { Refusal } from './connectors/types';

function sameChat(a: ChatSummary, b: ChatSummary): boolean {
  if (a === b) return true;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof ChatSummary)[]);
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

export class Reporter {
  private seq = -1;
  private last: { snapshot: ServiceSnapshot; byId: Map<string, ChatSummary>; degraded: boolean; refusal: Refusal | undefined } | undefined;

  /** The next full update will replace everything main holds. */
  resync(): void {
    this.last = undefined;
  }

  /**
   * The update to send for `snapshot`, or undefined when nothing changed. `degraded`: the connector's hooks found
   * nothing and the counts come from the page title. `refusal`: why a signed-out page will never sign in.
   */
  next(snapshot: ServiceSnapshot, degraded = false, refusal?: Refusal): ServiceUpdate | undefined {
    const byId = new Map(snapshot.chats.map((c) => [c.id, c]));
    const previous = this.last;
    this.last = { snapshot, byId, degraded, refusal };
    if (!previous) {
      this.seq += 1;
      return this.update(snapshot, true, snapshot.chats, [], degraded, refusal);
    }
    const upsert: ChatSummary[] = [];
    for (const chat of snapshot.chats) {
      const before = previous.byId.get(chat.id);
      if (!before || !sameChat(before, chat)) upsert.push(chat);
    }
    const remove: string[] = [];
    for (const id of previous.byId.keys()) if (!byId.has(id)) remove.push(id);
    const before = previous.snapshot;
    const totalsSame =
      before.loggedIn === snapshot.loggedIn &&
      before.unread.direct === snapshot.unread.direct &&
      before.unread.indirect === snapshot.unread.indirect &&
      before.activeChatId === snapshot.activeChatId &&
      previous.degraded === degraded &&
      previous.refusal === refusal;
    if (upsert.length === 0 && remove.length === 0 && totalsSame) return undefined;
    this.seq += 1;
    return this.update(snapshot, false, upsert, remove, degraded, refusal);
  }

  private update(
    snapshot: ServiceSnapshot,
    reset: boolean,
    upsert: ChatSummary[],
    remove: string[],
    degraded: boolean,
    refusal: Refusal | undefined,
  ): ServiceUpdate {
    const update: ServiceUpdate = {
      seq: this.seq,
      reset,
      loggedIn: snapshot.loggedIn,
      unread: snapshot.unread,
      upsert,
      remove,
      activeChatId: snapshot.activeChatId ?? null,
      degraded,
    };
    if (refusal !== undefined) update.refusal = refusal;
    return update;
  }
}
