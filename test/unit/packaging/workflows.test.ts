/**
 * The GitHub workflows: parsed as YAML and checked for what the release process relies on — CI on Linux, Windows
 * and macOS running the same checks as `npm test` (plus the real-Electron suite under Xvfb on Linux), and a
 * release on version tags that builds every installer with electron-builder, signed, and publishes it with its
 * update metadata. The release's shell steps are run here with bash, against controlled environments and stand-ins
 * for npm, npx and gh: the signing guard refuses a build without its secrets (on Linux, the release key) unless it
 * is an unsigned preview, a preview is built unsigned under its own version, with notes that say so, and a Linux
 * release build's update files are signed and their `.sig` files uploaded to the release, signatures the app's own
 * check accepts. A workflow that does not parse, or loses one of these steps, fails here.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { generateSigningKey } from '../../../main/security/signing';
import { verifyUpdateFile } from '../../../main/security/update-signature';
import { keyIdOf } from '../../../scripts/pack.mjs';

const root = path.resolve(import.meta.dirname, '../../..');

const step = z.object({
  name: z.string().optional(),
  uses: z.string().optional(),
  run: z.string().optional(),
  shell: z.string().optional(),
  if: z.string().optional(),
  env: z.record(z.string(), z.string()).optional(),
  with: z.record(z.string(), z.unknown()).optional(),
  id: z.string().optional(),
  'continue-on-error': z.boolean().optional(),
});
const job = z.object({
  'runs-on': z.string(),
  'timeout-minutes': z.number(),
  strategy: z.object({ matrix: z.object({ os: z.array(z.string()) }) }),
  env: z.record(z.string(), z.string()).optional(),
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

/** The secrets the signing guard requires on each system, as release.yml's secrets are named. */
const SECRETS = {
  Windows: ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET'],
  macOS: ['CSC_LINK', 'CSC_KEY_PASSWORD', 'APPLE_API_KEY_P8', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'],
  Linux: ['WASL_RELEASE_KEY'],
} as const;

/** Runs a step's script as GitHub's `shell: bash` does (`bash --noprofile --norc -eo pipefail`), with only this environment. */
function runStep(script: string, env: Record<string, string>, cwd?: string) {
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { env: { PATH: process.env['PATH'] ?? '', ...env }, cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('release.yml', () => {
  const release = read('release.yml');
  const installers = release.jobs['installers'];
  const steps = installers?.steps ?? [];
  const buildIndex = steps.findIndex((s) => s.name === 'Build and publish');
  const guardIndex = steps.findIndex((s) => s.run?.includes('Refusing to publish an unsigned') === true);
  const guard = steps[guardIndex];

  const runGuard = (env: Record<string, string>) => runStep(guard?.run ?? 'exit 99', env);

  /**
   * Runs the build step in a scratch folder whose package.json says 1.2.3, with npm and npx replaced by stand-ins
   * that note their arguments: answers those calls, and the files the step left beside package.json.
   */
  const runBuild = (env: Record<string, string>): { calls: string[]; files: Record<string, string> } => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wasl-release-'));
    try {
      const bin = path.join(dir, 'bin');
      const work = path.join(dir, 'work');
      const log = path.join(dir, 'calls.log');
      mkdirSync(bin);
      mkdirSync(work);
      for (const tool of ['npm', 'npx']) {
        writeFileSync(path.join(bin, tool), `#!/bin/sh\necho "${tool} $*" >> "${log}"\n`);
        chmodSync(path.join(bin, tool), 0o755);
      }
      writeFileSync(path.join(work, 'package.json'), JSON.stringify({ name: 'wasl', version: '1.2.3' }));
      const result = runStep(steps[buildIndex]?.run ?? 'exit 99', { ...env, PATH: `${bin}:${process.env['PATH'] ?? ''}` }, work);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const files = Object.fromEntries(
        readdirSync(work)
          .filter((name) => name !== 'package.json')
          .map((name) => [name, readFileSync(path.join(work, name), 'utf8')]),
      );
      const calls = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter((line) => line !== '') : [];
      return { calls, files };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('runs on version tags, and by hand only to build an unsigned preview; allowed to write the release', () => {
    expect(release.on).toEqual({
      push: { tags: ['v*'] },
      workflow_dispatch: { inputs: { 'unsigned-preview': { description: expect.stringMatching(/unsigned/u) as unknown, type: 'boolean', default: false } } },
    });
    expect(release.permissions).toEqual({ contents: 'write' });
    // A tag push has no inputs: only a manual run that ticked the box is a preview.
    expect(installers?.env?.['UNSIGNED_PREVIEW']).toBe("${{ github.event_name == 'workflow_dispatch' && inputs.unsigned-preview }}");
  });

  it('builds and publishes the installers with electron-builder on every system, after checking the tag', () => {
    expect(installers?.strategy.matrix.os).toEqual(SYSTEMS);
    const tag = steps.findIndex((s) => s.run?.includes("require('./package.json').version") === true && s.run.includes('GITHUB_REF_NAME'));
    expect(tag).toBeGreaterThanOrEqual(0);
    expect(tag).toBeLessThan(buildIndex);
    expect(steps[tag]?.if).toBe("env.UNSIGNED_PREVIEW != 'true'");
    const publish = steps[buildIndex];
    expect(publish?.run).toContain('npx electron-vite build && npx electron-builder --publish always');
    expect(publish?.env?.['GH_TOKEN']).toBe('${{ secrets.GITHUB_TOKEN }}');
  });

  it('checks the signing secrets after the install and before anything is built or published', () => {
    const install = steps.findIndex((s) => s.run === 'npm ci');
    expect(install).toBeGreaterThanOrEqual(0);
    expect(guardIndex).toBeGreaterThan(install);
    expect(guardIndex).toBeLessThan(buildIndex);
    expect(guard?.shell).toBe('bash');
    // It runs on every build, and its failure stops the job.
    expect(guard?.if).toBeUndefined();
    expect(guard?.['continue-on-error']).toBeUndefined();
    // Each system's secrets reach the guard and the build on that system only.
    for (const [system, names] of Object.entries(SECRETS)) {
      for (const name of names) expect(guard?.env?.[name], name).toBe(`\${{ runner.os == '${system}' && secrets.${name} || '' }}`);
    }
    for (const name of ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET', 'CSC_LINK', 'CSC_KEY_PASSWORD', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER']) {
      expect(steps[buildIndex]?.env?.[name], name).toBe(guard?.env?.[name]);
    }
  });

  const secretsOf = (system: keyof typeof SECRETS, except: string[] = []): Record<string, string> =>
    Object.fromEntries(SECRETS[system].map((name) => [name, except.includes(name) ? '' : `secret-${name}`]));

  it.each<[keyof typeof SECRETS, string, Record<string, string>]>([
    ['Windows', 'no secrets', {}],
    ['Windows', 'no client secret', secretsOf('Windows', ['AZURE_CLIENT_SECRET'])],
    ['macOS', 'no secrets', {}],
    ['macOS', 'no notary key', secretsOf('macOS', ['APPLE_API_KEY_P8'])],
    ['macOS', 'the Windows secrets only', secretsOf('Windows')],
    ['Linux', 'no release key', {}],
    ['Linux', 'the macOS secrets only', secretsOf('macOS')],
  ])('refuses a %s build with %s, naming what is missing', (system, _label, secrets) => {
    const result = runGuard({ RUNNER_OS: system, UNSIGNED_PREVIEW: 'false', ...secrets });
    expect(result.status).not.toBe(0);
    const missing = SECRETS[system].filter((name) => (secrets[name] ?? '') === '');
    expect(missing.length).toBeGreaterThan(0);
    expect(result.stdout).toContain(`::error::Refusing to publish an unsigned ${system} build`);
    for (const name of missing) expect(result.stdout).toContain(name);
  });

  it.each([
    ['a Windows build with its secrets', { RUNNER_OS: 'Windows', UNSIGNED_PREVIEW: 'false', ...secretsOf('Windows') }],
    ['a macOS build with its secrets', { RUNNER_OS: 'macOS', UNSIGNED_PREVIEW: 'false', ...secretsOf('macOS') }],
    ['a Linux build with its release key', { RUNNER_OS: 'Linux', UNSIGNED_PREVIEW: 'false', ...secretsOf('Linux') }],
    ['an unsigned Windows preview', { RUNNER_OS: 'Windows', UNSIGNED_PREVIEW: 'true' }],
    ['an unsigned macOS preview', { RUNNER_OS: 'macOS', UNSIGNED_PREVIEW: 'true' }],
    ['an unsigned Linux preview', { RUNNER_OS: 'Linux', UNSIGNED_PREVIEW: 'true' }],
  ])('lets %s go on', (_label, env) => {
    const result = runGuard(env);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    if (env.UNSIGNED_PREVIEW === 'true') expect(result.stdout).toMatch(/^::warning::Unsigned preview/u);
  });

  it('signs and publishes a release build as it is, under the version in package.json', () => {
    const { calls, files } = runBuild({ UNSIGNED_PREVIEW: 'false' });
    expect(calls).toEqual(['npx electron-vite build', 'npx electron-builder --publish always']);
    expect(files).toEqual({});
  });

  it('builds a preview unsigned, under its own pre-release version, with release notes that say it is unsigned', () => {
    const { calls, files } = runBuild({ UNSIGNED_PREVIEW: 'true', GITHUB_RUN_NUMBER: '42' });
    expect(calls).toEqual([
      'npm run package:unsigned -- --publish always -c.extraMetadata.version=1.2.3-preview.42 -c.releaseInfo.releaseNotesFile=unsigned-preview.md',
    ]);
    expect(files['unsigned-preview.md']).toMatch(/^\*\*Unsigned preview 1\.2\.3-preview\.42, not a release\.\*\* Built by hand without code signing/u);
  });

  const signIndex = steps.findIndex((s) => s.name === 'Sign the Linux update files');
  const sign = steps[signIndex];

  it('signs the Linux update files after the build, on Linux release builds only, with the release key', () => {
    expect(signIndex).toBeGreaterThan(buildIndex);
    expect(sign?.if).toBe("runner.os == 'Linux' && env.UNSIGNED_PREVIEW != 'true'");
    expect(sign?.shell).toBe('bash');
    expect(sign?.['continue-on-error']).toBeUndefined();
    expect(sign?.env).toEqual({
      GH_TOKEN: '${{ secrets.GITHUB_TOKEN }}',
      WASL_RELEASE_KEY: '${{ secrets.WASL_RELEASE_KEY }}',
    });
    // Signing refuses a key the app at this commit does not trust, as the connector pack's workflow does.
    expect(sign?.run).toContain('node scripts/sign-file.mjs --trusted main/security/pack-keys.ts dist/latest-linux*.yml');
  });

  /**
   * Runs the signing step in a scratch checkout: package.json at 1.2.3, the real scripts/, a dist/ as electron-builder
   * leaves it on Linux, and gh replaced by a stand-in that notes its arguments. `trusted`: a keys module the step
   * trusts in place of main/security/pack-keys.ts (whose keys' private halves only the real secret holds).
   */
  const runSign = (env: Record<string, string>, trusted?: { id: string; publicKey: string }) => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'wasl-release-sign-'));
    const bin = path.join(scratch, 'bin');
    const work = path.join(scratch, 'work');
    const dist = path.join(work, 'dist');
    const log = path.join(scratch, 'gh.log');
    mkdirSync(bin);
    mkdirSync(dist, { recursive: true });
    writeFileSync(path.join(bin, 'gh'), `#!/bin/sh\necho "gh $*" >> "${log}"\n`);
    chmodSync(path.join(bin, 'gh'), 0o755);
    writeFileSync(path.join(work, 'package.json'), JSON.stringify({ name: 'wasl', version: '1.2.3' }));
    symlinkSync(path.join(root, 'scripts'), path.join(work, 'scripts'));
    writeFileSync(path.join(dist, 'Wasl-1.2.3-x86_64.AppImage'), Buffer.alloc(70_000, 'AppImage'));
    writeFileSync(path.join(dist, 'wasl_1.2.3_amd64.deb'), Buffer.alloc(30_000, 'deb'));
    writeFileSync(path.join(dist, 'latest-linux.yml'), 'version: 1.2.3\nfiles:\n  - url: Wasl-1.2.3-x86_64.AppImage\n  - url: wasl_1.2.3_amd64.deb\npath: Wasl-1.2.3-x86_64.AppImage\n');
    let script = sign?.run ?? 'exit 99';
    if (trusted) {
      const keys = path.join(scratch, 'pack-keys.ts');
      writeFileSync(keys, `export const TRUSTED_RELEASE_KEYS = ${JSON.stringify([trusted])};\n`);
      script = script.replace('main/security/pack-keys.ts', keys);
    }
    const result = runStep(script, { ...env, PATH: `${bin}:${process.env['PATH'] ?? ''}` }, work);
    const calls = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter((line) => line !== '') : [];
    return { result, calls, dist, cleanup: () => rmSync(scratch, { recursive: true, force: true }) };
  };

  it('signs each file latest-linux.yml names and uploads the .sig files to the version’s release, signatures the app accepts', async () => {
    const key = generateSigningKey();
    const trusted = { id: keyIdOf(key.publicKey), publicKey: key.publicKey };
    const { result, calls, dist, cleanup } = runSign({ WASL_RELEASE_KEY: key.privateKeyPem }, trusted);
    try {
      expect(result.status).toBe(0);
      expect(calls).toEqual(['gh release upload v1.2.3 dist/Wasl-1.2.3-x86_64.AppImage.sig dist/wasl_1.2.3_amd64.deb.sig --clobber']);
      for (const name of ['Wasl-1.2.3-x86_64.AppImage', 'wasl_1.2.3_amd64.deb']) {
        const deps = { keys: [trusted], fetchSignature: () => Promise.resolve(readFileSync(path.join(dist, `${name}.sig`))) };
        expect(await verifyUpdateFile({ version: '1.2.3', file: path.join(dist, name) }, deps)).toEqual({ ok: true, keyId: trusted.id });
      }
    } finally {
      cleanup();
    }
  });

  it.each([
    ['without the release key', () => ({ WASL_RELEASE_KEY: '' }), 'refusing to leave Linux update files unsigned'],
    ['with a key main/security/pack-keys.ts does not list', () => ({ WASL_RELEASE_KEY: generateSigningKey().privateKeyPem }), 'is not in TRUSTED_RELEASE_KEYS'],
  ])('fails %s, and uploads nothing', (_label, env, message) => {
    const { result, calls, dist, cleanup } = runSign(env());
    try {
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain(message);
      expect(calls).toEqual([]);
      expect(readdirSync(dist).filter((name) => name.endsWith('.sig'))).toEqual([]);
    } finally {
      cleanup();
    }
  });

  it('writes the notary key where the build looks for it, on macOS release builds only', () => {
    const key = steps.findIndex((s) => s.run?.includes('wasl-notary-key.p8') === true);
    expect(key).toBeGreaterThan(guardIndex);
    expect(key).toBeLessThan(buildIndex);
    expect(steps[key]?.if).toBe("runner.os == 'macOS' && env.UNSIGNED_PREVIEW != 'true'");
    expect(steps[key]?.env).toEqual({ APPLE_API_KEY_P8: '${{ secrets.APPLE_API_KEY_P8 }}' });
    expect(steps[buildIndex]?.env?.['APPLE_API_KEY']).toBe("${{ runner.os == 'macOS' && format('{0}/wasl-notary-key.p8', runner.temp) || '' }}");
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
