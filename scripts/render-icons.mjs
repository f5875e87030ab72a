#!/usr/bin/env node
/**
 * Renders Wasl's icons from the SVG sources in assets/ with real Chromium (Debian's /usr/bin/chromium through
 * playwright-core, the same browser and flags as test/support/chromium.ts). Run it after editing an SVG:
 *
 *   npm run icons            (WASL_CHROMIUM=/path/to/chromium overrides the browser)
 *
 * Sources → outputs (all committed):
 *   assets/icon.svg          → assets/icon.png (1024, macOS and the default), assets/icons/{48..512}x{..}.png (Linux)
 *   assets/icon-small.svg    → assets/icons/32x32.png, assets/tray/tray.png (32) + tray@2x.png (64)
 *   assets/icon-16.svg       → assets/icons/16x16.png
 *   all three                → assets/icon.ico (Windows: 16, 24, 32 from the small drawings; 48..256 from icon.svg)
 *   assets/tray/trayTemplate.svg → assets/tray/trayTemplate.png (16) + trayTemplate@2x.png (32), macOS menu bar
 *
 * Every SVG is rasterized at its target size (never downscaled from a big bitmap), so small sizes stay sharp.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '..');
const ASSETS = path.join(ROOT, 'assets');
const CHROMIUM_PATH = process.env.WASL_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** [source SVG, size in px, output PNG], paths relative to assets/. */
const PNGS = [
  ['icon.svg', 1024, 'icon.png'],
  ['icon-16.svg', 16, 'icons/16x16.png'],
  ['icon-small.svg', 32, 'icons/32x32.png'],
  ['icon.svg', 48, 'icons/48x48.png'],
  ['icon.svg', 64, 'icons/64x64.png'],
  ['icon.svg', 128, 'icons/128x128.png'],
  ['icon.svg', 256, 'icons/256x256.png'],
  ['icon.svg', 512, 'icons/512x512.png'],
  ['icon-small.svg', 32, 'tray/tray.png'],
  ['icon-small.svg', 64, 'tray/tray@2x.png'],
  ['tray/trayTemplate.svg', 16, 'tray/trayTemplate.png'],
  ['tray/trayTemplate.svg', 32, 'tray/trayTemplate@2x.png'],
];

/** The Windows icon's frames: [source SVG, size]. 256 is stored as PNG, the rest as 32-bit BMP (the classic ICO layout). */
const ICO_FRAMES = [
  ['icon-16.svg', 16],
  ['icon-small.svg', 24],
  ['icon-small.svg', 32],
  ['icon.svg', 48],
  ['icon.svg', 64],
  ['icon.svg', 128],
  ['icon.svg', 256],
];

const TEMPLATES = new Set(['tray/trayTemplate.png', 'tray/trayTemplate@2x.png']);

/** Rasterizes one SVG at size × size on a transparent background and returns the PNG Chromium encodes. */
async function render(page, svgFile, size) {
  const svg = readFileSync(path.join(ASSETS, svgFile)).toString('base64');
  await page.setContent(
    `<!doctype html><html><body style="margin:0;background:transparent">` +
      `<img id="icon" width="${size}" height="${size}" style="display:block" src="data:image/svg+xml;base64,${svg}">` +
      `</body></html>`,
  );
  await page.locator('#icon').evaluate((img) => img.decode());
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

/** Decodes an 8-bit RGBA, non-interlaced PNG (what Chromium writes) into raw pixels. */
function decodePng(png) {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colorType, , , interlace] = data.subarray(8);
      if (depth !== 8 || colorType !== 6 || interlace !== 0) {
        throw new Error(`unsupported PNG: depth ${depth}, color type ${colorType}, interlace ${interlace}`);
      }
    } else if (type === 'IDAT') {
      idat.push(data);
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const rgba = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x += 1) {
      const a = x >= 4 ? rgba[y * stride + x - 4] : 0;
      const b = y > 0 ? rgba[(y - 1) * stride + x] : 0;
      const c = x >= 4 && y > 0 ? rgba[(y - 1) * stride + x - 4] : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else if (filter !== 0) throw new Error(`bad PNG filter ${filter}`);
      rgba[y * stride + x] = (line[x] + predictor) & 0xff;
    }
  }
  return { width, height, rgba };
}

/** A 32-bit BMP frame for an ICO: BITMAPINFOHEADER, bottom-up BGRA rows, then the 1-bit transparency mask. */
function bmpFrame({ width, height, rgba }) {
  const maskStride = Math.ceil(width / 32) * 4;
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(width, 4);
  header.writeInt32LE(height * 2, 8); // colour rows + mask rows
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(width * height * 4 + maskStride * height, 20);
  const pixels = Buffer.alloc(width * height * 4);
  const mask = Buffer.alloc(maskStride * height);
  for (let y = 0; y < height; y += 1) {
    const row = height - 1 - y;
    for (let x = 0; x < width; x += 1) {
      const from = (y * width + x) * 4;
      const to = (row * width + x) * 4;
      pixels[to] = rgba[from + 2];
      pixels[to + 1] = rgba[from + 1];
      pixels[to + 2] = rgba[from];
      pixels[to + 3] = rgba[from + 3];
      if (rgba[from + 3] === 0) mask[row * maskStride + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  return Buffer.concat([header, pixels, mask]);
}

/** An ICO file from [size, PNG] frames. */
function ico(frames) {
  const directory = Buffer.alloc(6 + 16 * frames.length);
  directory.writeUInt16LE(0, 0);
  directory.writeUInt16LE(1, 2); // 1 = icon
  directory.writeUInt16LE(frames.length, 4);
  const images = frames.map(([size, png]) => (size >= 256 ? png : bmpFrame(decodePng(png))));
  let offset = directory.length;
  frames.forEach(([size], i) => {
    const entry = 6 + 16 * i;
    directory.writeUInt8(size >= 256 ? 0 : size, entry);
    directory.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    directory.writeUInt16LE(1, entry + 4); // colour planes
    directory.writeUInt16LE(32, entry + 6); // bits per pixel
    directory.writeUInt32LE(images[i].length, entry + 8);
    directory.writeUInt32LE(offset, entry + 12);
    offset += images[i].length;
  });
  return Buffer.concat([directory, ...images]);
}

/** macOS template images must be black with alpha only: a coloured pixel would show up as grey in the menu bar. */
function assertTemplate(file, png) {
  const { rgba } = decodePng(png);
  for (let i = 0; i < rgba.length; i += 4) {
    if (rgba[i] !== 0 || rgba[i + 1] !== 0 || rgba[i + 2] !== 0) {
      throw new Error(`${file}: pixel ${i / 4} is not black; template images are black glyphs on transparency`);
    }
  }
}

function write(file, data) {
  const target = path.join(ASSETS, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, data);
  console.log(`  ${path.relative(ROOT, target)}  ${data.length} bytes`);
}

if (!existsSync(CHROMIUM_PATH)) {
  console.error(`Chromium not found at ${CHROMIUM_PATH}: install Debian's chromium (apt-get install -y chromium) or set WASL_CHROMIUM.`);
  process.exit(1);
}

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 1024 }, deviceScaleFactor: 1 });
  console.log(`Rendering icons with ${CHROMIUM_PATH} (Chromium ${browser.version()})`);
  for (const [svg, size, out] of PNGS) {
    const png = await render(page, svg, size);
    if (TEMPLATES.has(out)) assertTemplate(out, png);
    write(out, png);
  }
  const frames = [];
  for (const [svg, size] of ICO_FRAMES) frames.push([size, await render(page, svg, size)]);
  write('icon.ico', ico(frames));
} finally {
  await browser.close();
}
