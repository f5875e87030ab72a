/**
 * Main's numbers, times and dates (main/i18n/format.ts): in the digits and calendar the settings choose, whatever
 * the language; the language's own when they are left to it; two Arabic-Indic numbers kept in order in English.
 */
import { describe, expect, it } from 'vitest';
import { formatClockTime, formatCount, formatDayTime, formatMemory, formatTime, keepDigitsInOrder, numberLocale, type MainLocale } from '../../../../main/i18n/format';

const EN: MainLocale = { language: 'en', digits: 'auto', calendar: 'gregory' };
const AR: MainLocale = { ...EN, language: 'ar' };
const LATIN_ARABIC: MainLocale = { ...AR, digits: 'latn' };
const INDIC_ARABIC: MainLocale = { ...AR, digits: 'arab' };
const INDIC_ENGLISH: MainLocale = { ...EN, digits: 'arab' };
const LRM = '\u200E';

/** Saturday 21 November 2026, 08:00 local time. */
const NOW = new Date(2026, 10, 21, 8, 0);
const NINE_FIVE = new Date(2026, 10, 21, 9, 5);
/** Tuesday of the same week, 21:30. */
const TUESDAY = new Date(2026, 10, 24, 21, 30);
/** Sunday 6 December 2026 (26 Jumada II 1448), 10:00: more than a week ahead. */
const DECEMBER = new Date(2026, 11, 6, 10, 0);

/** As Intl writes Arabic by itself (Arabic-Indic or Latin digits, as the platform's data says). */
const arabicTime = (at: Date, options: Intl.DateTimeFormatOptions): string => new Intl.DateTimeFormat('ar', options).format(at);

describe('formatTime', () => {
  it('writes Latin digits in Arabic and Arabic-Indic digits in English when the settings choose them', () => {
    expect(formatTime(LATIN_ARABIC, NINE_FIVE)).toBe('09:05 ص');
    expect(formatTime(INDIC_ARABIC, NINE_FIVE)).toBe('٠٩:٠٥ ص');
    expect(formatTime(INDIC_ENGLISH, NINE_FIVE)).toBe('٠٩:٠٥');
  });

  it('is the language’s own with the digits left to it, on the 24-hour clock in English', () => {
    expect(formatTime(EN, NINE_FIVE)).toBe('09:05');
    expect(formatTime(EN, new Date(2026, 10, 21, 21, 30))).toBe('21:30');
    expect(formatTime(AR, NINE_FIVE)).toBe(arabicTime(NINE_FIVE, { hour: '2-digit', minute: '2-digit' }));
  });

  it('is the same time of day in the Hijri calendar', () => {
    expect(formatTime({ ...EN, calendar: 'hijri' }, NINE_FIVE)).toBe('09:05');
    expect(formatTime({ ...INDIC_ARABIC, calendar: 'hijri' }, NINE_FIVE)).toBe('٠٩:٠٥ ص');
  });
});

describe('formatClockTime', () => {
  it('writes a stored "HH:MM" as the user reads times', () => {
    expect(formatClockTime(EN, '22:30')).toBe('22:30');
    expect(formatClockTime(INDIC_ENGLISH, '08:00')).toBe('٠٨:٠٠');
    expect(formatClockTime(LATIN_ARABIC, '22:30')).toBe('10:30 م');
    expect(formatClockTime(INDIC_ARABIC, '22:30')).toBe('١٠:٣٠ م');
  });
});

