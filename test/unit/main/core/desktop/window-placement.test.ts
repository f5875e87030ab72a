/** Where the window opens again, on the screens there are now (main/core/desktop/window-placement.ts). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, MIN_SIZE, placeWindow } from '../../../../../main/core/desktop/window-placement';

describe('placeWindow', () => {
  const display = [{ x: 0, y: 0, width: 1920, height: 1040 }];
  it('opens at the default size the first time', () => {
    expect(placeWindow(null, display)).toEqual({ bounds: DEFAULT_SIZE, maximized: false });
  });
  it('restores a place that is still on a display', () => {
    expect(placeWindow({ x: 100, y: 50, width: 1000, height: 700, maximized: true }, display)).toEqual({
      bounds: { x: 100, y: 50, width: 1000, height: 700 },
      maximized: true,
    });
  });
  it('keeps the size but lets the OS place a window whose display is gone', () => {
    expect(placeWindow({ x: 3000, y: 50, width: 1000, height: 700, maximized: false }, display)).toEqual({
      bounds: { width: 1000, height: 700 },
      maximized: false,
    });
    expect(placeWindow({ x: 100, y: -600, width: 1000, height: 700, maximized: false }, display).bounds).toEqual({ width: 1000, height: 700 });
  });
  it('never restores a window smaller than the minimum', () => {
    expect(placeWindow({ x: 10, y: 10, width: 300, height: 200, maximized: false }, display).bounds).toEqual({
      x: 10, y: 10, width: MIN_SIZE.width, height: MIN_SIZE.height,
    });
  });
  it('uses a second display', () => {
    const two = [...display, { x: 1920, y: 0, width: 2560, height: 1400 }];
    expect(placeWindow({ x: 2500, y: 100, width: 1200, height: 800, maximized: false }, two).bounds).toEqual({ x: 2500, y: 100, width: 1200, height: 800 });
  });
});
