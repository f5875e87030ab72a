/**
 * The report chart's arithmetic and colours: round gridlines, day labels that never overlap, the period's first
 * midnight, and a distinct colour for every platform that stands out 3:1 on the dialog in light and dark.
 */
import { describe, expect, it } from 'vitest';
import { CATALOG_ORDER } from '../../../../../../../common/catalog';
import type { PlatformId } from '../../../../../../../common/model';
import { labelStep, niceTicks } from '../../../../../../../renderer/src/features/shop/report/chart';
import { chartColors, contrast, distance } from '../../../../../../../renderer/src/features/shop/report/colors';
import { dayStart, periodRange } from '../../../../../../../renderer/src/features/shop/report/period';

describe('niceTicks', () => {
  it.each([
    [0, [0, 1]],
    [7, [0, 2, 4, 6, 8]],
    [81, [0, 20, 40, 60, 80, 100]],
    [100, [0, 20, 40, 60, 80, 100]],
    [3, [0, 1, 2, 3]],
    [543, [0, 200, 400, 600]],
    [4_100, [0, 1_000, 2_000, 3_000, 4_000, 5_000]],
  ])('covers %d with round steps', (max, ticks) => {
    expect(niceTicks(max)).toEqual(ticks);
  });
});

describe('labelStep', () => {
  it('labels every day when there is room, then every few days, weekly, and at most monthly', () => {
    expect(labelStep(100, 60)).toBe(1);
    expect(labelStep(24, 41)).toBe(3);
    expect(labelStep(7.3, 40)).toBe(7);
    expect(labelStep(7.3, 50)).toBe(14);
    expect(labelStep(1, 500)).toBe(28);
  });
});

describe('periodRange', () => {
  it('starts at the local midnight of the oldest day and ends now', () => {
    const now = new Date(2026, 2, 29, 9, 15).getTime();
    expect(periodRange(7, now)).toEqual({ from: new Date(2026, 2, 23).getTime(), to: now });
    expect(periodRange(30, now).from).toBe(new Date(2026, 1, 28).getTime());
    expect(dayStart('2026-03-01').getTime()).toBe(new Date(2026, 2, 1).getTime());
  });
});

describe('chartColors', () => {
  const SURFACE = { light: '#ffffff', dark: '#25282d' };
  const sets: PlatformId[][] = [[...CATALOG_ORDER], ['whatsapp', 'wechat'], ['messenger', 'google-messages', 'discord'], ['whatsapp', 'instagram', 'messenger', 'telegram']];

  it.each(sets)('gives every platform a legible colour of its own (%s…)', (...platforms) => {
    const colors = [...chartColors(platforms).values()];
    expect(colors).toHaveLength(platforms.length);
    for (const [i, color] of colors.entries()) {
      expect(contrast(color.light, SURFACE.light)).toBeGreaterThanOrEqual(3);
      expect(contrast(color.dark, SURFACE.dark)).toBeGreaterThanOrEqual(3);
      for (const other of colors.slice(i + 1)) {
        expect(distance(color.light, other.light)).toBeGreaterThanOrEqual(0.1);
        expect(distance(color.dark, other.dark)).toBeGreaterThanOrEqual(0.1);
      }
    }
  });

  it('keeps the brand colour of the more common platform', () => {
    const colors = chartColors(['wechat', 'whatsapp']);
    expect(colors.get('whatsapp')?.dark).toBe('#25d366');
    expect(colors.get('wechat')?.dark).not.toBe('#07c160');
  });
});
