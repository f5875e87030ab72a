/**
 * The unread badge drawn into the tray icon and the Windows overlay (main/core/badge.ts), over the real tray
 * icons from assets/. Besides checking pixels, it writes every badge to test-results/tray/ (and sheet.png, all
 * of them magnified on a checkerboard) for a person to look at.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { badgeLayout, badgeText, blankBitmap, drawBadge, halveBitmap, type BadgeLayout, type Bitmap } from '../../../../../main/core/desktop/badge';
import { decodePng, encodePng, magnify, toBitmap, toRgba, type Rgba } from '../../electron/png';

const ROOT = path.resolve(import.meta.dirname, '../../../../..');
const OUT = path.join(ROOT, 'test-results', 'tray');
const TOTALS = [0, 1, 7, 42, 99, 150] as const;

const icon = (file: string): Bitmap => toBitmap(decodePng(readFileSync(path.join(ROOT, 'assets', 'tray', file))));
const tray1x = icon('tray.png');
const tray2x = icon('tray@2x.png');

interface Pixel {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** The straight-alpha colour at (x, y). */
function pixel(image: Bitmap, x: number, y: number): Pixel {
  const i = (y * image.width + x) * 4;
  const a = image.data[i + 3] ?? 0;
  const straight = (v: number | undefined): number => (a === 0 ? 0 : Math.round(((v ?? 0) * 255) / a));
  return { r: straight(image.data[i + 2]), g: straight(image.data[i + 1]), b: straight(image.data[i]), a };
}

const isRed = (p: Pixel): boolean => p.a === 255 && p.r > 200 && p.g < 90 && p.b < 90;
const isWhite = (p: Pixel): boolean => p.a === 255 && p.r === 255 && p.g === 255 && p.b === 255;

/** Pixels that differ between two images of one size. */
function changed(a: Bitmap, b: Bitmap): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (let y = 0; y < a.height; y += 1) {
    for (let x = 0; x < a.width; x += 1) {
      const i = (y * a.width + x) * 4;
      if ([0, 1, 2, 3].some((c) => a.data[i + c] !== b.data[i + c])) out.push({ x, y });
    }
  }
  return out;
}

/** The bounding box of the white pixels well inside the badge (none of the icon shows there): the digits. */
function whiteBox(image: Bitmap, layout: BadgeLayout | undefined): { left: number; top: number; right: number; bottom: number } | undefined {
  if (!layout) throw new Error('no badge layout');
  let box: { left: number; top: number; right: number; bottom: number } | undefined;
  for (let y = Math.floor(layout.cy - layout.halfHeight); y < Math.ceil(layout.cy + layout.halfHeight); y += 1) {
    for (let x = Math.floor(layout.cx - layout.halfWidth); x < Math.ceil(layout.cx + layout.halfWidth); x += 1) {
      const radius = Math.min(layout.halfWidth, layout.halfHeight);
      const dx = Math.max(0, Math.abs(x + 0.5 - layout.cx) - (layout.halfWidth - radius));
      if (Math.hypot(dx, y + 0.5 - layout.cy) > radius - 1 || !isWhite(pixel(image, x, y))) continue;
      box = box
        ? { left: Math.min(box.left, x), top: Math.min(box.top, y), right: Math.max(box.right, x), bottom: Math.max(box.bottom, y) }
        : { left: x, top: y, right: x, bottom: y };
    }
  }
  return box;
}

describe('badgeText', () => {
  it('says nothing at 0 (or below), the number up to 99, and 99+ above', () => {
    expect([0, -3, Number.NaN, 1, 7, 42, 99, 100, 150, 12_345].map(badgeText)).toEqual(['', '', '', '1', '7', '42', '99', '99+', '99+', '99+']);
  });
});

