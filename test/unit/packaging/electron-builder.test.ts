/**
 * electron-builder.yml: valid against electron-builder's own JSON schema, and saying what Wasl ships: the fuses,
 * the targets per OS, icons that exist, and an app archive that holds the build output and no sources.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { Configuration, TargetConfiguration } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { CATALOG_ORDER, PLATFORMS, UNAVAILABLE_PLATFORMS } from '../../../common/catalog';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const CONFIG_FILE = path.join(ROOT, 'electron-builder.yml');
const SCHEMA_FILE = path.join(ROOT, 'node_modules/app-builder-lib/scheme.json');
const README_FILE = path.join(ROOT, 'README.md');
const PACKAGE_FILE = path.join(ROOT, 'package.json');

type FuseOptions = NonNullable<Configuration['electronFuses']>;

/** Every fuse the brief fixes, typed against electron-builder's own FuseOptionsV1 so a misspelt key fails tsc. */
const EXPECTED_FUSES: Required<Omit<FuseOptions, 'loadBrowserProcessSpecificV8Snapshot' | 'resetAdHocDarwinSignature'>> = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
};

function readConfigText(): string {
  return readFileSync(CONFIG_FILE, 'utf8');
}

/**
 * The schema electron-builder validates its configuration with. It is draft-07 and compiles in Ajv's strict mode
 * once union types (`"type": ["null", "string"]`) are allowed and its one non-standard keyword is declared:
 * `typeof` marks options that may be functions in a JS config. electron-builder itself runs Ajv with
 * `strict: false`, which ignores that keyword; declaring it as an annotation gives the same result while keeping
 * every other strict check (and no type coercion, unlike electron-builder's `coerceTypes: true`).
 */
function compileSchema(): ValidateFunction {
  const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true });
  ajv.addKeyword({ keyword: 'typeof', schemaType: 'string' });
  const schema: unknown = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
  if (typeof schema !== 'object' || schema === null) throw new Error('scheme.json is not a JSON object');
  return ajv.compile(schema);
}

function describeErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Target names of one OS section, whatever form electron-builder accepts (string, object or a list of both). */
function targetNames(target: unknown): string[] {
  const list: unknown[] = Array.isArray(target) ? target : [target];
  return list.map((t) => {
    if (typeof t === 'string') return t;
    if (isRecord(t) && typeof t['target'] === 'string') return t['target'];
    throw new Error(`unexpected target ${JSON.stringify(t)}`);
  });
}

function targetArchs(target: unknown, name: string): string[] {
  const list: unknown[] = Array.isArray(target) ? target : [target];
  const entry = list.find((t): t is TargetConfiguration => isRecord(t) && t['target'] === name);
  if (entry?.arch === undefined) return [];
  return Array.isArray(entry.arch) ? [...entry.arch] : [entry.arch];
}

/** Every string under a key that names a file the build reads: icons, installer icons, entitlements, backgrounds. */
function referencedFiles(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) referencedFiles(item, found);
  } else if (isRecord(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string' && /(icon|entitlements\w*|background|license)$/i.test(key)) found.push(value);
      else referencedFiles(value, found);
    }
  }
  return found;
}

/** The `-c.<path>=<value>` overrides of an electron-builder command line, as electron-builder reads them. */
function overrides(command: string): [string[], unknown][] {
  return command
    .split(/\s+/u)
    .filter((arg) => arg.startsWith('-c.'))
    .map((arg) => {
      const [key = '', raw = ''] = arg.slice('-c.'.length).split('=', 2);
      const value = raw === 'null' ? null : raw === 'true' ? true : raw === 'false' ? false : raw;
      return [key.split('.'), value];
    });
}

/** A copy of a configuration with command-line overrides applied, as electron-builder merges them. */
function withOverrides(config: unknown, changes: [string[], unknown][]): unknown {
  const copy: unknown = structuredClone(config);
  for (const [keys, value] of changes) {
    let node: unknown = copy;
    for (const key of keys.slice(0, -1)) {
      if (!isRecord(node)) throw new Error(`${keys.join('.')}: no such section`);
      node[key] ??= {};
      node = node[key];
    }
    if (!isRecord(node)) throw new Error(`${keys.join('.')}: no such section`);
    node[keys.at(-1) ?? ''] = value;
  }
  return copy;
}

