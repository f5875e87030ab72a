import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../common/settings';
import type { HostOs } from '../../../common/state';
import { drawBadge, halveBitmap, type Bitmap } from '../../../main/core/desktop/badge';
import { FOREVER, HOUR_MS, nextMorning } from '../../../common/dnd';
import type { UnreadNotification } from '../../../main/core/notifications/unread';
import { AppTray, type TrayCommand, type TrayView } from '../../../main/electron/tray';
import { formatCount, formatDayTime, formatTime, mainStrings } from '../../../main/i18n';
import { ManualClock } from '../../fakes/clock';
import { createFakeElectron, FakeNativeImage, type FakeElectron, type FakeTray, type FakeWindow } from '../../fakes/electron';
import { MemoryLogger } from '../../fakes/logger';
import { byLabel, click, submenuOf } from './support';
import { decodePng, toBitmap } from './png';

const ICON = '/opt/wasl/assets/tray/tray.png';
const TEMPLATE = '/opt/wasl/assets/tray/trayTemplate.png';
const ASSETS = path.resolve(import.meta.dirname, '../../../assets/tray');
const asset = (file: string): Bitmap => toBitmap(decodePng(readFileSync(path.join(ASSETS, file))));
const ICON_1X = asset('tray.png');
const ICON_2X = asset('tray@2x.png');

interface Harness {
  fake: FakeElectron;
  win: FakeWindow;
  tray: AppTray;
  native: FakeTray;
  clock: ManualClock;
  log: MemoryLogger;
  commands: TrayCommand[];
  quits: number;
  /** The tray's current context menu template. */
  items(): MenuItemConstructorOptions[];
  /** Shows this view (over English, 0 unread, default notification settings). */
  show(view?: Partial<TrayView>): void;
}

function setup(options: { visible?: boolean; os?: HostOs; icons?: boolean } = {}): Harness {
  const fake = createFakeElectron();
  const os = options.os ?? 'linux';
  if (options.icons ?? true) {
    fake.imageFiles.set(ICON, ICON_1X);
    fake.imageFiles.set(ICON.replace('.png', '@2x.png'), ICON_2X);
  }
  new fake.BrowserWindow({});
  const win = fake.windows[0];
  if (!win) throw new Error('no window');
  win.visible = options.visible ?? true;
  const clock = new ManualClock(new Date(2026, 10, 21, 9, 0, 0).getTime());
  const log = new MemoryLogger();
  const commands: TrayCommand[] = [];
  const h: Harness = {
    fake,
    win,
    clock,
    log,
    commands,
    quits: 0,
    tray: undefined as unknown as AppTray,
    native: undefined as unknown as FakeTray,
    items: () => {
      if (!h.native.menu) throw new Error('no menu yet');
      return h.native.menu.template;
    },
    show: (view = {}) => {
      h.tray.update({ language: 'en', total: 0, unread: [], notifications: DEFAULT_SETTINGS.notifications, ...view });
    },
  };
  h.tray = new AppTray({
    electron: fake,
    os,
    iconPath: os === 'darwin' ? TEMPLATE : ICON,
    window: win,
    clock,
    log,
    dispatch: (command) => commands.push(command),
    onQuit: () => {
      h.quits += 1;
    },
  });
  const native = fake.trays[0];
  if (!native) throw new Error('no tray');
  h.native = native;
  return h;
}

const labels = (items: MenuItemConstructorOptions[]): (string | undefined)[] => items.map((i) => (i.type === 'separator' ? '---' : i.label));
const dnd = (h: Harness): MenuItemConstructorOptions[] => submenuOf(byLabel(h.items(), 'Do Not Disturb'));
const notification = (id: string, title: string, serviceName = 'WhatsApp'): UnreadNotification => ({ id, title, serviceName });
const isolated = (text: string): string => `\u2068${text}\u2069`;

/** The image the tray shows now, as the fake nativeImage made it. */
function image(h: Harness): FakeNativeImage {
  const shown = h.native.image;
  if (!(shown instanceof FakeNativeImage)) throw new Error(`the tray shows ${typeof shown === 'string' ? shown : 'an image it did not make'}`);
  return shown;
}

