/** The shell's formatters: made once per language and shared by every row, and each language's own. */
import { describe, expect, it } from 'vitest';
import { localeTag } from '../../../../../common/language';
import { formattersFor } from '../../../../../renderer/src/i18n/format';

describe('formattersFor', () => {
  it('answers the same formatters for a language every time, so a row that mounts builds none', () => {
    expect(formattersFor('en')).toBe(formattersFor('en'));
    expect(formattersFor('ar')).toBe(formattersFor('ar'));
  });

  it("keeps each language's own words and badges", () => {
    const en = formattersFor('en');
    const ar = formattersFor('ar');
    expect(ar).not.toBe(en);
    expect(en.number(1234)).toBe('1,234');
    expect(en.and(['Ali', 'Omar'])).toBe('Ali and Omar');
    expect(ar.and(['علي', 'عمر'])).toBe('علي وعمر');
    expect(en.badge(1000)).toBe('99+');
    expect(en.badge(0)).toBeNull();
  });

  it('writes file sizes in the unit that suits them, and a part in the unit of its whole', () => {
    const en = formattersFor('en');
    const MB = 1024 * 1024;
    expect(en.size(0)).toBe('0 byte');
    expect(en.size(900)).toBe('900 byte');
    expect(en.size(1536)).toBe('1.5 kB');
    expect(en.size(640 * 1024)).toBe('640 kB');
    expect(en.size(12 * MB)).toBe('12 MB');
    expect(en.size(3.14 * MB)).toBe('3.1 MB');
    expect(en.size(2.5 * 1024 * MB)).toBe('2.5 GB');
    expect(en.sizePart(3.14 * MB, 12 * MB)).toBe('3.1');
    expect(en.sizePart(11.96 * MB, 12 * MB)).toBe('12');
    expect(en.sizePart(200 * 1024, 12 * MB)).toBe('0.2');
    expect(formattersFor('ar').size(12 * MB)).not.toBe('12 MB');
  });
});

describe('the digits setting', () => {
  const at = new Date(2026, 1, 18, 9, 5).getTime();

  it('writes every kind of number in Arabic-Indic digits when asked, in either language', () => {
    for (const language of ['en', 'ar']) {
      const format = formattersFor(language, 'arab');
      expect(format.number(1234)).toMatch(/^١.?٢٣٤$/u);
      expect(format.percent(41)).toContain('٤١');
      expect(format.badge(3)).toBe('٣');
      expect(format.badge(250)).toBe('٩٩+');
      expect(format.duration(4 * 60_000)).toContain('٤');
      expect(format.inSeconds(5)).toContain('٥');
      expect(format.when(at - 5 * 60_000, at)).toContain('٥');
      expect(format.time(at)).toContain('٩:٠٥');
      expect(format.date(at)).toContain('٢٠٢٦');
      expect(format.moment(at)).toContain('١٨');
      expect(format.dateRange(at, at + 3 * 86_400_000)).toContain('٢١');
      expect(`${format.number(1234)}${format.time(at)}${format.date(at)}${format.inSeconds(5)}`).not.toMatch(/[0-9]/u);
    }
  });

  it('writes Latin digits when asked, Arabic included, and the language’s own by default', () => {
    const latin = formattersFor('ar', 'latn');
    expect(latin.number(1234)).toMatch(/^1.?234$/u);
    expect(latin.badge(3)).toBe('3');
    expect(`${latin.time(at)}${latin.date(at)}${latin.inSeconds(5)}${latin.percent(41)}`).not.toMatch(/[٠-٩]/u);
    expect(formattersFor('ar').number(7)).toBe(new Intl.NumberFormat('ar').format(7));
    expect(formattersFor('en', 'auto').number(7)).toBe('7');
  });

  it('keeps one set of formatters per language and digits', () => {
    expect(formattersFor('ar', 'arab')).toBe(formattersFor('ar', 'arab'));
    expect(formattersFor('ar', 'arab')).not.toBe(formattersFor('ar', 'latn'));
    expect(formattersFor('en', 'auto')).toBe(formattersFor('en'));
  });

  it('names the locale with its numbering system only when one is chosen', () => {
    expect(localeTag('ar', 'latn')).toBe('ar-u-nu-latn');
    expect(localeTag('en', 'arab')).toBe('en-u-nu-arab');
    expect(localeTag('ar', 'auto')).toBe('ar');
  });
});

