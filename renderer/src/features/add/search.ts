/**
 * Matching typed text against platform names: case, Latin accents and Arabic diacritics and letter variants do
 * not matter, and every word typed must appear.
 */

/** Letters typed interchangeably (hamza forms need nothing: NFD splits the hamza off as a mark). */
const ARABIC_VARIANTS: Record<string, string> = { ى: 'ي', ة: 'ه' };

export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\u0640/gu, '')
    .replace(/[ىة]/gu, (c) => ARABIC_VARIANTS[c] ?? c)
    .toLocaleLowerCase('en')
    .replace(/\s+/gu, ' ')
    .trim();
}

export function matches(query: string, haystack: readonly string[]): boolean {
  const words = fold(query).split(' ').filter((w) => w !== '');
  if (words.length === 0) return true;
  const text = fold(haystack.join(' '));
  return words.every((word) => text.includes(word));
}