describe('formatDayTime', () => {
  it('is the time today, the weekday within the week, and the date further on', () => {
    expect(formatDayTime(EN, NINE_FIVE, NOW)).toBe('09:05');
    expect(formatDayTime(EN, TUESDAY, NOW)).toBe('Tue 21:30');
    expect(formatDayTime(EN, DECEMBER, NOW)).toBe('6 Dec, 10:00');
  });

  it('follows the digits the settings choose', () => {
    expect(formatDayTime(LATIN_ARABIC, TUESDAY, NOW)).toBe('الثلاثاء 09:30 م');
    expect(formatDayTime(LATIN_ARABIC, DECEMBER, NOW)).toBe('6 ديسمبر، 10:00 ص');
    expect(formatDayTime(INDIC_ARABIC, DECEMBER, NOW)).toBe('٦ ديسمبر، ١٠:٠٠ ص');
    expect(formatDayTime(INDIC_ENGLISH, TUESDAY, NOW)).toBe('Tue ٢١:٣٠');
    // Two Arabic-Indic numbers in an English text: a left-to-right mark keeps the day before the time.
    expect(formatDayTime(INDIC_ENGLISH, DECEMBER, NOW)).toBe(`٦${LRM} Dec, ١٠:٠٠`);
  });

  it('writes the date in the Hijri calendar when it is chosen alone, and Gregorian with both', () => {
    expect(formatDayTime({ ...EN, calendar: 'hijri' }, DECEMBER, NOW)).toBe('26 Jum. II, 10:00');
    expect(formatDayTime({ ...LATIN_ARABIC, calendar: 'hijri' }, DECEMBER, NOW)).toBe('26 جمادى الآخرة، 10:00 ص');
    expect(formatDayTime({ ...INDIC_ARABIC, calendar: 'hijri' }, DECEMBER, NOW)).toBe('٢٦ جمادى الآخرة، ١٠:٠٠ ص');
    expect(formatDayTime({ ...EN, calendar: 'both' }, DECEMBER, NOW)).toBe('6 Dec, 10:00');
    // A weekday is the same day in either calendar.
    expect(formatDayTime({ ...EN, calendar: 'hijri' }, TUESDAY, NOW)).toBe('Tue 21:30');
  });

  it('is the language’s own with the digits left to it', () => {
    expect(formatDayTime(AR, DECEMBER, NOW)).toBe(arabicTime(DECEMBER, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }));
  });
});

describe('formatMemory', () => {
  it('writes megabytes and gigabytes in the digits the settings choose', () => {
    expect(formatMemory(INDIC_ENGLISH, 812 * 1024)).toBe('٨١٢ MB');
    expect(formatMemory(INDIC_ENGLISH, 1.45 * 1024 * 1024)).toBe('١٫٥ GB');
    expect(formatMemory(LATIN_ARABIC, 812 * 1024)).toBe('812 م.ب');
    expect(formatMemory(INDIC_ARABIC, 1.45 * 1024 * 1024)).toBe('١٫٥ غ.ب');
  });

  it('is the language’s own with the digits left to it, whatever the calendar', () => {
    expect(formatMemory(EN, 812 * 1024)).toBe('812 MB');
    expect(formatMemory({ ...EN, calendar: 'hijri' }, 812 * 1024)).toBe('812 MB');
    expect(formatMemory(AR, 812 * 1024)).toBe(new Intl.NumberFormat('ar', { style: 'unit', unit: 'megabyte', unitDisplay: 'short' }).format(812));
  });
});

describe('formatCount', () => {
  it('writes a count in the digits the settings choose', () => {
    expect(formatCount(EN, 1234)).toBe('1,234');
    expect(formatCount(INDIC_ENGLISH, 1234)).toBe('١٬٢٣٤');
    expect(formatCount(LATIN_ARABIC, 3)).toBe('3');
    expect(formatCount(INDIC_ARABIC, 3)).toBe('٣');
    expect(formatCount(AR, 3)).toBe(new Intl.NumberFormat('ar').format(3));
  });
});

describe('numberLocale', () => {
  it('is the language with the digits, and the Hijri calendar only when it is chosen alone', () => {
    expect(numberLocale(EN)).toBe('en');
    expect(numberLocale(LATIN_ARABIC)).toBe('ar-u-nu-latn');
    expect(numberLocale({ ...INDIC_ENGLISH, calendar: 'hijri' })).toBe('en-u-ca-islamic-umalqura-nu-arab');
    expect(numberLocale({ ...EN, calendar: 'both' })).toBe('en');
  });
});

describe('keepDigitsInOrder', () => {
  it('marks each Arabic-Indic number that another follows, in English only', () => {
    expect(keepDigitsInOrder(INDIC_ENGLISH, '(٢٢:٠٠–٠٨:٠٠)')).toBe(`(٢٢:٠٠${LRM}–٠٨:٠٠)`);
    expect(keepDigitsInOrder(INDIC_ENGLISH, '٥ unread')).toBe('٥ unread');
    expect(keepDigitsInOrder(INDIC_ARABIC, '(٢٢:٠٠–٠٨:٠٠)')).toBe('(٢٢:٠٠–٠٨:٠٠)');
    expect(keepDigitsInOrder(EN, '(٢٢:٠٠–٠٨:٠٠)')).toBe('(٢٢:٠٠–٠٨:٠٠)');
  });
});
