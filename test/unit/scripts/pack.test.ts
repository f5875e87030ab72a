/**
 * The connector pack's build and signing (scripts/pack.mjs), run as the release workflow runs it, on a key made
 * here: main's own verifyPack, verifySignature and sha256Hex accept what it signs, every platform's connector and
 * the worker script are in it and run on their own (each connector, in a fresh context, registers its platform's one),
 * and each refusal (no key, a key that is not Ed25519, a key the app does not trust, a piece changed or missing
 * since the build, a pack too large) writes nothing. Also the workflow's checks: the tag and the feed's direction.
 */
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CHANNELS } from '../../../common/channels';
import { PLATFORM_IDS } from '../../../common/model';
import { BUILT_IN_PACK_VERSION } from '../../../common/pack-version';
import {
  connectorFile,
  MAX_PACK_BYTES,
  PACK_REGISTER,
  packFeedSchema,
  packFileSchema,
  packManifestSchema,
  WORKER_FILE,
  type PackFile,
  type PackManifest,
} from '../../../common/packs';
import { verifyPack } from '../../../main/core/packs/verify';
import { packCrypto } from '../../../main/security/pack-keys';
import { generateSigningKey, sha256Hex, verifySignature } from '../../../main/security/signing';
import {
  buildPack,
  DEFAULT_OUT,
  defaultRepo,
  FEED_FILE,
  feedProblem,
  generateKeys,
  KEY_ENV,
  keyIdOf,
  MANIFEST_FILE,
  maxAppVersionFor,
  packFileName,
  PIECES_DIR,
  publicKeyOf,
  signPack,
  tagProblem,
} from '../../../scripts/pack.mjs';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SCRIPT = path.join(ROOT, 'scripts/pack.mjs');
const APP_VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const VERSION = '9.8.7';
const key = generateSigningKey();

/** Runs the script as `npm run connectors:*` does, with only this environment beside PATH. */
function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, env: { PATH: process.env['PATH'] ?? '', ...env }, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let scratch: string;
/** The built and signed pack, shared by the tests that read it. */
let built: string;
let pack: PackFile;
let manifest: PackManifest;
let signRun: ReturnType<typeof run>;

beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'wasl-pack-'));
  built = path.join(scratch, 'built');
  const buildRun = run(['build', '--version', VERSION, '--out', built]);
  expect(buildRun.stderr).toBe('');
  expect(buildRun.status).toBe(0);
  signRun = run(['sign', '--out', built, '--repo', 'example-org/example-app'], { [KEY_ENV]: key.privateKeyPem });
  expect(signRun.stderr).toBe('');
  expect(signRun.status).toBe(0);
  pack = packFileSchema.parse(JSON.parse(readFileSync(path.join(built, packFileName(VERSION)), 'utf8')));
  manifest = packManifestSchema.parse(JSON.parse(pack.manifest));
}, 180_000);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** A copy of the built pieces (without the signed files) to spoil. */
function copyOfBuild(name: string): string {
  const dir = path.join(scratch, name);
  cpSync(path.join(built, PIECES_DIR), path.join(dir, PIECES_DIR), { recursive: true });
  cpSync(path.join(built, MANIFEST_FILE), path.join(dir, MANIFEST_FILE));
  return dir;
}

const signedFiles = (dir: string) => [packFileName(VERSION), FEED_FILE].filter((name) => existsSync(path.join(dir, name)));

