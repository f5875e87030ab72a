/**
 * The tray icon on Electron (main/electron/tray.ts) showing tray models (main/core/desktop/tray-model.ts): the
 * unread total drawn into the icon or beside it, the tooltip, the menu and its clicks. And the tray on the desktop:
 * the presenter, the window and main's commands together, as main/index.ts wires them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { NotificationRecord, ServiceConfig } from '../../../../common/model';
import type { AppState, HostOs } from '../../../../common/state';
import { createAppStore } from '../../../../main/core/app/app-store';
import { appCommandTable, dispatchMenuCommand, type MenuCommand } from '../../../../main/core/app/menu-commands';
import { drawBadge, halveBitmap, type Bitmap } from '../../../../main/core/desktop/badge';
import { DesktopChrome } from '../../../../main/core/desktop/chrome';
import { trayModel, type TrayContext } from '../../../../main/core/desktop/tray-model';
import { ElectronDesktop } from '../../../../main/electron/desktop';
import { AppTray } from '../../../../main/electron/tray';
import { ManualClock } from '../../../fakes/clock';
import { recordingTable } from '../../../fakes/commands';
import { createFakeElectron, FakeNativeImage, type FakeElectron, type FakeTray } from '../../../fakes/electron';
import { createFakeElectronModule } from '../../../fakes/electron-module';
import { MemoryLogger } from '../../../fakes/logger';
import { stateOf } from '../../../fakes/state';
import { byLabel, click } from './support';
import { decodePng, toBitmap } from './png';

const ASSETS_DIR = '/opt/wasl/assets';
const ICON = '/opt/wasl/assets/tray/tray.png';
const TEMPLATE = '/opt/wasl/assets/tray/trayTemplate.png';
const ASSETS = path.resolve(import.meta.dirname, '../../../../assets/tray');
const asset = (file: string): Bitmap => toBitmap(decodePng(readFileSync(path.join(ASSETS, file))));
const ICON_1X = asset('tray.png');
const ICON_2X = asset('tray@2x.png');

const SERVICES: ServiceConfig[] = [
  { id: 'wa', platform: 'whatsapp', name: 'WhatsApp', enabled: true, muted: false, callsAllowed: false },
  { id: 'shop', platform: 'telegram', name: 'Shop & Co', enabled: true, muted: false, callsAllowed: false },
];
const unread = (id: string, title: string, serviceId = 'wa'): NotificationRecord => ({ id, serviceId, title, at: 0, read: false });

interface Harness {
  fake: FakeElectron;
  tray: AppTray;
  native: FakeTray;
  log: MemoryLogger;
  dispatched: MenuCommand[];
  /** The tray's current context menu template. */
  items(): MenuItemConstructorOptions[];
  /** Shows the tray model of this state (over two services) and context (English, 0 unread, window shown). */
  show(parts?: Partial<AppState>, context?: Partial<TrayContext>): void;
}

function setup(options: { os?: HostOs; icons?: boolean } = {}): Harness {
  const fake = createFakeElectron();
  const os = options.os ?? 'linux';
  if (options.icons ?? true) {
    fake.imageFiles.set(ICON, ICON_1X);
    fake.imageFiles.set(ICON.replace('.png', '@2x.png'), ICON_2X);
  }
  const log = new MemoryLogger();
  const dispatched: MenuCommand[] = [];
  const tray = new AppTray({ electron: fake, os, assetsDir: ASSETS_DIR, log, dispatch: (command) => dispatched.push(command) });
  const native = fake.trays[0];
  if (!native) throw new Error('no tray');
  return {
    fake,
    tray,
    native,
    log,
    dispatched,
    items: () => {
      if (!native.menu) throw new Error('no menu yet');
      return native.menu.template;
    },
    show: (parts = {}, context = {}) => {
      tray.show(trayModel(stateOf({ services: SERVICES, ...parts }), { language: 'en', digits: 'auto', calendar: 'gregory', now: 0, total: 0, windowShown: true, ...context }));
    },
  };
}

/** The image the tray shows now, as the fake nativeImage made it. */
function image(h: Harness): FakeNativeImage {
  const shown = h.native.image;
  if (!(shown instanceof FakeNativeImage)) throw new Error(`the tray shows ${typeof shown === 'string' ? shown : 'an image it did not make'}`);
  return shown;
}

