/**
 * The shop's products, for answering "how much is it?": a name, a price (decimal text and an ISO 4217 currency),
 * an https link and photo, whether it is in stock. Prices are written with Intl in the locale the user reads
 * (common/language.ts `localeTag`, which carries the digits chosen), and a product becomes one line a reply can
 * carry ("Blue abaya — SAR 45.50 — https://…"). The words of that line ("out of stock") come from the caller, so
 * this stays language-free. Pure.
 */
import { latinDigits, normalizeName } from '../identity';
import { LIMITS } from '../limits';

export interface Price {
  /** Decimal text with a dot, never a float: "45.5", "1200", "7.125". */
  amount: string;
  /** ISO 4217, three capital letters ("SAR", "JOD"). */
  currency: string;
}

export interface Product {
  id: string;
  name: string;
  price: Price;
  /** Where the customer sees or buys it: an https address. */
  link?: string;
  /** A picture of it: an https address. */
  photo?: string;
  inStock: boolean;
}

/** The translated words a product line uses. */
export interface ProductLineTexts {
  outOfStock: string;
}

/** Up to twelve digits before the point and three after (the most a currency uses: JOD, KWD, BHD…). */
const AMOUNT = /^(?:0|[1-9]\d{0,11})(?:\.\d{1,3})?$/u;
const CURRENCY = /^[A-Z]{3}$/u;

/** Whether `code` is written as a currency code is (three capital letters); a file keeps such a code as it is. */
export function isCurrencyCode(code: string): boolean {
  return CURRENCY.test(code);
}

let known: ReadonlySet<string> | undefined;

/** The currencies Intl knows, A to Z: those a product may be priced in. */
export function currencies(): readonly string[] {
  return Intl.supportedValuesOf('currency');
}

/** Whether `code` is a currency Intl knows (and so can write). */
export function isKnownCurrency(code: string): boolean {
  known ??= new Set(currencies());
  return isCurrencyCode(code) && known.has(code);
}

/** How many decimals a currency's prices have: 2 for SAR, 3 for JOD, 0 for JPY. */
export function currencyDecimals(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export type PriceProblem = 'amount' | 'currency' | 'decimals';

/**
 * What is wrong with a price, or undefined: the amount is not decimal text (no sign, no exponent, no grouping),
 * the currency is unknown, or the amount has more decimals than the currency has ("4.5" yen, "1.2345" dinars).
 */
export function priceProblem(price: Price): PriceProblem | undefined {
  if (!AMOUNT.test(price.amount)) return 'amount';
  if (!isKnownCurrency(price.currency)) return 'currency';
  const decimals = price.amount.split('.')[1]?.length ?? 0;
  return decimals > currencyDecimals(price.currency) ? 'decimals' : undefined;
}

/**
 * A price as the user typed it, as decimal text: Arabic-Indic or Persian digits become 0–9, the Arabic decimal
 * separator (٫) a point, and spaces and Arabic thousands separators (٬) go. A Latin comma stays, and so is
 * refused: "1,200" could be either. Check the result with priceProblem.
 */
export function readAmount(typed: string): string {
  return latinDigits(typed).replace(/\u066b/gu, '.').replace(/[\s\u066c]/gu, '');
}

/** Whether `text` is an https address a product may link to: https, a host, no user name or password in it. */
export function isProductUrl(text: string): boolean {
  if (text.length > LIMITS.productUrl || text !== text.trim()) return false;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
}

/** "SAR 45.50", "‏٤٥٫٥٠ ر.س.‏", "¥1,200": the price in `locale` (a `localeTag`), with the currency's own decimals. */
export function formatPrice(price: Price, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: price.currency }).format(Number(price.amount));
}

/**
 * The product as one line of a reply: its name, its price, "out of stock" when it is not in stock, and its link
 * (its photo when it has no link), joined with dashes.
 */
export function productLine(product: Product, locale: string, texts: ProductLineTexts): string {
  const parts = [product.name, formatPrice(product.price, locale)];
  if (!product.inStock) parts.push(texts.outOfStock);
  const address = product.link ?? product.photo;
  if (address !== undefined) parts.push(address);
  return parts.join(' — ');
}

/**
 * The product a name means: the same name once case, Arabic letter forms and harakat, accents and punctuation are
 * set aside ("blue ABAYA", "عبايه" for "عباية"); the first such product in the list's order.
 */
export function findProduct(products: readonly Product[], name: string): Product | undefined {
  const wanted = normalizeName(name);
  if (wanted === '') return undefined;
  return products.find((p) => normalizeName(p.name) === wanted);
}

/** A lookup for fillTemplate's {product:NAME}: the named product's line, or undefined when there is none. */
export function productLookup(products: readonly Product[], locale: string, texts: ProductLineTexts): (name: string) => string | undefined {
  return (name) => {
    const product = findProduct(products, name);
    return product === undefined ? undefined : productLine(product, locale, texts);
  };
}

/**
 * The currency a new product starts with: the one the last product in the list has, else the region's
 * (settings' defaultRegion, for the Arab countries and a few others), else US dollars.
 */
export function defaultCurrency(products: readonly Product[], region: string | null): string {
  const last = products.at(-1)?.price.currency;
  if (last !== undefined) return last;
  return (region === null ? undefined : REGION_CURRENCY[region]) ?? 'USD';
}

/** The currency each region prices in, where Wasl's users mostly are. */
const REGION_CURRENCY: Readonly<Record<string, string>> = {
  SA: 'SAR',
  AE: 'AED',
  KW: 'KWD',
  QA: 'QAR',
  BH: 'BHD',
  OM: 'OMR',
  YE: 'YER',
  JO: 'JOD',
  IQ: 'IQD',
  SY: 'SYP',
  LB: 'LBP',
  PS: 'ILS',
  EG: 'EGP',
  SD: 'SDG',
  LY: 'LYD',
  TN: 'TND',
  DZ: 'DZD',
  MA: 'MAD',
  MR: 'MRU',
  TR: 'TRY',
  PK: 'PKR',
  IN: 'INR',
  GB: 'GBP',
  US: 'USD',
  CA: 'CAD',
  DE: 'EUR',
  FR: 'EUR',
  NL: 'EUR',
  BE: 'EUR',
  ES: 'EUR',
  IT: 'EUR',
};
