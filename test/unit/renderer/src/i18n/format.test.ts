/** The shell's formatters: made once per language and shared by every row, and each language's own. */
import { describe, expect, it } from 'vitest';
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