describe('badgeLayout', () => {
  it('puts the corner badge in the top-right corner, text on whole pixels and centred', () => {
    for (const size of [16, 22, 24, 32, 48, 64]) {
      for (const text of ['1', '42', '99+']) {
        const layout = badgeLayout(size, size, text, 'corner');
        if (!layout) throw new Error(`no badge fits ${size}px for ${text}`);
        expect(Number.isInteger(layout.textX) && Number.isInteger(layout.textY)).toBe(true);
        expect(layout.cx + layout.halfWidth).toBe(size);
        expect(layout.cy - layout.halfHeight).toBe(0);
        expect(layout.textX + layout.textWidth / 2).toBe(layout.cx);
        expect(layout.textY + layout.textHeight / 2).toBe(layout.cy);
        expect(layout.halfWidth).toBeGreaterThanOrEqual(layout.halfHeight);
      }
    }
  });

  it('uses the small font at 16 px, the large one at 32 px, and the large one doubled at 64 px (sharp on HiDPI)', () => {
    expect(badgeLayout(16, 16, '7', 'corner')).toMatchObject({ font: '3x5', scale: 1 });
    expect(badgeLayout(32, 32, '7', 'corner')).toMatchObject({ font: '6x10', scale: 1 });
    expect(badgeLayout(64, 64, '7', 'corner')).toMatchObject({ font: '6x10', scale: 2 });
    expect(badgeLayout(16, 16, '99+', 'fill')).toMatchObject({ font: '3x5', scale: 1 });
    expect(badgeLayout(32, 32, '99+', 'fill')).toMatchObject({ font: '6x10', scale: 1 });
  });

  it('fits "99+" inside the capsule at every size', () => {
    for (const size of [16, 32, 64]) {
      for (const placement of ['corner', 'fill'] as const) {
        const layout = badgeLayout(size, size, '99+', placement);
        if (!layout) throw new Error(`99+ does not fit ${size}px`);
        expect(layout.textX).toBeGreaterThanOrEqual(layout.cx - layout.halfWidth);
        expect(layout.textX + layout.textWidth).toBeLessThanOrEqual(layout.cx + layout.halfWidth);
        expect(layout.cx + layout.halfWidth).toBeLessThanOrEqual(size);
        expect(layout.cx - layout.halfWidth).toBeGreaterThanOrEqual(0);
        // Every corner of the text lies inside the capsule (rounded ends included).
        const radius = Math.min(layout.halfWidth, layout.halfHeight);
        const straight = layout.halfWidth - radius;
        const dx = Math.max(0, layout.textWidth / 2 - straight);
        expect(Math.hypot(dx, layout.textHeight / 2)).toBeLessThan(radius);
      }
    }
  });

  it('has no badge for no text, nor where no font fits', () => {
    expect(badgeLayout(32, 32, '', 'corner')).toBeUndefined();
    expect(badgeLayout(6, 6, '7', 'corner')).toBeUndefined();
  });
});

describe('drawBadge', () => {
  it('leaves the icon as it is at 0, and returns a copy', () => {
    const out = drawBadge(tray1x, 0);
    expect(changed(out, tray1x)).toEqual([]);
    expect(out.data).not.toBe(tray1x.data);
  });

  it('draws a red badge with white digits in the top-right corner, and nothing elsewhere', () => {
    const out = drawBadge(tray1x, 7);
    const layout = badgeLayout(32, 32, '7', 'corner');
    if (!layout) throw new Error('no layout');
    // The badge's top-right inside (away from the digit) is red; the digit's top bar is white.
    expect(isRed(pixel(out, 29, 9))).toBe(true);
    expect(isRed(pixel(out, layout.textX - 2, layout.textY + 5))).toBe(true);
    expect(isWhite(pixel(out, layout.textX, layout.textY))).toBe(true);
    expect(isWhite(pixel(out, layout.textX + 5, layout.textY + 1))).toBe(true);
    // The digits are exactly the text box.
    expect(whiteBox(out, layout)).toEqual({
      left: layout.textX,
      top: layout.textY,
      right: layout.textX + layout.textWidth - 1,
      bottom: layout.textY + layout.textHeight - 1,
    });
    // Everything changed lies within the badge and its ring; the lower left of the icon is untouched.
    const reach = layout.ring + 1;
    for (const { x, y } of changed(out, tray1x)) {
      expect(x).toBeGreaterThanOrEqual(Math.floor(layout.cx - layout.halfWidth - reach));
      expect(y).toBeLessThanOrEqual(Math.ceil(layout.cy + layout.halfHeight + reach));
    }
    expect(pixel(out, 4, 28)).toEqual(pixel(tray1x, 4, 28));
  });

  it('anti-aliases the circle: partly covered pixels at its rim, and a transparent ring between badge and icon', () => {
    const out = drawBadge(tray1x, 7);
    const layout = badgeLayout(32, 32, '7', 'corner');
    if (!layout) throw new Error('no layout');
    // Down the left edge of the circle, at its middle row: icon, then cut-out ring, then a blended rim, then red.
    const y = Math.floor(layout.cy);
    const left = layout.cx - layout.halfWidth;
    const row = Array.from({ length: 6 }, (_, k) => pixel(out, Math.floor(left) - 2 + k, y));
    expect(row.some((p) => p.a === 0)).toBe(true);
    expect(isRed(row[5] ?? { r: 0, g: 0, b: 0, a: 0 })).toBe(true);
    // Around the whole rim some pixels are neither fully red nor untouched: the edge is smooth.
    let blended = 0;
    for (const { x, y: py } of changed(out, tray1x)) {
      const p = pixel(out, x, py);
      if (p.a > 0 && p.a < 255) blended += 1;
      else if (p.a === 255 && !isRed(p) && !isWhite(p) && p.r > 120) blended += 1;
    }
    expect(blended).toBeGreaterThan(8);
  });

  it('draws "99+" and 150 alike, the plus sign included, within the icon', () => {
    const a = drawBadge(tray1x, 150);
    const b = drawBadge(tray1x, 99_999);
    expect(changed(a, b)).toEqual([]);
    const layout = badgeLayout(32, 32, '99+', 'corner');
    if (!layout) throw new Error('no layout');
    const box = whiteBox(a, layout);
    expect(box).toEqual({ left: layout.textX, top: layout.textY, right: layout.textX + layout.textWidth - 1, bottom: layout.textY + layout.textHeight - 1 });
    // The plus's centre (the last glyph's middle) is white, and left of the text is still red.
    expect(isWhite(pixel(a, layout.textX + layout.textWidth - 3, layout.textY + 5))).toBe(true);
    expect(isRed(pixel(a, layout.textX - 1, layout.textY + 5))).toBe(true);
  });

  it('draws a different picture for each number', () => {
    const pictures = TOTALS.map((n) => Buffer.from(drawBadge(tray1x, n).data).toString('base64'));
    expect(new Set(pictures).size).toBe(TOTALS.length);
  });

  it('draws the @2x badge as the @1x one at twice the size: the same digits, twice as many pixels', () => {
    const one = drawBadge(tray1x, 42);
    const two = drawBadge(tray2x, 42);
    const a = whiteBox(one, badgeLayout(32, 32, '42', 'corner'));
    const b = whiteBox(two, badgeLayout(64, 64, '42', 'corner'));
    if (!a || !b) throw new Error('no digits');
    expect(b).toEqual({ left: a.left * 2, top: a.top * 2, right: a.right * 2 + 1, bottom: a.bottom * 2 + 1 });
    for (let y = a.top; y <= a.bottom; y += 1) {
      for (let x = a.left; x <= a.right; x += 1) expect(isWhite(pixel(two, 2 * x, 2 * y))).toBe(isWhite(pixel(one, x, y)));
    }
  });

  it('fills a blank 16 px square with the overlay badge, transparent in its corners', () => {
    const out = drawBadge(blankBitmap(16, 16), 42, 'fill');
    expect(pixel(out, 0, 0).a).toBe(0);
    expect(pixel(out, 15, 15).a).toBe(0);
    expect(isRed(pixel(out, 8, 2))).toBe(true);
    const box = whiteBox(out, badgeLayout(16, 16, '42', 'fill'));
    // One and two digits get the 5×7 font, "99+" the 3×5 one.
    expect(box && box.right - box.left + 1).toBe(11);
    expect(box && box.bottom - box.top + 1).toBe(7);
    expect(whiteBox(drawBadge(blankBitmap(16, 16), 100, 'fill'), badgeLayout(16, 16, '99+', 'fill'))).toEqual({ left: 2, top: 5, right: 12, bottom: 9 });
    expect(changed(drawBadge(blankBitmap(16, 16), 0, 'fill'), blankBitmap(16, 16))).toEqual([]);
  });

  it('refuses a buffer of the wrong size', () => {
    expect(() => drawBadge({ width: 4, height: 4, data: new Uint8Array(10) }, 1)).toThrow(RangeError);
  });
});

