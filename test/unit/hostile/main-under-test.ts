/**
 * main/index.ts, the composition root, booted against the fake `electron` module (as test/unit/main/index.test.ts
 * does) for the hostile-input suite: every IPC channel with main's real router, schemas and handlers; a profile
 * folder with a settings file the test chooses; fake timers (Date included) so rate limits and backoff are
 * stepped, not waited for; main's log lines kept for counting; and the figures each file prints at its end.
 *
 * A test file mocks the two modules with the factories below, then calls `bootMain`:
 *   vi.mock('electron', async () => (await import('./main-under-test')).fakeElectronModule());
 *   vi.mock('electron-store', async () => (await import('./main-under-test')).fakeElectronStore());
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../common/settings';
import type { AppState } from '../../../common/state';
import type { ServiceSnapshot } from '../../../common/model';
import type { IpcMainEventLike } from '../../../main/electron/api';
import type { IpcRouter, Outcome } from '../../../main/ipc/router';
import { CURRENT_VERSION } from '../../../main/core/settings/document';
import type { FakeElectronModule } from '../../fakes/electron-module';
import type { FakeServiceWorker, FakeView, FakeWebContents, FakeWindow } from '../../fakes/electron';
import { FakeSystemMemory } from '../../fakes/electron';
import { FakeBaseUpdater, pushedUpdate, SignedRelease, until } from '../../support/signed-update';

/** 2026-03-01 10:00 UTC, a Sunday: shop hours and quiet hours stay out of the way. */
export const START = Date.UTC(2026, 2, 1, 10, 0, 0);

/**
 * The fake module main's last start imported. Kept on the global object: a restart resets the module registry,
 * and the mock factory then runs in a fresh copy of this file.
 */
const LATEST = Symbol.for('wasl.test.fakeElectron');
const latest = (): FakeElectronModule | undefined => (globalThis as Record<symbol, FakeElectronModule | undefined>)[LATEST];
/** The console as vitest gives it, before main's lines are caught. */
const consoleLog = console.log.bind(console);

export async function fakeElectronModule(): Promise<FakeElectronModule> {
  const { createFakeElectronModule } = await import('../../fakes/electron-module');
  const module = createFakeElectronModule();
  (globalThis as Record<symbol, FakeElectronModule | undefined>)[LATEST] = module;
  return module;
}

/** electron-store as conf underneath it (no Electron needed), with the options main passes. */
export async function fakeElectronStore(): Promise<{ default: unknown }> {
  const { default: Conf } = await import('conf');
  return {
    default: class extends Conf<Record<string, unknown>> {
      constructor(options: { cwd: string; name: string; clearInvalidConfig: boolean }) {
        super({ cwd: options.cwd, configName: options.name, clearInvalidConfig: options.clearInvalidConfig });
      }
    },
  };
}

export const SERVICES = [
  { id: 'wa1', platform: 'whatsapp', name: 'Shop', enabled: true, muted: false, callsAllowed: false },
  { id: 'tg1', platform: 'telegram', name: 'Telegram', enabled: true, muted: false, callsAllowed: true, alwaysOn: true },
];

/** A current document with something in the parts a hostile message could damage: services, people, replies. */
export function goodSettings(): Record<string, unknown> {
  return {
    version: CURRENT_VERSION,
    services: SERVICES,
    activeServiceId: 'wa1',
    view: 'service',
    settings: { ...DEFAULT_SETTINGS, language: 'en' },
    people: [{ id: 'p1', displayName: 'Layla', chats: [{ serviceId: 'wa1', chatId: '966501234567@c.us' }, { serviceId: 'tg1', chatId: '777' }] }],
    quickReplies: [{ id: 'q1', name: 'prices', body: 'أهلاً! الأسعار في الصورة' }],
    window: null,
  };
}

/** Senders that are frames (their messages come through ipcMain). */
export type FrameKind = 'shell' | 'shell-iframe' | 'shell-foreign-url' | 'no-frame' | 'service' | 'service-iframe' | 'stranger';
/** Senders that are service workers in a service's session: of the service's own origin, or of a framed site. */
export type WorkerKind = 'worker' | 'worker-foreign-scope';
export type SenderKind = FrameKind | WorkerKind;
export const SENDER_KINDS: readonly SenderKind[] = ['shell', 'shell-iframe', 'shell-foreign-url', 'no-frame', 'service', 'service-iframe', 'stranger', 'worker', 'worker-foreign-scope'];
export const isWorkerKind = (kind: SenderKind): kind is WorkerKind => kind === 'worker' || kind === 'worker-foreign-scope';

/** A service worker running in a service's session, and how its preload posts to main. */
export interface WorkerUnderTest {
  /** Its ServiceWorkerMain, where main listens to it. */
  worker: FakeServiceWorker;
  /** `ipcRenderer.send` in its preload: delivered as Electron would, on the worker's ipc. */
  send: (channel: string, payload: unknown) => void;
}

