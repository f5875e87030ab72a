/**
 * A black-and-white PNG file from a grid of dark cells: 1 bit a pixel, grayscale, its image data in deflate's
 * stored (uncompressed) blocks, so no compressor is needed and the code runs anywhere. A QR code of a long link
 * at 8 pixels a module stays under 100 KB this way.
 */

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

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];

function chunk(type: string, data: Uint8Array): number[] {
  const body = new Uint8Array(4 + data.length);
  body.set(Array.from({ length: 4 }, (_, i) => type.charCodeAt(i)));
  body.set(data, 4);
  return [...u32(data.length), ...body, ...u32(crc32(body))];
}

/** A zlib stream of `data` in stored blocks (at most 65,535 bytes each). */
function zlibStored(data: Uint8Array): Uint8Array {
  const out: number[] = [0x78, 0x01];
  for (let at = 0; at === 0 || at < data.length; at += 0xffff) {
    const block = data.subarray(at, at + 0xffff);
    const last = at + 0xffff >= data.length ? 1 : 0;
    out.push(last, block.length & 0xff, block.length >>> 8, ~block.length & 0xff, (~block.length >>> 8) & 0xff);
    for (const byte of block) out.push(byte);
  }
  out.push(...u32(adler32(data)));
  return Uint8Array.from(out);
}

/** The PNG file of `cells` (true: black), each cell `scale` pixels square, with `margin` white cells around. */
export function pngOfCells(cells: readonly (readonly boolean[])[], scale: number, margin: number): Uint8Array {
  const side = (cells.length + margin * 2) * scale;
  const rowBytes = Math.ceil(side / 8);
  const raw = new Uint8Array((rowBytes + 1) * side);
  for (let y = 0; y < side; y += 1) {
    const row = cells[Math.floor(y / scale) - margin];
    for (let x = 0; x < side; x += 1) {
      // In 1-bit grayscale a set bit is white.
      if (row?.[Math.floor(x / scale) - margin] === true) continue;
      const at = y * (rowBytes + 1) + 1 + (x >>> 3);
      raw[at] = (raw[at] ?? 0) | (0x80 >>> (x & 7));
    }
  }
  const header = Uint8Array.from([...u32(side), ...u32(side), 1, 0, 0, 0, 0]);
  return Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...chunk('IHDR', header), ...chunk('IDAT', zlibStored(raw)), ...chunk('IEND', new Uint8Array())]);
}
