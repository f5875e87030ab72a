/**
 * What the notification center asks of the rest of main. A click brings the window forward with the service (or
 * the inbox) in front, then hands the click to the service's page or opens the chat; a notification tells the
 * services that the chat's customer wrote; a chat's customer is a priority one by the chat or by its phone number.
 */
import type { AppStore } from '../app/app-store';
import type { DesktopPort } from '../app/menu-commands';
import { chatPhone } from '../chats/phones';
import type { ServiceController } from '../services/services';
import type { ShopController } from '../shop/shop';
import type { NotificationCenterDeps } from './center';

export interface NotificationLinkTargets {
  store: AppStore;
  services: Pick<ServiceController, 'command' | 'notificationClicked' | 'openChat' | 'chatNotified' | 'snapshot'>;
  shop: Pick<ShopController, 'isPriority' | 'reminderOpened'>;
  window: Pick<DesktopPort, 'revealWindow'>;
}

export type NotificationLinks = Pick<NotificationCenterDeps, 'reveal' | 'showInbox' | 'click' | 'openChat' | 'onIncoming' | 'reminderOpened' | 'isPriority'>;

export function notificationLinks(t: NotificationLinkTargets): NotificationLinks {
  const { services, shop } = t;
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
  };
}
