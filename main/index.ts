/**
 * Wasl's composition root: the only file that loads Electron at run time. Everything else takes Electron as a
 * port (main/electron/api.ts), so the whole of main is tested without the Electron binary.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  type NativeImage,
  nativeTheme,
  Notification,
  type OpenDialogOptions,
  powerMonitor,
  type SaveDialogOptions,
  protocol,
  screen,
  session,
  shell,
  Tray,
  WebContentsView,
} from 'electron';
import ElectronStore from 'electron-store';
import { z } from 'zod';
import { CHANNELS } from '../common/channels';
import { type Command, commandSchema, type ServiceNotice, type ShellAction, insertResultSchema, outlineAnswerSchema, reportRangeSchema, serviceNoticeSchema, serviceUpdateSchema, viewportSchema, workerNoticeSchema } from '../common/ipc';
import { PLATFORMS, serviceOrigins } from '../common/catalog';
import { isAway, nextChange, weeklyHours } from '../common/shop/hours';
import { initialRuntime } from '../common/state';
import { ActivityTracker } from './core/chats/activity';
import { withPhone } from './core/chats/phones';
import { DataTransfer } from './core/shop/data-transfer';
import { ShopController } from './core/shop/shop';
import { ElectronFiles } from './electron/files';
import { openActivity } from './persistence/activity-file';
import { addNotice, createAppStore } from './core/app/app-store';
import { createLogger } from './core/app/log';
import { systemClock, type TimerHandle } from './core/app/ports';
import { fromWorker, NotificationCenter } from './core/notifications/center';
import { LockController } from './core/lock/lock';
import { keepLoginItem } from './core/desktop/login-item';
import { UpdateController } from './core/updates/updates';
import type { ResourceReport } from '../common/resources';
import { measure } from './electron/metrics';
import { PowerScheduler } from './core/power/power';
import { ServiceController } from './core/services/services';
import { ShellFeed } from './core/app/shell-feed';
import { OutlineRequests } from './core/outline/outline';
import { commandTable, dispatchCommand } from './core/app/commands';
import { PeopleController } from './core/people/controller';
import { shortcutFor } from './core/desktop/shortcuts';
import { latestUnread, memoUnreadTotal } from './core/notifications/unread';
import type { ElectronApi } from './electron/api';
import { AppBadge } from './electron/app-badge';
import { buildMenuTemplate } from './electron/app-menu';
import { APP_HOST, APP_SCHEME, serveApp, SHELL_URL } from './electron/app-protocol';
import { ContentsPolicy } from './electron/contents-policy';
import { isShellSender, wireIpc, wireWorkerIpc } from './electron/ipc-wiring';
import { createMainWindow, revealWindow } from './electron/main-window';
import { ElectronNotifier } from './electron/notifier';
import { ServiceViews } from './electron/service-views';
import { denyAllPermissions } from './electron/shell-session';
import { electronLoginItem, linuxAutostart } from './electron/login-item';
import { electronUpdater } from './electron/updater';
import { AppTray, TRAY_NOTIFICATIONS, type TrayCommand } from './electron/tray';
import { coalescedText, heldText, labelName, mainStrings, notificationTitle, resolveLanguage, unreadBadge } from './i18n';
import { IpcRouter } from './ipc/router';
import { CURRENT_VERSION } from './core/settings/document';
import { deletePendingPartitions } from './persistence/partitions';
import { Persister } from './persistence/persister';
import { openSettings } from './persistence/settings-file';
import { keepChats, openChats } from './persistence/chats-file';
import { keepHistory, openHistory } from './persistence/history';
import { scryptHasher } from './security/password';
import { forbiddenSwitches, refusalMessage } from './security/switches';
import { chromeUserAgent, hostOs } from './security/user-agent';

const electron: ElectronApi<WebContentsView, NativeImage> = { app, BrowserWindow, WebContentsView, session, shell, ipcMain, Menu, Tray, Notification, screen, nativeImage };

const here = import.meta.dirname;
const PRELOAD_SHELL = path.join(here, '../preload/shell.cjs');
const PRELOAD_SERVICE = path.join(here, '../preload/service.cjs');
const PRELOAD_WORKER = path.join(here, '../preload/service-worker.cjs');
const RENDERER_DIR = path.join(here, '../renderer');
const DEV_RENDERER_URL = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const PROJECT_URL = 'https://github.com/wasl-app/wasl';
/** How often the tray's tooltip learns how much memory Wasl uses. */
const MEMORY_SAMPLE_MS = 60_000;

