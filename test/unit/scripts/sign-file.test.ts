/**
 * scripts/sign-file.mjs, run as the release workflow runs it, with a key generated here: each file the Linux
 * update-info files name gets a `.sig`, under the key's id as the app knows it, that the app's own check
 * (main/security/update-signature.ts) accepts, and a file changed after signing does not pass. Without the key,
 * with a key that is not Ed25519, with a key the trusted keys module does not list (the app's own
 * main/security/pack-keys.ts among them), or with update info that names no version or a file that is not there,
 * it fails and leaves no `.sig` behind.
 */
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSigningKey } from '../../../main/security/signing';
import { verifyUpdateFile } from '../../../main/security/update-signature';
import { keyIdOf } from '../../../scripts/pack.mjs';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SCRIPT = path.join(ROOT, 'scripts/sign-file.mjs');
const dir = mkdtempSync(path.join(os.tmpdir(), 'wasl-sign-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const key = generateSigningKey();

const LATEST_LINUX = `version: 1.4.0
files:
  - url: Wasl-1.4.0-x86_64.AppImage
    sha512: unused
    size: 300017
  - url: wasl_1.4.0_amd64.deb
    sha512: unused
    size: 40000
path: Wasl-1.4.0-x86_64.AppImage
sha512: unused
releaseDate: '2026-11-21T09:00:00.000Z'
`;
const LATEST_LINUX_ARM64 = LATEST_LINUX.replaceAll('x86_64', 'arm64').replace('amd64', 'arm64');

/** A dist/ folder as electron-builder leaves it on Linux: both architectures' files and their update info. */
function dist(): string {
  const folder = path.join(mkdtempSync(path.join(dir, 'release-')), 'dist');
  mkdirSync(folder);
  for (const [name, size] of [
    ['Wasl-1.4.0-x86_64.AppImage', 300_017],
    ['wasl_1.4.0_amd64.deb', 40_000],
    ['Wasl-1.4.0-arm64.AppImage', 290_000],
    ['wasl_1.4.0_arm64.deb', 39_000],
  ] as const) {
    writeFileSync(path.join(folder, name), Buffer.alloc(size, name));
  }
  writeFileSync(path.join(folder, 'latest-linux.yml'), LATEST_LINUX);
  writeFileSync(path.join(folder, 'latest-linux-arm64.yml'), LATEST_LINUX_ARM64);
  return folder;
}

function run(cwd: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { cwd, env: { PATH: process.env['PATH'] ?? '', ...env }, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const KEY_ENV = { WASL_RELEASE_KEY: key.privateKeyPem };
const KEY_ID = keyIdOf(key.publicKey);

/** A module listing trusted keys, as main/security/pack-keys.ts does. */
function keysModule(keys: { id: string; publicKey: string }[]): string {
  const file = path.join(mkdtempSync(path.join(dir, 'keys-')), 'pack-keys.ts');
  writeFileSync(file, `export const TRUSTED_RELEASE_KEYS = ${JSON.stringify(keys)};\n`);
  return file;
}
const sigs = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.sig') || name.endsWith('.tmp'));

describe('sign-file.mjs', () => {
  it('signs every file the Linux update info names, and the app accepts each signature', async () => {
    const folder = dist();
    const trusted = keysModule([{ id: KEY_ID, publicKey: key.publicKey }]);
    const result = run(path.dirname(folder), ['--trusted', trusted, 'dist/latest-linux.yml', 'dist/latest-linux-arm64.yml'], KEY_ENV);
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([
      'dist/Wasl-1.4.0-x86_64.AppImage.sig',
      'dist/wasl_1.4.0_amd64.deb.sig',
      'dist/Wasl-1.4.0-arm64.AppImage.sig',
      'dist/wasl_1.4.0_arm64.deb.sig',
    ]);
    expect(result.stderr).toBe(`sign-file: signed 4 file(s) with key ${KEY_ID}\n`);
    expect(sigs(folder).sort()).toEqual(['Wasl-1.4.0-arm64.AppImage.sig', 'Wasl-1.4.0-x86_64.AppImage.sig', 'wasl_1.4.0_amd64.deb.sig', 'wasl_1.4.0_arm64.deb.sig']);

    const keys = [{ id: KEY_ID, publicKey: key.publicKey }];
    for (const name of ['Wasl-1.4.0-x86_64.AppImage', 'wasl_1.4.0_amd64.deb', 'Wasl-1.4.0-arm64.AppImage', 'wasl_1.4.0_arm64.deb']) {
      const fetchSignature = (fileName: string) => Promise.resolve(existsSync(path.join(folder, `${fileName}.sig`)) ? readFileSync(path.join(folder, `${fileName}.sig`)) : undefined);
      expect(await verifyUpdateFile({ version: '1.4.0', file: path.join(folder, name) }, { keys, fetchSignature }), name).toEqual({ ok: true, keyId: KEY_ID });
    }
    // A byte added after signing, and the app refuses the file.
    appendFileSync(path.join(folder, 'wasl_1.4.0_amd64.deb'), 'x');
    const fetchSignature = () => Promise.resolve(readFileSync(path.join(folder, 'wasl_1.4.0_amd64.deb.sig')));
    expect(await verifyUpdateFile({ version: '1.4.0', file: path.join(folder, 'wasl_1.4.0_amd64.deb') }, { keys, fetchSignature })).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
  });

  const other = generateSigningKey();
  it.each<[string, Record<string, string>, string[], RegExp]>([
    ['no key', {}, [], /WASL_RELEASE_KEY is not set: refusing to leave Linux update files unsigned/u],
    ['a key that is not a PEM', { WASL_RELEASE_KEY: 'not a key' }, [], /WASL_RELEASE_KEY is not a PEM private key/u],
    [
      'a key that is not Ed25519',
      { WASL_RELEASE_KEY: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() },
      [],
      /WASL_RELEASE_KEY holds a key of type ec; the release key is Ed25519/u,
    ],
    ['a key the trusted keys do not list', KEY_ENV, ['--trusted', keysModule([{ id: keyIdOf(other.publicKey), publicKey: other.publicKey }])], /is not in TRUSTED_RELEASE_KEYS/u],
    ['a trusted key id with another public key', KEY_ENV, ['--trusted', keysModule([{ id: KEY_ID, publicKey: other.publicKey }])], /is not in TRUSTED_RELEASE_KEYS/u],
    [
      'a key the app’s own main/security/pack-keys.ts does not list',
      KEY_ENV,
      ['--trusted', 'main/security/pack-keys.ts'],
      /The release key \(id [0-9a-f]{16}\) is not in TRUSTED_RELEASE_KEYS \(main\/security\/pack-keys\.ts\): every installed Wasl would refuse these updates\./u,
    ],
  ])('refuses to sign with %s, and writes nothing', (_label, env, options, message) => {
    const folder = dist();
    const result = run(path.dirname(folder), [...options, 'dist/latest-linux.yml'], env);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
    expect(sigs(folder)).toEqual([]);
  });

  it.each<[string, string, RegExp]>([
    ['names no version', LATEST_LINUX.replace('version: 1.4.0\n', ''), /names no version/u],
    ['names no files', 'version: 1.4.0\n', /names no files/u],
    ['names a file outside its folder', LATEST_LINUX.replace('url: wasl_1.4.0_amd64.deb', 'url: ../wasl_1.4.0_amd64.deb'), /not a plain file name/u],
    ['names a file that is not there', LATEST_LINUX.replace('url: wasl_1.4.0_amd64.deb', 'url: wasl_1.4.0_i386.deb'), /cannot read .*wasl_1\.4\.0_i386\.deb/u],
  ])('fails, and leaves no .sig behind, when the update info %s', (_label, yml, message) => {
    const folder = dist();
    writeFileSync(path.join(folder, 'latest-linux.yml'), yml);
    const result = run(path.dirname(folder), ['dist/latest-linux.yml'], KEY_ENV);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(sigs(folder)).toEqual([]);
  });

  it('fails when it is given no update info to sign the files of', () => {
    const result = run(dir, [], KEY_ENV);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/name the update-info files/u);
  });
});
