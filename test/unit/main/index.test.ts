/**
 * main/index.ts, the composition root, started against the fake `electron` module: checks that every part is
 * wired (protocol, window, views, IPC, shortcuts, tray, menu, persistence) the way the app will run it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppState } from '../../../common/state';
import { drawBadge } from '../../../main/core/desktop/badge';
import { HOUR_MS, nextMorning } from '../../../common/dnd';
import type { IpcMainEventLike } from '../../../main/electron/api';
import { solidImage, type FakeElectronModule } from '../../fakes/electron-module';
import { FakeNativeImage, type FakeTray, type FakeWebContents } from '../../fakes/electron';
import { byLabel, click, flush, submenuOf } from './electron/support';

const hoisted = vi.hoisted(() => ({ module: undefined as FakeElectronModule | undefined, updaterLoaded: false }));

vi.mock('electron', async () => {
  const { createFakeElectronModule } = await import('../../fakes/electron-module');
  hoisted.module = createFakeElectronModule();
  return hoisted.module;
});

// A development build must never load electron-updater (it would load Electron itself).
vi.mock('electron-updater', () => {
  hoisted.updaterLoaded = true;
  return { default: {} };
});

vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  return {
    default: class extends Conf<Record<string, unknown>> {
      constructor(options: { cwd: string; name: string; clearInvalidConfig: boolean }) {
        super({ cwd: options.cwd, configName: options.name, clearInvalidConfig: options.clearInvalidConfig });
      }
    },
  };
});

const profile = mkdtempSync(path.join(os.tmpdir(), 'wasl-root-'));
const services = [
  { id: 'wa1', platform: 'whatsapp', name: 'Shop', enabled: true, muted: false, callsAllowed: false },
  { id: 'tg1', platform: 'telegram', name: 'Telegram', enabled: true, muted: false, callsAllowed: false, alwaysOn: true },
  { id: 'off1', platform: 'slack', name: 'Team', enabled: false, muted: false, callsAllowed: false },
];

let fake: FakeElectronModule;
const shellEvent = (contents: FakeWebContents, url = 'app://wasl/index.html', parent: unknown = null): IpcMainEventLike => ({
  sender: { id: contents.id },
  senderFrame: { url, parent },
});

beforeAll(async () => {
  writeFileSync(
    path.join(profile, 'settings.json'),
    JSON.stringify({ version: 1, services, activeServiceId: 'wa1', settings: { theme: 'dark', language: 'en' }, window: null }),
  );
  vi.stubEnv('WASL_USER_DATA_DIR', profile);
  await import('../../../main/index');
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (!hoisted.module) throw new Error('the electron mock was not used');
  fake = hoisted.module;
});

afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(profile, { recursive: true, force: true });
});

describe('main/index.ts wiring', () => {
  it('prepares Electron before the app is ready: profile folder, sandbox, user agent, app:// scheme', () => {
    expect(fake.app.setPaths).toEqual([['userData', profile]]);
    expect(fake.app.sandboxEnabled).toBe(true);
    expect(fake.app.userAgentFallback).toMatch(/^Mozilla\/5\.0 \(X11; Linux x86_64\) .* Chrome\/\d+\.0\.0\.0 Safari\/537\.36$/);
    expect(fake.protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
    ]);
    expect([...fake.protocol.handlers.keys()]).toEqual(['app']);
  });

  it('opens the shell window from app:// with its preload, and locks the shell’s session down', async () => {
    const [win] = fake.windows;
    expect(fake.windows).toHaveLength(1);
    expect(win?.loaded).toEqual(['app://wasl/index.html']);
    expect(win?.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(win?.options.webPreferences?.preload).toBe(path.resolve('main/../preload/shell.cjs'));
    expect(await fake.session.defaultSession.request('notifications', { requestingUrl: 'app://wasl/' })).toBe(false);
    expect(fake.nativeTheme.themeSource).toBe('dark');
  });

  it('opens a view for each enabled service, on its own partition, with the service preload', () => {
    expect(fake.views.map((v) => v.options.webPreferences.partition)).toEqual(['persist:svc-wa1', 'persist:svc-tg1']);
    expect(fake.views.map((v) => v.webContents.loads)).toEqual([['https://web.whatsapp.com/'], ['https://web.telegram.org/k/']]);
    expect(fake.views[0]?.options.webPreferences.preload).toBe(path.resolve('main/../preload/service.cjs'));
    expect(fake.sessions.get('persist:svc-wa1')?.userAgent).toBe(fake.app.userAgentFallback);
    expect(fake.sessions.get('persist:svc-off1')).toBeUndefined();
  });

  it('answers the shell’s hydrate, and refuses it from a service page or an iframe', async () => {
    const win = fake.windows[0];
    const view = fake.views[0];
    const hydrate = fake.ipcMain.handlers.get('app:hydrate');
    if (!win || !view || !hydrate) throw new Error('not wired');
    const state = (await hydrate(shellEvent(win.webContents), undefined)) as AppState;
    expect(state.services.map((s) => s.id)).toEqual(['wa1', 'tg1', 'off1']);
    expect(state.activeServiceId).toBe('wa1');
    expect(await hydrate(shellEvent(view.webContents, 'https://web.whatsapp.com/'), undefined)).toEqual({ ok: false, error: 'invalid', detail: 'wrong-sender' });
    expect(await hydrate(shellEvent(win.webContents, 'https://ads.example/', {}), undefined)).toEqual({ ok: false, error: 'invalid', detail: 'wrong-sender' });
  });

  it('carries out shell commands and pushes the change to the shell as a patch', async () => {
    const win = fake.windows[0];
    const command = fake.ipcMain.handlers.get('app:command');
    if (!win || !command) throw new Error('not wired');
    win.webContents.sent.length = 0;
    expect(await command(shellEvent(win.webContents), { type: 'service.rename', id: 'tg1', name: 'دعم العملاء' })).toEqual({ ok: true });
    const patch = win.webContents.sent.find((m) => m.channel === 'app:patch')?.args[0] as Partial<AppState>;
    expect(patch.services?.[1]?.name).toBe('دعم العملاء');
    expect(fake.applicationMenu?.template.find((m) => m.label === 'Services')?.submenu).toEqual(
      expect.arrayContaining([expect.objectContaining({ label: 'دعم العملاء' })]),
    );
  });

  it('places the active view where the shell says, and hides it while a dialog is open', () => {
    const win = fake.windows[0];
    const viewport = fake.ipcMain.listeners.get('app:viewport');
    const [wa, tg] = fake.views;
    if (!win || !viewport || !wa || !tg) throw new Error('not wired');
    viewport(shellEvent(win.webContents), { rect: { x: 72, y: 48, width: 700, height: 500 } });
    expect(wa.visible).toBe(true);
    expect(wa.bounds).toEqual({ x: 72, y: 48, width: 700, height: 500 });
    expect(tg.visible).toBe(false);
    viewport(shellEvent(win.webContents), { rect: null });
    expect(wa.visible).toBe(false);
    viewport(shellEvent(win.webContents), { rect: { x: 72, y: 48, width: 700, height: 500 } });
  });

  it('switches services with Ctrl+2 pressed inside a service page, which never sees the key', () => {
    const [wa, tg] = fake.views;
    if (!wa || !tg) throw new Error('not wired');
    expect(wa.webContents.key({ code: 'Digit2', control: true })).toBe(false);
    expect(tg.visible).toBe(true);
    expect(wa.visible).toBe(false);
    expect(wa.webContents.key({ code: 'KeyA', control: true })).toBe(true);
  });

  it('moves the focus with F6 from a service page to the shell’s chat list, and from the shell to the page on screen', () => {
    const win = fake.windows[0];
    const shown = fake.views.find((view) => view.visible);
    if (!win || !shown) throw new Error('not wired');
    win.webContents.sent.length = 0;
    const shellFocus = win.webContents.focused;
    expect(shown.webContents.key({ code: 'F6' })).toBe(false);
    expect(win.webContents.focused).toBe(shellFocus + 1);
    expect(win.webContents.sent).toContainEqual({ channel: 'app:action', args: ['focus-list'] });
    const pageFocus = shown.webContents.focused;
    expect(win.webContents.key({ code: 'F6' })).toBe(false);
    expect(shown.webContents.focused).toBe(pageFocus + 1);
  });

  it('leaves a key to the page whose site uses it (Alt+↓ in Telegram), and takes it in another page', async () => {
    const win = fake.windows[0];
    const command = fake.ipcMain.handlers.get('app:command');
    const [wa, tg] = fake.views;
    if (!win || !command || !wa || !tg) throw new Error('not wired');
    expect(await command(shellEvent(win.webContents), { type: 'settings.set', shortcuts: { keys: { 'next-unread': 'Alt+ArrowDown' } } })).toEqual({ ok: true });
    expect(tg.webContents.key({ code: 'ArrowDown', alt: true })).toBe(true);
    expect(wa.webContents.key({ code: 'ArrowDown', alt: true })).toBe(false);
    expect(win.webContents.key({ code: 'ArrowDown', alt: true })).toBe(false);
    expect(await command(shellEvent(win.webContents), { type: 'settings.set', shortcuts: { keys: {} } })).toEqual({ ok: true });
  });

  it('takes service updates only from that service’s view, and shows its unread count', async () => {
    const win = fake.windows[0];
    const update = fake.ipcMain.listeners.get('svc:update');
    const hydrate = fake.ipcMain.handlers.get('app:hydrate');
    const [wa] = fake.views;
    if (!win || !update || !hydrate || !wa) throw new Error('not wired');
    const message = { seq: 0, reset: true, loggedIn: true, unread: { direct: 5, indirect: 0 }, upsert: [], remove: [] };
    update(shellEvent(wa.webContents, 'https://web.whatsapp.com/'), message);
    update(shellEvent(win.webContents), { ...message, unread: { direct: 99, indirect: 0 } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const state = (await hydrate(shellEvent(win.webContents), undefined)) as AppState;
    expect(state.runtime['wa1']?.unread).toBe(5);
    expect(state.runtime['tg1']?.unread).toBe(0);
  });

  it('shows a service page’s notification, and a click opens that service and hands the click to its page', () => {
    const notify = fake.ipcMain.listeners.get('svc:notification');
    const [wa, tg] = fake.views;
    if (!notify || !wa || !tg) throw new Error('not wired');
    notify(shellEvent(tg.webContents, 'https://web.telegram.org/k/'), { id: 'p1', title: 'Omar', body: 'Order #12?', chatId: '12345', derived: false });
    notify(shellEvent(tg.webContents, 'https://web.telegram.org/k/'), { id: 'p2', title: 'Bad', iconUrl: 'file:///etc/passwd', derived: false });
    const shown = fake.notifications.at(-1);
    // The title names the service it came from, so no page can pose as another one, or as Wasl.
    expect(fake.notifications.map((n) => n.options)).toEqual([{ title: '\u2068Omar\u2069 — \u2068Telegram (\u2068دعم العملاء\u2069)\u2069', body: 'Order #12?', silent: false }]);
    void fake.ipcMain.handlers.get('app:command')?.(shellEvent(fake.windows[0]?.webContents ?? wa.webContents), { type: 'service.activate', id: 'wa1' });
    tg.webContents.sent.length = 0;
    shown?.click();
    expect(tg.visible).toBe(true);
    expect(tg.webContents.sent).toEqual([{ channel: 'svc:notification-click', args: [{ id: 'p1', chatId: '12345' }] }]);
  });

  it('shows the unread total on the tray and the app badge, counting messages or chats as the user chose', async () => {
    const [wa, tg] = fake.views;
    const [tray] = fake.trays;
    const win = fake.windows[0];
    const update = fake.ipcMain.listeners.get('svc:update');
    const command = fake.ipcMain.handlers.get('app:command');
    if (!wa || !tg || !tray || !win || !update || !command) throw new Error('not wired');
    // WhatsApp said 5 unread (above), with no chat list.
    expect(tray.tooltip).toBe('Wasl — 5 unread');
    expect(fake.app.badge).toBe(5);
    const drawn = (t: FakeTray): FakeNativeImage => {
      if (!(t.image instanceof FakeNativeImage)) throw new Error('the tray shows no drawn image');
      return t.image;
    };
    expect(drawn(tray).reps.map((r) => [r.scale, r.width])).toEqual([
      [1, 32],
      [2, 64],
    ]);
    const teal = { r: 26, g: 158, b: 130 };
    expect(drawn(tray).reps[0]?.data).toEqual(drawBadge(solidImage(32, teal), 5).data);
    expect(drawn(tray).reps[1]?.data).toEqual(drawBadge(solidImage(64, teal), 5).data);

    const chat = (id: string, unread: number, muted = false) => ({ id, title: id, unread, muted });
    update(shellEvent(tg.webContents, 'https://web.telegram.org/k/'), {
      seq: 0,
      reset: true,
      loggedIn: true,
      unread: { direct: 3, indirect: 0 },
      upsert: [chat('c1', 2), chat('c2', 1), chat('c3', 0), chat('c4', 4, true)],
      remove: [],
    });
    await flush();
    expect(tray.tooltip).toBe('Wasl — 8 unread');
    expect(fake.app.badge).toBe(8);
    expect(drawn(tray).reps[0]?.data).toEqual(drawBadge(solidImage(32, teal), 8).data);

    // Chats: WhatsApp has no chat list but unread messages (1), Telegram two unread chats that are not muted.
    expect(await command(shellEvent(win.webContents), { type: 'settings.set', unreadCount: 'chats' })).toEqual({ ok: true });
    expect(tray.tooltip).toBe('Wasl — 3 unread');
    expect(fake.app.badge).toBe(3);
    // Muting a service takes it out of the count.
    expect(await command(shellEvent(win.webContents), { type: 'service.set', id: 'tg1', muted: true })).toEqual({ ok: true });
    expect(fake.app.badge).toBe(1);
    await command(shellEvent(win.webContents), { type: 'service.set', id: 'tg1', muted: false });
    await command(shellEvent(win.webContents), { type: 'settings.set', unreadCount: 'messages' });
    expect(fake.app.badge).toBe(8);
    expect(tray.tooltip).toBe('Wasl — 8 unread');
  });

  it('writes the tray’s count in the digits the user chose, whatever the language', async () => {
    const [tray] = fake.trays;
    const win = fake.windows[0];
    const command = fake.ipcMain.handlers.get('app:command');
    if (!tray || !win || !command) throw new Error('not wired');
    expect(await command(shellEvent(win.webContents), { type: 'settings.set', language: 'ar', digits: 'latn' })).toEqual({ ok: true });
    expect(tray.tooltip).toBe('وصل — 8 رسائل غير مقروءة');
    await command(shellEvent(win.webContents), { type: 'settings.set', digits: 'arab' });
    expect(tray.tooltip).toBe('وصل — ٨ رسائل غير مقروءة');
    await command(shellEvent(win.webContents), { type: 'settings.set', language: 'en' });
    expect(tray.tooltip).toBe('Wasl — ٨ unread');
    await command(shellEvent(win.webContents), { type: 'settings.set', digits: 'auto' });
    expect(tray.tooltip).toBe('Wasl — 8 unread');
  });

  it('lists unread notifications in the tray menu; clicking one opens that chat, as the tray in the shell does', async () => {
    const notify = fake.ipcMain.listeners.get('svc:notification');
    const [wa] = fake.views;
    const [tray] = fake.trays;
    if (!notify || !wa || !tray) throw new Error('not wired');
    const items = () => tray.menu?.template ?? [];
    notify(shellEvent(wa.webContents, 'https://web.whatsapp.com/'), { id: 'w1', title: 'Layla', body: 'Is it in stock?', chatId: '9665@c.us', derived: false });
    const item = byLabel(items(), '\u2068Layla\u2069 — \u2068Shop\u2069');
    expect(item).toBeDefined();
    expect(byLabel(items(), 'Mark All as Read')?.enabled).toBe(true);
    wa.webContents.sent.length = 0;
    click(item);
    await flush();
    expect(wa.visible).toBe(true);
    expect(wa.webContents.sent).toEqual([{ channel: 'svc:open-chat', args: ['9665@c.us'] }]);
    expect(byLabel(items(), 'No new notifications')?.enabled).toBe(false);
  });

  it('hears each service’s workers through the service-worker preload: one pop-up per message, about its chat', async () => {
    const notify = fake.ipcMain.listeners.get('svc:notification');
    const hydrate = fake.ipcMain.handlers.get('app:hydrate');
    const tgSession = fake.sessions.get('persist:svc-tg1');
    const [, tg] = fake.views;
    const win = fake.windows[0];
    if (!notify || !hydrate || !tgSession || !tg || !win) throw new Error('not wired');
    for (const id of ['wa1', 'tg1']) {
      expect(fake.sessions.get(`persist:svc-${id}`)?.preloads).toEqual([
        { type: 'service-worker', id: 'wasl-service-worker', filePath: path.resolve('main/../preload/service-worker.cjs') },
      ]);
    }
    // Nothing goes through ipcMain: the worker's messages arrive on its own ipc.
    expect(fake.ipcMain.listeners.has('svc:worker-notification')).toBe(false);
    const workers = tgSession.serviceWorkers;
    const worker = workers.start('https://web.telegram.org/a/');
    const before = fake.notifications.length;
    // Telegram knows chat c2 (above); its worker notifies it, and the agent derives one for it a moment later.
    workers.send(worker, 'svc:worker-notification', { title: 'c2', body: 'Do you ship to Jeddah?', tag: 'c2', data: [['chatId', 'c2'], ['messageId', '42']] });
    await flush();
    notify(shellEvent(tg.webContents, 'https://web.telegram.org/k/'), { id: 'd9', title: 'c2', body: 'Do you ship to Jeddah?', chatId: 'c2', derived: true });
    await flush();
    expect(fake.notifications.slice(before).map((n) => n.options)).toEqual([
      { title: '\u2068c2\u2069 — \u2068Telegram (\u2068دعم العملاء\u2069)\u2069', body: 'Do you ship to Jeddah?', silent: false },
    ]);
    const state = (await hydrate(shellEvent(win.webContents), undefined)) as AppState;
    expect(state.notifications.filter((n) => n.body === 'Do you ship to Jeddah?').map((n) => [n.serviceId, n.chatId])).toEqual([['tg1', 'c2']]);
    // A click brings Telegram forward and opens that chat in its page.
    tg.webContents.sent.length = 0;
    fake.notifications.at(-1)?.click();
    expect(tg.visible).toBe(true);
    expect(tg.webContents.sent).toEqual([{ channel: 'svc:notification-click', args: [{ id: expect.stringMatching(/^w-/) as unknown, chatId: 'c2' }] }]);
    // A worker of another origin in Telegram's session notifies nothing.
    const foreign = workers.start('https://evil.example/');
    workers.send(foreign, 'svc:worker-notification', { title: 'You won a prize' });
    await flush();
    expect(fake.notifications.slice(before)).toHaveLength(1);
  });

  it('sends the do-not-disturb and quiet-hours choices from the tray menu as settings', async () => {
    const [tray] = fake.trays;
    const win = fake.windows[0];
    const hydrate = fake.ipcMain.handlers.get('app:hydrate');
    if (!tray || !win || !hydrate) throw new Error('not wired');
    const dnd = () => submenuOf(byLabel(tray.menu?.template ?? [], 'Do Not Disturb'));
    const prefs = async () => ((await hydrate(shellEvent(win.webContents), undefined)) as AppState).settings.notifications;
    expect(byLabel(dnd(), 'Off')?.checked).toBe(true);

    const before = Date.now();
    click(byLabel(dnd(), 'For 1 Hour'));
    await flush();
    const hour = (await prefs()).dndUntil ?? 0;
    expect(hour).toBeGreaterThanOrEqual(before + HOUR_MS);
    expect(hour).toBeLessThanOrEqual(Date.now() + HOUR_MS);
    expect(byLabel(dnd(), 'For 1 Hour')?.checked).toBe(true);

    click(dnd().find((i) => i.id === 'dnd:morning'));
    await flush();
    expect((await prefs()).dndUntil).toBe(nextMorning(new Date()));
    expect(dnd().find((i) => i.id === 'dnd:morning')?.checked).toBe(true);

    click(byLabel(dnd(), 'Quiet Hours (22:00–08:00)'));
    await flush();
    expect((await prefs()).quietHours).toEqual({ enabled: true, from: '22:00', to: '08:00' });
    expect(byLabel(dnd(), 'Quiet Hours (22:00–08:00)')?.checked).toBe(true);

    click(byLabel(dnd(), 'Off'));
    click(byLabel(dnd(), 'Quiet Hours (22:00–08:00)'));
    await flush();
    expect(await prefs()).toMatchObject({ dndUntil: null, quietHours: { enabled: false } });
  });

  it('quits when the window is closed if the user turned "keep running in the tray" off', async () => {
    const win = fake.windows[0];
    const command = fake.ipcMain.handlers.get('app:command');
    if (!win || !command) throw new Error('not wired');
    expect(await command(shellEvent(win.webContents), { type: 'settings.set', closeToTray: false })).toEqual({ ok: true });
    win.show();
    const quits = fake.app.quitCalls;
    expect(win.close()).toBe(false);
    expect(fake.app.quitCalls).toBe(quits + 1);
    expect(await command(shellEvent(win.webContents), { type: 'settings.set', closeToTray: true })).toEqual({ ok: true });
  });

  it('keeps running in the tray when the window is closed, and saves settings on quit', () => {
    const win = fake.windows[0];
    const [tray] = fake.trays;
    if (!win || !tray) throw new Error('not wired');
    expect(tray.iconPath).toBe(path.join('/fake/app', 'assets', 'tray', 'tray.png'));
    expect(tray.tooltip).toBe('Wasl — 8 unread');
    win.show();
    expect(win.close()).toBe(false);
    expect(win.isVisible()).toBe(false);
    fake.app.emit('before-quit');
    const saved = JSON.parse(readFileSync(path.join(profile, 'settings.json'), 'utf8')) as { services: { name: string }[] };
    expect(saved.services.map((s) => s.name)).toEqual(['Shop', 'دعم العملاء', 'Team']);
    expect(win.close()).toBe(true);
  });

  it('remembers the service in front across restarts', () => {
    const command = fake.ipcMain.handlers.get('app:command');
    const win = fake.windows[0];
    if (!command || !win) throw new Error('not wired');
    void command(shellEvent(win.webContents), { type: 'service.activate', id: 'tg1' });
    fake.app.emit('before-quit');
    const saved = JSON.parse(readFileSync(path.join(profile, 'settings.json'), 'utf8')) as { activeServiceId: string; view: string };
    expect(saved).toMatchObject({ activeServiceId: 'tg1', view: 'service' });
  });
});

describe('main/index.ts in a development build', () => {
  it('neither updates nor touches the login items, and tells the shell so', async () => {
    const hydrate = fake.ipcMain.handlers.get('app:hydrate');
    const command = fake.ipcMain.handlers.get('app:command');
    const win = fake.windows[0];
    if (!hydrate || !command || !win) throw new Error('not wired');
    const state = (await hydrate(shellEvent(win.webContents), undefined)) as AppState;
    expect(state).toMatchObject({ packaged: false, update: { phase: 'idle' } });
    expect(hoisted.updaterLoaded).toBe(false);
    expect(await command(shellEvent(win.webContents), { type: 'update.check' })).toEqual({ ok: false, error: 'invalid', detail: 'not-installed' });
    expect(await command(shellEvent(win.webContents), { type: 'settings.set', startAtLogin: true })).toEqual({ ok: true });
    expect(fake.app.loginItemCalls).toEqual([]);
  });
});

describe('main/index.ts and the app lock', () => {
  it('locks when the computer locks, once a password is set', { timeout: 20_000 }, async () => {
    const hydrate = fake.ipcMain.handlers.get('app:hydrate');
    const command = fake.ipcMain.handlers.get('app:command');
    const win = fake.windows[0];
    if (!hydrate || !command || !win) throw new Error('not wired');
    const lockState = async () => ((await hydrate(shellEvent(win.webContents), undefined)) as AppState).lock;
    fake.powerMonitor.emit('lock-screen');
    expect(await lockState()).toMatchObject({ set: false, locked: false });
    expect(await command(shellEvent(win.webContents), { type: 'lock.set', password: 'سر المتجر 1' })).toEqual({ ok: true });
    fake.powerMonitor.emit('lock-screen');
    expect(await lockState()).toMatchObject({ set: true, locked: true });
    expect(await command(shellEvent(win.webContents), { type: 'lock.unlock', password: 'سر المتجر 1' })).toEqual({ ok: true });
    expect(await command(shellEvent(win.webContents), { type: 'lock.remove', current: 'سر المتجر 1' })).toEqual({ ok: true });
    expect(await lockState()).toMatchObject({ set: false, locked: false });
  });

  it('hides a service’s sign-in pop-up while locked and refuses new ones, until unlocked', { timeout: 20_000 }, async () => {
    const command = fake.ipcMain.handlers.get('app:command');
    const win = fake.windows[0];
    const wa = fake.views.find((v) => v.options.webPreferences.partition === 'persist:svc-wa1' && !v.webContents.destroyed)?.webContents;
    if (!command || !win || !wa) throw new Error('not wired');
    const popup = fake.popup(wa, 'https://web.whatsapp.com/login');
    expect(popup?.visible).toBe(true);
    expect(await command(shellEvent(win.webContents), { type: 'lock.set', password: 'سر المتجر 2' })).toEqual({ ok: true });
    fake.powerMonitor.emit('lock-screen');
    expect(popup?.visible).toBe(false);
    expect(fake.popup(wa, 'about:blank')).toBeUndefined();
    expect(await command(shellEvent(win.webContents), { type: 'lock.unlock', password: 'سر المتجر 2' })).toEqual({ ok: true });
    expect(popup?.visible).toBe(true);
    expect(fake.popup(wa, 'about:blank')).toBeDefined();
    expect(await command(shellEvent(win.webContents), { type: 'lock.remove', current: 'سر المتجر 2' })).toEqual({ ok: true });
  });
});
