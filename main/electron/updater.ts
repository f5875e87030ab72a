/**
 * electron-updater's `autoUpdater` as the UpdaterPort of main/core/updates.ts. Only main/index.ts loads
 * electron-updater (it imports electron at run time), and only in an installed build; here it is a structural
 * type, so tests pass a fake. Updates download in the background; "Restart to Update" installs silently and
 * starts the new version.
 *
 * On Linux a download must pass Wasl's signature check before it installs (main/security/update-signature.ts), and
 * electron-updater's own install on quit cannot wait for it: it decides whether to install on quit as the
 * download ends, before any check could run. So there Wasl keeps electron-updater's install on quit off for good
 * and installs on quit itself, once the controller says the download is verified. Also here: where a Linux
 * update's `.sig` is fetched from.
 */
import type { UpdaterEvent, UpdaterPort } from '../core/updates/updates';
import { MAX_SIGNATURE_BYTES } from '../security/update-signature';

/** The part of electron-updater's AppUpdater Wasl uses. */
export interface AutoUpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  logger: object | null;
  checkForUpdates(): Promise<{ downloadPromise?: Promise<unknown> | null } | null>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'update-available' | 'update-not-available', listener: (info: { version: string }) => void): unknown;
  on(event: 'update-downloaded', listener: (info: { version: string; downloadedFile: string }) => void): unknown;
  on(event: 'download-progress', listener: (info: { percent: number }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** How Wasl installs a verified download on quit itself (Linux). */
export interface InstallOnQuit {
  /** electron-updater's BaseUpdater.install: runs the downloaded update's installer now. */
  install(isSilent: boolean, isForceRunAfter: boolean): boolean;
  /** Electron's app 'quit' event, with the exit code Wasl quits with. */
  onQuit(listener: (exitCode: number) => void): void;
}

/** `installOnQuit`: Linux's own install on quit; without it, electron-updater's (Windows, macOS). */
export function electronUpdater(updater: AutoUpdaterLike, installOnQuit?: InstallOnQuit): UpdaterPort {
  updater.autoDownload = true;
  // Wasl logs what matters itself (main/core/updates.ts), each failure once.
  updater.logger = null;
  let installs = false;
  let installing = false;
  if (installOnQuit) {
    updater.autoInstallOnAppQuit = false;
    installOnQuit.onQuit((exitCode) => {
      // As electron-updater's own: not after "Restart to Update" already ran the installer, nor on a failing exit.
      if (installs && !installing && exitCode === 0) installOnQuit.install(true, false);
    });
  }
  return {
    check: async () => {
      const result = await updater.checkForUpdates();
      // A failed download is reported through the 'error' event; its promise must not reject unhandled.
      result?.downloadPromise?.catch(() => undefined);
    },
    setInstallOnQuit: (enabled) => {
      if (installOnQuit) installs = enabled;
      else updater.autoInstallOnAppQuit = enabled;
    },
    quitAndInstall: () => {
      installing = true;
      updater.quitAndInstall(true, true);
    },
    onEvent: (listener: (event: UpdaterEvent) => void) => {
      updater.on('update-available', (info) => listener({ type: 'available', version: info.version }));
      updater.on('update-not-available', () => listener({ type: 'not-available' }));
      updater.on('download-progress', (info) => listener({ type: 'progress', percent: info.percent }));
      updater.on('update-downloaded', (info) => listener({ type: 'downloaded', version: info.version, file: info.downloadedFile }));
      updater.on('error', (error) => listener({ type: 'error', message: error.message }));
    },
  };
}

/** Electron's net.fetch (or Node's fetch), as far as fetching a `.sig` uses it. */
export type FetchLike = (
  url: string,
  init: { signal: AbortSignal },
) => Promise<{ ok: boolean; status: number; body: ReadableStream<Uint8Array> | null }>;

/** A `.sig` that has not arrived after this long is not coming: the update is refused, and the next check tries again. */
export const SIGNATURE_TIMEOUT_MS = 60_000;

/**
 * Fetches the `.sig` published beside a Linux update file: on the GitHub release of the version's tag, as
 * electron-updater downloads the file itself (`<releases>/download/v<version>/<file>`; the release workflow checks
 * that the tag names the version). `releasesUrl`: the project's releases page, https://github.com/<owner>/<repo>/releases.
 * Answers undefined when the release has no such file; rejects when it cannot be fetched. Reads at most one byte
 * past MAX_SIGNATURE_BYTES: a longer answer is not a signature, and the check refuses it.
 */
export function releaseSignatures(fetch: FetchLike, releasesUrl: string): (fileName: string, version: string) => Promise<Uint8Array | undefined> {
  return async (fileName, version) => {
    const url = `${releasesUrl}/download/v${encodeURIComponent(version)}/${encodeURIComponent(fileName)}.sig`;
    const response = await fetch(url, { signal: AbortSignal.timeout(SIGNATURE_TIMEOUT_MS) });
    if (response.status === 404) return undefined;
    if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
    return response.body ? readAtMost(response.body, MAX_SIGNATURE_BYTES + 1) : new Uint8Array();
  };
}

async function readAtMost(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = body.getReader();
  try {
    while (length < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      length += value.length;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, limit);
}
