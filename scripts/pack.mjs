// Builds, signs and checks connector packs (issue 15; the format is common/packs.ts):
//
//   npm run connectors:build -- --version X.Y.Z [--out dir]
//       Each platform's connector (preload/pack/<platform>.ts) as one self-contained classic script, and the
//       service-worker preload built as the app builds it (electron.vite.config.ts), with the manifest naming their
//       SHA-256: the unsigned pieces, in dist/connectors by default (beside the installers, never inside the app).
//   npm run connectors:sign -- [--out dir] [--key-env WASL_RELEASE_KEY] [--repo owner/name] [--trusted module.ts]
//       Signs the manifest's exact text with the PKCS#8 PEM Ed25519 key in that environment variable (never a file,
//       never printed) and writes wasl-connectors-X.Y.Z.json and connectors-feed.json, whose url is the pack on the
//       connectors-vX.Y.Z release of the repository (electron-builder.yml's publish target unless --repo says).
//       With --trusted, refuses a key that module's TRUSTED_RELEASE_KEYS does not list: the app would refuse it.
//   npm run keys:generate [-- --out file]
//       A new release key: the line to add to TRUSTED_RELEASE_KEYS, and the private key for the repository secret
//       WASL_RELEASE_KEY (printed, or written with mode 0600 to a file outside the repository).
//   node scripts/pack.mjs check-tag <tag>
//   node scripts/pack.mjs check-feed <previous-feed.json> --version X.Y.Z
//       The release workflow's checks (.github/workflows/connectors.yml): the tag names BUILT_IN_PACK_VERSION, and
//       the rolling feed never goes back to an older pack.
//
// The format, the platforms, the built-in version and the signing are the app's own TypeScript, loaded through
// Vite's module runner (Node 20 runs no TypeScript); this file only bundles, reads and writes.
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { resolveConfig as electronViteConfig } from 'electron-vite';
import { build, resolveConfig as viteConfig, runnerImport } from 'vite';
import { parse as parseYaml } from 'yaml';

const ROOT = path.resolve(import.meta.dirname, '..');
export const DEFAULT_OUT = path.join(ROOT, 'dist/connectors');
export const KEY_ENV = 'WASL_RELEASE_KEY';
/** In the build's folder: the manifest's exact text, and the files under `files/` by their path in the pack. */
export const MANIFEST_FILE = 'manifest.json';
export const PIECES_DIR = 'files';
export const FEED_FILE = 'connectors-feed.json';
export const packFileName = (version) => `wasl-connectors-${version}.json`;
const releaseTag = (version) => `connectors-v${version}`;

/** A refusal: said to the maintainer as it is, without a stack. */
class PackError extends Error {}

const load = async (file) => (await runnerImport(path.join(ROOT, file), { configFile: false, root: ROOT, logLevel: 'error' })).module;

let contractLoad;
/** The TypeScript a pack is made by: its format and names, the platforms, the built-in version and main's signing. */
function contract() {
  contractLoad ??= Promise.all(['common/packs.ts', 'common/pack-version.ts', 'common/model.ts', 'main/security/signing.ts'].map(load)).then(
    ([packs, version, model, signing]) => ({ ...packs, ...version, PLATFORM_IDS: model.PLATFORM_IDS, ...signing }),
  );
  return contractLoad;
}

/**
 * The newest app version a pack built from this source works with: the same major, as semver's caret says; before
 * 1.0 the same minor, since a 0.x minor may change what the preload asks of a connector.
 */
export function maxAppVersionFor(appVersion) {
  const match = /^(\d+)\.(\d+)\.\d+$/.exec(appVersion);
  if (!match) throw new PackError(`package.json's version ${appVersion} is not x.y.z`);
  return match[1] === '0' ? `0.${match[2]}.999` : `${match[1]}.999.999`;
}

/** A key's id in a pack: the first 16 hex digits of the SHA-256 of its raw public key, so it can name no other key. */
export const keyIdOf = (publicKey) => createHash('sha256').update(Buffer.from(publicKey, 'base64url')).digest('hex').slice(0, 16);

