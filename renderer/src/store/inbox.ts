/**
 * The unified inbox as the shell sees it: the one place where entries are derived from the replicas (services,
 * people, every service's chats). Everything else reads `useInbox()`.
 *
 * The derivation is incremental and memoized on the identity of its inputs, and entry objects are stable: an
 * entry keeps its object as long as its fields and every ChatSummary it holds are the same objects, so rows
 * (memoized by entry) and per-entry caches (search text) recompute only for what changed.
 */
import { useDeferredValue, useMemo } from 'react';
import { useStore } from 'zustand';
import { InboxIndex } from '../../../common/inbox-index';
import { suggestLinks, type SuggestedLink } from '../../../common/suggestions';
import type { ChatSummary, InboxEntry, Person, ServiceConfig, ServiceSnapshot } from '../../../common/model';
import { unreadTotal } from '../../../common/unread';
import { useApp, useShell } from './context';

export interface ChatRef {
  serviceId: string;
  chatId: string;
}

export interface Inbox {
  /** Newest activity first. */
  readonly entries: readonly InboxEntry[];
  chatOf: (ref: ChatRef) => ChatSummary | undefined;
  /** The entry's chats, in its order (newest first); the same array for the same entry object. */
  chatsOf: (entry: InboxEntry) => readonly ChatSummary[];
  find: (key: string) => InboxEntry | undefined;
  /** The entry a chat belongs to, if the chat is in the inbox. */
  entryOfChat: (ref: ChatRef) => InboxEntry | undefined;
}

interface Inputs {
  services: readonly ServiceConfig[];
  snapshots: Readonly<Record<string, ServiceSnapshot>>;
  people: readonly Person[];
}

const sameRefs = (a: readonly ChatRef[], b: readonly ChatRef[]): boolean =>
  a.length === b.length &&
  a.every((r, i) => {
    const other = b[i];
    return other !== undefined && r.serviceId === other.serviceId && r.chatId === other.chatId;
  });

const sameEntry = (a: InboxEntry, b: InboxEntry): boolean =>
  a.key === b.key &&
  a.title === b.title &&
  a.unread === b.unread &&
  a.lastActivity === b.lastActivity &&
  a.preview === b.preview &&
  a.personId === b.personId &&
  sameRefs(a.chats, b.chats);

const sameList = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** Each snapshot's chats by id, built once per snapshot object. */
const chatMaps = new WeakMap<ServiceSnapshot, Map<string, ChatSummary>>();
function chatMap(snapshot: ServiceSnapshot): Map<string, ChatSummary> {
  let map = chatMaps.get(snapshot);
  if (map === undefined) {
    map = new Map(snapshot.chats.map((c) => [c.id, c]));
    chatMaps.set(snapshot, map);
  }
  return map;
}

interface Handed {
  /** The object the shell uses. */
  entry: InboxEntry;
  /** The index's object it was made from. */
  source: InboxEntry;
  chats: readonly ChatSummary[];
}

/**
 * Derives the inbox from the replicas: an InboxIndex follows every change incrementally, and the entries it
 * gives are handed out as objects of the shell's own, kept while the entry and every chat it holds stay the same
 * objects. (The index keeps an entry when the inbox's fields are equal; a chat's picture or mute can change
 * under it, and the row must show that.)
 */
export class InboxDeriver {
  private inputs: Inputs | undefined;
  private index: InboxIndex | undefined;
  private inbox: Inbox | undefined;
  private handed = new Map<string, Handed>();

