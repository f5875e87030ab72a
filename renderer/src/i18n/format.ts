/**
 * Numbers, countdowns, durations, dates and user text inside translated sentences, in the UI language and with
 * the digits the settings choose (the language's own, Latin or Arabic-Indic). Everything in the shell that writes
 * a number goes through here, through `useLocale()`'s locale, or through i18next's `number` format, which
 * `useNumbersInTranslations` points at the same digits.
 */
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { i18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { HIJRI, keepArabicDigitsInOrder, localeTag, type CalendarSetting, type DigitsSetting } from '../../../common/language';
import { useShell } from '../store/context';

export { isolate, isolateLtr } from '../../../common/language';

export interface Formatters {
  /** A count: "1,234". */
  number(value: number): string;
  /** A share out of 100 (41 → "41%", "٤١٪"). */
  percent(value: number): string;
  /** A length of time, to the unit that matters: "45 sec", "4 min", "1 hr, 20 min", "2 days, 3 hr". */
  duration(ms: number): string;
  /** "in 5 seconds", "now", "خلال ٥ ثوانٍ". */
  inSeconds(seconds: number): string;
  /** An unread badge: nothing at 0, 1…99, then "99+". */
  badge(count: number): string | null;
  /** Short facts joined the way the language lists them ("3 unread, muted"). */
  list(items: readonly string[]): string;
  /** Names joined with "and" ("WhatsApp and Instagram"). */
  and(items: readonly string[]): string;
  /**
   * When something happened, as a chat list says it: "now", "5 min", "09:30" today, "Yesterday", "Mon" within
   * the week, "21 Nov" this year, "21 Nov 2025" before.
   */
  when(at: number, now: number): string;
  /** A moment in full, for tooltips: "21 Nov 2026, 09:30" (with "both" calendars, the Hijri date beside it). */
  moment(at: number): string;
  /** A calendar day: "Feb 18, 2026", "18 Feb 2026" (with "both" calendars, the Hijri date beside it). */
  date(at: number): string;
  /** Calendar days from one to another, inclusive: "Feb 18 – Mar 19, 2026" (with "both", the Hijri days beside). */
  dateRange(from: number, to: number): string;
  /** A time of day: "08:00", "8:00 AM". */
  time(at: number): string;
  /** A time of day, and the day too when it is not today ("Sun 08:00"). */
  until(at: number, now: number): string;
  /** A file's size in the unit that suits it: "12 MB", "640 kB", "١٢ م.ب". */
  size(bytes: number): string;
  /** Part of a size in the unit `whole` is written in, without the unit: 3.1 (of "12 MB"). */
  sizePart(bytes: number, whole: number): string;
}

/** Binary steps, as the systems' file managers count (1 MB = 1,048,576 bytes). */
const SIZE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** The unit a size is written in, and its number in that unit. */
function sizeStep(bytes: number): number {
  let step = 0;
  while (step < SIZE_UNITS.length - 1 && bytes >= 1024 ** (step + 1)) step += 1;
  return step;
}

/** One decimal below 10 of a unit ("3.1 MB"), none above ("12 MB"), none for bytes. */
const digits = (value: number, step: number): number => (step === 0 || value >= 10 ? 0 : 1);

const DAY_MS = 86_400_000;

type DurationParts = Partial<Record<'days' | 'hours' | 'minutes' | 'seconds', number>>;

/** Intl.DurationFormat (Chromium 129+): not in the ES2023 library the project compiles against, nor in Node 20. */
type DurationFormatConstructor = new (locale: string, options: { style: 'short' }) => { format(duration: DurationParts): string };
const DurationFormat = (Intl as { DurationFormat?: DurationFormatConstructor }).DurationFormat;

/** The largest unit and the next one down, each rounded as a person would say it; zero parts left out. */
function durationParts(ms: number): DurationParts {
  const seconds = Math.round(Math.max(0, ms) / 1000);
  if (seconds < 60) return { seconds };
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return { minutes };
  if (minutes < 24 * 60) return withoutZeros({ hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  const hours = Math.round(ms / 3_600_000);
  return withoutZeros({ days: Math.floor(hours / 24), hours: hours % 24 });
}

function withoutZeros(parts: DurationParts): DurationParts {
  return Object.fromEntries(Object.entries(parts).filter(([, value]) => value !== 0));
}

/** Formats durations with Intl.DurationFormat where there is one, otherwise as it does: short units in a list. */
function durationFormatter(language: string): (parts: DurationParts) => string {
  if (DurationFormat !== undefined) {
    const format = new DurationFormat(language, { style: 'short' });
    return (parts) => format.format(parts);
  }
  const list = new Intl.ListFormat(language, { type: 'unit', style: 'short' });
  const unit = (name: string) => new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'short' });
  const formats = { days: unit('day'), hours: unit('hour'), minutes: unit('minute'), seconds: unit('second') };
  return (parts) =>
    list.format(
      (['days', 'hours', 'minutes', 'seconds'] as const).flatMap((key) => {
        const value = parts[key];
        return value === undefined ? [] : [formats[key].format(value)];
      }),
    );
}

/** Calendar days from `at` to `now`, in local time (0 today, 1 yesterday). */
function daysAgo(at: number, now: number): number {
  const start = (t: number) => {
    const d = new Date(t);
    return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  };
  return Math.round((start(now) - start(at)) / DAY_MS);
}

/**
 * The formatters of each language and choice of digits, made once: a row of the inbox formats dates and numbers in
 * several places, and building fifty Intl objects for each row that mounts cost a 20,000-chat list most of its
 * frame on each new message (bench/list-column.bench.ts). The time zone is the one Wasl started in, as before for
 * a row's lifetime.
 */
const madeFor = new Map<string, Formatters>();

export function formattersFor(language: string, digits: DigitsSetting = 'auto', calendar: CalendarSetting = 'gregory'): Formatters {
  const locale = localeTag(language, digits, calendar);
  const key = calendar === 'both' ? `${locale} both` : locale;
  let made = madeFor.get(key);
  if (made === undefined) {
    made = makeFormatters(locale, calendar === 'both');
    madeFor.set(key, made);
  }
  return made;
}

/** The digits and calendar settings; the language's own digits and Gregorian before the state arrives. */
function useNumbering(): { digits: DigitsSetting; calendar: CalendarSetting } {
  const { replica } = useShell();
  const digits = useStore(replica, (s) => s.app?.settings.digits ?? 'auto');
  const calendar = useStore(replica, (s) => s.app?.settings.calendar ?? 'gregory');
  return { digits, calendar };
}

/**
 * The locale to give Intl for anything format.ts does not format itself: the UI language with the chosen digits,
 * and the Hijri calendar when dates are shown in it alone.
 */
export function useLocale(): string {
  const { i18n } = useTranslation();
  const { digits, calendar } = useNumbering();
  return localeTag(i18n.language, digits, calendar);
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const { digits, calendar } = useNumbering();
  return useMemo(() => formattersFor(language, digits, calendar), [language, digits, calendar]);
}

/**
 * Makes the translations' `{{count, number}}` write the chosen digits, and has every translated text render again
 * when they change.
 */
export function useNumbersInTranslations(instance: i18n, digits: DigitsSetting): void {
  // Translations rendered before the first choice was applied are right when it is the language's own digits.
  const applied = useRef<DigitsSetting>('auto');
  useLayoutEffect(() => {
    const formatter = instance.services.formatter;
    if (formatter === undefined) return;
    formatter.addCached('number', (lng, options: Intl.NumberFormatOptions) => {
      const format = new Intl.NumberFormat(localeTag(lng ?? instance.language, digits), options);
      return (value: number) => format.format(value);
    });
    if (applied.current === digits) return;
    applied.current = digits;
    instance.emit('languageChanged', instance.language);
  }, [instance, digits]);
}

/** Arabic-Indic digits in a left-to-right language ("en-u-nu-arab"). */
function arabicDigitsInLtr(locale: string): boolean {
  const tag = new Intl.Locale(locale);
  return tag.numberingSystem === 'arab' && tag.language !== 'ar';
}

/**
 * Arabic-Indic digits are Arabic numbers to the bidi algorithm: in a left-to-right sentence, two of them with only
 * a comma and a space between ("Mar ١٩, ٢٠٢٦") swap places. A left-to-right mark after each number that another follows keeps them in order.
 */
function keepDigitsInOrder(made: Formatters): Formatters {
  const fix = keepArabicDigitsInOrder;
  return {
    number: (value) => fix(made.number(value)),
    percent: (value) => fix(made.percent(value)),
    duration: (ms) => fix(made.duration(ms)),
    inSeconds: (seconds) => fix(made.inSeconds(seconds)),
    badge: (count) => {
      const text = made.badge(count);
      return text === null ? null : fix(text);
    },
    list: (items) => made.list(items),
    and: (items) => made.and(items),
    when: (at, now) => fix(made.when(at, now)),
    moment: (at) => fix(made.moment(at)),
    date: (at) => fix(made.date(at)),
    dateRange: (from, to) => fix(made.dateRange(from, to)),
    time: (at) => fix(made.time(at)),
    until: (at, now) => fix(made.until(at, now)),
    size: (bytes) => fix(made.size(bytes)),
    sizePart: (bytes, whole) => fix(made.sizePart(bytes, whole)),
  };
}

/** The Hijri date beside a Gregorian one: "Feb 18, 2026 (Ramadan 1, 1447 AH)". */
const besideHijri = (gregorian: string, hijri: string): string => `${gregorian} (${hijri})`;

/** `language` is a locale tag (./localeTag); `withHijri` adds the Hijri date beside each date shown in full. */
function makeFormatters(language: string, withHijri: boolean): Formatters {
  const numbers = new Intl.NumberFormat(language);
  const percents = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
  const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const lists = new Intl.ListFormat(language, { type: 'unit', style: 'short' });
  const ands = new Intl.ListFormat(language, { type: 'conjunction' });
  const minutes = new Intl.NumberFormat(language, { style: 'unit', unit: 'minute', unitDisplay: 'short' });
  const time = new Intl.DateTimeFormat(language, { timeStyle: 'short' });
  const weekday = new Intl.DateTimeFormat(language, { weekday: 'short' });
  const weekdayTime = new Intl.DateTimeFormat(language, { weekday: 'short', hour: 'numeric', minute: '2-digit' });
  const dayMonth = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short' });
  const dayMonthYear = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', year: 'numeric' });
  const full = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const hijri = withHijri ? new Intl.DateTimeFormat(new Intl.Locale(language, { calendar: HIJRI }).toString(), { day: 'numeric', month: 'short', year: 'numeric' }) : undefined;
  const duration = durationFormatter(language);
  const sizes = SIZE_UNITS.map((unit) => [0, 1].map((maximumFractionDigits) => new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits })));
  const sizeNumbers = [0, 1].map((maximumFractionDigits) => new Intl.NumberFormat(language, { maximumFractionDigits }));
  const yesterday = relative.format(-1, 'day');
  const capitalizedYesterday = `${yesterday.charAt(0).toLocaleUpperCase(language)}${yesterday.slice(1)}`;
  const made: Formatters = {
    number: (value) => numbers.format(value),
    percent: (value) => percents.format(value / 100),
    duration: (ms) => duration(durationParts(ms)),
    inSeconds: (seconds) => relative.format(seconds, 'second'),
    badge: (count) => {
      if (count <= 0) return null;
      return count > 99 ? `${numbers.format(99)}+` : numbers.format(count);
    },
    list: (items) => lists.format(items),
    and: (items) => ands.format(items),
    when: (at, now) => {
      const elapsed = now - at;
      if (elapsed < 60_000) return relative.format(0, 'second');
      if (elapsed < 3_600_000) return minutes.format(Math.floor(elapsed / 60_000));
      const days = daysAgo(at, now);
      if (days <= 0) return time.format(at);
      if (days === 1) return capitalizedYesterday;
      if (days < 7) return weekday.format(at);
      return new Date(at).getFullYear() === new Date(now).getFullYear() ? dayMonth.format(at) : dayMonthYear.format(at);
    },
    moment: (at) => (hijri === undefined ? full.format(at) : besideHijri(full.format(at), hijri.format(at))),
    date: (at) => (hijri === undefined ? dayMonthYear.format(at) : besideHijri(dayMonthYear.format(at), hijri.format(at))),
    dateRange: (from, to) => (hijri === undefined ? dayMonthYear.formatRange(from, to) : besideHijri(dayMonthYear.formatRange(from, to), hijri.formatRange(from, to))),
    time: (at) => time.format(at),
    until: (at, now) => (daysAgo(at, now) === 0 ? time.format(at) : weekdayTime.format(at)),
    size: (bytes) => {
      const step = sizeStep(bytes);
      const value = bytes / 1024 ** step;
      return sizes[step]?.[digits(value, step)]?.format(value) ?? numbers.format(bytes);
    },
    sizePart: (bytes, whole) => {
      const step = sizeStep(whole);
      const value = bytes / 1024 ** step;
      return sizeNumbers[digits(value, step)]?.format(value) ?? numbers.format(value);
    },
  };
  return arabicDigitsInLtr(language) ? keepDigitsInOrder(made) : made;
}