describe('build and sign', () => {
  it('signs the manifest’s exact text: main’s verifySignature accepts it with the key’s public half only', () => {
    expect(pack.keyId).toBe(keyIdOf(key.publicKey));
    expect(pack.manifest).toBe(readFileSync(path.join(built, MANIFEST_FILE), 'utf8'));
    const trusted = { id: pack.keyId, publicKey: key.publicKey };
    expect(verifySignature(Buffer.from(pack.manifest, 'utf8'), pack.signature, trusted)).toBe(true);
    // Another key, or one changed character of the manifest, and it does not verify.
    expect(verifySignature(Buffer.from(pack.manifest, 'utf8'), pack.signature, { id: pack.keyId, publicKey: generateSigningKey().publicKey })).toBe(false);
    expect(verifySignature(Buffer.from(pack.manifest.replace(VERSION, '9.8.8'), 'utf8'), pack.signature, trusted)).toBe(false);
  });

  it('passes main’s verifyPack with the key trusted, for this app version, as newer than the built-in pack', () => {
    const bytes = readFileSync(path.join(built, packFileName(VERSION)));
    const crypto = packCrypto([{ id: keyIdOf(key.publicKey), publicKey: key.publicKey }]);
    const result = verifyPack(bytes, { crypto, appVersion: APP_VERSION, newerThan: BUILT_IN_PACK_VERSION });
    expect(result.ok && result.pack.manifest).toEqual(manifest);
    // And main refuses it when it does not trust the key, or for an app past the pack's range.
    expect(verifyPack(bytes, { crypto: packCrypto([]), appVersion: APP_VERSION })).toEqual({ ok: false, reason: 'unknown-key' });
    const [major = 0, minor = 0] = APP_VERSION.split('.').map(Number);
    const next = major === 0 ? `0.${minor + 1}.0` : `${major + 1}.0.0`;
    expect(verifyPack(bytes, { crypto, appVersion: next })).toEqual({ ok: false, reason: 'app-out-of-range' });
  });

  it('never prints the private key', () => {
    const body = key.privateKeyPem.split('\n')[1] ?? '';
    expect(body.length).toBeGreaterThan(20);
    expect(signRun.stdout + signRun.stderr).not.toContain(body);
    expect(signRun.stdout).toContain(`with key ${pack.keyId}`);
  });

  it('names every platform’s connector and the worker script, each with its SHA-256', () => {
    expect(manifest.platforms).toEqual([...PLATFORM_IDS]);
    expect(Object.keys(manifest.files).sort()).toEqual([...PLATFORM_IDS.map(connectorFile), WORKER_FILE].sort());
    expect(Object.keys(pack.files).sort()).toEqual(Object.keys(manifest.files).sort());
    for (const [name, text] of Object.entries(pack.files)) expect(sha256Hex(text), name).toBe(manifest.files[name]);
  });

  it('says its version and the app versions it works with: this app’s, up to the next breaking one', () => {
    expect(manifest.format).toBe(pack.format);
    expect(manifest.version).toBe(VERSION);
    expect(manifest.minAppVersion).toBe(APP_VERSION);
    expect(manifest.maxAppVersion).toBe(maxAppVersionFor(APP_VERSION));
    expect(Date.now() - Date.parse(manifest.builtAt)).toBeGreaterThanOrEqual(0);
    expect(Date.now() - Date.parse(manifest.builtAt)).toBeLessThan(10 * 60_000);
  });

  it('writes the feed: this version, at the pack on the connectors-v release of the repository named', () => {
    const feed = packFeedSchema.parse(JSON.parse(readFileSync(path.join(built, FEED_FILE), 'utf8')));
    expect(feed).toEqual({
      format: pack.format,
      version: VERSION,
      url: `https://github.com/example-org/example-app/releases/download/connectors-v${VERSION}/wasl-connectors-${VERSION}.json`,
    });
  });

  it.each(PLATFORM_IDS)('the %s script, run alone in a fresh context, registers that platform’s connector once', (platform) => {
    const script = pack.files[connectorFile(platform)] ?? '';
    // The connector bundles no schema library: it carries only what it runs.
    expect(script).not.toContain('node_modules/zod');
    const register = vi.fn<(connector: unknown) => void>();
    vm.runInNewContext(script, { [PACK_REGISTER]: register }, { filename: connectorFile(platform) });
    expect(register).toHaveBeenCalledOnce();
    const connector = register.mock.calls[0]?.[0] as { platform?: unknown; read?: unknown };
    expect(connector.platform).toBe(platform);
    expect(typeof connector.read).toBe('function');
  });

  it('a connector script run where no preload set the register function throws, naming it', () => {
    expect(() => {
      vm.runInNewContext(pack.files[connectorFile('whatsapp')] ?? '', {});
    }).toThrow(`${PACK_REGISTER} is not set`);
  });

  it('the worker script is the service-worker preload as the app builds it: CommonJS that needs only electron', () => {
    const script = pack.files[WORKER_FILE] ?? '';
    const executeInMainWorld = vi.fn<(options: { func: unknown; args: unknown[] }) => void>();
    const send = vi.fn<(channel: string, payload: unknown) => void>();
    const required: string[] = [];
    const fakeRequire = (name: string) => {
      required.push(name);
      return { contextBridge: { executeInMainWorld }, ipcRenderer: { send } };
    };
    const module = { exports: {} };
    vm.runInNewContext(script, { require: fakeRequire, module, exports: module.exports }, { filename: WORKER_FILE });
    expect(required).toEqual(['electron']);
    expect(executeInMainWorld).toHaveBeenCalledOnce();
    const options = executeInMainWorld.mock.calls[0]?.[0];
    expect((options?.func as { name?: string } | undefined)?.name).toBe('installWorkerNotificationShim');
    const forward = options?.args[0] as (notice: unknown) => void;
    forward({ title: 'New message' });
    expect(send).toHaveBeenCalledExactlyOnceWith(CHANNELS.serviceWorkerNotification, { title: 'New message' });
  });
});

