/**
 * The connectors release workflow (.github/workflows/connectors.yml), parsed as YAML and its shell steps run here
 * with bash as GitHub runs them: it runs on connectors-v* tags only; refuses to go on without the release key; the
 * tag must name BUILT_IN_PACK_VERSION (checked against this repository with the real script); the connectors' tests
 * run before the pack is built and signed; the feed never goes back to an older pack; both releases are created
 * without the "latest" mark electron-updater reads; and the feed is uploaded over the old one. `gh` is a stand-in
 * that notes its arguments and answers as the case needs.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { BUILT_IN_PACK_VERSION } from '../../../common/pack-version';
import { DEFAULT_OUT, FEED_FILE, packFileName } from '../../../scripts/pack.mjs';

const root = path.resolve(import.meta.dirname, '../../..');

const step = z.strictObject({
  name: z.string().optional(),
  id: z.string().optional(),
  uses: z.string().optional(),
  run: z.string().optional(),
  shell: z.string().optional(),
  if: z.string().optional(),
  env: z.record(z.string(), z.string()).optional(),
  with: z.record(z.string(), z.unknown()).optional(),
  'continue-on-error': z.boolean().optional(),
});
const workflow = z.strictObject({
  name: z.string(),
  on: z.record(z.string(), z.unknown()),
  permissions: z.record(z.string(), z.string()),
  concurrency: z.strictObject({ group: z.string(), 'cancel-in-progress': z.boolean() }),
  jobs: z.record(
    z.string(),
    z.strictObject({ name: z.string(), 'runs-on': z.string(), 'timeout-minutes': z.number(), env: z.record(z.string(), z.string()).optional(), steps: z.array(step).min(1) }),
  ),
});

const connectors = workflow.parse(parse(readFileSync(path.join(root, '.github/workflows/connectors.yml'), 'utf8')));
const steps = connectors.jobs['pack']?.steps ?? [];
const indexOf = (test: (s: z.infer<typeof step>) => boolean): number => {
  const index = steps.findIndex(test);
  expect(index).toBeGreaterThanOrEqual(0);
  return index;
};
const named = (name: string) => indexOf((s) => s.name === name);
const script = (name: string) => steps[named(name)]?.run ?? 'exit 99';

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'wasl-connectors-yml-'));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/**
 * Runs a step's script as GitHub's `shell: bash` does, with only this environment, in a fresh folder that sees
 * this repository's scripts/ and a stand-in `gh` first on the PATH; `gh` notes each call in calls.log, and answers
 * `release view connectors` and `release download` from FAKE_RELEASE (none, error, empty, or the feed's version).
 */
function runStep(run: string, env: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(scratch, 'step-'));
  const bin = path.join(dir, 'bin');
  const work = path.join(dir, 'work');
  const log = path.join(dir, 'calls.log');
  const output = path.join(dir, 'github-output');
  mkdirSync(bin);
  mkdirSync(work);
  symlinkSync(path.join(root, 'scripts'), path.join(work, 'scripts'));
  writeFileSync(
    path.join(bin, 'gh'),
    [
      '#!/bin/bash',
      `printf '%s\\n' "gh $*" >> "${log}"`,
      'if [ "$1 $2 $3" = "release view connectors" ]; then',
      '  case "$FAKE_RELEASE" in',
      '    none) echo "release not found" >&2; exit 1 ;;',
      '    error) echo "HTTP 502: Bad Gateway" >&2; exit 1 ;;',
      '    empty) exit 0 ;;',
      '    *) printf "%s\\n" other.txt connectors-feed.json; exit 0 ;;',
      '  esac',
      'fi',
      'if [ "$1 $2" = "release download" ]; then',
      '  dir="${@: -2:1}"; mkdir -p "$dir"',
      '  printf \'{"format":1,"version":"%s","url":"https://github.com/o/r/releases/download/connectors-v%s/wasl-connectors-%s.json"}\' "$FAKE_RELEASE" "$FAKE_RELEASE" "$FAKE_RELEASE" > "$dir/connectors-feed.json"',
      'fi',
    ].join('\n'),
  );
  chmodSync(path.join(bin, 'gh'), 0o755);
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', run], {
    env: { PATH: `${bin}:${process.env['PATH'] ?? ''}`, GITHUB_OUTPUT: output, ...env },
    cwd: work,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((line) => line !== '') : []);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, calls: read(log), outputs: read(output) };
}

