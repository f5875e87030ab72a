import { describe, expect, it } from 'vitest';
import { latinDigits, nameSkeleton, normalizeName, normalizePhone } from '../../../common/identity';

describe('normalizeName', () => {
  it.each([
    ['Ahmed', 'ahmed'],
    ['  AHMED   Hassan ', 'ahmed hassan'],
    ['Âhméd', 'ahmed'],
    ['José Müller', 'jose muller'],
    ['Zoë Ørsted', 'zoe orsted'],
    ['Straße', 'strasse'],
    ['Łukasz', 'lukasz'],
    ['Hiba & Sons', 'hiba sons'],
    ['Karim 🌟 Mansour', 'karim mansour'],
    ['\u2068Ahmed\u2069', 'ahmed'],
    ['Ah\u200bmed\u200f', 'ahmed'],
    ['Shop #12', 'shop 12'],
    ['متجر ١٢', 'متجر 12'],
  ])('%j → %j', (raw, normalized) => {
    expect(normalizeName(raw)).toBe(normalized);
  });

  it.each([
    [['أحمد', 'احمد', 'إحمد', 'آحمد', 'أَحْمَد', 'احـــمد', '\u200fأحمد\u200e'], 'احمد'],
    [['فاطمة', 'فاطمه', 'فَاطِمَة'], 'فاطمه'],
    [['مصطفى', 'مصطفي', 'مصطفی'], 'مصطفي'],
    [['مؤمن', 'مومن'], 'مومن'],
    [['هانئ', 'هاني'], 'هاني'],
    [['محمّد', 'محمد'], 'محمد'],
    [['ٱلرحمن', 'الرحمن'], 'الرحمن'],
  ])('Arabic spellings %j all become %j', (variants, normalized) => {
    for (const variant of variants) expect(normalizeName(variant)).toBe(normalized);
  });

  it('keeps different names different', () => {
    expect(normalizeName('أحمد')).not.toBe(normalizeName('محمد'));
    expect(normalizeName('Ahmed')).not.toBe(normalizeName('Ahmad'));
    expect(normalizeName('Ali')).not.toBe(normalizeName('Alia'));
  });
});

describe('normalizePhone', () => {
  it.each([
    ['+966 50 123 4567', undefined, '+966501234567'],
    ['+966-50-123-4567', undefined, '+966501234567'],
    ['00966501234567', undefined, '+966501234567'],
    ['(+20) 100 123 4567', undefined, '+201001234567'],
    ['+٩٦٦٥٠١٢٣٤٥٦٧', undefined, '+966501234567'],
    ['٠٠٩٧١٥٠١٢٣٤٥٦٧', undefined, '+971501234567'],
    ['966501234567@c.us', undefined, '+966501234567'],
    ['201001234567@s.whatsapp.net', undefined, '+201001234567'],
    ['0501234567', 'SA', '+966501234567'],
    ['050 123 4567', 'SA', '+966501234567'],
    ['01001234567', 'EG', '+201001234567'],
    ['(415) 555-2671', 'US', '+14155552671'],
    ['07911 123456', 'GB', '+447911123456'],
    ['\u202a+966 50 123 4567\u202c', undefined, '+966501234567'],
  ])('%j (region %s) → %s', (raw, region, e164) => {
    expect(normalizePhone(raw, region)).toBe(e164);
  });

  it.each([
    ['0501234567', undefined],
    ['0501234567', 'sa'],
    ['123', undefined],
    ['+966 12', undefined],
    ['+999 123 456 789', undefined],
    ['1234567890123@g.us', undefined],
    ['87654321012345@lid', undefined],
    ['status@broadcast', undefined],
    ['Ahmed', undefined],
    ['+966501234567; DROP TABLE', undefined],
    ['', undefined],
  ])('refuses %j (region %s)', (raw, region) => {
    expect(normalizePhone(raw, region)).toBeUndefined();
  });

  it('reads Arabic-Indic and Persian digits as Latin', () => {
    expect(latinDigits('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789 0123456789');
  });
});

describe('nameSkeleton', () => {
  it.each([
    ['Ahmed Hassan', 'أحمد حسن'],
    ['Ahmad', 'أحمد'],
    ['Mohammed', 'محمد'],
    ['Muhammad', 'مُحَمَّد'],
    ['Fatima', 'فاطمة'],
    ['Fatimah', 'فاطمه'],
    ['Youssef', 'يوسف'],
    ['Yousef', 'يوسف'],
    ['Khaled', 'خالد'],
    ['Waleed', 'وليد'],
    ['Marwan', 'مروان'],
    ['Mariam', 'مريم'],
    ['Al-Harbi', 'الحربي'],
    ['Shaima', 'شيماء'],
    ['Jamal', 'جمال'],
    ['Gamal', 'جمال'],
  ])('%s and %s share a skeleton', (latin, arabic) => {
    expect(nameSkeleton(latin)).not.toBe('');
    expect(nameSkeleton(latin)).toBe(nameSkeleton(arabic));
  });

  it.each([
    ['Ahmed', 'محمد'],
    ['Khaled', 'خليل'],
    ['Sara', 'Omar'],
  ])('%s and %s do not', (a, b) => {
    expect(nameSkeleton(a)).not.toBe(nameSkeleton(b));
  });

  it('says nothing for names in other scripts or without letters', () => {
    expect(nameSkeleton('王伟')).toBe('');
    expect(nameSkeleton('+966 50 123 4567')).toBe('');
  });
});
