/**
 * The chats store: each service's latest snapshot of its chats, kept out of AppState (chat lists are large and
 * change often). It applies the connectors' deltas in sequence (common/chats-delta.ts), keeps the chats a partial
 * (virtualised) list no longer shows, and passes every change on as the shell should see it: phones in names
 * normalized, and who wrote last.
 */
import { applyChatsDelta, inSequence } from '../../../common/chats-delta';
import type { ChatsDelta, ServiceUpdate } from '../../../common/ipc';
import type { ChatSummary, PlatformId, ServiceSnapshot } from '../../../common/model';
import type { ChatActivity } from '../../../common/shop/model';
import type { Logger } from '../app/ports';
import { withPhone } from './phones';

/** Follows who wrote last in each chat (main/core/chats/activity.ts). */
export interface ActivityPort {
  observe(serviceId: string, platform: PlatformId, chat: ChatSummary): ChatActivity | undefined;
  notice(serviceId: string, platform: PlatformId, chatId: string): ChatActivity | undefined;
  activity(serviceId: string, chatId: string): ChatActivity | undefined;
  forget(serviceId: string): void;
}

export interface ChatsStoreDeps {
  log: Logger;
  /** Where local phone numbers are from (the defaultRegion setting). */
  region: () => string | null;
  activity?: Omit<ActivityPort, 'forget'> | undefined;
  /** What changed in a service's chats, as the shell should see it. */
  onChats: (serviceId: string, delta: ChatsDelta) => void;
  /** The chats of some service changed (to keep them on disk). */
  onChatsChanged: () => void;
  /** The last-known chats of the services that are on, from the previous run. */
  initial: Record<string, ServiceSnapshot>;
}

export class ChatsStore {
  private readonly snapshots: Map<string, ServiceSnapshot>;
  /** The sequence number of each service's last applied update, since its page last loaded. */
  private readonly seqs = new Map<string, number>();

  constructor(private readonly deps: ChatsStoreDeps) {
    this.snapshots = new Map(Object.entries(deps.initial));
  }

  /**
   * A validated delta from the service's connector. Answers false when it cannot be applied (a message was
   * lost): the page is to send a full update.
   */
  apply(id: string, platform: PlatformId, update: ServiceUpdate): boolean {
    const last = this.seqs.get(id);
    if (!inSequence(last, update)) {
      this.deps.log.warn('service update out of sequence, asking for a full one', { service: id, seq: update.seq, expected: (last ?? -1) + 1 });
      return false;
    }
    this.seqs.set(id, update.seq);
    // A partial list (virtualised) lists the chats on screen: even a full update merges, the others scrolled away.
    const reset = update.reset && update.partial !== true;
    const { loggedIn, unread, upsert, remove, activeChatId } = update;
    const received: ChatsDelta = { reset, loggedIn, unread, upsert, remove };
    if (activeChatId !== undefined) received.activeChatId = activeChatId;
    this.snapshots.set(id, applyChatsDelta(this.snapshots.get(id), received));
    const region = this.deps.region();
    const shown = upsert.map((chat) => withActivity(withPhone(chat, region), this.deps.activity?.observe(id, platform, chat)));
    this.deps.onChats(id, { ...received, upsert: shown });
    this.deps.onChatsChanged();
    return true;
  }

  /**
   * The service's page went away (asleep, reloading, off or removed): its next update must be a full one. Unless
   * `keepChats`, its chats go too, and the shell hears it has none.
   */
  pageClosed(id: string, keepChats: boolean): void {
    this.seqs.delete(id);
    if (keepChats || !this.snapshots.delete(id)) return;
    this.deps.onChats(id, { reset: true, loggedIn: false, unread: { direct: 0, indirect: 0 }, upsert: [], remove: [] });
    this.deps.onChatsChanged();
  }

  /** Whether the service's connector has reported since its page last loaded. */
  reportedSinceLoad(id: string): boolean {
    return this.seqs.has(id);
  }

  /** The latest snapshot a service's connector reported, as it came. */
  snapshot(id: string): ServiceSnapshot | undefined {
    return this.snapshots.get(id);
  }

  /** Every service's last-known chats, as they came (to keep them on disk). */
  all(): Record<string, ServiceSnapshot> {
    return Object.fromEntries(this.snapshots);
  }

  /** Every service's chats as the shell sees them: phones in names normalized, and who wrote last. */
  forShell(): Record<string, ServiceSnapshot> {
    const region = this.deps.region();
    const out: Record<string, ServiceSnapshot> = {};
    for (const [id, snapshot] of this.snapshots) {
      out[id] = { ...snapshot, chats: snapshot.chats.map((c) => withActivity(withPhone(c, region), this.deps.activity?.activity(id, c.id))) };
    }
    return out;
  }

  /** A notification for this chat arrived: the customer wrote, and the shell hears of it for that chat. */
  noticed(id: string, platform: PlatformId, chatId: string): void {
    const activity = this.deps.activity?.notice(id, platform, chatId);
    const snapshot = this.snapshots.get(id);
    const chat = snapshot?.chats.find((c) => c.id === chatId);
    if (activity === undefined || !snapshot || !chat) return;
    const upsert = [withActivity(withPhone(chat, this.deps.region()), activity)];
    this.deps.onChats(id, { reset: false, loggedIn: snapshot.loggedIn, unread: snapshot.unread, upsert, remove: [] });
  }

  /** The region for local numbers changed: every chat's phone may have too. */
  republish(): void {
    for (const [id, snapshot] of Object.entries(this.forShell())) {
      this.deps.onChats(id, { reset: true, loggedIn: snapshot.loggedIn, unread: snapshot.unread, upsert: snapshot.chats, remove: [] });
    }
  }
}

function withActivity(chat: ChatSummary, activity: ChatActivity | undefined): ChatSummary {
  return activity === undefined ? chat : { ...chat, activity };
}
