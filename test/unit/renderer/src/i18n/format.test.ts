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
});
