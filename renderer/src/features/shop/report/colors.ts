/**
 * The chart's colour for each platform, in light and dark: the platform's brand colour, darkened or lightened
 * until it stands out 3:1 against the dialog (the contrast WCAG asks of the parts of a graphic). Brands that look
 * alike (WhatsApp and WeChat, Messenger, Google Messages and Discord) cannot share a chart: the more common
 * platform keeps its colour and the other takes one of a few spare hues that no brand uses.
 */
import type { CSSProperties } from 'react';
import { CATALOG_ORDER, PLATFORMS } from '../../../../../common/catalog';
import type { PlatformId } from '../../../../../common/model';

export interface ChartColor {
  light: string;
  dark: string;
}

type Rgb = readonly [number, number, number];

/** The dialog's background (--color-raised) in each scheme. */
const SURFACE = { light: [255, 255, 255], dark: [37, 40, 45] } as const satisfies Record<keyof ChartColor, Rgb>;
const MIN_CONTRAST = 3;
/** Colours closer than this (in OKLab) read as the same colour at a glance. */
const MIN_DISTANCE = 0.1;
const SPARE = ['#e8710a', '#8e24aa', '#c0a000', '#00838f', '#6d4c41'];

const rgb = (hex: string): Rgb => [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)];
const hex = (color: Rgb): string => `#${color.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
const linear = (v: number): number => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
const luminance = ([r, g, b]: Rgb): number => 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);

export function contrast(a: string, b: string): number {
  const [high, low] = [luminance(rgb(a)), luminance(rgb(b))].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

/** Mixes `color` towards black (on light) or white (on dark) until it reaches the contrast. */
function legible(color: string, scheme: keyof ChartColor): string {
  const base = rgb(color);
  const surface = hex(SURFACE[scheme]);
  const toward = scheme === 'light' ? 0 : 255;
  for (let weight = 0; weight < 1; weight += 0.02) {
    const mixed = hex([base[0] + (toward - base[0]) * weight, base[1] + (toward - base[1]) * weight, base[2] + (toward - base[2]) * weight]);
    if (contrast(mixed, surface) >= MIN_CONTRAST) return mixed;
  }
  return hex([toward, toward, toward]);
}

function oklab(color: string): Rgb {
  const [r, g, b] = rgb(color).map(linear) as [number, number, number];
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

export function distance(a: string, b: string): number {
  const [p, q] = [oklab(a), oklab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

const fitted = (color: string): ChartColor => ({ light: legible(color, 'light'), dark: legible(color, 'dark') });
const clashes = (color: ChartColor, taken: readonly ChartColor[]): boolean =>
  taken.some((other) => distance(color.light, other.light) < MIN_DISTANCE || distance(color.dark, other.dark) < MIN_DISTANCE);

/** A distinct, legible colour for each of these platforms (in catalog order, the more common ones first). */
export function chartColors(platforms: readonly PlatformId[]): Map<PlatformId, ChartColor> {
  const out = new Map<PlatformId, ChartColor>();
  const spare = SPARE.map(fitted);
  for (const platform of CATALOG_ORDER.filter((id) => platforms.includes(id))) {
    const taken = [...out.values()];
    const brand = fitted(PLATFORMS[platform].icon.color);
    out.set(platform, clashes(brand, taken) ? (spare.find((c) => !clashes(c, taken)) ?? brand) : brand);
  }
  return out;
}

/** A platform's colour as CSS variables on its bars or swatch, both schemes (report.css picks with light-dark()). */
export function colorStyle(color: ChartColor | undefined): CSSProperties | undefined {
  return color === undefined ? undefined : ({ '--series-light': color.light, '--series-dark': color.dark } as CSSProperties);
}
