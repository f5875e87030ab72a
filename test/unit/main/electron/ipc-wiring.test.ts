import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commandSchema, serviceUpdateSchema, viewportSchema, workerNotificationSchema, type Command, type Rect } from '../../../../common/ipc';
import type { ServiceConfig } from '../../../../common/model';
import type { IpcMainEventLike, IpcMainLike } from '../../../../main/electron/api';
import { isShellSender, senderOf, wireIpc, wireWorkerIpc } from '../../../../main/electron/ipc-wiring';
import { partitionOf, ServiceViews } from '../../../../main/electron/service-views';
import { IpcRouter, type IpcSender } from '../../../../main/ipc/router';
import type { FakeElectron, FakeView } from '../../../fakes/electron';
import type { MemoryLogger } from '../../../fakes/logger';
import { flush, guardedFake, service } from './support';

const SHELL_URL = 'app://wasl/index.html';
const INVOKE = ['app:hydrate', 'app:command', 'app:boom'];
const SEND = ['app:viewport', 'svc:update', 'svc:boom'];

interface Harness {
  fake: FakeElectron;
  log: MemoryLogger;
  views: ServiceViews<FakeView>;
  shellId: number;
  commands: Command[];
  viewports: (Rect | null)[];
  updates: { serviceId: string; seq: number }[];
  /** What reached the worker channel's handler: the service and the title. */
  workerNotices: { serviceId: string; title: string }[];
  invoke(channel: string, event: IpcMainEventLike, payload?: unknown): Promise<unknown>;
  send(channel: string, event: IpcMainEventLike, payload?: unknown): unknown;
}

function setup(): Harness {
  const services = new Map<string, ServiceConfig>([
    ['a', service('a', 'whatsapp')],
    ['b', service('b', 'whatsapp')],
  ]);
  const { fake, policy, clock, log } = guardedFake(services);
  new fake.BrowserWindow({});
  const win = fake.windows[0];
  if (!win) throw new Error('no window');
  policy.assign(win.webContents.id, { kind: 'shell' });
  const views = new ServiceViews<FakeView>({
    electron: fake,
    window: win,
    policy,
    preloadPath: '/p/service.cjs',
    workerPreloadPath: () => '/p/service-worker.cjs',
    userAgent: 'UA',
    acceptLanguages: 'en',
    serviceOf: (id) => services.get(id),
    onEvent: () => undefined,
    onDownload: () => undefined,
    onZoomAsked: () => undefined,
    onWorker: (id, worker) => wireWorkerIpc(worker, id, router, ['svc:worker-notification']),
    log,
  });
  for (const s of services.values()) views.open(s);

  const router = new IpcRouter({
    isShell: (sender: IpcSender) => isShellSender(sender, win.webContents.id, SHELL_URL),
    serviceOf: (id) => policy.serviceOf(id),
    serviceOfWorker: (worker) => views.serviceOfWorker(worker),
    clock,
    log,
  });
  const commands: Command[] = [];
  const workerNotices: { serviceId: string; title: string }[] = [];
  router.worker('svc:worker-notification', workerNotificationSchema, (serviceId, notice) => {
    workerNotices.push({ serviceId, title: notice.title });
  });
  const viewports: (Rect | null)[] = [];
  const updates: { serviceId: string; seq: number }[] = [];
  router.shell('app:hydrate', z.undefined(), () => ({ hydrated: true, services: [...services.keys()] }));
  router.shell('app:command', commandSchema, async (command) => {
    commands.push(command);
    await Promise.resolve();
    return { ok: true, id: 'new-id' };
  });
  router.shell('app:boom', z.undefined(), () => {
    throw new Error('handler exploded');
  });
  router.shell('app:viewport', viewportSchema, ({ rect }) => {
    viewports.push(rect);
  });
  router.service('svc:update', serviceUpdateSchema, (serviceId, update) => {
    updates.push({ serviceId, seq: update.seq });
  });
  router.service('svc:boom', z.unknown(), () => Promise.reject(new Error('async handler exploded')));
  // Electron types send listeners as returning void; keep them as returning unknown to see what comes back.
  const sendListeners = new Map<string, (event: IpcMainEventLike, payload: unknown) => unknown>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      fake.ipcMain.handle(channel, listener);
    },
    on: (channel, listener) => {
      sendListeners.set(channel, listener);
      return fake.ipcMain.on(channel, listener);
    },
  };
  wireIpc(ipcMain, router, { invoke: INVOKE, send: SEND });

  return {
    fake,
    log,
    views,
    shellId: win.webContents.id,
    commands,
    viewports,
    updates,
    workerNotices,
    invoke: async (channel, event, payload) => {
      const handler = fake.ipcMain.handlers.get(channel);
      if (!handler) throw new Error(`no handler for ${channel}`);
      return await handler(event, payload);
    },
    send: (channel, event, payload) => {
      const listener = sendListeners.get(channel);
      if (!listener) throw new Error(`no listener for ${channel}`);
      return listener(event, payload);
    },
  };
}

