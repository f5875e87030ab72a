import { describe, expect, it } from 'vitest';
import { MAX_COUNT, parseCount } from '../../../common/count';

describe('parseCount: counts as badges write them', () => {
  it.each([
    ['', 0],
    ['no digits', 0],
    ['3', 3],
    ['99+', 99],
    ['999+', 999],
    ['1,505', 1_505],
    ['1.505', 1_505],
    ['1 505', 1_505],
    ['١٬٥٠٥', 1_505],
    ['٣', 3],
    ['۱۲', 12],
    ['७', 7],
    // Compact counts on busy chats: never their digits.
    ['7.5K', 7_500],
    ['1.4K', 1_400],
    ['12K', 12_000],
    ['1.2M', 1_200_000],
    ['1,25M', 1_250_000],
    ['1,4 тыс.', 1_400],
    ['7,5 тис.', 7_500],
    ['2 млн', 2_000_000],
    ['2,3 mil', 2_300],
    ['٧٫٥ ألف', 7_500],
    ['١٫٢ مليون', 1_200_000],
    ['3万', 30_000],
    // A word that merely starts like a suffix is not one.
    ['5 kg', 5],
    ['3 miles', 3],
    ['12 messages', 12],
    ['unread: 4', 4],
    ['9'.repeat(40), MAX_COUNT],
    ['3B', MAX_COUNT],
  ])('%j → %d', (raw, expected) => {
    expect(parseCount(raw)).toBe(expected);
  });

  it('reads nothing from null or undefined', () => {
    expect(parseCount(null)).toBe(0);
    expect(parseCount(undefined)).toBe(0);
  });
});
