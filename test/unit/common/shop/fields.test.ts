/** Customer fields (common/shop/fields.ts): definitions, values per type, how they show, convert, read back and search. */
import { describe, expect, it } from 'vitest';
import { normalizeName } from '../../../../common/identity';
import { localeTag } from '../../../../common/language';
import { LIMITS } from '../../../../common/limits';
import {
  cleanChoices,
  FIELD_ID,
  convertFieldValue,
  fieldSearchText,
  formatFieldValue,
  parseFieldNumber,
  readFieldValues,
  sameFieldName,
  validFieldDef,
  validFieldValue,
  type FieldDef,
} from '../../../../common/shop/fields';

const text: FieldDef = { id: 'city', name: 'City', type: 'text' };
const number: FieldDef = { id: 'order', name: 'Order number', type: 'number' };
const date: FieldDef = { id: 'birthday', name: 'Birthday', type: 'date' };
const size: FieldDef = { id: 'size', name: 'Size', type: 'choice', choices: ['S', 'M', 'L'] };

describe('field definitions', () => {
  it('trims choices and refuses blank, repeated, too long, none or too many', () => {
    expect(cleanChoices([' S ', 'M'])).toEqual(['S', 'M']);
    expect(cleanChoices([])).toBeUndefined();
    expect(cleanChoices(['S', ' '])).toBeUndefined();
    expect(cleanChoices(['S', ' S'])).toBeUndefined();
    expect(cleanChoices(['x'.repeat(LIMITS.fieldChoice + 1)])).toBeUndefined();
    expect(cleanChoices(Array.from({ length: LIMITS.fieldChoices }, (_, i) => `c${i}`))).toHaveLength(LIMITS.fieldChoices);
    expect(cleanChoices(Array.from({ length: LIMITS.fieldChoices + 1 }, (_, i) => `c${i}`))).toBeUndefined();
  });

  it('gives choices to choice fields alone, and wants a trimmed name', () => {
    expect([text, number, date, size].every(validFieldDef)).toBe(true);
    expect(validFieldDef({ ...text, choices: ['a'] })).toBe(false);
    expect(validFieldDef({ id: 'c', name: 'Colour', type: 'choice' })).toBe(false);
    expect(validFieldDef({ ...size, choices: [' S', 'M'] })).toBe(false);
    expect(validFieldDef({ ...text, name: ' City' })).toBe(false);
    expect(validFieldDef({ ...text, name: '' })).toBe(false);
    expect(validFieldDef({ ...text, name: 'x'.repeat(LIMITS.fieldName + 1) })).toBe(false);
  });

  it('takes names that differ only in case, spacing or Arabic letter forms for one name', () => {
    expect(sameFieldName('City', ' CITY ')).toBe(true);
    expect(sameFieldName('المدينة', 'المدينه')).toBe(true);
    expect(sameFieldName('City', 'Size')).toBe(false);
  });
});

describe('field values', () => {
  it('checks each type', () => {
    expect(validFieldValue(text, 'جدة')).toBe(true);
    expect(validFieldValue(text, 'x'.repeat(LIMITS.fieldText))).toBe(true);
    expect(validFieldValue(text, 'x'.repeat(LIMITS.fieldText + 1))).toBe(false);
    expect(validFieldValue(text, '   ')).toBe(false);
    expect(validFieldValue(text, 12)).toBe(false);
    expect(validFieldValue(number, 12.5)).toBe(true);
    expect(validFieldValue(number, -3)).toBe(true);
    expect(validFieldValue(number, Number.NaN)).toBe(false);
    expect(validFieldValue(number, Number.POSITIVE_INFINITY)).toBe(false);
    expect(validFieldValue(number, '12')).toBe(false);
    expect(validFieldValue(date, '2026-03-19')).toBe(true);
    expect(validFieldValue(date, '2026-02-30')).toBe(false);
    expect(validFieldValue(date, '19/03/2026')).toBe(false);
    expect(validFieldValue(size, 'M')).toBe(true);
    expect(validFieldValue(size, 'XL')).toBe(false);
    expect(validFieldValue(size, 'm')).toBe(false);
  });

  it('converts a value to a changed field where it can be kept', () => {
    expect(convertFieldValue({ ...number, type: 'text' }, 12)).toBe('12');
    expect(convertFieldValue(number, '٤٥')).toBe(45);
    expect(convertFieldValue(number, ' -3.5 ')).toBe(-3.5);
    expect(convertFieldValue(number, '12a')).toBeUndefined();
    expect(convertFieldValue({ ...size, type: 'text' }, 'M')).toBe('M');
    expect(convertFieldValue(size, 'XL')).toBeUndefined();
    expect(convertFieldValue(date, 'tomorrow')).toBeUndefined();
    expect(convertFieldValue({ ...text, type: 'date' }, '2026-03-19')).toBe('2026-03-19');
  });
});

