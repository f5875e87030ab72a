/**
 * The number the tray icon, the app badge and the shell's Inbox item show: unread messages or unread chats, over
 * enabled services that are not muted. Pure; main and the shell both count with it.
 */
import type { ChatSummary } from './model';
import type { AppState } from './state';

/** The chats a service's connector last reported, or undefined when it reported none (a title-only service). */
export type ChatsOf = (serviceId: string) => readonly ChatSummary[] | undefined;

export type UnreadInput = Pick<AppState, 'services' | 'runtime'> & { settings: Pick<AppState['settings'], 'unreadCount'> };

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