/**
 * electron-builder's file patterns as a matcher: minimatch-style globs (`**` crosses folders, `*` does not),
 * `!` excludes, and the last pattern that matches a path decides, as in electron-builder's own filter.
 */
function fileMatcher(patterns: readonly string[]): (file: string) => boolean {
  const compiled = patterns.map((pattern) => {
    const exclude = pattern.startsWith('!');
    const glob = exclude ? pattern.slice(1) : pattern;
    let source = '';
    for (let i = 0; i < glob.length; i += 1) {
      const char = glob.charAt(i);
      if (char === '*' && glob.charAt(i + 1) === '*') {
        const slash = glob.charAt(i + 2) === '/';
        source += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else if (char === '*') source += '[^/]*';
      else if (char === '?') source += '[^/]';
      else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    return { exclude, regex: new RegExp(`^${source}$`) };
  });
  return (file) => {
    let included = false;
    for (const { exclude, regex } of compiled) if (regex.test(file)) included = !exclude;
    return included;
  };
}

/** The repository's own files (what electron-builder would see in the project folder), minus dependencies. */
function projectFiles(dir = ROOT, prefix = ''): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', '.git', 'dist'].includes(entry.name)) continue;
    const relative = prefix + entry.name;
    if (entry.isDirectory()) files.push(...projectFiles(path.join(dir, entry.name), `${relative}/`));
    else files.push(relative);
  }
  return files;
}

