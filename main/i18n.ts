/**
 * The few strings main shows itself (application menu, tray, dialogs), in English and Arabic. The shell's own
 * catalogues live with the renderer; these are typed so a missing translation fails to compile.
 */
import { PLATFORMS } from '../common/catalog';
import type { ServiceConfig } from '../common/model';
import type { Label, LabelPreset } from '../common/shop/model';
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
  lockWasl: 'Lock Wasl',
  waslLocked: 'Wasl Is Locked',
  restartToUpdate: 'Restart to Update',
  trayTooltip: 'Wasl',
  trayTooltipUnread: 'Wasl — {count} unread',
  unreadBadge: '{count} unread',
  noNewNotifications: 'No new notifications',
  notificationItem: '{title} — {service}',
  serviceLabel: '{platform} ({name})',
  markAllRead: 'Mark All as Read',
  doNotDisturb: 'Do Not Disturb',
  dndOnUntil: 'On until {time}',
  dndOff: 'Off',
  dndOn: 'On, Until I Turn It Off',
  dndHour: 'For 1 Hour',
  dndMorning: 'Until Tomorrow ({time})',
  quietHours: 'Quiet Hours ({from}–{to})',
  newMessage: 'New message',
  reminder: 'Reminder',
  shop: 'Shop',
  quickReplies: 'Quick Replies…',
  shopTools: 'Shop Tools…',
  report: 'Report…',
  resources: 'Resources…',
  awayUntil: 'Away — Opens {time}',
  away: 'Away',
  csvName: 'Name',
  csvPlatforms: 'Platforms',
  csvPhones: 'Phone numbers',
  csvLabels: 'Labels',
  csvNotes: 'Notes',
  csvLastContact: 'Last contact',
  labelNewCustomer: 'New customer',
  labelNewOrder: 'New order',
  labelPendingPayment: 'Pending payment',
  labelPaid: 'Paid',
  labelOrderComplete: 'Order complete',
  saveBackup: 'Save a Backup of Wasl',
  openBackup: 'Restore a Backup',
  saveCustomers: 'Export Customers',
  saveReplies: 'Export Quick Replies',
  saveOutline: 'Save Page Outline for a Bug Report',
  filterOutline: 'Wasl page outline',
  saveOutlineItem: 'Save Page Outline for a Bug Report…',
  openReplies: 'Import Quick Replies',
  filterBackup: 'Wasl backup',
  filterCsv: 'CSV spreadsheet',
  filterReplies: 'Wasl quick replies',
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
  lockWasl: 'قفل وصل',
  waslLocked: 'وصل مقفل',
  restartToUpdate: 'إعادة التشغيل للتحديث',
  trayTooltip: 'وصل',
  trayTooltipUnread: 'وصل — غير المقروءة: {count}',
  unreadBadge: 'غير المقروءة: {count}',
  noNewNotifications: 'لا إشعارات جديدة',
  notificationItem: '{title} — {service}',
  serviceLabel: '{platform} ({name})',
  markAllRead: 'تعليم الكل كمقروء',
  doNotDisturb: 'عدم الإزعاج',
  dndOnUntil: 'مفعّل حتى {time}',
  dndOff: 'إيقاف',
  dndOn: 'تشغيل حتى أوقفه',
  dndHour: 'لمدة ساعة',
  dndMorning: 'حتى الغد ({time})',
  quietHours: 'ساعات الهدوء ({from}–{to})',
  newMessage: 'رسالة جديدة',
  reminder: 'تذكير',
  shop: 'المتجر',
  quickReplies: 'الردود السريعة…',
  shopTools: 'أدوات المتجر…',
  report: 'التقرير…',
  resources: 'الموارد…',
  awayUntil: 'خارج ساعات العمل — يفتح {time}',
  away: 'خارج ساعات العمل',
  csvName: 'الاسم',
  csvPlatforms: 'المنصات',
  csvPhones: 'أرقام الهاتف',
  csvLabels: 'التصنيفات',
  csvNotes: 'الملاحظات',
  csvLastContact: 'آخر تواصل',
  labelNewCustomer: 'عميل جديد',
  labelNewOrder: 'طلب جديد',
  labelPendingPayment: 'في انتظار الدفع',
  labelPaid: 'تم الدفع',
  labelOrderComplete: 'اكتمل الطلب',
  saveBackup: 'حفظ نسخة احتياطية من وصل',
  openBackup: 'استعادة نسخة احتياطية',
  saveCustomers: 'تصدير العملاء',
  saveReplies: 'تصدير الردود السريعة',
  saveOutline: 'حفظ مخطط الصفحة لبلاغ عن خلل',
  filterOutline: 'مخطط صفحة من وصل',
  saveOutlineItem: 'حفظ مخطط الصفحة لبلاغ عن خلل…',
  openReplies: 'استيراد الردود السريعة',
  filterBackup: 'نسخة وصل الاحتياطية',
  filterCsv: 'جدول CSV',
  filterReplies: 'ردود وصل السريعة',
};

/** A string with its `{name}` placeholders filled in (unknown placeholders stay as they are). */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** Text of any direction kept whole inside a sentence of the other (first-strong isolates). */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** A service as a notification names it: "WhatsApp (Shop)", or the account's name when it says as much. */
export function serviceLabel(language: 'en' | 'ar', service: Pick<ServiceConfig, 'platform' | 'name'>): string {
  const platform = PLATFORMS[service.platform].name;
  if (service.platform === 'custom' || service.name.toLowerCase().includes(platform.toLowerCase())) return service.name;
  return fill(mainStrings(language).serviceLabel, { platform, name: isolate(service.name) });
}

