/** Products' prices and lines in each locale and digits, what a price or address may be, and {product:NAME} in quick replies. */
import { describe, expect, it } from 'vitest';
import { localeTag } from '../../../../common/language';
import {
  currencyDecimals,
  defaultCurrency,
  findProduct,
  formatPrice,
  isKnownCurrency,
  isProductUrl,
  priceProblem,
  productLine,
  productLookup,
  readAmount,
  type Product,
} from '../../../../common/shop/products';
import { fillTemplate, productsIn } from '../../../../common/shop/templates';

const LRM = '\u200e';
const RLM = '\u200f';
/** Intl's bidi marks around Arabic prices, left out so the digits and words can be compared. */
const bare = (text: string): string => text.replaceAll(LRM, '').replaceAll(RLM, '').replaceAll('\u00a0', ' ');

const abaya: Product = {
  id: 'p1',
  name: 'Blue abaya',
  price: { amount: '45.5', currency: 'SAR' },
  link: 'https://shop.example/abaya',
  inStock: true,
};

const texts = { outOfStock: 'out of stock' };

describe('formatPrice', () => {
  it.each([
    ['en', 'SAR', '45.5', 'SAR 45.50'],
    ['en', 'USD', '1200', '$1,200.00'],
    ['en', 'JOD', '7.125', 'JOD 7.125'],
    ['en', 'JOD', '7', 'JOD 7.000'],
    ['en', 'JPY', '1200', '¥1,200'],
    ['en', 'KWD', '0.5', 'KWD 0.500'],
    ['en', 'EUR', '19.99', '€19.99'],
  ])('%s %s %s → %s', (language, currency, amount, expected) => {
    expect(bare(formatPrice({ amount, currency }, localeTag(language)))).toBe(expected);
  });

  it('writes Arabic-Indic digits and the Arabic decimal separator when the user chose them', () => {
    const tag = localeTag('ar', 'arab');
    expect(bare(formatPrice({ amount: '45.5', currency: 'SAR' }, tag))).toBe('٤٥٫٥٠ ر.س.');
    expect(bare(formatPrice({ amount: '7.125', currency: 'JOD' }, tag))).toBe('٧٫١٢٥ د.أ.');
    expect(bare(formatPrice({ amount: '1200', currency: 'JPY' }, tag))).toBe('١٬٢٠٠ JP¥');
  });

  it('writes Latin digits in Arabic when the user chose them', () => {
    const tag = localeTag('ar', 'latn');
    expect(bare(formatPrice({ amount: '45.5', currency: 'SAR' }, tag))).toBe('45.50 ر.س.');
    expect(bare(formatPrice({ amount: '7.125', currency: 'JOD' }, tag))).toBe('7.125 د.أ.');
    expect(formatPrice({ amount: '45.5', currency: 'SAR' }, tag)).not.toMatch(/[\u0660-\u0669]/u);
  });

  it('knows each currency’s decimals', () => {
    expect(currencyDecimals('SAR')).toBe(2);
    expect(currencyDecimals('JOD')).toBe(3);
    expect(currencyDecimals('JPY')).toBe(0);
  });
});

describe('productLine', () => {
  it('joins the name, the price and the link', () => {
    expect(bare(productLine(abaya, 'en', texts))).toBe('Blue abaya — SAR 45.50 — https://shop.example/abaya');
  });

  it('marks a product out of stock with the caller’s words', () => {
    const line = productLine({ ...abaya, inStock: false }, 'en', texts);
    expect(bare(line)).toBe('Blue abaya — SAR 45.50 — out of stock — https://shop.example/abaya');
    const arabic = productLine({ ...abaya, name: 'عباية زرقاء', inStock: false }, localeTag('ar', 'arab'), { outOfStock: 'غير متوفر' });
    expect(bare(arabic)).toBe('عباية زرقاء — ٤٥٫٥٠ ر.س. — غير متوفر — https://shop.example/abaya');
  });

  it('gives the photo when there is no link, and neither when there is none', () => {
    const { link: _link, ...noLink } = abaya;
    expect(bare(productLine({ ...noLink, photo: 'https://cdn.example/a.jpg' }, 'en', texts))).toBe('Blue abaya — SAR 45.50 — https://cdn.example/a.jpg');
    expect(bare(productLine(noLink, 'en', texts))).toBe('Blue abaya — SAR 45.50');
  });
});

