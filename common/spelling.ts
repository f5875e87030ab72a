/**
 * Spelling languages: which ones Wasl offers for its pages' spell checker, which ones a service checks when the user
 * chose none (Wasl's language, then the system's), and which of them can be checked on each system. Pure: main applies
 * the choice to each service's session, the shell shows and edits it.
 *
 * What each system can do (Electron's spell checker is Chromium's):
 * - macOS: the system's own checker (NSSpellChecker). It recognises the language as you type, Arabic included, from
 *   the languages chosen in the system's settings; Electron ignores `setSpellCheckerLanguages` there.
 * - Windows and Linux: Electron takes only the languages of Chromium's Hunspell list (kSupportedSpellCheckerLanguages
 *   in components/spellcheck/common/spellcheck_common.cc). Arabic is not in it: `setSpellCheckerLanguages(['ar'])`
 *   throws, so no Arabic dictionary the app shipped or served through `setSpellCheckerDictionaryDownloadURL` would
 *   ever be asked for (Chromium names the file it downloads after a listed code). On Windows, Chromium checks the
 *   listed languages with Windows' own checker where Windows has them, but Electron refuses Arabic all the same
 *   (electron/electron#39906).
 * - Linux, and Windows for a language Windows lacks: the dictionary is downloaded once from Google's server. Only the
 *   dictionary comes down; nothing typed is sent anywhere.
 * Words in a script no chosen dictionary has (Arabic, there) are skipped: never marked wrong, never corrected.
 */
import type { UiLanguage } from './language';
import type { HostOs } from './state';

/** The languages the picker offers, as Chromium's spell checker names them (those it takes are on its list). */
export const SPELL_LANGUAGES = ['ar', 'en-US', 'en-GB', 'fr', 'es', 'de', 'it', 'nl', 'pt-BR', 'pt-PT', 'ru', 'tr', 'fa', 'hi', 'id'] as const;
export type SpellLanguage = (typeof SPELL_LANGUAGES)[number];

/** Offered, but not on Chromium's list: Windows and Linux cannot check them (see above). */
const NOT_ON_CHROMIUMS_LIST: ReadonlySet<SpellLanguage> = new Set(['ar']);

/** At most this many languages are checked by default: each one costs memory in every page. */
export const MAX_DEFAULT_SPELL_LANGUAGES = 3;

/** English of these regions spells as in Britain (colour, organise). */
const BRITISH_REGIONS = new Set(['GB', 'IE', 'AU', 'NZ', 'ZA']);

const isSpellLanguage = (code: string): code is SpellLanguage => (SPELL_LANGUAGES as readonly string[]).includes(code);

/** The offered language a language tag (`fr-CA`, `en_GB`, `ar-SA`) is written in, if Wasl offers it. */
export function spellLanguageOf(tag: string): SpellLanguage | undefined {
  const [base = '', ...rest] = tag.trim().replace(/_/gu, '-').split('-');
  const language = base.toLowerCase();
  const region = rest.find((part) => /^[a-z]{2}$/iu.test(part))?.toUpperCase();
  if (language === 'en') return region !== undefined && BRITISH_REGIONS.has(region) ? 'en-GB' : 'en-US';
  if (language === 'pt') return region === 'PT' ? 'pt-PT' : 'pt-BR';
  return isSpellLanguage(language) ? language : undefined;
}

/**
 * The languages a service checks when the user chose none: Wasl's own language first (its English in the system's
 * variety), then the system's preferred languages in their order, each once, at most MAX_DEFAULT_SPELL_LANGUAGES.
 */
export function defaultSpellLanguages(appLanguage: UiLanguage, systemLanguages: readonly string[]): SpellLanguage[] {
  const ownVariety = systemLanguages.find((tag) => spellLanguageOf(tag)?.startsWith(appLanguage) === true);
  const first = spellLanguageOf(ownVariety ?? appLanguage);
  const chosen: SpellLanguage[] = [];
  for (const language of [first, ...systemLanguages.map(spellLanguageOf)]) {
    if (language !== undefined && !chosen.includes(language)) chosen.push(language);
  }
  return chosen.slice(0, MAX_DEFAULT_SPELL_LANGUAGES);
}

/** A service's languages: the user's choice (several, or none: no checking), or the default when there is none. */
export function chosenSpellLanguages(choice: readonly SpellLanguage[] | undefined, appLanguage: UiLanguage, systemLanguages: readonly string[]): SpellLanguage[] {
  return choice === undefined ? defaultSpellLanguages(appLanguage, systemLanguages) : [...choice];
}

/** Whether the spell checker can check `language` on `os` (macOS: whatever its own settings hold). */
export function checkableOn(language: SpellLanguage, os: HostOs): boolean {
  return os === 'darwin' || !NOT_ON_CHROMIUMS_LIST.has(language);
}

export interface SpellingPlan {
  /** What the session's `setSpellCheckerLanguages` gets (empty: no checking); null on macOS, where the system decides. */
  engine: SpellLanguage[] | null;
  /** Chosen, but not checked on this system. */
  unchecked: SpellLanguage[];
}

/** What the chosen languages come to on `os`. */
export function spellingPlan(chosen: readonly SpellLanguage[], os: HostOs): SpellingPlan {
  if (os === 'darwin') return { engine: null, unchecked: [] };
  return { engine: chosen.filter((l) => checkableOn(l, os)), unchecked: chosen.filter((l) => !checkableOn(l, os)) };
}

/**
 * What the picker tells the user about the chosen languages on `os`:
 * - `system-checker`: macOS checks with its own checker and its own languages, Arabic included; the picker does not apply;
 * - `no-arabic`: Arabic is chosen, but Windows and Linux cannot check it (why, and what the user gets instead);
 * - `off`: nothing will be checked in this service;
 * - `download-linux`, `download-windows`: dictionaries come from Google's server (on Windows, those Windows lacks);
 *   what is typed is never sent.
 */
export type SpellingNote = 'system-checker' | 'no-arabic' | 'off' | 'download-linux' | 'download-windows';

export function spellingNotes(chosen: readonly SpellLanguage[], os: HostOs): SpellingNote[] {
  const { engine, unchecked } = spellingPlan(chosen, os);
  if (engine === null) return ['system-checker'];
  const notes: SpellingNote[] = [];
  if (unchecked.includes('ar')) notes.push('no-arabic');
  if (engine.length === 0) notes.push('off');
  else notes.push(os === 'win32' ? 'download-windows' : 'download-linux');
  return notes;
}
