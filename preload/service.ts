/**
 * Runs in every service view (sandboxed, isolated world): installs the notification shim and the capture guard in
 * the page's own world before the page's scripts run, asks main which connector to run for the platform main
 * assigned (the connector pack's or the built-in one, pack-loader.ts), starts the agent with it, and relays between
 * the agent and main.
 * Everything it does to the page lives in agent.ts and the connectors.
 */
import { contextBridge, ipcRenderer, webFrame } from 'electron';
import { CHANNELS } from '../common/channels';
import { PLATFORM_IDS, type PlatformId } from '../common/model';
import { startAgent, type Agent } from './agent';
import { connectors } from './connectors';
import { CAPTURE_REFUSED, installCaptureGuard } from './capture-guard';
import { installNotificationShim, SHIM_EVENTS } from './notification-shim';
import { pageOutline } from './outline';
import { chooseConnector, startWhenParsed } from './pack-loader';

function assignedPlatform(): PlatformId {
  const arg = process.argv.find((a) => a.startsWith('--wasl-platform='))?.slice('--wasl-platform='.length);
  return PLATFORM_IDS.find((p) => p === arg) ?? 'custom';
}

contextBridge.executeInMainWorld({ func: installNotificationShim, args: [SHIM_EVENTS] });
contextBridge.executeInMainWorld({ func: installCaptureGuard, args: [CAPTURE_REFUSED] });

let agent: Agent | undefined;
const pending: (() => void)[] = [];
const withAgent = (act: (a: Agent) => void): void => {
  if (agent) act(agent);
  else pending.push(() => agent && act(agent));
};

const platform = assignedPlatform();
const chosen = chooseConnector({
  platform,
  builtIn: connectors[platform],
  invoke: (channel) => ipcRenderer.invoke(channel),
  send: (channel, payload) => ipcRenderer.send(channel, payload),
  frame: webFrame,
  world: window,
});

startWhenParsed(document, chosen, ({ connector, packVersion }) => {
  agent = startAgent({
    win: window,
    connector,
    packVersion,
    send: (update) => ipcRenderer.send(CHANNELS.serviceUpdate, update),
    notify: (notice) => ipcRenderer.send(CHANNELS.serviceNotification, notice),
  });
  for (const run of pending.splice(0)) run();
});

ipcRenderer.on(CHANNELS.serviceResync, () => withAgent((a) => a.resync()));
ipcRenderer.on(CHANNELS.serviceOpenChat, (_event, chatId: unknown) => {
  if (typeof chatId === 'string') withAgent((a) => void a.openChat(chatId));
});
ipcRenderer.on(CHANNELS.serviceInsertText, (_event, request: unknown) => {
  if (typeof request !== 'object' || request === null) return;
  const { requestId, text } = request as { requestId?: unknown; text?: unknown };
  if (typeof requestId !== 'string' || typeof text !== 'string') return;
  withAgent((a) => {
    void a.insertText(text).then((ok) => ipcRenderer.send(CHANNELS.serviceInsertResult, { requestId, ok }));
  });
});
ipcRenderer.on(CHANNELS.serviceNotificationClick, (_event, click: unknown) => {
  if (typeof click !== 'object' || click === null) return;
  const { id, chatId } = click as { id?: unknown; chatId?: unknown };
  if (typeof id === 'string') withAgent((a) => void a.clickNotice(id, typeof chatId === 'string' ? chatId : undefined));
});
ipcRenderer.on(CHANNELS.serviceOutlineRequest, (_event, request: unknown) => {
  if (typeof request !== 'object' || request === null) return;
  const { requestId } = request as { requestId?: unknown };
  if (typeof requestId !== 'string') return;
  // Only when the user asks: a large page takes a second or two. A page that broke its own document sends nothing.
  let outline: string;
  try {
    outline = JSON.stringify(pageOutline(document, { platform }));
  } catch (error) {
    console.warn('[wasl] could not outline the page', error);
    return;
  }
  ipcRenderer.send(CHANNELS.serviceOutline, { requestId, outline });
});
