/** Zoom steps (common/zoom.ts): one press in, out or back, from every level, and the ends held. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ZOOM, ZOOM_LEVELS, zoomAfter, zoomFactor, type ZoomLevel } from '../../../common/zoom';

describe('zoomAfter', () => {
  it('steps through Chromium’s levels from actual size, absent meaning 100 %', () => {
    expect(zoomAfter(undefined, 'in')).toBe(110);
    expect(zoomAfter(undefined, 'out')).toBe(90);
    expect(zoomAfter(110, 'in')).toBe(125);
    expect(zoomAfter(67, 'out')).toBe(50);
  });

  it('goes one level each press, up and down, in order', () => {
    let level: ZoomLevel = ZOOM_LEVELS[0];
    const up: number[] = [level];
    for (let i = 1; i < ZOOM_LEVELS.length; i++) {
      level = zoomAfter(level, 'in');
      up.push(level);
    }
    expect(up).toEqual([...ZOOM_LEVELS]);
    for (let i = ZOOM_LEVELS.length - 2; i >= 0; i--) {
      level = zoomAfter(level, 'out');
      expect(level).toBe(ZOOM_LEVELS[i]);
    }
  });

  it('holds at the ends', () => {
    expect(zoomAfter(200, 'in')).toBe(200);
    expect(zoomAfter(50, 'out')).toBe(50);
  });

  it('resets to actual size from anywhere', () => {
    for (const level of ZOOM_LEVELS) expect(zoomAfter(level, 'reset')).toBe(DEFAULT_ZOOM);
  });
});

describe('zoomFactor', () => {
  it('is the level over 100, absent 1', () => {
    expect(zoomFactor(undefined)).toBe(1);
    expect(zoomFactor(125)).toBe(1.25);
    expect(zoomFactor(67)).toBe(0.67);
  });
});
