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
