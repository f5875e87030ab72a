/**
 * The unread badge, drawn in pure TypeScript over a pixel buffer: a red circle (a capsule for longer numbers)
 * with white digits from a tiny built-in bitmap font, "99+" above 99, nothing at 0. The tray icon gets it in its
 * top-right corner, cut out from the icon by a thin transparent ring; the Windows taskbar overlay is the badge
 * alone. The edges of the circle are anti-aliased; the digits sit on whole pixels, so they stay sharp.
 *
 * Pixels are what Electron's nativeImage gives and takes (toBitmap / createFromBitmap): 4 bytes per pixel in
 * B, G, R, A order, colour premultiplied by alpha, rows top to bottom without padding.
 */

export interface Bitmap {
  readonly width: number;
  readonly height: number;
  /** width × height × 4 bytes: B, G, R, A, premultiplied. */
  readonly data: Uint8Array;
}

export type BadgePlacement = 'corner' | 'fill';

interface Font {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  /** Blank columns between two glyphs. */
  readonly gap: number;
  /** Rows of '#' (ink), 'o' (half ink, for rounded corners) and '.' (none). */
  readonly glyphs: Readonly<Record<string, readonly string[]>>;
}

/** 3×5: for badges about 9 px high (a 16 px icon). */
const SMALL: Font = {
  name: '3x5',
  width: 3,
  height: 5,
  gap: 1,
  glyphs: {
    '0': ['###', '#.#', '#.#', '#.#', '###'],
    '1': ['.#.', '##.', '.#.', '.#.', '###'],
    '2': ['###', '..#', '###', '#..', '###'],
    '3': ['###', '..#', '.##', '..#', '###'],
    '4': ['#.#', '#.#', '###', '..#', '..#'],
    '5': ['###', '#..', '###', '..#', '###'],
    '6': ['###', '#..', '###', '#.#', '###'],
    '7': ['###', '..#', '..#', '.#.', '.#.'],
    '8': ['###', '#.#', '###', '#.#', '###'],
    '9': ['###', '#.#', '###', '..#', '###'],
    '+': ['...', '.#.', '###', '.#.', '...'],
  },
};

/** 5×7: for the 16 px overlay's one- and two-digit numbers (doubled at 32 px). */
const MEDIUM: Font = {
  name: '5x7',
  width: 5,
  height: 7,
  gap: 1,
  glyphs: {
    '0': ['.###.', '#...#', '#...#', '#...#', '#...#', '#...#', '.###.'],
    '1': ['..#..', '.##..', '..#..', '..#..', '..#..', '..#..', '.###.'],
    '2': ['.###.', '#...#', '....#', '...#.', '..#..', '.#...', '#####'],
    '3': ['.###.', '#...#', '....#', '..##.', '....#', '#...#', '.###.'],
    '4': ['...#.', '..##.', '.#.#.', '#..#.', '#####', '...#.', '...#.'],
    '5': ['#####', '#....', '####.', '....#', '....#', '#...#', '.###.'],
    '6': ['.###.', '#....', '#....', '####.', '#...#', '#...#', '.###.'],
    '7': ['#####', '....#', '...#.', '..#..', '..#..', '.#...', '.#...'],
    '8': ['.###.', '#...#', '#...#', '.###.', '#...#', '#...#', '.###.'],
    '9': ['.###.', '#...#', '#...#', '.####', '....#', '....#', '.###.'],
    '+': ['.....', '..#..', '..#..', '#####', '..#..', '..#..', '.....'],
  },
};

/** 6×10 with two-pixel strokes: for badges 18 px high and up (32 px icons, and doubled for 64 px). */
const LARGE: Font = {
  name: '6x10',
  width: 6,
  height: 10,
  gap: 2,
  glyphs: {
    '0': ['o####o', '######', '##..##', '##..##', '##..##', '##..##', '##..##', '##..##', '######', 'o####o'],
    '1': ['..##..', '.###..', '####..', '..##..', '..##..', '..##..', '..##..', '..##..', '######', '######'],
    '2': ['o####o', '######', '##..##', '....##', '...###', '..###o', '.###o.', '###o..', '######', '######'],
    '3': ['o####o', '######', '##..##', '....##', '..###o', '..###o', '....##', '##..##', '######', 'o####o'],
    '4': ['...###', '..####', '.##o##', '##o.##', '######', '######', '....##', '....##', '....##', '....##'],
    '5': ['######', '######', '##....', '#####o', '######', '....##', '....##', '##..##', '######', 'o####o'],
    '6': ['o####o', '######', '##....', '#####o', '######', '##..##', '##..##', '##..##', '######', 'o####o'],
    '7': ['######', '######', '....##', '...##o', '...##.', '..o##.', '..##..', '..##..', '..##..', '..##..'],
    '8': ['o####o', '######', '##..##', '##..##', 'o####o', '######', '##..##', '##..##', '######', 'o####o'],
    '9': ['o####o', '######', '##..##', '##..##', '######', 'o#####', '....##', '....##', '######', 'o####o'],
    '+': ['......', '......', '..##..', '..##..', '######', '######', '..##..', '..##..', '......', '......'],
  },
};