describe('what a product may hold', () => {
  it.each([
    [{ amount: '45.5', currency: 'SAR' }, undefined],
    [{ amount: '0', currency: 'USD' }, undefined],
    [{ amount: '7.125', currency: 'JOD' }, undefined],
    [{ amount: '1200', currency: 'JPY' }, undefined],
    [{ amount: '12.5', currency: 'JPY' }, 'decimals'],
    [{ amount: '7.1255', currency: 'JOD' }, 'amount'],
    [{ amount: '1.005', currency: 'SAR' }, 'decimals'],
    [{ amount: '-5', currency: 'SAR' }, 'amount'],
    [{ amount: '1e3', currency: 'SAR' }, 'amount'],
    [{ amount: '1,200', currency: 'SAR' }, 'amount'],
    [{ amount: '٤٥', currency: 'SAR' }, 'amount'],
    [{ amount: '007', currency: 'SAR' }, 'amount'],
    [{ amount: '', currency: 'SAR' }, 'amount'],
    [{ amount: '1234567890123', currency: 'SAR' }, 'amount'],
    [{ amount: '5', currency: 'sar' }, 'currency'],
    [{ amount: '5', currency: 'XQZ' }, 'currency'],
    [{ amount: '5', currency: 'SA' }, 'currency'],
  ])('%j → %s', (price, problem) => {
    expect(priceProblem(price)).toBe(problem);
  });

  it('reads a price typed in Arabic-Indic digits with the Arabic separators, and leaves a Latin comma to be refused', () => {
    expect(readAmount('٤٥٫٥')).toBe('45.5');
    expect(readAmount(' ١٬٢٠٠ ')).toBe('1200');
    expect(readAmount('۱۲')).toBe('12');
    expect(readAmount('45.50')).toBe('45.50');
    expect(priceProblem({ amount: readAmount('1,200'), currency: 'SAR' })).toBe('amount');
  });

  it('knows currencies Intl knows, in capitals only', () => {
    expect(isKnownCurrency('SAR')).toBe(true);
    expect(isKnownCurrency('EGP')).toBe(true);
    expect(isKnownCurrency('egp')).toBe(false);
    expect(isKnownCurrency('ABC')).toBe(false);
  });

  it.each([
    ['https://shop.example/abaya?c=blue', true],
    ['https://instagram.com/p/xyz', true],
    ['http://shop.example/abaya', false],
    ['javascript:alert(1)', false],
    ['data:image/png;base64,AAAA', false],
    ['shop.example/abaya', false],
    ['https://user:pass@shop.example/', false],
    [' https://shop.example/', false],
  ])('%s is a product address: %s', (text, ok) => {
    expect(isProductUrl(text)).toBe(ok);
  });

  it('refuses an address longer than the limit', () => {
    expect(isProductUrl(`https://shop.example/${'a'.repeat(2_000)}`)).toBe(true);
    expect(isProductUrl(`https://shop.example/${'a'.repeat(2_100)}`)).toBe(false);
  });
});

describe('finding a product by name', () => {
  const products: Product[] = [abaya, { ...abaya, id: 'p2', name: 'عباية سوداء', price: { amount: '60', currency: 'SAR' } }];

  it('meets case, Arabic letter forms and harakat', () => {
    expect(findProduct(products, 'BLUE  Abaya')?.id).toBe('p1');
    expect(findProduct(products, 'عبايه سوداء')?.id).toBe('p2');
    expect(findProduct(products, 'عَبايَة سـوداء')?.id).toBe('p2');
    expect(findProduct(products, 'Red abaya')).toBeUndefined();
    expect(findProduct(products, '  ')).toBeUndefined();
  });

  it('starts new products in the last product’s currency, else the region’s, else dollars', () => {
    expect(defaultCurrency(products, 'EG')).toBe('SAR');
    expect(defaultCurrency([], 'EG')).toBe('EGP');
    expect(defaultCurrency([], 'JO')).toBe('JOD');
    expect(defaultCurrency([], null)).toBe('USD');
    expect(defaultCurrency([], 'ZZ')).toBe('USD');
  });
});

describe('{product:NAME} in quick replies', () => {
  const products: Product[] = [abaya, { ...abaya, id: 'p2', name: 'عباية سوداء', inStock: false, price: { amount: '60', currency: 'SAR' } }];
  const product = productLookup(products, 'en', texts);

  it('becomes the product’s line, the other variables filled around it', () => {
    const filled = fillTemplate('Hi {first_name}! {product:blue abaya}', { name: 'Sara Ali', product });
    expect(bare(filled)).toBe('Hi Sara! Blue abaya — SAR 45.50 — https://shop.example/abaya');
  });

  it('matches an Arabic name in another spelling, in the locale given', () => {
    const arabic = productLookup(products, localeTag('ar', 'arab'), { outOfStock: 'غير متوفر' });
    expect(bare(fillTemplate('السعر: {product:عبايه سوداء}', { product: arabic }))).toBe('السعر: عباية سوداء — ٦٠٫٠٠ ر.س. — غير متوفر — https://shop.example/abaya');
  });

  it('stays as written for an unknown product, or without a lookup', () => {
    expect(fillTemplate('{product:Red abaya} for {name}', { name: 'Sara', product })).toBe('{product:Red abaya} for Sara');
    expect(fillTemplate('{product:Blue abaya}', { name: 'Sara' })).toBe('{product:Blue abaya}');
  });

  it('never reads a product’s line for variables', () => {
    const odd = productLookup([{ ...abaya, name: 'Gift {name}' }], 'en', texts);
    expect(bare(fillTemplate('{product:Gift name}', { name: 'Sara', product: odd }))).toBe('Gift {name} — SAR 45.50 — https://shop.example/abaya');
  });

  it('lists the products a body names, once each', () => {
    expect(productsIn('{product:A} and {product:B}, {product:A}, {product:} {name}')).toEqual(['A', 'B']);
  });
});
