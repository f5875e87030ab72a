/**
 * What a settings schema yields besides its type and defaults, derived generically so that no field is ever
 * listed twice: the patch a command carries, the merge of a patch into the current values, and the salvage of a
 * stored document field by field. A schema here is a zod object whose fields are settings (a schema, usually with
 * its `.default()`) or groups (a zod object of settings under its own key, given every default by `.prefault({})`).
 */
import { z } from 'zod';

type Shape = Readonly<Record<string, z.ZodType>>;

/**
 * The patch of a shape: every field optional and without its default (an absent field is left as it is, never
 * reset), a group a strict patch of its own fields.
 */
export type PatchShape<S extends Shape> = {
  -readonly [K in keyof S]: S[K] extends z.ZodPrefault<z.ZodObject<infer G extends Shape>>
    ? z.ZodOptional<z.ZodObject<PatchShape<G>, z.core.$strict>>
    : S[K] extends z.ZodDefault<infer T extends z.ZodType>
      ? z.ZodOptional<T>
      : S[K] extends z.ZodOptional
        ? S[K]
        : z.ZodOptional<S[K]>;
};

/** The fields of a group, or undefined for a single setting. */
function groupShape(field: z.ZodType): Shape | undefined {
  if (!(field instanceof z.ZodPrefault)) return undefined;
  const inner = field.unwrap();
  return inner instanceof z.ZodObject ? inner.shape : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The fields of a command that changes what `shape` holds: see PatchShape. */
export function patchShape<S extends Shape>(shape: S): PatchShape<S> {
  const patch: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(shape)) {
    const group = groupShape(field);
    if (group) patch[key] = z.strictObject(patchShape(group)).optional();
    else if (field instanceof z.ZodDefault) patch[key] = z.optional(field.unwrap());
    else patch[key] = field instanceof z.ZodOptional ? field : field.optional();
  }
  return patch as PatchShape<S>;
}

/**
 * `current` with what `patch` carries: a setting replaced by its value as its schema makes it (a name trimmed), a
 * group merged field by field. Everything the patch leaves out stays as it was, the same object.
 */
export function mergePatch<T extends object>(shape: Shape, current: T, patch: object): T {
  const next: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) {
    const field = shape[key];
    if (value === undefined || field === undefined) continue;
    const group = groupShape(field);
    next[key] = group ? mergePatch(group, isRecord(next[key]) ? next[key] : {}, value as object) : z.parse(field, value);
  }
  return next as T;
}

/**
 * Copies each valid value of a stored object over `into` (in place; it holds a value for every field, the
 * defaults), field by field, groups included: an invalid value leaves that one field as it was and counts as
 * damage, and so does a group that is not an object; an absent one is not damage. Keys the shape does not name
 * are ignored. Answers how many values were dropped.
 */
export function salvage(shape: Shape, raw: unknown, into: object): number {
  if (raw === undefined) return 0;
  if (!isRecord(raw)) return 1;
  const target = into as Record<string, unknown>;
  let dropped = 0;
  for (const [key, field] of Object.entries(shape)) {
    const value = raw[key];
    const group = groupShape(field);
    if (group) {
      dropped += salvage(group, value, target[key] as object);
    } else if (value !== undefined) {
      const parsed = z.safeParse(field, value);
      if (parsed.success) target[key] = parsed.data;
      else dropped += 1;
    }
  }
  return dropped;
}
