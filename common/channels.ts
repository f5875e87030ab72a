/**
 * IPC channel names. Kept apart from the schemas in ipc.ts so the preloads can use them without bundling zod.
 */
export const CHANNELS = {
  /** shell → main (invoke): the full state, once at start. */
  hydrate: 'app:hydrate',
  /** shell → main (invoke): a typed command; answers a CommandResult. */
  command: 'app:command',
  /** shell → main (send): where the active service view goes, or null to hide it while a dialog is open. */
  viewport: 'app:viewport',
  /** main → shell: a StatePatch. */
  patch: 'app:patch',
  /** main → shell: a user action that main received outside the shell (menu, shortcut). */
  action: 'app:action',
  /** shell → main (invoke): every service's chats, once at start (then `chats` deltas follow). */
  hydrateChats: 'app:hydrate-chats',
  /** main → shell: what changed in one service's chats, `{ serviceId, delta: ChatsDelta }`. */
  chats: 'app:chats',
  /** shell → main (invoke): the report over a period, `{ from, to }` (epoch ms). */
  report: 'app:report',
  /** shell → main (invoke): memory and CPU per service and for Wasl itself, a ResourceReport. */
  resources: 'app:resources',
  /**
   * service → main (invoke), as the service preload starts: the connector its page runs, a ConnectorAnswer — the
   * platform's connector script from the pack in use, or no script: the connector built into the preload.
   */
  serviceConnector: 'svc:connector',
  /**
   * service → main (send): the page could not use the pack's connector it was given and runs the built-in one,
   * `{ version, reason }` (a ConnectorFailure).
   */
  serviceConnectorFailed: 'svc:connector-failed',
  /** service → main (send): what the service page shows, as a delta. */
  serviceUpdate: 'svc:update',
  /** service → main (send): a notification the page raised, or one derived from a rising unread count. */
  serviceNotification: 'svc:notification',
  /**
   * service worker → main (send): a notification the service's worker raised (`registration.showNotification`),
   * sent by the service-worker preload. Electron delivers it on that worker's `ServiceWorkerMain.ipc`, never on ipcMain.
   */
  serviceWorkerNotification: 'svc:worker-notification',
  /** main → service: send a full update next time (a delta was lost or rejected). */
  serviceResync: 'svc:resync',
  /** main → service: open this chat. */
  serviceOpenChat: 'svc:open-chat',
  /** main → service: type this text into the open chat's composer (the user presses send): `{ requestId, text }`. */
  serviceInsertText: 'svc:insert-text',
  /** service → main (send): whether the page typed it, `{ requestId, ok }`. */
  serviceInsertResult: 'svc:insert-result',
  /** main → service: the user clicked Wasl's notification {id, chatId}. */
  serviceNotificationClick: 'svc:notification-click',
  /** main → service: outline the page for a bug report, `{ requestId }`. */
  serviceOutlineRequest: 'svc:outline-request',
  /** service → main (send): the page's outline as JSON, `{ requestId, outline }`. */
  serviceOutline: 'svc:outline',
} as const;
