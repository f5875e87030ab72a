/**
 * QR codes of chat links (common/shop/chat-links.ts), drawn by qrcode-generator: the grid of dark modules, an SVG
 * path of it for the screen, and whole SVG and PNG files to save. Links are ASCII (their text is percent-encoded), which
 * the library's byte mode takes as is. Error correction M: a printed flyer survives a fold or a smudge.
 */
import qrcode from 'qrcode-generator';
import { pngOfCells } from './png';

/** The quiet zone around a QR code, in modules (the standard asks for 4). */
export const QUIET_ZONE = 4;

/** The dark modules, row by row, without the quiet zone. Throws RangeError for text that is not ASCII. */
export function qrModules(text: string): boolean[][] {
  if (!/^[\x20-\x7e]*$/u.test(text)) throw new RangeError('a QR code is made of a link, ASCII only');
  const code = qrcode(0, 'M');
  code.addData(text, 'Byte');
  code.make();
  const size = code.getModuleCount();
  return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, col) => code.isDark(row, col)));
}

/** An SVG path drawing the dark modules, one unit each, offset by the quiet zone (a viewBox of size + 8). */
export function qrPath(modules: readonly (readonly boolean[])[]): string {
  const parts: string[] = [];
  modules.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x += 1;
      parts.push(`M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${x - start}v1h${start - x}z`);
    }
  });
  return parts.join('');
}

/** A standalone SVG file of the QR code: black on white, `pixels` wide, crisp when scaled. */
export function qrSvg(text: string, pixels = 512): string {
  const modules = qrModules(text);
  const side = modules.length + QUIET_ZONE * 2;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${pixels}" height="${pixels}" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges">`,
    `<rect width="${side}" height="${side}" fill="#fff"/>`,
    `<path d="${qrPath(modules)}" fill="#000"/>`,
    '</svg>',
    '',
  ].join('\n');
}

/** A PNG file of the QR code, black on white, `scale` pixels a module. */
export function qrPng(text: string, scale = 8): Uint8Array {
  return pngOfCells(qrModules(text), scale, QUIET_ZONE);
}
