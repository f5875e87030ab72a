import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../common/settings';
import { isQuiet } from '../../../common/quiet';
import { currentDnd, dndUntil, FOREVER, HOUR_MS, nextMorning } from '../../../common/dnd';

/** Local times, so the tests hold in any time zone. */
const at = (day: number, hour: number, minute = 0): Date => new Date(2026, 0, day, hour, minute, 0, 0);

describe('nextMorning', () => {
  it('is tomorrow 08:00 during the day and evening', () => {
    expect(nextMorning(at(10, 8))).toBe(at(11, 8).getTime());
    expect(nextMorning(at(10, 14, 30))).toBe(at(11, 8).getTime());
    expect(nextMorning(at(10, 23, 59))).toBe(at(11, 8).getTime());
  });

  it('is this morning 08:00 after midnight, and crosses months', () => {
    expect(nextMorning(at(11, 2))).toBe(at(11, 8).getTime());
    expect(nextMorning(at(11, 7, 59))).toBe(at(11, 8).getTime());
    expect(nextMorning(new Date(2026, 0, 31, 20, 0))).toBe(new Date(2026, 1, 1, 8, 0).getTime());
  });
});

describe('dndUntil', () => {
  it('is null for off, an hour from now, or the next morning', () => {
    const now = at(10, 14, 30);
    expect(dndUntil('off', now)).toBeNull();
    expect(dndUntil('hour', now)).toBe(now.getTime() + HOUR_MS);
    expect(dndUntil('morning', now)).toBe(at(11, 8).getTime());
  });

  it('silences notifications until then (common/quiet.ts agrees)', () => {
    const now = at(10, 14, 30);
    const settings = { ...DEFAULT_SETTINGS.notifications, dndUntil: dndUntil('hour', now) };
    expect(isQuiet(settings, at(10, 15, 29))).toBe(true);
    expect(isQuiet(settings, at(10, 15, 31))).toBe(false);
  });
});

describe('currentDnd', () => {
  const now = at(10, 14, 30);

  it('is off when unset or past', () => {
    expect(currentDnd({ dndUntil: null }, now)).toEqual({ choice: 'off', until: null });
    expect(currentDnd({ dndUntil: now.getTime() }, now)).toEqual({ choice: 'off', until: null });
  });

  it('recognises "until tomorrow" by its end at 08:00 sharp, and calls any other end "for an hour"', () => {
    expect(currentDnd({ dndUntil: at(11, 8).getTime() }, now)).toEqual({ choice: 'morning', until: at(11, 8).getTime() });
    expect(currentDnd({ dndUntil: now.getTime() + HOUR_MS }, now)).toEqual({ choice: 'hour', until: now.getTime() + HOUR_MS });
    expect(currentDnd({ dndUntil: at(11, 8, 1).getTime() }, now).choice).toBe('hour');
  });
});

describe('do not disturb until turned off', () => {
  it('is on with no end, recognized as such, and keeps notifications quiet', () => {
    const now = new Date(2026, 10, 21, 12, 0);
    const until = dndUntil('on', now);
    expect(until).toBe(FOREVER);
    expect(currentDnd({ dndUntil: until }, now)).toEqual({ choice: 'on', until: FOREVER });
    expect(isQuiet({ dndUntil: until, quietHours: { enabled: false, from: '22:00', to: '08:00' } }, new Date(2099, 0, 1))).toBe(true);
  });
});
