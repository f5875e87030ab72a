/**
 * The tray's notifications grouped by person: records about chats of one inbox entry (the same person on any
 * platform) form one group; a record about a chat the inbox does not show stays with that chat; a record that
 * names no chat groups with its service. Groups and their records come newest first.
 */
import type { InboxEntry, NotificationRecord } from '../../../../common/model';
import type { ChatRef } from '../../../../common/model';

export interface TrayGroup {
  key: string;
  /** The inbox entry the group is about, when there is one. */
  entry: InboxEntry | undefined;
  /** The service of a group about a service as a whole (records without a chat). */
  serviceId: string | undefined;
  /** Newest first; never empty. */
  records: readonly NotificationRecord[];
  unread: number;
}

export function groupNotifications(
  notifications: readonly NotificationRecord[],
  entryOfChat: (ref: ChatRef) => InboxEntry | undefined,
): TrayGroup[] {
  const groups = new Map<string, { entry: InboxEntry | undefined; serviceId: string | undefined; records: NotificationRecord[] }>();
  for (let i = notifications.length - 1; i >= 0; i -= 1) {
    const record = notifications[i];
    if (record === undefined) continue;
    const { serviceId, chatId } = record;
    const entry = chatId === undefined ? undefined : entryOfChat({ serviceId, chatId });
    const key = entry !== undefined ? entry.key : chatId === undefined ? `service:${serviceId}` : `chat:${serviceId}:${chatId}`;
    const group = groups.get(key);
    if (group !== undefined) group.records.push(record);
    else groups.set(key, { entry, serviceId: chatId === undefined ? serviceId : undefined, records: [record] });
  }
  return [...groups].map(([key, group]) => ({ key, ...group, unread: group.records.filter((r) => !r.read).length }));
}