describe('AppTray: window and quit', () => {
  it('creates one tray icon from the given file', () => {
    const h = setup();
    expect(h.fake.trays).toHaveLength(1);
    expect(h.native.iconPath).toBe(ICON);
  });

  it('builds the menu in English and in Arabic', () => {
    const h = setup();
    h.show();
    expect(labels(h.items())).toEqual(['Hide Wasl', '---', 'No new notifications', 'Mark All as Read', '---', 'Do Not Disturb', '---', 'Quit Wasl']);
    h.show({ language: 'ar' });
    expect(labels(h.items())).toEqual(['إخفاء وصل', '---', 'لا إشعارات جديدة', 'تعليم الكل كمقروء', '---', 'عدم الإزعاج', '---', 'إنهاء وصل']);
    expect(h.native.tooltip).toBe('وصل');
  });

  it('says Show when the window is hidden or minimized, Hide when it is visible, and follows the window', () => {
    const h = setup({ visible: false });
    h.show();
    expect(h.items()[0]?.label).toBe('Show Wasl');
    h.win.show();
    expect(h.items()[0]?.label).toBe('Hide Wasl');
    h.win.minimize();
    expect(h.items()[0]?.label).toBe('Show Wasl');
    click(h.items()[0]);
    expect(h.win.minimized).toBe(false);
    expect(h.win.visible).toBe(true);
    expect(h.items()[0]?.label).toBe('Hide Wasl');
  });

  it('toggles the window when the tray icon is clicked', () => {
    const h = setup();
    h.show();
    h.native.emit('click');
    expect(h.win.visible).toBe(false);
    expect(h.items()[0]?.label).toBe('Show Wasl');
    h.native.emit('click');
    expect(h.win.visible).toBe(true);
    h.win.minimized = true;
    h.native.emit('click');
    expect(h.win.visible).toBe(true);
    expect(h.win.minimized).toBe(false);
  });

  it('calls onQuit from the Quit item, and nothing else', () => {
    const h = setup();
    h.show({ language: 'ar' });
    click(byLabel(h.items(), 'إنهاء وصل'));
    expect(h.quits).toBe(1);
    expect(h.win.visible).toBe(true);
    expect(h.fake.app.quitCalls).toBe(0);
    expect(h.commands).toEqual([]);
  });

  it('rebuilds the menu only when something in it changed', () => {
    const h = setup();
    h.show({ total: 3 });
    const built = h.native.menusSet;
    h.show({ total: 4 });
    h.show({ total: 4 });
    expect(h.native.menusSet).toBe(built);
    h.show({ total: 4, unread: [notification('n1', 'Omar')] });
    expect(h.native.menusSet).toBe(built + 1);
  });

  it('destroys the native tray', () => {
    const h = setup();
    h.tray.destroy();
    expect(h.native.destroyed).toBe(true);
  });
});