const frame = (id: number, url: string, parent: unknown = null): IpcMainEventLike => ({ sender: { id }, senderFrame: { url, parent } });
const WRONG_SENDER = { ok: false, error: 'invalid', detail: 'wrong-sender' };

function contentsOf(h: Harness, serviceId: string): number {
  const id = h.views.contentsId(serviceId);
  if (id === undefined) throw new Error(`no contents for ${serviceId}`);
  return id;
}

const update = (seq: number): unknown => ({
  seq,
  reset: true,
  loggedIn: true,
  unread: { direct: 1, indirect: 0 },
  upsert: [{ id: 'c1', title: 'Customer', unread: 1 }],
  remove: [],
});

describe('senderOf', () => {
  it('reads the id, the frame URL and whether it is the main frame', () => {
    expect(senderOf(frame(7, SHELL_URL))).toEqual({ id: 7, mainFrame: true, url: SHELL_URL });
    expect(senderOf(frame(7, 'https://ads.example/', { url: SHELL_URL }))).toEqual({ id: 7, mainFrame: false, url: 'https://ads.example/' });
    expect(senderOf({ sender: { id: 7 }, senderFrame: null })).toEqual({ id: 7, mainFrame: false, url: '' });
  });
});

describe('wireIpc: registration', () => {
  it('registers invoke channels with handle and send channels with on, and nothing else', () => {
    const h = setup();
    expect([...h.fake.ipcMain.handlers.keys()].sort()).toEqual([...INVOKE].sort());
    expect([...h.fake.ipcMain.listeners.keys()].sort()).toEqual([...SEND].sort());
  });
});