export interface MainUnderTest {
  fake: FakeElectronModule;
  /** electron-updater as an installed build loads it (unused otherwise). */
  updater: FakeAutoUpdater;
  profile: string;
  win: FakeWindow;
  /** The router main built, for channels it knows but Electron does not deliver, and its totals. */
  router: IpcRouter;
  /** The view of each open service, by service id. */
  view(serviceId: string): FakeView;
  /** An IPC event as Electron builds it, from the sender of this kind (service kinds: that service's view). */
  event(kind: FrameKind, serviceId?: string): IpcMainEventLike;
  /** A service worker of this kind in the service's session, started the first time it is asked for. */
  worker(kind: WorkerKind, serviceId?: string): WorkerUnderTest;
  /** Main's log lines so far. */
  lines: string[];
  /** The outcome of the last message the router received. */
  lastOutcome(): Promise<Outcome<unknown>> | undefined;
  /** Main's state, as the shell's hydrate answers it (the store's own object: compare by reference). */
  state(): Promise<AppState>;
  chats(): Promise<Record<string, ServiceSnapshot>>;
  /**
   * electron-updater downloads `version` (an installed build): on Linux, a file whose `.sig` the release publishes,
   * signed with a key the test trusts; settles once main has checked it.
   */
  downloadUpdate(version: string): Promise<void>;
  /** Moves the fake clock on, firing due timers and letting promises settle. */
  advance(ms: number): Promise<void>;
  /** Quits as the user would (the app's quit events: pending writes happen), keeping the profile for a restart. */
  quit(): void;
  /** Ends the test's start; the profile folder is deleted unless `keepProfile`. */
  close(options?: { keepProfile?: boolean }): void;
}

/** electron-updater's autoUpdater as an installed build loads it: checks and installs are counted. */
export class FakeAutoUpdater extends FakeBaseUpdater {
  checks = 0;
  installs = 0;
  checkForUpdates(): Promise<null> {
    this.checks += 1;
    return Promise.resolve(null);
  }
  quitAndInstall(): void {
    this.installs += 1;
  }
}

export interface BootOptions {
  /** Start as an installed build (app.isPackaged), with `FakeAutoUpdater` as electron-updater. */
  packaged?: boolean;
  /** Start on this existing profile (a restart after `quit`); `settings: null` leaves its settings file as it is. */
  profile?: string;
  /** Partition folders (`Partitions/<name>`, each with a cookie file) the profile holds before the start. */
  partitions?: readonly string[];
  /** Start the demo (`WASL_DEMO=1`), with the repository as the app's folder so its fixture pages are found. */
  demo?: boolean;
}

/**
 * Starts main/index.ts on a profile whose settings.json holds `settings` (text or bytes as they are, null to keep
 * the file, anything else as JSON): a fresh profile, or `options.profile` for a restart.
 */
