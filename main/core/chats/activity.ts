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

export class ActivityTracker {
  private chats: Map<string, TrackedChat>;
  private days: DailyStats;
  private timer: TimerHandle | undefined;

  constructor(private readonly deps: ActivityTrackerDeps) {
    this.chats = new Map(Object.entries(deps.initial.chats));
    this.days = deps.initial.days;
  }

  /** The chat as its connector reports it now: its activity for the shell (none for groups and channels). */
  observe(serviceId: string, platform: PlatformId, chat: ChatSummary): ChatActivity | undefined {
    if (!isFollowed(chat)) return undefined;
    const key = chatKey(serviceId, chat.id);
    const before = this.chats.get(key);
    const { tracked, event } = observeChat(before, chat, this.deps.clock.now());
    this.record(key, platform, before, tracked, event);
    return publicActivity(tracked);
  }

  /** A notification for the chat arrived. Answers the chat's new activity when it changed. */
  notice(serviceId: string, platform: PlatformId, chatId: string): ChatActivity | undefined {
    const key = chatKey(serviceId, chatId);
    const before = this.chats.get(key);
    const { tracked, event } = noticeChat(before, this.deps.clock.now());
    this.record(key, platform, before, tracked, event);
    return tracked === before ? undefined : publicActivity(tracked);
  }

  activity(serviceId: string, chatId: string): ChatActivity | undefined {
    const tracked = this.chats.get(chatKey(serviceId, chatId));
    return tracked ? publicActivity(tracked) : undefined;
  }

  /** A service was removed: its chats' activity goes with it (its days' counts stay in the report). */
  forget(serviceId: string): void {
    const prefix = chatKey(serviceId, '');
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
