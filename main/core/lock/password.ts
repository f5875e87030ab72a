/**
 * The app-lock password as main's core knows it: what the settings file keeps (a salted hash and its cost
 * parameters) and the port that hashes and checks one. main/security/password.ts implements it with scrypt.
 */
import { z } from 'zod';

/** Bytes of the random salt, and of the derived key. */
export const SALT_BYTES = 16;
export const KEY_BYTES = 32;

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

