/**
 * Numbers, times and dates in main's text (tray, badge, notifications, menus), in the language of the interface
 * with the digits and calendar the settings choose, as the shell writes them (renderer/src/i18n/format.ts): a time
 * of day, a coming moment, memory, a count. Files meant for spreadsheets and backups are not written through here:
 * they keep ISO dates and Latin digits.
 */
import { keepArabicDigitsInOrder, localeTag, resolveLanguage, type CalendarSetting, type DigitsSetting, type UiLanguage } from '../../common/language';
import type { Settings } from '../../common/settings';

/** What main formats with: the interface language, and the digits and calendar the settings choose. */
export interface MainLocale {
  language: UiLanguage;
  digits: DigitsSetting;
  calendar: CalendarSetting;
}

/** The locale the settings mean, 'system' language following the OS's (`app.getLocale()`). */
export function mainLocale(settings: Pick<Settings, 'language' | 'digits' | 'calendar'>, systemLanguage: string): MainLocale {
  return { language: resolveLanguage(settings.language, systemLanguage), digits: settings.digits, calendar: settings.calendar };
}

/**
 * The tag Intl and i18next's `number` format take for numbers. Main's short texts show the Hijri calendar only when
 * it is chosen alone: with 'both', like the shell's short forms (a chat's time, "until"), they stay Gregorian; the
 * Hijri date beside the Gregorian one is for dates written in full, which main does not write.
 */
export function numberLocale(locale: MainLocale): string {
  return localeTag(locale.language, locale.digits, locale.calendar);
}

/** Times are on the 24-hour clock in English ("08:00", as en-GB writes them); Arabic writes its own ("٨:٠٠ ص"). */
function timeLocale(locale: MainLocale): string {
  return localeTag(locale.language === 'ar' ? 'ar' : 'en-GB', locale.digits, locale.calendar);
}

/** Text with Arabic-Indic digits in English, kept in order (common/language.ts); other text as it is. */
export function keepDigitsInOrder(locale: MainLocale, text: string): string {
  return locale.language !== 'ar' && locale.digits === 'arab' ? keepArabicDigitsInOrder(text) : text;
}

function dateTime(locale: MainLocale, options: Intl.DateTimeFormatOptions, at: Date): string {
  return keepDigitsInOrder(locale, new Intl.DateTimeFormat(timeLocale(locale), options).format(at));
}

const HOUR_MINUTE: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

/** A local time of day ("08:00"; "٨:٠٠ ص" in Arabic). */
export function formatTime(locale: MainLocale, at: Date): string {
  return dateTime(locale, HOUR_MINUTE, at);
}

/** A time of day as the settings store it ("22:00", which the schema checks), as the user reads times. */
export function formatClockTime(locale: MainLocale, clock: string): string {
  const [hours = 0, minutes = 0] = clock.split(':').map(Number);
  return formatTime(locale, new Date(2000, 0, 1, hours, minutes));
}

/** Start of `at`'s day, local time. */
const dayStart = (at: Date): number => new Date(at.getFullYear(), at.getMonth(), at.getDate()).getTime();

/**
 * A coming moment: its time today ("09:00"), with its weekday within the coming week ("Sat 09:00"), and with its
 * date further on ("2 Dec, 09:00"; in the Hijri calendar when the settings choose it alone: "11 Raj., 09:00").
 */
export function formatDayTime(locale: MainLocale, at: Date, now: Date): string {
  const days = Math.round((dayStart(at) - dayStart(now)) / 86_400_000);
  if (days === 0) return formatTime(locale, at);
  if (days > 0 && days < 7) return dateTime(locale, { weekday: 'short', ...HOUR_MINUTE }, at);
  return dateTime(locale, { day: 'numeric', month: 'short', ...HOUR_MINUTE }, at);
}

/** Memory as people read it: "812 MB", "1.4 GB" (binary units, as task managers count). */
export function formatMemory(locale: MainLocale, kib: number): string {
  const mib = kib / 1024;
  const [value, unit, digits] = mib >= 1024 ? [mib / 1024, 'gigabyte', 1] : [mib, 'megabyte', 0];
  return new Intl.NumberFormat(numberLocale(locale), { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: digits }).format(value);
}

/** A count: "1,234", "١٬٢٣٤". */
export function formatCount(locale: MainLocale, count: number): string {
  return new Intl.NumberFormat(numberLocale(locale)).format(count);
}