describe('wireIpc: invoke channels', () => {
  it('answers with the handler’s value', async () => {
    const h = setup();
    expect(await h.invoke('app:hydrate', frame(h.shellId, SHELL_URL))).toEqual({ hydrated: true, services: ['a', 'b'] });
  });

  it('awaits an async handler and passes it the parsed command', async () => {
    const h = setup();
    const answer = await h.invoke('app:command', frame(h.shellId, SHELL_URL), { type: 'service.rename', id: 'a', name: '  متجر سلمى  ' });
    expect(answer).toEqual({ ok: true, id: 'new-id' });
    expect(h.commands).toEqual([{ type: 'service.rename', id: 'a', name: 'متجر سلمى' }]);
  });

  it('answers an invalid payload with an "invalid" result and never calls the handler', async () => {
    const h = setup();
    for (const payload of [{ type: 'service.nuke' }, { type: 'service.rename', id: '../../x', name: 'a' }, 'string', null, { type: 'service.activate', id: 'a', extra: 1 }]) {
      expect(await h.invoke('app:command', frame(h.shellId, SHELL_URL), payload)).toEqual({ ok: false, error: 'invalid', detail: 'invalid' });
    }
    expect(h.commands).toEqual([]);
  });

  it('answers a message that is too large with "too-large"', async () => {
    const h = setup();
    const deep = JSON.parse(`${'['.repeat(50)}${']'.repeat(50)}`) as unknown;
    expect(await h.invoke('app:command', frame(h.shellId, SHELL_URL), deep)).toEqual({ ok: false, error: 'invalid', detail: 'too-large' });
  });

  it.each<[string, (h: Harness) => IpcMainEventLike]>([
    ['a sub-frame of the shell', (h) => frame(h.shellId, SHELL_URL, { url: SHELL_URL })],
    ['a foreign sub-frame inside the shell', (h) => frame(h.shellId, 'https://evil.example/', { url: SHELL_URL })],
    ['a service view, even claiming the shell URL', (h) => frame(contentsOf(h, 'a'), SHELL_URL)],
    ['a service view on its own page', (h) => frame(contentsOf(h, 'a'), 'https://web.whatsapp.com/')],
    ['unknown contents', () => frame(99_999, SHELL_URL)],
    ['the shell contents showing another origin', (h) => frame(h.shellId, 'https://evil.example/index.html')],
    ['a look-alike app host', (h) => frame(h.shellId, 'app://wasl.evil/index.html')],
    ['a destroyed frame', (h) => ({ sender: { id: h.shellId }, senderFrame: null })],
  ])('rejects a shell command from %s as wrong-sender', async (_name, event) => {
    const h = setup();
    expect(await h.invoke('app:command', event(h), { type: 'service.remove', id: 'a' })).toEqual(WRONG_SENDER);
    expect(await h.invoke('app:hydrate', event(h))).toEqual(WRONG_SENDER);
    expect(h.commands).toEqual([]);
    expect(h.log.count('warn', 'ipc message rejected')).toBe(2);
  });

  it('answers a failing handler with a "failed" result instead of throwing: the message was not invalid', async () => {
    const h = setup();
    expect(await h.invoke('app:boom', frame(h.shellId, SHELL_URL))).toEqual({ ok: false, error: 'failed', detail: 'handler-failed' });
    expect(h.log.count('error', 'ipc handler failed')).toBe(1);
  });

  it('answers "rate-limited" once the shell exceeds its burst', async () => {
    const h = setup();
    const answers: unknown[] = [];
    for (let i = 0; i < 401; i += 1) answers.push(await h.invoke('app:hydrate', frame(h.shellId, SHELL_URL)));
    expect(answers.slice(0, 400).every((a) => (a as { hydrated?: boolean }).hydrated === true)).toBe(true);
    expect(answers[400]).toEqual({ ok: false, error: 'invalid', detail: 'rate-limited' });
  });
});

