/** CSV that spreadsheets open safely (common/shop/csv.ts). */
import { describe, expect, it } from 'vitest';
import { BOM, csvCell, toCsv } from '../../../../common/shop/csv';

describe('CSV for spreadsheets', () => {
  it.each([
    ['Ahmed', 'Ahmed'],
    ['أحمد حسن', 'أحمد حسن'],
    ['Hiba, Sons', '"Hiba, Sons"'],
    ['He said "hi"', '"He said ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+966501234567', "'+966501234567"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\r=1', `"'\r=1"`],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('keeps numbers as numbers, and empty values empty', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
  });

  it('writes UTF-8 with a byte-order mark and CRLF lines', () => {
    const csv = toCsv(['Name', 'Phones'], [['فاطمة', '+966501234567; +201001234567'], ['Zoë', '']]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toBe(`${BOM}Name,Phones\r\nفاطمة,'+966501234567; +201001234567\r\nZoë,\r\n`);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});
