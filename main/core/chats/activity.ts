/**
 * Follows every customer chat's activity (who wrote last, since when the customer waits) and counts the day's
 * conversations, messages and reply times for the report. Fed by the connectors' chat updates and by the
 * notifications; kept in activity.json (see main/persistence/activity-file.ts), written shortly after a change.
 */
import { chatKey } from '../../../common/inbox';
import type { ChatSummary, PlatformId } from '../../../common/model';
import { isFollowed, noticeChat, observeChat, publicActivity, type ActivityEvent, type TrackedChat } from '../../../common/shop/activity';
import type { ChatActivity } from '../../../common/shop/model';
import { buildReport, countEvent, pruneDays, type DailyStats, type Report } from '../../../common/shop/stats';
import type { Clock, TimerHandle } from '../app/ports';

export interface ActivityDoc {
  chats: Record<string, TrackedChat>;
  days: DailyStats;
}

/** Chats kept; past it, those quiet the longest are forgotten first. */
export const KEEP_CHATS = 50_000;
export const ACTIVITY_SAVE_DELAY_MS = 2_000;

export interface ActivityTrackerDeps {
  initial: ActivityDoc;
  clock: Clock;
  save: (doc: ActivityDoc) => boolean;
}

const lastHeard = (t: TrackedChat): number => Math.max(t.first, t.lastIn ?? 0, t.lastOut ?? 0, t.seen ?? 0);

/**
 * The newest message time of an account's chats, to tell a new conversation from an old chat seen for the first
 * time. `known`: of the chats Wasl knew before the current read; `read`: of those in the current read (one read's
 * chats all come at one `readAt` moment). A chat first seen with a message newer than `known` is new; nothing is new
 * before the account's first read (no `known`), so installing Wasl does not turn every customer into a new one.
 */
interface Newest {
  known: number | undefined;
  read: number | undefined;
  readAt: number;
}

const later = (a: number | undefined, b: number | undefined): number | undefined => (a === undefined ? b : b === undefined ? a : Math.max(a, b));

export class ActivityTracker {
  private chats: Map<string, TrackedChat>;
  private days: DailyStats;
  private timer: TimerHandle | undefined;
  private readonly newest = new Map<string, Newest>();

  constructor(private readonly deps: ActivityTrackerDeps) {
    this.chats = new Map(Object.entries(deps.initial.chats));
    this.days = deps.initial.days;
    for (const [key, tracked] of this.chats) {
      const serviceId = key.slice(0, key.indexOf('\u0000'));
      const newest = this.newest.get(serviceId);
      if (newest === undefined) this.newest.set(serviceId, { known: tracked.seen ?? tracked.first, read: undefined, readAt: -1 });
      else newest.known = later(newest.known, tracked.seen ?? tracked.first);
    }
  }

  /** The chat as its connector reports it now: its activity for the shell (none for groups and channels). */
  observe(serviceId: string, platform: PlatformId, chat: ChatSummary): ChatActivity | undefined {
    if (!isFollowed(chat)) return undefined;
    const key = chatKey(serviceId, chat.id);
    const before = this.chats.get(key);
    const now = this.deps.clock.now();
    const newest = this.newestOf(serviceId, now);
    const observed = observeChat(before, chat, now);
    const appeared = before === undefined && chat.lastActivity !== undefined && newest.known !== undefined && chat.lastActivity > newest.known;
    const tracked = appeared ? { ...observed.tracked, newAt: now } : observed.tracked;
    newest.read = later(newest.read, chat.lastActivity ?? 0);
    this.record(key, platform, before, tracked, observed.event);
    return publicActivity(tracked);
  }

  /** A notification for the chat arrived. Answers the chat's new activity when it changed. */
  notice(serviceId: string, platform: PlatformId, chatId: string): ChatActivity | undefined {
    const key = chatKey(serviceId, chatId);
    const before = this.chats.get(key);
    const now = this.deps.clock.now();
    const noticed = noticeChat(before, now);
    // A message for a chat Wasl has never seen, on an account it has read: a new conversation.
    const appeared = before === undefined && this.newestOf(serviceId, now).known !== undefined;
    const tracked = appeared ? { ...noticed.tracked, newAt: now } : noticed.tracked;
    this.record(key, platform, before, tracked, noticed.event);
    return tracked === before ? undefined : publicActivity(tracked);
  }

  activity(serviceId: string, chatId: string): ChatActivity | undefined {
    const tracked = this.chats.get(chatKey(serviceId, chatId));
    return tracked ? publicActivity(tracked) : undefined;
  }

  /** A service was removed: its chats' activity goes with it (its days' counts stay in the report). */
  forget(serviceId: string): void {
    const prefix = chatKey(serviceId, '');
    this.newest.delete(serviceId);
    let changed = false;
    for (const key of this.chats.keys()) {
      if (key.startsWith(prefix)) {
        this.chats.delete(key);
        changed = true;
      }
    }
    if (changed) this.schedule();
  }

  report(from: number, to: number): Report {
    return buildReport(this.days, from, to);
  }

  /** Write now if anything is pending (on quit). */
  flush(): void {
    if (this.timer === undefined) return;
    this.deps.clock.clearTimeout(this.timer);
    this.write();
  }

  /** The account's newest message times, the previous read's folded into what is known once a new read begins. */
  private newestOf(serviceId: string, now: number): Newest {
    let newest = this.newest.get(serviceId);
    if (newest === undefined) {
      newest = { known: undefined, read: undefined, readAt: now };
      this.newest.set(serviceId, newest);
    } else if (newest.readAt !== now) {
      newest.known = later(newest.known, newest.read);
      newest.read = undefined;
      newest.readAt = now;
    }
    return newest;
  }

  private record(key: string, platform: PlatformId, before: TrackedChat | undefined, tracked: TrackedChat, event: ActivityEvent | undefined): void {
    if (tracked === before) return;
    this.chats.set(key, tracked);
    if (event) this.days = countEvent(this.days, platform, key, event);
    this.schedule();
  }

  private schedule(): void {
    this.timer ??= this.deps.clock.setTimeout(() => this.write(), ACTIVITY_SAVE_DELAY_MS);
  }

  private write(): void {
    this.timer = undefined;
    const now = this.deps.clock.now();
    this.days = pruneDays(this.days, now);
    if (this.chats.size > KEEP_CHATS) {
      const newest = [...this.chats].sort((a, b) => lastHeard(b[1]) - lastHeard(a[1])).slice(0, KEEP_CHATS);
      this.chats = new Map(newest);
    }
    this.deps.save({ chats: Object.fromEntries(this.chats), days: this.days });
  }
}
