/** The names downloads are saved under: safe as one file's name, and never one a file in the folder already has. */
import { describe, expect, it } from 'vitest';
import { baseName, FALLBACK_NAME, safeFileName, uniqueName } from '../../../../../main/core/downloads/names';

describe('safeFileName', () => {
  it.each([
    ['invoice.pdf', 'invoice.pdf'],
    ['فاتورة ١٢٣.pdf', 'فاتورة ١٢٣.pdf'],
    ['a/b/../../c.txt', 'c.txt'],
    ['..\\..\\boot.ini', 'boot.ini'],
    ['..', FALLBACK_NAME],
    ['...', FALLBACK_NAME],
    ['  ', FALLBACK_NAME],
    ['name. . ', 'name'],
    ['tab\there.txt', 'tab_here.txt'],
    ['what?*.txt', 'what__.txt'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['console.log', 'console.log'],
    ['.bashrc', '.bashrc'],
  ])('%j → %j', (suggested, expected) => {
    expect(safeFileName(suggested)).toBe(expected);
  });

  it('shortens a very long name, keeping its extension', () => {
    const name = safeFileName(`${'ب'.repeat(300)}.pdf`);
    expect(name).toHaveLength(120);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

describe('uniqueName', () => {
  it('numbers a taken name before its extension, and tags it when a thousand are taken', () => {
    const taken = new Set(['a.pdf', 'a (1).pdf']);
    expect(uniqueName('a.pdf', (n) => taken.has(n), 'x')).toBe('a (2).pdf');
    expect(uniqueName('b.pdf', (n) => taken.has(n), 'x')).toBe('b.pdf');
    expect(uniqueName('.env', (n) => n === '.env', 'x')).toBe('.env (1)');
    expect(uniqueName('a.pdf', () => true, 'tag1')).toBe('a (tag1).pdf');
  });
});

describe('baseName', () => {
  it('reads either system’s separators', () => {
    expect(baseName('C:\\Users\\Salma\\a.pdf')).toBe('a.pdf');
    expect(baseName('/home/salma/a.pdf')).toBe('a.pdf');
    expect(baseName('a.pdf')).toBe('a.pdf');
  });
});
