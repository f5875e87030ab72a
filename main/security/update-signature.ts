/**
 * The check a Linux update must pass before it installs. electron-updater only compares an AppImage or deb with the
 * SHA-512 in `latest-linux.yml`, which comes from the same server as the file; Wasl also wants the release key's
 * Ed25519 signature. The release workflow (scripts/sign-file.mjs) publishes `<file>.sig` beside each Linux update
 * file: `{ "keyId": "…", "signature": "<base64>" }`, the signature over `signedUpdateMessage(file name, version,
 * SHA-512 of the file)`.
 *
 * Why a digest and not the file itself: Ed25519 signs a message it holds whole, and an AppImage is over 100 MB; the
 * SHA-512 is computed as the file streams from disk. The message also names the file and the version, so a signed
 * older release (or another architecture's file) served under a newer version is refused, and it starts with a
 * label of its own, so no signature made with the same key for anything else (a connector pack) can pass for one.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import type { DownloadVerdict, DownloadedUpdate } from '../core/updates/updates';
import { verifySignature, type TrustedKey } from './signing';

/** A signature file is a few hundred bytes: anything larger is not one, and is not read into memory. */
export const MAX_SIGNATURE_BYTES = 4096;

/** The first line of every signed update message: what the signature is for, and the format's version. */
export const UPDATE_SIGNATURE_LABEL = 'wasl-linux-update/1';

/** An Ed25519 signature is 64 bytes: 88 characters of base64. */
const signatureFileSchema = z.strictObject({ keyId: z.string().min(1).max(100), signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/u) });

export type SignatureFile = z.infer<typeof signatureFileSchema>;

/** What is signed: the label, the file's name, the version it is the update to, and its SHA-512 in hex, a line each. */
export function signedUpdateMessage(fileName: string, version: string, sha512Hex: string): Buffer {
  return Buffer.from(`${UPDATE_SIGNATURE_LABEL}\nfile: ${fileName}\nversion: ${version}\nsha512: ${sha512Hex}\n`, 'utf8');
}

/** The file's SHA-512 in hex, read as a stream: never the whole file in memory. */
export async function sha512OfFile(file: string): Promise<string> {
  const hash = createHash('sha512');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/** A `.sig` file's content, or undefined when it is not exactly one (JSON with a key id and a signature, nothing else). */
export function parseSignatureFile(bytes: Uint8Array): SignatureFile | undefined {
  if (bytes.length > MAX_SIGNATURE_BYTES) return undefined;
  try {
    const parsed = signatureFileSchema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export interface UpdateSignatureDeps {
  /** The public keys releases are signed with (main/security/pack-keys.ts: TRUSTED_RELEASE_KEYS). */
  keys: readonly TrustedKey[];
  /** The `.sig` published beside the update file of this name and version; undefined when there is none. */
  fetchSignature(fileName: string, version: string): Promise<Uint8Array | undefined>;
}

/** Whether the downloaded update is the one the release key signed. Never rejects: every failure is a refusal. */
export async function verifyUpdateFile(download: DownloadedUpdate, deps: UpdateSignatureDeps): Promise<DownloadVerdict> {
  const fileName = path.basename(download.file);
  let bytes: Uint8Array | undefined;
  try {
    bytes = await deps.fetchSignature(fileName, download.version);
  } catch (error) {
    return { ok: false, reason: 'missing-signature', detail: String(error) };
  }
  if (bytes === undefined) return { ok: false, reason: 'missing-signature', detail: `no ${fileName}.sig` };
  const signed = parseSignatureFile(bytes);
  if (!signed) return { ok: false, reason: 'malformed-signature' };
  const key = deps.keys.find((k) => k.id === signed.keyId);
  if (!key) return { ok: false, reason: 'unknown-key', detail: signed.keyId };
  let digest: string;
  try {
    digest = await sha512OfFile(download.file);
  } catch (error) {
    return { ok: false, reason: 'unreadable-file', detail: String(error) };
  }
  if (!verifySignature(signedUpdateMessage(fileName, download.version, digest), signed.signature, key)) {
    return { ok: false, reason: 'bad-signature', detail: signed.keyId };
  }
  return { ok: true, keyId: key.id };
}
