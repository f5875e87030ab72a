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
import type { ChatRef, ChatSummary, InboxEntry, Person, ServiceConfig, ServiceSnapshot } from '../../../common/model';
import { unreadTotal } from '../../../common/unread';
import { useApp, useShell } from './context';

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

/**
 * Derives the inbox from the replicas with an InboxIndex that follows every change incrementally, in strict mode:
 * an entry is a new object exactly when something its row shows changed (its fields, or any of its chats' objects
 * — a picture, a mute), so rows memoized by entry re-render only for what changed, and nothing here walks the
 * whole list on a change.
 */
export class InboxDeriver {
  private inputs: Inputs | undefined;
  private index: InboxIndex | undefined;
  private inbox: Inbox | undefined;
  /** Each entry's chats, in its order, made once per entry object. */
  private readonly chatLists = new WeakMap<InboxEntry, readonly ChatSummary[]>();

  derive(inputs: Inputs): Inbox {
    const last = this.inputs;
    if (this.inbox !== undefined && last?.services === inputs.services && last.snapshots === inputs.snapshots && last.people === inputs.people) {
      return this.inbox;
    }
    const index = this.follow(last, inputs);
    this.inputs = inputs;
    const chatOf = (ref: ChatRef): ChatSummary | undefined => index.chatOf(ref.serviceId, ref.chatId);
    const chatLists = this.chatLists;
    this.inbox = {
      entries: index.entries(),
      chatOf,
      chatsOf: (entry) => {
        let chats = chatLists.get(entry);
        if (chats === undefined) {
          chats = entry.chats.map(chatOf).filter((c): c is ChatSummary => c !== undefined);
          chatLists.set(entry, chats);
        }
        return chats;
      },
      find: (key) => index.entryByKey(key),
      entryOfChat: (ref) => index.entryOf(ref.serviceId, ref.chatId),
    };
    return this.inbox;
  }

  /** Brings the index up to date with `inputs`: only the snapshots that are new objects are handed over. */
  private follow(last: Inputs | undefined, inputs: Inputs): InboxIndex {
    if (this.index === undefined || last === undefined) {
      this.index = new InboxIndex({ services: inputs.services, snapshots: inputs.snapshots, people: inputs.people }, true);
      return this.index;
    }
    const index = this.index;
    for (const id of new Set([...Object.keys(last.snapshots), ...Object.keys(inputs.snapshots)])) {
      if (last.snapshots[id] !== inputs.snapshots[id]) index.setSnapshot(id, inputs.snapshots[id]);
    }
    index.setServices(inputs.services);
    index.setPeople(inputs.people);
    return index;
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
