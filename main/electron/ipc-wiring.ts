/**
 * Connects Electron's ipcMain to the IpcRouter: `invoke` channels answer with the handler's value (or a
 * rejection result), `send` channels answer nothing. The sender's identity is read off the event here. A service
 * worker's messages never reach ipcMain: they arrive on that worker's own `ipc`, wired as each worker starts.
 */
import type { CommandResult } from '../../common/ipc';
import type { IpcRouter, IpcSender } from '../ipc/router';
import type { IpcMainEventLike, IpcMainLike, ServiceWorkerLike } from './api';

export function senderOf(event: IpcMainEventLike): IpcSender {
  const frame = event.senderFrame;
  return { id: event.sender.id, mainFrame: frame !== null && frame.parent === null, url: frame?.url ?? '' };
}

/** The shell's own messages: from the shell window's contents, its top frame, on the shell's origin. */
export function isShellSender(sender: IpcSender, shellContentsId: number, shellUrl: string): boolean {
  if (sender.id !== shellContentsId || !sender.mainFrame) return false;
  try {
    const url = new URL(sender.url);
    const shell = new URL(shellUrl);
    return url.protocol === shell.protocol && url.host === shell.host;
  } catch {
    return false;
  }
}

export function wireIpc(ipcMain: IpcMainLike, router: IpcRouter, channels: { invoke: string[]; send: string[] }): void {
  for (const channel of channels.invoke) {
    ipcMain.handle(channel, async (event, payload) => {
      const outcome = await router.receive(channel, senderOf(event), payload);
      if (outcome.ok) return outcome.value;
      // A refused message was the sender's fault; a handler that threw is main's, and the shell says so differently.
      const refused: CommandResult = { ok: false, error: outcome.reason === 'handler-failed' ? 'failed' : 'invalid', detail: outcome.reason };
      return refused;
    });
  }
  for (const channel of channels.send) {
    ipcMain.on(channel, (event, payload) => {
      void router.receive(channel, senderOf(event), payload);
    });
  }
}

/**
 * Sends what a service's worker posts on `channels` (Electron delivers it on the worker's `ipc`) to the router, as
 * from a worker of `serviceId`: the service whose session the worker runs in.
 */
export function wireWorkerIpc(worker: ServiceWorkerLike, serviceId: string, router: IpcRouter, channels: readonly string[]): void {
  for (const channel of channels) {
    worker.ipc.on(channel, (_event, payload) => {
      void router.receiveFromWorker(channel, { serviceId, scope: worker.scope }, payload);
    });
  }
}
