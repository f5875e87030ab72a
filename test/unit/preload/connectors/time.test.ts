import { describe, expect, it } from 'vitest';
import { parseListTime } from '../../../../preload/connectors/time';

// Saturday 21 November 2026, 09:30 local time.
const NOW = new Date(2026, 10, 21, 9, 30).getTime();
const at = (y: number, m: number, d: number, h = 0, min = 0): number => new Date(y, m - 1, d, h, min).getTime();

describe('parseListTime', () => {
  it.each([
    ['09:05', at(2026, 11, 21, 9, 5)],
    ['9:05 AM', at(2026, 11, 21, 9, 5)],
    ['12:10 am', at(2026, 11, 20, 0, 10) + 86_400_000],
    ['٠٨:٤٥', at(2026, 11, 21, 8, 45)],
    ['8:45 ص', at(2026, 11, 21, 8, 45)],
    ['上午8:45', at(2026, 11, 21, 8, 45)],
    ['23:50', at(2026, 11, 20, 23, 50)],
    ['11:50 PM', at(2026, 11, 20, 23, 50)],
    ['下午11:50', at(2026, 11, 20, 23, 50)],
    ['Yesterday', at(2026, 11, 20)],
    ['أمس', at(2026, 11, 20)],
    ['昨天', at(2026, 11, 20)],
    ['Today', at(2026, 11, 21)],
    ['Mon', at(2026, 11, 16)],
    ['Friday', at(2026, 11, 20)],
    ['Sat', at(2026, 11, 14)],
    ['الاثنين', at(2026, 11, 16)],
    ['星期一', at(2026, 11, 16)],
    ['周五', at(2026, 11, 20)],
    ['18.11.26', at(2026, 11, 18)],
    ['18/11/2026', at(2026, 11, 18)],
    ['2026-11-18', at(2026, 11, 18)],
    ['Nov 18', at(2026, 11, 18)],
    ['18 Nov', at(2026, 11, 18)],
    ['Dec 30', at(2025, 12, 30)],
    ['Mar 3, 2024', at(2024, 3, 3)],
    ['\u200e09:05\u200f', at(2026, 11, 21, 9, 5)],
  ])('%j', (label, expected) => {
    expect(parseListTime(label, NOW)).toBe(expected);
  });

  it.each(['', 'now', '25:00', '12:61', '31.02.26', 'Foo 3', 'typing…', undefined])('cannot read %j', (label) => {
    expect(parseListTime(label, NOW)).toBeUndefined();
  });
});
