/**
 * The chart's arithmetic, apart from drawing: round gridline values, and how many days apart the day labels must
 * be so that they never overlap. Pure.
 */

/**
 * Gridline values from 0 to at least `max`: whole steps of 1, 2 or 5 times a power of ten, the smallest that
 * needs no more than `count` + 1 of them.
 */
export function niceTicks(max: number, count = 4): number[] {
  const top = Math.max(1, max);
  const power = 10 ** Math.floor(Math.log10(top / count));
  const step = Math.max(1, [1, 2, 5, 10, 20].map((m) => m * power).find((s) => Math.ceil(top / s) <= count + 1) ?? 20 * power);
  const ticks = [0];
  while ((ticks.at(-1) ?? 0) < top) ticks.push(ticks.length * step);
  return ticks;
}

/** Label every day, every other day, every third, then weekly, fortnightly, monthly. */
const LABEL_STEPS = [1, 2, 3, 7, 14, 28] as const;

/** The smallest step at which labels `labelWidth` wide, centred on slots `slotWidth` apart, keep `gap` between them. */
export function labelStep(slotWidth: number, labelWidth: number, gap = 8): number {
  return LABEL_STEPS.find((step) => step * slotWidth >= labelWidth + gap) ?? LABEL_STEPS[5];
}

/** A text's width at `fontSize`, estimated generously (the chart lays out before any text is measured). */
export function textWidth(text: string, fontSize: number): number {
  return Math.ceil(text.length * fontSize * 0.62);
}
