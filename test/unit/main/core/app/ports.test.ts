/**
 * The clock main runs on. Node fires a timer set for more than 2^31-1 ms at once, so "do not disturb until I turn
 * it off" (a timer for the end of time) used to refresh the tray menu in a loop.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_TIMER_MS, systemClock } from '../../../../../main/core/app/ports';

describe('systemClock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('does not fire a timer set for longer than Node can wait', async () => {
    const fn = vi.fn();
    const handle = systemClock.setTimeout(fn, 8_640_000_000_000_000 - Date.now());
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(fn).not.toHaveBeenCalled();
    systemClock.clearTimeout(handle);
  });

  it('fires a long timer at its time, through as many waits as it takes', () => {
    vi.useFakeTimers({ now: 0 });
    const fn = vi.fn();
    systemClock.setTimeout(fn, MAX_TIMER_MS * 2 + 5_000);
    vi.advanceTimersByTime(MAX_TIMER_MS * 2 + 4_999);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('clears a long timer in whichever wait it is', () => {
    vi.useFakeTimers({ now: 0 });
    const fn = vi.fn();
    const handle = systemClock.setTimeout(fn, MAX_TIMER_MS + 10);
    vi.advanceTimersByTime(MAX_TIMER_MS + 1);
    systemClock.clearTimeout(handle);
    vi.advanceTimersByTime(100);
    expect(fn).not.toHaveBeenCalled();
  });

  it('fires short timers once, as setTimeout does', () => {
    vi.useFakeTimers({ now: 0 });
    const fn = vi.fn();
    systemClock.setTimeout(fn, 250);
    vi.advanceTimersByTime(249);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
