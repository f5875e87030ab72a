/**
 * The English and Arabic catalogues: the same keys, every plural form each language needs, the same
 * placeholders, every key the code names exists, and every key in them is used.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ar from '../../renderer/src/i18n/locales/ar.json';
import en from '../../renderer/src/i18n/locales/en.json';
import { bases, leaves, placeholders, PLURAL } from '../support/catalogues';

const catalogues = { en: leaves(en), ar: leaves(ar) };
const enBases = bases(catalogues.en);
const arBases = bases(catalogues.ar);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.tsx?$/u.test(name) && !name.endsWith('.d.ts') ? [file] : [];
  });
}
const code = sources(path.resolve(import.meta.dirname, '../../renderer/src'))
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');
const namespaces = Object.keys(en);
// A quoted "namespace.key", except a command's type ({ type: 'settings.set' }).
const keyLiteral = new RegExp(`(?<!type: )['"\`]((?:${namespaces.join('|')})\\.[A-Za-z0-9._-]+)['"\`]`, 'gu');
const usedKeys = new Set([...code.matchAll(keyLiteral)].map((m) => m[1] ?? ''));

describe('translation catalogues', () => {
  it('have the same keys once plural forms are set aside', () => {
    expect([...arBases.keys()].sort()).toEqual([...enBases.keys()].sort());
  });

  it('have exactly the plural forms each language uses', () => {
    for (const [lng, catalogue] of [['en', enBases], ['ar', arBases]] as const) {
      const needed = new Intl.PluralRules(lng).resolvedOptions().pluralCategories.slice().sort();
      for (const [base, forms] of catalogue) {
        if (forms.size === 0) continue;
        // Arabic has six categories; English two.
        expect([...forms].sort(), `${lng}: ${base}`).toEqual(needed);
      }
    }
    expect(arBases.get('services.unread')?.size).toBe(6);
    expect(enBases.get('services.unread')?.size).toBe(2);
    expect([...enBases].filter(([, forms]) => forms.size > 0).map(([b]) => b)).toEqual([...arBases].filter(([, forms]) => forms.size > 0).map(([b]) => b));
  });

  it('use the same placeholders in both languages, and no empty text', () => {
    for (const [key, text] of catalogues.en) {
      const base = key.replace(PLURAL, '');
      const arabic = [...catalogues.ar].filter(([k]) => k.replace(PLURAL, '') === base).map(([, v]) => v);
      expect(text.trim(), key).not.toBe('');
      for (const translation of arabic) {
        expect(translation.trim(), key).not.toBe('');
        // A plural form may spell the count out ("رسالتان"), so it may drop {{count}}, never add or lose another.
        const strip = (list: string[]) => list.filter((p) => p !== 'count');
        expect(strip(placeholders(translation)), key).toEqual(strip(placeholders(text)));
      }
    }
  });

  it('hold every key the code names', () => {
    expect(usedKeys.size).toBeGreaterThan(50);
    const missing = [...usedKeys].filter((key) => !enBases.has(key));
    expect(missing).toEqual([]);
  });

  it('hold no key the code never names', () => {
    const unused = [...enBases.keys()].filter((key) => !usedKeys.has(key));
    expect(unused).toEqual([]);
  });
});
