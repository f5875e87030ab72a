/** Business hours: when the shop is away, and when it opens or closes next (common/shop/hours.ts). */
import { describe, expect, it } from 'vitest';
import { businessHours, dateOfText, isAway, isDateText, isOpen, localDate, nextChange, nextOpening, parseClock, weeklyHours, type WeeklyHours } from '../../../../common/shop/hours';
import type { DayHours, SpecialHours } from '../../../../common/shop/model';

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

describe('special opening hours over the week', () => {
  const day = (open: boolean, from = '09:00', to = '21:00'): DayHours => ({ open, from, to });
  // Every day 09:00–21:00, except Wednesday 18:00–02:00 (past midnight).
  const week = [day(true), day(true), day(true), day(true, '18:00', '02:00'), day(true), day(true), day(true)];
  const special = (id: string, from: string, to: string, hours: SpecialHours['hours']): SpecialHours => ({ id, name: id, from, to, hours });
  // 22 November 2026 is a Sunday; d is the day of the month.
  const at = (d: number, h: number, m = 0) => new Date(2026, 10, d, h, m);
  const shop = (...specialHours: SpecialHours[]) => businessHours({ hours: week, specialHours });

  it.each([
    // A "Ramadan" range 23–25 November, 20:00–03:00: its first and last day, and the night after the last.
    ['the day before the range keeps the week', at(22, 10), true],
    ['the first day opens late', at(23, 10), false],
    ['the first day at its opening', at(23, 20), true],
    ['its night runs past midnight into the second day', at(24, 2, 59), true],
    ['and closes at 03:00', at(24, 3), false],
    ['the last day at night', at(25, 23), true],
    ['the last night runs out of the range', at(26, 2, 30), true],
    ['then the week again', at(26, 3, 30), false],
    ['the day after the range keeps the week', at(26, 9), true],
  ])('%s', (_name, now, open) => {
    expect(isOpen(shop(special('ramadan', '2026-11-23', '2026-11-25', { from: '20:00', to: '03:00' })), now)).toBe(open);
  });

  it('lets a night that started on a weekday run into a closed special day, and closes the day itself', () => {
    // Wednesday 25 November 18:00–02:00, then Thursday 26 a closed Eid day between open days.
    const hours = shop(special('eid', '2026-11-26', '2026-11-26', null));
    expect(isOpen(hours, at(26, 1, 30))).toBe(true);
    expect(isOpen(hours, at(26, 2))).toBe(false);
    expect(isOpen(hours, at(26, 12))).toBe(false);
    expect(isOpen(hours, at(26, 23, 59))).toBe(false);
    expect(isOpen(hours, at(27, 9))).toBe(true);
    expect(isOpen(hours, at(25, 12))).toBe(false);
    expect(isOpen(hours, at(25, 18))).toBe(true);
    expect(nextChange(hours, at(25, 22))).toEqual(at(26, 2));
    expect(nextChange(hours, at(26, 2))).toEqual(at(27, 9));
    expect(nextOpening(hours, at(26, 3))).toEqual(at(27, 9));
  });

  it('lets the range starting later win where ranges overlap, whatever their order', () => {
    const ramadan = special('ramadan', '2026-11-20', '2026-12-10', { from: '20:00', to: '03:00' });
    const eid = special('eid', '2026-12-01', '2026-12-03', null);
    for (const hours of [shop(ramadan, eid), shop(eid, ramadan)]) {
      expect(isOpen(hours, at(30, 21))).toBe(true);
      // Ramadan's last night before Eid runs into it: it started on a Ramadan day.
      expect(isOpen(hours, new Date(2026, 11, 1, 1))).toBe(true);
      expect(isOpen(hours, new Date(2026, 11, 1, 21))).toBe(false);
      expect(isOpen(hours, new Date(2026, 11, 3, 21))).toBe(false);
      expect(isOpen(hours, new Date(2026, 11, 4, 21))).toBe(true);
    }
  });

  it('makes the same opening and closing time all day, as the week does', () => {
    const hours = shop(special('sale', '2026-11-23', '2026-11-23', { from: '00:00', to: '00:00' }));
    expect(isOpen(hours, at(23, 0))).toBe(true);
    expect(isOpen(hours, at(23, 23, 59))).toBe(true);
    expect(isOpen(hours, at(24, 8, 59))).toBe(false);
  });

  it('finds the next opening across a closed range longer than a week', () => {
    const hours = shop(special('holiday', '2026-11-23', '2026-12-06', null));
    expect(nextOpening(hours, at(22, 22))).toEqual(new Date(2026, 11, 7, 9));
    expect(nextChange(hours, at(22, 22))).toEqual(new Date(2026, 11, 7, 9));
    expect(nextChange(hours, at(22, 12))).toEqual(at(22, 21));
  });

  it('never opens when every day is closed and no range opens', () => {
    const closed = Array.from({ length: 7 }, () => day(false));
    const hours = businessHours({ hours: closed, specialHours: [special('x', '2026-11-23', '2026-11-23', null)] });
    expect(nextOpening(hours, at(22, 12))).toBeUndefined();
    expect(nextChange(hours, at(22, 12))).toBeUndefined();
    const opens = businessHours({ hours: closed, specialHours: [special('fair', '2026-11-30', '2026-11-30', { from: '10:00', to: '14:00' })] });
    expect(nextOpening(opens, at(22, 12))).toEqual(at(30, 10));
    expect(nextChange(opens, at(30, 10))).toEqual(at(30, 14));
  });

  it('is away on a closed special day when hours are set', () => {
    const specialHours = [special('eid', '2026-11-26', '2026-11-26', null)];
    expect(isAway({ hoursEnabled: true, hours: week, specialHours }, at(26, 12))).toBe(true);
    expect(isAway({ hoursEnabled: false, hours: week, specialHours }, at(26, 12))).toBe(false);
    expect(isAway({ hoursEnabled: true, hours: week, specialHours }, at(27, 12))).toBe(false);
  });

  it('reads special days by the local date, in the local time zone', () => {
    const realTz = process.env['TZ'];
    try {
      // 25 November 22:30 UTC is already 26 November (a closed Eid day) in Riyadh, still the 25th in London.
      const instant = new Date(Date.UTC(2026, 10, 25, 22, 30));
      const shopSettings = { hoursEnabled: true, hours: Array.from({ length: 7 }, () => day(true, '00:00', '00:00')), specialHours: [special('eid', '2026-11-26', '2026-11-26', null)] };
      process.env['TZ'] = 'Asia/Riyadh';
      expect(isAway(shopSettings, instant)).toBe(true);
      process.env['TZ'] = 'Europe/London';
      expect(isAway(shopSettings, instant)).toBe(false);
    } finally {
      if (realTz === undefined) delete process.env['TZ'];
      else process.env['TZ'] = realTz;
    }
  });

  it('knows real dates and writes local ones', () => {
    expect(isDateText('2026-02-28')).toBe(true);
    expect(isDateText('2028-02-29')).toBe(true);
    expect(isDateText('2026-02-29')).toBe(false);
    expect(isDateText('2026-13-01')).toBe(false);
    expect(isDateText('2026-1-01')).toBe(false);
    expect(isDateText('0099-01-01')).toBe(true);
    expect(localDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(dateOfText('2026-03-20')).toEqual(new Date(2026, 2, 20));
    expect(dateOfText('2026-03-32')).toBeUndefined();
  });
});
