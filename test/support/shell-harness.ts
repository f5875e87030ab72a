/**
 * The built shell in real Chromium, wired to main's real core running in Node: an AppStore, the ServiceController
 * (with a ViewsPort — a recording one unless a test brings its own), the PeopleController and the
 * NotificationCenter (with a recording notifier), a stepped clock and counter ids. The page gets `window.wasl`
 * through exposeBinding: hydrate and commands go to main's command dispatch (parsed with the IPC schemas, as main's
 * router does), setViewport reaches `controller.setViewport`, every store change is pushed as a patch and every
 * chats delta as main sends it.
 * Reusable by end-to-end tests: pass the state to start from, the window size, colour scheme and locale.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { commandSchema, rectSchema, reportRangeSchema, type ChatsDelta, type Command, type CommandResult, type Rect, type ShellAction } from '../../common/ipc';
import type { DownloadRecord } from '../../common/downloads';
import type { ServiceSnapshot } from '../../common/model';
import type { Report } from '../../common/shop/stats';
import { diffState, initialRuntime, type AppState, type ServiceRuntime, type StatePatch } from '../../common/state';
import { createAppStore, updateRuntime, type AppStore } from '../../main/core/app/app-store';
import { commandTable, dispatchCommand } from '../../main/core/app/commands';
import { KeyRecording } from '../../main/core/desktop/shortcuts';
import { FindController, type FindPort, type FoundInPage } from '../../main/core/find/find';
import { DownloadsController } from '../../main/core/downloads/downloads';
import { OutlineRequests } from '../../main/core/outline/outline';
import { PackHealth } from '../../main/core/packs/health';
import { NotificationCenter, type NotificationResponse, type OsNotification } from '../../main/core/notifications/center';
import type { NotificationOffers } from '../../main/core/notifications/offers';
import { PeopleController } from '../../main/core/people/controller';
import { ScreenSharePicker } from '../../main/core/screen-share/picker';
import type { ScreenSource } from '../../common/screen-share';
import type { Clock, TimerHandle, ViewsPort } from '../../main/core/app/ports';
import { PowerScheduler } from '../../main/core/power/power';
import { resourceReport, type ProcessSample, type ResourceReport } from '../../common/resources';
import { ServiceController } from '../../main/core/services/services';
import { ProxyController } from '../../main/core/services/proxy';
import { LockController } from '../../main/core/lock/lock';
import { scryptHasher } from '../../main/security/password';
import { ActivityTracker, type ActivityDoc } from '../../main/core/chats/activity';
import { DataTransfer } from '../../main/core/shop/data-transfer';
import { ShopController } from '../../main/core/shop/shop';
import { labelName, notificationTitle } from '../../main/i18n';
import { MemoryDownloadDisk } from '../fakes/download-disk';
import { MemoryFiles } from '../fakes/files';
import { FakeProxySessions, MemoryVault } from '../fakes/proxy';
import { stateOf } from '../fakes/state';
import { MemoryLogger } from '../fakes/logger';
import { RecordingViews } from '../fakes/views';
import { serveDirectory, type StaticServer } from './static-server';
import { SHELL_CSP } from '../../main/electron/app-protocol';

export const RENDERER_DIR = path.resolve(import.meta.dirname, '../../out/renderer');

/**
 * A clock that reads the real time (so the page's countdowns agree with main's `retryAt`) but fires timers only
 * when a test advances it: no reload happens behind a test's back.
 */
export class SteppedClock implements Clock {
  private offset: number;
  private nextId = 1;
  private timers: { id: number; at: number; fn: () => void }[] = [];

  /** `start`: the moment the clock reads now (it runs on from there); by default the real time. */
  constructor(start?: number) {
    this.offset = start === undefined ? 0 : start - Date.now();
  }

  now(): number {
    return Date.now() + this.offset;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.timers.push({ id, at: this.now() + Math.max(0, ms), fn });
    return id as unknown as TimerHandle;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers = this.timers.filter((t) => t.id !== (handle as unknown as number));
  }

