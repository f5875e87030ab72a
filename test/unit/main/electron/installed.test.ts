/**
 * Updates as an installed build starts them (main/electron/installed.ts: startUpdates), end to end but for
 * electron-updater itself: the real controller, adapter and signature check, a fake autoUpdater that "downloads" a
 * real file, and a fake fetch that serves its `.sig`, with keys generated here. On Linux a file signed with a
 * trusted key is offered and installs on quit; changed by one byte, signed with another key, under an unknown key
 * id, or with its `.sig` missing or malformed, it is refused: never installed, not on quit either. Windows and
 * macOS download and install as before, with no signature fetched.
 */
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../common/settings';
import type { HostOs } from '../../../../common/state';
import { createAppStore } from '../../../../main/core/app/app-store';
import { FIRST_CHECK_MS, UpdateController } from '../../../../main/core/updates/updates';
import { startUpdates, type InstalledDeps } from '../../../../main/electron/installed';
import type { AutoUpdaterLike, FetchLike } from '../../../../main/electron/updater';
import { generateSigningKey, signData } from '../../../../main/security/signing';
import { signedUpdateMessage } from '../../../../main/security/update-signature';
import { ManualClock } from '../../../fakes/clock';
import { MemoryLogger } from '../../../fakes/logger';
import { stateOf } from '../../../fakes/state';

