/**
 * Reads a page outline back from JSON, as main receives it from a service view and as the skeleton script reads a
 * file a user sent: bounded in size, strict in shape, every text a shape. Apart from common/outline.ts so that
 * the preload, which only writes outlines, does not carry zod.
 */
import { z } from 'zod';
import { LIMITS } from './limits';
import { CUT_REASONS, OUTLINE_FLAGS, OUTLINE_FORMAT, OUTLINE_NOTES, type OutlineElement, type OutlineNode, type PageOutline } from './outline';
import { TEXT_SHAPE } from './outline-shape';

const count = z.number().int().min(0).max(100_000_000);
const shape = z.string().max(4_096).regex(TEXT_SHAPE);
const kept = z.string().max(16_384);

const textSchema = z.strictObject({ text: shape });
const elementSchema: z.ZodType<OutlineElement> = z.lazy(() =>
  z.strictObject({
    tag: kept.min(1),
    attrs: z.array(z.tuple([kept.min(1), kept])).max(1_000).optional(),
    classes: z.array(kept).max(10_000).optional(),
    flags: z.array(z.enum(OUTLINE_FLAGS)).max(OUTLINE_FLAGS.length).optional(),
    note: z.enum(OUTLINE_NOTES).optional(),
    shadow: z.array(nodeSchema).optional(),
    children: z.array(nodeSchema).optional(),
    cut: z.strictObject({ reason: z.enum(CUT_REASONS), omitted: count }).optional(),
  }),
);
const nodeSchema: z.ZodType<OutlineNode> = z.lazy(() => z.union([textSchema, elementSchema]));

const outlineSchema = z.strictObject({
  format: z.literal(OUTLINE_FORMAT),
  wasl: z.string().max(64),
  platform: z.string().max(64),
  savedAt: z.string().max(64),
  url: kept,
  limits: z.strictObject({ nodes: count, depth: count, chars: count, textTokens: count }),
  stats: z.strictObject({ elements: count, texts: count, shadowRoots: count, frames: count, textsShortened: count }),
  omitted: z.strictObject({ depth: count, nodes: count, size: count }),
  complete: z.boolean(),
  root: elementSchema,
});

/** Deeper than any outline Wasl writes (its depth limit is 60): refused before the schema recurses into it. */
const MAX_NESTING = 512;

/**
 * An outline read back from JSON (a message from a service view, a file a user sent): checked in size, depth and
 * shape, every text a shape. Throws on anything else.
 */
export function parseOutline(json: string): PageOutline {
  if (json.length > LIMITS.messageChars) throw new Error(`an outline is at most ${LIMITS.messageChars} characters`);
  const value: unknown = JSON.parse(json);
  if (nesting(value) > MAX_NESTING) throw new Error(`an outline nests at most ${MAX_NESTING} levels`);
  return outlineSchema.parse(value);
}

/** How deep arrays and objects nest in `value` (without recursion, whatever the depth). */
function nesting(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, depth] = item;
    if (typeof node !== 'object' || node === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_NESTING) break;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}
