/**
 * The service-worker preload. Electron (35+) runs it in every service worker of a service's session (main registers
 * it with `session.registerPreloadScript({ type: 'service-worker' })`), before the worker's own script, in a preload
 * realm of its own: no DOM, no access to the worker's globals. It installs the worker notification shim in the
 * worker's world and sends what the shim hands over to main on `svc:worker-notification`; Electron delivers that on
 * the worker's ServiceWorkerMain.ipc, where main knows which service's session the worker runs in.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS } from '../common/channels';
import { installWorkerNotificationShim, type WorkerShimNotice } from './worker-notification-shim';

contextBridge.executeInMainWorld({
  func: installWorkerNotificationShim,
  args: [
    (notice: WorkerShimNotice) => {
      ipcRenderer.send(CHANNELS.serviceWorkerNotification, notice);
    },
  ],
});
