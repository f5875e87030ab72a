/**
 * The desktop's chrome as data (main/core/desktop): the tray's model, the badge's, the application menu's, and
 * DesktopChrome keeping them showing what the state, the window, the clock and the memory samples say.
 */
import { describe, expect, it } from 'vitest';
import { FOREVER, HOUR_MS, nextMorning } from '../../../../../common/dnd';
import type { NotificationRecord, ServiceConfig } from '../../../../../common/model';
import type { DayHours } from '../../../../../common/shop/model';
import { DEFAULT_SETTINGS } from '../../../../../common/settings';
import { initialRuntime, type AppState } from '../../../../../common/state';
import { createAppStore } from '../../../../../main/core/app/app-store';
import { appMenuModel, type MenuItemModel } from '../../../../../main/core/desktop/app-menu';
import { DesktopChrome, MEMORY_SAMPLE_MS } from '../../../../../main/core/desktop/chrome';
import { badgeModel, trayModel, type BadgeModel, type TrayContext, type TrayModel } from '../../../../../main/core/desktop/tray-model';
import { mainLocale, mainStrings, type MainLocale } from '../../../../../main/i18n';
import { formatDayTime, formatTime } from '../../../../../main/i18n/format';
import { ManualClock } from '../../../../fakes/clock';
import { stateOf } from '../../../../fakes/state';

/** Saturday 21 November 2026, 09:00 local time. */
const SATURDAY_9 = new Date(2026, 10, 21, 9, 0, 0).getTime();
const en = mainStrings('en');
const ENGLISH: MainLocale = { language: 'en', digits: 'auto', calendar: 'gregory' };
const ARABIC: MainLocale = { ...ENGLISH, language: 'ar' };
/** A number as Arabic text writes it here (Arabic-Indic or Latin digits, as the platform's Intl data says). */
const arabic = (n: number): string => new Intl.NumberFormat('ar').format(n);
const isolated = (text: string): string => `\u2068${text}\u2069`;

const service = (id: string, name: string, extra: Partial<ServiceConfig> = {}): ServiceConfig => ({
  id,
  platform: 'whatsapp',
  name,
  enabled: true,
  muted: false,
  callsAllowed: false,
  ...extra,
});
const SERVICES = [service('wa', 'WhatsApp'), service('tg', 'Telegram', { platform: 'telegram' })];

/** Unread notifications, oldest first (as the store keeps them). */
const records = (...items: [id: string, title: string, serviceId?: string][]): NotificationRecord[] =>
  items.map(([id, title, serviceId = 'wa'], i) => ({ id, serviceId, title, at: SATURDAY_9 - 1000 * (items.length - i), read: false }));

/** Open every day from 10:00 to 18:00. */
const TEN_TO_SIX: DayHours[] = Array.from({ length: 7 }, () => ({ open: true, from: '10:00', to: '18:00' }));
const withHours = (hours: DayHours[]): AppState['settings'] => ({ ...DEFAULT_SETTINGS, shop: { ...DEFAULT_SETTINGS.shop, hoursEnabled: true, hours } });

const tray = (parts: Partial<AppState> = {}, context: Partial<TrayContext> = {}): TrayModel =>
  trayModel(stateOf({ services: SERVICES, ...parts }), { ...ENGLISH, now: SATURDAY_9, total: 0, windowShown: true, ...context });

const labels = (items: readonly MenuItemModel[]): (string | undefined)[] => items.map((i) => (i.type === 'separator' ? '---' : i.label));
const byLabel = (items: readonly MenuItemModel[], label: string): MenuItemModel | undefined => items.find((i) => i.label === label);
const submenu = (items: readonly MenuItemModel[], label: string): MenuItemModel[] => byLabel(items, label)?.submenu ?? [];
const dnd = (model: TrayModel): MenuItemModel[] => submenu(model.items, 'Do Not Disturb');
const listed = (model: TrayModel): MenuItemModel[] => model.items.filter((i) => i.id?.startsWith('notification:') === true);

