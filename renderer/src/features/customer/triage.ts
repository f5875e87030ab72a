/**
 * The inbox's triage of one customer: done (out of the list until they write again), marked unread in Wasl,
 * pinned to the top or unpinned, snoozed until a moment. Each is one step main can take back: once main has it,
 * the toast offers "Undo" (and the list's undo key takes it back). What cannot be done says why, visibly and aloud.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxEntry } from '../../../../common/model';
import type { TriageStep } from '../../../../common/shop/model';
import { useShell } from '../../store/context';
import type { CustomerView } from '../../store/customers';
import { reminderFor, useCustomerActions, type CustomerChange } from './actions';

export interface TriageActions {
  /** Answers whether main made the change (false: refused, or nothing to do, said so). */
  done: (entry: InboxEntry, view: CustomerView) => Promise<boolean>;
  markUnread: (entry: InboxEntry, view: CustomerView) => Promise<boolean>;
  /** Pins, or unpins a pinned customer. */
  togglePin: (entry: InboxEntry, view: CustomerView) => Promise<boolean>;
  snooze: (entry: InboxEntry, view: CustomerView, at: number) => Promise<boolean>;
}

export function useTriage(): TriageActions {
  const { t } = useTranslation();
  const { ui } = useShell();
  const actions = useCustomerActions();
  return useMemo((): TriageActions => {
    const step = async (view: CustomerView, change: CustomerChange, undo: TriageStep): Promise<boolean> => {
      const ok = await actions.update(view, { ...change, undo });
      if (ok) ui.getState().offerUndo(undo);
      return ok;
    };
    const refuse = (text: string): Promise<boolean> => {
      ui.getState().tell(text);
      return Promise.resolve(false);
    };
    return {
      done: (_entry, view) => (view.status === 'done' ? refuse(t('inbox.triage.alreadyDone')) : step(view, { status: 'done' }, 'done')),
      markUnread: (_entry, view) => (view.marked ? refuse(t('inbox.triage.alreadyMarked')) : step(view, { unreadMark: true }, 'marked-unread')),
      togglePin: (_entry, view) => (view.pinned ? step(view, { pinned: false }, 'unpinned') : step(view, { pinned: true }, 'pinned')),
      snooze: (entry, view, at) => {
        const reminder = reminderFor(entry, at, Date.now());
        return reminder === undefined ? refuse(t('inbox.triage.cannotSnooze')) : step(view, { reminder }, 'snoozed');
      },
    };
  }, [actions, t, ui]);
}
