/**
 * verifyPack (main/core/packs/verify.ts) with keys generated here and the node:crypto port of
 * main/security/pack-keys.ts: a good pack passes whole, and each way a pack can be wrong is refused with its reason,
 * the first failing check deciding.
 */
import { describe, expect, it } from 'vitest';
import { MAX_PACK_BYTES, WORKER_FILE, connectorFile, type PackRefusal } from '../../../../../common/packs';
import { verifyPack, type VerifyOptions } from '../../../../../main/core/packs/verify';
import { packCrypto } from '../../../../../main/security/pack-keys';
import { signData } from '../../../../../main/security/signing';
import { defaultFiles, packBytes, packText, testKey, type PackSpec } from '../../../../support/signed-packs';

const key = testKey('release-2026');
const other = testKey('release-2027');
const options = (extra: Partial<VerifyOptions> = {}): VerifyOptions => ({ crypto: packCrypto([key]), appVersion: '0.5.0', ...extra });

function reason(bytes: Uint8Array, extra: Partial<VerifyOptions> = {}): PackRefusal | 'ok' {
  const result = verifyPack(bytes, options(extra));
  return result.ok ? 'ok' : result.reason;
}

const refusedAs = (spec: PackSpec, extra: Partial<VerifyOptions> = {}): PackRefusal | 'ok' => reason(packBytes(key, spec), extra);

