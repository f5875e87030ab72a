/**
 * "Next unread": opens the chat of the customer who has waited longest, on any platform (next-unread.ts chooses),
 * as a click on its row does (a due reminder or a mark as unread ends), and selects its row; pressed again from
 * there, it goes on to the next customer in that order; from elsewhere, it passes over the chat open in front.
 * When nobody waits and nothing is unread, it says so. The 'next-unread' action from main (Ctrl/Cmd+J, the tray)
 * and the toolbar's button use it. It reads the inbox as it is at the moment it runs.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../i18n/format';
import type { ServiceSnapshot } from '../../../../common/model';
import type { AppState } from '../../../../common/state';
import { useShell } from '../../store/context';
import { CustomerDeriver } from '../../store/customers';
import type { Inbox } from '../../store/inbox';
import { useDirectory } from './directory';
import { nextUnread } from './next-unread';
import { useListActions } from './useEntryActions';

/** The entry whose chat the page in front says it has open, if any. */
function openEntryKey(app: Pick<AppState, 'view' | 'activeServiceId'>, snapshots: Readonly<Record<string, ServiceSnapshot>>, inbox: Inbox): string | null {
  const serviceId = app.view === 'service' ? app.activeServiceId : null;
  const chatId = serviceId === null ? undefined : snapshots[serviceId]?.activeChatId;
  return serviceId === null || chatId === undefined ? null : (inbox.entryOfChat({ serviceId, chatId })?.key ?? null);
}

export function useNextUnread(): () => void {
  const { t } = useTranslation();
  const { replica, chats, inbox: inboxDeriver, ui } = useShell();
  const directory = useDirectory();
  const [deriver] = useState(() => new CustomerDeriver());
  const actions = useListActions(directory, deriver.current);

  return useCallback(() => {
    const app = replica.getState().app;
    if (app === null) return;
    const inbox = inboxDeriver.derive({ services: app.services, snapshots: chats.getState().snapshots, people: app.people });
    const customers = deriver.derive({ inbox, customers: app.customers, labels: app.labels, services: app.services });
    const { selectedKey, lastNext } = ui.getState();
    const sources = { entries: inbox.entries, chatsOf: inbox.chatsOf, services: app.services, customers, now: Date.now() };
    // Still where Next unread brought the user: on to the one after. Otherwise the chat open in front is passed
    // over (a row selected since, as E selects the next one, is a customer not answered yet).
    const cycling = selectedKey !== null && selectedKey === lastNext;
    const next = nextUnread(sources, cycling ? selectedKey : openEntryKey(app, chats.getState().snapshots, inbox), cycling);
    if (next === undefined) {
      ui.getState().tell(t('inbox.triage.nobodyWaiting'));
      return;
    }
    ui.getState().setLastNext(next.entry.key);
    ui.getState().select(next.entry.key);
    ui.getState().announce(t('inbox.triage.opening', { name: isolate(next.entry.title), where: directory.label(next.chat.serviceId) }));
    actions.open(next.entry, next.chat);
  }, [actions, chats, deriver, directory, inboxDeriver, replica, t, ui]);
}