describe('AppTray: the unread total', () => {
  it('says the total in the tooltip, in English and Arabic, and just the name at 0', () => {
    const h = setup();
    h.show();
    expect(h.native.tooltip).toBe('Wasl');
    h.show({ total: 5 });
    expect(h.native.tooltip).toBe('Wasl — 5 unread');
    h.show({ total: 1234, language: 'ar' });
    expect(h.native.tooltip).toBe(`وصل — غير المقروءة: ${formatCount('ar', 1234)}`);
  });

  it('draws the badge into the 32 px icon and its @2x on Linux, and the plain icon at 0', () => {
    const h = setup();
    h.show({ total: 7 });
    const shown = image(h);
    expect(shown.origin).toBe('bitmap');
    expect(shown.reps.map((r) => [r.scale, r.width, r.height])).toEqual([
      [1, 32, 32],
      [2, 64, 64],
    ]);
    expect(shown.reps[0]?.data).toEqual(drawBadge(ICON_1X, 7).data);
    expect(shown.reps[1]?.data).toEqual(drawBadge(ICON_2X, 7).data);
    expect(shown.getSize()).toEqual({ width: 32, height: 32 });
    h.show({ total: 0 });
    expect(image(h).reps[0]?.data).toEqual(ICON_1X.data);
    expect(image(h).reps[1]?.data).toEqual(ICON_2X.data);
    expect(h.native.title).toBe('');
  });

  it('draws on a 16 px icon (and its 32 px @2x) on Windows, where the notification area is 16 px', () => {
    const h = setup({ os: 'win32' });
    h.show({ total: 150 });
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
    h.show({ total: 2 });
    const first = image(h);
    h.show({ total: 2, unread: [notification('n1', 'Omar')] });
    expect(image(h)).toBe(first);
    h.show({ total: 3 });
    expect(image(h)).not.toBe(first);
  });

  it('keeps the template icon on macOS and shows the count as the menu-bar title', () => {
    const h = setup({ os: 'darwin' });
    h.show({ total: 12 });
    expect(h.native.image).toBe(TEMPLATE);
    expect(h.native.title).toBe('12');
    h.show({ total: 150 });
    expect(h.native.title).toBe('150');
    h.show({ total: 0 });
    expect(h.native.title).toBe('');
    expect(h.native.image).toBe(TEMPLATE);
  });

  it('leaves the icon plain, saying so once, when the icon file cannot be read', () => {
    const h = setup({ icons: false });
    h.show({ total: 4 });
    h.show({ total: 5 });
    expect(h.native.image).toBe(ICON);
    expect(h.native.tooltip).toBe('Wasl — 5 unread');
    expect(h.log.count('warn', 'could not read the tray icon; the unread count is not drawn on it')).toBe(1);
  });
});

describe('AppTray: unread notifications', () => {
  it('lists them as "title — service", and a click opens that one', () => {
    const h = setup();
    h.show({ unread: [notification('n2', 'Omar', 'Telegram'), notification('n1', 'أحمد')] });
    const items = h.items();
    expect(labels(items).slice(2, 5)).toEqual([`${isolated('Omar')} — ${isolated('Telegram')}`, `${isolated('أحمد')} — ${isolated('WhatsApp')}`, 'Mark All as Read']);
    click(items[3]);
    expect(h.commands).toEqual([{ type: 'notifications.open', id: 'n1' }]);
  });

  it('in private mode names the service only, as the pop-ups do, and still opens the chat', () => {
    const h = setup();
    h.show({ unread: [notification('n1', 'Omar: the red dress, size M?', 'Telegram')], notifications: { ...DEFAULT_SETTINGS.notifications, privateMode: true } });
    const items = h.items();
    expect(labels(items)[2]).toBe(`${isolated('New message')} — ${isolated('Telegram')}`);
    expect(JSON.stringify(items)).not.toContain('Omar');
    click(items[2]);
    expect(h.commands).toEqual([{ type: 'notifications.open', id: 'n1' }]);
  });

  it('lists five at most, shortens long titles and keeps a literal &', () => {
    const h = setup();
    const unread = Array.from({ length: 7 }, (_, i) => notification(`n${i}`, i === 0 ? `Tom & Jerry ${'x'.repeat(80)}` : `Chat ${i}`, 'Shop & Co'));
    h.show({ unread });
    const listed = h.items().filter((i) => i.id?.startsWith('notification:'));
    expect(listed.map((i) => i.id)).toEqual(['notification:n0', 'notification:n1', 'notification:n2', 'notification:n3', 'notification:n4']);
    const [title = '', serviceName] = (listed[0]?.label ?? '').split(' — ');
    expect(serviceName).toBe(isolated('Shop && Co'));
    // 47 characters of the title, then an ellipsis: 48 in all.
    expect(title).toBe(isolated(`Tom && Jerry ${'x'.repeat(47 - 'Tom & Jerry '.length)}…`));
  });

  it('shortens by characters as the reader sees them, never splitting an emoji or a letter from its marks', () => {
    const h = setup();
    h.show({ unread: [notification('e', '👍🏽'.repeat(60), 'Instagram'), notification('a', 'سَلامٌ '.repeat(12).trim())] });
    const [emoji = '', arabic = ''] = h.items().filter((i) => i.id?.startsWith('notification:')).map((i) => (i.label ?? '').split(' — ')[0] ?? '');
    expect(emoji).toBe(isolated(`${'👍🏽'.repeat(47)}…`));
    const segments = (text: string) => Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text.replace(/[\u2068\u2069]/g, '')), (s) => s.segment);
    expect(segments(arabic)).toHaveLength(48);
    expect(segments(arabic).every((g) => g === '…' || g === ' ' || /^[\u0621-\u064a][\u064b-\u0652]*$/u.test(g))).toBe(true);
  });

  it('marks all read from the menu, an item disabled when nothing is unread', () => {
    const h = setup();
    h.show();
    expect(byLabel(h.items(), 'Mark All as Read')?.enabled).toBe(false);
    expect(byLabel(h.items(), 'No new notifications')?.enabled).toBe(false);
    h.show({ unread: [notification('n1', 'Omar')] });
    expect(byLabel(h.items(), 'Mark All as Read')?.enabled).toBe(true);
    click(byLabel(h.items(), 'Mark All as Read'));
    expect(h.commands).toEqual([{ type: 'notifications.read' }]);
  });
});

