/**
 * Where the main window opens: where the user left it, if that place is still on a connected display;
 * otherwise a comfortable default size, centred by the OS.
 */
import type { WindowState } from '../settings/document';

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 };
export const MIN_SIZE = { width: 720, height: 480 };

/** At least this much of the title bar must be on a display for a saved position to be used. */
const VISIBLE_MARGIN = 64;

export function placeWindow(saved: WindowState | null, displays: readonly Area[]): { bounds: Partial<Area> & { width: number; height: number }; maximized: boolean } {
  if (!saved) return { bounds: { ...DEFAULT_SIZE }, maximized: false };
  const width = Math.max(MIN_SIZE.width, saved.width);
  const height = Math.max(MIN_SIZE.height, saved.height);
  if (saved.x === undefined || saved.y === undefined) return { bounds: { width, height }, maximized: saved.maximized };
  const { x, y } = saved;
  const onScreen = displays.some(
    (d) => x + width - VISIBLE_MARGIN >= d.x && x + VISIBLE_MARGIN <= d.x + d.width && y >= d.y && y + VISIBLE_MARGIN <= d.y + d.height,
  );
  const bounds = onScreen ? { x, y, width, height } : { width, height };
  return { bounds, maximized: saved.maximized };
}
