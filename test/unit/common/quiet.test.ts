/** Whether notifications are quiet now: do not disturb and daily quiet hours (common/quiet.ts). */
import { afterEach, describe, expect, it } from 'vitest';
import { isQuiet } from '../../../common/quiet';

const quiet = (from: string, to: string, dndUntil: number | null = null) => ({ dndUntil, quietHours: { enabled: true, from, to } });

describe('isQuiet', () => {
  const realTz = process.env['TZ'];
  afterEach(() => {
    if (realTz === undefined) delete process.env['TZ'];
    else process.env['TZ'] = realTz;
  });

  it.each([
    ['21:59', false],
    ['22:00', true],
    ['23:59', true],
    ['00:00', true],
    ['07:59', true],
    ['08:00', false],
    ['12:00', false],
  ])('quiet hours 22:00–08:00 wrap past midnight: %s → %s', (clock, expected) => {
    const [h, m] = clock.split(':').map(Number);
    expect(isQuiet(quiet('22:00', '08:00'), new Date(2026, 10, 21, h ?? 0, m ?? 0))).toBe(expected);
  });

  it('hours within one day, off when disabled or empty', () => {
    expect(isQuiet(quiet('13:00', '14:00'), new Date(2026, 10, 21, 13, 30))).toBe(true);
    expect(isQuiet(quiet('13:00', '14:00'), new Date(2026, 10, 21, 14, 0))).toBe(false);
    expect(isQuiet(quiet('09:00', '09:00'), new Date(2026, 10, 21, 9, 0))).toBe(false);
    expect(isQuiet({ dndUntil: null, quietHours: { enabled: false, from: '00:00', to: '23:59' } }, new Date(2026, 10, 21, 12, 0))).toBe(false);
  });

  it('do-not-disturb holds until its moment, whatever the hours say', () => {
    const now = new Date(2026, 10, 21, 12, 0);
    expect(isQuiet({ dndUntil: now.getTime() + 1, quietHours: { enabled: false, from: '22:00', to: '08:00' } }, now)).toBe(true);
    expect(isQuiet({ dndUntil: now.getTime(), quietHours: { enabled: false, from: '22:00', to: '08:00' } }, now)).toBe(false);
  });

  it('reads the hours in the local time zone: the same instant is quiet in Riyadh and not in New York', () => {
    const instant = new Date(Date.UTC(2026, 10, 21, 20, 30));
    process.env['TZ'] = 'Asia/Riyadh';
    expect(isQuiet(quiet('22:00', '08:00'), instant)).toBe(true);
    process.env['TZ'] = 'America/New_York';
    expect(isQuiet(quiet('22:00', '08:00'), instant)).toBe(false);
  });
});
