/**
 * Wasl's composition root: the only file that loads Electron at run time. It creates every part of main and
 * connects them, and holds no rule of its own: the rules live in main/core (by feature), the Electron adapters in
 * main/electron, file I/O in main/persistence, IPC in main/ipc. Everything but this file takes Electron as a port
 * (main/electron/api.ts), so the whole of main is tested without the Electron binary.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import {
  app, BrowserWindow, clipboard, desktopCapturer, dialog, globalShortcut, ipcMain, Menu, nativeImage, type NativeImage, nativeTheme, net, Notification,
  powerMonitor, protocol, safeStorage, screen, session, type Session, shell, Tray, WebContentsView,
} from 'electron';
import ElectronStore from 'electron-store';
import type { PlatformId } from '../common/model';
import { visibleServiceId } from '../common/state';
import { addNotice, createAppStore, initialState } from './core/app/app-store';
import { commandTable } from './core/app/commands';
import { createLogger } from './core/app/log';
import { appCommandTable, menuCommandRunner, type MenuCommand } from './core/app/menu-commands';
import { systemClock } from './core/app/ports';
import { ShellFeed } from './core/app/shell-feed';
import { csvText, fileTexts, notificationWords } from './core/app/words';
import { demoProfile } from './core/demo/profile';
import { DownloadsController } from './core/downloads/downloads';
import { DesktopChrome } from './core/desktop/chrome';
import { GlobalShortcuts } from './core/desktop/global-shortcuts';
import { KeyRecording, shortcutHandler } from './core/desktop/shortcuts';
import { followSpelling } from './core/desktop/spelling';
import { FindController } from './core/find/find';
import { followLock, LockController } from './core/lock/lock';
import { NotificationCenter } from './core/notifications/center';
import { notificationLinks } from './core/notifications/links';
import { NOTIFICATION_OFFERS } from './core/notifications/offers';
import { OutlineRequests } from './core/outline/outline';
import { ConnectorPacks } from './core/packs/connector-packs';
import { PeopleController } from './core/people/controller';
import { PowerScheduler } from './core/power/power';
import { ScreenSharePicker } from './core/screen-share/picker';
import { ProxyController } from './core/services/proxy';
import { ServiceController } from './core/services/services';
import { DataTransfer } from './core/shop/data-transfer';
import { ShopController } from './core/shop/shop';
import { UpdateController } from './core/updates/updates';
import type { ElectronApi } from './electron/api';
import { AppBadge } from './electron/app-badge';
import { AppMenu } from './electron/app-menu';
import { APP_HOST, APP_SCHEME, SHELL_URL } from './electron/app-protocol';
import { boot } from './electron/boot';
import { boundedFetch } from './electron/bounded-fetch';
import { launchDemo, seedDemoProfile } from './electron/demo';
import { ContentsPolicy } from './electron/contents-policy';
import { ContextMenus } from './electron/context-menu';
import { ElectronDesktop, followTheme } from './electron/desktop';
import { electronDownloadDisk } from './electron/downloads';
import { electronGlobalShortcuts } from './electron/global-shortcut';
import { attachedDialogs, ElectronFiles } from './electron/files';
import { startInstalled } from './electron/installed';
import { isShellSender, wireIpc, wireWorkerIpc } from './electron/ipc-wiring';
import { createMainWindow, shellChannel } from './electron/main-window';
import { measure } from './electron/metrics';
import { ElectronNotifier } from './electron/notifier';
import { ElectronScreenShare, screenSources } from './electron/screen-share';
import { ServiceViews } from './electron/service-views';
import { systemMemory } from './electron/system-memory';
import { answerProxyLogins, electronProxySessions } from './electron/proxy';
import { electronSpelling } from './electron/spelling';
import { AppTray } from './electron/tray';
import { mainLocale, mainStrings, resolveLanguage, suggestionTitle } from './i18n';
import { IpcRouter } from './ipc/router';
import { FRAME_CHANNELS, routeIpc, WORKER_CHANNELS } from './ipc/routes';
import { PackStore } from './persistence/pack-store';
import { openDownloads } from './persistence/downloads-file';
import { keepProfile, openProfile } from './persistence/profile';
import { ProxySecrets } from './persistence/proxy-secrets';
import { packCrypto, TRUSTED_RELEASE_KEYS } from './security/pack-keys';
import { scryptHasher } from './security/password';
import { acceptLanguages, chromeUserAgent, hostOs } from './security/user-agent';

const electron: ElectronApi<WebContentsView, NativeImage> = { app, BrowserWindow, WebContentsView, session, shell, clipboard, ipcMain, Menu, Tray, Notification, screen, nativeImage, desktopCapturer };
const here = import.meta.dirname;
const preload = (name: string): string => path.join(here, `../preload/${name}.cjs`);
const DEV_RENDERER_URL = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const PROJECT_URL = 'https://github.com/wasl-app/wasl';
const log = createLogger((line) => console.log(line));
const os = hostOs(process.platform);
const userAgent = chromeUserAgent(os, process.versions.chrome);

boot({ app, protocol, shellSession: session.defaultSession, rendererDir: path.join(here, '../renderer'), process, userAgent, log }, start);

function start(demo: boolean): void {
  const assetsDir = path.join(app.getAppPath(), 'assets');
  // The demo's profile folder is a fresh one (./electron/boot.ts): its settings are the demo's sample services and shop.
  if (demo) seedDemoProfile(app.getPath('userData'), demoProfile(resolveLanguage('system', app.getLocale())));
  const profile = openProfile(app.getPath('userData'), (dir, name) => new ElectronStore({ cwd: dir, name, clearInvalidConfig: false }), systemClock, log, randomUUID);
  const store = createAppStore(initialState(profile.doc, { notifications: profile.history.items, notices: profile.notices, os, systemLanguages: app.getPreferredSystemLanguages(), packaged: app.isPackaged, demo }));
  const base = { store, clock: systemClock, log, newId: randomUUID };
  // The language main speaks, and the digits and calendar its numbers and dates are written in.
  const locale = () => mainLocale(store.getState().settings, app.getLocale());
  const language = () => locale().language;
  followTheme(nativeTheme, store);
  followSpelling({ store, os, language, spelling: electronSpelling({ session, shellSession: session.defaultSession, log }) });
  const kept = keepProfile(profile, store, systemClock, randomUUID, () => services.allSnapshots());

  // Inactivity is the system's idle time (it sees input in the service views, which the shell does not), or longer
  // since another window took the focus. Locking the computer locks Wasl too (when a password is set).
  const lock = new LockController({
    ...base,
    hasher: scryptHasher(),
    initial: profile.doc.lock,
    save: (stored) => kept.persister.setLock(stored ?? undefined),
    systemIdleMs: () => powerMonitor.getSystemIdleTime() * 1000,
  });
  powerMonitor.on('lock-screen', () => lock.lock());
  app.on('browser-window-focus', () => lock.windowFocus(true));
  app.on('browser-window-blur', () => lock.windowFocus(false));
  const locked = (): boolean => lock.locked;

  // Window-wide shortcuts: the user's keys read live; a key the page's site uses stays the page's.
  const recording = new KeyRecording(systemClock);
  const onShortcut = shortcutHandler({
    os,
    locked,
    keys: () => store.getState().settings.shortcuts.keys,
    shownService: () => visibleServiceId(store.getState()),
    focus: { shell: () => win.webContents.focus(), service: (id) => views.focus(id) },
    recording,
    run: (command) => run(command),
  });
  const platformOf = (serviceId: string): PlatformId | undefined => store.getState().services.find((s) => s.id === serviceId)?.platform;
  const policy = new ContentsPolicy({
    ...base,
    openExternal: (url) => shell.openExternal(url),
    originsOf: (id): readonly string[] | undefined => views.originsOf(id),
    shellOrigin: DEV_RENDERER_URL ? new URL(DEV_RENDERER_URL) : { protocol: `${APP_SCHEME}:`, host: APP_HOST },
    onInput: (input, owner) => onShortcut(input, owner?.kind === 'shell' ? owner : { kind: 'page', platform: owner && platformOf(owner.serviceId) }),
  });
  // The right-click menu, in the shell, the services' pages and their pop-ups (those the policy knows an owner of).
  const contextMenus = new ContextMenus({ electron, language, development: !app.isPackaged, offers: (id) => policy.ownerOf(id) !== undefined, log });
  app.on('web-contents-created', (_event, contents) => {
    policy.attach(contents);
    contextMenus.attach(contents);
  });
  // Locked, the windows services opened hide and no new one opens.
  followLock(store, (isLocked) => policy.setLocked(isLocked));

  const win = createMainWindow({
    electron,
    os,
    saved: profile.doc.window,
    preloadPath: preload('shell'),
    iconPath: path.join(assetsDir, 'icon.png'),
    darkBackground: nativeTheme.shouldUseDarkColors,
    startHidden: profile.doc.settings.startMinimized,
    quitting: (): boolean => desktop.isQuitting,
    closeToTray: () => store.getState().settings.closeToTray,
    quit: () => app.quit(),
    onPlacement: (state) => kept.persister.setWindow(state),
  });
  policy.assign(win.webContents.id, { kind: 'shell' });
  const shellUrl = DEV_RENDERER_URL ?? SHELL_URL;
  const router = new IpcRouter({
    ...base,
    isShell: (sender) => isShellSender(sender, win.webContents.id, shellUrl),
    serviceOf: (id) => policy.serviceOf(id),
    serviceOfWorker: (worker) => views.serviceOfWorker(worker),
  });
  // Connector packs: those on disk verified again now; the feed; which one each platform's pages take; rollback.
  const packDisk = new PackStore(app.getPath('userData'), log);
  const packsOnDisk = packDisk.load(TRUSTED_RELEASE_KEYS, app.getVersion());
  const packFeed = process.env['WASL_PACK_FEED'];
  const packs = new ConnectorPacks({
    ...base,
    disk: packDisk,
    ...(packsOnDisk.refused[0] ? { refusedAtStart: packsOnDisk.refused[0].reason } : {}),
    fetch: boundedFetch((url, init) => net.fetch(url, init)),
    crypto: packCrypto(TRUSTED_RELEASE_KEYS),
    appVersion: app.getVersion(),
    ...(packFeed ? { feedUrl: packFeed } : {}),
    builtInWorkerPreload: preload('service-worker'),
    serviceOf: (id) => store.getState().services.find((s) => s.id === id),
    initialReads: profile.doc.packReads,
    saveReads: (reads) => kept.persister.setPackReads(reads),
    reloadService: (id) => void services.command({ type: 'service.reload', id }),
  });
  // A call pop-up (Messenger, Facebook) may share too: the picker brings Wasl's window forward for it.
  const screenShare = new ScreenSharePicker({
    ...base,
    sources: screenSources(electron.desktopCapturer),
    audioSupported: os === 'win32',
    window: { revealWindow: () => desktop.revealWindow() },
    popupFocused: (id, contentsId) => policy.popupFocused(id, contentsId),
  });
  const displayMedia = new ElectronScreenShare(screenShare, log, () => policy.popupWindows());
  // Each service's proxy, on its own session only; its password encrypted apart from the settings.
  const proxy: ProxyController = new ProxyController({
    store,
    vault: new ProxySecrets(app.getPath('userData'), safeStorage, os, log),
    sessions: electronProxySessions<Session>({ session, net, answer: (request) => proxy.answerLogin(request) }),
    saveChoice: (id, choice) => services.command({ type: 'service.set', id, proxy: choice }),
    reload: (id) => {
      if (views.contentsId(id) !== undefined) void services.command({ type: 'service.reload', id });
    },
    clock: systemClock,
    log,
  });
  proxy.start();
  answerProxyLogins({ app, session, serviceIds: () => store.getState().services.map((s) => s.id), answer: (request) => proxy.answerLogin(request) });
  const views = new ServiceViews({
    ...base,
    electron,
    window: win,
    policy,
    preloadPath: preload('service'),
    workerPreloadPath: (id) => packs.workerPreloadPath(id),
    userAgent,
    acceptLanguages: acceptLanguages(app.getPreferredSystemLanguages()),
    serviceOf: (id) => store.getState().services.find((s) => s.id === id),
    onEvent: (id, event) => {
      services.viewEvent(id, event);
      finder.viewEvent(id, event);
    },
    onFound: (id, result) => finder.found(id, result),
    onDownload: (id, item) => downloads.track(id, item),
    onZoomAsked: (id, step) => run({ type: 'service.zoom', id, step }),
    onWorker: (id, worker) => wireWorkerIpc(worker, id, router, WORKER_CHANNELS),
    mayCaptureScreen: (id, page) => screenShare.mayAsk(id, page),
    captureGranted: (id, stop) => screenShare.granted(id, stop),
    onDisplayMedia: (id, contents, request, callback) => displayMedia.handle(id, contents, request, callback),
    sessionReady: (id) => proxy.ready(id),
    ...(demo ? { demoFixtures: path.join(app.getAppPath(), 'test', 'fixtures', 'platforms') } : {}),
  });
  // Find in the page of the service in front (the shell's find bar).
  const finder: FindController = new FindController({ store, port: views, focus: (id) => views.focus(id) });
  const desktop = new ElectronDesktop({ app, shell, window: win, projectUrl: PROJECT_URL, launchDemo: () => launchDemo(spawn, process.execPath, process.argv) });

  const services: ServiceController = new ServiceController({
    ...base,
    views,
    activity: kept.tracker,
    initialChats: profile.chats.snapshots,
    onChats: (serviceId, delta) => {
      feed.chats(serviceId, delta);
      power.chatsChanged(serviceId);
    },
    onRemoved: (id) => kept.persister.deleteLater(id),
    onChatsChanged: () => kept.chatsChanged(),
    onNews: (serviceId, chats) => notifications.receiveNews(serviceId, chats),
    onReported: (id, platform, update) => packs.reported(id, platform, update),
    onChatOpened: (chat, phone) => shop.chatOpened(chat, phone),
  });
  const feed = new ShellFeed({ store, chats: () => services.chatsForShell(), ...shellChannel(win) });
  const people = new PeopleController(store, randomUUID);
  const shop = new ShopController({ ...base, remind: (reminder) => notifications.remind(reminder) });
  const notifications = new NotificationCenter({
    ...base,
    ...notificationWords(locale),
    ...notificationLinks({ store, services, shop, window: desktop, log, clock: systemClock, suggestionTitle: (s) => suggestionTitle(language(), s) }),
    notifier: new ElectronNotifier(electron, log, systemClock, NOTIFICATION_OFFERS[os]),
  });
  const dialogs = attachedDialogs(dialog, () => BrowserWindow.getFocusedWindow());
  const files = new ElectronFiles(dialogs, app.getPath('documents'), fileTexts(language));
  // The downloads list, in its own file (a damaged one never touches the settings).
  const downloadsFile = openDownloads(app.getPath('userData'), (dir, name) => new ElectronStore({ cwd: dir, name, clearInvalidConfig: false }), systemClock, log);
  for (const notice of downloadsFile.notices(randomUUID)) addNotice(store, notice);
  const downloads = new DownloadsController({
    ...base,
    disk: electronDownloadDisk({ app, shell, dialog: dialogs, folderTitle: () => mainStrings(language()).downloadsFolder }),
    initial: downloadsFile.records,
    save: (records) => downloadsFile.save(records),
  });
  const data = new DataTransfer({
    ...base,
    files,
    shop,
    chats: () => services.chatsForShell(),
    adoptServices: (configs) => services.adopt(configs),
    csvText: csvText(language),
    copyText: (text) => clipboard.writeText(text),
  });
  const updates = new UpdateController({ ...base, prepareQuit: () => desktop.prepareQuit() });
  const outline = new OutlineRequests({ ...base, views, files, pageUp: (id) => services.pageReported(id), appVersion: app.getVersion() });
  const commands = {
    ...commandTable({ services, people, notifications, shop, data, lock, updates, outline, packs: packs.health, checkPacks: packs.checker(), recording, find: finder, screenShare, proxy, downloads }),
    ...appCommandTable({ desktop, services, clock: systemClock }),
  };
  const run: (command: MenuCommand) => void = menuCommandRunner(commands, locked, log);
  const resources = () => measure(app, views, store.getState().services, Date.now());
  // Sleep and checks: the shop's hours, its customers' chats, and the computer's and the services' memory.
  const power = new PowerScheduler({ ...base, target: services, chats: () => services.chatsForShell(), memory: systemMemory(process, resources) });
  routeIpc(router, {
    feed,
    services,
    views,
    tracker: kept.tracker,
    outline,
    notifications,
    resources: () => ({ ...resources(), power: power.report() }),
    connectorFor: (id) => packs.connectorFor(id),
    packFailed: (id, failure) => packs.packFailed(id, failure),
    commands,
    locked,
    newId: randomUUID,
  });
  wireIpc(ipcMain, router, FRAME_CHANNELS);

  const chrome = new DesktopChrome({
    ...base,
    os,
    locale,
    chatsOf: (id) => services.snapshot(id)?.chats,
    memoryKiB: () => resources().total.memoryKiB,
    window: desktop,
    tray: new AppTray({ electron, os, assetsDir, log, dispatch: run }),
    badge: new AppBadge({ electron, os, window: win }),
    menu: new AppMenu({ electron, dispatch: run }),
  });
  chrome.start();
  const globalKeys = new GlobalShortcuts({ store, port: electronGlobalShortcuts(globalShortcut), log, run });
  globalKeys.start();
  desktop.wire({
    beforeQuit: () => kept.flush(),
    willQuit: () => {
      chrome.stop();
      globalKeys.stop();
    },
  });

  win.loadURL(shellUrl).catch((error: unknown) => log.error('could not load the Wasl window', { error: String(error) }));
  services.start();
  packs.start();
  power.start();
  if (app.isPackaged) {
    startInstalled({
      app,
      os,
      store,
      updates,
      env: process.env,
      home: app.getPath('home'),
      execPath: process.execPath,
      log,
      releaseKeys: TRUSTED_RELEASE_KEYS,
      fetch: (url, init) => net.fetch(url, init),
      releasesUrl: `${PROJECT_URL}/releases`,
    });
  }
  log.info('Wasl started', { services: profile.doc.services.length, userData: app.getPath('userData'), demo });
}