describe('AppTray: do not disturb', () => {
  it('offers Off, On, For 1 Hour, Until Tomorrow and quiet hours, Off checked by default', () => {
    const h = setup();
    h.show();
    const items = dnd(h);
    expect(labels(items)).toEqual(['Off', 'On, Until I Turn It Off', 'For 1 Hour', `Until Tomorrow (${formatTime('en', new Date(2000, 0, 1, 8, 0))})`, '---', 'Quiet Hours (22:00–08:00)']);
    expect(items.map((i) => [i.type, i.checked])).toEqual([
      ['radio', true],
      ['radio', false],
      ['radio', false],
      ['radio', false],
      ['separator', undefined],
      ['checkbox', false],
    ]);
  });

  it('sends the end of do-not-disturb the user picked, computed when picked', () => {
    const h = setup();
    h.show();
    h.clock.advance(5 * 60_000);
    const now = h.clock.now();
    click(byLabel(dnd(h), 'On, Until I Turn It Off'));
    click(byLabel(dnd(h), 'For 1 Hour'));
    click(dnd(h).find((i) => i.id === 'dnd:morning'));
    click(byLabel(dnd(h), 'Off'));
    expect(h.commands).toEqual([
      { type: 'settings.set', notifications: { dndUntil: FOREVER } },
      { type: 'settings.set', notifications: { dndUntil: now + HOUR_MS } },
      { type: 'settings.set', notifications: { dndUntil: nextMorning(new Date(now)) } },
      { type: 'settings.set', notifications: { dndUntil: null } },
    ]);
  });

  it('checks what the settings say, shows until when, and goes back to Off when the time is up', () => {
    const h = setup();
    const until = h.clock.now() + HOUR_MS;
    h.show({ notifications: { ...DEFAULT_SETTINGS.notifications, dndUntil: until } });
    expect(labels(dnd(h))[0]).toBe(`On until ${formatTime('en', new Date(until))}`);
    expect(dnd(h)[0]?.enabled).toBe(false);
    expect(byLabel(dnd(h), 'For 1 Hour')?.checked).toBe(true);
    h.show({ notifications: { ...DEFAULT_SETTINGS.notifications, dndUntil: nextMorning(new Date(h.clock.now())) } });
    expect(dnd(h).find((i) => i.id === 'dnd:morning')?.checked).toBe(true);
    h.show({ notifications: { ...DEFAULT_SETTINGS.notifications, dndUntil: until } });
    h.clock.advance(HOUR_MS + 1);
    expect(byLabel(dnd(h), 'Off')?.checked).toBe(true);
    expect(labels(dnd(h))[0]).toBe('Off');
  });

  it('checks On without an end time when do-not-disturb has no end', () => {
    const h = setup();
    h.show({ notifications: { ...DEFAULT_SETTINGS.notifications, dndUntil: FOREVER } });
    expect(byLabel(dnd(h), 'On, Until I Turn It Off')?.checked).toBe(true);
    expect(labels(dnd(h))[0]).toBe('Off');
    h.clock.advance(400 * 24 * HOUR_MS);
    expect(byLabel(dnd(h), 'On, Until I Turn It Off')?.checked).toBe(true);
  });

  it('treats a past end as off', () => {
    const h = setup();
    h.show({ notifications: { ...DEFAULT_SETTINGS.notifications, dndUntil: h.clock.now() - 1 } });
    expect(byLabel(dnd(h), 'Off')?.checked).toBe(true);
  });

  it('turns quiet hours on and off, keeping their times', () => {
    const h = setup();
    const quietHours = { enabled: true, from: '23:00', to: '07:30' };
    h.show({ notifications: { ...DEFAULT_SETTINGS.notifications, quietHours } });
    const item = byLabel(dnd(h), 'Quiet Hours (23:00–07:30)');
    expect(item?.checked).toBe(true);
    click(item);
    expect(h.commands).toEqual([{ type: 'settings.set', notifications: { quietHours: { ...quietHours, enabled: false } } }]);
  });

  it('speaks Arabic too', () => {
    const h = setup();
    h.show({ language: 'ar' });
    expect(labels(submenuOf(byLabel(h.items(), 'عدم الإزعاج')))).toEqual([
      'إيقاف',
      'تشغيل حتى أوقفه',
      'لمدة ساعة',
      `حتى الغد (${formatTime('ar', new Date(2000, 0, 1, 8, 0))})`,
      '---',
      'ساعات الهدوء (22:00–08:00)',
    ]);
    expect(mainStrings('ar').markAllRead).toBe('تعليم الكل كمقروء');
  });
});