/**
 * The title of a service's OS notification: who wrote and which service it came from ("Ahmed — WhatsApp (Shop)"),
 * so no page can pose as another service or as Wasl; the service alone when the title must not say who.
 */
export function notificationTitle(language: 'en' | 'ar', service: Pick<ServiceConfig, 'platform' | 'name'>, title?: string): string {
  const label = serviceLabel(language, service);
  return title === undefined ? label : fill(mainStrings(language).notificationItem, { title: isolate(title), service: isolate(label) });
}

/** A count as the language writes it (Arabic-Indic digits in Arabic). */
export function formatCount(language: 'en' | 'ar', count: number): string {
  return new Intl.NumberFormat(language === 'ar' ? 'ar' : 'en').format(count);
}

/** A local time of day ("08:00"; "٨:٠٠ ص" in Arabic). */
export function formatTime(language: 'en' | 'ar', at: Date): string {
  return new Intl.DateTimeFormat(language === 'ar' ? 'ar' : 'en-GB', { hour: '2-digit', minute: '2-digit' }).format(at);
}

/** A coming moment: its time today ("09:00"), or with its weekday on another day ("Sat 09:00"). */
export function formatDayTime(language: 'en' | 'ar', at: Date, now: Date): string {
  const today = at.getFullYear() === now.getFullYear() && at.getMonth() === now.getMonth() && at.getDate() === now.getDate();
  if (today) return formatTime(language, at);
  return new Intl.DateTimeFormat(language === 'ar' ? 'ar' : 'en-GB', { weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(at);
}

/** The tray's tooltip: "Wasl", or "Wasl — 5 unread", and the memory Wasl uses when known ("· 812 MB"). */
export function trayTooltip(language: 'en' | 'ar', total: number, memoryKiB?: number): string {
  const strings = mainStrings(language);
  const base = total > 0 ? fill(strings.trayTooltipUnread, { count: formatCount(language, total) }) : strings.trayTooltip;
  return memoryKiB === undefined ? base : `${base} · ${formatMemory(language, memoryKiB)}`;
}

/** Memory as people read it: "812 MB", "1.4 GB" (binary units, as task managers count). */
export function formatMemory(language: 'en' | 'ar', kib: number): string {
  const mib = kib / 1024;
  const [value, unit, digits] = mib >= 1024 ? [mib / 1024, 'gigabyte', 1] : [mib, 'megabyte', 0];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: digits }).format(value);
}

/** A count in words: English has one and other; Arabic one, two, few (3–10) and the rest, `{n}` for the number. */
interface CountForms {
  en: { one: string; other: string };
  ar: { one: string; two: string; few: string; other: string };
}

function countText(language: 'en' | 'ar', count: number, forms: CountForms): string {
  const n = formatCount(language, count);
  if (language === 'en') return (count === 1 ? forms.en.one : forms.en.other).replace('{n}', n);
  const category = new Intl.PluralRules('ar').select(count);
  const form = category === 'one' || category === 'two' || category === 'few' ? forms.ar[category] : forms.ar.other;
  return form.replace('{n}', n);
}

/** "12 more new messages": the body of a notification that stands for a flood from one service. */
export function coalescedText(language: 'en' | 'ar', count: number): string {
  return countText(language, count, {
    en: { one: '1 more new message', other: '{n} more new messages' },
    ar: { one: 'رسالة جديدة أخرى', two: 'رسالتان جديدتان أخريان', few: '{n} رسائل جديدة أخرى', other: '{n} رسالة جديدة أخرى' },
  });
}

/** "3 messages came in while you were closed": the pop-up at opening time for what business hours held. */
export function heldText(language: 'en' | 'ar', count: number): string {
  return countText(language, count, {
    en: { one: '1 message came in while you were closed', other: '{n} messages came in while you were closed' },
    ar: { one: 'وصلت رسالة واحدة أثناء الإغلاق', two: 'وصلت رسالتان أثناء الإغلاق', few: 'وصلت {n} رسائل أثناء الإغلاق', other: 'وصلت {n} رسالة أثناء الإغلاق' },
  });
}

const PRESET_NAMES = {
  'new-customer': 'labelNewCustomer',
  'new-order': 'labelNewOrder',
  'pending-payment': 'labelPendingPayment',
  paid: 'labelPaid',
  'order-complete': 'labelOrderComplete',
} as const satisfies Record<LabelPreset, MainKey>;

/** A label as the user sees it: their name for it, or a preset's name in their language. */
export function labelName(language: 'en' | 'ar', label: Label): string {
  if (label.name !== undefined) return label.name;
  return label.preset === undefined ? '' : mainStrings(language)[PRESET_NAMES[label.preset]];
}

export function resolveLanguage(setting: LanguageSetting, osLocale: string): 'en' | 'ar' {
  if (setting !== 'system') return setting;
  return osLocale.toLowerCase().startsWith('ar') ? 'ar' : 'en';
}

export function mainStrings(language: 'en' | 'ar'): MainStrings {
  return language === 'ar' ? ar : en;
}
