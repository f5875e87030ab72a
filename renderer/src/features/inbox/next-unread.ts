/**
 * Which chat "Next unread" opens (the Ctrl/Cmd+J shortcut, the toolbar's button, the tray's item): the customer who
 * has waited longest for a reply, across every platform, skipping those marked done and those snoozed; when nobody
 * waits, the entry unread the longest (the platform's count or the user's mark in Wasl); when none is unread
 * either, nothing. The entry already selected is passed over; and when Next unread itself brought the user there,
 * it moves on to the one after it in that order (after the last, back to the first), so pressing it again and
 * again goes through everyone who needs an answer. Pure.
 */
import type { ChatRef, ChatSummary, InboxEntry, ServiceConfig } from '../../../../common/model';
import type { Customers } from '../../store/customers';
import { narrow, NO_FILTER } from './filter';

export interface NextChat {
  entry: InboxEntry;
  /** The entry's chat to open: the one waiting longest, or the one with unread messages. */
  chat: ChatRef;
}

interface Sources {
  entries: readonly InboxEntry[];
  chatsOf: (entry: InboxEntry) => readonly ChatSummary[];
  services: readonly ServiceConfig[];
  customers: Customers;
  now: number;
}

/** The entry's chat that waits longest, or the first with unread messages, or its newest. */
function chatToOpen(entry: InboxEntry, chats: readonly ChatSummary[], waiting: boolean): ChatRef | undefined {
  let best: { ref: ChatRef; since: number } | undefined;
  for (const [i, chat] of chats.entries()) {
    const ref = entry.chats[i];
    if (ref === undefined) continue;
    const since = waiting ? chat.activity?.waitingSince : undefined;
    if (since !== undefined && (best === undefined || since < best.since)) best = { ref, since };
  }
  if (best !== undefined) return best.ref;
  const unread = chats.findIndex((c) => c.unread > 0);
  return entry.chats[unread] ?? entry.chats[0];
}

/** `current`: the selected entry's key; `cycling`: Next unread chose it (the next one is then the one after it). */
export function nextUnread(sources: Sources, current: string | null, cycling: boolean): NextChat | undefined {
  const options = { ...sources, query: null };
  const waiting = narrow(sources.entries, { ...options, filter: { ...NO_FILTER, view: 'waiting' } });
  const unread = [...narrow(sources.entries, { ...options, filter: { ...NO_FILTER, view: 'unread' } })].reverse();
  const seen = new Set(waiting);
  const candidates = [...waiting.map((entry) => ({ entry, waiting: true })), ...unread.filter((e) => !seen.has(e)).map((entry) => ({ entry, waiting: false }))];
  const at = candidates.findIndex((c) => c.entry.key === current);
  const chosen = cycling && at >= 0 ? candidates[(at + 1) % candidates.length] : (candidates.find((c) => c.entry.key !== current) ?? candidates[0]);
  if (chosen === undefined) return undefined;
  const chat = chatToOpen(chosen.entry, sources.chatsOf(chosen.entry), chosen.waiting);
  return chat === undefined ? undefined : { entry: chosen.entry, chat };
}
