/**
 * Which connector pack a platform's services load: the newest pack that covers the platform, unless the user
 * pinned the built-in pack or the platform went back from a newer pack that read worse (main/core/packs/health.ts).
 * Pure: the verified packs come from the pack store, the choices from AppState.packs.
 */
import type { PlatformId } from '../../../common/model';
import { BUILT_IN_PACK_VERSION } from '../../../common/pack-version';
import { compareVersions, type PackManifest, type PackSource, type PacksState } from '../../../common/packs';

/** What selection needs of a verified downloaded pack: a PackManifest is one. */
export type PackCandidate = Pick<PackManifest, 'version' | 'platforms'>;

/** The user's pin and the rollbacks (AppState.packs). */
export type SelectionState = Pick<PacksState, 'pinBuiltIn' | 'rolledBack'>;

/**
 * The newest of the built-in pack and the downloaded packs that cover `platform`, among those older than `below`
 * when it is given. The built-in pack wins a tie, and covers every platform; a downloaded pack older than it (the
 * app was updated past it) is never chosen.
 */
function newestCovering(platform: PlatformId, packs: readonly PackCandidate[], below: string | undefined, builtIn: string): PackSource {
  let best: PackSource = { kind: 'built-in', version: builtIn };
  for (const pack of packs) {
    if (!pack.platforms.includes(platform)) continue;
    if (below !== undefined && compareVersions(pack.version, below) >= 0) continue;
    if (compareVersions(pack.version, best.version) > 0) best = { kind: 'downloaded', version: pack.version };
  }
  return best;
}

/**
 * The pack `platform`'s services load. `packs`: the verified downloaded packs (in any order; the pack store gives
 * them newest first). Pinned: the built-in pack. Rolled back from V: the newest pack older than V, or the built-in.
 * Otherwise the newest pack that covers the platform (one that does not is passed over), or the built-in.
 */
export function selectPack(platform: PlatformId, packs: readonly PackCandidate[], state: SelectionState, builtIn: string = BUILT_IN_PACK_VERSION): PackSource {
  if (state.pinBuiltIn) return { kind: 'built-in', version: builtIn };
  const rollback = state.rolledBack.find((r) => r.platform === platform);
  return newestCovering(platform, packs, rollback?.from, builtIn);
}

/** The pack `platform` would go back to from pack `from`: the newest older one that covers it, or the built-in. */
export function previousPack(platform: PlatformId, from: string, packs: readonly PackCandidate[], builtIn: string = BUILT_IN_PACK_VERSION): PackSource {
  return newestCovering(platform, packs, from, builtIn);
}

/**
 * The rollbacks that still stand: one is over once a downloaded pack newer than the one that read worse covers
 * its platform (a new fix to try).
 */
export function standingRollbacks(rolledBack: SelectionState['rolledBack'], packs: readonly PackCandidate[]): SelectionState['rolledBack'] {
  return rolledBack.filter((r) => !packs.some((p) => p.platforms.includes(r.platform) && compareVersions(p.version, r.from) > 0));
}
