/**
 * The shell's preload: exposes `window.wasl` (WaslBridge) and nothing else. Listeners receive plain data, never
 * the IPC event, so the page cannot reach ipcRenderer through them.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { WaslBridge } from '../common/bridge';
import { CHANNELS } from '../common/channels';
import type { ChatsDelta, Command, CommandResult, Rect, ShellAction } from '../common/ipc';
import type { ServiceSnapshot } from '../common/model';
import type { ResourceReport } from '../common/resources';
import type { Report } from '../common/shop/stats';
import type { AppState, StatePatch } from '../common/state';

function subscribe(channel: string, listener: (value: unknown) => void): () => void {
  const wrapped = (_event: unknown, value: unknown): void => listener(value);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

const bridge: WaslBridge = {
  hydrate: () => ipcRenderer.invoke(CHANNELS.hydrate) as Promise<AppState>,
  onPatch: (listener) => subscribe(CHANNELS.patch, (value) => listener(value as StatePatch)),
  onAction: (listener) => subscribe(CHANNELS.action, (value) => listener(value as ShellAction)),
  command: (command: Command) => ipcRenderer.invoke(CHANNELS.command, command) as Promise<CommandResult>,
  setViewport: (rect: Rect | null) => ipcRenderer.send(CHANNELS.viewport, { rect }),
  hydrateChats: () => ipcRenderer.invoke(CHANNELS.hydrateChats) as Promise<Record<string, ServiceSnapshot>>,
  onChats: (listener) =>
    subscribe(CHANNELS.chats, (value) => {
      const { serviceId, delta } = value as { serviceId: string; delta: ChatsDelta };
      listener(serviceId, delta);
    }),
  report: (range) => ipcRenderer.invoke(CHANNELS.report, range) as Promise<Report>,
  resources: () => ipcRenderer.invoke(CHANNELS.resources) as Promise<ResourceReport>,
};

contextBridge.exposeInMainWorld('wasl', bridge);
