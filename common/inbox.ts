/**
 * The unified inbox: every chat of every enabled service in one list, newest activity first, the same person on
 * several platforms shown once. Chats merge when their phones are the same E.164 number, or when the user linked
 * them (a Person). Two people never merge by phone, nor does a person the user split off (`alone`).
 * Pure: the same input gives equal output; no I/O.
 */
import type { ChatSummary, InboxEntry, Person, ServiceConfig, ServiceSnapshot } from './model';

export interface InboxInput {
  services: readonly ServiceConfig[];
  snapshots: Readonly<Record<string, ServiceSnapshot>>;
  people: readonly Person[];
}

/** One chat of one service, where it sits in its service's list. */
export interface InboxItem {
  serviceId: string;
  chat: ChatSummary;
  /** Position of the service in the sidebar, then of the chat in its page's list: the order among equals. */
  order: number;
}

export const chatKey = (serviceId: string, chatId: string): string => `${serviceId}\u0000${chatId}`;

/** A chat's unread count as the inbox counts it: "marked unread" (-1) is one. */
export const unreadOf = (chat: ChatSummary): number => (chat.unread < 0 ? 1 : chat.unread);

/** Every chat of every enabled service that reported, in sidebar order then page order. */
export function inboxItems(input: InboxInput): InboxItem[] {
  const items: InboxItem[] = [];
  let order = 0;
  for (const service of input.services) {
    if (!service.enabled) continue;
    const snapshot = input.snapshots[service.id];
    if (!snapshot?.loggedIn) continue;
    for (const chat of snapshot.chats) items.push({ serviceId: service.id, chat, order: order++ });
  }
  return items;
}

class Groups {
  private readonly parent = new Map<string, string>();

  find(key: string): string {
    let root = key;
    for (let next = this.parent.get(root); next !== undefined && next !== root; next = this.parent.get(root)) root = next;
    for (let node = key; node !== root; ) {
      const next = this.parent.get(node) ?? root;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

/** Newer first; without a time, after those with one, in sidebar and page order. */
export function compareEntries(a: InboxEntry & { order: number }, b: InboxEntry & { order: number }): number {
  const ta = a.lastActivity;
  const tb = b.lastActivity;
  if (ta !== undefined && tb !== undefined && ta !== tb) return tb - ta;
  if (ta !== undefined && tb === undefined) return -1;
  if (ta === undefined && tb !== undefined) return 1;
  return a.order - b.order;
}

/** The entry for a group of chats (items sorted newest first). */
export function entryOf(key: string, items: readonly InboxItem[], person: Person | undefined): InboxEntry & { order: number } {
  const sorted = [...items].sort((a, b) => (b.chat.lastActivity ?? -Infinity) - (a.chat.lastActivity ?? -Infinity) || a.order - b.order);
  const newest = sorted[0];
  const entry: InboxEntry & { order: number } = {
    key,
    title: person?.displayName ?? newest?.chat.title ?? '',
    chats: sorted.map((i) => ({ serviceId: i.serviceId, chatId: i.chat.id })),
    unread: items.reduce((n, i) => n + unreadOf(i.chat), 0),
    order: Math.min(...items.map((i) => i.order)),
  };
  const times = items.map((i) => i.chat.lastActivity).filter((t): t is number => t !== undefined);
  if (times.length > 0) entry.lastActivity = Math.max(...times);
  const preview = sorted.find((i) => i.chat.preview !== undefined)?.chat.preview;
  if (preview !== undefined) entry.preview = preview;
  if (person) entry.personId = person.id;
  return entry;
}

export function buildInbox(input: InboxInput): InboxEntry[] {
  const items = inboxItems(input);
  const byKey = new Map(items.map((i) => [chatKey(i.serviceId, i.chat.id), i]));
  const groups = new Groups();
  /** The person each group belongs to (by its root), so two people never merge. */
  const personOfChat = new Map<string, Person>();
  for (const person of input.people) {
    let first: string | undefined;
    for (const ref of person.chats) {
      const key = chatKey(ref.serviceId, ref.chatId);
      if (!byKey.has(key) || personOfChat.has(key)) continue;
      personOfChat.set(key, person);
      if (first === undefined) first = key;
      else groups.union(first, key);
    }
  }
  const rootPerson = new Map<string, Person>();
  for (const [chat, person] of personOfChat) rootPerson.set(groups.find(chat), person);

  const byPhone = new Map<string, string>();
  for (const item of items) {
    const phone = item.chat.phone;
    if (phone === undefined) continue;
    const key = chatKey(item.serviceId, item.chat.id);
    const b = rootPerson.get(groups.find(key));
    // Split off by the user: it neither merges nor holds the number for the others that share it.
    if (b?.alone) continue;
    const other = byPhone.get(phone);
    if (other === undefined) {
      byPhone.set(phone, key);
      continue;
    }
    const a = rootPerson.get(groups.find(other));
    if (a !== undefined && b !== undefined && a !== b) continue;
    const person = a ?? b;
    groups.union(other, key);
    if (person) rootPerson.set(groups.find(key), person);
  }

  const members = new Map<string, InboxItem[]>();
  for (const item of items) {
    const root = groups.find(chatKey(item.serviceId, item.chat.id));
    const list = members.get(root);
    if (list) list.push(item);
    else members.set(root, [item]);
  }

  const entries: (InboxEntry & { order: number })[] = [];
  for (const [root, group] of members) {
    const person = rootPerson.get(root);
    const phones = new Set(group.map((i) => i.chat.phone).filter((p): p is string => p !== undefined));
    const first = group[0];
    const key = person
      ? `person:${person.id}`
      : group.length > 1 && phones.size === 1
        ? `phone:${[...phones][0] ?? ''}`
        : `chat:${first?.serviceId ?? ''}:${first?.chat.id ?? ''}`;
    entries.push(entryOf(key, group, person));
  }
  entries.sort(compareEntries);
  return entries.map(({ order: _order, ...entry }) => entry);
}
