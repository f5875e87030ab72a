/**
 * One chat delta for every process. The page's reporter diffs each read against the one before (`diffChats`);
 * main applies the page's updates in sequence (`inSequence`, `applyChatsDelta`) and the shell applies the deltas
 * main passes on (`applyChatsDelta`). When two chats are the same is asked once (`sameChat`), and so is when a
 * chat's unread count rose, which is worth a notification (`risen`). Pure.
 *
 * A delta carries what changed, not the order: a reset lists every chat in the page's order; otherwise removals,
 * then upserts, merge into the list (a chat already there keeps its place, a new one goes last).
 */
import type { ChatsDelta } from './ipc';
import type { ChatSummary, ServiceSnapshot } from './model';
import type { ChatActivity } from './shop/model';

/** What changed between two chat lists: the chats added or changed, and the ids of those gone. */
export interface ChatsChange {
  upsert: ChatSummary[];
  remove: string[];
}

/** Who wrote last can change while nothing else does (a notification before the chat list moves). */
function sameActivity(a: ChatActivity | undefined, b: ChatActivity | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return a.first === b.first && a.lastIn === b.lastIn && a.lastOut === b.lastOut && a.waitingSince === b.waitingSince;
}

/**
 * How two chats compare, field by field. Keyed by every field of ChatSummary, optional ones too (the keys are an
 * alias, so the table does not take their optionality): a field added to ChatSummary must be added here.
 */
type Field = keyof ChatSummary;
const FIELDS: { [K in Field]: (a: ChatSummary, b: ChatSummary) => boolean } = {
  id: (a, b) => a.id === b.id,
  title: (a, b) => a.title === b.title,
  preview: (a, b) => a.preview === b.preview,
  lastActivity: (a, b) => a.lastActivity === b.lastActivity,
  unread: (a, b) => a.unread === b.unread,
  muted: (a, b) => a.muted === b.muted,
  kind: (a, b) => a.kind === b.kind,
  phone: (a, b) => a.phone === b.phone,
  avatarUrl: (a, b) => a.avatarUrl === b.avatarUrl,
  activity: (a, b) => sameActivity(a.activity, b.activity),
};
const COMPARE = Object.values(FIELDS);

/** Whether two chats say the same in every field (an absent field and one set to undefined are the same). */
export function sameChat(a: ChatSummary, b: ChatSummary): boolean {
  return a === b || COMPARE.every((same) => same(a, b));
}

/** What turns the chats `before` into `after`: those new or changed, in `after`'s order, and those gone. */
export function diffChats(before: readonly ChatSummary[], after: readonly ChatSummary[]): ChatsChange {
  const old = new Map(before.map((c) => [c.id, c]));
  const upsert: ChatSummary[] = [];
  const now = new Set<string>();
  for (const chat of after) {
    now.add(chat.id);
    const was = old.get(chat.id);
    if (was === undefined || !sameChat(was, chat)) upsert.push(chat);
  }
  const remove = [...old.keys()].filter((id) => !now.has(id));
  return { upsert, remove };
}

/**
 * The chats `before` after `change` (a reset replaces them). A chat the change repeats unchanged stays the object
 * it was, and the list stays `before` itself when nothing in it changed: memoized work downstream keys on identity.
 */
export function applyChats(before: ChatSummary[], change: ChatsChange & { reset: boolean }): ChatSummary[] {
  const old = new Map(before.map((c) => [c.id, c]));
  const chats = new Map(change.reset ? [] : old);
  for (const id of change.remove) chats.delete(id);
  for (const chat of change.upsert) {
    const was = old.get(chat.id);
    chats.set(chat.id, was !== undefined && sameChat(was, chat) ? was : chat);
  }
  const list = [...chats.values()];
  return list.length === before.length && list.every((c, i) => c === before[i]) ? before : list;
}

/**
 * A service's snapshot after `delta` (its `activeChatId`: absent keeps the open chat, null closes it); `previous`
 * itself when nothing changed.
 */
export function applyChatsDelta(previous: ServiceSnapshot | undefined, delta: ChatsDelta): ServiceSnapshot {
  const chats = applyChats(previous?.chats ?? [], delta);
  const activeChatId = delta.activeChatId === undefined ? previous?.activeChatId : (delta.activeChatId ?? undefined);
  const unchanged =
    previous !== undefined &&
    chats === previous.chats &&
    previous.loggedIn === delta.loggedIn &&
    previous.unread.direct === delta.unread.direct &&
    previous.unread.indirect === delta.unread.indirect &&
    previous.activeChatId === activeChatId;
  if (unchanged) return previous;
  const snapshot: ServiceSnapshot = { loggedIn: delta.loggedIn, unread: delta.unread, chats };
  if (activeChatId !== undefined) snapshot.activeChatId = activeChatId;
  return snapshot;
}

/**
 * Whether an update can be applied after the one numbered `last` (undefined: none since the page loaded). Updates
 * are numbered one by one; a full one (reset) always applies, any other only as the next, or a message was lost.
 */
export function inSequence(last: number | undefined, update: { seq: number; reset: boolean }): boolean {
  return update.reset || (last !== undefined && update.seq === last + 1);
}

/**
 * The chats of `after` whose unread count rose since `before` (a chat new to the list, when it has any unread),
 * muted ones left out: the chats worth a notification.
 */
export function risen(before: readonly ChatSummary[], after: readonly ChatSummary[]): ChatSummary[] {
  const was = new Map(before.map((chat) => [chat.id, chat.unread]));
  return after.filter((chat) => chat.muted !== true && chat.unread > (was.get(chat.id) ?? 0));
}
