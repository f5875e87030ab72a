/**
 * Who wrote last, learned from how a chat moves. No platform's web client says whether its last message was the
 * customer's or the shop's, so Wasl reads it from the chat list and the notifications:
 * - the unread count rose, or a notification for the chat arrived: the customer wrote;
 * - the last activity moved on while the chat stays read and nothing was notified: the shop answered.
 * A message that arrives while its chat is open in front, without a notification, reads as the shop's: the
 * user is looking at it. Groups and channels are not customers and are not followed. Pure.
 */
import type { ChatSummary, PlatformId } from '../model';
import type { ChatActivity } from './model';

/** What Wasl keeps per chat: its activity, and the last time and unread count it saw, to compare the next with. */
export interface TrackedChat extends ChatActivity {
  seen?: number;
  unread: number;
  /** A notification for the chat arrived at this moment (and counted one message). */
  noticedAt?: number;
  /** The chat list showed the customer's message at this moment. */
  heardAt?: number;
}

export type ActivityEvent =
  | { kind: 'in'; at: number; messages: number }
  /** `replyMs`: the time since the customer started waiting, when this answered them. */
  | { kind: 'out'; at: number; replyMs?: number };

/** A notification counts for a change of the chat list that follows within this time. */
export const NOTICE_MATCH_MS = 60_000;

/** Platforms whose business messaging rules give the shop this many hours after the customer's last message. */
export const REPLY_WINDOW_HOURS: Partial<Record<PlatformId, number>> = { whatsapp: 24, messenger: 24, instagram: 24 };

export const isFollowed = (chat: Pick<ChatSummary, 'kind'>): boolean => chat.kind !== 'group' && chat.kind !== 'channel';

const HOUR_MS = 3_600_000;

/** The chat's activity as the shell sees it: without the bookkeeping. */
export function publicActivity(tracked: TrackedChat): ChatActivity {
  const activity: ChatActivity = { first: tracked.first };
  if (tracked.lastIn !== undefined) activity.lastIn = tracked.lastIn;
  if (tracked.lastOut !== undefined) activity.lastOut = tracked.lastOut;
  if (tracked.waitingSince !== undefined) activity.waitingSince = tracked.waitingSince;
  if (tracked.newAt !== undefined) activity.newAt = tracked.newAt;
  return activity;
}

/** The customer wrote at `at`; a notification waiting for its chat-list change has found it. */
function incoming(tracked: TrackedChat, at: number): TrackedChat {
  const next: TrackedChat = { ...tracked, lastIn: Math.max(tracked.lastIn ?? at, at), waitingSince: tracked.waitingSince ?? at };
  Reflect.deleteProperty(next, 'noticedAt');
  return next;
}

/**
 * The chat as the connector reports it now, against what Wasl saw before (undefined the first time): the new
 * record, and what happened. `now` stands in for a message's time when the chat reports none.
 */
export function observeChat(tracked: TrackedChat | undefined, chat: ChatSummary, now: number): { tracked: TrackedChat; event?: ActivityEvent } {
  const unread = chat.unread < 0 ? (tracked?.unread ?? 0) : chat.unread;
  const seen = chat.lastActivity;
  if (tracked === undefined) {
    const first: TrackedChat = { first: Math.min(seen ?? now, now), unread };
    if (seen !== undefined) first.seen = seen;
    // Unread already: the customer wrote and waits, since then.
    return { tracked: unread > 0 ? incoming(first, seen ?? now) : first };
  }
  const moved = seen !== undefined && (tracked.seen === undefined || seen > tracked.seen);
  if (!moved && unread === tracked.unread) return { tracked };
  const at = moved ? seen : now;
  const next: TrackedChat = { ...tracked, unread };
  if (seen !== undefined) next.seen = Math.max(seen, tracked.seen ?? seen);
  const noticed = tracked.noticedAt !== undefined && now - tracked.noticedAt <= NOTICE_MATCH_MS;
  // The notification already counted one message.
  const counted = noticed ? 1 : 0;
  if (unread > tracked.unread) {
    return { tracked: { ...incoming(next, at), heardAt: now }, event: { kind: 'in', at, messages: Math.max(0, unread - tracked.unread - counted) } };
  }
  if (!moved) return { tracked: next };
  // Still unread while the list moved (a count that counts chats, not messages), or a notification said so.
  if (unread > 0 || noticed) return { tracked: { ...incoming(next, at), heardAt: now }, event: { kind: 'in', at, messages: 1 - counted } };
  const answered: TrackedChat = { ...next, lastOut: at };
  Reflect.deleteProperty(answered, 'waitingSince');
  const event: ActivityEvent = { kind: 'out', at };
  // A platform's minute-rounded time can fall just before the moment a notification started the wait.
  if (tracked.waitingSince !== undefined) event.replyMs = Math.max(0, at - tracked.waitingSince);
  return { tracked: answered, event };
}

/**
 * A notification for the chat arrived: the customer wrote. Unless the chat list already showed it, this counts
 * one message, and the chat list's change that may follow counts as the customer's.
 */
export function noticeChat(tracked: TrackedChat | undefined, now: number): { tracked: TrackedChat; event?: ActivityEvent } {
  if (tracked?.heardAt !== undefined && now - tracked.heardAt <= NOTICE_MATCH_MS) return { tracked };
  return { tracked: { ...incoming(tracked ?? { first: now, unread: 0 }, now), noticedAt: now }, event: { kind: 'in', at: now, messages: 1 } };
}

/** When the platform's reply window closes for this chat, if the platform has one and the customer wrote. */
export function replyWindowEnd(platform: PlatformId, activity: ChatActivity | undefined): number | undefined {
  const hours = REPLY_WINDOW_HOURS[platform];
  if (hours === undefined || activity?.lastIn === undefined) return undefined;
  return activity.lastIn + hours * HOUR_MS;
}
