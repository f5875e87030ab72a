import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { buildChatLink, MAX_LINK_LENGTH } from '../../../../common/shop/chat-links';
import { QUIET_ZONE, qrModules, qrPath, qrPng, qrSvg } from '../../../../common/shop/qr-code';

/** The QR code as a PNG file, `scale` pixels a module, and read back from the file's bytes. */
function pngRoundTrip(text: string, scale = 4): string | undefined {
  const modules = qrModules(text);
  const side = (modules.length + QUIET_ZONE * 2) * scale;
  const png = new PNG({ width: side, height: side });
  for (let y = 0; y < side; y += 1) {
    for (let x = 0; x < side; x += 1) {
      const dark = modules[Math.floor(y / scale) - QUIET_ZONE]?.[Math.floor(x / scale) - QUIET_ZONE] === true;
      const at = (y * side + x) * 4;
      png.data[at] = png.data[at + 1] = png.data[at + 2] = dark ? 0 : 255;
      png.data[at + 3] = 255;
    }
  }
  const read = PNG.sync.read(PNG.sync.write(png));
  return jsQR(new Uint8ClampedArray(read.data), read.width, read.height)?.data;
}

/** The modules an SVG path draws, back as a grid. */
function pathModules(path: string, size: number): boolean[][] {
  const grid = Array.from({ length: size }, () => Array.from({ length: size }, () => false));
  for (const [, x, y, w] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/gu)) {
    for (let i = 0; i < Number(w); i += 1) {
      const row = grid[Number(y) - QUIET_ZONE];
      if (row) row[Number(x) - QUIET_ZONE + i] = true;
    }
  }
  return grid;
}

const arabicLink = (() => {
  const result = buildChatLink({ platform: 'whatsapp', account: '+966501234567', message: 'مرحبا، أريد طلب كيكة 🎂 #12 & توصيل\nشكرا' });
  if (!result.ok) throw new Error('no link');
  return result.link;
})();

describe('QR codes of chat links', () => {
  it.each([arabicLink, 'https://t.me/sweet_shop', 'https://ig.me/m/sweet.shop', 'https://m.me/100064123456789'])(
    'a PNG of %s decodes back to exactly the link',
    (text) => {
      expect(pngRoundTrip(text)).toBe(text);
    },
  );

  it('decodes the longest link Wasl makes', () => {
    const result = buildChatLink({ platform: 'whatsapp', account: '+966501234567', message: 'x'.repeat(MAX_LINK_LENGTH - 32) });
    if (!result.ok) throw new Error('no link');
    expect(result.link.length).toBe(MAX_LINK_LENGTH);
    expect(pngRoundTrip(result.link, 2)).toBe(result.link);
  });

  it('draws in its path exactly the dark modules, inside the quiet zone', () => {
    const modules = qrModules(arabicLink);
    expect(pathModules(qrPath(modules), modules.length)).toEqual(modules);
  });

  it('saves as an SVG file whose viewBox holds the code and its quiet zone', () => {
    const modules = qrModules('https://t.me/sweet_shop');
    const svg = qrSvg('https://t.me/sweet_shop', 300);
    const side = modules.length + QUIET_ZONE * 2;
    expect(svg).toContain(`width="300" height="300" viewBox="0 0 ${side} ${side}"`);
    expect(svg).toContain(`d="${qrPath(modules)}"`);
    expect(svg.startsWith('<?xml')).toBe(true);
  });

  it('refuses text that is not ASCII: a link is always percent-encoded first', () => {
    expect(() => qrModules('https://wa.me/966501234567?text=مرحبا')).toThrow(RangeError);
  });
});

describe('PNG files of QR codes', () => {
  const decode = (bytes: Uint8Array) => {
    const read = PNG.sync.read(Buffer.from(bytes));
    return { read, text: jsQR(new Uint8ClampedArray(read.data), read.width, read.height)?.data };
  };

  it.each([arabicLink, 'https://m.me/SweetShop.Riyadh'])('the saved PNG of %s decodes back to exactly the link', (text) => {
    const { read, text: decoded } = decode(qrPng(text));
    expect(decoded).toBe(text);
    expect(read.width).toBe((qrModules(text).length + QUIET_ZONE * 2) * 8);
  });

  it('holds the longest link, across several deflate blocks, and decodes', () => {
    const result = buildChatLink({ platform: 'telegram', account: 'sweet_shop', message: 'x'.repeat(MAX_LINK_LENGTH - 30) });
    if (!result.ok) throw new Error('no link');
    const bytes = qrPng(result.link, 6);
    expect(bytes.length).toBeGreaterThan(0xffff);
    expect(decode(bytes).text).toBe(result.link);
  });

  it('is black on white: corners white, the finder pattern black', () => {
    const { read } = decode(qrPng('https://t.me/sweet_shop', 2));
    const pixel = (x: number, y: number) => read.data[(y * read.width + x) * 4];
    expect(pixel(0, 0)).toBe(255);
    expect(pixel(QUIET_ZONE * 2, QUIET_ZONE * 2)).toBe(0);
    expect(pixel(QUIET_ZONE * 2 - 1, QUIET_ZONE * 2)).toBe(255);
  });
});
