/**
 * Every IPC channel main listens on: who may send on it (the shell, a service's page, a service's worker), the
 * schema its payload must match, and the part of main that handles it; and which channels Electron delivers as
 * invoke (the sender waits for an answer) or send.
 */
import { z } from 'zod';
import { CHANNELS } from '../../common/channels';
import {
  commandSchema,
  connectorFailureSchema,
  insertResultSchema,
  outlineAnswerSchema,
  reportRangeSchema,
  pageNotificationSchema,
  serviceUpdateSchema,
  viewportSchema,
  workerNotificationSchema,
  type ConnectorAnswer,
  type ConnectorFailure,
} from '../../common/ipc';
import type { ResourceReport } from '../../common/resources';
import { dispatchCommand, type CommandTable } from '../core/app/commands';
import type { ShellFeed } from '../core/app/shell-feed';
import type { ViewsPort } from '../core/app/ports';
import type { ActivityTracker } from '../core/chats/activity';
import { fromWorker, type NotificationCenter } from '../core/notifications/center';
import type { OutlineRequests } from '../core/outline/outline';
import type { ServiceController } from '../core/services/services';
import type { IpcRouter } from './router';

/** The channels of frames (the shell and the service pages), as ipcMain delivers them. */
export const FRAME_CHANNELS = {
  invoke: [CHANNELS.hydrate, CHANNELS.hydrateChats, CHANNELS.command, CHANNELS.report, CHANNELS.resources, CHANNELS.serviceConnector],
  send: [CHANNELS.viewport, CHANNELS.serviceUpdate, CHANNELS.serviceNotification, CHANNELS.serviceInsertResult, CHANNELS.serviceOutline, CHANNELS.serviceConnectorFailed],
};

/** The channels of service workers, delivered on each worker's own `ipc`. */
export const WORKER_CHANNELS: readonly string[] = [CHANNELS.serviceWorkerNotification];

export interface RouteTargets {
  feed: Pick<ShellFeed, 'hydrate' | 'hydrateChats'>;
  services: Pick<ServiceController, 'setViewport' | 'serviceUpdate' | 'insertResult' | 'snapshot'>;
  views: Pick<ViewsPort, 'send'>;
  tracker: Pick<ActivityTracker, 'report'>;
  outline: Pick<OutlineRequests, 'answer'>;
  notifications: Pick<NotificationCenter, 'receive'>;
  /** What each process of Wasl uses now. */
  resources(): ResourceReport;
  /** The connector a service's page runs as it starts: the pack in use for its platform, with its script or none. */
  connectorFor(serviceId: string): ConnectorAnswer;
  /**
   * A service's page could not use the pack's connector main gave it (the version main gave) and runs the built-in
   * one: the pack is bad for that platform.
   */
  packFailed(serviceId: string, failure: ConnectorFailure): void;
  /** The owner of each of the shell's commands; none but the unlock is carried out while `locked`. */
  commands: CommandTable;
  locked(): boolean;
  newId(): string;
}

export function routeIpc(router: IpcRouter, t: RouteTargets): void {
  router.shell(CHANNELS.hydrate, z.undefined(), () => t.feed.hydrate());
  router.shell(CHANNELS.hydrateChats, z.undefined(), () => t.feed.hydrateChats());
  router.shell(CHANNELS.command, commandSchema, (command) => dispatchCommand(command, t.commands, () => t.locked()));
  router.shell(CHANNELS.viewport, viewportSchema, ({ rect }) => {
    t.services.setViewport(rect);
  });
  router.shell(CHANNELS.report, reportRangeSchema, ({ from, to }) => t.tracker.report(from, to));
  router.shell(CHANNELS.resources, z.undefined(), () => t.resources());
  // The pack each page was last given a script of: a page reports only the failure of the script it was given.
  const given = new Map<string, string>();
  router.service(CHANNELS.serviceConnector, z.undefined(), (id) => {
    const answer = t.connectorFor(id);
    if (answer.code === undefined) given.delete(id);
    else given.set(id, answer.source.version);
    return answer;
  });
  router.service(CHANNELS.serviceConnectorFailed, connectorFailureSchema, (id, failure) => {
    if (given.get(id) !== failure.version) return;
    given.delete(id);
    t.packFailed(id, failure);
  });
  router.service(CHANNELS.serviceUpdate, serviceUpdateSchema, (id, update) => {
    // A lost message: the page sends everything again.
    if (!t.services.serviceUpdate(id, update)) t.views.send(id, CHANNELS.serviceResync);
  });
  router.service(CHANNELS.serviceInsertResult, insertResultSchema, (id, { requestId, ok }) => {
    t.services.insertResult(id, requestId, ok);
  });
  router.service(CHANNELS.serviceOutline, outlineAnswerSchema, (id, { requestId, outline }) => {
    t.outline.answer(id, requestId, outline);
  });
  router.service(CHANNELS.serviceNotification, pageNotificationSchema, (id, notice) => {
    t.notifications.receive(id, notice);
  });
  router.worker(CHANNELS.serviceWorkerNotification, workerNotificationSchema, (id, notice) => {
    t.notifications.receive(id, fromWorker(notice, `w-${t.newId()}`, t.services.snapshot(id)?.chats ?? []));
  });
}