describe('trayModel', () => {
  it('builds the menu in English and in Arabic, Show or Hide as the window is', () => {
    expect(labels(tray().items)).toEqual(['Hide Wasl', '---', 'No new notifications', 'Open Next Unread Chat', 'Mark All as Read', '---', 'Do Not Disturb', '---', 'Quit Wasl']);
    expect(labels(tray({}, { language: 'ar', windowShown: false }).items)).toEqual([
      'إظهار وصل',
      '---',
      'لا إشعارات جديدة',
      'فتح المحادثة غير المقروءة التالية',
      'تعليم الكل كمقروء',
      '---',
      'عدم الإزعاج',
      '---',
      'إنهاء وصل',
    ]);
  });

  it('gives each item the command that does what it says, and the icon the window toggle', () => {
    const model = tray({ notifications: records(['n1', 'Omar']) });
    expect(model.click).toEqual({ type: 'window.toggle' });
    expect(byLabel(model.items, 'Hide Wasl')?.command).toEqual({ type: 'window.toggle' });
    expect(listed(model)[0]?.command).toEqual({ type: 'notifications.open', id: 'n1' });
    expect(byLabel(model.items, 'Mark All as Read')).toMatchObject({ enabled: true, command: { type: 'notifications.read' } });
    // The shell opens the chat of the customer who has waited longest, on any platform.
    expect(byLabel(model.items, 'Open Next Unread Chat')?.command).toEqual({ type: 'app.show', action: 'next-unread' });
    expect(byLabel(model.items, en.quit)?.command).toEqual({ type: 'app.quit' });
  });

  it('says the total in the tooltip, with the memory Wasl uses once sampled', () => {
    expect(tray().tooltip).toBe('Wasl');
    expect(tray({}, { total: 5 }).tooltip).toBe('Wasl — 5 unread');
    expect(tray({}, { total: 5, memoryKiB: 812 * 1024 }).tooltip).toBe('Wasl — 5 unread · 812 MB');
    expect(tray({}, { total: 1234, language: 'ar' }).tooltip).toBe(`وصل — ${arabic(1234)} رسالة غير مقروءة`);
  });

  it('lists the newest unread notifications as "title — service", five at most', () => {
    const notifications = records(['n0', 'Chat 0'], ['n1', 'Chat 1', 'tg'], ['n2', 'Chat 2'], ['n3', 'Chat 3'], ['n4', 'Chat 4'], ['n5', 'Chat 5'], ['n6', 'Omar', 'tg']);
    const model = tray({ notifications });
    expect(listed(model).map((i) => i.id)).toEqual(['notification:n6', 'notification:n5', 'notification:n4', 'notification:n3', 'notification:n2']);
    expect(listed(model)[0]?.label).toBe(`${isolated('Omar')} — ${isolated('Telegram')}`);
    expect(byLabel(model.items, 'No new notifications')).toBeUndefined();
  });

  it('shortens long titles by characters as the reader sees them', () => {
    const model = tray({ notifications: records(['a', 'سَلامٌ '.repeat(12).trim()], ['e', '👍🏽'.repeat(60)]) });
    const [emoji = '', arabic = ''] = listed(model).map((i) => (i.label ?? '').split(' — ')[0] ?? '');
    expect(emoji).toBe(isolated(`${'👍🏽'.repeat(47)}…`));
    const segments = (text: string) => Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text.replace(/[\u2068\u2069]/g, '')), (s) => s.segment);
    expect(segments(arabic)).toHaveLength(48);
    expect(segments(arabic).every((g) => g === '…' || g === ' ' || /^[\u0621-\u064a][\u064b-\u0652]*$/u.test(g))).toBe(true);
  });

  it('in private mode names the service only, as the pop-ups do, and still opens the chat', () => {
    const settings = { ...DEFAULT_SETTINGS, notifications: { ...DEFAULT_SETTINGS.notifications, privateMode: true } };
    const model = tray({ settings, notifications: records(['n1', 'Omar: the red dress, size M?', 'tg']) });
    expect(listed(model).map((i) => [i.label, i.command])).toEqual([[`${isolated('New message')} — ${isolated('Telegram')}`, { type: 'notifications.open', id: 'n1' }]]);
    expect(JSON.stringify(model)).not.toContain('Omar');
  });

  it('while locked lists no notification and names no chat, and offers Lock Wasl only once unlocked', () => {
    const notifications = records(['r1', 'Layla Haddad']);
    const locked = tray({ notifications, lock: { set: true, locked: true, retryAt: null } }, { total: 3 });
    expect(JSON.stringify(locked)).not.toContain('Layla');
    expect(locked.items.find((i) => i.id === 'locked')).toMatchObject({ label: 'Wasl Is Locked', enabled: false });
    expect(byLabel(locked.items, 'Mark All as Read')?.enabled).toBe(false);
    expect(locked.items.find((i) => i.id === 'lock')).toBeUndefined();
    expect(locked.items.find((i) => i.id === 'next-unread')).toBeUndefined();

    const unlocked = tray({ notifications, lock: { set: true, locked: false, retryAt: null } });
    expect(JSON.stringify(unlocked)).toContain('Layla');
    expect(unlocked.items.find((i) => i.id === 'lock')).toMatchObject({ label: en.lockWasl, command: { type: 'lock.lock' } });
    expect(tray({ notifications }).items.find((i) => i.id === 'lock')).toBeUndefined();
  });

  it('offers Restart to Update, second, once an update is downloaded', () => {
    expect(tray().items.find((i) => i.id === 'update')).toBeUndefined();
    const model = tray({ update: { phase: 'ready', version: '1.4.0' } });
    expect(model.items[1]).toEqual({ id: 'update', label: 'Restart to Update', command: { type: 'update.install' } });
  });

  it('says the shop is away and when it opens: today by its time, another day with its weekday', () => {
    const today = tray({ settings: withHours(TEN_TO_SIX) });
    expect(labels(today.items).slice(0, 4)).toEqual(['Hide Wasl', '---', `Away — Opens ${formatTime(ENGLISH, new Date(2026, 10, 21, 10, 0))}`, '---']);
    expect(today.items.find((i) => i.id === 'away')?.enabled).toBe(false);
    expect(today.changesAt).toBe(new Date(2026, 10, 21, 10, 0).getTime());

    const weekdays = TEN_TO_SIX.map((day, i) => (i === 0 || i === 6 ? { ...day, open: false } : day));
    const monday = tray({ settings: withHours(weekdays) });
    const opens = new Date(2026, 10, 23, 10, 0);
    expect(monday.items.find((i) => i.id === 'away')?.label).toBe(`Away — Opens ${formatDayTime(ENGLISH, opens, new Date(SATURDAY_9))}`);
    expect(monday.items.find((i) => i.id === 'away')?.label).toMatch(/^Away — Opens Mon/u);

    const never = tray({ settings: withHours(TEN_TO_SIX.map((day) => ({ ...day, open: false }))) }, { language: 'ar' });
    expect(never.items.find((i) => i.id === 'away')?.label).toBe('خارج ساعات العمل');
    expect(never.changesAt).toBeNull();
    expect(tray().items.find((i) => i.id === 'away')).toBeUndefined();
  });

  it('says the date the shop opens after more than a week away, in the Hijri calendar when the settings choose it', () => {
    const holiday = { id: 'h', name: 'Holiday', from: '2026-11-21', to: '2026-12-05', hours: null };
    const settings = { ...withHours(TEN_TO_SIX), shop: { ...withHours(TEN_TO_SIX).shop, specialHours: [holiday] } };
    const away = (context: Partial<TrayContext>) => tray({ settings }, context).items.find((i) => i.id === 'away')?.label;
    expect(away({})).toBe('Away — Opens 6 Dec, 10:00');
    const hijri = new Intl.DateTimeFormat('en-GB-u-ca-islamic-umalqura', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(2026, 11, 6, 10, 0));
    expect(away({ calendar: 'hijri' })).toBe(`Away — Opens ${hijri}`);
    expect(hijri).not.toContain('Dec');
    expect(away({ calendar: 'both' })).toBe('Away — Opens 6 Dec, 10:00');
    expect(away({ calendar: 'hijri', digits: 'arab' })).toMatch(/^Away — Opens [٠-٩]+\u200E [^٠-٩]+, ١٠:٠٠$/u);
  });

  it('writes every count and time in the digits the settings choose, whatever the language', () => {
    const settings: AppState['settings'] = { ...DEFAULT_SETTINGS, notifications: { ...DEFAULT_SETTINGS.notifications, dndUntil: new Date(2026, 10, 21, 10, 0).getTime() } };
    const latin = tray({ settings }, { language: 'ar', digits: 'latn', total: 3, memoryKiB: 812 * 1024 });
    expect(latin.tooltip).toMatch(/^وصل — 3 رسائل غير مقروءة · 812 \S+$/u);
    expect(latin.totalText).toBe('3');
    expect(labels(submenu(latin.items, 'عدم الإزعاج'))).toEqual(['مفعّل حتى 10:00 ص', '---', 'إيقاف', 'تشغيل حتى أوقفه', 'لمدة ساعة', 'حتى الغد (08:00 ص)', '---', 'ساعات الهدوء (10:00 م–08:00 ص)']);

    const indic = tray({ settings }, { digits: 'arab', total: 1234, memoryKiB: 812 * 1024 });
    expect(indic.tooltip).toBe('Wasl — ١٬٢٣٤\u200E unread · ٨١٢ MB');
    expect(indic.totalText).toBe('١٬٢٣٤');
    expect(labels(dnd(indic))).toEqual(['On until ١٠:٠٠', '---', 'Off', 'On, Until I Turn It Off', 'For 1 Hour', 'Until Tomorrow (٠٨:٠٠)', '---', 'Quiet Hours (٢٢:٠٠\u200E–٠٨:٠٠)']);
    expect(tray({ settings }, { total: 0 }).totalText).toBe('');
  });

  it('offers do-not-disturb choices, each a command that computes its end when carried out', () => {
    const items = dnd(tray());
    expect(labels(items)).toEqual(['Off', 'On, Until I Turn It Off', 'For 1 Hour', `Until Tomorrow (${formatTime(ENGLISH, new Date(2000, 0, 1, 8, 0))})`, '---', 'Quiet Hours (22:00–08:00)']);
    expect(items.map((i) => [i.type, i.checked])).toEqual([
      ['radio', true],
      ['radio', false],
      ['radio', false],
      ['radio', false],
      ['separator', undefined],
      ['checkbox', false],
    ]);
    expect(items.filter((i) => i.type === 'radio').map((i) => i.command)).toEqual(
      (['off', 'on', 'hour', 'morning'] as const).map((choice) => ({ type: 'dnd.choose', choice })),
    );
    expect(items.at(-1)?.command).toEqual({ type: 'settings.set', notifications: { quietHours: { ...DEFAULT_SETTINGS.notifications.quietHours, enabled: true } } });
  });

  it('checks what the settings say, says until when, and changes by itself when it ends', () => {
    const settings = (dndUntil: number | null): AppState['settings'] => ({ ...DEFAULT_SETTINGS, notifications: { ...DEFAULT_SETTINGS.notifications, dndUntil } });
    const hour = tray({ settings: settings(SATURDAY_9 + HOUR_MS) });
    expect(labels(dnd(hour))[0]).toBe(`On until ${formatTime(ENGLISH, new Date(SATURDAY_9 + HOUR_MS))}`);
    expect(byLabel(dnd(hour), 'For 1 Hour')?.checked).toBe(true);
    expect(hour.changesAt).toBe(SATURDAY_9 + HOUR_MS);
    expect(dnd(tray({ settings: settings(nextMorning(new Date(SATURDAY_9))) })).find((i) => i.id === 'dnd:morning')?.checked).toBe(true);
    const forever = tray({ settings: settings(FOREVER) });
    expect(byLabel(dnd(forever), 'On, Until I Turn It Off')?.checked).toBe(true);
    expect(labels(dnd(forever))[0]).toBe('Off');
    expect(forever.changesAt).toBeNull();
    expect(byLabel(dnd(tray({ settings: settings(SATURDAY_9 - 1) })), 'Off')?.checked).toBe(true);
  });
});