/** The raw public key (base64url) of a PKCS#8 PEM Ed25519 private key; refuses anything else, quoting none of it. */
export function publicKeyOf(privateKeyPem, source) {
  let key;
  try {
    key = createPrivateKey(privateKeyPem);
  } catch {
    throw new PackError(`${source} is not a PEM private key (npm run keys:generate makes one)`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new PackError(`${source} holds a key of type ${String(key.asymmetricKeyType)}; the release key is Ed25519 (npm run keys:generate)`);
  const { x } = createPublicKey(key).export({ format: 'jwk' });
  if (typeof x !== 'string') throw new PackError(`${source}: its public key cannot be read`);
  return x;
}

/** Writes `text` beside `file` first and renames it over, so no reader sees half a file. */
function writeAtomic(file, text) {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

/** The preload section of electron.vite.config.ts as electron-vite resolves it, kept in memory (a fresh copy each call). */
async function preloadConfig() {
  const resolved = await electronViteConfig({ root: ROOT, logLevel: 'warn', build: { write: false } }, 'build', 'production');
  const preload = resolved.config.preload;
  if (!preload?.build?.rollupOptions) throw new PackError('electron.vite.config.ts has no preload build');
  return preload;
}

const entryCode = (result) => {
  const chunk = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output).find((o) => o.type === 'chunk' && o.isEntry);
  if (!chunk) throw new PackError('the bundler wrote no entry');
  return chunk.code;
};

/** The service-worker preload exactly as the app builds it: electron-vite's preload build of preload/service-worker.ts. */
async function buildWorker() {
  const config = await preloadConfig();
  config.build.rollupOptions.input = { notifications: path.join(ROOT, 'preload/service-worker.ts') };
  return entryCode(await build(config));
}

/** A connector entry as one classic script (IIFE) with nothing to load, for the target the preloads are built for. */
async function buildConnector(entry, target) {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    root: ROOT,
    build: { write: false, minify: false, target, lib: { entry, formats: ['iife'], name: 'WaslPackConnector', fileName: () => 'connector.js' } },
  });
  return entryCode(result);
}

/**
 * Builds the unsigned pack into `out`: the files under files/, then the manifest (last, so it names only files on
 * disk). `entries` is the folder of the connector entries, one per platform.
 */
export async function buildPack({ version, out = DEFAULT_OUT, entries = path.join(ROOT, 'preload/pack') }) {
  const c = await contract();
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+$/.test(version)) throw new PackError(`--version must be x.y.z (BUILT_IN_PACK_VERSION is ${c.BUILT_IN_PACK_VERSION})`);
  const appVersion = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
  const platforms = c.PLATFORM_IDS.map((platform) => [platform, path.join(entries, `${platform}.ts`)]);
  const missing = platforms.filter(([, entry]) => !existsSync(entry)).map(([, entry]) => path.relative(ROOT, entry));
  if (missing.length > 0) throw new PackError(`Every platform's connector goes in the pack; missing: ${missing.join(', ')}`);

  const { build: resolvedBuild } = await viteConfig(await preloadConfig(), 'build', 'production');
  const files = {};
  for (const [platform, entry] of platforms) files[c.connectorFile(platform)] = await buildConnector(entry, resolvedBuild.target);
  files[c.WORKER_FILE] = await buildWorker();

  const manifest = c.packManifestSchema.parse({
    format: c.PACK_FORMAT,
    version,
    minAppVersion: appVersion,
    maxAppVersion: maxAppVersionFor(appVersion),
    platforms: [...c.PLATFORM_IDS],
    files: Object.fromEntries(Object.entries(files).map(([name, text]) => [name, c.sha256Hex(text)])),
    builtAt: new Date().toISOString(),
  });
  for (const [name, text] of Object.entries(files)) writeAtomic(path.join(out, PIECES_DIR, name), text);
  writeAtomic(path.join(out, MANIFEST_FILE), JSON.stringify(manifest));
  return manifest;
}

