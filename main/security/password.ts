/**
 * The app-lock password, stored as a salted scrypt hash: a random 16-byte salt per password, OWASP's scrypt cost
 * (N = 2^17, r = 8, p = 1: about 128 MiB and a few hundred milliseconds, once per try), the parameters saved beside
 * the hash so they can grow later, and a constant-time comparison. The password itself is never kept.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

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
const SALT_BYTES = 16;
const KEY_BYTES = 32;

const base64 = (bytes: number) => z.string().length(4 * Math.ceil(bytes / 3)).regex(/^[A-Za-z0-9+/]+={0,2}$/);

/** A password as the settings file keeps it. Cost parameters within what one try can afford. */
export const storedPasswordSchema = z.strictObject({
  kdf: z.literal('scrypt'),
  N: z
    .number()
    .int()
    .min(2)
    .max(2 ** 20)
    .refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: base64(SALT_BYTES),
  hash: base64(KEY_BYTES),
});
export type StoredPassword = z.infer<typeof storedPasswordSchema>;

/** Hashes a password to store, and checks one against what is stored. */
export interface PasswordHasher {
  hash(password: string): Promise<StoredPassword>;
  verify(password: string, stored: StoredPassword): Promise<boolean>;
}

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
