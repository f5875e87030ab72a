// Signs Wasl's Linux update files with the Ed25519 release key, for the release workflow (.github/workflows/release.yml):
//
//   WASL_RELEASE_KEY=<PKCS#8 PEM> node scripts/sign-file.mjs [--trusted main/security/pack-keys.ts] dist/latest-linux*.yml
//
// For each file an update-info file names (the AppImage and the deb of latest-linux.yml, latest-linux-arm64.yml), it
// writes `<file>.sig` beside it: { "keyId": "<id>", "signature": "<base64>" }, and prints its path. The signature
// covers the message the app checks before a Linux update installs (main/security/update-signature.ts): a label,
// the file's name, the version the update-info file gives, and the file's SHA-512, streamed from disk (an AppImage
// is over 100 MB, and Ed25519 signs a message it holds whole). The key's id is the one the app knows it by
// (scripts/pack.mjs keyIdOf, from its public key); with --trusted, a key that module's TRUSTED_RELEASE_KEYS does not
// list is refused, since every installed Wasl would refuse what it signs. Without the key, or with a file missing,
// it signs nothing and fails.
//
// The message and the signing are the app's own TypeScript, loaded through Vite's module runner as scripts/pack.mjs
// loads its (Node 20 runs no TypeScript).
import { rename, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runnerImport } from 'vite';
import { parse } from 'yaml';
import { keyIdOf, publicKeyOf } from './pack.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const KEY_ENV = 'WASL_RELEASE_KEY';
const USAGE = 'usage: WASL_RELEASE_KEY=<PEM> node scripts/sign-file.mjs [--trusted module.ts] <latest-linux.yml>...';

/** A refusal: said to the maintainer as it is, without a stack. */
class SignError extends Error {}

const load = async (file) => (await runnerImport(path.resolve(ROOT, file), { configFile: false, root: ROOT, logLevel: 'error' })).module;

/** The version and the files an update-info file names, each a plain file name beside it. */
async function updateInfo(infoFile) {
  const info = parse(await readFile(infoFile, 'utf8'));
  const version = info?.version;
  const names = Array.isArray(info?.files) ? info.files.map((entry) => entry?.url) : [];
  if (typeof version !== 'string' || !/^[\w.+-]+$/u.test(version)) throw new SignError(`${infoFile} names no version`);
  if (names.length === 0) throw new SignError(`${infoFile} names no files`);
  for (const name of names) {
    if (typeof name !== 'string' || name !== path.basename(name) || name.startsWith('.')) throw new SignError(`${infoFile} names a file that is not a plain file name: ${String(name)}`);
  }
  return { version, files: names.map((name) => path.join(path.dirname(infoFile), name)) };
}

async function main(argv) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { trusted: { type: 'string' } } });
  } catch (error) {
    throw new SignError(`${error.message}\n${USAGE}`);
  }
  const infoFiles = parsed.positionals;
  const pem = process.env[KEY_ENV] ?? '';
  if (infoFiles.length === 0) throw new SignError(`name the update-info files (dist/latest-linux*.yml) to sign the files of\n${USAGE}`);
  if (pem.trim() === '') throw new SignError(`${KEY_ENV} is not set: refusing to leave Linux update files unsigned`);
  let publicKey;
  try {
    publicKey = publicKeyOf(pem, KEY_ENV);
  } catch (error) {
    throw new SignError(error.message);
  }
  const keyId = keyIdOf(publicKey);
  if (parsed.values.trusted !== undefined) {
    const { TRUSTED_RELEASE_KEYS: keys } = await load(parsed.values.trusted);
    if (!Array.isArray(keys)) throw new SignError(`${parsed.values.trusted} exports no TRUSTED_RELEASE_KEYS`);
    if (!keys.some((k) => k.id === keyId && k.publicKey === publicKey)) {
      throw new SignError(`The release key (id ${keyId}) is not in TRUSTED_RELEASE_KEYS (${parsed.values.trusted}): every installed Wasl would refuse these updates.`);
    }
  }
  const [{ signedUpdateMessage, sha512OfFile }, { signData, verifySignature }] = await Promise.all([load('main/security/update-signature.ts'), load('main/security/signing.ts')]);

  const jobs = [];
  for (const infoFile of infoFiles) {
    const { version, files } = await updateInfo(infoFile);
    for (const file of files) if (!jobs.some((job) => job.file === file)) jobs.push({ file, version });
  }
  // Every file is read and signed before any .sig is written: a missing file leaves none behind.
  const signatures = [];
  for (const { file, version } of jobs) {
    let digest;
    try {
      digest = await sha512OfFile(file);
    } catch (error) {
      throw new SignError(`cannot read ${file} (${error.message})`);
    }
    const message = signedUpdateMessage(path.basename(file), version, digest);
    const signature = signData(message, pem);
    if (!verifySignature(message, signature, { id: keyId, publicKey })) throw new SignError(`the signature of ${file} does not verify`);
    signatures.push({ sigFile: `${file}.sig`, text: `${JSON.stringify({ keyId, signature })}\n` });
  }
  for (const { sigFile, text } of signatures) {
    const temp = `${sigFile}.${process.pid}.tmp`;
    await writeFile(temp, text);
    await rename(temp, sigFile);
    console.log(sigFile);
  }
  console.error(`sign-file: signed ${signatures.length} file(s) with key ${keyId}`);
}

main(process.argv.slice(2)).catch((error) => {
  if (!(error instanceof SignError)) throw error;
  console.error(`sign-file: ${error.message}`);
  process.exitCode = 1;
});