describe('the calendar setting', () => {
  // Checked against Node's own ICU rather than trusted: 18 February 2026 is 1 Ramadan 1447 in Umm al-Qura.
  const ramadan = new Date(2026, 1, 18, 9, 5).getTime();
  const hijri = (language: string, at: number) => new Intl.DateTimeFormat(`${language}-u-ca-islamic-umalqura`, { day: 'numeric', month: 'long', year: 'numeric' }).formatToParts(at);
  const part = (parts: Intl.DateTimeFormatPart[], type: string) => parts.find((p) => p.type === type)?.value;

  it('knows 18 February 2026 as 1 Ramadan 1447 in Umm al-Qura, and the day before as 29 Shaʻban', () => {
    expect(part(hijri('en', ramadan), 'day')).toBe('1');
    expect(part(hijri('en', ramadan), 'month')).toBe('Ramadan');
    expect(part(hijri('en', ramadan), 'year')).toBe('1447');
    expect(part(hijri('ar', ramadan), 'month')).toBe('رمضان');
    expect(part(hijri('en', ramadan - 86_400_000), 'day')).toBe('29');
  });

  it('shows dates in the Hijri calendar alone, in English and in Arabic, with either digits', () => {
    expect(formattersFor('en', 'auto', 'hijri').date(ramadan)).toMatch(/^Ram(adan|\.) 1, 1447 AH$/u);
    expect(formattersFor('ar', 'auto', 'hijri').date(ramadan)).toMatch(/^1 رمضان 1447 هـ$/u);
    expect(formattersFor('ar', 'arab', 'hijri').date(ramadan)).toMatch(/^١ رمضان ١٤٤٧ هـ$/u);
    expect(formattersFor('en', 'auto', 'hijri').moment(ramadan)).toContain('1447');
    expect(formattersFor('en', 'auto', 'hijri').moment(ramadan)).not.toContain('2026');
    // A chat list's short dates follow the calendar too; its relative times stay as they are.
    expect(formattersFor('en', 'auto', 'hijri').when(ramadan, ramadan + 20 * 86_400_000)).toMatch(/^Ram(adan|\.) 1$/u);
    expect(formattersFor('en', 'auto', 'hijri').when(ramadan, ramadan + 5 * 60_000)).toBe(formattersFor('en').when(ramadan, ramadan + 5 * 60_000));
  });

  it('shows the Hijri date beside the Gregorian one where a date is shown in full, and leaves short dates Gregorian', () => {
    const both = formattersFor('en', 'auto', 'both');
    expect(both.date(ramadan)).toMatch(/^Feb 18, 2026 \(Ram(adan|\.) 1, 1447 AH\)$/u);
    expect(both.moment(ramadan)).toMatch(/^Feb 18, 2026, 9:05\sAM \(Ram(adan|\.) 1, 1447 AH\)$/u);
    expect(both.dateRange(ramadan, ramadan + 29 * 86_400_000)).toMatch(/^Feb 18\s–\sMar 19, 2026 \(Ram(adan|\.) 1\s–\s30, 1447 AH\)$/u);
    expect(both.when(ramadan, ramadan + 20 * 86_400_000)).toBe('Feb 18');
    const arabic = formattersFor('ar', 'arab', 'both').date(ramadan);
    expect(arabic).toContain('١٨ فبراير ٢٠٢٦');
    expect(arabic).toContain('١ رمضان ١٤٤٧ هـ');
    expect(formattersFor('en', 'auto', 'both')).not.toBe(formattersFor('en', 'auto', 'gregory'));
  });

  it('names the locale with the Hijri calendar only when it is shown alone', () => {
    expect(localeTag('ar', 'arab', 'hijri')).toBe('ar-u-ca-islamic-umalqura-nu-arab');
    expect(localeTag('en', 'auto', 'hijri')).toBe('en-u-ca-islamic-umalqura');
    expect(localeTag('en', 'auto', 'both')).toBe('en');
  });
});

describe('Arabic-Indic digits in English', () => {
  it('keeps them in reading order with a left-to-right mark after each number another follows, and only in a left-to-right language', () => {
    const at = new Date(2026, 2, 19).getTime();
    expect(formattersFor('en', 'arab').date(at)).toBe('Mar ١٩\u200E, ٢٠٢٦');
    expect(formattersFor('en', 'arab').time(new Date(2026, 2, 19, 9, 5).getTime())).toMatch(/^٩:٠٥\sAM$/u);
    expect(formattersFor('en', 'arab').dateRange(at, at + 2 * 86_400_000)).toMatch(/^Mar ١٩\u200E\s–\s٢١\u200E, ٢٠٢٦$/u);
    expect(formattersFor('en', 'arab').badge(3)).toBe('٣');
    expect(formattersFor('ar', 'arab').date(at)).not.toContain('\u200E');
    expect(formattersFor('en', 'latn').date(at)).toBe('Mar 19, 2026');
  });
});
