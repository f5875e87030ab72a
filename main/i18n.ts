/**
 * The few strings main shows itself (application menu, tray, dialogs), in English and Arabic. The shell's own
 * catalogues live with the renderer; these are typed so a missing translation fails to compile.
 */
import type { LanguageSetting } from '../common/state';

const en = {
  file: 'File',
  addService: 'Add Service…',
  settings: 'Settings…',
  closeWindow: 'Close Window',
  quit: 'Quit Wasl',
  edit: 'Edit',
  view: 'View',
  reloadService: 'Reload Service',
  forceReloadShell: 'Reload Wasl Window',
  toggleDevTools: 'Toggle Developer Tools',
  services: 'Services',
  nextService: 'Next Service',
  previousService: 'Previous Service',
  renameService: 'Rename Service…',
  removeService: 'Remove Service…',
  noServices: 'No services yet',
  window: 'Window',
  help: 'Help',
  about: 'About Wasl',
  learnMore: 'Wasl on the Web',
  showWasl: 'Show Wasl',
  hideWasl: 'Hide Wasl',
  trayTooltip: 'Wasl',
  trayTooltipUnread: 'Wasl — {count} unread',
  unreadBadge: '{count} unread',
  noNewNotifications: 'No new notifications',
  notificationItem: '{title} — {service}',
  markAllRead: 'Mark All as Read',
  doNotDisturb: 'Do Not Disturb',
  dndOnUntil: 'On until {time}',
  dndOff: 'Off',
  dndOn: 'On, Until I Turn It Off',
  dndHour: 'For 1 Hour',
  dndMorning: 'Until Tomorrow ({time})',
  quietHours: 'Quiet Hours ({from}–{to})',
  newMessage: 'New message',
} as const;

export type MainKey = keyof typeof en;
export type MainStrings = Record<MainKey, string>;

const ar: MainStrings = {
  file: 'ملف',
  addService: 'إضافة خدمة…',
  settings: 'الإعدادات…',
  closeWindow: 'إغلاق النافذة',
  quit: 'إنهاء وصل',
  edit: 'تحرير',
  view: 'عرض',
  reloadService: 'إعادة تحميل الخدمة',
  forceReloadShell: 'إعادة تحميل نافذة وصل',
  toggleDevTools: 'أدوات المطوّر',
  services: 'الخدمات',
  nextService: 'الخدمة التالية',
  previousService: 'الخدمة السابقة',
  renameService: 'إعادة تسمية الخدمة…',
  removeService: 'إزالة الخدمة…',
  noServices: 'لا توجد خدمات بعد',
  window: 'نافذة',
  help: 'مساعدة',
  about: 'حول وصل',
  learnMore: 'وصل على الويب',
  showWasl: 'إظهار وصل',
  hideWasl: 'إخفاء وصل',
  trayTooltip: 'وصل',
  trayTooltipUnread: 'وصل — غير المقروءة: {count}',
  unreadBadge: 'غير المقروءة: {count}',
  noNewNotifications: 'لا إشعارات جديدة',
  notificationItem: '{title} — {service}',
  markAllRead: 'تعليم الكل كمقروء',
  doNotDisturb: 'عدم الإزعاج',
  dndOnUntil: 'مفعّل حتى {time}',
  dndOff: 'إيقاف',
  dndOn: 'تشغيل حتى أوقفه',
  dndHour: 'لمدة ساعة',
  dndMorning: 'حتى الغد ({time})',
  quietHours: 'ساعات الهدوء ({from}–{to})',
  newMessage: 'رسالة جديدة',
};

/** A string with its `{name}` placeholders filled in (unknown placeholders stay as they are). */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** A count as the language writes it (Arabic-Indic digits in Arabic). */
export function formatCount(language: 'en' | 'ar', count: number): string {
  return new Intl.NumberFormat(language === 'ar' ? 'ar' : 'en').format(count);
}

/** A local time of day ("08:00"; "٨:٠٠ ص" in Arabic). */
export function formatTime(language: 'en' | 'ar', at: Date): string {
  return new Intl.DateTimeFormat(language === 'ar' ? 'ar' : 'en-GB', { hour: '2-digit', minute: '2-digit' }).format(at);
}

/** The tray's tooltip: "Wasl", or "Wasl — 5 unread". */
export function trayTooltip(language: 'en' | 'ar', total: number): string {
  const strings = mainStrings(language);
  return total > 0 ? fill(strings.trayTooltipUnread, { count: formatCount(language, total) }) : strings.trayTooltip;
}

/** "12 more new messages": the body of a notification that stands for a flood from one service. */
export function coalescedText(language: 'en' | 'ar', count: number): string {
  const n = new Intl.NumberFormat(language === 'ar' ? 'ar' : 'en').format(count);
  if (language === 'en') return count === 1 ? '1 more new message' : `${n} more new messages`;
  switch (new Intl.PluralRules('ar').select(count)) {
    case 'one':
      return 'رسالة جديدة أخرى';
    case 'two':
      return 'رسالتان جديدتان أخريان';
    case 'few':
      return `${n} رسائل جديدة أخرى`;
    default:
      return `${n} رسالة جديدة أخرى`;
  }
}

export function resolveLanguage(setting: LanguageSetting, osLocale: string): 'en' | 'ar' {
  if (setting !== 'system') return setting;
  return osLocale.toLowerCase().startsWith('ar') ? 'ar' : 'en';
}

export function mainStrings(language: 'en' | 'ar'): MainStrings {
  return language === 'ar' ? ar : en;
}