describe('halveBitmap', () => {
  it('averages each 2×2 block', () => {
    const image: Bitmap = { width: 2, height: 2, data: new Uint8Array([0, 0, 200, 200, 0, 0, 100, 100, 0, 0, 0, 0, 0, 0, 100, 100]) };
    expect([...halveBitmap(image).data]).toEqual([0, 0, 100, 100]);
    expect(halveBitmap(tray1x)).toMatchObject({ width: 16, height: 16 });
  });
});

describe('the badges, written out to look at', () => {
  it('writes the tray icons (Linux 32 px, Windows 16 px, each @1x and @2x) and the overlays for 0, 1, 7, 42, 99, 150', () => {
    mkdirSync(OUT, { recursive: true });
    const variants: { name: string; image: (n: number) => Bitmap }[] = [
      { name: 'tray', image: (n) => drawBadge(tray1x, n) },
      { name: 'tray@2x', image: (n) => drawBadge(tray2x, n) },
      { name: 'tray-win', image: (n) => drawBadge(halveBitmap(tray1x), n) },
      { name: 'tray-win@2x', image: (n) => drawBadge(halveBitmap(tray2x), n) },
      { name: 'overlay', image: (n) => drawBadge(blankBitmap(16, 16), n, 'fill') },
      { name: 'overlay@2x', image: (n) => drawBadge(blankBitmap(32, 32), n, 'fill') },
    ];
    // One sheet per variant, each pixel magnified on a checkerboard: 16 px icons ×12, 32 px ×6, 64 px ×3.
    const cell = 192;
    const gap = 16;
    for (const variant of variants) {
      const sheet: Rgba = { width: TOTALS.length * (cell + gap) + gap, height: cell + 2 * gap, data: new Uint8Array(0) };
      sheet.data = new Uint8Array(sheet.width * sheet.height * 4).fill(255);
      TOTALS.forEach((total, column) => {
        const [base, suffix = ''] = variant.name.split('@');
        const rgba = toRgba(variant.image(total));
        const file = path.join(OUT, `${base}-${total}${suffix ? `@${suffix}` : ''}.png`);
        writeFileSync(file, encodePng(rgba));
        expect(decodePng(readFileSync(file))).toEqual(rgba);
        const big = magnify(rgba, cell / rgba.width);
        for (let y = 0; y < big.height; y += 1) {
          const from = y * big.width * 4;
          sheet.data.set(big.data.subarray(from, from + big.width * 4), ((gap + y) * sheet.width + gap + column * (cell + gap)) * 4);
        }
      });
      writeFileSync(path.join(OUT, `sheet-${variant.name}.png`), encodePng(sheet));
    }
  });
});
