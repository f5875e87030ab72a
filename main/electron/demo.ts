/**
 * The demo (`npm run demo`, or Help › Start the demo in a development build): Wasl on a fresh profile folder of its
 * own, seeded with the demo's services and shop (main/core/demo/profile.ts), whose service pages are the fixture
 * pages of test/fixtures/platforms served in place of the real sites. Each demo service's session answers its
 * platform's own https origins from the fixture folder and refuses every other request, so nothing leaves the
 * computer. Installed builds carry no fixtures and never start the demo.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { PlatformId } from '../../common/model';
import type { DemoPlatform } from '../core/demo/profile';
import { toDisk, type PersistedDoc } from '../core/settings/document';

/** The switch a development build relaunches itself with to start the demo (`WASL_DEMO=1` does the same). */
export const DEMO_SWITCH = '--wasl-demo';

/** Whether this start is the demo: a development build asked for it by the environment or the switch. */
export function demoRequested(packaged: boolean, env: Readonly<Record<string, string | undefined>>, argv: readonly string[]): boolean {
  return !packaged && (env['WASL_DEMO'] === '1' || argv.includes(DEMO_SWITCH));
}

/** A new, empty profile folder for one demo run, in the system's temporary folder: never the user's own. */
export function createDemoProfileDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'wasl-demo-'));
}

/** Writes the demo's settings into its fresh profile folder, where Wasl then reads them as any settings file. */
export function seedDemoProfile(dir: string, doc: PersistedDoc): void {
  writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(toDisk(doc)));
}

/** The fixture folder (under test/fixtures/platforms) each origin of a demo platform is served from. */
const FIXTURE_DIRS: Record<DemoPlatform, Readonly<Record<string, string>>> = {
  whatsapp: { 'https://web.whatsapp.com': 'whatsapp' },
  telegram: { 'https://web.telegram.org': 'telegram' },
  instagram: { 'https://www.instagram.com': 'instagram' },
  messenger: { 'https://www.facebook.com': 'facebook', 'https://www.messenger.com': 'messenger' },
};

const isDemoPlatform = (platform: PlatformId): platform is keyof typeof FIXTURE_DIRS => Object.hasOwn(FIXTURE_DIRS, platform);

/** The shared fixture engine every fixture page loads from `/lib/`. */
const LIB = '/lib/';

/**
 * The fixture file a request of a `platform` service names under `root` (test/fixtures/platforms): only on that
 * platform's own origins, only inside the platform's folder (or the shared `/lib/`), a folder meaning its
 * index.html. Undefined for anything else.
 */
export function demoFixturePath(rawUrl: string, platform: PlatformId, root: string): string | undefined {
  if (!isDemoPlatform(platform)) return undefined;
  let url: URL;
  let pathname: string;
  try {
    url = new URL(rawUrl);
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  const dir = Object.hasOwn(FIXTURE_DIRS[platform], url.origin) ? FIXTURE_DIRS[platform][url.origin] : undefined;
  if (dir === undefined || pathname.includes('\0')) return undefined;
  const inLib = pathname.startsWith(LIB);
  const base = path.resolve(root, inLib ? 'lib' : dir);
  const file = path.resolve(base, `.${inLib ? pathname.slice(LIB.length - 1) : pathname}`);
  if (file !== base && !file.startsWith(base + path.sep)) return undefined;
  return file;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Answers one request of a demo service's session: the fixture file, or a refusal for anything else. */
export async function serveDemoFixture(request: { url: string }, platform: PlatformId, root: string): Promise<Response> {
  const refused = (): Response => new Response('Not part of the demo', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const named = demoFixturePath(request.url, platform, root);
  if (named === undefined) return refused();
  try {
    const file = (await stat(named)).isDirectory() ? path.join(named, 'index.html') : named;
    const body = await readFile(file);
    return new Response(body, { status: 200, headers: { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' } });
  } catch {
    return refused();
  }
}

/** Starts a second Wasl, in demo mode, beside this one (its own profile folder gives it its own instance lock). */
export function launchDemo(
  spawn: (command: string, args: readonly string[], options: { detached: boolean; stdio: 'ignore' }) => { unref(): void },
  execPath: string,
  argv: readonly string[],
): void {
  spawn(execPath, [...argv.slice(1).filter((arg) => arg !== DEMO_SWITCH), DEMO_SWITCH], { detached: true, stdio: 'ignore' }).unref();
}