/** Tallest first: the first that fits the badge is used. */
const FACES: readonly { font: Font; scale: number }[] = [
  { font: LARGE, scale: 3 },
  { font: LARGE, scale: 2 },
  { font: MEDIUM, scale: 2 },
  { font: LARGE, scale: 1 },
  { font: MEDIUM, scale: 1 },
  { font: SMALL, scale: 1 },
];

const RED = { r: 229, g: 57, b: 53 };
const WHITE = { r: 255, g: 255, b: 255 };
/** Digits at most this share of the badge's height. */
const TEXT_SHARE = 0.6;
/** The corner badge's height as a share of the icon's. */
const CORNER_SHARE = 9 / 16;

/** What the badge says: nothing at 0, "99+" above 99. */
export function badgeText(total: number): string {
  if (!Number.isFinite(total) || total <= 0) return '';
  return total > 99 ? '99+' : String(Math.floor(total));
}

export interface BadgeLayout {
  text: string;
  font: string;
  /** Pixels per font cell. */
  scale: number;
  /** The text's box, on whole pixels. */
  textX: number;
  textY: number;
  textWidth: number;
  textHeight: number;
  /** The capsule: centre, half extents (the radius is the smaller one). */
  cx: number;
  cy: number;
  halfWidth: number;
  halfHeight: number;
  /** Width of the transparent ring cut around the badge (corner badges only). */
  ring: number;
}

function textWidth(text: string, font: Font, scale: number): number {
  return (text.length * font.width + (text.length - 1) * font.gap) * scale;
}

/** Where the badge for `text` goes on a width × height image, or undefined when no font fits (or no text). */
export function badgeLayout(width: number, height: number, text: string, placement: BadgePlacement): BadgeLayout | undefined {
  if (text === '') return undefined;
  const size = Math.min(width, height);
  for (const { font, scale } of FACES) {
    const textHeight = font.height * scale;
    const tw = textWidth(text, font, scale);
    if (placement === 'corner') {
      // The text's margins must be whole pixels: the badge's height has the parity of the text's.
      let badgeHeight = Math.round(size * CORNER_SHARE);
      if ((badgeHeight - textHeight) % 2 !== 0) badgeHeight += badgeHeight + 1 <= size ? 1 : -1;
      if (textHeight > badgeHeight * TEXT_SHARE) continue;
      const pad = (badgeHeight - textHeight) / 2;
      const badgeWidth = Math.max(badgeHeight, tw + 2 * pad);
      if (badgeWidth > width) continue;
      const left = width - badgeWidth;
      return {
        text,
        font: font.name,
        scale,
        textX: left + (badgeWidth - tw) / 2,
        textY: pad,
        textWidth: tw,
        textHeight,
        cx: left + badgeWidth / 2,
        cy: badgeHeight / 2,
        halfWidth: badgeWidth / 2,
        halfHeight: badgeHeight / 2,
        ring: size / 20,
      };
    }
    if (textHeight > size * TEXT_SHARE) continue;
    const textX = Math.floor((width - tw) / 2);
    const textY = Math.floor((height - textHeight) / 2);
    const cx = textX + tw / 2;
    const cy = textY + textHeight / 2;
    const radius = Math.min(cx, width - cx, cy, height - cy);
    // The text's corners must sit inside the circle, half a pixel from its edge.
    if (Math.hypot(tw / 2, textHeight / 2) > radius - 0.5) continue;
    return { text, font: font.name, scale, textX, textY, textWidth: tw, textHeight, cx, cy, halfWidth: radius, halfHeight: radius, ring: 0 };
  }
  return undefined;
}

