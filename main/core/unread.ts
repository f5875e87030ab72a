/**
 * The number the tray icon and the app badge show, and the unread notifications the tray menu lists. Pure:
 * services and runtime come from the store, chat lists from the service controller (they stay out of AppState).
 */
import type { ChatSummary } from '../../common/model';
import type { AppState } from '../../common/state';

/** The chats a service's connector last reported, or undefined when it reported none (a title-only service). */
export type ChatsOf = (serviceId: string) => readonly ChatSummary[] | undefined;

export type UnreadInput = Pick<AppState, 'services' | 'runtime' | 'settings'>;

/**
 * Per the `unreadCount` setting, over enabled services that are not muted:
 * - `messages`: the sum of the services' unread counts;
 * - `chats`: the chats with unread messages that are not muted (`unread` is -1 for "marked unread"). A service
 *   without a chat list counts 1 when it has unread messages, and so does one whose list shows no unread chat
 *   while its count says otherwise (the unread chat is further down than the page rendered).
 */
export function unreadTotal(input: UnreadInput, chatsOf: ChatsOf): number {
  let total = 0;
  for (const service of input.services) {
    if (!service.enabled || service.muted) continue;
    const unread = Math.max(0, input.runtime[service.id]?.unread ?? 0);
    if (input.settings.unreadCount === 'messages') {
      total += unread;
      continue;
    }
    let chats = 0;
    for (const chat of chatsOf(service.id) ?? []) if (chat.unread !== 0 && chat.muted !== true) chats += 1;
    total += Math.max(chats, unread > 0 ? 1 : 0);
  }
  return total;
}

/**
 * unreadTotal remembered for the last services, runtime and setting it saw. Every change to a chat list comes
 * with a runtime change (the controller updates the service's runtime on each update it applies), so the same
 * three references mean the same total, and the store's many other changes cost nothing.
 */
export function memoUnreadTotal(chatsOf: ChatsOf): (input: UnreadInput) => number {
  let last: { services: unknown; runtime: unknown; mode: unknown; total: number } | undefined;
  return (input) => {
    if (last?.services === input.services && last.runtime === input.runtime && last.mode === input.settings.unreadCount) return last.total;
    const total = unreadTotal(input, chatsOf);
    last = { services: input.services, runtime: input.runtime, mode: input.settings.unreadCount, total };
    return total;
  };
}

export interface UnreadNotification {
  id: string;
  title: string;
  serviceName: string;
}

/** The newest unread notifications, newest first, with the name of the service each came from. */
export function latestUnread(state: Pick<AppState, 'notifications' | 'services'>, limit: number): UnreadNotification[] {
  const out: UnreadNotification[] = [];
  for (let i = state.notifications.length - 1; i >= 0 && out.length < limit; i -= 1) {
    const record = state.notifications[i];
    if (!record || record.read) continue;
    const service = state.services.find((s) => s.id === record.serviceId);
    if (!service) continue;
    out.push({ id: record.id, title: record.title, serviceName: service.name });
  }
  return out;
}
