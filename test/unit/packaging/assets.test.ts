/**
 * The icons in assets/ (rendered from the SVGs there by `npm run icons`): every file exists with the pixel size
 * electron-builder, Linux, Windows and macOS expect, and the macOS template images are black glyphs on alpha.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const ASSETS = path.resolve(import.meta.dirname, '../../../assets');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
}

/** Reads the IHDR chunk, which the PNG format requires to come first, right after the signature. */
function pngHeader(data: Buffer): PngHeader {
  if (!data.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG');
  if (data.toString('latin1', 12, 16) !== 'IHDR') throw new Error('the first chunk is not IHDR');
  return {
    width: data.readUInt32BE(16),
    height: data.readUInt32BE(20),
    bitDepth: data.readUInt8(24),
    colorType: data.readUInt8(25),
    interlace: data.readUInt8(28),
  };
}

function readPng(file: string): { header: PngHeader; data: Buffer } {
  const data = readFileSync(path.join(ASSETS, file));
  return { header: pngHeader(data), data };
}

/** Decodes the pixels of an 8-bit RGBA, non-interlaced PNG (the only kind the icon script writes). */
function rgbaPixels(data: Buffer): Uint8Array {
  const { width, height, bitDepth, colorType, interlace } = pngHeader(data);
  if (bitDepth !== 8 || colorType !== 6 || interlace !== 0) throw new Error('expected an 8-bit RGBA PNG');
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
      const left = x >= 4 ? (out[y * stride + x - 4] ?? 0) : 0;
      const up = y > 0 ? (out[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= 4 && y > 0 ? (out[(y - 1) * stride + x - 4] ?? 0) : 0;
      let predictor: number;
      switch (filter) {
        case 0:
          predictor = 0;
          break;
        case 1:
          predictor = left;
          break;
        case 2:
          predictor = up;
          break;
        case 3:
          predictor = (left + up) >> 1;
          break;
        case 4: {
          const p = left + up - upLeft;
          const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
          predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
          break;
        }
        default:
          throw new Error(`bad PNG filter type ${filter}`);
      }
      out[y * stride + x] = (raw.readUInt8(y * (stride + 1) + 1 + x) + predictor) & 0xff;
    }
  }
  return out;
}

function pixel(pixels: Uint8Array, width: number, x: number, y: number): [number, number, number, number] {
  const i = (y * width + x) * 4;
  return [pixels[i] ?? -1, pixels[i + 1] ?? -1, pixels[i + 2] ?? -1, pixels[i + 3] ?? -1];
}

const SIZED_PNGS: readonly (readonly [string, number])[] = [
  ['icon.png', 1024],
  ...[16, 32, 48, 64, 128, 256, 512].map((size) => [`icons/${size}x${size}.png`, size] as const),
  ['tray/tray.png', 32],
  ['tray/tray@2x.png', 64],
  ['tray/trayTemplate.png', 16],
  ['tray/trayTemplate@2x.png', 32],
];

describe('icon files', () => {
  it.each(SIZED_PNGS)('%s is a %i px square RGBA PNG', (file, size) => {
    const { header } = readPng(file);
    expect(header).toMatchObject({ width: size, height: size, bitDepth: 8, colorType: 6 });
  });

  it('the SVG sources are there, each with a viewBox', () => {
    for (const source of ['icon.svg', 'icon-small.svg', 'icon-16.svg', 'tray/trayTemplate.svg']) {
      const svg = readFileSync(path.join(ASSETS, source), 'utf8');
      expect(svg, source).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* viewBox="[\d. -]+"/);
    }
  });

  it('the app icon has a transparent margin (macOS grid) and an opaque body', () => {
    const { data } = readPng('icon.png');
    const pixels = rgbaPixels(data);
    expect(pixel(pixels, 1024, 0, 0)[3]).toBe(0);
    expect(pixel(pixels, 1024, 1023, 1023)[3]).toBe(0);
    expect(pixel(pixels, 1024, 512, 150)[3]).toBe(255);
    expect(pixel(pixels, 1024, 150, 512)[3]).toBe(255);
  });

  it('the coloured tray icons are in colour, with transparent rounded corners', () => {
    for (const [file, size] of [['tray/tray.png', 32], ['tray/tray@2x.png', 64]] as const) {
      const pixels = rgbaPixels(readPng(file).data);
      expect(pixel(pixels, size, 0, 0)[3], file).toBe(0);
      const [r, g, b, a] = pixel(pixels, size, 1, size / 2);
      expect(a, file).toBe(255);
      expect(g - r, `${file} is teal-green`).toBeGreaterThan(60);
      expect(g, file).toBeGreaterThan(b);
    }
  });

  it.each([
    ['tray/trayTemplate.png', 16],
    ['tray/trayTemplate@2x.png', 32],
  ] as const)('%s is a macOS template image: black only, shaped by alpha', (file, size) => {
    const pixels = rgbaPixels(readPng(file).data);
    let opaque = 0;
    let clear = 0;
    for (let i = 0; i < size * size; i += 1) {
      const [r, g, b, a] = pixel(pixels, size, i % size, Math.floor(i / size));
      expect([r, g, b], `pixel ${i}`).toEqual([0, 0, 0]);
      if (a === 255) opaque += 1;
      if (a === 0) clear += 1;
    }
    // A real glyph: a good share of solid pixels and of see-through ones.
    expect(opaque / (size * size)).toBeGreaterThan(0.25);
    expect(clear / (size * size)).toBeGreaterThan(0.25);
  });

  it('the Windows icon holds 16 to 256 px frames: 32-bit BMPs, and a PNG for 256', () => {
    const ico = readFileSync(path.join(ASSETS, 'icon.ico'));
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const entry = 6 + 16 * i;
      const size = ico.readUInt8(entry) || 256;
      expect(ico.readUInt8(entry + 1) || 256).toBe(size);
      expect(ico.readUInt16LE(entry + 6)).toBe(32);
      const length = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      const image = ico.subarray(offset, offset + length);
      if (size === 256) {
        expect(pngHeader(image)).toMatchObject({ width: 256, height: 256, colorType: 6 });
      } else {
        expect(image.readUInt32LE(0)).toBe(40);
        expect(image.readInt32LE(4)).toBe(size);
        expect(image.readInt32LE(8)).toBe(size * 2);
        expect(image.readUInt16LE(14)).toBe(32);
        expect(length).toBe(40 + size * size * 4 + Math.ceil(size / 32) * 4 * size);
      }
      sizes.push(size);
    }
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('the macOS entitlements exist for the hardened runtime', () => {
    expect(existsSync(path.join(ASSETS, 'entitlements.mac.plist'))).toBe(true);
  });
});