describe('badgeModel', () => {
  it('is the total, with what screen readers say of it in the user’s language', () => {
    expect(badgeModel(ENGLISH, 7)).toEqual({ count: 7, text: '7', label: '7 unread' });
    expect(badgeModel({ ...ENGLISH, digits: 'arab' }, 1234)).toEqual({ count: 1234, text: '١٬٢٣٤', label: '١٬٢٣٤ unread' });
    expect(badgeModel({ ...ARABIC, digits: 'latn' }, 0)).toEqual({ count: 0, text: '', label: 'لا رسائل غير مقروءة' });
    expect(badgeModel(ARABIC, 12)).toEqual({ count: 12, text: arabic(12), label: `${arabic(12)} رسالة غير مقروءة` });
  });
});

describe('appMenuModel', () => {
  const menu = (parts: Partial<AppState> = {}): MenuItemModel[] =>
    appMenuModel(stateOf({ services: SERVICES, activeServiceId: 'wa', ...parts }), { language: 'en', os: 'linux' });
  const radios = (items: MenuItemModel[]): MenuItemModel[] => submenu(items, en.services).filter((i) => i.type === 'radio');

  it('lists the services, each item activating its own', () => {
    expect(radios(menu()).map((i) => [i.label, i.checked, i.command])).toEqual([
      ['WhatsApp', true, { type: 'service.activate', id: 'wa' }],
      ['Telegram', false, { type: 'service.activate', id: 'tg' }],
    ]);
  });

  it('names no service while locked, and offers Lock Wasl only while a password is set and Wasl is unlocked', () => {
    const locked = menu({ lock: { set: true, locked: true, retryAt: null } });
    expect(radios(locked)).toEqual([]);
    expect(JSON.stringify(locked)).not.toContain('Telegram');
    expect(submenu(locked, en.services)[0]).toEqual({ label: en.noServices, enabled: false });
    expect(byLabel(submenu(locked, en.file), en.lockWasl)?.enabled).toBe(false);
    expect(byLabel(submenu(menu(), en.file), en.lockWasl)?.enabled).toBe(false);
    expect(byLabel(submenu(menu({ lock: { set: true, locked: false, retryAt: null } }), en.file), en.lockWasl)).toMatchObject({ enabled: true, command: { type: 'lock.lock' } });
  });

  it('aims the active service’s items at the active service, and disables them without one', () => {
    expect(byLabel(submenu(menu(), en.view), en.reloadService)).toMatchObject({ enabled: true, command: { type: 'service.reload', id: 'wa' } });
    expect(byLabel(submenu(menu(), en.services), en.saveOutlineItem)).toMatchObject({ enabled: true, command: { type: 'service.saveOutline', id: 'wa' } });
    const none = menu({ activeServiceId: null });
    for (const [top, label] of [[en.view, en.reloadService], [en.services, en.renameService], [en.services, en.removeService], [en.services, en.saveOutlineItem]] as const) {
      expect(byLabel(submenu(none, top), label), label).toEqual({ label, enabled: false, ...(label === en.reloadService ? { accelerator: 'CmdOrCtrl+R' } : {}) });
    }
  });

  it('offers Find… for the service in front with the find key, none when the user cleared it or no service is chosen', () => {
    expect(byLabel(submenu(menu(), en.view), en.findInPage)).toEqual({
      label: en.findInPage, accelerator: 'CmdOrCtrl+F', registerAccelerator: false, enabled: true, command: { type: 'app.show', action: 'find' },
    });
    const cleared = menu({ settings: { ...DEFAULT_SETTINGS, shortcuts: { ...DEFAULT_SETTINGS.shortcuts, keys: { find: null } } } });
    expect(byLabel(submenu(cleared, en.view), en.findInPage)).toEqual({ label: en.findInPage, enabled: true, command: { type: 'app.show', action: 'find' } });
    expect(byLabel(submenu(menu({ activeServiceId: null }), en.view), en.findInPage)?.enabled).toBe(false);
  });

  it('offers the developer tools only in a development build', () => {
    expect(byLabel(submenu(menu(), en.view), en.toggleDevTools)).toBeUndefined();
    expect(byLabel(submenu(menu({ packaged: false }), en.view), en.toggleDevTools)?.command).toEqual({ type: 'window.devTools' });
  });
});