export async function bootMain(settings: unknown = goodSettings(), options: BootOptions = {}): Promise<MainUnderTest> {
  vi.useFakeTimers({ now: START, toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  const profile = options.profile ?? mkdtempSync(path.join(os.tmpdir(), 'wasl-hostile-'));
  if (settings !== null) {
    const content = typeof settings === 'string' || Buffer.isBuffer(settings) ? settings : JSON.stringify(settings);
    writeFileSync(path.join(profile, 'settings.json'), content);
  }
  for (const name of options.partitions ?? []) {
    mkdirSync(path.join(profile, 'Partitions', name), { recursive: true });
    writeFileSync(path.join(profile, 'Partitions', name, 'Cookies'), 'signed in');
  }
  vi.stubEnv('WASL_USER_DATA_DIR', profile);
  if (options.demo === true) vi.stubEnv('WASL_DEMO', '1');
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: unknown) => {
    lines.push(String(line));
  });
  // A fresh copy of main (and of the router class it builds) on a fresh fake Electron at every start.
  vi.resetModules();
  vi.doMock('electron', async () => {
    const module = await fakeElectronModule();
    module.app.isPackaged = options.packaged === true;
    if (options.demo === true) module.app.appPath = path.resolve(import.meta.dirname, '../../..');
    return module;
  });
  vi.doMock('electron-store', fakeElectronStore);
  const updater = new FakeAutoUpdater();
  const release = new SignedRelease();
  if (options.packaged === true) {
    vi.doMock('electron-updater', () => ({ default: { autoUpdater: updater, BaseUpdater: FakeBaseUpdater } }));
    release.trust();
    // An installed build registers itself to start at login: inside the profile, never in the real ~/.config.
    vi.stubEnv('XDG_CONFIG_HOME', path.join(profile, 'config'));
  }
  // Electron's main process tells the computer's memory (process.getSystemMemoryInfo); Node's does not.
  Object.assign(process, { getSystemMemoryInfo: () => new FakeSystemMemory().getSystemMemoryInfo() });
  const { IpcRouter: Router } = await import('../../../main/ipc/router');
  const registered = vi.spyOn(Router.prototype, 'shell');
  await import('../../../main/index');
  await vi.advanceTimersByTimeAsync(0);
  const router = registered.mock.contexts[0];
  registered.mockRestore();
  const fake = latest();
  if (!fake) throw new Error('the electron mock was not used');
  if (!(router instanceof Router)) throw new Error('main built no IPC router');
  const win = fake.windows[0];
  if (!win) throw new Error('main opened no window');

  let last: Promise<Outcome<unknown>> | undefined;
  const receive = router.receive.bind(router);
  const receiveFromWorker = router.receiveFromWorker.bind(router);
  // Observes what the router decides; wireIpc and wireWorkerIpc call the router's methods, so they go through here.
  router.receive = (channel, sender, payload) => {
    last = receive(channel, sender, payload);
    return last;
  };
  router.receiveFromWorker = (channel, sender, payload) => {
    last = receiveFromWorker(channel, sender, payload);
    return last;
  };

  const viewOf = (serviceId: string): FakeView => {
    const view = fake.views.find((v) => v.options.webPreferences.partition === `persist:svc-${serviceId}` && !v.webContents.isDestroyed());
    if (!view) throw new Error(`no open view for ${serviceId}`);
    return view;
  };
  const frameEvent = (contents: { id: number }, url: string, parent: unknown = null): IpcMainEventLike => ({
    sender: { id: contents.id },
    senderFrame: { url, parent },
  });
  const workers = new Map<string, WorkerUnderTest>();
  const OWN_SCOPES: Record<string, string> = { wa1: 'https://web.whatsapp.com/', tg1: 'https://web.telegram.org/a/' };
  const worker = (kind: WorkerKind, serviceId = 'wa1'): WorkerUnderTest => {
    const scope = kind === 'worker' ? (OWN_SCOPES[serviceId] ?? '') : 'https://ads.example/';
    const key = `${serviceId} ${scope}`;
    const known = workers.get(key);
    if (known) return known;
    const all = fake.sessionFor(`persist:svc-${serviceId}`).serviceWorkers;
    const versionId = all.start(scope);
    const main = all.getWorkerFromVersionID(versionId);
    if (!main) throw new Error(`no worker at ${scope}`);
    const started: WorkerUnderTest = { worker: main, send: (channel, payload) => void all.send(versionId, channel, payload) };
    workers.set(key, started);
    return started;
  };
  const event = (kind: FrameKind, serviceId = 'wa1'): IpcMainEventLike => {
    const shell: FakeWebContents = win.webContents;
    switch (kind) {
      case 'shell':
        return frameEvent(shell, 'app://wasl/index.html');
      case 'shell-iframe':
        return frameEvent(shell, 'app://wasl/index.html', {});
      case 'shell-foreign-url':
        return frameEvent(shell, 'https://evil.example/index.html');
      case 'no-frame':
        return { sender: { id: shell.id }, senderFrame: null };
      case 'service':
        return frameEvent(viewOf(serviceId).webContents, 'https://web.whatsapp.com/');
      case 'service-iframe':
        return frameEvent(viewOf(serviceId).webContents, 'https://ads.example/', {});
      case 'stranger':
        return frameEvent({ id: 987_654 }, 'https://evil.example/');
    }
  };
  const invoke = async <T>(channel: string): Promise<T> => {
    const handler = fake.ipcMain.handlers.get(channel);
    if (!handler) throw new Error(`${channel} is not wired`);
    return (await handler(event('shell'), undefined)) as T;
  };

  return {
    fake,
    updater,
    profile,
    win,
    router,
    view: viewOf,
    event,
    worker,
    lines,
    lastOutcome: () => last,
    state: () => invoke<AppState>('app:hydrate'),
    chats: () => invoke<Record<string, ServiceSnapshot>>('app:hydrate-chats'),
    downloadUpdate: async (version) => {
      const file = release.publish(fake.net.published, path.join(profile, 'updater-cache'), version);
      updater.emit('update-available', { version });
      updater.emit('update-downloaded', { version, downloadedFile: file });
      await until(() => pushedUpdate(win)?.phase !== 'downloading');
    },
    advance: async (ms) => {
      await vi.advanceTimersByTimeAsync(ms);
    },
    quit: () => {
      fake.app.emit('before-quit');
      fake.app.emit('will-quit');
    },
    close: ({ keepProfile = false } = {}) => {
      vi.restoreAllMocks();
      vi.useRealTimers();
      vi.unstubAllEnvs();
      if (!keepProfile) rmSync(profile, { recursive: true, force: true });
      // The demo's own profile folder, a fresh one in the temporary folder: never kept.
      const used = fake.app.getPath('userData');
      if (used !== profile) rmSync(used, { recursive: true, force: true });
    },
  };
}

/** Logs a file's figures as a small table, past the console spy that keeps main's log lines. */
export function printFigures(title: string, rows: Record<string, string | number>[]): void {
  const widths = new Map<string, number>();
  for (const row of rows) for (const [key, value] of Object.entries(row)) widths.set(key, Math.max(widths.get(key) ?? key.length, String(value).length));
  const cells = (values: (key: string) => string): string => [...widths.keys()].map((key) => values(key).padEnd(widths.get(key) ?? 0)).join(' | ');
  const text = [title, cells((key) => key), [...widths.values()].map((w) => '-'.repeat(w)).join('-|-'), ...rows.map((row) => cells((key) => String(row[key] ?? '')))];
  consoleLog(`\n${text.join('\n')}\n`);
}
