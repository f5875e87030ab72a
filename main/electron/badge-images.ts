/**
 * Between nativeImage and the pure badge drawing (main/core/badge.ts): reads an image's 1× and 2× pixels, and
 * makes a nativeImage with one representation per scale, so the badge is sharp on HiDPI screens too.
 */
import { blankBitmap, drawBadge, halveBitmap, type Bitmap } from '../core/desktop/badge';
import type { NativeImageApi, NativeImageLike } from './api';

/** Pixels for one scale factor: `bitmap` is `scale` times the image's size in device-independent pixels. */
export interface ScaledBitmap {
  scale: number;
  bitmap: Bitmap;
}

/**
 * The image's representations at 1× and 2×, as pixels. An image read from `icon.png` has its `icon@2x.png` as
 * the 2× one; without it Electron answers with the 1× pixels, which are then used once. Empty when the image is.
 */
export function readBitmaps(image: NativeImageLike): ScaledBitmap[] {
  if (image.isEmpty()) return [];
  const out: ScaledBitmap[] = [];
  for (const wanted of [1, 2]) {
    const size = image.getSize(wanted);
    const data = image.toBitmap({ scaleFactor: wanted });
    if (size.width <= 0 || size.height <= 0 || data.length === 0 || data.length % 4 !== 0) continue;
    // The pixels may belong to another representation than the one asked for: their count tells which.
    const pixels = data.length / 4;
    const width = Math.round(Math.sqrt((pixels * size.width) / size.height));
    const height = Math.round(pixels / width);
    if (width * height !== pixels) continue;
    const scale = width / size.width;
    if (out.some((r) => Math.abs(r.scale - scale) < 0.01)) continue;
    out.push({ scale, bitmap: { width, height, data: new Uint8Array(data) } });
  }
  return out;
}

/** One nativeImage holding every representation; undefined when there is none. */
export function toNativeImage<I extends NativeImageLike>(api: NativeImageApi<I>, reps: readonly ScaledBitmap[]): I | undefined {
  const [first, ...rest] = reps;
  if (!first) return undefined;
  const buffer = (b: Bitmap): Buffer => Buffer.from(b.data.buffer, b.data.byteOffset, b.data.byteLength);
  const image = api.createFromBitmap(buffer(first.bitmap), { width: first.bitmap.width, height: first.bitmap.height, scaleFactor: first.scale });
  for (const rep of rest) {
    image.addRepresentation({ scaleFactor: rep.scale, width: rep.bitmap.width, height: rep.bitmap.height, buffer: buffer(rep.bitmap) });
  }
  return image;
}

/** The same representations at half the size (a 32 px tray icon for Windows' 16 px notification area). */
export function halved(reps: readonly ScaledBitmap[]): ScaledBitmap[] {
  return reps.map((rep) => ({ scale: rep.scale, bitmap: halveBitmap(rep.bitmap) }));
}

/** Every representation with the badge for `total` in its corner. */
export function withBadge(reps: readonly ScaledBitmap[], total: number): ScaledBitmap[] {
  return reps.map((rep) => ({ scale: rep.scale, bitmap: drawBadge(rep.bitmap, total) }));
}

/** The badge alone on `size` × `size` DIPs (the Windows taskbar overlay is 16), at 1× and 2×. */
export function badgeOnly(size: number, total: number): ScaledBitmap[] {
  return [1, 2].map((scale) => ({ scale, bitmap: drawBadge(blankBitmap(size * scale, size * scale), total, 'fill') }));
}