describe('electron-builder.yml', () => {
  let validate: ValidateFunction;
  let config: Configuration;

  beforeAll(() => {
    validate = compileSchema();
    const parsed: unknown = parse(readConfigText());
    // The schema is electron-builder's description of `Configuration`: passing it is what makes the file one.
    const isConfiguration = (value: unknown): value is Configuration => validate(value);
    if (!isConfiguration(parsed)) throw new Error(`invalid configuration: ${describeErrors(validate.errors).join('; ')}`);
    config = parsed;
  });

  it("is valid against electron-builder's own JSON schema", () => {
    const valid = validate(parse(readConfigText()));
    expect(describeErrors(validate.errors)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check is real: a broken copy is rejected, naming each mistake', () => {
    const broken: unknown = parse(readConfigText());
    if (!isRecord(broken)) throw new Error('not a mapping');
    const fuses = broken['electronFuses'];
    const nsis = broken['nsis'];
    const mac = broken['mac'];
    if (!isRecord(fuses) || !isRecord(nsis) || !isRecord(mac)) throw new Error('expected sections missing');
    fuses['runAsNode'] = 'no'; // a string where a boolean belongs
    fuses['runAsnode'] = false; // a misspelt fuse
    nsis['oneclick'] = false; // a misspelt NSIS option
    mac['hardenedRuntime'] = 1; // a number where a boolean belongs
    broken['publish'] = { provider: 'github', owner: 'wasl-app', repository: 'wasl' }; // `repo`, not `repository`

    expect(validate(broken)).toBe(false);
    const errors = validate.errors ?? [];
    const at = (pointer: string) => errors.filter((e) => e.instancePath === pointer);
    expect(at('/electronFuses/runAsNode').map((e) => e.keyword)).toContain('type');
    expect(at('/electronFuses').map((e) => e.params)).toContainEqual({ additionalProperty: 'runAsnode' });
    expect(at('/nsis').map((e) => e.params)).toContainEqual({ additionalProperty: 'oneclick' });
    expect(at('/mac/hardenedRuntime').map((e) => e.keyword)).toContain('type');
    expect(at('/publish').map((e) => e.params)).toContainEqual({ additionalProperty: 'repository' });
  });

  it('names the app, writes to dist/ and packs an asar archive', () => {
    expect(config.appId).toBe('app.wasl.desktop');
    expect(config.productName).toBe('Wasl');
    expect(config.directories?.output).toBe('dist');
    expect(config.asar).toBe(true);
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toEqual(EXPECTED_FUSES);
  });

  it('publishes to the wasl-app/wasl GitHub releases', () => {
    expect(config.publish).toMatchObject({ provider: 'github', owner: 'wasl-app', repo: 'wasl' });
  });

  it('builds an AppImage and a .deb for Linux, with a desktop entry in Network;InstantMessaging', () => {
    const linux = config.linux;
    expect(targetNames(linux?.target).sort()).toEqual(['AppImage', 'deb']);
    expect(targetArchs(linux?.target, 'AppImage')).toContain('x64');
    expect(targetArchs(linux?.target, 'deb')).toContain('x64');
    expect(linux?.category).toBe('Network;InstantMessaging');
    expect(linux?.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
    expect(linux?.synopsis).toBeTruthy();
    const entry: unknown = linux?.desktop?.entry;
    if (!isRecord(entry)) throw new Error('linux.desktop.entry is missing');
    expect(entry['Name']).toBe('Wasl');
    for (const value of Object.values(entry)) expect(typeof value).toBe('string');
    // Electron takes the window's app id from desktopName: it must be the installed .desktop file's name.
    expect(linux?.syncDesktopName).toBe(true);
    expect(config.extraMetadata).toMatchObject({ desktopName: `${linux?.executableName ?? ''}.desktop` });
  });

  it('builds an assisted NSIS installer for Windows: per-user by default, folder choice, shortcuts', () => {
    expect(targetNames(config.win?.target)).toEqual(['nsis']);
    expect(targetArchs(config.win?.target, 'nsis')).toContain('x64');
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
    });
    expect(config.nsis?.artifactName).toMatch(/Setup.*\$\{ext\}$/);
  });

  it('builds a dmg and a zip for macOS (Apple silicon and Intel) with the hardened runtime', () => {
    const mac = config.mac;
    expect(targetNames(mac?.target).sort()).toEqual(['dmg', 'zip']);
    for (const name of ['dmg', 'zip']) expect(targetArchs(mac?.target, name).sort()).toEqual(['arm64', 'x64']);
    expect(mac?.category).toBe('public.app-category.social-networking');
    expect(mac?.hardenedRuntime).toBe(true);
    const plist = readFileSync(path.join(ROOT, mac?.entitlements ?? 'missing'), 'utf8');
    expect(plist).toContain('<key>com.apple.security.cs.allow-jit</key>');
    expect(plist).toContain('<key>com.apple.security.device.camera</key>');
    expect(plist).toContain('<key>com.apple.security.device.audio-input</key>');
    expect(mac?.extendInfo).toMatchObject({
      NSCameraUsageDescription: expect.any(String) as unknown,
      NSMicrophoneUsageDescription: expect.any(String) as unknown,
    });
  });

  it('signs Windows builds with Azure Trusted Signing, naming the publisher electron-updater checks updates against', () => {
    const win = config.win;
    const azure = win?.azureSignOptions;
    if (!azure) throw new Error('win.azureSignOptions is missing');
    for (const field of ['publisherName', 'endpoint', 'codeSigningAccountName', 'certificateProfileName'] as const) {
      expect(azure[field], field).toMatch(/\S/u);
    }
    expect(new URL(azure.endpoint).protocol).toBe('https:');
    expect(new URL(azure.endpoint).hostname).toMatch(/^[a-z]+\.codesigning\.azure\.net$/u);
    // Signtool options would take over from Azure; the publisher name must reach app-update.yml.
    expect(win.signtoolOptions).toBeUndefined();
    expect(win.verifyUpdateCodeSignature).toBe(true);
    expect(win.signExecutable).not.toBe(false);
    expect(win.forceCodeSigning).toBe(true);
  });

  it('signs macOS builds under the hardened runtime and notarizes them, refusing to build unsigned', () => {
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.mac?.notarize).toBe(true);
    expect(config.mac?.forceCodeSigning).toBe(true);
    expect(config.mac?.identity).toBeUndefined();
    // The entitlements it signs with, the same for the app and its helpers (test/unit/packaging/entitlements.test.ts reads them).
    expect(config.mac?.entitlements).toBe('assets/entitlements.mac.plist');
    expect(config.mac?.entitlementsInherit).toBe('assets/entitlements.mac.plist');
  });

  it('builds unsigned only through `npm run package:unsigned`, whose overrides are valid and turn every signing step off', () => {
    const scripts = z.object({ scripts: z.record(z.string(), z.string()) }).parse(JSON.parse(readFileSync(PACKAGE_FILE, 'utf8'))).scripts;
    expect(scripts['package']).toBe('electron-vite build && electron-builder');
    const unsigned = scripts['package:unsigned'] ?? '';
    expect(unsigned).toMatch(/^electron-vite build && electron-builder /u);
    const changes = overrides(unsigned);
    expect(changes.map(([keys]) => keys.join('.')).sort()).toEqual(['mac.forceCodeSigning', 'mac.identity', 'win.forceCodeSigning', 'win.signExecutable']);
    const changed = withOverrides(parse(readConfigText()), changes);
    expect(describeErrors(validate(changed) ? [] : validate.errors)).toEqual([]);
    expect(changed).toMatchObject({
      mac: { identity: null, forceCodeSigning: false, hardenedRuntime: true },
      win: { signExecutable: false, forceCodeSigning: false },
    });
  });

  it('takes its icons from assets/, and every file it names exists', () => {
    expect(config.linux?.icon).toBe('assets/icons');
    expect(config.win?.icon).toBe('assets/icon.ico');
    expect(config.mac?.icon).toBe('assets/icon.png');
    const referenced = referencedFiles(config);
    expect(referenced.length).toBeGreaterThanOrEqual(5);
    for (const file of referenced) expect(existsSync(path.join(ROOT, file)), file).toBe(true);
    // A Linux icon folder is read by file name: every NxN.png from 16 to 512.
    const linuxIcons = readdirSync(path.join(ROOT, 'assets/icons'));
    for (const size of [16, 32, 48, 64, 128, 256, 512]) expect(linuxIcons).toContain(`${size}x${size}.png`);
  });

  it('packs the build output, package.json and the runtime icons, and no sources, tests or icon sources', () => {
    const patterns = config.files;
    if (!Array.isArray(patterns) || !patterns.every((p): p is string => typeof p === 'string')) {
      throw new Error('files must be a list of glob patterns');
    }
    for (const pattern of patterns) expect(pattern, pattern).not.toMatch(/^(\*\*\/?\*?|\*|\.\/?\*?\*?)$/);
    const included = fileMatcher(patterns);

    for (const file of ['package.json', 'out/main/index.js', 'out/preload/shell.cjs', 'out/renderer/index.html']) {
      expect(included(file), file).toBe(true);
    }
    for (const file of ['assets/icon.png', 'assets/tray/tray.png', 'assets/tray/tray@2x.png', 'assets/tray/trayTemplate@2x.png']) {
      expect(included(file), file).toBe(true);
    }
    const repository = projectFiles();
    const sources = repository.filter((file) => /\.(ts|tsx|mts|cts)$/.test(file) || /^(common|main|preload|renderer|test|scripts|bench|\.ci)\//.test(file));
    expect(sources.length).toBeGreaterThan(10);
    const packed = repository.filter(included);
    expect(packed.filter((file) => sources.includes(file))).toEqual([]);
    // The demo's fixture pages (main/electron/demo.ts) stay in the repository: installed builds have no demo.
    expect(repository.filter((file) => file.startsWith('test/fixtures/platforms/')).length).toBeGreaterThan(10);
    expect(packed.filter((file) => file.startsWith('test/fixtures/'))).toEqual([]);
    expect(packed.filter((file) => file.endsWith('.svg') || file.endsWith('.ico') || file.startsWith('assets/icons/'))).toEqual([]);
    expect(packed.filter((file) => /(^|\/)(README\.md|LICENSE|electron-builder\.yml|package-lock\.json|tsconfig[^/]*\.json)$/.test(file))).toEqual([]);
    // The runtime icons travel inside the asar (read via app.getAppPath()), so nothing is copied beside it.
    expect(config.extraResources).toBeUndefined();
    expect(config.extraFiles).toBeUndefined();
  });
});

