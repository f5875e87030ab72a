/**
 * The chat list's triage keys (common/shortcuts.ts, scope `list`, with the user's changes): done, mark unread,
 * pin, snooze and undo. They are read from the list's own key events, so they act only while the list has the
 * focus and never while a text field has it (the search box has its own). Done and snooze take the entry out of
 * the list, so the selection moves on to the row after it (or before it, at the end). A key that needs an entry
 * while none is selected says so. Tab (no modifier) on a row offering an answer types it into the customer's chat
 * (suggestion.tsx); on other rows Tab moves the focus on as usual.
 */
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxEntry } from '../../../../common/model';
import type { ReplySuggestion } from '../../../../common/shop/suggest';
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
  /** The selected entry's suggested answer, typed by Tab. */
  suggestion?: (entry: InboxEntry) => ReplySuggestion | undefined;
  typeSuggestion?: (entry: InboxEntry, suggestion: ReplySuggestion) => void;
}

/** Handles a key press in the list: true when it was a triage key (the caller then prevents its default). */
export function useListKeys(targets: ListKeyTargets): (event: KeyboardEvent<HTMLElement>) => boolean {
  const { t } = useTranslation();
  const { ui } = useShell();
  const { os, resolved } = useShortcutTable();
  const triage = useTriage();

  return (event) => {
    if (event.key === 'Tab' && !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey && targets.selected !== undefined) {
      const suggestion = targets.suggestion?.(targets.selected);
      if (suggestion !== undefined && targets.typeSuggestion !== undefined) {
        targets.typeSuggestion(targets.selected, suggestion);
        return true;
      }
    }
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
