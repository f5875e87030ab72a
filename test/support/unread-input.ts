/** Services, runtimes and chats for the unread-total tests (common/unread.ts, main/core/notifications/unread.ts). */
import type { ChatSummary, ServiceConfig } from '../../common/model';
import { DEFAULT_SETTINGS } from '../../common/settings';
import { initialRuntime, type ServiceRuntime } from '../../common/state';
import type { UnreadInput } from '../../common/unread';

export const service = (id: string, extra: Partial<ServiceConfig> = {}): ServiceConfig => ({
  id,
  platform: 'whatsapp',
  name: `Service ${id}`,
  enabled: true,
  muted: false,
  callsAllowed: false,
  ...extra,
});

const runtime = (unread: number): ServiceRuntime => ({ ...initialRuntime(true), unread });

export const chat = (id: string, unread: number, muted?: boolean): ChatSummary => ({ id, title: id, unread, ...(muted === undefined ? {} : { muted }) });

/** What the unread total reads: these services, each with its runtime's unread count, counting messages or chats. */
export function input(unreadCount: 'messages' | 'chats', services: ServiceConfig[], unread: Record<string, number>): UnreadInput {
  return {
    services,
    runtime: Object.fromEntries(Object.entries(unread).map(([id, n]) => [id, runtime(n)])),
    settings: { ...DEFAULT_SETTINGS, unreadCount },
  };
}
