/**
 * What the tray and the app badge show, as data. The tray: the unread total (in its icon, and in the tooltip with
 * the memory Wasl uses), and its menu: Show/Hide, Lock Wasl (when a password is set), Restart to Update (when an
 * update is downloaded), "Away" outside business hours, the newest unread notifications (a click opens that chat;
 * none listed while Wasl is locked), Open Next Unread Chat (the customer who has waited longest; not while locked),
 * Mark All as Read, Do Not Disturb (off, on, for an hour, until tomorrow
 * morning, quiet hours), Quit. The badge: the total, and what screen readers say of it. Every number, time and
 * date in them is written in the digits and calendar the settings choose (main/i18n/format.ts).
 * main/electron/tray.ts and app-badge.ts render them.
 */
import { currentDnd, FOREVER, MORNING_HOUR, type DndChoice } from '../../../common/dnd';
import { isAway, nextChange, businessHours } from '../../../common/shop/hours';
import type { AppState } from '../../../common/state';
import { isolate } from '../../../common/language';
import { mainT, trayTooltip, unreadBadge } from '../../i18n';
import { formatClockTime, formatCount, formatDayTime, formatTime, keepDigitsInOrder, type MainLocale } from '../../i18n/format';
import type { MenuCommand } from '../app/menu-commands';
import { latestUnread } from '../notifications/unread';
import type { MenuItemModel } from './app-menu';

/** Unread notifications listed in the menu. */
const TRAY_NOTIFICATIONS = 5;
/** Longest notification title shown in the menu, in characters. */
const TITLE_CHARS = 48;

export interface TrayModel {
  total: number;
  /** The total as text beside the macOS menu bar icon: nothing at 0. */
  totalText: string;
  tooltip: string;
  items: MenuItemModel[];
  /** What a click on the icon does. */
  click: MenuCommand;
  /** The next moment the tray would read differently by itself (do-not-disturb ends, the shop opens or closes). */
  changesAt: number | null;
}

export interface BadgeModel {
  count: number;
  /** The count as the macOS Dock shows it, in the digits the settings choose: nothing at 0. */
  text: string;
  /** What screen readers say of it (the Windows taskbar overlay's description). */
  label: string;
}

export type TrayState = Pick<AppState, 'services' | 'notifications' | 'settings' | 'lock' | 'update'>;

export interface TrayContext extends MainLocale {
  now: number;
  /** The unread total (common/unread.ts). */
  total: number;
  /** The window is on screen: the first item hides it, else shows it. */
  windowShown: boolean;
  /** The memory Wasl uses in all, once sampled (KiB). */
  memoryKiB?: number;
}

/** At most TITLE_CHARS characters as the reader sees them (an emoji or a letter with its marks is one). */
function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const graphemes = Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(flat), (s) => s.segment);
  return graphemes.length > TITLE_CHARS ? `${graphemes.slice(0, TITLE_CHARS - 1).join('').trimEnd()}…` : flat;
}

/** Outside business hours: when the shop opens next (null when it never does); undefined while it is open. */
function shopAway(shop: AppState['settings']['shop'], now: Date): { opens: number | null } | undefined {
  return isAway(shop, now) ? { opens: nextChange(businessHours(shop), now)?.getTime() ?? null } : undefined;
}

