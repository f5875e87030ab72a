/**
 * What the settings file keeps about connector packs (common/packs.ts): the user's pin of the built-in pack, the
 * platforms that went back to an earlier pack, and how well each pack read each platform (the evidence a rollback
 * weighs). Read entry by entry: a bad entry is dropped and counted, the rest kept, as the rest of the document is.
 */
import { z } from 'zod';
import { PLATFORM_IDS, type PlatformId } from '../model';
import { compareVersions, packManifestSchema, type PacksState } from '../packs';

/** The user's pin and the rollbacks, as AppState.packs holds them. */
export type PackChoices = Pick<PacksState, 'pinBuiltIn' | 'rolledBack'>;
export type PackRollback = PacksState['rolledBack'][number];

/**
 * Per platform, per pack version: the most chat rows a signed-in service of that platform found with that pack.
 * Only versions still in play are kept (main/core/packs/health.ts), and never more than MAX_READ_VERSIONS.
 */
export type PackReads = Partial<Record<PlatformId, Record<string, number>>>;

/** Versions a platform's reads keep at most, newest first: the pack in use, the one before, and a few in reserve. */
export const MAX_READ_VERSIONS = 8;

/** More rows than any chat list shows: a figure above it is damage. */
const MAX_ROWS = 1_000_000;

export function defaultPackChoices(): PackChoices {
  return { pinBuiltIn: false, rolledBack: [] };
}

const version = packManifestSchema.shape.version;
const platform = z.enum(PLATFORM_IDS);

const isVersion = (value: string): boolean => version.safeParse(value).success;

/** zod runs a refinement even when a field failed: the versions are checked again before they are compared. */
const rollbackSchema = z
  .strictObject({ platform, from: version, to: version, at: z.number().int().min(0) })
  .refine((r) => isVersion(r.from) && isVersion(r.to) && compareVersions(r.to, r.from) < 0, 'a rollback goes to an older pack');

const rowsSchema = z.number().int().min(0).max(MAX_ROWS);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The pin and the rollbacks of a stored document: each valid part kept, each invalid one (or a second rollback of
 * the same platform) dropped and counted in `dropped`. Absent, the defaults.
 */
export function readPackChoices(raw: unknown): { choices: PackChoices; dropped: number } {
  const choices = defaultPackChoices();
  if (raw === undefined) return { choices, dropped: 0 };
  if (!isRecord(raw)) return { choices, dropped: 1 };
  let dropped = 0;
  const pin = raw['pinBuiltIn'];
  if (typeof pin === 'boolean') choices.pinBuiltIn = pin;
  else if (pin !== undefined) dropped += 1;
  const rolledBack = raw['rolledBack'];
  if (Array.isArray(rolledBack)) {
    for (const item of rolledBack) {
      const parsed = rollbackSchema.safeParse(item);
      if (parsed.success && !choices.rolledBack.some((r) => r.platform === parsed.data.platform)) choices.rolledBack.push(parsed.data);
      else dropped += 1;
    }
  } else if (rolledBack !== undefined) {
    dropped += 1;
  }
  return { choices, dropped };
}

/**
 * The reads of a stored document: each valid figure kept, each invalid one (an unknown platform, a version that is
 * not one, a count that is not) dropped and counted; past MAX_READ_VERSIONS a platform keeps its newest.
 */
export function readPackReads(raw: unknown): { reads: PackReads; dropped: number } {
  const reads: PackReads = {};
  if (raw === undefined) return { reads, dropped: 0 };
  if (!isRecord(raw)) return { reads, dropped: 1 };
  let dropped = 0;
  for (const [key, byVersion] of Object.entries(raw)) {
    const id = platform.safeParse(key);
    if (!id.success || !isRecord(byVersion)) {
      dropped += 1;
      continue;
    }
    const valid = Object.entries(byVersion).filter(([v, rows]) => isVersion(v) && rowsSchema.safeParse(rows).success) as [string, number][];
    dropped += Object.keys(byVersion).length - valid.length;
    const kept = valid.sort(([a], [b]) => compareVersions(b, a)).slice(0, MAX_READ_VERSIONS);
    dropped += valid.length - kept.length;
    if (kept.length > 0) reads[id.data] = Object.fromEntries(kept);
  }
  return { reads, dropped };
}
