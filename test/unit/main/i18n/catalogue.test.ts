/**
 * Main's English and Arabic catalogues (main/i18n/locales), held to the shell's conventions: the same keys, every
 * plural form each language needs, the same placeholders, counts formatted as numbers, every key the code names
 * exists and every key in them is used.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LABEL_PRESETS } from '../../../../common/shop/model';
import ar from '../../../../main/i18n/locales/ar.json';
import en from '../../../../main/i18n/locales/en.json';
import { bases, leaves, placeholders, PLURAL } from '../../../support/catalogues';

const catalogues = { en: leaves(en), ar: leaves(ar) };
const enBases = bases(catalogues.en);
const arBases = bases(catalogues.ar);
const counted = (catalogue: Map<string, Set<string>>) => [...catalogue].filter(([, forms]) => forms.size > 0).map(([base]) => base);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [file] : [];
  });
}
const code = sources(path.resolve(import.meta.dirname, '../../../../main'))
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');
const namespaces = Object.keys(en);
// A key as a translation call names it: t('tray.hide'), mainT(language)('badge.unread', …).
const keyLiteral = new RegExp(`\\(\\s*['"\`]((?:${namespaces.join('|')})\\.[A-Za-z0-9._-]+)['"\`]`, 'gu');
const namedKeys = new Set([
  ...[...code.matchAll(keyLiteral)].map((m) => m[1] ?? ''),
  // labelName() reads `labelPresets.${preset}` for every preset.
  ...LABEL_PRESETS.map((preset) => `labelPresets.${preset}`),
]);
// The fixed words are also read by name from mainStrings() (`s.quit`, `strings.file`, `mainStrings(language).reminder`),
// which the compiler checks; here they only count as used.
const wordAccess = /(?:\bs|\bstrings|\bmainStrings\((?:[^()]|\([^()]*\))*\))\.(\w+)/gu;
const readKeys = new Set([...namedKeys, ...[...code.matchAll(wordAccess)].map((m) => `words.${m[1] ?? ''}`)]);

describe('main’s translation catalogues', () => {
  it('have the same keys once plural forms are set aside', () => {
    expect([...arBases.keys()].sort()).toEqual([...enBases.keys()].sort());
  });

  it('give every counted text each plural form its language uses: English one and other, Arabic all six', () => {
    expect(counted(arBases)).toEqual(counted(enBases));
    expect(counted(enBases).sort()).toEqual(['badge.unread', 'notification.coalesced', 'notification.held', 'tray.tooltipUnread']);
    for (const [lng, catalogue] of [['en', enBases], ['ar', arBases]] as const) {
      const needed = new Intl.PluralRules(lng).resolvedOptions().pluralCategories.slice().sort();
      for (const base of counted(catalogue)) expect([...(catalogue.get(base) ?? [])].sort(), `${lng}: ${base}`).toEqual(needed);
    }
    expect(arBases.get('badge.unread')?.size).toBe(6);
  });

  it('use the same placeholders in both languages, and no empty text', () => {
    for (const [key, text] of catalogues.en) {
      const base = key.replace(PLURAL, '');
      const arabic = [...catalogues.ar].filter(([k]) => k.replace(PLURAL, '') === base).map(([, v]) => v);
      expect(arabic.length, key).toBeGreaterThan(0);
      expect(text.trim(), key).not.toBe('');
      for (const translation of arabic) {
        expect(translation.trim(), key).not.toBe('');
        // A plural form may spell the count out ("رسالتان"), so it may drop {{count}}, never add or lose another.
        const strip = (list: string[]) => list.filter((p) => p !== 'count');
        expect(strip(placeholders(translation)), key).toEqual(strip(placeholders(text)));
      }
    }
  });

  it('write every count as a number, so it takes the language’s digits', () => {
    for (const [lng, catalogue] of Object.entries(catalogues)) {
      for (const [key, text] of catalogue) {
        for (const [placeholder] of text.matchAll(/\{\{\s*count\b[^}]*\}\}/gu)) expect(placeholder, `${lng}: ${key}`).toBe('{{count, number}}');
      }
    }
    for (const base of counted(enBases)) expect(catalogues.en.get(`${base}_other`), base).toContain('{{count, number}}');
  });

  it('are translated with a count only through counted(), which writes it in the digits the settings choose', () => {
    const keys = counted(enBases).map((key) => key.replace(/\./gu, '\\.')).join('|');
    const calls = [...code.matchAll(new RegExp(`(\\w*)\\(\\s*['"\`](${keys})['"\`]`, 'gu'))];
    expect(calls.length).toBeGreaterThanOrEqual(counted(enBases).length);
    expect(calls.filter((m) => m[1] !== 'counted').map((m) => m[0])).toEqual([]);
  });

  it('name every label preset', () => {
    expect(Object.keys(en.labelPresets).sort()).toEqual([...LABEL_PRESETS].sort());
  });

  it('hold every key the code names', () => {
    expect(namedKeys.size).toBeGreaterThan(25);
    expect([...namedKeys].filter((key) => !enBases.has(key))).toEqual([]);
  });

  it('hold no key the code never names', () => {
    expect([...enBases.keys()].filter((key) => !readKeys.has(key))).toEqual([]);
  });
});
