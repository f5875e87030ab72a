/**
 * The tray icon. It shows the unread total: drawn into the icon on Windows and Linux (a red badge, sharp at 1×
 * and 2×), as the title beside the template icon in the macOS menu bar; and says it in the tooltip. A click shows
 * or hides the window. Its menu: Show/Hide, Lock Wasl (when a password is set), Restart to Update (when an update
 * is downloaded), "Away" outside business hours, the newest unread notifications (a click opens that chat; none
 * listed while Wasl is locked), Mark All as Read, Do Not Disturb (off, on, for an hour, until tomorrow morning,
 * quiet hours), Quit.
 */
import type { Command } from '../../common/ipc';
import type { HostOs, NotificationSettings } from '../../common/state';
import type { MenuItemConstructorOptions } from 'electron';
import { currentDnd, dndUntil, MORNING_HOUR, type DndChoice } from '../../common/dnd';
import { isolate, type UiLanguage } from '../../common/language';
import type { Clock, Logger, TimerHandle } from '../core/app/ports';
import type { UnreadNotification } from '../core/notifications/unread';
import { mainT, trayTooltip } from '../i18n';
import { formatDayTime, formatTime } from '../i18n/format';
import type { BrowserWindowLike, ElectronApi, NativeImageLike, TrayLike } from './api';
import { halved, readBitmaps, toNativeImage, withBadge, type ScaledBitmap } from './badge-images';
import { revealWindow } from './main-window';

/** Unread notifications listed in the menu. */
export const TRAY_NOTIFICATIONS = 5;
/** Longest notification title shown in the menu, in characters. */
const TITLE_CHARS = 48;

export type TrayCommand = Extract<Command, { type: 'settings.set' | 'notifications.open' | 'notifications.read' | 'lock.lock' | 'update.install' }>;

/** What the tray shows; the composition root derives it from the store. */
export interface TrayView {
  language: UiLanguage;
  total: number;
  /** The newest unread notifications, newest first (at most TRAY_NOTIFICATIONS are listed). */
  unread: readonly UnreadNotification[];
  notifications: Pick<NotificationSettings, 'dndUntil' | 'quietHours' | 'privateMode'>;
  /** Outside business hours: when the shop opens next (null when it never does); undefined while open. */
  away?: { opens: number | null };
  /** The memory Wasl uses in all, once sampled (KiB). */
  memoryKiB?: number;
  /** An update is downloaded: the menu offers "Restart to Update". */
  updateReady?: boolean;
  /** The app lock, when a password is set: locked, the menu names no chat. */
  lock?: 'locked' | 'unlocked';
}

export interface TrayDeps {
  electron: Pick<ElectronApi, 'Tray' | 'Menu' | 'nativeImage'>;
  os: HostOs;
  /** tray.png (with tray@2x.png beside it); trayTemplate.png on macOS. */
  iconPath: string;
  window: BrowserWindowLike;
  clock: Clock;
  log: Logger;
  /** Carries out a command as if the shell had sent it. */
  dispatch(command: TrayCommand): void;
  onQuit(): void;
}

/** Menu labels: '&' marks a mnemonic in Electron menus, so a literal one is doubled; bidi runs are isolated. */
const literal = (text: string): string => text.replace(/&/g, '&&');
/** At most TITLE_CHARS characters as the reader sees them (an emoji or a letter with its marks is one). */
const shorten = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  const graphemes = Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(flat), (s) => s.segment);
  return graphemes.length > TITLE_CHARS ? `${graphemes.slice(0, TITLE_CHARS - 1).join('').trimEnd()}…` : flat;
};

export class AppTray {
  private readonly tray: TrayLike;
  private view: TrayView | undefined;
  /** The plain icon's pixels (Windows and Linux), read once; empty when the file could not be read. */
  private base: ScaledBitmap[] | undefined;
  private shownTotal: number | undefined;
  private shownTooltip: string | undefined;
  private shownMenu: string | undefined;
  private dndTimer: TimerHandle | undefined;
  private dndTimerFor: number | null = null;

  constructor(private readonly deps: TrayDeps) {
    this.tray = new deps.electron.Tray(deps.iconPath);
    this.tray.on('click', () => this.toggle());
    for (const event of ['show', 'hide', 'minimize', 'restore'] as const) deps.window.on(event, () => this.refresh());
  }

  toggle(): void {
    const win = this.deps.window;
    if (this.windowShown()) win.hide();
    else revealWindow(win);
    this.refresh();
  }

  /** Shows this state: the total, the tooltip and the menu, each changed only when it differs. */
  update(view: TrayView): void {
    this.view = view;
    this.refresh();
  }

  destroy(): void {
    if (this.dndTimer !== undefined) this.deps.clock.clearTimeout(this.dndTimer);
    this.tray.destroy();
  }

  private windowShown(): boolean {
    const win = this.deps.window;
    return !win.isDestroyed() && win.isVisible() && !win.isMinimized();
  }

  private refresh(): void {
    const view = this.view;
    if (!view) return;
    if (view.total !== this.shownTotal) {
      this.shownTotal = view.total;
      this.showTotal(view.total);
    }
    const tooltip = trayTooltip(view.language, view.total, view.memoryKiB);
    if (tooltip !== this.shownTooltip) {
      this.shownTooltip = tooltip;
      this.tray.setToolTip(tooltip);
    }
    const template = this.menu(view);
    // Rebuilt only when it changed: some Linux panels flicker on every new menu.
    const key = JSON.stringify(template);
    if (key !== this.shownMenu) {
      this.shownMenu = key;
      this.tray.setContextMenu(this.deps.electron.Menu.buildFromTemplate(template));
    }
  }

