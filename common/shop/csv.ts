/**
 * Customers as CSV for spreadsheet programs: UTF-8 with a byte-order mark (so Excel shows Arabic correctly),
 * CRLF line ends, fields quoted as needed, and cells that a spreadsheet would run as a formula ("=", "+", "-",
 * "@", tab, carriage return at the start) defused with a leading apostrophe.
 */

export const BOM = '\ufeff';

const FORMULA_START = /^[=+\-@\t\r]/u;

/** One cell: defused if it could run as a formula, quoted if it holds a quote, separator or line break. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? String(value) : value;
  // A number is data; a text that merely starts like one (a phone number "+966…") is text and is defused too.
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