interface Harness {
  chrome: DesktopChrome;
  clock: ManualClock;
  store: ReturnType<typeof createAppStore>;
  trays: TrayModel[];
  badges: BadgeModel[];
  menus: MenuItemModel[][];
  window: { shown: boolean; change(): void };
  memory: { kib: number; samples: number };
  destroyed: () => boolean;
  lastTray(): TrayModel;
}

function setup(parts: Partial<AppState> = {}, locale: (settings: AppState['settings']) => MainLocale = () => ENGLISH, start = SATURDAY_9): Harness {
  const clock = new ManualClock(start);
  const store = createAppStore(stateOf({ services: SERVICES, runtime: { wa: initialRuntime(true), tg: initialRuntime(true) }, ...parts }));
  const trays: TrayModel[] = [];
  const badges: BadgeModel[] = [];
  const menus: MenuItemModel[][] = [];
  const listeners: (() => void)[] = [];
  const window = {
    shown: true,
    change: () => {
      for (const listener of listeners) listener();
    },
  };
  const memory = { kib: 812 * 1024, samples: 0 };
  let destroyed = false;
  const chrome = new DesktopChrome({
    store,
    clock,
    os: 'linux',
    locale: () => locale(store.getState().settings),
    chatsOf: () => undefined,
    memoryKiB: () => {
      memory.samples += 1;
      return memory.kib;
    },
    window: { windowShown: () => window.shown, onWindowChange: (listener) => listeners.push(listener) },
    tray: {
      show: (model) => trays.push(model),
      destroy: () => {
        destroyed = true;
      },
    },
    badge: { show: (model) => badges.push(model) },
    menu: { show: (items) => menus.push(items) },
  });
  chrome.start();
  const lastTray = (): TrayModel => {
    const model = trays.at(-1);
    if (!model) throw new Error('no tray shown');
    return model;
  };
  return { chrome, clock, store, trays, badges, menus, window, memory, destroyed: () => destroyed, lastTray };
}