  private showTotal(total: number): void {
    if (this.deps.os === 'darwin') {
      // The menu bar's convention: a template icon that macOS tints, the count as text beside it.
      this.tray.setTitle(total > 0 ? String(total) : '');
      return;
    }
    const image = this.image(total);
    if (image) this.tray.setImage(image);
  }

  private image(total: number): NativeImageLike | undefined {
    if (!this.base) {
      const read = readBitmaps(this.deps.electron.nativeImage.createFromPath(this.deps.iconPath));
      if (read.length === 0) this.deps.log.warn('could not read the tray icon; the unread count is not drawn on it', { path: this.deps.iconPath });
      // Windows' notification area shows 16 px icons (at 100 %): draw on a 16 px icon rather than let Windows
      // shrink a 32 px one, badge and digits included, into a blur.
      this.base = this.deps.os === 'win32' ? halved(read) : read;
    }
    return toNativeImage(this.deps.electron.nativeImage, withBadge(this.base, total));
  }

  private menu(view: TrayView): MenuItemConstructorOptions[] {
    const t = mainT(view.language);
    const items: MenuItemConstructorOptions[] = [
      { label: this.windowShown() ? t('tray.hide') : t('tray.show'), click: () => this.toggle() },
    ];
    if (view.lock === 'unlocked') items.push({ id: 'lock', label: t('words.lockWasl'), click: () => this.deps.dispatch({ type: 'lock.lock' }) });
    if (view.updateReady === true) items.push({ id: 'update', label: t('tray.restartToUpdate'), click: () => this.deps.dispatch({ type: 'update.install' }) });
    items.push({ type: 'separator' });
    if (view.away) {
      const opens = view.away.opens;
      const label = opens === null ? t('tray.away') : t('tray.awayUntil', { time: formatDayTime(view.language, new Date(opens), new Date(this.deps.clock.now())) });
      items.push({ id: 'away', label, enabled: false }, { type: 'separator' });
    }
    const locked = view.lock === 'locked';
    const unread = locked ? [] : view.unread.slice(0, TRAY_NOTIFICATIONS);
    if (locked) items.push({ id: 'locked', label: t('tray.locked'), enabled: false });
    else if (unread.length === 0) items.push({ label: t('tray.noNotifications'), enabled: false });
    for (const n of unread) {
      // Private mode shows who wrote no more than the pop-ups do: the service, and "New message".
      const title = view.notifications.privateMode ? t('words.newMessage') : shorten(n.title);
      items.push({
        id: `notification:${n.id}`,
        label: literal(t('notification.title', { title: isolate(title), service: isolate(n.serviceName) })),
        click: () => this.deps.dispatch({ type: 'notifications.open', id: n.id }),
      });
    }
    items.push(
      { label: t('tray.markAllRead'), enabled: unread.length > 0, click: () => this.deps.dispatch({ type: 'notifications.read' }) },
      { type: 'separator' },
      { label: t('dnd.title'), submenu: this.dndMenu(view) },
      { type: 'separator' },
      { label: t('words.quit'), click: () => this.deps.onQuit() },
    );
    return items;
  }

  private dndMenu(view: TrayView): MenuItemConstructorOptions[] {
    const t = mainT(view.language);
    const now = new Date(this.deps.clock.now());
    const current = currentDnd(view.notifications, now);
    this.scheduleDndEnd(current.until);
    const choose = (choice: DndChoice) => () => {
      this.deps.dispatch({ type: 'settings.set', notifications: { dndUntil: dndUntil(choice, new Date(this.deps.clock.now())) } });
    };
    const morning = formatTime(view.language, new Date(2000, 0, 1, MORNING_HOUR, 0));
    const items: MenuItemConstructorOptions[] = [];
    if (current.choice !== 'off' && current.choice !== 'on' && current.until !== null) {
      items.push({ label: t('dnd.onUntil', { time: formatTime(view.language, new Date(current.until)) }), enabled: false }, { type: 'separator' });
    }
    const quiet = view.notifications.quietHours;
    items.push(
      { id: 'dnd:off', label: t('dnd.off'), type: 'radio', checked: current.choice === 'off', click: choose('off') },
      { id: 'dnd:on', label: t('dnd.on'), type: 'radio', checked: current.choice === 'on', click: choose('on') },
      { id: 'dnd:hour', label: t('dnd.hour'), type: 'radio', checked: current.choice === 'hour', click: choose('hour') },
      { id: 'dnd:morning', label: t('dnd.morning', { time: morning }), type: 'radio', checked: current.choice === 'morning', click: choose('morning') },
      { type: 'separator' },
      {
        id: 'dnd:quiet-hours',
        label: t('dnd.quietHours', { from: quiet.from, to: quiet.to }),
        type: 'checkbox',
        checked: quiet.enabled,
        click: () => this.deps.dispatch({ type: 'settings.set', notifications: { quietHours: { ...quiet, enabled: !quiet.enabled } } }),
      },
    );
    return items;
  }

  /** When do-not-disturb ends by itself, the menu has to say so: refresh at that moment. */
  private scheduleDndEnd(until: number | null): void {
    if (until === this.dndTimerFor && (until === null || this.dndTimer !== undefined)) return;
    if (this.dndTimer !== undefined) this.deps.clock.clearTimeout(this.dndTimer);
    this.dndTimer = undefined;
    this.dndTimerFor = until;
    if (until === null) return;
    this.dndTimer = this.deps.clock.setTimeout(() => {
      this.dndTimer = undefined;
      this.dndTimerFor = null;
      this.refresh();
    }, until - this.deps.clock.now() + 1);
  }
}
