/**
 * The skeleton's placeholders (test/support/outline-skeleton.ts): text of the very shape it stands for, so that a
 * skeleton page outlines the same as the page it came from.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributeKind, shapeAttribute, shapeToken, textShape } from '../../../common/outline-shape';
import { placeholderText, placeholderValue } from '../../support/outline-skeleton';

/** Strings made of what pages hold: Arabic, Latin, digits of three systems, emoji and their joiners, marks and controls. */
const SAMPLE = Array.from('aZéأحمدة١٢۳09 \u00a0\u202f\u200b\u200d\u200f\u2068\ufe0f\u064b\u0301\n\t:#()+-–،؟{}ⓐ𝓐').concat(['🙂', '👨‍👩‍👧', '👋🏽', '🇸🇦', '\ud800', '\u0000']);
const pageString = (maxLength: number): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof(fc.constantFrom(...SAMPLE), fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp))), { maxLength })
    .map((chars) => chars.join(''));

describe('placeholders', () => {
  it('have the shape they stand for', () => {
    fc.assert(
      fc.property(pageString(60), fc.integer({ min: 1, max: 20 }), (s, max) => {
        const shape = textShape(s, max);
        expect(textShape(placeholderText(shape), max)).toBe(shape);
      }),
      { numRuns: 400 },
    );
  });

  it('write Latin and Arabic words of the same length, digits as digits', () => {
    expect(placeholderText('Latn5 sp Latn6')).toBe('lorem ipsumd');
    expect(placeholderText('Arab4 sp ad3')).toBe('هذان ١٢٣');
    expect(placeholderText('+ d3 sp d2')).toBe('+234 23');
    // A lone digit is never 0 or 1, which an outline would keep as a keyword instead of shaping them back.
    expect(placeholderText('d')).toBe('2');
    expect(placeholderText('Latn2 sp e2')).toBe('lo 🙂🙂');
  });

  it('fill shaped values, URLs included, so that they shape back the same', () => {
    for (const [name, value] of [
      ['class', 'chat-{d6}'],
      ['class', 'name_{hex6}'],
      ['class', 'user-{Latn4}-{Arab3}'],
      ['id', 'row-{Latn d Latn4 d2}'],
      ['id', '{alnum10}'],
      ['aria-label', '{Latn5 sp Latn6}'],
      ['href', '/messages/t/{d15}/'],
      ['href', '/{Latn2}/{Latn3 / Latn}?q={d2 + d2}&key=true#{- d9}'],
      ['href', 'https://{Latn3 . Latn7 . Latn3 : d4}/{Arab4}'],
      ['href', 'tel:{+ d12}'],
    ] as const) {
      const kind = attributeKind(name);
      const filled = placeholderValue(value, name === 'class' || kind === 'token' ? 'identifier' : kind === 'url' ? 'url' : 'text');
      const again = name === 'class' ? shapeToken(filled) : shapeAttribute(name, filled, { base: 'http://127.0.0.1:9/' });
      expect(again, `${value} → ${filled}`).toBe(value);
    }
  });
});