describe('showing values', () => {
  it('writes numbers without grouping, in the digits chosen', () => {
    expect(formatFieldValue(number, 12345, localeTag('en', 'latn'))).toBe('12345');
    expect(formatFieldValue(number, 12345.5, localeTag('en', 'arab'))).toBe('١٢٣٤٥٫٥');
    expect(formatFieldValue(number, 12345, localeTag('ar', 'arab'))).toBe('١٢٣٤٥');
    expect(formatFieldValue(number, 12345, localeTag('ar', 'latn'))).toBe('12345');
  });

  it('writes dates in the language, digits and calendar chosen, the same day wherever the computer is', () => {
    expect(formatFieldValue(date, '2026-03-19', localeTag('en', 'latn'))).toBe('Mar 19, 2026');
    // Arabic-Indic digits in English keep their reading order with a left-to-right mark between the numbers.
    expect(formatFieldValue(date, '2026-03-19', localeTag('en', 'arab'))).toBe('Mar ١٩\u200e, ٢٠٢٦');
    const arabic = formatFieldValue(date, '2026-03-19', localeTag('ar', 'arab'));
    expect(arabic).toMatch(/١٩/u);
    expect(arabic).toMatch(/٢٠٢٦/u);
    expect(formatFieldValue(date, '2026-03-19', localeTag('ar', 'latn'))).toMatch(/19.*2026/u);
    expect(formatFieldValue(date, '2026-03-19', localeTag('ar', 'latn', 'hijri'))).toMatch(/1447/u);
    expect(formatFieldValue(date, '0099-01-01', 'en')).toMatch(/99$/u);
  });

  it('reads back every number it writes, in each language and digit set', () => {
    for (const locale of [localeTag('en', 'latn'), localeTag('en', 'arab'), localeTag('ar', 'arab'), localeTag('ar', 'latn')]) {
      for (const value of [12345, -3.5, 0.25]) expect(parseFieldNumber(formatFieldValue(number, value, locale)), `${locale} ${value}`).toBe(value);
    }
    expect(parseFieldNumber('12,345')).toBeUndefined();
    expect(parseFieldNumber('')).toBeUndefined();
  });

  it('shows text and choices as they are, in every language', () => {
    expect(formatFieldValue(text, 'جدة 12', localeTag('ar', 'arab'))).toBe('جدة 12');
    expect(formatFieldValue(size, 'M', 'en')).toBe('M');
  });
});

describe('reading stored values', () => {
  const defs = [text, number, date, size];

  it('keeps each value that fits, drops and counts those that do not, and drops values of unknown fields quietly', () => {
    expect(readFieldValues(defs, { city: 'Jeddah', order: 'twelve', birthday: '2026-03-19', size: 'XL', gone: 'x' })).toEqual({
      values: { city: 'Jeddah', birthday: '2026-03-19' },
      dropped: 2,
    });
  });

  it('reads nothing from a record without values, and counts values that are not a record', () => {
    expect(readFieldValues(defs, undefined)).toEqual({ values: undefined, dropped: 0 });
    expect(readFieldValues(defs, ['Jeddah'])).toEqual({ values: undefined, dropped: 1 });
    expect(readFieldValues(defs, { gone: 'x' })).toEqual({ values: undefined, dropped: 0 });
  });
});

describe('searching field values', () => {
  const defs = [text, number, date, size];
  const values = { city: 'جدّة', order: 12345, birthday: '2026-03-19', size: 'M', gone: 'hidden' };
  // The inbox's search box puts its query in the same form (renderer/src/features/inbox/filter.ts parseQuery).
  const finds = (query: string) => fieldSearchText(defs, values).includes(normalizeName(query));

  it('finds a city however its Arabic is spelled', () => {
    expect(finds('جدة')).toBe(true);
    expect(finds('جده')).toBe(true);
    expect(finds('الرياض')).toBe(false);
  });

  it('finds numbers typed in either digit set', () => {
    expect(finds('12345')).toBe(true);
    expect(finds('١٢٣٤٥')).toBe(true);
    expect(fieldSearchText([text], { city: 'طلب ١٢٣' })).toContain('123');
    expect(finds('2026-03-19')).toBe(true);
  });

  it('leaves out values of fields no longer defined, and keeps each value apart', () => {
    expect(finds('hidden')).toBe(false);
    expect(fieldSearchText(defs, values).split('\u0000')).toHaveLength(4);
    expect(fieldSearchText(defs, undefined)).toBe('');
  });
});

describe('field ids', () => {
  it('are what main makes, and never an object’s own machinery', () => {
    expect(FIELD_ID.test('0f8e2a6c-4b1d-4c55-9a1e-7d2b3c4d5e6f')).toBe(true);
    expect(FIELD_ID.test('__proto__')).toBe(false);
    expect(FIELD_ID.test('')).toBe(false);
    expect(FIELD_ID.test('x'.repeat(65))).toBe(false);
  });
});
