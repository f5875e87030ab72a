/**
 * The spelling rules of common/spelling.ts: the default languages from Wasl's language and the system's, several at
 * once, what each system can check (Arabic nowhere but macOS), and what the picker tells the user.
 */
import { describe, expect, it } from 'vitest';
import {
  checkableOn,
  chosenSpellLanguages,
  defaultSpellLanguages,
  MAX_DEFAULT_SPELL_LANGUAGES,
  SPELL_LANGUAGES,
  spellingNotes,
  spellingPlan,
  spellLanguageOf,
} from '../../../common/spelling';
import { CHROMIUM_SPELL_LANGUAGES } from '../../fakes/electron';

describe('spellLanguageOf', () => {
  it.each([
    ['ar-SA', 'ar'],
    ['ar', 'ar'],
    ['AR_eg', 'ar'],
    ['en-US', 'en-US'],
    ['en', 'en-US'],
    ['en-CA', 'en-US'],
    ['en-GB', 'en-GB'],
    ['en_IE', 'en-GB'],
    ['en-AU', 'en-GB'],
    ['fr-CA', 'fr'],
    ['fr', 'fr'],
    ['pt-PT', 'pt-PT'],
    ['pt', 'pt-BR'],
    ['zh-Hant-TW', undefined],
    ['ur-PK', undefined],
    ['', undefined],
  ] as const)('%s is written in %s', (tag, expected) => {
    expect(spellLanguageOf(tag)).toBe(expected);
  });
});

describe('the default languages', () => {
  it('start with Wasl’s own language, then the system’s, in order, each once', () => {
    expect(defaultSpellLanguages('ar', ['en-US', 'fr-FR'])).toEqual(['ar', 'en-US', 'fr']);
    expect(defaultSpellLanguages('en', ['ar-SA', 'en-US'])).toEqual(['en-US', 'ar']);
    expect(defaultSpellLanguages('ar', ['ar-EG', 'ar-SA'])).toEqual(['ar']);
  });

  it('take Wasl’s English in the variety the system prefers', () => {
    expect(defaultSpellLanguages('en', ['ar-SA', 'en-GB'])).toEqual(['en-GB', 'ar']);
    expect(defaultSpellLanguages('en', ['de-DE'])).toEqual(['en-US', 'de']);
  });

  it('skip the system languages Wasl does not offer, and stop at the most it checks by default', () => {
    expect(defaultSpellLanguages('en', ['ur-PK', 'zh-CN'])).toEqual(['en-US']);
    const many = defaultSpellLanguages('ar', ['en-US', 'fr-FR', 'de-DE', 'tr-TR']);
    expect(many).toEqual(['ar', 'en-US', 'fr']);
    expect(many).toHaveLength(MAX_DEFAULT_SPELL_LANGUAGES);
  });

  it('give way to the user’s own choice, several languages or none', () => {
    expect(chosenSpellLanguages(undefined, 'ar', ['en-US'])).toEqual(['ar', 'en-US']);
    expect(chosenSpellLanguages(['fr', 'ar', 'en-GB'], 'en', ['en-US'])).toEqual(['fr', 'ar', 'en-GB']);
    expect(chosenSpellLanguages([], 'ar', ['en-US'])).toEqual([]);
  });
});

describe('what each system checks', () => {
  it('offers only codes Chromium’s list takes, but for Arabic', () => {
    const refused = SPELL_LANGUAGES.filter((code) => !CHROMIUM_SPELL_LANGUAGES.includes(code));
    expect(refused).toEqual(['ar']);
    for (const code of SPELL_LANGUAGES) expect(checkableOn(code, 'linux'), code).toBe(code !== 'ar');
  });

  it('checks every chosen language but Arabic on Linux and Windows, Arabic left unchecked', () => {
    expect(spellingPlan(['ar', 'en-US', 'fr'], 'linux')).toEqual({ engine: ['en-US', 'fr'], unchecked: ['ar'] });
    expect(spellingPlan(['ar', 'en-US'], 'win32')).toEqual({ engine: ['en-US'], unchecked: ['ar'] });
    expect(spellingPlan(['ar'], 'linux')).toEqual({ engine: [], unchecked: ['ar'] });
    expect(spellingPlan([], 'linux')).toEqual({ engine: [], unchecked: [] });
  });

  it('leaves macOS to its own checker', () => {
    expect(spellingPlan(['ar', 'en-US'], 'darwin')).toEqual({ engine: null, unchecked: [] });
    expect(checkableOn('ar', 'darwin')).toBe(true);
  });
});

describe('what the picker says', () => {
  it('on Linux with Arabic chosen: why Arabic is not checked, and that dictionaries come from Google', () => {
    expect(spellingNotes(['ar', 'en-US'], 'linux')).toEqual(['no-arabic', 'download-linux']);
  });

  it('on Linux with Arabic alone: why, and that nothing is checked', () => {
    expect(spellingNotes(['ar'], 'linux')).toEqual(['no-arabic', 'off']);
  });

  it('on Linux without Arabic: only where the dictionaries come from', () => {
    expect(spellingNotes(['en-GB', 'fr'], 'linux')).toEqual(['download-linux']);
  });

  it('on Windows: the same about Arabic, and Windows’ own dictionaries first', () => {
    expect(spellingNotes(['ar', 'en-US'], 'win32')).toEqual(['no-arabic', 'download-windows']);
  });

  it('on macOS: the system’s checker, whatever is chosen', () => {
    expect(spellingNotes(['ar'], 'darwin')).toEqual(['system-checker']);
    expect(spellingNotes([], 'darwin')).toEqual(['system-checker']);
  });

  it('with nothing chosen: nothing is checked', () => {
    expect(spellingNotes([], 'win32')).toEqual(['off']);
  });
});