describe('sign refuses, and writes nothing', () => {
  it('without the key in the variable --key-env names (WASL_RELEASE_KEY by default), and signs with it there', () => {
    const dir = copyOfBuild('key-env');
    const refused = run(['sign', '--out', dir, '--key-env', 'OTHER_KEY'], { [KEY_ENV]: key.privateKeyPem });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('OTHER_KEY is not set');
    expect(signedFiles(dir)).toEqual([]);
    const signed = run(['sign', '--out', dir, '--key-env', 'OTHER_KEY'], { OTHER_KEY: key.privateKeyPem });
    expect(signed.status).toBe(0);
    expect(signedFiles(dir)).toEqual([packFileName(VERSION), FEED_FILE]);
  });

  it.each([
    ['no key', undefined, `${KEY_ENV} is not set`],
    ['an empty key', '  \n', `${KEY_ENV} is not set`],
    ['a key that is not PEM', 'not-a-key-value', `${KEY_ENV} is not a PEM private key`],
    ['an RSA key', generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), 'holds a key of type rsa'],
  ])('with %s, quoting none of it', async (label, privateKeyPem, message) => {
    const dir = copyOfBuild(`key-${label.replaceAll(' ', '-')}`);
    const refusal = signPack({ out: dir, privateKeyPem, keySource: KEY_ENV });
    await expect(refusal).rejects.toThrow(message);
    await expect(refusal).rejects.not.toThrow('not-a-key-value');
    expect(signedFiles(dir)).toEqual([]);
  });

  it('a piece changed by one byte since the build', async () => {
    const dir = copyOfBuild('tampered');
    const file = path.join(dir, PIECES_DIR, connectorFile('slack'));
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `${text.slice(0, -1)}${text.endsWith(';') ? ' ' : ';'}`);
    await expect(signPack({ out: dir, privateKeyPem: key.privateKeyPem })).rejects.toThrow('changed since the build');
    expect(signedFiles(dir)).toEqual([]);
  });

  it('a piece missing since the build', async () => {
    const dir = copyOfBuild('missing');
    rmSync(path.join(dir, PIECES_DIR, WORKER_FILE));
    await expect(signPack({ out: dir, privateKeyPem: key.privateKeyPem })).rejects.toThrow(/notifications\.js is missing/u);
    expect(signedFiles(dir)).toEqual([]);
  });

  it.each([
    ['no manifest', null, /manifest\.json is missing: run the build first/u],
    ['a manifest that is not JSON', '{"format":1,', /is not a pack manifest/u],
    ['a manifest with a field it does not know', 'extra', /is not a pack manifest/u],
  ])('%s', async (_label, content, message) => {
    const dir = copyOfBuild(`manifest-${_label.replaceAll(' ', '-')}`);
    const file = path.join(dir, MANIFEST_FILE);
    if (content === null) rmSync(file);
    else if (content === 'extra') writeFileSync(file, JSON.stringify({ ...manifest, signedBy: 'me' }));
    else writeFileSync(file, content);
    await expect(signPack({ out: dir, privateKeyPem: key.privateKeyPem })).rejects.toThrow(message);
    expect(signedFiles(dir)).toEqual([]);
  });

  it('a pack larger than the app reads', async () => {
    const dir = copyOfBuild('large');
    const big = `/* ${'x'.repeat(MAX_PACK_BYTES)} */`;
    writeFileSync(path.join(dir, PIECES_DIR, WORKER_FILE), big);
    writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify({ ...manifest, files: { ...manifest.files, [WORKER_FILE]: sha256Hex(big) } }));
    await expect(signPack({ out: dir, privateKeyPem: key.privateKeyPem })).rejects.toThrow(`the app reads at most ${MAX_PACK_BYTES}`);
    expect(signedFiles(dir)).toEqual([]);
  });

  it('a key the app does not trust, with --trusted; a trusted one signs', async () => {
    const dir = copyOfBuild('trusted');
    const keys = path.join(scratch, 'pack-keys.ts');
    const other = generateSigningKey();
    writeFileSync(keys, `export const TRUSTED_RELEASE_KEYS = [{ id: '${keyIdOf(other.publicKey)}', publicKey: '${other.publicKey}' }];\n`);
    await expect(signPack({ out: dir, privateKeyPem: key.privateKeyPem, trusted: keys })).rejects.toThrow(`(id ${keyIdOf(key.publicKey)}) is not in TRUSTED_RELEASE_KEYS`);
    expect(signedFiles(dir)).toEqual([]);
    // The right id with another key's public half is not trusted either.
    writeFileSync(keys, `export const TRUSTED_RELEASE_KEYS = [{ id: '${keyIdOf(key.publicKey)}', publicKey: '${other.publicKey}' }];\n`);
    await expect(signPack({ out: dir, privateKeyPem: key.privateKeyPem, trusted: keys })).rejects.toThrow('is not in TRUSTED_RELEASE_KEYS');
    writeFileSync(keys, `export const TRUSTED_RELEASE_KEYS = [{ id: '${keyIdOf(key.publicKey)}', publicKey: '${key.publicKey}' }];\n`);
    const signed = await signPack({ out: dir, privateKeyPem: key.privateKeyPem, trusted: keys });
    expect(signed.keyId).toBe(keyIdOf(key.publicKey));
    expect(signedFiles(dir)).toEqual([packFileName(VERSION), FEED_FILE]);
  });

  it('a key the app’s own TRUSTED_RELEASE_KEYS (main/security/pack-keys.ts, as the workflow passes it) does not list', async () => {
    const dir = copyOfBuild('app-keys');
    await expect(signPack({ out: dir, privateKeyPem: key.privateKeyPem, trusted: 'main/security/pack-keys.ts' })).rejects.toThrow(
      `(id ${keyIdOf(key.publicKey)}) is not in TRUSTED_RELEASE_KEYS (main/security/pack-keys.ts)`,
    );
    expect(signedFiles(dir)).toEqual([]);
  });

  it('points the feed at electron-builder.yml’s repository unless told otherwise', async () => {
    const dir = copyOfBuild('default-repo');
    const { feed } = await signPack({ out: dir, privateKeyPem: key.privateKeyPem });
    expect(defaultRepo()).toMatch(/^[\w.-]+\/[\w.-]+$/u);
    expect(feed.url).toBe(`https://github.com/${defaultRepo()}/releases/download/connectors-v${VERSION}/${packFileName(VERSION)}`);
    await expect(signPack({ out: dir, privateKeyPem: key.privateKeyPem, repo: 'https://evil.example/x' })).rejects.toThrow('--repo must be owner/name');
  });
});

