/** "Remind me" times: later today on the quarter hour, tomorrow morning or the shop's next opening, next week, and the picker's value. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../../../common/settings';
import { fromLocalInput, laterToday, nextDay, nextWeek, toLocalInput, tomorrowMorning } from '../../../../../../renderer/src/features/customer/reminders';

/** Saturday 21 November 2026, 14:07 local time. */
const NOW = new Date(2026, 10, 21, 14, 7).getTime();
const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute).getTime();

describe('reminder times', () => {
  it('later today is three hours on, rounded up to the quarter hour', () => {
    expect(laterToday(NOW)).toBe(at(21, 17, 15));
    expect(laterToday(at(21, 14, 0))).toBe(at(21, 17, 0));
  });

  it('tomorrow morning is 9:00, or the first opening from tomorrow on when business hours are set', () => {
    expect(tomorrowMorning(NOW, DEFAULT_SETTINGS.shop)).toBe(at(22, 9));
    const hours = DEFAULT_SETTINGS.shop.hours.map((day, i) => (i === 0 ? { ...day, open: false } : { ...day, from: '10:30' }));
    // Sunday is closed: Monday 10:30.
    expect(tomorrowMorning(NOW, { hoursEnabled: true, hours })).toBe(at(23, 10, 30));
    expect(nextDay(tomorrowMorning(NOW, { hoursEnabled: true, hours }), NOW)).toBe(false);
    // Open past midnight: 9:00 it is.
    const late = DEFAULT_SETTINGS.shop.hours.map((day) => ({ ...day, from: '18:00', to: '02:00' }));
    expect(tomorrowMorning(NOW, { hoursEnabled: true, hours: late })).toBe(at(22, 9));
  });

  it('next week is 9:00 seven days on, or the first opening from that day on', () => {
    expect(nextWeek(NOW, DEFAULT_SETTINGS.shop)).toBe(at(28, 9));
    // Saturdays closed: the Sunday after, at 10:00.
    const hours = DEFAULT_SETTINGS.shop.hours.map((day, i) => (i === 6 ? { ...day, open: false } : { ...day, from: '10:00' }));
    expect(nextWeek(NOW, { hoursEnabled: true, hours })).toBe(at(29, 10));
    // Late at night, still seven days on.
    expect(nextWeek(at(21, 23, 50), DEFAULT_SETTINGS.shop)).toBe(at(28, 9));
  });

  it('reads and writes the date and time field in local time, refusing dates that do not exist', () => {
    expect(toLocalInput(at(27, 9, 5))).toBe('2026-11-27T09:05');
    expect(fromLocalInput('2026-11-27T09:05')).toBe(at(27, 9, 5));
    expect(fromLocalInput('2026-02-30T09:00')).toBeUndefined();
    expect(fromLocalInput('')).toBeUndefined();
    expect(fromLocalInput('tomorrow')).toBeUndefined();
  });
});