/** The owner/name releases are published to: electron-builder.yml's `publish`, the repository the app updates from. */
export function defaultRepo() {
  const { publish } = parseYaml(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8'));
  return `${publish.owner}/${publish.repo}`;
}

/** Refuses a key the app at this commit does not trust (`module` exports TRUSTED_RELEASE_KEYS: { id, publicKey }[]). */
async function checkTrusted(module, keyId, publicKey) {
  const { TRUSTED_RELEASE_KEYS: keys } = (await runnerImport(path.resolve(ROOT, module), { configFile: false, root: ROOT, logLevel: 'error' })).module;
  if (!Array.isArray(keys)) throw new PackError(`${module} exports no TRUSTED_RELEASE_KEYS`);
  if (!keys.some((k) => k.id === keyId && k.publicKey === publicKey)) {
    throw new PackError(
      `The release key (id ${keyId}) is not in TRUSTED_RELEASE_KEYS (${module}): every installed Wasl would refuse this pack. ` +
        'Add the line npm run keys:generate printed for it and release the app first, or sign with a key the app trusts.',
    );
  }
}

/**
 * Signs the pack built in `out` with `privateKeyPem` and writes the pack file and its feed there. Refuses a piece
 * changed or missing since the build, a key that is not Ed25519, and a pack larger than the app reads.
 */
export async function signPack({ out = DEFAULT_OUT, privateKeyPem, keySource = KEY_ENV, repo = defaultRepo(), trusted }) {
  const c = await contract();
  if (!/^[\w.-]+\/[\w.-]+$/.test(repo)) throw new PackError(`--repo must be owner/name, not ${repo}`);
  if (typeof privateKeyPem !== 'string' || privateKeyPem.trim() === '') {
    throw new PackError(`${keySource} is not set: it holds the release key's private PEM (the repository secret ${KEY_ENV}; npm run keys:generate makes one)`);
  }
  const manifestPath = path.join(out, MANIFEST_FILE);
  if (!existsSync(manifestPath)) throw new PackError(`${manifestPath} is missing: run the build first`);
  const manifestText = readFileSync(manifestPath, 'utf8');
  let parsed;
  try {
    parsed = c.packManifestSchema.safeParse(JSON.parse(manifestText));
  } catch {
    parsed = { success: false };
  }
  if (!parsed.success) throw new PackError(`${manifestPath} is not a pack manifest: run the build again`);
  const manifest = parsed.data;
  const files = {};
  for (const [name, hash] of Object.entries(manifest.files)) {
    const file = path.join(out, PIECES_DIR, name);
    if (!existsSync(file)) throw new PackError(`${file} is missing: run the build again`);
    const text = readFileSync(file, 'utf8');
    if (c.sha256Hex(text) !== hash) throw new PackError(`${file} changed since the build (its SHA-256 is not the manifest's): run the build again`);
    files[name] = text;
  }

  const publicKey = publicKeyOf(privateKeyPem, keySource);
  const keyId = keyIdOf(publicKey);
  if (trusted !== undefined) await checkTrusted(trusted, keyId, publicKey);
  const data = Buffer.from(manifestText, 'utf8');
  const signature = c.signData(data, privateKeyPem);
  if (!c.verifySignature(data, signature, { id: keyId, publicKey })) throw new PackError('the signature does not verify with the key’s own public key');

  const packText = JSON.stringify(c.packFileSchema.parse({ format: c.PACK_FORMAT, keyId, manifest: manifestText, signature, files }));
  const size = Buffer.byteLength(packText);
  if (size > c.MAX_PACK_BYTES) throw new PackError(`The pack is ${size} bytes; the app reads at most ${c.MAX_PACK_BYTES}`);
  const name = packFileName(manifest.version);
  const feed = c.packFeedSchema.parse({
    format: c.PACK_FORMAT,
    version: manifest.version,
    url: `https://github.com/${repo}/releases/download/${releaseTag(manifest.version)}/${name}`,
  });
  const packPath = path.join(out, name);
  const feedPath = path.join(out, FEED_FILE);
  // The feed last: it never names a pack that is not written.
  writeAtomic(packPath, packText);
  writeAtomic(feedPath, `${JSON.stringify(feed, null, 2)}\n`);
  return { packPath, feedPath, keyId, feed };
}

/** Why `tag` may not release the connectors of this commit, or null: it must be connectors-v<BUILT_IN_PACK_VERSION>. */
export function tagProblem(tag, builtIn) {
  const match = /^connectors-v(\d+\.\d+\.\d+)$/.exec(tag ?? '');
  if (!match) return `The tag ${String(tag)} is not connectors-vX.Y.Z.`;
  if (match[1] === builtIn) return null;
  return (
    `The tag ${tag} releases connectors ${match[1]}, but common/pack-version.ts says BUILT_IN_PACK_VERSION = '${builtIn}' at this commit. ` +
    `Set it to '${match[1]}' in the commit that changes the connectors and tag that commit, so an app built from it knows its connectors are ${match[1]}.`
  );
}

/** Why the rolling feed may not move from `previousText` to `version`, or null: it never goes back to an older pack. */
export async function feedProblem(previousText, version) {
  const c = await contract();
  let previous;
  try {
    previous = c.packFeedSchema.safeParse(JSON.parse(previousText));
  } catch {
    return null;
  }
  // A feed that cannot be read is what this release replaces.
  if (!previous.success || c.compareVersions(version, previous.data.version) >= 0) return null;
  return `The feed already offers connectors ${previous.data.version}, newer than ${version}: the feed never goes back. Release a version above ${previous.data.version}.`;
}

/** A new release key pair; with `out`, the private key is written there (mode 0600, a new file outside the repository). */
export async function generateKeys({ out } = {}) {
  const { privateKeyPem, publicKey } = (await contract()).generateSigningKey();
  const line = `  { id: '${keyIdOf(publicKey)}', publicKey: '${publicKey}' },`;
  const lines = ['Add the public key to TRUSTED_RELEASE_KEYS in main/security/pack-keys.ts (and release the app with it):', '', line, ''];
  if (out !== undefined) {
    const file = path.resolve(out);
    const inRepo = path.relative(ROOT, file);
    if (!inRepo.startsWith('..') && !path.isAbsolute(inRepo)) throw new PackError(`Refusing to write the private key inside the repository (${file}): write it outside, so it is never committed.`);
    try {
      writeFileSync(file, privateKeyPem, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      throw new PackError(`Cannot write ${file}: ${error.code === 'EEXIST' ? 'it exists (a key is never overwritten)' : error.message}`);
    }
    lines.push(`The private key is in ${file} (mode 0600). Store it as the repository secret ${KEY_ENV}:`, `  gh secret set ${KEY_ENV} < ${file}`, 'then keep it offline or delete it. Never commit it.');
  } else {
    lines.push(`Store the private key below as the repository secret ${KEY_ENV} (Settings › Secrets and variables › Actions), then clear this terminal. Never commit it.`, '', privateKeyPem.trim());
  }
  return { lines, publicKey, keyId: keyIdOf(publicKey) };
}

const USAGE = [
  'usage: node scripts/pack.mjs build --version X.Y.Z [--out dir]',
  '       node scripts/pack.mjs sign [--out dir] [--key-env NAME] [--repo owner/name] [--trusted module.ts]',
  '       node scripts/pack.mjs keygen [--out file]',
  '       node scripts/pack.mjs check-tag <tag>',
  '       node scripts/pack.mjs check-feed <previous-feed.json> --version X.Y.Z',
].join('\n');

const OPTIONS = { version: { type: 'string' }, out: { type: 'string' }, 'key-env': { type: 'string' }, repo: { type: 'string' }, trusted: { type: 'string' } };

async function main(argv) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    console.error(`${error.message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, argument] = positionals;
  const out = values.out === undefined ? DEFAULT_OUT : path.resolve(values.out);
  switch (command) {
    case 'build': {
      const manifest = await buildPack({ version: values.version, out });
      console.log(`Built connectors ${manifest.version} (app ${manifest.minAppVersion}–${manifest.maxAppVersion}, ${manifest.platforms.length} platforms) in ${out}`);
      return 0;
    }
    case 'sign': {
      const keyEnv = values['key-env'] ?? KEY_ENV;
      const repo = values.repo ?? defaultRepo();
      const { packPath, feed, keyId } = await signPack({ out, privateKeyPem: process.env[keyEnv], keySource: keyEnv, repo, trusted: values.trusted });
      console.log(`Signed ${packPath} with key ${keyId}; ${path.join(out, FEED_FILE)} points at ${feed.url}`);
      return 0;
    }
    case 'keygen': {
      const { lines } = await generateKeys({ out: values.out });
      console.log(lines.join('\n'));
      return 0;
    }
    case 'check-tag': {
      const builtIn = (await contract()).BUILT_IN_PACK_VERSION;
      const problem = tagProblem(argument, builtIn);
      if (problem !== null) throw new PackError(problem);
      console.log(`${argument} releases BUILT_IN_PACK_VERSION ${builtIn}.`);
      return 0;
    }
    case 'check-feed': {
      if (argument === undefined || values.version === undefined) break;
      const problem = await feedProblem(readFileSync(argument, 'utf8'), values.version);
      if (problem !== null) throw new PackError(problem);
      console.log(`The feed may move to connectors ${values.version}.`);
      return 0;
    }
  }
  console.error(USAGE);
  return 2;
}

// Run as a command (also through a symlinked folder), not when a test imports it.
if (process.argv[1] !== undefined && realpathSync(path.resolve(process.argv[1])) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      if (!(error instanceof PackError)) throw error;
      console.error(error.message);
      process.exitCode = 1;
    },
  );
}
