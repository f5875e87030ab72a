/**
 * Quick replies' variables: {name} (the customer's name), {first_name} (its first word) and {shop} (the shop's
 * name from settings). A variable with nothing to put in goes away with the space before it, so "Hello {name},"
 * reads "Hello," rather than "Hello ,". Anything else in braces stays as written. Pure.
 */

export const TEMPLATE_VARIABLES = ['name', 'first_name', 'shop'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

export interface TemplateValues {
  name?: string;
  shop?: string;
}

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
  return body.replace(VARIABLE, (_match, space: string, variable: TemplateVariable) => (filled[variable] === '' ? '' : `${space}${filled[variable]}`));
}

/** The variables a body uses, each once, in the order they first appear. */
export function variablesIn(body: string): TemplateVariable[] {
  return [...new Set([...body.matchAll(VARIABLE)].map((m) => m[2] as TemplateVariable))];
}
