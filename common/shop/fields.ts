/**
 * Customer fields: what the shop records about each customer beyond labels and the note (a size, a city, an
 * order number). The shop defines the fields (a name, a type, the choices of a choice field); each customer holds
 * at most one value per field. Checking a definition and a value, showing a value in the user's language and
 * digits, converting values when a field's type changes, reading stored values one by one, and the text the inbox
 * search compares. Pure.
 */
import { latinDigits, normalizeName } from '../identity';
import { LIMITS } from '../limits';
import { isDateText } from './hours';

export const FIELD_TYPES = ['text', 'number', 'date', 'choice'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/**
 * A field's id, as main makes them (UUIDs): letters, digits and '-' only, so an id never names an object's own
 * machinery ("__proto__") where values are kept by id.
 */
export const FIELD_ID = /^[A-Za-z0-9-]{1,64}$/u;

export interface FieldDef {
  /** FIELD_ID. */
  id: string;
  /** The user's name for it, trimmed; it names the field's column in the CSV, so no two fields share one. */
  name: string;
  type: FieldType;
  /** A choice field's choices (1–LIMITS.fieldChoices, trimmed, each once); only a choice field has them. */
  choices?: string[];
}

/** Text: up to LIMITS.fieldText characters, not blank; number: finite; date: "YYYY-MM-DD"; choice: one of the field's choices. */
export type FieldValue = string | number;

/** A customer's values, by field id. */
export type FieldValues = Record<string, FieldValue>;

/** Why a field's definition is refused (`detail` of an `invalid` command result). */
export const FIELD_REFUSALS = {
  /** Another field has this name (compared as the inbox search compares names). */
  duplicateName: 'duplicate-name',
  /** A choice field needs choices, and only a choice field may have them. */
  choices: 'choices',
  /** Customers hold values the changed definition cannot keep (another type, a choice taken away). */
  valuesDoNotFit: 'values-do-not-fit',
} as const;

/** The choices trimmed, or undefined when one is blank or too long, one repeats, or there are none or too many. */
export function cleanChoices(choices: readonly string[]): string[] | undefined {
  const out = choices.map((c) => c.trim());
  if (out.length === 0 || out.length > LIMITS.fieldChoices) return undefined;
  if (out.some((c) => c === '' || c.length > LIMITS.fieldChoice)) return undefined;
  return new Set(out).size === out.length ? out : undefined;
}

/** Whether a definition is whole: a trimmed name within the limit, and choices exactly when it is a choice field. */
export function validFieldDef(def: FieldDef): boolean {
  const name = def.name.trim();
  if (name === '' || name !== def.name || name.length > LIMITS.fieldName || !FIELD_TYPES.includes(def.type)) return false;
  if (def.type !== 'choice') return def.choices === undefined;
  const clean = def.choices === undefined ? undefined : cleanChoices(def.choices);
  return clean !== undefined && clean.every((c, i) => c === def.choices?.[i]);
}

/** Whether two field names would be the same column to the user ("City", " city ", "CITY"). */
export const sameFieldName = (a: string, b: string): boolean => normalizeName(a) === normalizeName(b);

/** Whether `value` is a value `def` keeps as it is. */
export function validFieldValue(def: FieldDef, value: unknown): value is FieldValue {
  switch (def.type) {
    case 'text':
      return typeof value === 'string' && value.length <= LIMITS.fieldText && value.trim() !== '';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'date':
      return typeof value === 'string' && isDateText(value);
    case 'choice':
      return typeof value === 'string' && (def.choices ?? []).includes(value);
  }
}

/**
 * A number written plainly, in either digit set and as formatFieldValue writes it ("12", "-3.5", "٤٥", "١٢٫٥"), as
 * a number; undefined for other text.
 */
export function parseFieldNumber(text: string): number | undefined {
  const latin = latinDigits(text.replace(/[\u061c\u200e\u200f]/gu, '').trim())
    .replace('\u066b', '.')
    .replace('\u2212', '-');
  if (!/^-?\d+(?:\.\d+)?$/u.test(latin)) return undefined;
  const value = Number(latin);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * `value` as the field `def` would keep it, when the field changed: a value that fits stays, a number becomes its
 * text in a text field, a text written as a plain number becomes that number in a number field; undefined when it
 * cannot be kept.
 */
export function convertFieldValue(def: FieldDef, value: FieldValue): FieldValue | undefined {
  if (validFieldValue(def, value)) return value;
  if (def.type === 'text' && typeof value === 'number') return String(value);
  if (def.type === 'number' && typeof value === 'string') return parseFieldNumber(value);
  return undefined;
}

const formatters = new Map<string, { number: Intl.NumberFormat; date: Intl.DateTimeFormat }>();

function formattersFor(locale: string): { number: Intl.NumberFormat; date: Intl.DateTimeFormat } {
  let made = formatters.get(locale);
  if (made === undefined) {
    // No grouping: a number field often holds an order or invoice number, which "12,345" would misstate.
    made = {
      number: new Intl.NumberFormat(locale, { useGrouping: false, maximumSignificantDigits: 15 }),
      date: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
    };
    formatters.set(locale, made);
  }
  return made;
}

/**
 * Arabic-Indic digits are Arabic numbers to the bidi algorithm: in a left-to-right language two of them with only
 * a comma and a space between ("Mar ١٩, ٢٠٢٦") swap places; a left-to-right mark after each number another
 * follows keeps them in order (as the shell's format.ts does).
 */
function keepDigitsInOrder(text: string, locale: string): string {
  const tag = new Intl.Locale(locale);
  if (tag.numberingSystem !== 'arab' || tag.language === 'ar') return text;
  return text.replace(/[٠-٩](?:[٠-٩٬٫:]*[٠-٩])?(?![٠-٩٬٫:])(?=[^٠-٩]*[٠-٩])/gu, '$&\u200E');
}

/**
 * A value as the customer card shows it: numbers and dates through Intl with `locale` (common/language.ts
 * `localeTag`: the language, the digits and the calendar the user chose), text and choices as they are.
 */
export function formatFieldValue(def: FieldDef, value: FieldValue, locale: string): string {
  if (def.type === 'number' && typeof value === 'number') return keepDigitsInOrder(formattersFor(locale).number.format(value), locale);
  if (def.type === 'date' && typeof value === 'string' && isDateText(value)) {
    const [year, month, day] = value.split('-').map(Number) as [number, number, number];
    const at = new Date(0);
    at.setUTCFullYear(year, month - 1, day);
    return keepDigitsInOrder(formattersFor(locale).date.format(at), locale);
  }
  return String(value);
}

/**
 * The values in `raw` that fit the fields defined: a value for a field the shop no longer defines is dropped
 * quietly (as a deleted label is), a value that does not fit its field is dropped and counted. `values` is
 * undefined when none is left.
 */
export function readFieldValues(defs: readonly FieldDef[], raw: unknown): { values: FieldValues | undefined; dropped: number } {
  if (raw === undefined) return { values: undefined, dropped: 0 };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { values: undefined, dropped: 1 };
  const byId = new Map(defs.map((d) => [d.id, d]));
  const values: FieldValues = {};
  let dropped = 0;
  for (const [id, value] of Object.entries(raw)) {
    const def = byId.get(id);
    if (def === undefined) continue;
    if (validFieldValue(def, value)) values[id] = value;
    else dropped += 1;
  }
  return { values: Object.keys(values).length === 0 ? undefined : values, dropped };
}

/**
 * What the inbox search compares for a customer's fields: each defined field's value in comparable form
 * (normalizeName: Arabic letter forms and diacritics, case, either digit set as Latin digits), apart from one
 * another so a match never spans two. Empty when the customer holds no value.
 */
export function fieldSearchText(defs: readonly FieldDef[], values: FieldValues | undefined): string {
  if (values === undefined) return '';
  return defs
    .flatMap((def) => (Object.hasOwn(values, def.id) ? [normalizeName(String(values[def.id]))] : []))
    .filter((text) => text !== '')
    .join('\u0000');
}
