/**
 * Ed25519 signatures for what Wasl installs without an app release (connector packs) and for the Linux update files
 * electron-updater only checksums. node:crypto only. Public keys travel as the 32 raw bytes in base64url (a JWK's
 * `x`); the private key is a PKCS#8 PEM that lives only in the release workflow's secrets.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

/** A public key Wasl trusts, by the id a signed file names. */
export interface TrustedKey {
  id: string;
  /** The raw Ed25519 public key, base64url (32 bytes). */
  publicKey: string;
}

export function publicKeyObject(raw: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw }, format: 'jwk' });
}

/** Whether `signature` (base64) is `key`'s Ed25519 signature of `data`. False for any malformed input. */
export function verifySignature(data: Uint8Array, signature: string, key: TrustedKey): boolean {
  try {
    const bytes = Buffer.from(signature, 'base64');
    if (bytes.length !== 64 || bytes.toString('base64') !== signature) return false;
    return verify(null, data, publicKeyObject(key.publicKey), bytes);
  } catch {
    return false;
  }
}

/** Signs `data` with a PKCS#8 PEM Ed25519 private key; the signature in base64. */
export function signData(data: Uint8Array, privateKeyPem: string): string {
  return sign(null, data, createPrivateKey(privateKeyPem)).toString('base64');
}

/** A new key pair: the private key as PKCS#8 PEM, the public one as base64url raw bytes. For tests and for keygen. */
export function generateSigningKey(): { privateKeyPem: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('Ed25519 public key without x');
  return { privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), publicKey: jwk.x };
}

export const sha256Hex = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');
