/**
 * What the tray shows: the unread total (common/unread.ts) remembered between store changes, and the unread
 * notifications its menu lists. Chat lists come from the service controller (they stay out of AppState).
 */
import type { AppState } from '../../../common/state';
import { unreadTotal, type ChatsOf, type UnreadInput } from '../../../common/unread';

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