  derive(inputs: Inputs): Inbox {
    const last = this.inputs;
    if (this.inbox !== undefined && last?.services === inputs.services && last.snapshots === inputs.snapshots && last.people === inputs.people) {
      return this.inbox;
    }
    const { snapshots } = inputs;
    const { index, changed } = this.follow(last, inputs);
    const chatOf = (ref: ChatRef): ChatSummary | undefined => {
      const snapshot = snapshots[ref.serviceId];
      return snapshot === undefined ? undefined : chatMap(snapshot).get(ref.chatId);
    };
    const previous = this.handed;
    const handed = new Map<string, Handed>();
    const entries = index.entries().map((source) => {
      const before = previous.get(source.key);
      let kept: Handed | undefined;
      if (before !== undefined && before.source === source && changed !== null && !source.chats.some((c) => changed.has(c.serviceId))) {
        kept = before;
      } else {
        const chats = source.chats.map(chatOf).filter((c): c is ChatSummary => c !== undefined);
        kept =
          before !== undefined && sameEntry(before.entry, source) && sameList(before.chats, chats)
            ? { ...before, source }
            : { entry: { ...source }, source, chats };
      }
      handed.set(source.key, kept);
      return kept.entry;
    });
    this.handed = handed;
    this.inputs = inputs;

    this.inbox = {
      entries,
      chatOf,
      chatsOf: (entry) => handed.get(entry.key)?.chats ?? entry.chats.map(chatOf).filter((c): c is ChatSummary => c !== undefined),
      find: (key) => handed.get(key)?.entry,
      entryOfChat: (ref) => {
        const source = index.entryOf(ref.serviceId, ref.chatId);
        return source === undefined ? undefined : handed.get(source.key)?.entry;
      },
    };
    return this.inbox;
  }

  /**
   * Brings the index up to date with `inputs`. `changed` names the services whose chats changed when nothing
   * else did, or is null when every entry must be looked at (the first time, other services, other people).
   */
  private follow(last: Inputs | undefined, inputs: Inputs): { index: InboxIndex; changed: ReadonlySet<string> | null } {
    if (this.index === undefined || last === undefined) {
      this.index = new InboxIndex({ services: inputs.services, snapshots: inputs.snapshots, people: inputs.people });
      return { index: this.index, changed: null };
    }
    const index = this.index;
    const touched = new Set<string>();
    for (const id of new Set([...Object.keys(last.snapshots), ...Object.keys(inputs.snapshots)])) {
      if (last.snapshots[id] === inputs.snapshots[id]) continue;
      touched.add(id);
      index.setSnapshot(id, inputs.snapshots[id]);
    }
    index.setServices(inputs.services);
    index.setPeople(inputs.people);
    return { index, changed: last.services === inputs.services && last.people === inputs.people ? touched : null };
  }
}

/** The inbox, recomputed only when the services, the people or some service's chats change. */
export function useInbox(): Inbox {
  const { chats, inbox } = useShell();
  const services = useApp((s) => s.services);
  const people = useApp((s) => s.people);
  const snapshots = useStore(chats, (s) => s.snapshots);
  return inbox.derive({ services, snapshots, people });
}

/**
 * Links to suggest (names that look alike on different platforms), minus those the user said no to. Computed from
 * a deferred inbox: on 20,000 chats it takes milliseconds, and the list must not wait for it on each new message.
 */
export function useSuggestions(inbox: Inbox): readonly SuggestedLink[] {
  const dismissed = useApp((s) => s.dismissedSuggestions);
  const deferred = useDeferredValue(inbox);
  return useMemo(() => suggestLinks(deferred.entries, deferred.chatOf, dismissed), [dismissed, deferred]);
}

/** Whether the chats replica has its first answer. */
export function useChatsHydrated(): boolean {
  return useStore(useShell().chats, (s) => s.hydrated);
}

/** The Inbox item's number, recomputed when the services, their counts, the setting or their chats change. */
export function useUnreadTotal(): number {
  const services = useApp((s) => s.services);
  const runtime = useApp((s) => s.runtime);
  const unreadCount = useApp((s) => s.settings.unreadCount);
  const snapshots = useStore(useShell().chats, (s) => s.snapshots);
  // The same count as the tray icon and the app badge (common/unread.ts).
  return useMemo(
    () => unreadTotal({ services, runtime, settings: { unreadCount } }, (id) => snapshots[id]?.chats),
    [runtime, services, snapshots, unreadCount],
  );
}