describe('AppTray: business hours', () => {
  it('says the shop is away and when it opens, today by time and another day with its weekday', () => {
    const h = setup();
    // The clock reads Saturday 09:00.
    h.show({ away: { opens: new Date(2026, 10, 21, 10, 0).getTime() } });
    expect(labels(h.items()).slice(0, 4)).toEqual(['Hide Wasl', '---', `Away — Opens ${formatTime('en', new Date(2026, 10, 21, 10, 0))}`, '---']);
    expect(h.items().find((i) => i.id === 'away')?.enabled).toBe(false);
    h.show({ away: { opens: new Date(2026, 10, 23, 9, 0).getTime() } });
    expect(h.items().find((i) => i.id === 'away')?.label).toBe(`Away — Opens ${formatDayTime('en', new Date(2026, 10, 23, 9, 0), new Date(2026, 10, 21, 9, 0))}`);
    expect(h.items().find((i) => i.id === 'away')?.label).toMatch(/^Away — Opens Mon/u);
    h.show({ away: { opens: null }, language: 'ar' });
    expect(h.items().find((i) => i.id === 'away')?.label).toBe('خارج ساعات العمل');
    h.show();
    expect(h.items().find((i) => i.id === 'away')).toBeUndefined();
  });
});

describe('AppTray: updates', () => {
  it('offers Restart to Update once an update is downloaded; a click sends the install command', () => {
    const h = setup();
    h.show();
    expect(h.items().find((i) => i.id === 'update')).toBeUndefined();
    h.show({ updateReady: true });
    const item = byLabel(h.items(), 'Restart to Update');
    expect(h.items().indexOf(item ?? {})).toBe(1);
    expect(h.commands).toEqual([]);
    click(item);
    expect(h.commands).toEqual([{ type: 'update.install' }]);
    h.show({ updateReady: true, language: 'ar' });
    expect(byLabel(h.items(), 'إعادة التشغيل للتحديث')).toBeDefined();
  });
});