  /** Moves time forward by `ms`, firing the timers that come due, in order. */
  advance(ms: number): void {
    const end = this.now() + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (due === undefined) break;
      this.timers = this.timers.filter((t) => t !== due);
      due.fn();
    }
    this.offset += end - this.now();
  }
}

export interface ShellHarnessOptions {
  /** What main's state starts as; missing keys take first-start values (no services, default settings). */
  state?: Partial<AppState>;
  /** Window size in CSS pixels. */
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /** The OS language the page sees (navigator.language). */
  locale?: string;
  /** Device pixels per CSS pixel (2 for sharp screenshots). Default 1. */
  deviceScaleFactor?: number;
  /** Open every enabled service at start, as main does. Default true. */
  start?: boolean;
  /** The service views; a recording fake by default (end-to-end tests bring pages). */
  views?: ViewsPort;
  /** Freezes the page's clock (Date.now, new Date) at this moment, so relative times in screenshots hold still. */
  now?: number;
  /**
   * Starts main's clock at this moment (it runs on from there; its timers still fire only when a test advances
   * it), so that what main dates (who wrote and when, notifications) agrees with a page frozen at `now`. Default:
   * the real time.
   */
  mainNow?: number;
  /** What main learned about chats before (activity.json). */
  activity?: ActivityDoc;
  /** The processes main's metrics report, given each open service's process id (none by default). */
  processes?: (pids: Record<string, number | undefined>) => ProcessSample[];
  /** An app-lock password (hashed with cheap scrypt parameters): the shell then starts locked. */
  password?: string;
  /** What the OS notifications offer besides a click (an answer field, buttons); none by default, as on Linux. */
  notificationOffers?: NotificationOffers;
  /**
   * The service pages' find (Electron's findInPage), given where their answers go; by default no page can be
   * searched (every search answers not-found).
   */
  findPort?: (found: (serviceId: string, result: FoundInPage) => void) => FindPort;
  /** The screens and windows the screen-share picker offers (none by default). */
  screenSources?: ScreenSource[];
  /** Where main keeps proxy passwords (in memory, encrypted storage, by default). */
  proxyVault?: MemoryVault;
  /** The downloads list as downloads.json kept it (none by default). */
  downloads?: DownloadRecord[];
}

