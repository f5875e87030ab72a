/** Business hours: when the shop is away, and when it opens or closes next (common/shop/hours.ts). */
import { describe, expect, it } from 'vitest';
import { isAway, isOpen, nextChange, nextOpening, parseClock, weeklyHours, type WeeklyHours } from '../../../../common/shop/hours';
import type { DayHours } from '../../../../common/shop/model';

describe('business hours', () => {
  // Sunday–Thursday 09:00–13:00 and 16:00–22:00, Friday closed, Saturday 18:00–02:00 (past midnight).
  const week: WeeklyHours = [
    [{ from: 540, to: 780 }, { from: 960, to: 1320 }],
    [{ from: 540, to: 780 }, { from: 960, to: 1320 }],
    [{ from: 540, to: 780 }, { from: 960, to: 1320 }],
    [{ from: 540, to: 780 }, { from: 960, to: 1320 }],
    [{ from: 540, to: 780 }, { from: 960, to: 1320 }],
    [],
    [{ from: 1080, to: 120 }],
  ];
  // 22 November 2026 is a Sunday.
  const at = (day: number, h: number, m = 0) => new Date(2026, 10, 22 + day, h, m);

  it.each([
    [at(0, 8, 59), false],
    [at(0, 9, 0), true],
    [at(0, 12, 59), true],
    [at(0, 13, 0), false],
    [at(0, 16, 0), true],
    [at(0, 21, 59), true],
    [at(0, 22, 0), false],
    [at(5, 12, 0), false],
    [at(6, 17, 59), false],
    [at(6, 18, 0), true],
    [at(6, 23, 59), true],
    [at(7, 1, 59), true],
    [at(7, 2, 0), false],
  ])('%s → open %s', (now, open) => {
    expect(isOpen(week, now)).toBe(open);
  });

  it('finds the next opening, across closed days and past midnight', () => {
    expect(nextOpening(week, at(0, 13, 30))).toEqual(at(0, 16, 0));
    expect(nextOpening(week, at(0, 22, 30))).toEqual(at(1, 9, 0));
    expect(nextOpening(week, at(4, 23, 0))).toEqual(at(6, 18, 0));
    expect(nextOpening(week, at(0, 10, 0))).toEqual(at(0, 10, 0));
    expect(nextOpening([[], [], [], [], [], [], []], at(0, 10, 0))).toBeUndefined();
  });

  it('reads clock times', () => {
    expect(parseClock('09:30')).toBe(570);
    expect(parseClock('23:59')).toBe(1439);
    expect(parseClock('24:00')).toBeUndefined();
    expect(parseClock('9:30')).toBeUndefined();
  });
});

describe('business hours from the settings', () => {
  const day = (open: boolean, from = '09:00', to = '21:00'): DayHours => ({ open, from, to });
  // Sunday first: closed Friday (5), Saturday past midnight, Monday all day.
  const settings = [day(true), day(true, '00:00', '00:00'), day(true), day(true), day(true), day(false), day(true, '18:00', '02:00')];
  const at = (d: number, h: number, m = 0) => new Date(2026, 10, 22 + d, h, m);

  it('turns each open day into one span; the same time twice is all day; a closed day has none', () => {
    expect(weeklyHours(settings)).toEqual([
      [{ from: 540, to: 1260 }],
      [{ from: 0, to: 1440 }],
      [{ from: 540, to: 1260 }],
      [{ from: 540, to: 1260 }],
      [{ from: 540, to: 1260 }],
      [],
      [{ from: 1080, to: 120 }],
    ]);
    expect(weeklyHours([day(true, '9:00', '21:00')])[0]).toEqual([]);
  });

  it('is away only when hours are set and the shop is closed', () => {
    expect(isAway({ hoursEnabled: true, hours: settings }, at(0, 8, 59))).toBe(true);
    expect(isAway({ hoursEnabled: true, hours: settings }, at(0, 9, 0))).toBe(false);
    expect(isAway({ hoursEnabled: false, hours: settings }, at(0, 3, 0))).toBe(false);
    expect(isAway({ hoursEnabled: true, hours: settings }, at(1, 3, 0))).toBe(false);
    expect(isAway({ hoursEnabled: true, hours: settings }, at(5, 12, 0))).toBe(true);
  });

  it('finds the next opening or closing, across a closed day and past midnight', () => {
    const hours = weeklyHours(settings);
    expect(nextChange(hours, at(0, 8, 0))).toEqual(at(0, 9, 0));
    expect(nextChange(hours, at(0, 9, 0))).toEqual(at(0, 21, 0));
    // Sunday 21:00 closes; Monday is open all day from midnight.
    expect(nextChange(hours, at(0, 22, 0))).toEqual(at(1, 0, 0));
    expect(nextChange(hours, at(1, 12, 0))).toEqual(at(1, 24, 0));
    // Thursday closes at 21:00; Friday is closed; Saturday opens at 18:00 and closes at 02:00 on Sunday.
    expect(nextChange(hours, at(4, 21, 30))).toEqual(at(6, 18, 0));
    expect(nextChange(hours, at(6, 23, 0))).toEqual(at(7, 2, 0));
    expect(nextChange(weeklyHours(Array.from({ length: 7 }, () => day(false))), at(0, 12, 0))).toBeUndefined();
  });

  it('reads the hours in the local time zone', () => {
    const realTz = process.env['TZ'];
    try {
      // Sunday 06:30 in London is 09:30 in Riyadh: open there, not yet here.
      const instant = new Date(Date.UTC(2026, 10, 22, 6, 30));
      process.env['TZ'] = 'Asia/Riyadh';
      expect(isAway({ hoursEnabled: true, hours: settings }, instant)).toBe(false);
      process.env['TZ'] = 'Europe/London';
      expect(isAway({ hoursEnabled: true, hours: settings }, instant)).toBe(true);
    } finally {
      if (realTz === undefined) delete process.env['TZ'];
      else process.env['TZ'] = realTz;
    }
  });
});
