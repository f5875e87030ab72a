/**
 * The interface languages, which one a setting means ('system' follows the OS), and how text of either direction
 * sits inside a sentence of the other. Shared by main's and the shell's translations.
 */
import type { LanguageSetting } from './state';

export const LANGUAGES = ['en', 'ar'] as const;
export type UiLanguage = (typeof LANGUAGES)[number];

/** The language a setting means: 'system' is Arabic when the OS speaks any Arabic, English otherwise. */
export function resolveLanguage(setting: LanguageSetting, systemLanguage: string): UiLanguage {
  if (setting !== 'system') return setting;
  return systemLanguage.toLowerCase().startsWith('ar') ? 'ar' : 'en';
}

/**
 * Wraps user-provided text (a service name, a file name) in first-strong isolates, so an Arabic name inside an
 * English sentence, or the reverse, keeps its own direction without reordering the sentence around it.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** Wraps text that is always left-to-right (a file path, an address) in a left-to-right isolate. */
export function isolateLtr(text: string): string {
  return `\u2066${text}\u2069`;
}

/** The digits numbers are written with: the language's default, Latin 0–9, or Arabic-Indic ٠–٩. */
export const DIGITS = ['auto', 'latn', 'arab'] as const;
export type DigitsSetting = (typeof DIGITS)[number];

/** The calendar dates are shown in: Gregorian, Hijri (Umm al-Qura), or Gregorian with the Hijri date beside it. */
export const CALENDARS = ['gregory', 'hijri', 'both'] as const;
export type CalendarSetting = (typeof CALENDARS)[number];

/** The Hijri calendar Wasl shows: Umm al-Qura, as Saudi Arabia reckons it. */
export const HIJRI = 'islamic-umalqura';

/**
 * The locale Intl formats with: the language, with the digits chosen as its numbering system (`-u-nu-`) and the
 * Hijri calendar when dates are shown in it alone (`-u-ca-`), so every formatter made from it (numbers, percents,
 * units, lists, dates, times, relative times) writes those digits and that calendar.
 */
export function localeTag(language: string, digits: DigitsSetting = 'auto', calendar: CalendarSetting = 'gregory'): string {
  if (digits === 'auto' && calendar !== 'hijri') return language;
  return new Intl.Locale(language, {
    ...(digits === 'auto' ? {} : { numberingSystem: digits }),
    ...(calendar === 'hijri' ? { calendar: HIJRI } : {}),
  }).toString();
}

/**
 * Arabic-Indic digits are Arabic numbers to the bidi algorithm: in a left-to-right sentence, two of them with only
 * punctuation between ("(٢٢:٠٠–٠٨:٠٠)", "Mar ١٩, ٢٠٢٦") swap places. A left-to-right mark after each number that
 * another follows keeps them in order.
 */
export function keepArabicDigitsInOrder(text: string): string {
  return text.replace(/[٠-٩](?:[٠-٩٬٫:]*[٠-٩])?(?![٠-٩٬٫:])(?=[^٠-٩]*[٠-٩])/gu, '$&\u200E');
}
