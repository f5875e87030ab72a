/**
 * Times and sizes in main's text, in the language of the interface: a time of day, a coming moment, memory.
 */
import type { UiLanguage } from '../../common/language';

/** A local time of day ("08:00"; "٨:٠٠ ص" in Arabic). */
export function formatTime(language: UiLanguage, at: Date): string {
  return new Intl.DateTimeFormat(language === 'ar' ? 'ar' : 'en-GB', { hour: '2-digit', minute: '2-digit' }).format(at);
}

/** A coming moment: its time today ("09:00"), or with its weekday on another day ("Sat 09:00"). */
export function formatDayTime(language: UiLanguage, at: Date, now: Date): string {
  const today = at.getFullYear() === now.getFullYear() && at.getMonth() === now.getMonth() && at.getDate() === now.getDate();
  if (today) return formatTime(language, at);
  return new Intl.DateTimeFormat(language === 'ar' ? 'ar' : 'en-GB', { weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(at);
}

/** Memory as people read it: "812 MB", "1.4 GB" (binary units, as task managers count). */
export function formatMemory(language: UiLanguage, kib: number): string {
  const mib = kib / 1024;
  const [value, unit, digits] = mib >= 1024 ? [mib / 1024, 'gigabyte', 1] : [mib, 'megabyte', 0];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: digits }).format(value);
}