export function trayModel(state: TrayState, context: TrayContext): TrayModel {
  const { language, total } = context;
  const t = mainT(language);
  const now = new Date(context.now);
  const locked = state.lock?.locked === true;
  const items: MenuItemModel[] = [{ label: context.windowShown ? t('tray.hide') : t('tray.show'), command: { type: 'window.toggle' } }];
  if (state.lock?.set === true && !locked) items.push({ id: 'lock', label: t('words.lockWasl'), command: { type: 'lock.lock' } });
  if (state.update.phase === 'ready') items.push({ id: 'update', label: t('tray.restartToUpdate'), command: { type: 'update.install' } });
  items.push({ type: 'separator' });
  const away = shopAway(state.settings.shop, now);
  if (away) {
    const label = away.opens === null ? t('tray.away') : t('tray.awayUntil', { time: formatDayTime(context, new Date(away.opens), now) });
    items.push({ id: 'away', label, enabled: false }, { type: 'separator' });
  }
  const unread = locked ? [] : latestUnread(state, TRAY_NOTIFICATIONS);
  if (locked) items.push({ id: 'locked', label: t('tray.locked'), enabled: false });
  else if (unread.length === 0) items.push({ label: t('tray.noNotifications'), enabled: false });
  const { notifications } = state.settings;
  for (const n of unread) {
    // Private mode shows who wrote no more than the pop-ups do: the service, and "New message".
    const title = notifications.privateMode ? t('words.newMessage') : shorten(n.title);
    items.push({
      id: `notification:${n.id}`,
      label: t('notification.title', { title: isolate(title), service: isolate(n.serviceName) }),
      command: { type: 'notifications.open', id: n.id },
    });
  }
  if (!locked) items.push({ id: 'next-unread', label: t('tray.nextUnread'), command: { type: 'app.show', action: 'next-unread' } });
  const dnd = dndMenu(state, context);
  items.push(
    { label: t('tray.markAllRead'), enabled: unread.length > 0, command: { type: 'notifications.read' } },
    { type: 'separator' },
    { label: t('dnd.title'), submenu: dnd.items },
    { type: 'separator' },
    { label: t('words.quit'), command: { type: 'app.quit' } },
  );
  // The shop opens or closes, or do-not-disturb ends: the tray says so then.
  const shopChange = state.settings.shop.hoursEnabled ? nextChange(businessHours(state.settings.shop), now)?.getTime() : undefined;
  const changes = [shopChange, dnd.endsAt].filter((at): at is number => at !== undefined && at !== null);
  return {
    total,
    totalText: badgeModel(context, total).text,
    tooltip: trayTooltip(context, total, context.memoryKiB),
    items,
    click: { type: 'window.toggle' },
    changesAt: changes.length === 0 ? null : Math.min(...changes),
  };
}

function dndMenu(state: TrayState, context: TrayContext): { items: MenuItemModel[]; endsAt: number | null } {
  const { language } = context;
  const t = mainT(language);
  const current = currentDnd(state.settings.notifications, new Date(context.now));
  const choose = (choice: DndChoice): MenuCommand => ({ type: 'dnd.choose', choice });
  const morning = formatTime(context, new Date(2000, 0, 1, MORNING_HOUR, 0));
  const items: MenuItemModel[] = [];
  if (current.choice !== 'off' && current.choice !== 'on' && current.until !== null) {
    items.push({ label: t('dnd.onUntil', { time: formatTime(context, new Date(current.until)) }), enabled: false }, { type: 'separator' });
  }
  const quiet = state.settings.notifications.quietHours;
  items.push(
    { id: 'dnd:off', label: t('dnd.off'), type: 'radio', checked: current.choice === 'off', command: choose('off') },
    { id: 'dnd:on', label: t('dnd.on'), type: 'radio', checked: current.choice === 'on', command: choose('on') },
    { id: 'dnd:hour', label: t('dnd.hour'), type: 'radio', checked: current.choice === 'hour', command: choose('hour') },
    { id: 'dnd:morning', label: t('dnd.morning', { time: morning }), type: 'radio', checked: current.choice === 'morning', command: choose('morning') },
    { type: 'separator' },
    {
      id: 'dnd:quiet-hours',
      label: keepDigitsInOrder(context, t('dnd.quietHours', { from: formatClockTime(context, quiet.from), to: formatClockTime(context, quiet.to) })),
      type: 'checkbox',
      checked: quiet.enabled,
      command: { type: 'settings.set', notifications: { quietHours: { ...quiet, enabled: !quiet.enabled } } },
    },
  );
  // "On until I turn it off" never ends by itself.
  return { items, endsAt: current.until !== null && current.until < FOREVER ? current.until : null };
}

export function badgeModel(locale: MainLocale, total: number): BadgeModel {
  return { count: total, text: total > 0 ? formatCount(locale, total) : '', label: unreadBadge(locale, total) };
}
