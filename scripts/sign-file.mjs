// Signs Wasl's Linux update files with the Ed25519 release key, for the release workflow (.github/workflows/release.yml):
//
//   WASL_RELEASE_KEY=<PKCS#8 PEM> WASL_RELEASE_KEY_ID=<key id> node scripts/sign-file.mjs dist/latest-linux*.yml
//
// For each file an update-info file names (the AppImage and the deb of latest-linux.yml, latest-linux-arm64.yml), it
// writes `<file>.sig` beside it: { "keyId": "<id>", "signature": "<base64>" }, and prints its path. The signature
// covers the message main/security/update-signature.ts checks before a Linux update installs: a label, the file's
// name, the version the update-info file gives, and the file's SHA-512, streamed from disk (an AppImage is over
// 100 MB, and Ed25519 signs a message it holds whole). Without the key, or with a file missing, it signs nothing
// and fails. test/unit/scripts/sign-file.test.ts checks that the app accepts what it signs.
import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parse } from 'yaml';

/** As main/security/update-signature.ts: UPDATE_SIGNATURE_LABEL and signedUpdateMessage. */
const LABEL = 'wasl-linux-update/1';
const message = (fileName, version, sha512Hex) => Buffer.from(`${LABEL}\nfile: ${fileName}\nversion: ${version}\nsha512: ${sha512Hex}\n`, 'utf8');

function fail(text) {
  console.error(`sign-file: ${text}`);
  process.exit(1);
}

async function sha512OfFile(file) {
  const hash = createHash('sha512');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/** The version and the files an update-info file names, each a plain file name beside it. */
async function updateInfo(infoFile) {
  const info = parse(await readFile(infoFile, 'utf8'));
  const version = info?.version;
  const names = Array.isArray(info?.files) ? info.files.map((entry) => entry?.url) : [];
  if (typeof version !== 'string' || !/^[\w.+-]+$/u.test(version)) fail(`${infoFile} names no version`);
  if (names.length === 0) fail(`${infoFile} names no files`);
  for (const name of names) {
    if (typeof name !== 'string' || name !== path.basename(name) || name.startsWith('.')) fail(`${infoFile} names a file that is not a plain file name: ${String(name)}`);
  }
  return { version, files: names.map((name) => path.join(path.dirname(infoFile), name)) };
}

const infoFiles = process.argv.slice(2);
const pem = process.env['WASL_RELEASE_KEY'] ?? '';
const keyId = process.env['WASL_RELEASE_KEY_ID'] ?? '';
if (infoFiles.length === 0) fail('name the update-info files (dist/latest-linux*.yml) to sign the files of');
if (pem.trim() === '' || keyId.trim() === '') fail('WASL_RELEASE_KEY and WASL_RELEASE_KEY_ID must both be set: refusing to leave Linux update files unsigned');
if (!/^[\w.-]{1,100}$/u.test(keyId)) fail('WASL_RELEASE_KEY_ID is not a key id (letters, digits, ".", "_" or "-")');

let privateKey;
try {
  privateKey = createPrivateKey(pem);
} catch (error) {
  fail(`WASL_RELEASE_KEY is not a PKCS#8 PEM private key (${error instanceof Error ? error.message : String(error)})`);
}
if (privateKey.asymmetricKeyType !== 'ed25519') fail(`WASL_RELEASE_KEY is an ${privateKey.asymmetricKeyType} key, not Ed25519`);
const publicKey = createPublicKey(privateKey);

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
    fail(`cannot read ${file} (${error instanceof Error ? error.message : String(error)})`);
  }
  const signed = message(path.basename(file), version, digest);
  const signature = sign(null, signed, privateKey);
  if (!verify(null, signed, publicKey, signature)) fail(`the signature of ${file} does not verify`);
  signatures.push({ sigFile: `${file}.sig`, content: `${JSON.stringify({ keyId, signature: signature.toString('base64') })}\n` });
}
for (const { sigFile, content } of signatures) {
  const temp = `${sigFile}.${process.pid}.tmp`;
  await writeFile(temp, content);
  await rename(temp, sigFile);
  console.log(sigFile);
}
// The public half, to compare with the app's trusted keys (main/security/pack-keys.ts) in the workflow's log.
console.error(`sign-file: signed ${jobs.length} file(s) with key ${keyId}, public key ${String(publicKey.export({ format: 'jwk' }).x)}`);
