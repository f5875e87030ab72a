/**
 * The electron-updater adapter (main/electron/updater.ts) against a fake autoUpdater: its events mapped, installs
 * silent, no unhandled rejection; on Linux, electron-updater's own install on quit off for good and Wasl's only
 * when the controller allows it; and where a Linux update's `.sig` is fetched from, read no further than a
 * signature file can be long.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { UpdaterEvent } from '../../../../main/core/updates/updates';
import { MAX_SIGNATURE_BYTES } from '../../../../main/security/update-signature';
import { electronUpdater, releaseSignatures, SIGNATURE_TIMEOUT_MS, type AutoUpdaterLike, type FetchLike } from '../../../../main/electron/updater';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** electron-updater's autoUpdater as far as the adapter touches it. */
class FakeAutoUpdater extends EventEmitter implements AutoUpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = true;
  logger: object | null = {};
  installs: [boolean | undefined, boolean | undefined][] = [];
  next: () => Promise<{ downloadPromise?: Promise<unknown> | null } | null> = () => Promise.resolve(null);

  checkForUpdates(): Promise<{ downloadPromise?: Promise<unknown> | null } | null> {
    return this.next();
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

/** Linux: the installer Wasl runs on quit itself, and the app's 'quit' event. */
class QuitInstaller {
  runs: [boolean, boolean][] = [];
  private listeners: ((exitCode: number) => void)[] = [];
  install(isSilent: boolean, isForceRunAfter: boolean): boolean {
    this.runs.push([isSilent, isForceRunAfter]);
    return true;
  }
  onQuit(listener: (exitCode: number) => void): void {
    this.listeners.push(listener);
  }
  quit(exitCode = 0): void {
    for (const listener of this.listeners) listener(exitCode);
  }
}

describe('electronUpdater: the adapter', () => {
  it('downloads automatically, keeps electron-updater’s own logging out, and maps its events', () => {
    const auto = new FakeAutoUpdater();
    const port = electronUpdater(auto);
    expect(auto.autoDownload).toBe(true);
    expect(auto.logger).toBeNull();
    const events: UpdaterEvent[] = [];
    port.onEvent((event) => events.push(event));
    auto.emit('update-available', { version: '1.4.0', files: [] });
    auto.emit('download-progress', { percent: 12.5, total: 100, transferred: 12 });
    auto.emit('update-downloaded', { version: '1.4.0', files: [], downloadedFile: '/cache/pending/Wasl-1.4.0-x86_64.AppImage' });
    auto.emit('update-not-available', { version: '1.3.0' });
    auto.emit('error', new Error('offline'), 'stack…');
    expect(events).toEqual([
      { type: 'available', version: '1.4.0' },
      { type: 'progress', percent: 12.5 },
      { type: 'downloaded', version: '1.4.0', file: '/cache/pending/Wasl-1.4.0-x86_64.AppImage' },
      { type: 'not-available' },
      { type: 'error', message: 'offline' },
    ]);
  });

  it('installs silently and starts the new version; install on quit follows the port (Windows, macOS)', () => {
    const auto = new FakeAutoUpdater();
    const port = electronUpdater(auto);
    port.setInstallOnQuit(false);
    expect(auto.autoInstallOnAppQuit).toBe(false);
    port.setInstallOnQuit(true);
    expect(auto.autoInstallOnAppQuit).toBe(true);
    port.quitAndInstall();
    expect(auto.installs).toEqual([[true, true]]);
  });

  it('rejects a failed check, and leaves no unhandled rejection behind a failed download', async () => {
    const auto = new FakeAutoUpdater();
    const port = electronUpdater(auto);
    auto.next = () => Promise.reject(new Error('no network'));
    await expect(port.check()).rejects.toThrow('no network');
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    auto.next = () => Promise.resolve({ downloadPromise: Promise.reject(new Error('disk full')) });
    await port.check();
    await settle();
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
  });
});

describe('electronUpdater on Linux: Wasl installs on quit itself', () => {
  it('turns electron-updater’s own install on quit off, whatever the port is told', () => {
    const auto = new FakeAutoUpdater();
    const port = electronUpdater(auto, new QuitInstaller());
    expect(auto.autoInstallOnAppQuit).toBe(false);
    port.setInstallOnQuit(true);
    expect(auto.autoInstallOnAppQuit).toBe(false);
  });

  it('installs on a clean quit only once the port allows it, silently and without restarting', () => {
    const installer = new QuitInstaller();
    const port = electronUpdater(new FakeAutoUpdater(), installer);
    installer.quit();
    expect(installer.runs).toEqual([]);
    port.setInstallOnQuit(true);
    installer.quit(1);
    expect(installer.runs).toEqual([]);
    port.setInstallOnQuit(false);
    installer.quit();
    expect(installer.runs).toEqual([]);
    port.setInstallOnQuit(true);
    installer.quit();
    expect(installer.runs).toEqual([[true, false]]);
  });

  it('does not run the installer again on the quit "Restart to Update" causes', () => {
    const auto = new FakeAutoUpdater();
    const installer = new QuitInstaller();
    const port = electronUpdater(auto, installer);
    port.setInstallOnQuit(true);
    port.quitAndInstall();
    installer.quit();
    expect(auto.installs).toEqual([[true, true]]);
    expect(installer.runs).toEqual([]);
  });
});

/** A fetch that answers `status` with `body` (in chunks of `chunk` bytes), noting each URL and whether a deadline came with it. */
function fakeFetch(status: number, body: Uint8Array | null, chunk = 1024) {
  const calls: { url: string; signal: AbortSignal }[] = [];
  let pulled = 0;
  const fetch: FetchLike = (url, init) => {
    calls.push({ url, signal: init.signal });
    const stream =
      body === null
        ? null
        : new ReadableStream<Uint8Array>({
            pull(controller) {
              if (pulled >= body.length) controller.close();
              else {
                controller.enqueue(body.subarray(pulled, pulled + chunk));
                pulled += chunk;
              }
            },
          });
    return Promise.resolve({ ok: status >= 200 && status < 300, status, body: stream });
  };
  return { fetch, calls, pulled: () => pulled };
}

describe('releaseSignatures: the .sig beside a Linux update file', () => {
  const RELEASES = 'https://github.com/wasl-app/wasl/releases';

  it('fetches <file>.sig from the release of the version’s tag, with a deadline', async () => {
    const sig = Buffer.from('{"keyId":"k","signature":"s"}');
    const fake = fakeFetch(200, sig);
    const bytes = await releaseSignatures(fake.fetch, RELEASES)('Wasl-1.4.0-x86_64.AppImage', '1.4.0');
    expect(Buffer.from(bytes ?? []).toString('utf8')).toBe(sig.toString('utf8'));
    expect(fake.calls.map((c) => c.url)).toEqual(['https://github.com/wasl-app/wasl/releases/download/v1.4.0/Wasl-1.4.0-x86_64.AppImage.sig']);
    expect(fake.calls[0]?.signal).toBeInstanceOf(AbortSignal);
    expect(SIGNATURE_TIMEOUT_MS).toBeGreaterThan(0);
  });

  it('escapes a file name as a URL path segment', async () => {
    const fake = fakeFetch(200, Buffer.from('x'));
    await releaseSignatures(fake.fetch, RELEASES)('wasl 1.4.0#amd64?.deb', '1.4.0');
    expect(fake.calls[0]?.url).toBe('https://github.com/wasl-app/wasl/releases/download/v1.4.0/wasl%201.4.0%23amd64%3F.deb.sig');
  });

  it('answers undefined when the release has no .sig, and rejects on any other failure', async () => {
    expect(await releaseSignatures(fakeFetch(404, Buffer.from('Not Found')).fetch, RELEASES)('a.deb', '1.4.0')).toBeUndefined();
    await expect(releaseSignatures(fakeFetch(503, null).fetch, RELEASES)('a.deb', '1.4.0')).rejects.toThrow('HTTP 503');
  });

  it('reads no more than one byte past the longest signature file', async () => {
    const fake = fakeFetch(200, Buffer.alloc(10 * 1024 * 1024, 0x61));
    const bytes = await releaseSignatures(fake.fetch, RELEASES)('a.deb', '1.4.0');
    expect(bytes?.length).toBe(MAX_SIGNATURE_BYTES + 1);
    expect(fake.pulled()).toBeLessThan(MAX_SIGNATURE_BYTES + 4096);
  });

  it('answers an empty body as empty', async () => {
    expect(await releaseSignatures(fakeFetch(200, null).fetch, RELEASES)('a.deb', '1.4.0')).toEqual(new Uint8Array());
  });
});
