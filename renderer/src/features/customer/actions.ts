/**
 * Changing what the shop keeps about a customer: labels, note, status, reminder, pin, mark as unread, field
 * values. Every change goes to main as a customer update command, saved under the entry's own key with the keys of
 * the records it showed until now (see entryCustomerKeys); a refusal is said aloud and reported to the caller,
 * which keeps what the user typed.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../common/limits';
import type { InboxEntry } from '../../../../common/model';
import type { FieldValue } from '../../../../common/shop/fields';
import type { ConversationStatus, Reminder, TriageStep } from '../../../../common/shop/model';
import { useCommand, useShell } from '../../store/context';
import type { CustomerView } from '../../store/customers';

export interface CustomerChange {
  labels?: string[];
  note?: string;
  status?: ConversationStatus;
  reminder?: Reminder | null;
  pinned?: boolean;
  /** true: marked unread in Wasl now; false: the mark ends. */
  unreadMark?: boolean;
  /** Field values to set, by field id; null clears one. */
  fields?: Record<string, FieldValue | null>;
  /** The change is this triage step, which main can take back. */
  undo?: TriageStep;
}

export interface CustomerActions {
  /** Sends the change; false when main refused it (the failure is announced). */
  update: (view: Pick<CustomerView, 'keys'>, change: CustomerChange) => Promise<boolean>;
  /** Adds the label, or takes it off. */
  toggleLabel: (view: Pick<CustomerView, 'keys' | 'labels'>, labelId: string) => Promise<boolean>;
}

/** main keeps at most this many keys in `from` (common/ipc.ts). */
const MAX_FROM = 200;

/** A reminder to bring the entry's customer back at `at`, in its newest chat. */
export function reminderFor(entry: InboxEntry, at: number, now: number): Reminder | undefined {
  const chat = entry.chats[0];
  if (chat === undefined) return undefined;
  return { at, setAt: now, chat: { serviceId: chat.serviceId, chatId: chat.chatId }, title: entry.title.slice(0, LIMITS.textChars) };
}

export function useCustomerActions(): CustomerActions {
  const { t } = useTranslation();
  const { ui } = useShell();
  const command = useCommand();
  return useMemo(() => {
    const update = async (view: Pick<CustomerView, 'keys'>, change: CustomerChange): Promise<boolean> => {
      const [key, ...from] = view.keys;
      if (key === undefined) return false;
      const result = await command({ type: 'customer.update', key, from: from.slice(0, MAX_FROM), ...change });
      if (!result.ok) ui.getState().announce(t('customer.error.save'));
      return result.ok;
    };
    return {
      update,
      toggleLabel: (view, labelId) => {
        const ids = view.labels.map((l) => l.id);
        return update(view, { labels: ids.includes(labelId) ? ids.filter((id) => id !== labelId) : [...ids, labelId] });
      },
    };
  }, [command, t, ui]);
}
