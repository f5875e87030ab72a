/**
 * The GitHub workflows: parsed as YAML and checked for what the release process relies on — CI on Linux, Windows
 * and macOS running the same checks as `npm test` (plus the real-Electron suite under Xvfb on Linux), and a
 * release on version tags that builds every installer with electron-builder and publishes it with its update
 * metadata. A workflow that does not parse, or loses one of these steps, fails here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';

const root = path.resolve(import.meta.dirname, '../..');

const step = z.object({ name: z.string().optional(), uses: z.string().optional(), run: z.string().optional(), if: z.string().optional(), env: z.record(z.string(), z.string()).optional(), with: z.record(z.string(), z.unknown()).optional(), id: z.string().optional() });
const job = z.object({
  'runs-on': z.string(),
  'timeout-minutes': z.number(),
  strategy: z.object({ matrix: z.object({ os: z.array(z.string()) }) }),
  steps: z.array(step).min(1),
});
const workflow = z.object({ name: z.string(), on: z.record(z.string(), z.unknown()), permissions: z.record(z.string(), z.string()), jobs: z.record(z.string(), job) });

function read(name: string) {
  return workflow.parse(parse(readFileSync(path.join(root, '.github/workflows', name), 'utf8')));
}

const runs = (steps: z.infer<typeof step>[]) => steps.map((s) => s.run ?? '').join('\n');
const SYSTEMS = ['ubuntu-latest', 'windows-latest', 'macos-latest'];

describe('ci.yml', () => {
  const ci = read('ci.yml');
  const test = ci.jobs['test'];

  it('runs on pushes to main and on pull requests, reading the repository only', () => {
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    expect(ci.permissions).toEqual({ contents: 'read' });
  });

  it('installs from the lockfile, lints, type-checks and runs npm test on Linux, Windows and macOS', () => {
    expect(test?.strategy.matrix.os).toEqual(SYSTEMS);
    expect(test?.['runs-on']).toBe('${{ matrix.os }}');
    const commands = runs(test?.steps ?? []).split('\n');
    for (const command of ['npm ci', 'npm run lint', 'npm run typecheck', 'npm test']) expect(commands).toContain(command);
    expect(commands.indexOf('npm ci')).toBeLessThan(commands.indexOf('npm test'));
    expect(test?.steps.find((s) => s.run === 'npm test')?.env?.['WASL_CHROMIUM']).toMatch(/steps\.chromium\.outputs\.chrome-path/u);
    expect(test?.steps.find((s) => s.id === 'chromium')?.uses).toMatch(/^browser-actions\/setup-chrome@v\d+$/u);
  });

  it('runs the real-Electron suite under Xvfb on Linux only, with the binary downloaded first', () => {
    const electron = test?.steps.find((s) => s.run?.includes('test:electron') === true);
    expect(electron?.if).toBe("runner.os == 'Linux'");
    const lines = (electron?.run ?? '').trim().split('\n');
    expect(lines.findIndex((l) => l.includes('install-electron'))).toBeLessThan(lines.findIndex((l) => l.includes('xvfb-run')));
    expect(lines.at(-1)).toBe('xvfb-run -a npm run test:electron');
    expect(electron?.env?.['ELECTRON_SKIP_BINARY_DOWNLOAD']).toBe('');
  });
});

describe('release.yml', () => {
  const release = read('release.yml');
  const installers = release.jobs['installers'];

  it('runs on version tags only, allowed to write the release', () => {
    expect(release.on).toEqual({ push: { tags: ['v*'] } });
    expect(release.permissions).toEqual({ contents: 'write' });
  });

  it('builds and publishes the installers with electron-builder on every system, after checking the tag', () => {
    expect(installers?.strategy.matrix.os).toEqual(SYSTEMS);
    const commands = runs(installers?.steps ?? []);
    expect(commands).toMatch(/require\('\.\/package\.json'\)\.version/u);
    const publish = installers?.steps.find((s) => s.run?.includes('electron-builder') === true);
    expect(publish?.run).toBe('npx electron-vite build && npx electron-builder --publish always');
    expect(publish?.env?.['GH_TOKEN']).toBe('${{ secrets.GITHUB_TOKEN }}');
  });

  it('publishes to the same GitHub repository the README sends people to, as a draft', () => {
    const builder = z
      .object({ publish: z.object({ provider: z.literal('github'), owner: z.string(), repo: z.string(), releaseType: z.string() }) })
      .parse(parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')));
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(readme).toContain(`https://github.com/${builder.publish.owner}/${builder.publish.repo}/releases/latest`);
    expect(builder.publish.releaseType).toBe('draft');
  });

  it('pins every action to a major version', () => {
    for (const file of ['ci.yml', 'release.yml']) {
      for (const j of Object.values(read(file).jobs)) {
        for (const s of j.steps) if (s.uses !== undefined) expect(s.uses).toMatch(/^[\w.-]+\/[\w.-]+@v\d+$/u);
      }
    }
  });
});