describe('wireIpc: send channels', () => {
  it('maps a service message to the service by the sender’s contents id', async () => {
    const h = setup();
    h.send('svc:update', frame(contentsOf(h, 'b'), 'https://web.whatsapp.com/'), update(0));
    h.send('svc:update', frame(contentsOf(h, 'a'), 'https://web.whatsapp.com/'), update(5));
    await flush();
    expect(h.updates).toEqual([
      { serviceId: 'b', seq: 0 },
      { serviceId: 'a', seq: 5 },
    ]);
  });

  it.each<[string, (h: Harness) => IpcMainEventLike]>([
    ['a sub-frame of a service page', (h) => frame(contentsOf(h, 'a'), 'https://web.whatsapp.com/', { url: 'https://web.whatsapp.com/' })],
    ['the shell', (h) => frame(h.shellId, SHELL_URL)],
    ['unknown contents', () => frame(99_999, 'https://web.whatsapp.com/')],
    ['a destroyed frame', (h) => ({ sender: { id: contentsOf(h, 'a') }, senderFrame: null })],
  ])('drops a service message from %s', async (_name, event) => {
    const h = setup();
    expect(h.send('svc:update', event(h), update(0))).toBeUndefined();
    await flush();
    expect(h.updates).toEqual([]);
    expect(h.log.lines.some((l) => l.message === 'ipc message rejected' && l.fields?.['reason'] === 'wrong-sender')).toBe(true);
  });

  it('drops messages from a service view once it is closed', async () => {
    const h = setup();
    const id = contentsOf(h, 'a');
    h.views.close('a');
    h.send('svc:update', frame(id, 'https://web.whatsapp.com/'), update(0));
    await flush();
    expect(h.updates).toEqual([]);
  });

  it('passes a shell send on to its handler, and refuses it from a service', async () => {
    const h = setup();
    const rect = { x: 72, y: 48, width: 800, height: 600 };
    h.send('app:viewport', frame(h.shellId, SHELL_URL), { rect });
    h.send('app:viewport', frame(contentsOf(h, 'a'), SHELL_URL), { rect: null });
    await flush();
    expect(h.viewports).toEqual([rect]);
  });

  it('returns nothing and never throws, whatever arrives', async () => {
    const h = setup();
    const sender = frame(contentsOf(h, 'a'), 'https://web.whatsapp.com/');
    const hostile: unknown[] = [undefined, null, 'x'.repeat(3_000_000), { seq: -1 }, JSON.parse(`${'['.repeat(40)}${']'.repeat(40)}`)];
    for (const payload of hostile) {
      expect(h.send('svc:update', sender, payload)).toBeUndefined();
      expect(h.send('app:viewport', sender, payload)).toBeUndefined();
    }
    expect(h.send('svc:boom', sender, {})).toBeUndefined();
    await flush();
    expect(h.updates).toEqual([]);
    expect(h.log.count('error', 'ipc handler failed')).toBe(1);
  });
});

describe('wireWorkerIpc: what a service worker posts', () => {
  const workersOf = (h: Harness, serviceId: string) => h.fake.sessionFor(partitionOf(serviceId)).serviceWorkers;

  it('maps a worker’s message to the service whose session the worker runs in', async () => {
    const h = setup();
    const a = workersOf(h, 'a').start('https://web.whatsapp.com/');
    const b = workersOf(h, 'b').start('https://web.whatsapp.com/');
    workersOf(h, 'b').send(b, 'svc:worker-notification', { title: 'Omar' });
    workersOf(h, 'a').send(a, 'svc:worker-notification', { title: 'Layla' });
    await flush();
    expect(h.workerNotices).toEqual([
      { serviceId: 'b', title: 'Omar' },
      { serviceId: 'a', title: 'Layla' },
    ]);
  });

  it('refuses a worker of another origin that runs in the service’s session (a framed site’s)', async () => {
    const h = setup();
    const foreign = workersOf(h, 'a').start('https://ads.example/');
    expect(workersOf(h, 'a').send(foreign, 'svc:worker-notification', { title: 'You won!' })).toBe(true);
    await flush();
    expect(h.workerNotices).toEqual([]);
    expect(h.log.lines.find((l) => l.message === 'ipc message rejected')?.fields).toMatchObject({ reason: 'wrong-sender', sender: 'worker of a', url: 'https://ads.example/' });
  });

  it('hears a worker on its own channel only: what it posts elsewhere reaches no handler', async () => {
    const h = setup();
    const workers = workersOf(h, 'a');
    const version = workers.start('https://web.whatsapp.com/');
    workers.send(version, 'svc:update', update(0));
    workers.send(version, 'app:command', { type: 'service.remove', id: 'a' });
    await flush();
    expect(h.updates).toEqual([]);
    expect(h.commands).toEqual([]);
  });

  it('returns nothing and never throws, whatever a worker posts', async () => {
    const h = setup();
    const workers = workersOf(h, 'a');
    const version = workers.start('https://web.whatsapp.com/');
    for (const payload of [undefined, null, 'x'.repeat(3_000_000), { title: 1 }, JSON.parse(`${'['.repeat(40)}${']'.repeat(40)}`) as unknown]) {
      expect(() => workers.send(version, 'svc:worker-notification', payload)).not.toThrow();
    }
    await flush();
    expect(h.workerNotices).toEqual([]);
    expect(h.log.count('warn', 'ipc message rejected')).toBe(5);
  });
});
