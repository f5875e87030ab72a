/**
 * What the user can do to an inbox entry, shared by its row, its context menu, the suggestions and the dialogs:
 * open one of its chats, link it with another entry, split a chat off, rename the person — each change to
 * people offering an undo toast — and undo, which takes back what the toast offers (a change to people or a
 * triage step) or, once the toast is gone, main's last triage step. The menu takes the customer's entries
 * (features/customer/menu.ts) after the chats to open.
 */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command } from '../../../../common/ipc';
import type { ChatSummary, InboxEntry } from '../../../../common/model';
import { TRIAGE_STEPS, type TriageStep } from '../../../../common/shop/model';
import type { MenuEntry } from '../../components/Menu';
import { isolate } from '../../i18n/format';
import { useCommand, useShell } from '../../store/context';
import { reminderState, type Customers } from '../../store/customers';
import { useCustomerActions } from '../customer/actions';
import type { ChatRef } from '../../../../common/model';
import type { UndoKind } from '../../store/ui';
import type { ServiceDirectory } from './directory';

/** main accepts at most this many chats in one link (LIMITS in common/ipc.ts, kept out of the shell's bundle). */
const MAX_LINKED_CHATS = 50;

export interface EntryActions {
  /** Shows the chat's service with that chat open: the entry's newest chat unless one is given. */
  open: (entry: InboxEntry, chat?: ChatRef) => void;
  link: (a: InboxEntry, b: InboxEntry) => Promise<boolean>;
  unlink: (chat: ChatRef) => void;
  /** Names the person (null: back to the platform's name). */
  rename: (entry: InboxEntry, name: string | null) => Promise<boolean>;
  dismiss: (a: InboxEntry, b: InboxEntry) => void;
  /** Takes back the change the toast offers, or main's last triage step; says so when there is none. */
  undo: () => void;
  /** The row's menu: its chats to open, then `customer`, then linking. */
  menuEntries: (entry: InboxEntry, chats: readonly ChatSummary[], customer: readonly MenuEntry[]) => MenuEntry[];
}

const isTriageStep = (kind: string | null | undefined): kind is TriageStep => TRIAGE_STEPS.some((step) => step === kind);

/** A person can be named once it is more than one platform chat, or the user already linked or split it. */
const renamable = (entry: InboxEntry): boolean => entry.personId !== undefined || entry.chats.length > 1;

/** `opened`: told of every entry the user opens (a due reminder is done with once its customer is looked at). */
export function useEntryActions(directory: ServiceDirectory, opened?: (entry: InboxEntry) => void): EntryActions {
  const { t } = useTranslation();
  const { ui, replica } = useShell();
  const command = useCommand();

  return useMemo((): EntryActions => {
    const send = async (cmd: Command, undo?: UndoKind): Promise<boolean> => {
      const result = await command(cmd);
      if (!result.ok) {
        ui.getState().announce(t('errors.commandFailed'));
        return false;
      }
      if (undo !== undefined) ui.getState().offerUndo(undo);
      return true;
    };
    const open = (entry: InboxEntry, chat?: ChatRef) => {
      const target = chat ?? entry.chats[0];
      if (target === undefined) return;
      ui.getState().setOpening({ ref: target, at: Date.now() });
      opened?.(entry);
      void send({ type: 'service.openChat', id: target.serviceId, chatId: target.chatId });
    };
    const unlink = (chat: ChatRef) => void send({ type: 'people.unlink', chat: { serviceId: chat.serviceId, chatId: chat.chatId } }, 'unlink');
    const refs = (entry: InboxEntry) => entry.chats.map((c) => ({ serviceId: c.serviceId, chatId: c.chatId }));
    return {
      open,
      link: (a, b) => send({ type: 'people.link', chats: [...refs(a), ...refs(b)].slice(0, MAX_LINKED_CHATS) }, 'link'),
      unlink,
      rename: (entry, name) =>
        entry.personId !== undefined
          ? send({ type: 'people.rename', personId: entry.personId, displayName: name }, 'rename')
          : name === null
            ? Promise.resolve(true)
            : send({ type: 'people.link', chats: refs(entry).slice(0, MAX_LINKED_CHATS), displayName: name }, 'rename'),
      dismiss: (a, b) => void send({ type: 'suggestion.dismiss', a: a.key, b: b.key }, 'dismiss'),
      undo: () => {
        const shopUndo = replica.getState().app?.shopUndo;
        const kind = ui.getState().undo?.kind ?? (isTriageStep(shopUndo) ? shopUndo : undefined);
        if (kind === undefined) {
          ui.getState().tell(t('inbox.triage.nothingToUndo'));
          return;
        }
        ui.getState().dismissUndo();
        const cmd: Command = isTriageStep(kind) ? { type: 'shop.undo', step: kind } : { type: 'people.undo' };
        void command(cmd).then((result) => {
          if (result.ok) ui.getState().announce(t('inbox.undo.done'));
          else if (result.error === 'nothing-to-undo') ui.getState().tell(t('inbox.triage.nothingToUndo'));
          else ui.getState().announce(t('errors.commandFailed'));
        });
      },
      menuEntries: (entry, chats, customer) => {
        const merged = chats.length > 1;
        const items: MenuEntry[] = entry.chats.map((ref, i) => ({
          id: `open-${i}`,
          label: t('inbox.menu.openIn', { where: directory.label(ref.serviceId) }),
          onSelect: () => open(entry, ref),
        }));
        customer.forEach((item, i) => items.push(i === 0 ? { ...item, groupStart: true } : item));
        items.push({
          id: 'link',
          label: t('inbox.menu.link'),
          groupStart: true,
          onSelect: () => ui.getState().openDialog({ kind: 'link', entryKey: entry.key }),
        });
        if (renamable(entry)) {
          items.push({
            id: 'rename',
            label: t('inbox.menu.rename'),
            onSelect: () => ui.getState().openDialog({ kind: 'rename-person', entryKey: entry.key }),
          });
        }
        if (merged) {
          chats.forEach((chat, i) => {
            const ref = entry.chats[i];
            if (ref === undefined) return;
            items.push({
              id: `unlink-${i}`,
              label: t('inbox.menu.unlink', { name: isolate(chat.title), where: directory.label(ref.serviceId) }),
              groupStart: i === 0,
              onSelect: () => unlink(ref),
            });
          });
        }
        return items;
      },
    };
  }, [command, directory, opened, replica, t, ui]);
}

/**
 * The actions of a list of customers (the inbox page, the list beside a service): opening a customer whose reminder
 * is due ends the reminder, and opening one marked unread in Wasl ends the mark. `latest`: the customers as last
 * derived (useCustomers).
 */
export function useListActions(directory: ServiceDirectory, latest: () => Customers | undefined): EntryActions {
  const customerActions = useCustomerActions();
  const opened = useCallback(
    (entry: InboxEntry) => {
      const view = latest()?.view(entry);
      if (view === undefined) return;
      const due = reminderState(view, Date.now()) === 'due';
      if (due || view.marked) void customerActions.update(view, { ...(due ? { reminder: null } : {}), ...(view.marked ? { unreadMark: false } : {}) });
    },
    [customerActions, latest],
  );
  return useEntryActions(directory, opened);
}
