/**
 * The one gate every connector pack passes before Wasl keeps or runs it, downloaded or read back from the disk: the
 * file is read, its manifest's signature checked against the keys Wasl trusts, the manifest read, each file's SHA-256
 * compared, then the version and the app versions it is for. The first check that fails names the refusal
 * (common/packs.ts PackRefusal). Pure: the signature and hash checks come through PackCrypto, which
 * main/security/pack-keys.ts implements on node:crypto.
 */
import {
  MAX_PACK_BYTES,
  WORKER_FILE,
  compareVersions,
  connectorFile,
  packFileSchema,
  packManifestSchema,
  type PackManifest,
  type PackRefusal,
} from '../../../common/packs';

/** The signature and hash checks verifyPack needs, with the keys Wasl trusts. */
export interface PackCrypto {
  /** Whether a key with this id is one Wasl trusts. */
  trusts(keyId: string): boolean;
  /** Whether `signature` (base64) is the trusted key `keyId`'s Ed25519 signature of `data`. */
  verify(keyId: string, data: Uint8Array, signature: string): boolean;
  /** SHA-256 of the text's UTF-8 bytes, lower-case hex. */
  sha256Hex(text: string): string;
}

/** A pack that passed every check. */
export interface VerifiedPack {
  manifest: PackManifest;
  /** Each file's text, by its path in the pack. */
  files: Record<string, string>;
  /** The pack file exactly as it was verified: what the store writes. */
  bytes: Uint8Array;
}

export interface VerifyOptions {
  crypto: PackCrypto;
  /** This app's version (x.y.z; a pre-release such as 1.4.0-beta.2 counts as its x.y.z). */
  appVersion: string;
  /** The newest pack in use: a pack is refused unless its version is strictly newer. */
  newerThan?: string;
}

export type VerifyResult = { ok: true; pack: VerifiedPack } | { ok: false; reason: PackRefusal };

const refuse = (reason: PackRefusal): VerifyResult => ({ ok: false, reason });

export function verifyPack(bytes: Uint8Array, options: VerifyOptions): VerifyResult {
  const { crypto } = options;
  if (bytes.byteLength > MAX_PACK_BYTES) return refuse('too-large');

  const file = packFileSchema.safeParse(parseJson(decodeUtf8(bytes)));
  if (!file.success) return refuse('unreadable');
  const pack = file.data;

  if (!crypto.trusts(pack.keyId)) return refuse('unknown-key');
  if (!crypto.verify(pack.keyId, new TextEncoder().encode(pack.manifest), pack.signature)) return refuse('bad-signature');

  const parsed = packManifestSchema.safeParse(parseJson(pack.manifest));
  if (!parsed.success || !consistent(parsed.data)) return refuse('bad-manifest');
  const manifest = parsed.data;

  const names = Object.keys(pack.files);
  const expected = Object.entries(manifest.files);
  if (names.length !== expected.length) return refuse('file-mismatch');
  for (const [name, sha256] of expected) {
    const text = Object.hasOwn(pack.files, name) ? pack.files[name] : undefined;
    if (text === undefined || crypto.sha256Hex(text) !== sha256) return refuse('file-mismatch');
  }

  if (options.newerThan !== undefined && compareVersions(manifest.version, options.newerThan) <= 0) return refuse('not-newer');

  const app = releaseOf(options.appVersion);
  if (compareVersions(app, manifest.minAppVersion) < 0 || compareVersions(app, manifest.maxAppVersion) > 0) return refuse('app-out-of-range');

  return { ok: true, pack: { manifest, files: pack.files, bytes } };
}

/**
 * A manifest says the same thing twice: the platforms it covers and its files. They must agree: each platform once,
 * each with its connector file, and no file but those connectors and the worker's notification script. A range
 * whose oldest app is newer than its newest is no range.
 */
function consistent(manifest: PackManifest): boolean {
  const platforms = new Set(manifest.platforms);
  if (platforms.size !== manifest.platforms.length) return false;
  if (compareVersions(manifest.minAppVersion, manifest.maxAppVersion) > 0) return false;
  const allowed = new Set([WORKER_FILE, ...manifest.platforms.map(connectorFile)]);
  const files = Object.keys(manifest.files);
  return files.every((name) => allowed.has(name)) && manifest.platforms.every((p) => Object.hasOwn(manifest.files, connectorFile(p)));
}

/** The text of UTF-8 bytes; undefined when they are not UTF-8 (a download cut mid-character, or not text at all). */
function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The x.y.z of an app version: 1.4.0-beta.2 is checked against a pack's range as 1.4.0. */
function releaseOf(version: string): string {
  return /^\d+\.\d+\.\d+/u.exec(version)?.[0] ?? version;
}
