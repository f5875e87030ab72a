/**
 * The app-lock password, stored as a salted scrypt hash: a random 16-byte salt per password, OWASP's scrypt cost
 * (N = 2^17, r = 8, p = 1: about 128 MiB and a few hundred milliseconds, once per try), the parameters saved beside
 * the hash so they can grow later, and a constant-time comparison. The password itself is never kept.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { KEY_BYTES, SALT_BYTES, type PasswordHasher } from '../core/lock/password';

export interface ScryptParams {
  /** CPU and memory cost, a power of two. */
  N: number;
  /** Block size. */
  r: number;
  /** Parallelization. */
  p: number;
}

/** OWASP's password storage cheat sheet: scrypt with N = 2^17, r = 8, p = 1. */
export const SCRYPT_PARAMS: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

function derive(password: string, salt: Buffer, { N, r, p }: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // The same characters typed on different keyboards may come in different Unicode forms (Arabic, accents).
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, { N, r, p, maxmem: 256 * N * r + 1024 * r * p }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/** scrypt with these parameters: SCRYPT_PARAMS in the app, cheap ones in tests. */
export function scryptHasher(params: ScryptParams = SCRYPT_PARAMS): PasswordHasher {
  return {
    async hash(password) {
      const salt = randomBytes(SALT_BYTES);
      const key = await derive(password, salt, params);
      return { kdf: 'scrypt', N: params.N, r: params.r, p: params.p, salt: salt.toString('base64'), hash: key.toString('base64') };
    },
    async verify(password, stored) {
      const expected = Buffer.from(stored.hash, 'base64');
      const key = await derive(password, Buffer.from(stored.salt, 'base64'), stored);
      return key.length === expected.length && timingSafeEqual(key, expected);
    },
  };
}
