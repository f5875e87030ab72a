/**
 * The customer's part of an inbox row's menu: the triage steps (mark as done, mark as unread, pin or unpin, each
 * one the toast can undo), the customer card, and three steps that open a page of their own in the same place —
 * labels (check and uncheck), status (open, waiting on customer, done), and "Remind me", which snoozes the
 * customer (later today, tomorrow morning, next week, a moment of the user's choice in the card; or clears the
 * reminder). The "Remind me" page is also the list's snooze key's picker.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CONVERSATION_STATUSES, type Label } from '../../../../common/shop/model';
import type { InboxEntry } from '../../../../common/model';
import type { MenuEntry } from '../../components/Menu';
import { isolate, useFormat } from '../../i18n/format';
import { useApp, useShell } from '../../store/context';
import type { CustomerView } from '../../store/customers';
import { useLabelName } from '../shop/labels';
import { useCustomerActions } from './actions';
import { laterToday, nextDay, nextWeek, sameDay, tomorrowMorning } from './reminders';
import { STATUS_TEXT } from './text';
import { useTriage } from './triage';

export type CustomerMenuPage = 'labels' | 'status' | 'remind';

export interface CustomerMenuContext {
  entry: InboxEntry;
  view: CustomerView;
  /** The time the menu's choices are offered for (a reminder is set at the moment it is chosen). */
  now: number;
  /** Shows a page of the menu in place of the menu. */
  showPage: (page: CustomerMenuPage) => void;
  /** Opens the customer card; `reminder` puts the focus on its date and time field. */
  openCard: (focus?: 'reminder') => void;
  /** Called once a step took the entry out of the list (done, snoozed): the list selects the next row. */
  onLeave?: () => void;
}

export interface CustomerMenu {
  /** The entries for the row's menu. */
  entries: (context: CustomerMenuContext) => MenuEntry[];
  /** A page's name (for assistive technology) and entries. */
  page: (page: CustomerMenuPage, context: CustomerMenuContext) => { label: string; entries: MenuEntry[] };
}

export function useCustomerMenu(): CustomerMenu {
  const { t } = useTranslation();
  const format = useFormat();
  const { ui } = useShell();
  const labels = useApp((s) => s.labels);
  const shop = useApp((s) => s.settings.shop);
  const labelName = useLabelName();
  const actions = useCustomerActions();
  const triage = useTriage();

  return useMemo((): CustomerMenu => {
    const announce = (text: string) => ui.getState().announce(text);
    const toggle = (view: CustomerView, label: Label) => {
      const had = view.labels.some((l) => l.id === label.id);
      const name = isolate(labelName(label));
      void actions.toggleLabel(view, label.id).then((ok) => {
        if (ok) announce(had ? t('customer.label.removed', { name }) : t('customer.label.added', { name }));
      });
    };
    const remind = ({ entry, view, onLeave }: CustomerMenuContext, at: number) => {
      void triage.snooze(entry, view, at).then((ok) => {
        if (!ok) return;
        announce(t('customer.reminder.set', { when: format.until(at, Date.now()) }));
        onLeave?.();
      });
    };

    const pages: Record<CustomerMenuPage, (context: CustomerMenuContext) => { label: string; entries: MenuEntry[] }> = {
      labels: ({ entry, view }) => ({
        label: t('customer.menu.labelsFor', { name: isolate(entry.title) }),
        entries: [
          ...labels.map((label) => ({
            id: `label-${label.id}`,
            label: labelName(label),
            checked: view.labels.some((l) => l.id === label.id),
            onSelect: () => toggle(view, label),
          })),
          {
            id: 'manage-labels',
            label: t('customer.menu.manageLabels'),
            groupStart: labels.length > 0,
            onSelect: () => ui.getState().openDialog({ kind: 'shop', tab: 'labels' }),
          },
        ],
      }),
      status: ({ entry, view }) => ({
        label: t('customer.menu.statusFor', { name: isolate(entry.title) }),
        entries: CONVERSATION_STATUSES.map((status) => ({
          id: `status-${status}`,
          label: t(STATUS_TEXT[status]),
          checked: view.status === status,
          onSelect: () => {
            if (view.status === status) return;
            void actions.update(view, { status }).then((ok) => {
              if (ok) announce(t('customer.status.changed', { status: t(STATUS_TEXT[status]) }));
            });
          },
        })),
      }),
      remind: (context) => {
        const { entry, view, now, openCard } = context;
        const later = laterToday(now);
        const morning = tomorrowMorning(now, shop);
        const week = nextWeek(now, shop);
        const items: MenuEntry[] = [];
        if (sameDay(later, now)) {
          items.push({ id: 'remind-later', label: t('customer.remind.later', { time: format.time(later) }), onSelect: () => remind(context, later) });
        }
        items.push({
          id: 'remind-morning',
          label: nextDay(morning, now)
            ? t('customer.remind.tomorrow', { time: format.time(morning) })
            : t('customer.remind.opening', { time: format.until(morning, now) }),
          onSelect: () => remind(context, morning),
        });
        items.push({ id: 'remind-week', label: t('customer.remind.nextWeek', { time: format.until(week, now) }), onSelect: () => remind(context, week) });
        items.push({ id: 'remind-pick', label: t('customer.remind.pick'), onSelect: () => openCard('reminder') });
        if (view.reminder !== undefined) {
          items.push({
            id: 'remind-clear',
            label: t('customer.reminder.clear'),
            groupStart: true,
            onSelect: () =>
              void actions.update(view, { reminder: null }).then((ok) => {
                if (ok) announce(t('customer.reminder.cleared'));
              }),
          });
        }
        return { label: t('customer.menu.remindFor', { name: isolate(entry.title) }), entries: items };
      },
    };

    return {
      entries: ({ entry, view, showPage, openCard, onLeave }) => [
        ...(view.status === 'done'
          ? []
          : [
              {
                id: 'triage-done',
                label: t('inbox.menu.done'),
                onSelect: () =>
                  void triage.done(entry, view).then((ok) => {
                    if (ok) onLeave?.();
                  }),
              },
            ]),
        ...(view.marked ? [] : [{ id: 'triage-unread', label: t('inbox.menu.markUnread'), onSelect: () => void triage.markUnread(entry, view) }]),
        { id: 'triage-pin', label: view.pinned ? t('inbox.menu.unpin') : t('inbox.menu.pin'), onSelect: () => void triage.togglePin(entry, view) },
        { id: 'customer-remind', label: t('customer.menu.remind'), onSelect: () => showPage('remind') },
        { id: 'customer-card', label: t('customer.menu.card'), groupStart: true, onSelect: () => openCard() },
        { id: 'customer-labels', label: t('customer.menu.labels'), onSelect: () => showPage('labels') },
        { id: 'customer-status', label: t('customer.menu.status'), onSelect: () => showPage('status') },
      ],
      page: (page, context) => pages[page](context),
    };
  }, [actions, format, labelName, labels, shop, t, triage, ui]);
}
