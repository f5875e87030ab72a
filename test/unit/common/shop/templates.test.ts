/** Quick replies' variables filled for a customer (common/shop/templates.ts). */
import { describe, expect, it } from 'vitest';
import { fillTemplate, firstName, variablesIn } from '../../../../common/shop/templates';

describe('quick reply variables', () => {
  it.each([
    ['Hello {name}, thanks for your order!', { name: 'Ahmed Hassan' }, 'Hello Ahmed Hassan, thanks for your order!'],
    ['Hi {first_name} 👋', { name: '  Ahmed Hassan ' }, 'Hi Ahmed 👋'],
    ['أهلاً {first_name}، طلبك جاهز في {shop}', { name: 'فاطمة الزهراء', shop: 'متجر هبة' }, 'أهلاً فاطمة، طلبك جاهز في متجر هبة'],
    ['Hello {name}, welcome', {}, 'Hello, welcome'],
    ['{name}', {}, ''],
    ['Thanks from {shop}!', { shop: ' ' }, 'Thanks from!'],
    ['Keep {price} and {{name}} as written', { name: 'Zoë' }, 'Keep {price} and {Zoë} as written'],
    ['{first_name}', { name: '🌸 Hiba' }, 'Hiba'],
    ['{NAME} stays', { name: 'x' }, '{NAME} stays'],
  ])('%j with %j → %j', (body, values, expected) => {
    expect(fillTemplate(body, values)).toBe(expected);
  });

  it('takes the first word that has a letter or digit', () => {
    expect(firstName('Dr. Ahmed')).toBe('Dr.');
    expect(firstName('— ✨ Sara')).toBe('Sara');
    expect(firstName('')).toBe('');
  });

  it('lists the variables a body uses, once each, in order', () => {
    expect(variablesIn('{shop}: hi {first_name}, {shop} again, {name}')).toEqual(['shop', 'first_name', 'name']);
    expect(variablesIn('no variables {here}')).toEqual([]);
  });
});
