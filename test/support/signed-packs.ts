/**
 * Connector packs for tests, signed with keys generated in the test (never the app's): a pack built the way the
 * release workflow builds one, and ways to spoil it (edit the file before or after signing) for the refusal tests.
 */
import { PACK_FORMAT, connectorFile, WORKER_FILE, type PackFile, type PackManifest } from '../../common/packs';
import { generateSigningKey, sha256Hex, signData, type TrustedKey } from '../../main/security/signing';

/** A generated key pair: what the app would trust, and the private half only the test holds. */
export interface TestKey extends TrustedKey {
  privateKeyPem: string;
}

export function testKey(id = 'test-key'): TestKey {
  const { privateKeyPem, publicKey } = generateSigningKey();
  return { id, publicKey, privateKeyPem };
}

/** What a test pack holds; each part has a default. */
export interface PackSpec {
  version?: string;
  minAppVersion?: string;
  maxAppVersion?: string;
  builtAt?: string;
  /** The files by path; by default a WhatsApp and a Telegram connector and the worker script. */
  files?: Record<string, string>;
  /** The platforms the manifest names; by default those of the connector files. */
  platforms?: PackManifest['platforms'];
  /** Changes the manifest (as an object) before it is written and signed. */
  manifest?: (manifest: Record<string, unknown>) => void;
  /** Changes the pack file after signing: a tampered file, a swapped signature. */
  after?: (file: PackFile) => void;
}

export const defaultFiles = (version: string): Record<string, string> => ({
  [connectorFile('whatsapp')]: `__waslRegisterConnector({ platform: 'whatsapp', version: '${version}' });\n`,
  [connectorFile('telegram')]: `__waslRegisterConnector({ platform: 'telegram', version: '${version}', name: 'تيليجرام' });\n`,
  [WORKER_FILE]: `self.__waslWorker = '${version}';\n`,
});

/** A pack file as JSON text, signed by `key`. */
export function packText(key: TestKey, spec: PackSpec = {}): string {
  const version = spec.version ?? '1.1.0';
  const files = spec.files ?? defaultFiles(version);
  const platforms =
    spec.platforms ??
    (['whatsapp', 'telegram'] as const).filter((p) => Object.hasOwn(files, connectorFile(p)));
  const manifest: Record<string, unknown> = {
    format: PACK_FORMAT,
    version,
    minAppVersion: spec.minAppVersion ?? '0.1.0',
    maxAppVersion: spec.maxAppVersion ?? '0.9.0',
    platforms,
    files: Object.fromEntries(Object.entries(files).map(([name, text]) => [name, sha256Hex(text)])),
    builtAt: spec.builtAt ?? '2026-11-20T08:00:00.000Z',
  };
  spec.manifest?.(manifest);
  const manifestText = JSON.stringify(manifest);
  const file: PackFile = {
    format: PACK_FORMAT,
    keyId: key.id,
    manifest: manifestText,
    signature: signData(new TextEncoder().encode(manifestText), key.privateKeyPem),
    files: { ...files },
  };
  spec.after?.(file);
  return JSON.stringify(file);
}

/** A pack file's bytes, signed by `key`. */
export function packBytes(key: TestKey, spec: PackSpec = {}): Uint8Array {
  return new TextEncoder().encode(packText(key, spec));
}
