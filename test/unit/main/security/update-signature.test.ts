/**
 * The signature check a Linux update passes before it installs (main/security/update-signature.ts), on real files
 * with keys generated here: a file signed with the release key passes; the same file changed by one byte, signed
 * with another key, under an unknown key id, with no signature, with a signature file that is not one, or signed
 * for another name or version, is refused, each for its own reason.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSigningKey, signData, type TrustedKey } from '../../../../main/security/signing';
import {
  MAX_SIGNATURE_BYTES,
  parseSignatureFile,
  sha512OfFile,
  signedUpdateMessage,
  verifyUpdateFile,
  type UpdateSignatureDeps,
} from '../../../../main/security/update-signature';

const dir = mkdtempSync(path.join(os.tmpdir(), 'wasl-update-signature-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const release = generateSigningKey();
const other = generateSigningKey();
const KEYS: TrustedKey[] = [
  { id: 'release-2026', publicKey: release.publicKey },
  { id: 'old-release', publicKey: other.publicKey },
];
const NAME = 'Wasl-1.4.0-x86_64.AppImage';
const VERSION = '1.4.0';

/** A file of this content on disk, under NAME in a folder of its own. */
function fileOf(content: Buffer): string {
  const folder = mkdtempSync(path.join(dir, 'download-'));
  const file = path.join(folder, NAME);
  writeFileSync(file, content);
  return file;
}

const sha512 = (content: Buffer) => createHash('sha512').update(content).digest('hex');

/** The `.sig` the release workflow publishes for this content, name and version. */
function sigFor(content: Buffer, options: { keyId?: string; pem?: string; name?: string; version?: string } = {}): Uint8Array {
  const message = signedUpdateMessage(options.name ?? NAME, options.version ?? VERSION, sha512(content));
  return Buffer.from(JSON.stringify({ keyId: options.keyId ?? 'release-2026', signature: signData(message, options.pem ?? release.privateKeyPem) }));
}

/** Serves `sig` for NAME at VERSION, and notes what was asked for. */
function served(sig: Uint8Array | undefined): UpdateSignatureDeps & { asked: [string, string][] } {
  const asked: [string, string][] = [];
  return {
    keys: KEYS,
    asked,
    fetchSignature: (fileName, version) => {
      asked.push([fileName, version]);
      return Promise.resolve(sig);
    },
  };
}

const content = Buffer.concat([Buffer.from('\x7fELF AppImage '), Buffer.alloc(300_000, 7)]);

