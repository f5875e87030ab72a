/**
 * Quick replies' variables: {name} (the customer's name), {first_name} (its first word) and {shop} (the shop's
 * name from settings). A variable with nothing to put in goes away with the space before it, so "Hello {name},"
 * reads "Hello," rather than "Hello ,". {product:NAME} becomes that product's line when the caller can look it up
 * (common/shop/products.ts `productLookup`), and stays as written otherwise. Anything else in braces stays as
 * written. Pure.
 */

export const TEMPLATE_VARIABLES = ['name', 'first_name', 'shop'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

export interface TemplateValues {
  name?: string;
  shop?: string;
  /** The line of the product a {product:NAME} names, or undefined when there is no such product. */
  product?: (name: string) => string | undefined;
}

/** {product:NAME}: a name of one line, without braces, as long as a product's name may be. */
const PRODUCT = /\{product:([^{}\n]{1,80})\}/gu;

const VARIABLE = /(\s?)\{(name|first_name|shop)\}/gu;
/** A letter or a digit in any script. */
const WORDLIKE = /[\p{L}\p{N}]/u;

/** The first word of a name that has a letter or digit in it ("Dr. Ahmed" → "Dr."; "🌸 Hiba" → "Hiba"). */
export function firstName(name: string): string {
  return name.trim().split(/\s+/u).find((word) => WORDLIKE.test(word)) ?? '';
}

export function fillTemplate(body: string, values: TemplateValues): string {
  const name = values.name?.trim() ?? '';
  const filled: Record<TemplateVariable, string> = { name, first_name: firstName(name), shop: values.shop?.trim() ?? '' };
  const lookup = values.product;
  // Products first: a product's line is never read again for variables, whatever its name holds.
  const parts = lookup === undefined ? [body] : body.split(PRODUCT);
  return parts
    .map((part, i) => {
      if (i % 2 === 0) return part.replace(VARIABLE, (_match, space: string, variable: TemplateVariable) => (filled[variable] === '' ? '' : `${space}${filled[variable]}`));
      return lookup?.(part) ?? `{product:${part}}`;
    })
    .join('');
}

/** The product names a body's {product:NAME} variables give, each once, in the order they first appear. */
export function productsIn(body: string): string[] {
  return [...new Set([...body.matchAll(PRODUCT)].map((m) => m[1] ?? ''))];
}

/** The variables a body uses, each once, in the order they first appear. */
export function variablesIn(body: string): TemplateVariable[] {
  return [...new Set([...body.matchAll(VARIABLE)].map((m) => m[2] as TemplateVariable))];
}
