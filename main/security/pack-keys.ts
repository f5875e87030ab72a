/**
 * The public keys Wasl trusts for what it installs without an app release: connector packs and the Linux update
 * files. Only their holders (the release workflow, through its secrets) can sign anything Wasl accepts. Also the
 * PackCrypto port main/core/packs/verify.ts checks packs through, on node:crypto (main/security/signing.ts).
 */
import type { PackCrypto } from '../core/packs/verify';
import { sha256Hex, verifySignature, type TrustedKey } from './signing';

/**
 * PLACEHOLDER: the project has no release key yet. This entry is a public key generated once with Node's
 * generateKeyPairSync('ed25519') whose private half was never written anywhere and is gone, so nothing signed
 * verifies against it: until it is replaced, every downloaded pack and signed Linux update is refused
 * ('unknown-key' or 'bad-signature') and Wasl keeps its built-in connectors. Maintainers replace it with the entry
 * `npm run keys:generate` prints (an id and a public key), and put that run's private key only in the release
 * workflow's secrets. Keep an old key here while packs signed with it may still be in use.
 */
export const TRUSTED_RELEASE_KEYS: readonly TrustedKey[] = [{ id: 'placeholder-no-private-key', publicKey: 'eR5E-AU6FUkjzraLB3b9I1qHijJ2mj_r9EUa8tr-Mr0' }];

/** Pack checks against `keys` (TRUSTED_RELEASE_KEYS in the app; tests pass keys they generate). */
export function packCrypto(keys: readonly TrustedKey[]): PackCrypto {
  const byId = new Map(keys.map((key) => [key.id, key]));
  return {
    trusts: (keyId) => byId.has(keyId),
    verify: (keyId, data, signature) => {
      const key = byId.get(keyId);
      return key !== undefined && verifySignature(data, signature, key);
    },
    sha256Hex: (text) => sha256Hex(text),
  };
}
