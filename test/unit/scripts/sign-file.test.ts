/**
 * scripts/sign-file.mjs, run as the release workflow runs it, with a key generated here: each file the Linux
 * update-info files name gets a `.sig` the app's own check (main/security/update-signature.ts) accepts, and a
 * file changed after signing does not pass. Without the key, with a key that is not Ed25519, or with update info
 * that names no version or a file that is not there, it fails and leaves no `.sig` behind.
 */
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSigningKey } from '../../../main/security/signing';
import { verifyUpdateFile } from '../../../main/security/update-signature';

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

const KEY_ENV = { WASL_RELEASE_KEY: key.privateKeyPem, WASL_RELEASE_KEY_ID: 'release-2026' };
const sigs = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.sig') || name.endsWith('.tmp'));

describe('sign-file.mjs', () => {
  it('signs every file the Linux update info names, and the app accepts each signature', async () => {
    const folder = dist();
    const result = run(path.dirname(folder), ['dist/latest-linux.yml', 'dist/latest-linux-arm64.yml'], KEY_ENV);
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([
      'dist/Wasl-1.4.0-x86_64.AppImage.sig',
      'dist/wasl_1.4.0_amd64.deb.sig',
      'dist/Wasl-1.4.0-arm64.AppImage.sig',
      'dist/wasl_1.4.0_arm64.deb.sig',
    ]);
    expect(result.stderr).toContain(`signed 4 file(s) with key release-2026, public key ${key.publicKey}`);
    expect(sigs(folder).sort()).toEqual(['Wasl-1.4.0-arm64.AppImage.sig', 'Wasl-1.4.0-x86_64.AppImage.sig', 'wasl_1.4.0_amd64.deb.sig', 'wasl_1.4.0_arm64.deb.sig']);

    const keys = [{ id: 'release-2026', publicKey: key.publicKey }];
    for (const name of ['Wasl-1.4.0-x86_64.AppImage', 'wasl_1.4.0_amd64.deb', 'Wasl-1.4.0-arm64.AppImage', 'wasl_1.4.0_arm64.deb']) {
      const fetchSignature = (fileName: string) => Promise.resolve(existsSync(path.join(folder, `${fileName}.sig`)) ? readFileSync(path.join(folder, `${fileName}.sig`)) : undefined);
      expect(await verifyUpdateFile({ version: '1.4.0', file: path.join(folder, name) }, { keys, fetchSignature }), name).toEqual({ ok: true, keyId: 'release-2026' });
    }
    // A byte added after signing, and the app refuses the file.
    appendFileSync(path.join(folder, 'wasl_1.4.0_amd64.deb'), 'x');
    const fetchSignature = () => Promise.resolve(readFileSync(path.join(folder, 'wasl_1.4.0_amd64.deb.sig')));
    expect(await verifyUpdateFile({ version: '1.4.0', file: path.join(folder, 'wasl_1.4.0_amd64.deb') }, { keys, fetchSignature })).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['no key', { WASL_RELEASE_KEY_ID: 'release-2026' }, /WASL_RELEASE_KEY and WASL_RELEASE_KEY_ID must both be set/u],
    ['no key id', { WASL_RELEASE_KEY: key.privateKeyPem }, /WASL_RELEASE_KEY and WASL_RELEASE_KEY_ID must both be set/u],
    ['a key id that is not one', { ...KEY_ENV, WASL_RELEASE_KEY_ID: 'release 2026\n' }, /WASL_RELEASE_KEY_ID is not a key id/u],
    ['a key that is not a PEM', { ...KEY_ENV, WASL_RELEASE_KEY: 'not a key' }, /WASL_RELEASE_KEY is not a PKCS#8 PEM private key/u],
    [
      'a key that is not Ed25519',
      { ...KEY_ENV, WASL_RELEASE_KEY: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() },
      /is an ec key, not Ed25519/u,
    ],
  ])('refuses to sign with %s, and writes nothing', (_label, env, message) => {
    const folder = dist();
    const result = run(path.dirname(folder), ['dist/latest-linux.yml'], env);
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
