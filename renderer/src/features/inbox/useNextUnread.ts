/**
 * "Next unread": opens the chat of the customer who has waited longest, on any platform (next-unread.ts chooses),
 * as a click on its row does (a due reminder or a mark as unread ends), and selects its row; pressed again from
 * there, it goes on to the next customer in that order. When nobody waits and nothing is unread, it says so. The 'next-unread' action from main (Ctrl/Cmd+J, the tray) and the toolbar's button
 * use it. It reads the inbox as it is at the moment it runs.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../i18n/format';
import { useShell } from '../../store/context';
import { CustomerDeriver } from '../../store/customers';
import { useDirectory } from './directory';
import { nextUnread } from './next-unread';
import { useListActions } from './useEntryActions';

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
    const next = nextUnread(sources, selectedKey, selectedKey !== null && selectedKey === lastNext);
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