const withUnread = (state: AppState, id: string, unread: number): Partial<AppState> => {
  const runtime = state.runtime[id];
  if (!runtime) throw new Error(`no runtime for ${id}`);
  return { runtime: { ...state.runtime, [id]: { ...runtime, unread } } };
};

describe('DesktopChrome', () => {
  it('shows the tray, the badge and the menu at start, and the unread total as the state changes', () => {
    const h = setup();
    expect(h.trays).toHaveLength(1);
    expect(h.badges).toEqual([{ count: 0, text: '', label: '0 unread' }]);
    expect(h.menus).toHaveLength(1);
    h.store.setState(withUnread(h.store.getState(), 'wa', 5));
    expect(h.lastTray().total).toBe(5);
    expect(h.badges.at(-1)).toEqual({ count: 5, text: '5', label: '5 unread' });
  });

  it('speaks the language main speaks at each render', () => {
    let locale = ENGLISH;
    const h = setup({}, () => locale);
    locale = ARABIC;
    h.store.setState(withUnread(h.store.getState(), 'tg', 3));
    expect(h.badges.at(-1)).toEqual({ count: 3, text: arabic(3), label: `${arabic(3)} رسائل غير مقروءة` });
    expect(h.lastTray().items[0]?.label).toBe('إخفاء وصل');
  });

  it('follows the digits setting as it changes: Latin in Arabic, then Arabic-Indic', () => {
    const arabicLatin: AppState['settings'] = { ...DEFAULT_SETTINGS, language: 'ar', digits: 'latn' };
    const h = setup({ settings: arabicLatin }, (settings) => mainLocale(settings, 'en-US'));
    h.store.setState(withUnread(h.store.getState(), 'wa', 3));
    expect(h.badges.at(-1)).toEqual({ count: 3, text: '3', label: '3 رسائل غير مقروءة' });
    expect(h.lastTray().tooltip).toBe('وصل — 3 رسائل غير مقروءة');
    h.store.setState({ settings: { ...arabicLatin, digits: 'arab' } });
    expect(h.badges.at(-1)).toEqual({ count: 3, text: '٣', label: '٣ رسائل غير مقروءة' });
    expect(h.lastTray().totalText).toBe('٣');
  });

  it('rebuilds the menu when the services, the active one, the settings or the lock change, not for a new unread count', () => {
    const h = setup();
    h.store.setState(withUnread(h.store.getState(), 'wa', 2));
    expect(h.menus).toHaveLength(1);
    h.store.setState({ activeServiceId: 'tg' });
    h.store.setState({ lock: { set: true, locked: true, retryAt: null } });
    expect(h.menus).toHaveLength(3);
    expect(JSON.stringify(h.menus.at(-1))).not.toContain('WhatsApp');
  });

  it('says Show or Hide as the window is, following it', () => {
    const h = setup();
    h.window.shown = false;
    h.window.change();
    expect(h.lastTray().items[0]?.label).toBe('Show Wasl');
    h.window.shown = true;
    h.window.change();
    expect(h.lastTray().items[0]?.label).toBe('Hide Wasl');
  });

  // Both start half a minute past a memory sample, so that no sample's render is what shows the change.
  it('renders the tray again at the moment the shop opens, and when it closes', () => {
    const start = SATURDAY_9 + 30_000;
    const away = (h: Harness): boolean => h.lastTray().items.some((i) => i.id === 'away');
    const h = setup({ settings: withHours(TEN_TO_SIX) }, () => ENGLISH, start);
    const opening = new Date(2026, 10, 21, 10, 0).getTime();
    h.clock.advance(opening - start);
    expect(away(h)).toBe(true);
    h.clock.advance(1);
    expect(away(h)).toBe(false);
    h.clock.advance(8 * HOUR_MS);
    expect(h.lastTray().items.find((i) => i.id === 'away')?.label).toBe(`Away — Opens ${formatDayTime(ENGLISH, new Date(2026, 10, 22, 10, 0), new Date(h.clock.now()))}`);
  });

  it('goes back to Off at the moment do-not-disturb ends by itself', () => {
    const until = SATURDAY_9 + HOUR_MS + 30_000;
    const h = setup({ settings: { ...DEFAULT_SETTINGS, notifications: { ...DEFAULT_SETTINGS.notifications, dndUntil: until } } });
    h.clock.advance(until - SATURDAY_9);
    expect(byLabel(dnd(h.lastTray()), 'For 1 Hour')?.checked).toBe(true);
    h.clock.advance(1);
    expect(byLabel(dnd(h.lastTray()), 'Off')?.checked).toBe(true);
    expect(labels(dnd(h.lastTray()))[0]).toBe('Off');
  });

  it('learns the memory Wasl uses every MEMORY_SAMPLE_MS, for the tooltip', () => {
    const h = setup();
    expect(h.lastTray().tooltip).toBe('Wasl');
    expect(h.memory.samples).toBe(0);
    h.clock.advance(MEMORY_SAMPLE_MS);
    expect(h.memory.samples).toBe(1);
    expect(h.lastTray().tooltip).toBe('Wasl · 812 MB');
    h.memory.kib = 1.5 * 1024 * 1024;
    h.clock.advance(MEMORY_SAMPLE_MS);
    expect(h.lastTray().tooltip).toBe('Wasl · 1.5 GB');
  });

  it('stops: the tray goes, nothing is shown any more and no timer is left', () => {
    const h = setup({ settings: withHours(TEN_TO_SIX) });
    h.chrome.stop();
    expect(h.destroyed()).toBe(true);
    expect(h.clock.pending).toBe(0);
    const shown = h.trays.length;
    h.store.setState(withUnread(h.store.getState(), 'wa', 4));
    h.window.change();
    expect(h.trays).toHaveLength(shown);
  });
});
