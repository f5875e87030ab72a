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

/** The text without bidi, zero-width and other invisible marks. */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
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

/** Arabic letters as the consonants a Latin spelling of the same name would show ("" for letters read as vowels). */
const ARABIC_CONSONANT: Record<string, string> = {
  'ب': 'b', 'ت': 't', 'ث': 't', 'ج': 'j', 'ح': 'h', 'خ': 'x', 'د': 'd', 'ذ': 'd', 'ر': 'r', 'ز': 'z', 'س': 's',
  'ش': 's', 'ص': 's', 'ض': 'd', 'ط': 't', 'ظ': 'z', 'غ': 'g', 'ف': 'f', 'ق': 'k', 'ك': 'k', 'ل': 'l', 'م': 'm',
  'ن': 'n', 'ه': 'h', 'پ': 'b', 'چ': 's', 'ژ': 'j', 'گ': 'j', 'ڤ': 'f',
};
/** Latin letter groups that spell one Arabic consonant. */
const LATIN_DIGRAPHS: [RegExp, string][] = [
  [/kh/gu, 'x'],
  [/sh|ch/gu, 's'],
  [/th/gu, 't'],
  [/dh/gu, 'd'],
  [/gh/gu, 'g'],
  [/ph/gu, 'f'],
  [/[qc]/gu, 'k'],
  [/g/gu, 'j'],
];

function latinSkeleton(word: string): string {
  let w = word;
  for (const [pattern, consonant] of LATIN_DIGRAPHS) w = w.replace(pattern, consonant);
  // y and w are consonants at the start of a word (Youssef, Waleed) and vowels after it; a final h follows a vowel.
  const start = /^[yw]/u.test(w) ? (w[0] ?? '') : '';
  return start + w.slice(start.length).replace(/h$/u, '').replace(/[aeiouyw'’`]/gu, '');
}

function arabicSkeleton(word: string): string {
  let out = '';
  const letters = Array.from(word);
  letters.forEach((letter, i) => {
    if ((letter === 'و' || letter === 'ي') && i === 0) out += letter === 'و' ? 'w' : 'y';
    // A final ه is the ta marbuta of "فاطمة" (normalized to ه): Latin spellings end on the vowel ("Fatima").
    else if (letter !== 'ه' || i < letters.length - 1) out += ARABIC_CONSONANT[letter] ?? '';
  });
  return out;
}

/**
 * The consonants of a name as either script writes them, to tell that "Ahmed Hassan" and "أحمد حسن", "Mohammed" and
 * "محمد", "Fatima" and "فاطمة", "Youssef" and "يوسف" may be the same person. Loose on purpose — vowels, doubled
 * letters and spaces are dropped — so it only ever suggests, never decides. Empty for other scripts.
 */
export function nameSkeleton(s: string): string {
  const name = normalizeName(s);
  let out = '';
  for (const word of name.split(' ')) {
    if (/^[a-z]+$/u.test(word)) out += latinSkeleton(word);
    else if (/^[\u0621-\u064a\u067e\u0686\u0698\u06a4\u06af]+$/u.test(word)) out += arabicSkeleton(word);
  }
  return out.replace(/(.)\1+/gu, '$1');
}
