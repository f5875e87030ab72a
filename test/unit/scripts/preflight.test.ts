/**
 * `npm start`'s preflight (scripts/preflight.mjs): a Node.js too old for Electron's npm package, and an Electron
 * binary that cannot be downloaded, each get one clear paragraph instead of a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { atLeast, electronProblem, lastLine, minimumOf, nodeProblem } from '../../../scripts/preflight.mjs';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const electronPackage = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string; engines: { node: string } };

describe('minimumOf', () => {
  it.each([
    ['>= 22.12.0', '22.12.0'],
    ['>=22.12', '22.12.0'],
    ['>= v24', '24.0.0'],
    ['^22.12.0', null],
    [undefined, null],
  ])('%s → %s', (range, minimum) => {
    expect(minimumOf(range)).toBe(minimum);
  });
});

describe('atLeast', () => {
  it.each([
    ['v22.12.0', '22.12.0', true],
    ['22.13.1', '22.12.0', true],
    ['24.0.0', '22.12.0', true],
    ['v22.11.9', '22.12.0', false],
    ['20.20.2', '22.12.0', false],
    ['22.9.0', '22.12.0', false],
  ])('%s at least %s: %s', (version, minimum, expected) => {
    expect(atLeast(version, minimum)).toBe(expected);
  });
});

describe('nodeProblem', () => {
  it('says which Node.js is needed, which one runs, and how to get it', () => {
    const message = nodeProblem('v20.19.0', '22.12.0');
    expect(message).toContain('Wasl needs Node.js 22.12.0 or newer to start (this is Node.js 20.19.0).');
    expect(message).toContain('nvm install 22');
    expect(message).toContain('npm test');
  });

  it('has nothing to say when Node.js is new enough, or Electron names no minimum', () => {
    expect(nodeProblem('v22.12.0', '22.12.0')).toBeNull();
    expect(nodeProblem('v18.0.0', null)).toBeNull();
  });

  it('follows the minimum Electron’s own package declares, and .nvmrc names its major', () => {
    const minimum = minimumOf(electronPackage.engines.node);
    expect(minimum).not.toBeNull();
    expect(readFileSync(path.join(ROOT, '.nvmrc'), 'utf8').trim()).toBe(String(minimum?.split('.')[0]));
  });
});

describe('electronProblem', () => {
  it('names the version, the download’s error, and each variable that helps', () => {
    const message = electronProblem('45.4.1', 'TypeError: fetch failed');
    expect(message).toContain('Wasl could not download Electron 45.4.1');
    expect(message).toContain('(TypeError: fetch failed)');
    for (const variable of ['ELECTRON_GET_USE_PROXY', 'HTTPS_PROXY', 'ELECTRON_MIRROR', 'electron_config_cache', 'ELECTRON_OVERRIDE_DIST_PATH']) {
      expect(message).toContain(variable);
    }
  });

  it('keeps the downloader’s last words, not its stack', () => {
    expect(lastLine('Downloading…\nTypeError: fetch failed\n    at FetchDownloader.download (x.js:46:30)\n    at async y\n')).toBe('TypeError: fetch failed');
    expect(lastLine('')).toBe('');
    expect(lastLine(`Error: ${'x'.repeat(300)}`)).toHaveLength(200);
  });
});

describe('the preflight, run as npm start runs it', () => {
  it('stops with the Node.js paragraph on a Node.js too old for Electron, and passes that check on a new one', () => {
    const minimum = minimumOf(electronPackage.engines.node) ?? '0.0.0';
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/preflight.mjs')], {
      cwd: ROOT,
      encoding: 'utf8',
      // Never download here: a failed or skipped download must still say its paragraph, not hang.
      env: { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', ELECTRON_OVERRIDE_DIST_PATH: '' },
      timeout: 60_000,
    });
    if (atLeast(process.version, minimum)) {
      expect(run.stderr).not.toContain('Wasl needs Node.js');
    } else {
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toBe(nodeProblem(process.version, minimum));
    }
  });
});
