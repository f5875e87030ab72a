/**
 * What an OS notification can offer besides a click, per system — the one place that says so. Electron 45 gives an
 * inline reply (`hasReply`, the 'reply' event) and buttons (`actions`, the 'action' event) on macOS and on Windows
 * (the toast's own input and buttons, without custom toastXml). On Linux Electron shows neither: a notification
 * there is a click that opens the chat, and Done and "Remind me in 1 hour" are left to Wasl's own window.
 */
import type { HostOs } from '../../../common/state';

export interface NotificationOffers {
  /** An inline field the user types an answer into. */
  reply: boolean;
  /** Buttons ("Done", "Remind me in 1 hour"). */
  actions: boolean;
}

export const NOTIFICATION_OFFERS: Readonly<Record<HostOs, Readonly<NotificationOffers>>> = {
  darwin: { reply: true, actions: true },
  win32: { reply: true, actions: true },
  linux: { reply: false, actions: false },
};
