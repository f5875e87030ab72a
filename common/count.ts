/**
 * Counts as messaging sites write them on badges: "3", "99+", "1,505", "١٬٥٠٥", and compact forms on busy chats —
 * "7.5K", "1,4 тыс.", "1.2M", "٧٫٥ ألف", "2,3 mil" — in Western, Arabic-Indic, Persian, Devanagari or Bengali
 * digits. One parser for every connector: a compact count is never read as its digits (7.5K is 7,500, not 75).
 */

/** The first code point of each script's digit zero. */
const DIGIT_ZERO = [0x30, 0x0660, 0x06f0, 0x0966, 0x09e6];

/** Compact suffixes (lower case, without a trailing dot) and what they multiply by. */
const SUFFIXES: readonly (readonly [string, number])[] = [
  ['k', 1_000],
  ['m', 1_000_000],
  ['b', 1_000_000_000],
  ['тыс', 1_000],
  ['тис', 1_000],
  ['млн', 1_000_000],
  ['mil', 1_000],
  ['mln', 1_000_000],
  ['mio', 1_000_000],
  ['tsd', 1_000],
  ['ألف', 1_000],
  ['الف', 1_000],
  ['آلاف', 1_000],
  ['مليون', 1_000_000],
  ['ملايين', 1_000_000],
  ['هزار', 1_000],
  ['میلیون', 1_000_000],
  ['万', 10_000],
  ['萬', 10_000],
  ['億', 100_000_000],
  ['亿', 100_000_000],
];

/** No badge counts more than this; larger figures are this many. */
export const MAX_COUNT = 10_000_000;

/** Separators inside a number: grouping or decimal, depending on whether a compact suffix follows. */
const SEPARATORS = new Set([',', '.', '\u066b', '\u066c', '\u00a0', '\u202f', ' ', "'", '\u2019']);

function westernDigits(raw: string): string {
  let out = '';
  for (const ch of raw) {
    const code = ch.codePointAt(0) ?? 0;
    const zero = DIGIT_ZERO.find((z) => code >= z && code <= z + 9);
    out += zero === undefined ? ch : String(code - zero);
  }
  return out;
}

/** The compact multiplier `text` starts with (after spaces), and how many characters it took; 1 when none. */
function suffixAt(text: string): number {
  const rest = text.replace(/^[\s\u00a0\u202f]+/u, '').toLowerCase();
  for (const [suffix, factor] of SUFFIXES) {
    if (!rest.startsWith(suffix)) continue;
    // A whole word: "mil" but not "miles", "k" but not "kg".
    const next = rest.slice(suffix.length).charAt(0);
    if (next === '' || !/[\p{L}\p{N}]/u.test(next)) return factor;
  }
  return 1;
}

/**
 * The first count in `raw`: 0 when there is none. "99+" is 99; a grouping separator is skipped ("1,505", "١٬٥٠٥");
 * before a compact suffix the separator is the decimal point ("7.5K", "1,4 тыс."). Bounded by MAX_COUNT.
 */
export function parseCount(raw: string | null | undefined): number {
  if (!raw) return 0;
  const text = westernDigits(raw.length > 200 ? raw.slice(0, 200) : raw);
  const start = text.search(/\d/u);
  if (start < 0) return 0;
  let end = start;
  let lastSeparator = -1;
  while (end < text.length) {
    const ch = text.charAt(end);
    if (/\d/u.test(ch)) {
      end += 1;
      continue;
    }
    // A separator counts only between digits.
    if (SEPARATORS.has(ch) && /\d/u.test(text.charAt(end + 1))) {
      lastSeparator = end;
      end += 1;
      continue;
    }
    break;
  }
  const token = text.slice(start, end);
  const factor = suffixAt(text.slice(end));
  let value: number;
  if (factor > 1 && lastSeparator >= 0 && end - lastSeparator - 1 <= 2) {
    // "7.5K", "1,25M": the digits after the last separator are decimals.
    const whole = token.slice(0, lastSeparator - start).replace(/\D/gu, '');
    const decimals = token.slice(lastSeparator - start + 1);
    value = Number(`${whole}.${decimals}`) * factor;
  } else {
    value = Number(token.replace(/\D/gu, '')) * factor;
  }
  return Number.isFinite(value) ? Math.min(Math.round(value), MAX_COUNT) : 0;
}