export interface ShellHarness {
  page: Page;
  context: BrowserContext;
  store: AppStore;
  controller: ServiceController;
  notifications: NotificationCenter;
  shop: ShopController;
  tracker: ActivityTracker;
  lock: LockController;
  /** Main's find in page (the find bar's commands). */
  finder: FindController;
  /** The screen-share picker's broker: a test asks it as a page's getDisplayMedia would. */
  screenShare: ScreenSharePicker;
  /** What the services' sessions were given as proxies, and how connection tests answer. */
  proxySessions: FakeProxySessions;
  /** The downloads list, on a disk in memory (`downloadDisk`) where a test starts downloads with `track`. */
  downloads: DownloadsController;
  downloadDisk: MemoryDownloadDisk;
  /** The save and open dialogs, and the disk. */
  files: MemoryFiles;
  /** What main put on the clipboard. */
  copied: string[];
  /** OS notifications main showed, each with its click and, where offered, its answer or button. */
  shown: (OsNotification & { click(): void; respond: ((response: NotificationResponse) => void) | undefined })[];
  views: RecordingViews;
  clock: SteppedClock;
  log: MemoryLogger;
  /** Every rectangle the page sent through setViewport, in order. */
  viewports: (Rect | null)[];
  /** Every command the page sent that passed the schema. */
  commands: Command[];
  /** Payloads the schema refused: a correct shell sends none. */
  rejected: unknown[];
  /** Console errors and uncaught exceptions of the page (a CSP violation is one): a correct shell has none. */
  errors: string[];
  /** Changes a service's runtime as main's controller would (the page receives the patch). */
  setRuntime(id: string, change: Partial<ServiceRuntime>): Promise<void>;
  /** Sends an action from the application menu or tray. */
  action(action: ShellAction): Promise<void>;
  /** Resolves once every patch so far has reached the page. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

interface HarnessWindow {
  wasl: unknown;
  __waslHydrate(): Promise<AppState>;
  __waslCommand(command: unknown): Promise<CommandResult>;
  __waslViewport(rect: unknown): Promise<void>;
  __waslHydrateChats(): Promise<Record<string, ServiceSnapshot>>;
  __waslReport(range: unknown): Promise<Report>;
  __waslResources(): Promise<ResourceReport>;
  __waslPatch?: (patch: StatePatch) => void;
  __waslAction?: (action: ShellAction) => void;
  __waslChats?: (serviceId: string, delta: ChatsDelta) => void;
}

export function firstStartState(state: Partial<AppState> = {}): AppState {
  return stateOf(state);
}

export async function openShell(browser: Browser, options: ShellHarnessOptions = {}): Promise<ShellHarness> {
  if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error('The built shell is missing (out/renderer/index.html): run `npm run build` first.');
  }
  const initial = firstStartState(options.state);
  for (const service of initial.services) initial.runtime[service.id] ??= initialRuntime(service.enabled);

  const store = createAppStore(initial);
  const views = new RecordingViews();
  const clock = new SteppedClock(options.mainNow);
  const log = new MemoryLogger();
  let ids = 0;
  let chatsOut: (serviceId: string, delta: ChatsDelta) => void = () => undefined;
  const tracker = new ActivityTracker({ initial: options.activity ?? { chats: {}, days: {} }, clock, save: () => true });
  const controller = new ServiceController({
    store,
    views: options.views ?? views,
    clock,
    log,
    newId: () => `svc-${++ids}`,
    onChats: (serviceId, delta) => {
      chatsOut(serviceId, delta);
      power.chatsChanged(serviceId);
    },
    activity: tracker,
    onChatOpened: (chat, phone) => shop.chatOpened(chat, phone),
  });
  const people = new PeopleController(store, () => `person-${++ids}`);
  const shown: ShellHarness['shown'] = [];
  const offers = options.notificationOffers;
  const notifications = new NotificationCenter({
    store,
    notifier: { ...(offers ? { offers } : {}), show: (n, click, respond) => shown.push({ ...n, click, respond }) },
    clock,
    log,
    newId: () => `note-${++ids}`,
    reveal: (id) => void controller.command({ type: 'service.activate', id }),
    click: (id, notice) => controller.notificationClicked(id, notice),
    openChat: (id, chatId) => controller.openChat(id, chatId),
    serviceTitle: (service, title) => notificationTitle('en', service, title),
    coalescedText: (count) => `${count} more new messages`,
    privateText: () => 'New message',
    heldText: (count) => `${count} messages came in while you were closed`,
    reminderText: () => 'Reminder',
    showInbox: () => void controller.command({ type: 'view.inbox' }),
    onIncoming: (id, chatId) => controller.chatNotified(id, chatId),
    reminderOpened: (chat) => shop.reminderOpened(chat),
    isPriority: (id, chatId) => shop.isPriority({ serviceId: id, chatId }, undefined),
    responseText: () => ({ done: 'Done', remindLater: 'Remind me in 1 hour', replyPlaceholder: 'Type a reply' }),
    typeReply: (chat, text) => void controller.typeInChat(chat.serviceId, chat.chatId, text),
    canTypeReply: (chat) => controller.snapshot(chat.serviceId)?.activeChatId !== undefined,
  });
  const shop = new ShopController({ store, clock, log, newId: () => `shop-${++ids}`, remind: (reminder) => notifications.remind(reminder) });
  const files = new MemoryFiles();
  const copied: string[] = [];
  const data = new DataTransfer({
    store,
    files,
    clock,
    log,
    shop,
    chats: () => controller.chatsForShell(),
    adoptServices: (configs) => controller.adopt(configs),
    copyText: (text) => {
      copied.push(text);
    },
    csvText: () => ({
      header: ['Name', 'Platforms', 'Phone numbers', 'Labels', 'Notes', 'Last contact'],
      labelName: (label) => labelName('en', label),
      platformName: (service) => service.name,
    }),
  });
  const hasher = scryptHasher({ N: 16, r: 1, p: 1 });
  const lock = new LockController({
    store,
    clock,
    log,
    newId: () => `lock-${++ids}`,
    hasher,
    initial: options.password === undefined ? undefined : await hasher.hash(options.password),
    save: () => true,
    systemIdleMs: () => 0,
  });
  const outline = new OutlineRequests({ store, views: options.views ?? views, files, clock, log, newId: () => `outline-${++ids}`, pageUp: (id) => controller.pageReported(id), appVersion: 'test' });
  // No downloaded pack and no feed here: the pin is the one pack command the harness carries out.
  const packs = new PackHealth({ store, clock, log, packs: () => [], initialReads: {}, saveReads: () => undefined, reloadService: (id) => void controller.command({ type: 'service.reload', id }) });
  const screenShare = new ScreenSharePicker({ store, clock, log, newId: () => `share-${++ids}`, sources: () => Promise.resolve(options.screenSources ?? []), audioSupported: false });
  const noFind: FindPort = { find: () => undefined, stopFind: () => undefined };
  const finder: FindController = new FindController({
    store,
    port: options.findPort?.((serviceId, result) => finder.found(serviceId, result)) ?? noFind,
    focus: (id) => (options.views ?? views).focus(id),
  });
  const proxySessions = new FakeProxySessions();
  const proxy = new ProxyController({
    store,
    vault: options.proxyVault ?? new MemoryVault(),
    sessions: proxySessions,
    saveChoice: (id, choice) => controller.command({ type: 'service.set', id, proxy: choice }),
    reload: () => undefined,
    clock,
    log,
  });
  proxy.start();
  const downloadDisk = new MemoryDownloadDisk();
  const downloads = new DownloadsController({ store, clock, log, newId: () => `download-${++ids}`, disk: downloadDisk, initial: options.downloads ?? [], save: () => undefined });
  const commandsTable = commandTable({ services: controller, people, notifications, shop, data, lock, outline, packs, recording: new KeyRecording(clock), find: finder, screenShare, proxy, downloads });
  // Sleep as main wires it, reading the chats' activity (no memory port: 'auto' is 'check').
  const power = new PowerScheduler({ store, clock, log, target: controller, chats: () => controller.chatsForShell() });
  if (options.start !== false) {
    controller.start();
    power.start();
  }

  // The app's own Content Security Policy, as app:// sends it: a violation shows up in `errors`.
  const server: StaticServer = await serveDirectory(RENDERER_DIR, { 'content-security-policy': SHELL_CSP });
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1200, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-US',
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const viewports: (Rect | null)[] = [];
  const commands: Command[] = [];
  const rejected: unknown[] = [];
  const errors: string[] = [];
  page.on('console', (message) => {
    // Chromium asks a web server for /favicon.ico on its own; the app's custom scheme never sees that request.
    if (message.type() !== 'error' || message.location().url.endsWith('/favicon.ico')) return;
    errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  let hydrated = false;
  let delivery: Promise<void> = Promise.resolve();

  const deliver = (send: () => Promise<void>): Promise<void> => {
    delivery = delivery.then(send).catch((error: unknown) => {
      if (!page.isClosed()) throw error;
    });
    return delivery;
  };

  await page.exposeBinding('__waslHydrate', () => {
    hydrated = true;
    return store.getState();
  });
  await page.exposeBinding('__waslCommand', async (_source, raw: unknown): Promise<CommandResult> => {
    const parsed = commandSchema.safeParse(raw);
    if (!parsed.success) {
      rejected.push(raw);
      return { ok: false, error: 'invalid' };
    }
    commands.push(parsed.data);
    return dispatchCommand(parsed.data, commandsTable, () => lock.locked);
  });
  await page.exposeBinding('__waslHydrateChats', (): Record<string, ServiceSnapshot> => controller.chatsForShell());
  await page.exposeBinding('__waslReport', (_source, raw: unknown): Report => {
    const parsed = reportRangeSchema.safeParse(raw);
    if (!parsed.success) {
      rejected.push(raw);
      throw new Error('invalid report range');
    }
    return tracker.report(parsed.data.from, parsed.data.to);
  });
  await page.exposeBinding('__waslResources', (): ResourceReport => {
    const state = store.getState();
    const pids: Record<string, number | undefined> = {};
    for (const service of state.services) pids[service.id] = (options.views ?? views).processId(service.id);
    return { ...resourceReport(options.processes?.(pids) ?? [], pids, clock.now()), power: power.report() };
  });
  await page.exposeBinding('__waslViewport', (_source, raw: unknown) => {
    const parsed = rectSchema.nullable().safeParse(raw);
    if (!parsed.success) {
      rejected.push(raw);
      return;
    }
    viewports.push(parsed.data);
    controller.setViewport(parsed.data);
  });
  await page.addInitScript(() => {
    const w = window as unknown as HarnessWindow;
    const patchListeners = new Set<(patch: StatePatch) => void>();
    const actionListeners = new Set<(action: ShellAction) => void>();
    const chatListeners = new Set<(serviceId: string, delta: ChatsDelta) => void>();
    w.__waslChats = (serviceId, delta) => {
      for (const listener of chatListeners) listener(serviceId, delta);
    };
    w.__waslPatch = (patch) => {
      for (const listener of patchListeners) listener(patch);
    };
    w.__waslAction = (action) => {
      for (const listener of actionListeners) listener(action);
    };
    w.wasl = {
      hydrate: () => w.__waslHydrate(),
      onPatch: (listener: (patch: StatePatch) => void) => {
        patchListeners.add(listener);
        return () => patchListeners.delete(listener);
      },
      onAction: (listener: (action: ShellAction) => void) => {
        actionListeners.add(listener);
        return () => actionListeners.delete(listener);
      },
      command: (command: unknown) => w.__waslCommand(command),
      setViewport: (rect: unknown) => {
        void w.__waslViewport(rect);
      },
      hydrateChats: () => w.__waslHydrateChats(),
      onChats: (listener: (serviceId: string, delta: ChatsDelta) => void) => {
        chatListeners.add(listener);
        return () => chatListeners.delete(listener);
      },
      report: (range: unknown) => w.__waslReport(range),
      resources: () => w.__waslResources(),
    };
  });

  const unsubscribe = store.subscribe((after, before) => {
    const patch = diffState(before, after);
    if (!hydrated || patch === undefined) return;
    void deliver(() =>
      page.evaluate((p) => {
        (window as unknown as HarnessWindow).__waslPatch?.(p);
      }, patch),
    );
  });

  chatsOut = (serviceId, delta) => {
    if (!hydrated) return;
    void deliver(() =>
      page.evaluate(([id, d]) => {
        (window as unknown as HarnessWindow).__waslChats?.(id, d);
      }, [serviceId, delta] as const),
    );
  };

  if (options.now !== undefined) await page.clock.setFixedTime(options.now);
  await page.goto(`${server.url}/index.html`);
  await page.locator('nav, .lock-screen').first().waitFor();

  return {
    page,
    context,
    store,
    controller,
    notifications,
    shop,
    tracker,
    lock,
    finder,
    screenShare,
    proxySessions,
    downloads,
    downloadDisk,
    files,
    copied,
    shown,
    views,
    clock,
    log,
    viewports,
    commands,
    rejected,
    errors,
    setRuntime: (id, change) => {
      updateRuntime(store, id, change);
      return delivery;
    },
    action: (action) =>
      deliver(() =>
        page.evaluate((a) => {
          (window as unknown as HarnessWindow).__waslAction?.(a);
        }, action),
      ),
    settled: () => delivery,
    close: async () => {
      unsubscribe();
      await context.close();
      await server.close();
    },
  };
}