describe('verifyUpdateFile', () => {
  it('accepts a file signed with a trusted key, asking for the signature of its own name and version', async () => {
    const file = fileOf(content);
    const deps = served(sigFor(content));
    expect(await verifyUpdateFile({ version: VERSION, file }, deps)).toEqual({ ok: true, keyId: 'release-2026' });
    expect(deps.asked).toEqual([[NAME, VERSION]]);
  });

  it('accepts a signature by any trusted key, found by its id', async () => {
    const file = fileOf(content);
    expect(await verifyUpdateFile({ version: VERSION, file }, served(sigFor(content, { keyId: 'old-release', pem: other.privateKeyPem })))).toEqual({
      ok: true,
      keyId: 'old-release',
    });
  });

  it.each([0, 150_000, content.length - 1])('refuses the file changed by one byte (at %i)', async (at) => {
    const changed = Buffer.from(content);
    changed[at] = (changed[at] ?? 0) ^ 1;
    const file = fileOf(changed);
    expect(await verifyUpdateFile({ version: VERSION, file }, served(sigFor(content)))).toEqual({ ok: false, reason: 'bad-signature', detail: 'release-2026' });
  });

  it('refuses a file one byte longer or shorter than the one signed', async () => {
    for (const changed of [Buffer.concat([content, Buffer.from([0])]), content.subarray(0, -1)]) {
      const file = fileOf(changed);
      expect(await verifyUpdateFile({ version: VERSION, file }, served(sigFor(content)))).toMatchObject({ ok: false, reason: 'bad-signature' });
    }
  });

  it('refuses a signature made with another key under a trusted key id', async () => {
    const file = fileOf(content);
    const stranger = generateSigningKey();
    expect(await verifyUpdateFile({ version: VERSION, file }, served(sigFor(content, { pem: stranger.privateKeyPem })))).toEqual({
      ok: false,
      reason: 'bad-signature',
      detail: 'release-2026',
    });
  });

  it('refuses a key id Wasl does not trust, even with a signature that would verify under it', async () => {
    const file = fileOf(content);
    const stranger = generateSigningKey();
    expect(await verifyUpdateFile({ version: VERSION, file }, served(sigFor(content, { keyId: 'stranger', pem: stranger.privateKeyPem })))).toEqual({
      ok: false,
      reason: 'unknown-key',
      detail: 'stranger',
    });
    expect(await verifyUpdateFile({ version: VERSION, file }, { ...served(sigFor(content)), keys: [] })).toMatchObject({ ok: false, reason: 'unknown-key' });
  });

  it('refuses a validly signed file offered as another version (an older release passed off as newer)', async () => {
    const file = fileOf(content);
    expect(await verifyUpdateFile({ version: '9.9.9', file }, served(sigFor(content)))).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a validly signed file under another name (another architecture’s, or the deb for the AppImage)', async () => {
    const file = fileOf(content);
    expect(await verifyUpdateFile({ version: VERSION, file }, served(sigFor(content, { name: 'Wasl-1.4.0-arm64.AppImage' })))).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('refuses a signature of the file’s bytes themselves, as a signature made for anything else (a pack) would be', async () => {
    const file = fileOf(content);
    const raw = Buffer.from(JSON.stringify({ keyId: 'release-2026', signature: signData(content, release.privateKeyPem) }));
    const digestOnly = Buffer.from(JSON.stringify({ keyId: 'release-2026', signature: signData(Buffer.from(sha512(content), 'hex'), release.privateKeyPem) }));
    for (const sig of [raw, digestOnly]) expect(await verifyUpdateFile({ version: VERSION, file }, served(sig))).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a missing signature, and one that cannot be fetched', async () => {
    const file = fileOf(content);
    expect(await verifyUpdateFile({ version: VERSION, file }, served(undefined))).toEqual({ ok: false, reason: 'missing-signature', detail: `no ${NAME}.sig` });
    const unreachable: UpdateSignatureDeps = { keys: KEYS, fetchSignature: () => Promise.reject(new Error('net::ERR_INTERNET_DISCONNECTED')) };
    expect(await verifyUpdateFile({ version: VERSION, file }, unreachable)).toEqual({
      ok: false,
      reason: 'missing-signature',
      detail: 'Error: net::ERR_INTERNET_DISCONNECTED',
    });
  });

  const good = JSON.parse(Buffer.from(sigFor(content)).toString('utf8')) as { keyId: string; signature: string };
  it.each<[string, Uint8Array]>([
    ['empty', new Uint8Array()],
    ['not JSON', Buffer.from('-----BEGIN SIGNATURE-----')],
    ['an HTML error page', Buffer.from('<!DOCTYPE html><title>Not Found</title>')],
    ['JSON without a key id', Buffer.from(JSON.stringify({ signature: good.signature }))],
    ['JSON without a signature', Buffer.from(JSON.stringify({ keyId: good.keyId }))],
    ['JSON with more than it should hold', Buffer.from(JSON.stringify({ ...good, algorithm: 'none' }))],
    ['a signature that is not base64', Buffer.from(JSON.stringify({ ...good, signature: `${good.signature.slice(0, 80)}!!!!!!==` }))],
    ['a signature of the wrong length', Buffer.from(JSON.stringify({ ...good, signature: Buffer.alloc(32).toString('base64') }))],
    ['an array', Buffer.from(JSON.stringify([good]))],
    ['not UTF-8', Buffer.concat([Buffer.from('{"keyId":"release-2026","signature":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')])],
    ['larger than a signature file is', Buffer.from(JSON.stringify({ ...good, keyId: 'k'.repeat(MAX_SIGNATURE_BYTES) }))],
  ])('refuses a signature file that is %s', async (_label, sig) => {
    const file = fileOf(content);
    expect(await verifyUpdateFile({ version: VERSION, file }, served(sig))).toEqual({ ok: false, reason: 'malformed-signature' });
  });

  it('refuses a download that cannot be read', async () => {
    expect(await verifyUpdateFile({ version: VERSION, file: path.join(dir, 'gone', NAME) }, served(sigFor(content)))).toMatchObject({
      ok: false,
      reason: 'unreadable-file',
      detail: expect.stringContaining('ENOENT') as unknown,
    });
  });
});

describe('parseSignatureFile', () => {
  it('reads a key id and a signature, with or without a final newline', () => {
    const sig = sigFor(content);
    const parsed = parseSignatureFile(sig);
    expect(parsed?.keyId).toBe('release-2026');
    expect(parseSignatureFile(Buffer.concat([sig, Buffer.from('\n')]))).toEqual(parsed);
  });
});

describe('sha512OfFile', () => {
  it('hashes a file larger than a stream chunk as a whole', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024 + 17);
    for (let i = 0; i < big.length; i += 4093) big[i] = i % 251;
    const file = fileOf(big);
    expect(await sha512OfFile(file)).toBe(sha512(readFileSync(file)));
  });
});
