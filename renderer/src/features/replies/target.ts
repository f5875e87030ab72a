/**
 * Where a chosen quick reply goes: the service in front, or, while the inbox is shown, the service the user came
 * from (main brings it back to the front as it types). Its open chat as its page reports it (not every platform
 * does), and the customer's name for {name}: the inbox entry's title (a person's chosen name), else the chat's
 * own. A group or a channel is no one customer: its title is shown, never put in {name}.
 */
import { useStore } from 'zustand';
import type { ServiceConfig } from '../../../../common/model';
import { visibleServiceId } from '../../../../common/state';
import { useApp, useShell } from '../../store/context';
import { useInbox } from '../../store/inbox';

export interface ReplyTarget {
  service: ServiceConfig;
  /** What the open chat is called, when its page says which chat is open. */
  chatTitle: string | undefined;
  /** The name {name} and {first_name} are filled from. */
  customerName: string | undefined;
}

export function useReplyTarget(): ReplyTarget | null {
  const { chats } = useShell();
  // The active service, as if it were in front: in the inbox, that is the one the user came from.
  const serviceId = useApp((s) => visibleServiceId({ ...s, view: 'service' }));
  const service = useApp((s) => s.services.find((x) => x.id === serviceId));
  const chatId = useStore(chats, (s) => (serviceId === null ? undefined : s.snapshots[serviceId]?.activeChatId));
  const inbox = useInbox();
  if (service === undefined) return null;
  if (chatId === undefined) return { service, chatTitle: undefined, customerName: undefined };
  const ref = { serviceId: service.id, chatId };
  const chat = inbox.chatOf(ref);
  const chatTitle = inbox.entryOfChat(ref)?.title ?? chat?.title;
  const person = chat !== undefined && (chat.kind === undefined || chat.kind === 'direct');
  return { service, chatTitle, customerName: person ? chatTitle : undefined };
}
