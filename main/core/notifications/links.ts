/**
 * What the notification center asks of the rest of main. A click brings the window forward with the service (or
 * the inbox) in front, then hands the click to the service's page or opens the chat; a notification tells the
 * services that the chat's customer wrote; a chat's customer is a priority one by the chat or by its phone number.
 * An answer typed in a notification opens its chat and is typed into the composer as a quick reply is (waiting for
 * a page still loading, and for the chat to be open where the page tells); "Done" and "Remind me in 1 hour" change
 * the customer's record as the inbox would, under the key of the inbox entry the chat is in. The answer Wasl
 * offers the customer (common/shop/suggest.ts) is judged on the chat's activity and the notification's text, and
 * filled with the chat's name and the shop's; groups and channels get none.
 */
import { buildInbox } from '../../../common/inbox';
import type { ChatRef } from '../../../common/model';
import { chatCustomerKeys, entryCustomerKeys } from '../../../common/shop/customers';
import { isFollowed } from '../../../common/shop/activity';
import type { QuickReply, Reminder, ShopSettings } from '../../../common/shop/model';
import { createSuggester, type ReplySuggestion, type Suggester } from '../../../common/shop/suggest';
import { fillTemplate } from '../../../common/shop/templates';
import type { AppStore } from '../app/app-store';
import type { DesktopPort } from '../app/menu-commands';
import type { Clock, Logger } from '../app/ports';
import { chatPhone } from '../chats/phones';
import type { ServiceController } from '../services/services';
import type { ShopController } from '../shop/shop';
import type { NotificationCenterDeps } from './center';

export interface NotificationLinkTargets {
  store: AppStore;
  services: Pick<ServiceController, 'command' | 'notificationClicked' | 'openChat' | 'typeInChat' | 'chatNotified' | 'snapshot' | 'chatsForShell'>;
  shop: Pick<ShopController, 'isPriority' | 'reminderOpened' | 'command'>;
  window: Pick<DesktopPort, 'revealWindow'>;
  log: Logger;
  clock: Clock;
  /** The suggestion's button title in the user's language ("Type: Delivery times"). */
  suggestionTitle: (suggestion: ReplySuggestion) => string;
}

export type NotificationLinks = Pick<
  NotificationCenterDeps,
  'reveal' | 'showInbox' | 'click' | 'openChat' | 'onIncoming' | 'reminderOpened' | 'isPriority' | 'typeReply' | 'canTypeReply' | 'suggestion' | 'markDone' | 'remindLater'
>;

/** main keeps at most this many keys in a customer update's `from` (common/ipc.ts). */
const MAX_FROM = 200;

export function notificationLinks(t: NotificationLinkTargets): NotificationLinks {
  const { services, shop } = t;
  let suggester: { shop: ShopSettings; replies: readonly QuickReply[]; suggest: Suggester } | undefined;
  const suggesterNow = (): Suggester => {
    const state = t.store.getState();
    if (suggester?.shop !== state.settings.shop || suggester.replies !== state.quickReplies) {
      suggester = { shop: state.settings.shop, replies: state.quickReplies, suggest: createSuggester(state.settings.shop, state.quickReplies) };
    }
    return suggester.suggest;
  };
  return {
    reveal: (serviceId) => {
      t.window.revealWindow();
      void services.command({ type: 'service.activate', id: serviceId });
    },
    showInbox: () => {
      t.window.revealWindow();
      void services.command({ type: 'view.inbox' });
    },
    click: (serviceId, notice) => services.notificationClicked(serviceId, notice),
    openChat: (serviceId, chatId) => services.openChat(serviceId, chatId),
    onIncoming: (serviceId, chatId) => services.chatNotified(serviceId, chatId),
    reminderOpened: (chat) => shop.reminderOpened(chat),
    isPriority: (serviceId, chatId) => {
      const phone = chatPhone(services.snapshot(serviceId), chatId, t.store.getState().settings.defaultRegion);
      return shop.isPriority({ serviceId, chatId }, phone);
    },
    typeReply: (chat, text) => {
      void services.typeInChat(chat.serviceId, chat.chatId, text).then((result) => {
        if (!result.ok) t.log.warn('a notification answer was not typed into the chat', { service: chat.serviceId, error: result.error });
      });
    },
    canTypeReply: (chat) => services.snapshot(chat.serviceId)?.activeChatId !== undefined,
    suggestion: (chat, message) => {
      const summary = services.snapshot(chat.serviceId)?.chats.find((c) => c.id === chat.chatId);
      if (summary !== undefined && !isFollowed(summary)) return undefined;
      const now = t.clock.now();
      const activity = summary?.activity;
      const found = suggesterNow()({ waiting: activity?.waitingSince ?? now, lastOut: activity?.lastOut, newAt: activity?.newAt, message }, now);
      if (found === undefined) return undefined;
      const text = fillTemplate(found.body, { name: summary?.title, shop: t.store.getState().settings.shop.name });
      return text.trim() === '' ? undefined : { title: t.suggestionTitle(found), text };
    },
    markDone: (chat) => updateCustomer(t, chat, { status: 'done' }),
    remindLater: (reminder) => updateCustomer(t, reminder.chat, { reminder }),
  };
}

/**
 * Saves a change to the record of the chat's customer as the inbox saves it: under its entry's own key, with the
 * keys of the records it was made from (a chat no service lists any more: the keys main knows for it).
 */
function updateCustomer(t: NotificationLinkTargets, chat: ChatRef, change: { status: 'done' } | { reminder: Reminder }): void {
  const state = t.store.getState();
  const snapshots = t.services.chatsForShell();
  const entry = buildInbox({ services: state.services, snapshots, people: state.people }).find((e) =>
    e.chats.some((ref) => ref.serviceId === chat.serviceId && ref.chatId === chat.chatId),
  );
  const keys = entry
    ? entryCustomerKeys(entry, [...new Set(entry.chats.flatMap((ref) => snapshots[ref.serviceId]?.chats.find((c) => c.id === ref.chatId)?.phone ?? []))])
    : chatCustomerKeys(chat, undefined, state.people);
  const [key, ...from] = keys;
  if (key === undefined) return;
  const result = t.shop.command({ type: 'customer.update', key, from: from.slice(0, MAX_FROM), ...change });
  if (!result.ok) t.log.warn('a notification button could not change the customer', { service: chat.serviceId, error: result.error });
}

