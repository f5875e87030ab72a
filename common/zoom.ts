/**
 * Zoom per service: the steps a service's page can be shown at (Chromium's own zoom steps between 50 % and 200 %),
 * and what one press of zoom in, zoom out or actual size makes of the step it is at. The choice is kept per service
 * (`zoom` in common/settings/service.ts, absent = 100 %); main applies it to the page (main/core/services/zoom.ts),
 * the shell shows it in the service's header while it is not 100 %. Pure.
 */

/** The zoom steps, in percent, smallest first. */
export const ZOOM_LEVELS = [50, 67, 75, 80, 90, 100, 110, 125, 150, 175, 200] as const;

export type ZoomLevel = (typeof ZOOM_LEVELS)[number];

/** Actual size. */
export const DEFAULT_ZOOM: ZoomLevel = 100;

/** One press: a step bigger, a step smaller, or back to actual size. */
export type ZoomStep = 'in' | 'out' | 'reset';

export const ZOOM_STEPS = ['in', 'out', 'reset'] as const satisfies readonly ZoomStep[];

/** The level one press leads to from `current` (absent: actual size); the ends stay where they are. */
export function zoomAfter(current: ZoomLevel | undefined, step: ZoomStep): ZoomLevel {
  if (step === 'reset') return DEFAULT_ZOOM;
  const index = ZOOM_LEVELS.indexOf(current ?? DEFAULT_ZOOM);
  const next = step === 'in' ? Math.min(index + 1, ZOOM_LEVELS.length - 1) : Math.max(index - 1, 0);
  return ZOOM_LEVELS[next] ?? DEFAULT_ZOOM;
}

/** The factor Electron's setZoomFactor takes for a level (1 = 100 %). */
export function zoomFactor(level: ZoomLevel | undefined): number {
  return (level ?? DEFAULT_ZOOM) / 100;
}
