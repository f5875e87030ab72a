/**
 * The interface languages' shared helpers (common/language.ts): Arabic-Indic numbers kept in order inside
 * left-to-right text.
 */
import { describe, expect, it } from 'vitest';
import { keepArabicDigitsInOrder } from '../../../common/language';

const LRM = '\u200E';

describe('keepArabicDigitsInOrder', () => {
  it('marks each Arabic-Indic number that another follows, grouping and time separators included', () => {
    expect(keepArabicDigitsInOrder('(٢٢:٠٠–٠٨:٠٠)')).toBe(`(٢٢:٠٠${LRM}–٠٨:٠٠)`);
    expect(keepArabicDigitsInOrder('Mar ١٩, ٢٠٢٦')).toBe(`Mar ١٩${LRM}, ٢٠٢٦`);
    expect(keepArabicDigitsInOrder('١٬٢٣٤ unread · ٨١٢ MB')).toBe(`١٬٢٣٤${LRM} unread · ٨١٢ MB`);
  });

  it('leaves a lone number, Latin digits and text without digits as they are', () => {
    expect(keepArabicDigitsInOrder('٥ unread')).toBe('٥ unread');
    expect(keepArabicDigitsInOrder('(22:00–08:00)')).toBe('(22:00–08:00)');
    expect(keepArabicDigitsInOrder('Wasl')).toBe('Wasl');
  });
});
