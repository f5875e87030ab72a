/**
 * Connector packs (issue 15): the connectors and the service-worker notification script, shipped apart from the app
 * so a site's change can be fixed for every user without a release. A pack is one JSON file: its manifest as the
 * exact string that was signed, an Ed25519 signature of that string's UTF-8 bytes, the id of the key that signed
 * it, and its files as text. The manifest names each file's SHA-256, so the signature covers every byte.
 * This module is the format only (shapes, names, version order); verifying and storing are main's
 * (main/core/packs, main/security/signing.ts), building and signing are scripts/pack.mjs's.
 */
import { z } from 'zod';
import { PLATFORM_IDS, type PlatformId } from './model';

export const PACK_FORMAT = 1;

/** The largest pack file Wasl reads or downloads: the connectors are some hundred kilobytes. */
export const MAX_PACK_BYTES = 4 * 1024 * 1024;

/** The file of a platform's connector in a pack: a classic script that registers it (see PACK_REGISTER). */
export const connectorFile = (platform: PlatformId): string => `connectors/${platform}.js`;

/** The service-worker notification script in a pack. */
export const WORKER_FILE = 'worker/notifications.js';

/** The function a pack's connector script calls, in common/pack-register.ts so that the preload bundles no zod. */
export { PACK_REGISTER } from './pack-register';

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/u;
const semver = z.string().regex(SEMVER);
const SHA256_HEX = /^[0-9a-f]{64}$/u;
/** A file's path in a pack: lower-case names in folders, no `..`, no leading slash. */
const PACK_PATH = /^[a-z0-9-]+(\/[a-z0-9-]+)*\.js$/u;

export const packManifestSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  /** x.y.z; strictly newer than the pack in use, or it is refused. */
  version: semver,
  /** The oldest and newest app versions (inclusive) the pack's connectors work with. */
  minAppVersion: semver,
  maxAppVersion: semver,
  platforms: z.array(z.enum(PLATFORM_IDS)).min(1),
  /** Every file of the pack, with its SHA-256 as lower-case hex. */
  files: z.record(z.string().regex(PACK_PATH), z.string().regex(SHA256_HEX)),
  /** ISO date of the build, shown in the Resources screen. */
  builtAt: z.iso.datetime(),
});
export type PackManifest = z.infer<typeof packManifestSchema>;

/** The pack file as it travels and as it is stored. */
export const packFileSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  keyId: z.string().min(1).max(64),
  /** The manifest as the exact JSON text that was signed. */
  manifest: z.string().min(1),
  /** Ed25519 signature of the manifest text's UTF-8 bytes, base64. */
  signature: z.string().min(1).max(200),
  files: z.record(z.string().regex(PACK_PATH), z.string()),
});
export type PackFile = z.infer<typeof packFileSchema>;

/** The feed main checks: the newest pack's version and where to download it. */
export const packFeedSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  version: semver,
  url: z.url({ protocol: /^https$/u }),
});
export type PackFeed = z.infer<typeof packFeedSchema>;

/** Compares two x.y.z versions: negative when a is older, 0 when equal, positive when newer. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string): number[] => {
    const m = SEMVER.exec(v);
    if (!m) throw new Error(`not a version: ${v}`);
    return [Number(m[1]), Number(m[2]), Number(m[3])];
  };
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The pack a service's connector comes from: the one built into the app, or a downloaded one by version. */
export type PackSource = { kind: 'built-in'; version: string } | { kind: 'downloaded'; version: string };

/** Why a downloaded pack was refused; each is logged once and shown in the Resources screen. */
export const PACK_REFUSALS = ['unreadable', 'unknown-key', 'bad-signature', 'bad-manifest', 'file-mismatch', 'not-newer', 'app-out-of-range', 'too-large', 'download-failed'] as const;
export type PackRefusal = (typeof PACK_REFUSALS)[number];

/** What the shell shows of packs (AppState.packs). */
export interface PacksState {
  /** The built-in pack's version (the app's own connectors). */
  builtIn: string;
  /** The newest verified downloaded pack, if any. */
  downloaded?: { version: string; builtAt: string };
  /** The user keeps every service on the built-in pack. */
  pinBuiltIn: boolean;
  /** Platforms that went back to an earlier pack because the newer one read clearly worse: which, from and to. */
  rolledBack: { platform: PlatformId; from: string; to: string; at: number }[];
  /** The last refusal, so the user sees why a pack was not used. */
  lastRefusal?: { reason: PackRefusal; version?: string; at: number };
  /** Epoch ms of the last check of the feed, when one ran. */
  lastCheck?: number;
  /** This build checks no feed (a development build given none): there is nothing to check now. */
  noFeed?: true;
}
