/**
 * The chat list's triage keys (common/shortcuts.ts, scope `list`, with the user's changes): done, mark unread,
 * pin, snooze and undo. They are read from the list's own key events, so they act only while the list has the
 * focus and never while a text field has it (the search box has its own). Done and snooze take the entry out of
 * the list, so the selection moves on to the row after it (or before it, at the end). A key that needs an entry
 * while none is selected says so.
 */
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxEntry } from '../../../../common/model';
import { shortcutOf } from '../../../../common/shortcuts';
import { useShell } from '../../store/context';
import type { Customers } from '../../store/customers';
import { useTriage } from '../customer/triage';
import { pressOf, useShortcutTable } from '../shortcuts/keys';
import { neighbourOf } from './filter';

export interface ListKeyTargets {
  /** The list's rows, in order. */
  visible: readonly InboxEntry[];
  selected: InboxEntry | undefined;
  customers: Customers;
  /** Offers the snooze choices for the entry (which select the next row once it is snoozed). */
  snooze: (entry: InboxEntry) => void;
  undo: () => void;
}

/** Handles a key press in the list: true when it was a triage key (the caller then prevents its default). */
export function useListKeys(targets: ListKeyTargets): (event: KeyboardEvent<HTMLElement>) => boolean {
  const { t } = useTranslation();
  const { ui } = useShell();
  const { os, resolved } = useShortcutTable();
  const triage = useTriage();

  return (event) => {
    const id = shortcutOf(resolved, 'list', pressOf(event.nativeEvent), os);
    if (id === 'undo') {
      targets.undo();
      return true;
    }
    if (id !== 'done' && id !== 'mark-unread' && id !== 'pin' && id !== 'snooze') return false;
    const { selected, visible, customers } = targets;
    if (selected === undefined) {
      ui.getState().tell(t('inbox.triage.noSelection'));
      return true;
    }
    const view = customers.view(selected);
    switch (id) {
      case 'done': {
        const neighbour = neighbourOf(visible, selected);
        void triage.done(selected, view).then((ok) => {
          if (ok) ui.getState().select(neighbour?.key ?? null);
        });
        break;
      }
      case 'mark-unread':
        void triage.markUnread(selected, view);
        break;
      case 'pin':
        void triage.togglePin(selected, view);
        break;
      case 'snooze':
        targets.snooze(selected);
        break;
    }
    return true;
  };
}