describe('AppTray: the icon', () => {
  it('creates one tray icon from the tray file of the OS', () => {
    const h = setup();
    expect(h.fake.trays).toHaveLength(1);
    expect(h.native.iconPath).toBe(ICON);
    expect(setup({ os: 'darwin' }).native.iconPath).toBe(TEMPLATE);
  });

  it('draws the badge into the 32 px icon and its @2x on Linux, and the plain icon at 0', () => {
    const h = setup();
    h.show({}, { total: 7 });
    const shown = image(h);
    expect(shown.origin).toBe('bitmap');
    expect(shown.reps.map((r) => [r.scale, r.width, r.height])).toEqual([
      [1, 32, 32],
      [2, 64, 64],
    ]);
    expect(shown.reps[0]?.data).toEqual(drawBadge(ICON_1X, 7).data);
    expect(shown.reps[1]?.data).toEqual(drawBadge(ICON_2X, 7).data);
    expect(shown.getSize()).toEqual({ width: 32, height: 32 });
    h.show({}, { total: 0 });
    expect(image(h).reps[0]?.data).toEqual(ICON_1X.data);
    expect(image(h).reps[1]?.data).toEqual(ICON_2X.data);
    expect(h.native.title).toBe('');
  });

  it('draws on a 16 px icon (and its 32 px @2x) on Windows, where the notification area is 16 px', () => {
    const h = setup({ os: 'win32' });
    h.show({}, { total: 150 });
    const shown = image(h);
    expect(shown.reps.map((r) => [r.scale, r.width])).toEqual([
      [1, 16],
      [2, 32],
    ]);
    expect(shown.getSize()).toEqual({ width: 16, height: 16 });
    expect(shown.reps[0]?.data).toEqual(drawBadge(halveBitmap(ICON_1X), 150).data);
    expect(shown.reps[1]?.data).toEqual(drawBadge(halveBitmap(ICON_2X), 150).data);
  });

  it('makes a new image only when the total changes', () => {
    const h = setup();
    h.show({}, { total: 2 });
    const first = image(h);
    h.show({ notifications: [unread('n1', 'Omar')] }, { total: 2 });
    expect(image(h)).toBe(first);
    h.show({}, { total: 3 });
    expect(image(h)).not.toBe(first);
  });

  it('keeps the template icon on macOS and shows the count as the menu-bar title', () => {
    const h = setup({ os: 'darwin' });
    h.show({}, { total: 12 });
    expect(h.native.image).toBe(TEMPLATE);
    expect(h.native.title).toBe('12');
    h.show({}, { total: 150 });
    expect(h.native.title).toBe('150');
    h.show({}, { total: 0 });
    expect(h.native.title).toBe('');
    expect(h.native.image).toBe(TEMPLATE);
  });

  it('writes the menu-bar count in the digits the settings choose, and again when only they change', () => {
    const h = setup({ os: 'darwin' });
    h.show({}, { total: 3, language: 'ar', digits: 'latn' });
    expect(h.native.title).toBe('3');
    h.show({}, { total: 3, language: 'ar', digits: 'arab' });
    expect(h.native.title).toBe('٣');
    h.show({}, { total: 1234, language: 'en', digits: 'arab' });
    expect(h.native.title).toBe('١٬٢٣٤');
  });

  it('leaves the icon plain, saying so once, when the icon file cannot be read', () => {
    const h = setup({ icons: false });
    h.show({}, { total: 4 });
    h.show({}, { total: 5 });
    expect(h.native.image).toBe(ICON);
    expect(h.native.tooltip).toBe('Wasl — 5 unread');
    expect(h.log.count('warn', 'could not read the tray icon; the unread count is not drawn on it')).toBe(1);
  });

  it('shows the model’s tooltip', () => {
    const h = setup();
    h.show();
    expect(h.native.tooltip).toBe('Wasl');
    h.show({}, { total: 5, language: 'ar' });
    expect(h.native.tooltip).toBe(`وصل — ${new Intl.NumberFormat('ar').format(5)} رسائل غير مقروءة`);
  });

  it('dispatches the model’s command when the icon is clicked, and nothing before a model is shown', () => {
    const h = setup();
    h.native.emit('click');
    expect(h.dispatched).toEqual([]);
    h.show();
    h.native.emit('click');
    expect(h.dispatched).toEqual([{ type: 'window.toggle' }]);
  });

  it('destroys the native tray', () => {
    const h = setup();
    h.tray.destroy();
    expect(h.native.destroyed).toBe(true);
  });
});

