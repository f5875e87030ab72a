/**
 * Telling whether two chats are the same person: names compared in a form where spelling variants meet (Arabic
 * letter forms and diacritics, Latin accents, case, invisible marks, spacing), and phone numbers in E.164.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** Bidi and zero-width marks, the BOM and soft hyphens: invisible, and different from one page to the next. */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;
/** Combining marks: Latin accents after decomposition, Arabic harakat, shadda, sukun, superscript alef, hamza marks. */
const MARKS = /\p{M}/gu;
const TATWEEL = /\u0640/gu;

/** Letters that are spelled either way: ة/ه, ى/ي, Persian and Urdu forms of ي and ك, and Latin letters NFKD keeps. */
const LETTERS: Record<string, string> = {
  'ة': 'ه',
  'ى': 'ي',
  'ی': 'ي',
  'ې': 'ي',
  'ک': 'ك',
  'ٱ': 'ا',
  'ß': 'ss',
  'æ': 'ae',
  'œ': 'oe',
  'ø': 'o',
  'đ': 'd',
  'ł': 'l',
  'ı': 'i',
  'þ': 'th',
};
const LETTER_PATTERN = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'gu');

/** Arabic-Indic and Persian digits as Latin digits. */
export function latinDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/gu, (d) => String((d.codePointAt(0) ?? 0) & 0xf));
}

/**
 * A name in comparable form: "Ahmed", "AHMED", "Âhmed" meet; "أحمد", "احمد", "إحمد", "أَحْمَد", "احـــمد" meet;
 * "فاطمة"/"فاطمه" and "مصطفى"/"مصطفي" meet. Separators become single spaces; the result is trimmed.
 */
export function normalizeName(s: string): string {
  return latinDigits(s)
    .replace(INVISIBLE, '')
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(TATWEEL, '')
    .toLowerCase()
    .replace(LETTER_PATTERN, (ch) => LETTERS[ch] ?? ch)
    .replace(/[\s\p{P}\p{S}]+/gu, ' ')
    .trim();
}

/**
 * A phone number in E.164 ("+966501234567"), or undefined when it is not a valid number. Accepts international
 * numbers in any notation ("+966 50 123 4567", "00966…", Arabic-Indic digits), WhatsApp ids ("966501234567@c.us"),
 * and local numbers when `defaultRegion` says where they are from ("0501234567" with "SA").
 */
export function normalizePhone(raw: string, defaultRegion?: string): string | undefined {
  let text = latinDigits(raw).replace(INVISIBLE, '').trim();
  const whatsapp = /^(\d{6,15})@(?:c\.us|s\.whatsapp\.net)$/u.exec(text);
  if (whatsapp) text = `+${whatsapp[1] ?? ''}`;
  else if (text.includes('@')) return undefined;
  if (!/^[+\d\s().\-/]{4,30}$/u.test(text)) return undefined;
  text = text.replace(/[\s().\-/]/gu, '');
  if (text.startsWith('00')) text = `+${text.slice(2)}`;
  if (!/^\+?\d+$/u.test(text)) return undefined;
  const region = defaultRegion !== undefined && /^[A-Z]{2}$/u.test(defaultRegion) ? (defaultRegion as CountryCode) : undefined;
  const phone = text.startsWith('+') ? parsePhoneNumberFromString(text) : region ? parsePhoneNumberFromString(text, region) : undefined;
  return phone?.isValid() ? phone.number : undefined;
}
