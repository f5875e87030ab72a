/**
 * The keys Wasl trusts for packs and Linux updates, and the PackCrypto port on node:crypto
 * (main/security/pack-keys.ts): the shipped keys are well-formed Ed25519 public keys, the placeholder verifies
 * nothing a test can sign, and the port checks signatures only against the key the id names.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyPack } from '../../../../main/core/packs/verify';
import { TRUSTED_RELEASE_KEYS, packCrypto } from '../../../../main/security/pack-keys';
import { publicKeyObject, signData } from '../../../../main/security/signing';
import { packBytes, testKey } from '../../../support/signed-packs';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('TRUSTED_RELEASE_KEYS', () => {
  it('are Ed25519 public keys of 32 bytes, each under its own id', () => {
    expect(TRUSTED_RELEASE_KEYS.length).toBeGreaterThan(0);
    expect(new Set(TRUSTED_RELEASE_KEYS.map((k) => k.id)).size).toBe(TRUSTED_RELEASE_KEYS.length);
    for (const key of TRUSTED_RELEASE_KEYS) {
      const object = publicKeyObject(key.publicKey);
      expect(object.asymmetricKeyType).toBe('ed25519');
      expect(Buffer.from(key.publicKey, 'base64url')).toHaveLength(32);
    }
  });

  it('trust no pack signed by a key made here, even one that names a trusted id', () => {
    const crypto = packCrypto(TRUSTED_RELEASE_KEYS);
    for (const trusted of TRUSTED_RELEASE_KEYS) {
      const result = verifyPack(packBytes(testKey(trusted.id)), { crypto, appVersion: '0.5.0' });
      expect(result).toEqual({ ok: false, reason: 'bad-signature' });
    }
  });
});

describe('packCrypto', () => {
  const key = testKey('release-2026');
  const other = testKey('release-2027');
  const crypto = packCrypto([key, other]);

  it('trusts the ids of its keys only', () => {
    expect(crypto.trusts('release-2026')).toBe(true);
    expect(crypto.trusts('release-2027')).toBe(true);
    expect(crypto.trusts('release-2028')).toBe(false);
    expect(packCrypto([]).trusts('release-2026')).toBe(false);
  });

  it('checks a signature against the key its id names, not any trusted key', () => {
    const data = bytes('{"version":"1.2.0"}');
    const signed = signData(data, key.privateKeyPem);
    expect(crypto.verify('release-2026', data, signed)).toBe(true);
    expect(crypto.verify('release-2027', data, signed)).toBe(false);
    expect(crypto.verify('release-2028', data, signed)).toBe(false);
    expect(crypto.verify('release-2026', bytes('{"version":"1.2.1"}'), signed)).toBe(false);
    expect(crypto.verify('release-2026', data, 'not base64!')).toBe(false);
  });

  it('hashes the UTF-8 bytes of a text', () => {
    expect(crypto.sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(crypto.sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    // é as UTF-8 (c3 a9), not as Latin-1 (e9).
    expect(crypto.sha256Hex('é')).toBe(createHash('sha256').update(Uint8Array.from([0xc3, 0xa9])).digest('hex'));
    expect(crypto.sha256Hex('é')).not.toBe(createHash('sha256').update(Uint8Array.from([0xe9])).digest('hex'));
  });
});