describe('build refuses', () => {
  it('a version that is not x.y.z, said on the command line', () => {
    const out = path.join(scratch, 'bad-version');
    const result = run(['build', '--version', '1.0', '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`--version must be x.y.z (BUILT_IN_PACK_VERSION is ${BUILT_IN_PACK_VERSION})\n`);
    expect(existsSync(out)).toBe(false);
  });

  it.each([['v1.0.0'], ['1.0.0-beta'], ['']])('nor %j', async (version) => {
    const out = path.join(scratch, `bad-version-${version}`);
    await expect(buildPack({ version, out })).rejects.toThrow('--version must be x.y.z');
    expect(existsSync(out)).toBe(false);
  });

  it('a platform without its entry, naming it', async () => {
    const entries = path.join(scratch, 'entries');
    cpSync(path.join(ROOT, 'preload/pack'), entries, { recursive: true });
    rmSync(path.join(entries, 'wechat.ts'));
    const out = path.join(scratch, 'no-wechat');
    await expect(buildPack({ version: VERSION, out, entries })).rejects.toThrow(/missing: .*wechat\.ts/u);
    expect(existsSync(out)).toBe(false);
  });

  it('an unknown option or command, with the usage', () => {
    for (const args of [['build', '--versoin', '1.0.0'], ['publish']]) {
      const result = run(args);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('usage: node scripts/pack.mjs build --version X.Y.Z');
    }
  });

  it('writes into dist/connectors by default, which git ignores and the app never packs (its files are out/**)', () => {
    expect(path.relative(ROOT, DEFAULT_OUT)).toBe(path.join('dist', 'connectors'));
    expect(readFileSync(path.join(ROOT, '.gitignore'), 'utf8').split('\n')).toContain('dist/');
    const { files } = parseYaml(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as { files: string[] };
    expect(files.length).toBeGreaterThan(0);
    for (const pattern of files) expect(pattern.startsWith('dist'), pattern).toBe(false);
  });
});

describe('maxAppVersionFor', () => {
  it.each([
    ['1.4.2', '1.999.999'],
    ['2.0.0', '2.999.999'],
    ['0.1.0', '0.1.999'],
    ['0.12.3', '0.12.999'],
  ])('%s → %s', (app, max) => {
    expect(maxAppVersionFor(app)).toBe(max);
  });

  it('refuses a version that is not x.y.z', () => {
    expect(() => maxAppVersionFor('1.0.0-beta.1')).toThrow('is not x.y.z');
  });
});

describe('keyIdOf', () => {
  it('is 16 hex digits of the key’s fingerprint, different for another key', () => {
    const id = keyIdOf(key.publicKey);
    expect(id).toMatch(/^[0-9a-f]{16}$/u);
    expect(keyIdOf(key.publicKey)).toBe(id);
    expect(keyIdOf(generateSigningKey().publicKey)).not.toBe(id);
    expect(id).toBe(sha256Hex(Buffer.from(key.publicKey, 'base64url')).slice(0, 16));
  });

  it('publicKeyOf finds the public half of the private key', () => {
    expect(publicKeyOf(key.privateKeyPem, 'the key')).toBe(key.publicKey);
  });
});

describe('tagProblem', () => {
  it('lets connectors-v<BUILT_IN_PACK_VERSION> through', () => {
    expect(tagProblem(`connectors-v${BUILT_IN_PACK_VERSION}`, BUILT_IN_PACK_VERSION)).toBeNull();
  });

  it('refuses another version, saying what to change', () => {
    expect(tagProblem('connectors-v1.0.1', '1.0.0')).toBe(
      "The tag connectors-v1.0.1 releases connectors 1.0.1, but common/pack-version.ts says BUILT_IN_PACK_VERSION = '1.0.0' at this commit. " +
        "Set it to '1.0.1' in the commit that changes the connectors and tag that commit, so an app built from it knows its connectors are 1.0.1.",
    );
  });

  it.each([['v1.0.0'], ['connectors-v1.0'], ['connectors-1.0.0'], ['connectors-v1.0.0-rc.1'], [undefined]])('refuses a tag that is not connectors-vX.Y.Z: %s', (tag) => {
    expect(tagProblem(tag, '1.0.0')).toMatch(/is not connectors-vX\.Y\.Z\.$/u);
  });
});

describe('feedProblem', () => {
  const feed = (version: string) => JSON.stringify({ format: 1, version, url: `https://github.com/o/r/releases/download/connectors-v${version}/wasl-connectors-${version}.json` });

  it('lets the feed move to a newer version, or stay on the same one (a release run again)', async () => {
    await expect(feedProblem(feed('1.0.4'), '1.0.5')).resolves.toBeNull();
    await expect(feedProblem(feed('1.0.5'), '1.0.5')).resolves.toBeNull();
    await expect(feedProblem(feed('1.9.9'), '1.10.0')).resolves.toBeNull();
  });

  it('refuses to move it back to an older pack', async () => {
    await expect(feedProblem(feed('1.0.5'), '1.0.3')).resolves.toBe(
      'The feed already offers connectors 1.0.5, newer than 1.0.3: the feed never goes back. Release a version above 1.0.5.',
    );
  });

  it('replaces a feed it cannot read', async () => {
    await expect(feedProblem('<html>', '1.0.0')).resolves.toBeNull();
    await expect(feedProblem(JSON.stringify({ version: '9.0.0' }), '1.0.0')).resolves.toBeNull();
  });
});

describe('keygen', () => {
  it('prints the line for TRUSTED_RELEASE_KEYS and the private key, which signs what that line verifies', async () => {
    const { lines, publicKey, keyId } = await generateKeys();
    expect(lines).toContain(`  { id: '${keyId}', publicKey: '${publicKey}' },`);
    expect(keyId).toBe(keyIdOf(publicKey));
    const pem = lines.slice(lines.findIndex((line) => line.startsWith('-----BEGIN PRIVATE KEY-----'))).join('\n');
    expect(publicKeyOf(pem, 'printed')).toBe(publicKey);
    expect(lines.join('\n')).toContain(`repository secret ${KEY_ENV}`);
  });

  it('with --out, writes the private key only there, readable by its owner only, and never over a file', async () => {
    const file = path.join(scratch, 'release-key.pem');
    const { lines, publicKey } = await generateKeys({ out: file });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(publicKeyOf(readFileSync(file, 'utf8'), 'file')).toBe(publicKey);
    expect(lines.join('\n')).not.toContain('PRIVATE KEY');
    expect(lines.join('\n')).toContain(`gh secret set ${KEY_ENV} < ${file}`);
    const before = readFileSync(file, 'utf8');
    await expect(generateKeys({ out: file })).rejects.toThrow('it exists (a key is never overwritten)');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('refuses to write the private key inside the repository', async () => {
    const file = path.join(ROOT, 'out', `release-key-${process.pid}.pem`);
    await expect(generateKeys({ out: file })).rejects.toThrow('Refusing to write the private key inside the repository');
    expect(existsSync(file)).toBe(false);
  });

  it('is npm run keys:generate, beside the build and sign scripts', () => {
    const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts['keys:generate']).toBe('node scripts/pack.mjs keygen');
    expect(scripts['connectors:build']).toBe('node scripts/pack.mjs build');
    expect(scripts['connectors:sign']).toBe('node scripts/pack.mjs sign');
  });
});