describe('verifyPack', () => {
  it('passes a good pack: its manifest, its files and the very bytes it read', () => {
    const bytes = packBytes(key, { version: '1.2.3' });
    const result = verifyPack(bytes, options({ newerThan: '1.2.2' }));
    if (!result.ok) throw new Error(`refused: ${result.reason}`);
    expect(result.pack.manifest.version).toBe('1.2.3');
    expect(result.pack.manifest.platforms).toEqual(['whatsapp', 'telegram']);
    expect(result.pack.files).toEqual(defaultFiles('1.2.3'));
    expect(result.pack.bytes).toBe(bytes);
  });

  it('trusts any of several keys, by the id the pack names', () => {
    expect(reason(packBytes(other), { crypto: packCrypto([key, other]) })).toBe('ok');
  });

  it('refuses a pack over the size limit before reading it', () => {
    const big = { ...defaultFiles('1.1.0'), [connectorFile('whatsapp')]: 'x'.repeat(MAX_PACK_BYTES) };
    expect(refusedAs({ files: big })).toBe('too-large');
    const exactly = new Uint8Array(MAX_PACK_BYTES + 1).fill(0x20);
    expect(reason(exactly)).toBe('too-large');
  });

  it('refuses a truncated download, bytes that are not UTF-8 or not JSON, and JSON that is not a pack file', () => {
    const bytes = packBytes(key);
    expect(reason(bytes.slice(0, bytes.length - 1))).toBe('unreadable');
    expect(reason(bytes.slice(0, Math.floor(bytes.length / 2)))).toBe('unreadable');
    expect(reason(new Uint8Array())).toBe('unreadable');
    // Telegram's name in Arabic, cut in the middle of a character.
    const text = packText(key);
    const arabic = new TextEncoder().encode(text.slice(0, text.indexOf('تيليجرام') + 1));
    expect(reason(arabic.slice(0, arabic.length - 1))).toBe('unreadable');
    expect(reason(Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d]))).toBe('unreadable');
    expect(reason(new TextEncoder().encode('<html>Not Found</html>'))).toBe('unreadable');
    expect(reason(new TextEncoder().encode(JSON.stringify({ ...JSON.parse(text), extra: 1 })))).toBe('unreadable');
    expect(refusedAs({ after: (file) => Object.assign(file, { format: 2 }) })).toBe('unreadable');
    expect(refusedAs({ after: (file) => Object.assign(file, { files: { '../escape.js': 'x' } }) })).toBe('unreadable');
  });

  it('refuses a pack signed with a key Wasl does not trust', () => {
    expect(reason(packBytes(other))).toBe('unknown-key');
    expect(reason(packBytes(key), { crypto: packCrypto([]) })).toBe('unknown-key');
  });

  it('refuses a signature made by another key under a trusted id (the wrong key)', () => {
    const impostor = testKey(key.id);
    expect(reason(packBytes(impostor))).toBe('bad-signature');
  });

  it('refuses a manifest changed after signing, and a signature that is changed or not one', () => {
    expect(refusedAs({ after: (file) => (file.manifest = file.manifest.replace('"1.1.0"', '"9.1.0"')) })).toBe('bad-signature');
    expect(refusedAs({ after: (file) => (file.manifest = file.manifest.replace('"0.9.0"', '"9.9.0"')) })).toBe('bad-signature');
    expect(
      refusedAs({
        after: (file) => {
          const bytes = Buffer.from(file.signature, 'base64');
          bytes[10] = (bytes[10] ?? 0) ^ 1;
          file.signature = bytes.toString('base64');
        },
      }),
    ).toBe('bad-signature');
    expect(refusedAs({ after: (file) => (file.signature = 'bm90IGEgc2lnbmF0dXJl') })).toBe('bad-signature');
    // A signature of another pack's manifest by the same key.
    const otherSignature = (JSON.parse(packText(key, { version: '2.0.0' })) as { signature: string }).signature;
    expect(refusedAs({ after: (file) => (file.signature = otherSignature) })).toBe('bad-signature');
  });

  it('checks the signature before anything the manifest says', () => {
    expect(refusedAs({ after: (file) => (file.manifest = 'not json') })).toBe('bad-signature');
    expect(refusedAs({ version: '0.0.1', after: (file) => (file.signature = 'AAAA') }, { newerThan: '1.0.0' })).toBe('bad-signature');
  });

  it('refuses a signed manifest that is not JSON or not a manifest', () => {
    expect(refusedAs({ manifest: (m) => (m['format'] = 2) })).toBe('bad-manifest');
    expect(refusedAs({ manifest: (m) => (m['version'] = '1.1') })).toBe('bad-manifest');
    expect(refusedAs({ manifest: (m) => (m['version'] = '01.1.0') })).toBe('bad-manifest');
    expect(refusedAs({ manifest: (m) => (m['builtAt'] = 'yesterday') })).toBe('bad-manifest');
    expect(refusedAs({ manifest: (m) => (m['extra'] = true) })).toBe('bad-manifest');
    expect(refusedAs({ manifest: (m) => (m['platforms'] = ['whatsapp', 'myspace']) })).toBe('bad-manifest');
    expect(refusedAs({ manifest: (m) => (m['files'] = { [connectorFile('whatsapp')]: 'ABC' }) })).toBe('bad-manifest');
    const signedText = (text: string): Uint8Array => {
      const signed = JSON.parse(packText(key)) as Record<string, unknown>;
      return new TextEncoder().encode(JSON.stringify({ ...signed, manifest: text, signature: resign(text) }));
    };
    expect(reason(signedText('not json {'))).toBe('bad-manifest');
    expect(reason(signedText('[]'))).toBe('bad-manifest');
  });

  it('refuses a manifest whose platforms and files disagree, or whose app range is backwards', () => {
    // Telegram listed, its connector missing.
    expect(refusedAs({ files: { [connectorFile('whatsapp')]: 'a' }, platforms: ['whatsapp', 'telegram'] })).toBe('bad-manifest');
    // A connector for a platform the manifest does not list.
    expect(refusedAs({ platforms: ['whatsapp'] })).toBe('bad-manifest');
    expect(refusedAs({ platforms: ['whatsapp', 'telegram', 'whatsapp'] })).toBe('bad-manifest');
    // A file that is neither a connector nor the worker's script.
    expect(refusedAs({ files: { ...defaultFiles('1.1.0'), 'connectors/shared.js': 'x' } })).toBe('bad-manifest');
    expect(refusedAs({ minAppVersion: '0.6.0', maxAppVersion: '0.4.0' }, { appVersion: '0.5.0' })).toBe('bad-manifest');
    // Without the worker's script, or with one platform only, a pack is whole.
    const [whatsapp, telegram] = [connectorFile('whatsapp'), connectorFile('telegram')];
    expect(refusedAs({ files: { [whatsapp]: 'a', [telegram]: 'b' } })).toBe('ok');
    expect(refusedAs({ files: { [whatsapp]: 'a', [WORKER_FILE]: 'w' } })).toBe('ok');
  });

  it('refuses a file changed, added or removed after signing', () => {
    const whatsapp = connectorFile('whatsapp');
    expect(refusedAs({ after: (file) => (file.files[whatsapp] = `${file.files[whatsapp] ?? ''} `) })).toBe('file-mismatch');
    expect(refusedAs({ after: (file) => (file.files[whatsapp] = (file.files[whatsapp] ?? '').replace('whatsapp', 'whatsaPp')) })).toBe('file-mismatch');
    expect(refusedAs({ after: (file) => (file.files[connectorFile('discord')] = 'steal()') })).toBe('file-mismatch');
    expect(refusedAs({ after: (file) => (file.files = Object.fromEntries(Object.entries(file.files).filter(([name]) => name !== WORKER_FILE))) })).toBe('file-mismatch');
    // One file's text under another's name.
    expect(
      refusedAs({
        after: (file) => {
          const text = file.files[whatsapp] ?? '';
          file.files[whatsapp] = file.files[WORKER_FILE] ?? '';
          file.files[WORKER_FILE] = text;
        },
      }),
    ).toBe('file-mismatch');
  });

  it('refuses a pack changed anywhere by one bit', () => {
    const bytes = packBytes(key);
    expect(reason(bytes)).toBe('ok');
    const passed: number[] = [];
    for (let i = 0; i < bytes.length; i++) {
      const changed = bytes.slice();
      changed[i] = (changed[i] ?? 0) ^ 0x01;
      if (reason(changed) === 'ok') passed.push(i);
    }
    expect(passed).toEqual([]);
  });

  it('refuses a pack that is not strictly newer than the one in use (a downgrade)', () => {
    expect(refusedAs({ version: '1.1.0' }, { newerThan: '1.2.0' })).toBe('not-newer');
    expect(refusedAs({ version: '1.1.9' }, { newerThan: '1.1.10' })).toBe('not-newer');
    expect(refusedAs({ version: '1.2.0' }, { newerThan: '1.2.0' })).toBe('not-newer');
    expect(refusedAs({ version: '1.2.1' }, { newerThan: '1.2.0' })).toBe('ok');
    expect(refusedAs({ version: '1.10.0' }, { newerThan: '1.9.0' })).toBe('ok');
    // Without newerThan (a stored pack read back at start), any version passes.
    expect(refusedAs({ version: '0.0.1' })).toBe('ok');
  });

  it('refuses a pack for app versions that do not include this one, both ends inclusive', () => {
    const range = { minAppVersion: '0.4.0', maxAppVersion: '0.6.2' };
    expect(refusedAs(range, { appVersion: '0.3.9' })).toBe('app-out-of-range');
    expect(refusedAs(range, { appVersion: '0.6.3' })).toBe('app-out-of-range');
    expect(refusedAs(range, { appVersion: '1.0.0' })).toBe('app-out-of-range');
    expect(refusedAs(range, { appVersion: '0.4.0' })).toBe('ok');
    expect(refusedAs(range, { appVersion: '0.6.2' })).toBe('ok');
    expect(refusedAs(range, { appVersion: '0.6.2-beta.1' })).toBe('ok');
    expect(refusedAs(range, { appVersion: '0.7.0-beta.1' })).toBe('app-out-of-range');
  });

  it('names a downgrade before an app out of range', () => {
    expect(refusedAs({ version: '1.0.0', maxAppVersion: '0.1.0' }, { newerThan: '1.0.0' })).toBe('not-newer');
  });
});

/** `key`'s signature of any text, as the release workflow would make it. */
function resign(text: string): string {
  return signData(new TextEncoder().encode(text), key.privateKeyPem);
}
