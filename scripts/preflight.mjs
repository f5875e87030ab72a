// Runs before `npm start`: says clearly what is missing on a fresh machine instead of a stack trace.
//   1. Node.js: Electron's npm package (which downloads and starts Electron) needs the version its package.json
//      declares (>= 22.12 for Electron 45); building and testing need only 20.19.
//   2. The Electron binary: since Electron 42 the npm package downloads it on first use, not at `npm ci`. When that
//      download fails (offline, a proxy, a blocked host), say so in one paragraph, with what helps.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** "22.12.0" from an engines range such as ">= 22.12.0" or ">=22.12"; null when the range says no minimum. */
export function minimumOf(range) {
  const match = /^\s*>=\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(range ?? '');
  return match ? `${match[1]}.${match[2] ?? '0'}.${match[3] ?? '0'}` : null;
}

function parts(version) {
  return version.replace(/^v/, '').split('.').map((n) => Number.parseInt(n, 10) || 0);
}

/** Whether `version` is at least `minimum` (both "major.minor.patch", a leading "v" allowed). */
export function atLeast(version, minimum) {
  const [a, b] = [parts(version), parts(minimum)];
  for (let i = 0; i < 3; i += 1) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

/** What to tell the user when this Node.js cannot start Electron; null when it can. */
export function nodeProblem(version, minimum) {
  if (minimum === null || atLeast(version, minimum)) return null;
  const major = parts(minimum)[0];
  return [
    `Wasl needs Node.js ${minimum} or newer to start (this is Node.js ${version.replace(/^v/, '')}).`,
    `Electron's npm package, which downloads and starts Electron, requires it. Building and testing (npm test)`,
    `work from Node.js 20.19. Install Node.js ${major} from https://nodejs.org, or with nvm: nvm install ${major}`,
    `(the project's .nvmrc names it), then run npm start again.`,
  ].join('\n');
}

/** What to tell the user when the Electron binary could not be downloaded; `detail` is the downloader's last line. */
export function electronProblem(version, detail) {
  return [
    `Wasl could not download Electron ${version}, which it runs in. Electron's npm package fetches the Electron`,
    `binary from GitHub the first time it starts, so the first npm start needs the internet${detail ? ` (${detail})` : ''}.`,
    `Behind a proxy, set ELECTRON_GET_USE_PROXY=1 and HTTPS_PROXY=http://proxy:port; to download`,
    `from a mirror, set ELECTRON_MIRROR (for example https://npmmirror.com/mirrors/electron/); to reuse a`,
    `downloaded zip, put it in the cache folder named by electron_config_cache; to use an Electron you already`,
    `have, set ELECTRON_OVERRIDE_DIST_PATH to its folder. Then run npm start again.`,
  ].join('\n');
}

/** The last line the downloader printed that says something (its error), shortened. */
export function lastLine(output) {
  const lines = String(output ?? '').split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('at '));
  const line = lines.at(-1) ?? '';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

function main() {
  const require = createRequire(import.meta.url);
  const electronDir = path.dirname(require.resolve('electron/package.json'));
  const electronPackage = JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8'));
  const problem = nodeProblem(process.version, minimumOf(electronPackage.engines?.node));
  if (problem !== null) {
    console.error(problem);
    process.exit(1);
  }
  // The package's own installer: it returns at once when the binary is there, and downloads it otherwise.
  const install = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] });
  if (install.status !== 0) {
    console.error(electronProblem(electronPackage.version, lastLine(install.stderr ?? install.error?.message)));
    process.exit(1);
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