/** An electron-builder artifact name, as the README shows it to users (the version left as `<version>`). */
function artifactName(pattern: string, arch: string, ext: string): string {
  const macros: Record<string, string> = { productName: 'Wasl', name: 'wasl', version: '<version>', arch, ext };
  return pattern.replace(/\$\{(\w+)\}/g, (_match, key: string) => macros[key] ?? `\${${key}}`);
}

/** The cells of the README's platform tables (between the `platforms:start` and `platforms:end` markers). */
function readmePlatformRows(): string[][] {
  const block = /<!-- platforms:start -->([\s\S]*?)<!-- platforms:end -->/.exec(readFileSync(README_FILE, 'utf8'))?.[1];
  if (block === undefined) throw new Error('README.md has no platforms:start/platforms:end block');
  return block
    .split('\n')
    .filter((line) => line.startsWith('|') && !line.startsWith('| ---'))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
}

describe('README.md, the front door of each release', () => {
  it('lists every catalog platform with its web client and what the catalog says it supports', () => {
    const rows = readmePlatformRows();
    const mark = (supported: boolean) => (supported ? '✓' : '—');
    for (const id of CATALOG_ORDER) {
      const { name, startUrl, supports } = PLATFORMS[id];
      const open = supports.openChatByUrl ? '✓ by link' : supports.chatList ? '✓ by clicking it' : '—';
      const client = id === 'custom' ? 'any https address you enter' : startUrl;
      expect(rows.find((row) => row[0] === name)).toEqual([
        name,
        client,
        mark(supports.unread),
        mark(supports.chatList),
        open,
        mark(supports.notifications),
      ]);
    }
  });

  it("lists every platform without a web client with the catalog's reason", () => {
    const rows = readmePlatformRows();
    for (const { name, reason } of UNAVAILABLE_PLATFORMS) expect(rows.find((row) => row[0] === name)).toEqual([name, reason]);
    // Two header rows, and nothing the catalog does not know about.
    expect(rows).toHaveLength(2 + CATALOG_ORDER.length + UNAVAILABLE_PLATFORMS.length);
  });

  it('names the installer files electron-builder.yml produces', () => {
    const parsed: unknown = parse(readConfigText());
    if (!isRecord(parsed)) throw new Error('not a mapping');
    const section = (key: string): Record<string, unknown> => {
      const value = parsed[key];
      if (!isRecord(value)) throw new Error(`${key} is missing`);
      return value;
    };
    const pattern = (key: string): string => {
      const value = section(key)['artifactName'];
      if (typeof value !== 'string') throw new Error(`${key}.artifactName is missing`);
      return value;
    };
    const readme = readFileSync(README_FILE, 'utf8');
    const expected = [
      artifactName(pattern('appImage'), 'x86_64', 'AppImage'),
      artifactName('${name}_${version}_${arch}.${ext}', 'amd64', 'deb'), // electron-builder's own name for a .deb
      artifactName(pattern('nsis'), 'x64', 'exe'),
      artifactName(pattern('dmg'), 'arm64', 'dmg'),
      artifactName(pattern('dmg'), 'x64', 'dmg'),
    ];
    expect(section('deb')['artifactName']).toBeUndefined();
    for (const file of expected) expect(readme, file).toContain(`\`${file}\``);
    expect(readme).toContain('https://github.com/wasl-app/wasl/releases/latest');
    // Until a release is out, the README says how to make the same files, and where they appear.
    expect(readme).toContain('npm ci && npm run package:unsigned');
    expect(readme).toContain('`dist/`');
    expect(readme).toContain('**No release is published yet.**');
  });
});