/** Signed distance from (x, y) to the capsule's edge: negative inside. */
function capsuleDistance(layout: BadgeLayout, x: number, y: number): number {
  const radius = Math.min(layout.halfWidth, layout.halfHeight);
  const qx = Math.abs(x - layout.cx) - (layout.halfWidth - radius);
  const qy = Math.abs(y - layout.cy) - (layout.halfHeight - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

/** How much of the pixel whose centre is `distance` from an edge lies inside it. */
const coverage = (distance: number): number => Math.min(1, Math.max(0, 0.5 - distance));

/** Paints `color` at `alpha` (0..1) over the premultiplied pixel at byte offset `i`. */
function blend(data: Uint8Array, i: number, color: { r: number; g: number; b: number }, alpha: number): void {
  if (alpha <= 0) return;
  const keep = 1 - alpha;
  data[i] = Math.round(color.b * alpha + (data[i] ?? 0) * keep);
  data[i + 1] = Math.round(color.g * alpha + (data[i + 1] ?? 0) * keep);
  data[i + 2] = Math.round(color.r * alpha + (data[i + 2] ?? 0) * keep);
  data[i + 3] = Math.round(255 * alpha + (data[i + 3] ?? 0) * keep);
}

/** A new image: `icon` with the badge for `total` drawn on it (an unchanged copy at 0). */
export function drawBadge(icon: Bitmap, total: number, placement: BadgePlacement = 'corner'): Bitmap {
  const { width, height } = icon;
  if (icon.data.length !== width * height * 4) throw new RangeError(`a ${width}×${height} bitmap needs ${width * height * 4} bytes, got ${icon.data.length}`);
  const data = new Uint8Array(icon.data);
  const layout = badgeLayout(width, height, badgeText(total), placement);
  if (!layout) return { width, height, data };

  const reach = layout.ring + 1;
  const x0 = Math.max(0, Math.floor(layout.cx - layout.halfWidth - reach));
  const x1 = Math.min(width, Math.ceil(layout.cx + layout.halfWidth + reach));
  const y0 = Math.max(0, Math.floor(layout.cy - layout.halfHeight - reach));
  const y1 = Math.min(height, Math.ceil(layout.cy + layout.halfHeight + reach));
  for (let y = y0; y < y1; y += 1) {
    for (let x = x0; x < x1; x += 1) {
      const i = (y * width + x) * 4;
      const distance = capsuleDistance(layout, x + 0.5, y + 0.5);
      if (layout.ring > 0) {
        // Cut the icon away around the badge so the badge stands apart from whatever the icon shows there.
        const keep = 1 - coverage(distance - layout.ring);
        if (keep < 1) for (let c = 0; c < 4; c += 1) data[i + c] = Math.round((data[i + c] ?? 0) * keep);
      }
      blend(data, i, RED, coverage(distance));
    }
  }

  const font = FACES.find((face) => face.font.name === layout.font)?.font ?? SMALL;
  const step = (font.width + font.gap) * layout.scale;
  for (let n = 0; n < layout.text.length; n += 1) {
    const rows = font.glyphs[layout.text.charAt(n)] ?? [];
    rows.forEach((row, gy) => {
      for (let gx = 0; gx < row.length; gx += 1) {
        const cell = row.charAt(gx);
        const ink = cell === '#' ? 1 : cell === 'o' ? 0.5 : 0;
        if (ink === 0) continue;
        for (let dy = 0; dy < layout.scale; dy += 1) {
          for (let dx = 0; dx < layout.scale; dx += 1) {
            const x = layout.textX + n * step + gx * layout.scale + dx;
            const y = layout.textY + gy * layout.scale + dy;
            if (x >= 0 && x < width && y >= 0 && y < height) blend(data, (y * width + x) * 4, WHITE, ink);
          }
        }
      }
    });
  }
  return { width, height, data };
}

/** A transparent width × height image. */
export function blankBitmap(width: number, height: number): Bitmap {
  return { width, height, data: new Uint8Array(width * height * 4) };
}

/** The image at half its size, each pixel the mean of four (premultiplied colour averages correctly). */
export function halveBitmap(image: Bitmap): Bitmap {
  const width = Math.max(1, Math.floor(image.width / 2));
  const height = Math.max(1, Math.floor(image.height / 2));
  const data = new Uint8Array(width * height * 4);
  const at = (x: number, y: number, c: number): number =>
    image.data[(Math.min(y, image.height - 1) * image.width + Math.min(x, image.width - 1)) * 4 + c] ?? 0;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      for (let c = 0; c < 4; c += 1) {
        const sum = at(2 * x, 2 * y, c) + at(2 * x + 1, 2 * y, c) + at(2 * x, 2 * y + 1, c) + at(2 * x + 1, 2 * y + 1, c);
        data[(y * width + x) * 4 + c] = Math.round(sum / 4);
      }
    }
  }
  return { width, height, data };
}