describe('connectors.yml', () => {
  it('runs on connectors-v* tags only, one at a time, allowed to write releases', () => {
    expect(connectors.on).toEqual({ push: { tags: ['connectors-v*'] } });
    expect(connectors.permissions).toEqual({ contents: 'write' });
    expect(connectors.concurrency).toEqual({ group: 'connectors-release', 'cancel-in-progress': false });
  });

  it('guards, installs with the .nvmrc Node, checks the tag, tests, builds and signs, then publishes the pack and then the feed', () => {
    const order = [
      named('The release key is set'),
      indexOf((s) => s.uses?.startsWith('actions/checkout@') === true),
      indexOf((s) => s.run === 'npm ci'),
      named("The tag names the built-in pack's version"),
      named('Connector tests'),
      named('Build and sign the pack'),
      named('The feed moves forward only'),
      named('Publish the pack'),
      named('Point the feed at it'),
    ];
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node@') === true)?.with).toEqual({ 'node-version-file': '.nvmrc', cache: 'npm' });
    for (const s of steps) {
      if (s.uses !== undefined) expect(s.uses).toMatch(/^[\w.-]+\/[\w.-]+@v\d+$/u);
      // Every step runs, and a failing one stops the release.
      expect(s.if).toBeUndefined();
      expect(s['continue-on-error']).toBeUndefined();
    }
  });

  it('is the way the README tells maintainers to ship a connector fix', () => {
    const section = /### Connector packs\n([\s\S]*?)\n## /u.exec(readFileSync(path.join(root, 'README.md'), 'utf8'))?.[1] ?? '';
    for (const words of ['.github/workflows/connectors.yml', '`connectors-v<that version>`', 'BUILT_IN_PACK_VERSION', 'common/pack-version.ts', 'WASL_RELEASE_KEY', 'npm run keys:generate']) {
      expect(section, words).toContain(words);
    }
  });

  describe('the release key guard', () => {
    const guard = steps[named('The release key is set')];

    it('reads the repository secret, and refuses to go on without it', () => {
      expect(guard?.env).toEqual({ WASL_RELEASE_KEY: '${{ secrets.WASL_RELEASE_KEY }}' });
      for (const env of [{}, { WASL_RELEASE_KEY: '' }] as Record<string, string>[]) {
        const result = runStep(guard?.run ?? 'exit 99', { ...env, GITHUB_REF_NAME: 'connectors-v1.2.3' });
        expect(result.status).toBe(1);
        expect(result.stdout).toContain('::error::Refusing to release connectors-v1.2.3 unsigned: the repository secret WASL_RELEASE_KEY is not set');
        expect(result.stdout).toContain('npm run keys:generate');
      }
    });

    it('lets a release with the key go on, without printing it', () => {
      const result = runStep(guard?.run ?? 'exit 99', { WASL_RELEASE_KEY: 'secret-key-text', GITHUB_REF_NAME: 'connectors-v1.2.3' });
      expect(result.status).toBe(0);
      expect(result.stdout).not.toContain('secret-key-text');
    });
  });

  describe('the tag check, against this repository', () => {
    const run = script("The tag names the built-in pack's version");

    it('lets connectors-v<BUILT_IN_PACK_VERSION> through', () => {
      const result = runStep(run, { GITHUB_REF_NAME: `connectors-v${BUILT_IN_PACK_VERSION}` });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(`connectors-v${BUILT_IN_PACK_VERSION} releases BUILT_IN_PACK_VERSION ${BUILT_IN_PACK_VERSION}.\n`);
    });

    it('fails on any other version, saying what to change', () => {
      const other = BUILT_IN_PACK_VERSION.replace(/\d+$/u, (patch) => String(Number(patch) + 1));
      const result = runStep(run, { GITHUB_REF_NAME: `connectors-v${other}` });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`but common/pack-version.ts says BUILT_IN_PACK_VERSION = '${BUILT_IN_PACK_VERSION}' at this commit`);
    });
  });

  it('runs the connectors’ unit tests, the pack’s own test and the connectors in Chromium', () => {
    const tests = steps[named('Connector tests')];
    const lines = (tests?.run ?? '').trim().split('\n');
    expect(lines).toContain('npx vitest run --project unit test/unit/preload test/unit/scripts/pack.test.ts');
    expect(lines).toContain('npx vitest run --project browser test/browser/connectors test/browser/service-worker-notifications.test.ts');
    for (const file of ['test/unit/preload', 'test/unit/scripts/pack.test.ts', 'test/browser/connectors', 'test/browser/service-worker-notifications.test.ts']) {
      expect(existsSync(path.join(root, file)), file).toBe(true);
    }
    expect(tests?.env?.['WASL_CHROMIUM']).toBe('${{ steps.chromium.outputs.chrome-path }}');
    expect(steps.find((s) => s.id === 'chromium')?.uses).toMatch(/^browser-actions\/setup-chrome@v\d+$/u);
  });

  it('builds the tag’s version and signs it with the secret, for this repository, with a key the app trusts', () => {
    const sign = steps[named('Build and sign the pack')];
    expect(sign?.env).toEqual({ WASL_RELEASE_KEY: '${{ secrets.WASL_RELEASE_KEY }}' });
    expect((sign?.run ?? '').trim().split('\n')).toEqual([
      'node scripts/pack.mjs build --version "${GITHUB_REF_NAME#connectors-v}"',
      'node scripts/pack.mjs sign --repo "$GITHUB_REPOSITORY" --trusted main/security/pack-keys.ts',
    ]);
    expect(existsSync(path.join(root, 'main/security/pack-keys.ts'))).toBe(true);
  });

  describe('the feed check', () => {
    const run = script('The feed moves forward only');
    const check = (release: string) => runStep(run, { FAKE_RELEASE: release, GITHUB_REF_NAME: 'connectors-v1.2.3' });

    it('starts the feed when there is no connectors release yet', () => {
      const result = check('none');
      expect(result.status).toBe(0);
      expect(result.outputs).toEqual(['release=false']);
      expect(result.calls).toEqual(['gh release view connectors --json assets --jq .assets[].name']);
    });

    it('replaces a feed that is older or the same (a release run again)', () => {
      for (const version of ['1.2.2', '1.2.3']) {
        const result = check(version);
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        expect(result.outputs).toEqual(['release=true']);
        expect(result.calls).toContain('gh release download connectors --pattern connectors-feed.json --dir dist/previous-feed --clobber');
        expect(result.stdout).toContain('The feed may move to connectors 1.2.3.');
      }
    });

    it('fills a connectors release that has no feed', () => {
      const result = check('empty');
      expect(result.status).toBe(0);
      expect(result.outputs).toEqual(['release=true']);
      expect(result.calls.some((call) => call.includes('download'))).toBe(false);
    });

    it('fails on a feed that offers a newer pack, before anything is published', () => {
      const result = check('1.2.4');
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('The feed already offers connectors 1.2.4, newer than 1.2.3: the feed never goes back.');
    });

    it('fails when it cannot read the connectors release, rather than starting a second feed', () => {
      const result = check('error');
      expect(result.status).toBe(1);
      expect(result.stdout).toContain('::error::Cannot read the connectors release: HTTP 502: Bad Gateway');
      expect(result.outputs).toEqual([]);
    });
  });

  it('publishes the signed pack on the tag’s release, not marked latest', () => {
    const publish = steps[named('Publish the pack')];
    expect(publish?.env).toEqual({ GH_TOKEN: '${{ secrets.GITHUB_TOKEN }}' });
    const result = runStep(publish?.run ?? 'exit 99', { GITHUB_REF_NAME: 'connectors-v1.2.3' });
    expect(result.status).toBe(0);
    expect(result.calls).toHaveLength(1);
    // The file the sign step wrote, where it wrote it.
    const pack = path.join(path.relative(root, DEFAULT_OUT), packFileName('1.2.3'));
    expect(result.calls[0]?.startsWith(`gh release create connectors-v1.2.3 ${pack} --verify-tag --latest=false --title Connectors 1.2.3 --notes `)).toBe(true);
  });

  describe('the feed', () => {
    const feed = steps[named('Point the feed at it')];
    const point = (release: string) => runStep(feed?.run ?? 'exit 99', { FEED_RELEASE: release, GITHUB_SHA: 'abc123' });

    const upload = `gh release upload connectors ${path.join(path.relative(root, DEFAULT_OUT), FEED_FILE)} --clobber`;

    it('replaces connectors-feed.json on the rolling release', () => {
      expect(feed?.env).toEqual({ GH_TOKEN: '${{ secrets.GITHUB_TOKEN }}', FEED_RELEASE: '${{ steps.feed.outputs.release }}' });
      const result = point('true');
      expect(result.status).toBe(0);
      expect(result.calls).toEqual([upload]);
    });

    it('creates the rolling release first when there is none, not marked latest', () => {
      const result = point('false');
      expect(result.status).toBe(0);
      expect(result.calls).toHaveLength(2);
      expect(result.calls[0]).toMatch(/^gh release create connectors --target abc123 --latest=false --title Connector pack feed --notes /u);
      expect(result.calls[1]).toBe(upload);
    });
  });
});