const dir = mkdtempSync(path.join(os.tmpdir(), 'wasl-installed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const release = generateSigningKey();
const RELEASES = 'https://github.com/wasl-app/wasl/releases';
const NAME = 'Wasl-1.4.0-x86_64.AppImage';
const SIG_URL = `${RELEASES}/download/v1.4.0/${NAME}.sig`;
const signed = Buffer.concat([Buffer.from('\x7fELF'), Buffer.alloc(200_000, 0x41)]);

/** The signed file with one byte changed, and a key Wasl does not trust. */
const changed = Buffer.from(signed);
changed[100_000] = 0x42;
const stranger = generateSigningKey();

/** The `.sig` the release workflow publishes for `content`. */
function sigFor(content: Buffer, pem = release.privateKeyPem, keyId = 'release-2026'): Buffer {
  const message = signedUpdateMessage(NAME, '1.4.0', createHash('sha512').update(content).digest('hex'));
  return Buffer.from(JSON.stringify({ keyId, signature: signData(message, pem) }));
}

/** electron-updater's autoUpdater: a check finds 1.4.0 and "downloads" `file`; `install` is BaseUpdater's. */
class FakeAutoUpdater extends EventEmitter implements AutoUpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = true;
  logger: object | null = {};
  quitAndInstalls = 0;
  installs: [boolean, boolean][] = [];
  constructor(private readonly file: string) {
    super();
  }
  checkForUpdates(): Promise<null> {
    this.emit('update-available', { version: '1.4.0' });
    this.emit('update-downloaded', { version: '1.4.0', downloadedFile: this.file });
    return Promise.resolve(null);
  }
  quitAndInstall(): void {
    this.quitAndInstalls += 1;
  }
  install(isSilent: boolean, isForceRunAfter: boolean): boolean {
    this.installs.push([isSilent, isForceRunAfter]);
    return true;
  }
}

class FakeApp extends EventEmitter {
  getLoginItemSettings() {
    return { openAtLogin: false, executableWillLaunchAtLogin: false };
  }
  setLoginItemSettings(): void {
    // Login items are not what these tests are about.
  }
}

interface Setup {
  os: HostOs;
  content: Buffer;
  /** What the release serves for the file's `.sig`: its bytes, or an HTTP status. */
  sig: Buffer | number;
  /** False: electron-updater's updater is not a BaseUpdater. */
  installer?: boolean;
}

async function start(setup: Setup) {
  const folder = mkdtempSync(path.join(dir, 'pending-'));
  const file = path.join(folder, NAME);
  writeFileSync(file, setup.content);
  const store = createAppStore(stateOf({ settings: { ...DEFAULT_SETTINGS, updates: true } }));
  const clock = new ManualClock();
  const log = new MemoryLogger();
  const app = new FakeApp();
  const auto = new FakeAutoUpdater(file);
  const updates = new UpdateController({ store, clock, log, prepareQuit: () => undefined });
  const fetched: string[] = [];
  const fetch: FetchLike = (url) => {
    fetched.push(url);
    const { sig } = setup;
    const body = typeof sig === 'number' ? null : new Blob([new Uint8Array(sig)]).stream();
    const status = typeof sig === 'number' ? sig : 200;
    return Promise.resolve({ ok: status === 200, status, body });
  };
  const deps: InstalledDeps = {
    app,
    os: setup.os,
    store,
    updates,
    env: {},
    home: dir,
    execPath: '/opt/Wasl/wasl',
    log,
    releaseKeys: [{ id: 'release-2026', publicKey: release.publicKey }],
    fetch,
    releasesUrl: RELEASES,
  };
  startUpdates(deps, auto, setup.installer === false ? undefined : auto);
  clock.advance(FIRST_CHECK_MS);
  await vi.waitFor(() => expect(store.getState().update.phase).not.toMatch(/checking|downloading/u));
  return { store, log, app, auto, updates, fetched };
}

describe('startUpdates on Linux', () => {
  it('offers a download signed with a trusted key, and installs it on "Restart to Update" or on quit', async () => {
    const h = await start({ os: 'linux', content: signed, sig: sigFor(signed) });
    expect(h.fetched).toEqual([SIG_URL]);
    expect(h.store.getState().update).toMatchObject({ phase: 'ready', version: '1.4.0' });
    // electron-updater's own install on quit never runs on Linux: Wasl's does, now that the file is verified.
    expect(h.auto.autoInstallOnAppQuit).toBe(false);
    h.app.emit('quit', {}, 0);
    expect(h.auto.installs).toEqual([[true, false]]);
    expect(await h.updates.command({ type: 'update.install' })).toEqual({ ok: true });
    expect(h.auto.quitAndInstalls).toBe(1);
  });

  it.each<[string, Buffer, Buffer | number, string]>([
    ['changed by one byte', changed, sigFor(signed), 'bad-signature'],
    ['signed with another key', signed, sigFor(signed, stranger.privateKeyPem), 'bad-signature'],
    ['signed under an unknown key id', signed, sigFor(signed, stranger.privateKeyPem, 'stranger'), 'unknown-key'],
    ['with no .sig', signed, 404, 'missing-signature'],
    ['with a .sig that cannot be fetched', signed, 502, 'missing-signature'],
    ['with a malformed .sig', signed, Buffer.from('{"keyId":"release-2026"}'), 'malformed-signature'],
  ])('refuses a download %s: not offered, never installed, not on quit either', async (_label, content, sig, reason) => {
    const h = await start({ os: 'linux', content, sig });
    expect(h.store.getState().update).toEqual({ phase: 'failed', reason: 'unverified', version: '1.4.0' });
    expect(h.log.lines.filter((l) => l.level === 'warn').map((l) => l.fields?.['reason'])).toEqual([reason]);
    expect(await h.updates.command({ type: 'update.install' })).toEqual({ ok: false, error: 'not-found' });
    h.app.emit('quit', {}, 0);
    expect(h.auto.quitAndInstalls).toBe(0);
    expect(h.auto.installs).toEqual([]);
    expect(h.auto.autoInstallOnAppQuit).toBe(false);
  });

  it('does not start an updater that cannot wait for the check (not a BaseUpdater): it would install unchecked', async () => {
    const h = await start({ os: 'linux', content: signed, sig: sigFor(signed), installer: false });
    expect(h.log.count('error', 'updates are off: this Linux updater cannot wait for the signature check before it installs')).toBe(1);
    expect(h.store.getState().update.phase).toBe('idle');
    expect(await h.updates.command({ type: 'update.check' })).toEqual({ ok: false, error: 'invalid', detail: 'not-installed' });
    expect(h.fetched).toEqual([]);
  });
});

describe('startUpdates on Windows and macOS', () => {
  it.each<HostOs>(['win32', 'darwin'])('%s: a download is ready at once, installs on quit through electron-updater, and no .sig is fetched', async (system) => {
    const h = await start({ os: system, content: changed, sig: 404 });
    expect(h.store.getState().update).toMatchObject({ phase: 'ready', version: '1.4.0' });
    expect(h.fetched).toEqual([]);
    expect(h.auto.autoInstallOnAppQuit).toBe(true);
    expect(h.app.listenerCount('quit')).toBe(0);
    expect(await h.updates.command({ type: 'update.install' })).toEqual({ ok: true });
    expect(h.auto.quitAndInstalls).toBe(1);
  });
});
