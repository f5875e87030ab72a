/**
 * Just enough PNG for the badge tests: read the 8-bit RGBA tray icons from assets/, write badges out to look at,
 * and convert between PNG's straight RGBA and the premultiplied BGRA that nativeImage bitmaps hold.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import type { Bitmap } from '../../../../main/core/desktop/badge';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface Rgba {
  width: number;
  height: number;
  /** Straight (not premultiplied) R, G, B, A. */
  data: Uint8Array;
}

function paeth(left: number, up: number, upLeft: number): number {
  const p = left + up - upLeft;
  const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
  return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
}

/** Decodes an 8-bit RGBA, non-interlaced PNG (what `npm run icons` writes). */
export function decodePng(file: Uint8Array): Rgba {
  const data = Buffer.from(file);
  if (!data.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  const width = data.readUInt32BE(16);
  const height = data.readUInt32BE(20);
  if (data.readUInt8(24) !== 8 || data.readUInt8(25) !== 6 || data.readUInt8(28) !== 0) throw new Error('expected an 8-bit RGBA PNG');
  const chunks: Buffer[] = [];
  for (let offset = 8; offset < data.length; ) {
    const length = data.readUInt32BE(offset);
    if (data.toString('latin1', offset + 4, offset + 8) === 'IDAT') chunks.push(data.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * 4;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw.readUInt8(y * (stride + 1));
    for (let x = 0; x < stride; x += 1) {
      const value = raw.readUInt8(y * (stride + 1) + 1 + x);
      const left = x >= 4 ? (out[y * stride + x - 4] ?? 0) : 0;
      const up = y > 0 ? (out[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= 4 && y > 0 ? (out[(y - 1) * stride + x - 4] ?? 0) : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
      if (predictor === undefined) throw new Error(`bad PNG filter type ${filter}`);
      out[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, data: out };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, body: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

/** Encodes straight RGBA as an 8-bit RGBA PNG (no filtering: these images are tiny). */
export function encodePng(image: Rgba): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(image.width, 0);
  header.writeUInt32BE(image.height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const stride = image.width * 4;
  const raw = Buffer.alloc((stride + 1) * image.height);
  for (let y = 0; y < image.height; y += 1) raw.set(image.data.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array(0))]);
}

/** Straight RGBA to premultiplied BGRA, as nativeImage's toBitmap returns it. */
export function toBitmap(image: Rgba): Bitmap {
  const data = new Uint8Array(image.data.length);
  for (let i = 0; i < data.length; i += 4) {
    const a = image.data[i + 3] ?? 0;
    data[i] = Math.round(((image.data[i + 2] ?? 0) * a) / 255);
    data[i + 1] = Math.round(((image.data[i + 1] ?? 0) * a) / 255);
    data[i + 2] = Math.round(((image.data[i] ?? 0) * a) / 255);
    data[i + 3] = a;
  }
  return { width: image.width, height: image.height, data };
}

/** Premultiplied BGRA back to straight RGBA, for writing a PNG. */
export function toRgba(bitmap: Bitmap): Rgba {
  const data = new Uint8Array(bitmap.data.length);
  for (let i = 0; i < data.length; i += 4) {
    const a = bitmap.data[i + 3] ?? 0;
    const straight = (v: number | undefined): number => (a === 0 ? 0 : Math.min(255, Math.round(((v ?? 0) * 255) / a)));
    data[i] = straight(bitmap.data[i + 2]);
    data[i + 1] = straight(bitmap.data[i + 1]);
    data[i + 2] = straight(bitmap.data[i]);
    data[i + 3] = a;
  }
  return { width: bitmap.width, height: bitmap.height, data };
}

/** Each pixel as a size × size block over a light checkerboard (shows transparency), for looking at tiny images. */
export function magnify(image: Rgba, size: number): Rgba {
  const width = image.width * size;
  const height = image.height * size;
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const s = (Math.floor(y / size) * image.width + Math.floor(x / size)) * 4;
      const a = (image.data[s + 3] ?? 0) / 255;
      const board = (Math.floor(x / 8) + Math.floor(y / 8)) % 2 === 0 ? 204 : 240;
      const o = (y * width + x) * 4;
      for (let c = 0; c < 3; c += 1) data[o + c] = Math.round((image.data[s + c] ?? 0) * a + board * (1 - a));
      data[o + 3] = 255;
    }
  }
  return { width, height, data };
}