describe('AppTray: the menu', () => {
  it('shows the model’s items; a click dispatches the item’s command', () => {
    const h = setup();
    h.show({ notifications: [unread('n1', 'أحمد'), unread('n2', 'Omar', 'shop')] });
    expect(h.items().map((i) => (i.type === 'separator' ? '---' : i.label)).slice(0, 6)).toEqual([
      'Hide Wasl',
      '---',
      '\u2068Omar\u2069 — \u2068Shop && Co\u2069',
      '\u2068أحمد\u2069 — \u2068WhatsApp\u2069',
      'Open Next Unread Chat',
      'Mark All as Read',
    ]);
    click(h.items()[3]);
    click(byLabel(h.items(), 'Open Next Unread Chat'));
    click(byLabel(h.items(), 'Mark All as Read'));
    click(byLabel(h.items(), 'Quit Wasl'));
    expect(h.dispatched).toEqual([
      { type: 'notifications.open', id: 'n1' },
      { type: 'app.show', action: 'next-unread' },
      { type: 'notifications.read' },
      { type: 'app.quit' },
    ]);
  });

  it('keeps a literal & in a title, shortened or not (Electron would take it for a mnemonic)', () => {
    const h = setup();
    h.show({ notifications: [unread('n0', `Tom & Jerry ${'x'.repeat(80)}`, 'shop')] });
    const [title = '', serviceName] = (h.items().find((i) => i.id === 'notification:n0')?.label ?? '').split(' — ');
    expect(serviceName).toBe('\u2068Shop && Co\u2069');
    // 47 characters of the title, then an ellipsis: 48 in all.
    expect(title).toBe(`\u2068Tom && Jerry ${'x'.repeat(47 - 'Tom & Jerry '.length)}…\u2069`);
  });

  it('rebuilds the menu only when something in it changed', () => {
    const h = setup();
    h.show({}, { total: 3 });
    const built = h.native.menusSet;
    h.show({}, { total: 4 });
    h.show({}, { total: 4 });
    expect(h.native.menusSet).toBe(built);
    h.show({ notifications: [unread('n1', 'Omar')] }, { total: 4 });
    expect(h.native.menusSet).toBe(built + 1);
  });
});

describe('the tray on the desktop', () => {
  /** The tray, the presenter, the window and main's app commands over the fake Electron, as main/index.ts wires them. */
  function desktop(visible: boolean) {
    const fake = createFakeElectronModule();
    new fake.BrowserWindow({});
    const win = fake.windows[0];
    if (!win) throw new Error('no window');
    win.visible = visible;
    const clock = new ManualClock();
    const store = createAppStore(stateOf({ services: SERVICES }));
    const electronDesktop = new ElectronDesktop({ app: fake.app, shell: fake.shell, window: win, projectUrl: 'https://example.com/wasl', launchDemo: () => undefined });
    const recorded = recordingTable(clock);
    const table = { ...recorded.table, ...appCommandTable({ desktop: electronDesktop, services: { activateIndex: () => undefined, activateRelative: () => undefined, command: () => Promise.resolve({ ok: true }) }, clock }) };
    const run = (command: MenuCommand): void => void dispatchMenuCommand(command, table, () => false);
    const chrome = new DesktopChrome({
      store,
      clock,
      os: 'linux',
      locale: () => ({ language: 'en', digits: 'auto', calendar: 'gregory' }),
      chatsOf: () => undefined,
      memoryKiB: () => 0,
      window: electronDesktop,
      tray: new AppTray({ electron: fake, os: 'linux', assetsDir: '/fake/app/assets', log: new MemoryLogger(), dispatch: run }),
      badge: { show: () => undefined },
      menu: { show: () => undefined },
    });
    chrome.start();
    const native = fake.trays[0];
    if (!native) throw new Error('no tray');
    const first = (): MenuItemConstructorOptions | undefined => native.menu?.template[0];
    return { fake, win, native, first };
  }

  it('says Show when the window is hidden or minimized, Hide when it is visible, and follows the window', () => {
    const d = desktop(false);
    expect(d.first()?.label).toBe('Show Wasl');
    d.win.show();
    expect(d.first()?.label).toBe('Hide Wasl');
    d.win.minimize();
    expect(d.first()?.label).toBe('Show Wasl');
    click(d.first());
    expect(d.win.minimized).toBe(false);
    expect(d.win.visible).toBe(true);
    expect(d.first()?.label).toBe('Hide Wasl');
  });

  it('toggles the window when the tray icon is clicked', () => {
    const d = desktop(true);
    d.native.emit('click');
    expect(d.win.visible).toBe(false);
    expect(d.first()?.label).toBe('Show Wasl');
    d.native.emit('click');
    expect(d.win.visible).toBe(true);
    d.win.minimized = true;
    d.native.emit('click');
    expect(d.win.visible).toBe(true);
    expect(d.win.minimized).toBe(false);
  });

  it('quits from Quit, leaving the window as it is', () => {
    const d = desktop(true);
    click(byLabel(d.native.menu?.template ?? [], 'Quit Wasl'));
    expect(d.fake.app.quitCalls).toBe(1);
    expect(d.win.visible).toBe(true);
  });
});
