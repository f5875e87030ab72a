/**
 * Turns successive snapshots of a page into the deltas main expects on `svc:update`: only the chats that were
 * added, changed or removed (common/chats-delta.ts), and the totals. A full update (`reset`) goes first and
 * whenever main asks for one; updates are numbered one by one, as main's `inSequence` expects.
 */
import { diffChats } from '../common/chats-delta';
import type { ServiceUpdate } from '../common/ipc';
import type { ChatSummary, ConnectorHealth, ServiceSnapshot } from '../common/model';
import type { Refusal } from './connectors/types';

function sameHealth(a: ConnectorHealth | undefined, b: ConnectorHealth | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** What a read says besides its chats. */
export interface ReadMeta {
  /** The connector's hooks found nothing and the counts come from the page title. */
  degraded?: boolean;
  /** Why a signed-out page will never sign in. */
  refusal?: Refusal;
  /** The page shows only some of its chats: main keeps the ones it does not list. */
  partial?: boolean;
  /** How well the connector reads the page (sent when it changes). */
  health?: ConnectorHealth;
}

export class Reporter {
  private seq = -1;
  private last: { snapshot: ServiceSnapshot; meta: ReadMeta } | undefined;

  /** The next full update will replace everything main holds. */
  resync(): void {
    this.last = undefined;
  }

  /** The update to send for `snapshot`, or undefined when nothing changed. */
  next(snapshot: ServiceSnapshot, meta: ReadMeta = {}): ServiceUpdate | undefined {
    const previous = this.last;
    this.last = { snapshot, meta };
    if (!previous) {
      this.seq += 1;
      return this.update(snapshot, true, snapshot.chats, [], meta, true);
    }
    const { upsert, remove } = diffChats(previous.snapshot.chats, snapshot.chats);
    const before = previous.snapshot;
    const healthChanged = !sameHealth(previous.meta.health, meta.health);
    const totalsSame =
      before.loggedIn === snapshot.loggedIn &&
      before.unread.direct === snapshot.unread.direct &&
      before.unread.indirect === snapshot.unread.indirect &&
      before.activeChatId === snapshot.activeChatId &&
      (previous.meta.degraded ?? false) === (meta.degraded ?? false) &&
      previous.meta.refusal === meta.refusal &&
      (previous.meta.partial ?? false) === (meta.partial ?? false) &&
      !healthChanged;
    if (upsert.length === 0 && remove.length === 0 && totalsSame) return undefined;
    this.seq += 1;
    return this.update(snapshot, false, upsert, remove, meta, healthChanged);
  }

  private update(snapshot: ServiceSnapshot, reset: boolean, upsert: ChatSummary[], remove: string[], meta: ReadMeta, withHealth: boolean): ServiceUpdate {
    const update: ServiceUpdate = {
      seq: this.seq,
      reset,
      loggedIn: snapshot.loggedIn,
      unread: snapshot.unread,
      upsert,
      remove,
      activeChatId: snapshot.activeChatId ?? null,
      degraded: meta.degraded ?? false,
    };
    if (meta.refusal !== undefined) update.refusal = meta.refusal;
    if (meta.partial === true) update.partial = true;
    if (withHealth && meta.health !== undefined) update.health = meta.health;
    return update;
  }
}