const log = createLogger((line) => {
  console.log(line);
});
const os = hostOs(process.platform);
const userAgent = chromeUserAgent(os, process.versions.chrome);

// A separate profile folder (for tests, or a second portable profile) must be chosen before anything reads it.
const profileDir = process.env['WASL_USER_DATA_DIR'];
if (profileDir) app.setPath('userData', profileDir);

app.enableSandbox();
app.userAgentFallback = userAgent;
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
]);

// An installed Wasl opens no debugging door (main/security/switches.ts): it leaves before anything is created.
const refused = app.isPackaged ? forbiddenSwitches(process.argv, process.env, process.platform) : [];
if (refused.length > 0) {
  process.stderr.write(`${refusalMessage(refused)}\n`);
  app.exit(1);
} else if (app.requestSingleInstanceLock()) {
  app.whenReady().then(start, (error: unknown) => {
    log.error('Wasl could not start', { error: String(error) });
    app.quit();
  });
} else {
  app.quit();
}

function assetPath(...parts: string[]): string {
  return path.join(app.getAppPath(), 'assets', ...parts);
}

function start(): void {
  protocol.handle(APP_SCHEME, (request) => serveApp(request, RENDERER_DIR));
  denyAllPermissions(session.defaultSession);

  const userData = app.getPath('userData');
  const storeFactory = (dir: string, name: string) => new ElectronStore({ cwd: dir, name, clearInvalidConfig: false });
  const settings = openSettings(userData, storeFactory, systemClock, log, randomUUID);
  const { doc } = settings;
  // Only a file read as it was written says which signed-in sessions the user removed; after any repair, nothing is deleted.
  const deletedPartitions = settings.clean ? deletePendingPartitions(userData, doc.pendingDeletions, doc.services.map((s) => s.id), log) : [];

  const history = openHistory(userData, storeFactory, systemClock, log);
  const chatsFile = openChats(userData, storeFactory, systemClock, log);
  const activityFile = openActivity(userData, storeFactory, systemClock, log);
  const store = createAppStore({
    services: doc.services,
    activeServiceId: doc.activeServiceId,
    view: doc.view,
    runtime: Object.fromEntries(doc.services.map((s) => [s.id, initialRuntime(s.enabled)])),
    settings: doc.settings,
    people: doc.people,
    dismissedSuggestions: doc.dismissedSuggestions,
    peopleUndo: null,
    notifications: history.items,
    quickReplies: doc.quickReplies,
    labels: doc.labels,
    customers: doc.customers,
    shopUndo: null,
    notices: [...settings.notices, ...history.notices(randomUUID), ...activityFile.notices(randomUUID)],
    os,
    packaged: app.isPackaged,
    update: { phase: 'idle' },
  });
  const tracker = new ActivityTracker({ initial: activityFile.doc, clock: systemClock, save: activityFile.save });
  const stopHistory = keepHistory(store, history.save, systemClock);
  // The app-lock password's hash is saved with the settings but never enters the state the shell gets.
  const persister = new Persister(store, settings.save, systemClock, randomUUID, CURRENT_VERSION, {
    window: doc.window,
    pendingDeletions: doc.pendingDeletions,
    foreign: doc.foreign,
    ...(typeof doc.lock === 'object' ? { lock: doc.lock } : {}),
  });
  persister.deleted(deletedPartitions);
  // Inactivity is the system's idle time (it sees input in the service views, which the shell does not), or longer
  // since another window took the focus.
  const lock = new LockController({
    store,
    clock: systemClock,
    log,
    newId: randomUUID,
    hasher: scryptHasher(),
    initial: doc.lock,
    save: (stored) => persister.setLock(stored ?? undefined),
    systemIdleMs: () => powerMonitor.getSystemIdleTime() * 1000,
  });
  // Locking the computer locks Wasl too (when a password is set).
  powerMonitor.on('lock-screen', () => lock.lock());
  app.on('browser-window-focus', () => lock.windowFocus(true));
  app.on('browser-window-blur', () => lock.windowFocus(false));
  nativeTheme.themeSource = doc.settings.theme;

  const currentLanguage = () => resolveLanguage(store.getState().settings.language, app.getLocale());
  let quitting = false;
  let controller: ServiceController | undefined;
  const policy = new ContentsPolicy({
    openExternal: (url) => shell.openExternal(url),
    originsOf: (id) => {
      const service = store.getState().services.find((s) => s.id === id);
      return service ? serviceOrigins(service.platform, service.url) : undefined;
    },
    shellOrigin: DEV_RENDERER_URL ? new URL(DEV_RENDERER_URL) : { protocol: `${APP_SCHEME}:`, host: APP_HOST },
    onInput: (input) => {
      const shortcut = shortcutFor(input, os);
      if (!shortcut || !controller || lock.locked) return false;
      if (shortcut.type === 'lock') {
        lock.lock();
        return true;
      }
      if (shortcut.type === 'inbox') void controller.command({ type: 'view.inbox' });
      else if (shortcut.type === 'quick-replies') sendAction('quick-replies');
      else if (shortcut.type === 'activate-index') controller.activateIndex(shortcut.index);
      else controller.activateRelative(shortcut.delta);
      return true;
    },
    clock: systemClock,
    log,
  });
  app.on('web-contents-created', (_event, contents) => {
    policy.attach(contents);
  });
  // Locked, the windows services opened hide and no new one opens.
  policy.setLocked(lock.locked);
  store.subscribe((next, prev) => {
    if (next.lock?.locked !== prev.lock?.locked) policy.setLocked(next.lock?.locked === true);
  });

  const win = createMainWindow({
    electron,
    saved: doc.window,
    preloadPath: PRELOAD_SHELL,
    iconPath: assetPath('icon.png'),
    darkBackground: nativeTheme.shouldUseDarkColors,
    os,
    startHidden: doc.settings.startMinimized,
    quitting: () => quitting,
    closeToTray: () => store.getState().settings.closeToTray,
    quit: () => app.quit(),
    onPlacement: (state) => {
      persister.setWindow(state);
    },
  });
  policy.assign(win.webContents.id, { kind: 'shell' });

  const views = new ServiceViews({
    electron,
    window: win,
    policy,
    preloadPath: PRELOAD_SERVICE,
    workerPreloadPath: PRELOAD_WORKER,
    userAgent,
    acceptLanguages: app.getPreferredSystemLanguages().join(',') || 'en-US,en',
    serviceOf: (id) => store.getState().services.find((s) => s.id === id),
    onEvent: (id, event) => controller?.viewEvent(id, event),
    onDownloadFailed: (fileName) => {
      addNotice(store, { id: randomUUID(), at: Date.now(), kind: 'download-failed', fileName });
    },
    onWorker: (id, worker) => wireWorkerIpc(worker, id, router, [CHANNELS.serviceWorkerNotification]),
    log,
  });
  controller = new ServiceController({
    store,
    views,
    clock: systemClock,
    log,
    newId: randomUUID,
    onChats: (serviceId, delta) => feed.chats(serviceId, delta),
    activity: tracker,
    onRemoved: (id) => persister.deleteLater(id),
    initialChats: chatsFile.snapshots,
    onChatsChanged: () => keptChats.changed(),
    onNews: (serviceId, chats) => {
      for (const chat of chats) {
        const notice: ServiceNotice = { id: `check-${chat.id}`, title: chat.title, chatId: chat.id, derived: true };
        if (chat.preview !== undefined) notice.body = chat.preview;
        if (chat.avatarUrl?.startsWith('https://') === true) notice.iconUrl = chat.avatarUrl;
        notifications.receive(serviceId, notice);
      }
    },
  });
  const services = controller;
  const keptChats = keepChats(
    () => services.allSnapshots(),
    (snapshots) => chatsFile.save(snapshots, store.getState().settings.notifications.privateMode),
    systemClock,
  );
  // What the shell sees: everything, or while locked nothing it could show.
  const feed = new ShellFeed({
    store,
    chats: () => services.chatsForShell(),
    sendPatch: (patch) => {
      if (!win.isDestroyed()) win.webContents.send(CHANNELS.patch, patch);
    },
    sendChats: (serviceId, delta) => {
      if (!win.isDestroyed()) win.webContents.send(CHANNELS.chats, { serviceId, delta });
    },
  });
  const people = new PeopleController(store, randomUUID);

  const shellUrl = DEV_RENDERER_URL ?? SHELL_URL;
  const router = new IpcRouter({
    isShell: (sender) => isShellSender(sender, win.webContents.id, shellUrl),
    serviceOf: (id) => policy.serviceOf(id),
    serviceOfWorker: (worker) => views.serviceOfWorker(worker),
    clock: systemClock,
    log,
  });
  router.shell(CHANNELS.hydrate, z.undefined(), () => feed.hydrate());
  router.shell(CHANNELS.hydrateChats, z.undefined(), () => feed.hydrateChats());
  router.shell(CHANNELS.viewport, viewportSchema, ({ rect }) => {
    services.setViewport(rect);
  });
  router.shell(CHANNELS.report, reportRangeSchema, ({ from, to }) => tracker.report(from, to));
  const usage = (): ResourceReport => measure(app, views, store.getState().services, Date.now());
  router.shell(CHANNELS.resources, z.undefined(), usage);
  router.service(CHANNELS.serviceUpdate, serviceUpdateSchema, (id, update) => {
    if (!services.serviceUpdate(id, update)) views.send(id, CHANNELS.serviceResync);
  });
  router.service(CHANNELS.serviceInsertResult, insertResultSchema, (id, { requestId, ok }) => {
    services.insertResult(id, requestId, ok);
  });
  const notifications = new NotificationCenter({
    store,
    notifier: new ElectronNotifier(electron, log, systemClock),
    clock: systemClock,
    log,
    newId: randomUUID,
    reveal: (id) => {
      revealWindow(win);
      void services.command({ type: 'service.activate', id });
    },
    click: (id, notice) => services.noticeClicked(id, notice),
    openChat: (id, chatId) => services.openChat(id, chatId),
    serviceTitle: (service, title) => notificationTitle(currentLanguage(), service, title),
    coalescedText: (count) => coalescedText(currentLanguage(), count),
    privateText: () => mainStrings(currentLanguage()).newMessage,
    heldText: (count) => heldText(currentLanguage(), count),
    reminderText: () => mainStrings(currentLanguage()).reminder,
    showInbox: () => {
      revealWindow(win);
      void services.command({ type: 'view.inbox' });
    },
    onIncoming: (id, chatId) => services.chatNoticed(id, chatId),
    reminderOpened: (chat) => shop.reminderOpened(chat),
    isPriority: (id, chatId) => {
      const chat = services.snapshot(id)?.chats.find((c) => c.id === chatId);
      const phone = chat === undefined ? undefined : withPhone(chat, store.getState().settings.defaultRegion).phone;
      return shop.isPriority({ serviceId: id, chatId }, phone);
    },
  });
  // Dialogs are attached to the window in front (Wasl's), as sheets on macOS.
  const attachedDialogs = {
    showSaveDialog: (options: SaveDialogOptions) => {
      const parent = BrowserWindow.getFocusedWindow();
      return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
    },
    showOpenDialog: (options: OpenDialogOptions) => {
      const parent = BrowserWindow.getFocusedWindow();
      return parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options);
    },
  };
  const shop = new ShopController({ store, clock: systemClock, log, newId: randomUUID, remind: (reminder) => notifications.remind(reminder) });
  const files = new ElectronFiles(attachedDialogs, app.getPath('documents'), (kind, action) => {
    const s = currentStrings();
    if (kind === 'customers-csv') return { title: s.saveCustomers, filter: s.filterCsv };
    if (kind === 'outline') return { title: s.saveOutline, filter: s.filterOutline };
    if (kind === 'backup') return { title: action === 'save' ? s.saveBackup : s.openBackup, filter: s.filterBackup };
    return { title: action === 'save' ? s.saveReplies : s.openReplies, filter: s.filterReplies };
  });
  const data = new DataTransfer({
    store,
    files,
    clock: systemClock,
    log,
    shop,
    chats: () => services.chatsForShell(),
    adoptServices: (configs) => services.adopt(configs),
    csvText: () => {
      const s = currentStrings();
      const language = currentLanguage();
      return {
        header: [s.csvName, s.csvPlatforms, s.csvPhones, s.csvLabels, s.csvNotes, s.csvLastContact],
        labelName: (label) => labelName(language, label),
        platformName: (service) => `${PLATFORMS[service.platform].name} (${service.name})`,
      };
    },
  });
  const updates = new UpdateController({
    store,
    clock: systemClock,
    log,
    prepareQuit: () => {
      quitting = true;
    },
  });
  const outline = new OutlineRequests({
    store,
    views,
    files,
    clock: systemClock,
    log,
    newId: randomUUID,
    pageUp: (id) => services.pageReported(id),
    appVersion: app.getVersion(),
  });
  router.service(CHANNELS.serviceOutline, outlineAnswerSchema, (id, { requestId, outline: json }) => {
    outline.answer(id, requestId, json);
  });
  const commands = commandTable({ services, people, notifications, shop, data, lock, updates, outline });
  const locked = (): boolean => lock.locked;
  router.shell(CHANNELS.command, commandSchema, (command) => dispatchCommand(command, commands, locked));
  router.service(CHANNELS.serviceNotification, serviceNoticeSchema, (id, notice) => {
    notifications.receive(id, notice);
  });
  router.worker(CHANNELS.serviceWorkerNotification, workerNoticeSchema, (id, notice) => {
    notifications.receive(id, fromWorker(notice, `w-${randomUUID()}`, services.snapshot(id)?.chats ?? []));
  });
  wireIpc(ipcMain, router, {
    invoke: [CHANNELS.hydrate, CHANNELS.hydrateChats, CHANNELS.command, CHANNELS.report, CHANNELS.resources],
    send: [CHANNELS.viewport, CHANNELS.serviceUpdate, CHANNELS.serviceNotification, CHANNELS.serviceInsertResult, CHANNELS.serviceOutline],
  });

  const sendAction = (action: ShellAction): void => {
    revealWindow(win);
    win.webContents.send(CHANNELS.action, action);
  };
  const quit = (): void => {
    quitting = true;
    app.quit();
  };
  // The tray's menu acts as the shell would: the same commands, through the same dispatcher.
  // The tray's and the menus' commands go through the same dispatcher as the shell's.
  const menuCommand = (command: Command): void => {
    dispatchCommand(command, commands, locked).then(
      (result) => {
        if (!result.ok) log.warn('menu command failed', { command: command.type, error: result.error });
      },
      (error: unknown) => {
        log.error('menu command failed', { command: command.type, error: String(error) });
      },
    );
  };
  const trayCommand = (command: TrayCommand): void => menuCommand(command);
  const tray = new AppTray({
    electron,
    os,
    iconPath: assetPath('tray', os === 'darwin' ? 'trayTemplate.png' : 'tray.png'),
    window: win,
    clock: systemClock,
    log,
    dispatch: trayCommand,
    onQuit: quit,
  });
  const badge = new AppBadge({ electron, os, window: win });
  const unreadTotal = memoUnreadTotal((id) => services.snapshot(id)?.chats);
  /** The unread total on the tray and the app badge, and the tray's notifications and do-not-disturb menu. */
  let hoursTimer: TimerHandle | undefined;
  let memoryKiB: number | undefined;
  const refreshUnread = (): void => {
    const state = store.getState();
    const language = currentLanguage();
    const total = unreadTotal(state);
    const now = new Date(systemClock.now());
    const shopHours = state.settings.shop;
    const hours = weeklyHours(shopHours.hours);
    const away = isAway(shopHours, now) ? { opens: nextChange(hours, now)?.getTime() ?? null } : undefined;
    tray.update({
      language,
      total,
      unread: state.lock?.locked === true ? [] : latestUnread(state, TRAY_NOTIFICATIONS),
      ...(state.lock?.set === true ? { lock: state.lock.locked ? 'locked' : 'unlocked' } : {}),
      notifications: state.settings.notifications,
      ...(away ? { away } : {}),
      ...(memoryKiB === undefined ? {} : { memoryKiB }),
      ...(state.update.phase === 'ready' ? { updateReady: true } : {}),
    });
    // The shop opens or closes: the tray says so then.
    if (hoursTimer !== undefined) systemClock.clearTimeout(hoursTimer);
    const change = shopHours.hoursEnabled ? nextChange(hours, now) : undefined;
    hoursTimer = change === undefined ? undefined : systemClock.setTimeout(refreshUnread, change.getTime() - now.getTime() + 1);
    badge.update(total, unreadBadge(language, total));
  };
  refreshUnread();
  // The tray's tooltip says what Wasl uses in all, sampled now and then (sampling costs a few milliseconds).
  const sampleMemory = (): void => {
    memoryKiB = usage().total.memoryKiB;
    refreshUnread();
    systemClock.setTimeout(sampleMemory, MEMORY_SAMPLE_MS);
  };
  systemClock.setTimeout(sampleMemory, MEMORY_SAMPLE_MS);

  const currentStrings = () => mainStrings(currentLanguage());
  const refreshChrome = (): void => {
    const state = store.getState();
    const strings = currentStrings();
    const template = buildMenuTemplate(
      // Locked, the menu names no service.
      {
        os,
        services: state.lock?.locked === true ? [] : state.services,
        activeServiceId: state.activeServiceId,
        strings,
        dev: !app.isPackaged,
        canLock: state.lock?.set === true && !state.lock.locked,
      },
      {
        addService: () => sendAction('add-service'),
        openSettings: () => sendAction('open-settings'),
        lock: () => lock.lock(),
        activate: (id) => void services.command({ type: 'service.activate', id }),
        next: () => services.activateRelative(1),
        previous: () => services.activateRelative(-1),
        reloadService: () => {
          const id = store.getState().activeServiceId;
          if (id !== null) void services.command({ type: 'service.reload', id });
        },
        renameService: () => sendAction('rename-active'),
        quickReplies: () => sendAction('quick-replies'),
        openShop: () => sendAction('open-shop'),
        openReport: () => sendAction('open-report'),
        openResources: () => sendAction('open-resources'),
        removeService: () => sendAction('remove-active'),
        saveOutline: () => {
          const id = store.getState().activeServiceId;
          if (id !== null) menuCommand({ type: 'service.saveOutline', id });
        },
        reloadShell: () => win.webContents.reload(),
        toggleDevTools: () => win.webContents.toggleDevTools(),
        hideWindow: () => win.hide(),
        about: () => app.showAboutPanel(),
        learnMore: () => void shell.openExternal(PROJECT_URL),
        quit,
      },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  refreshChrome();

  store.subscribe((next, prev) => {
    if (next.settings.theme !== prev.settings.theme) nativeTheme.themeSource = next.settings.theme;
    if (next.services !== prev.services || next.activeServiceId !== prev.activeServiceId || next.settings !== prev.settings || next.lock !== prev.lock) {
      refreshChrome();
    }
    if (
      next.services !== prev.services ||
      next.runtime !== prev.runtime ||
      next.settings !== prev.settings ||
      next.notifications !== prev.notifications ||
      next.lock !== prev.lock ||
      next.update !== prev.update
    ) {
      refreshUnread();
    }
  });

  app.setAboutPanelOptions({ applicationName: 'Wasl', applicationVersion: app.getVersion(), website: PROJECT_URL });
  app.on('second-instance', () => revealWindow(win));
  app.on('activate', () => revealWindow(win));
  app.on('before-quit', () => {
    quitting = true;
    persister.flush();
    keptChats.flush();
    stopHistory();
    tracker.flush();
  });
  app.on('will-quit', () => tray.destroy());

  win.loadURL(shellUrl).catch((error: unknown) => {
    log.error('could not load the Wasl window', { error: String(error) });
  });
  services.start();
  new PowerScheduler({ store, clock: systemClock, log, target: services }).start();
  // Only an installed build updates itself and opens at login; electron-updater is not even loaded otherwise.
  if (app.isPackaged) {
    const configHome = process.env['XDG_CONFIG_HOME'] || path.join(app.getPath('home'), '.config');
    keepLoginItem(store, os === 'linux' ? linuxAutostart(configHome, process.env['APPIMAGE'] ?? process.execPath) : electronLoginItem(app, os), log);
    import('electron-updater').then(
      ({ default: { autoUpdater } }) => updates.start(electronUpdater(autoUpdater)),
      (error: unknown) => log.error('could not load the updater', { error: String(error) }),
    );
  }
  log.info('Wasl started', { services: doc.services.length, userData });
}
