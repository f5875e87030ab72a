/**
 * electron-updater's `autoUpdater` as the UpdaterPort of main/core/updates.ts. Only main/index.ts loads
 * electron-updater (it imports electron at run time), and only in an installed build; here it is a structural
 * type, so tests pass a fake. Updates download in the background; "Restart to Update" installs silently and
 * starts the new version.
 */
import type { UpdaterEvent, UpdaterPort } from '../core/updates/updates';

/** The part of electron-updater's AppUpdater Wasl uses. */
export interface AutoUpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  logger: object | null;
  checkForUpdates(): Promise<{ downloadPromise?: Promise<unknown> | null } | null>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'update-available' | 'update-not-available' | 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'download-progress', listener: (info: { percent: number }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export function electronUpdater(updater: AutoUpdaterLike): UpdaterPort {
  updater.autoDownload = true;
  // Wasl logs what matters itself (main/core/updates.ts), each failure once.
  updater.logger = null;
  return {
    check: async () => {
      const result = await updater.checkForUpdates();
      // A failed download is reported through the 'error' event; its promise must not reject unhandled.
      result?.downloadPromise?.catch(() => undefined);
    },
    setInstallOnQuit: (enabled) => {
      updater.autoInstallOnAppQuit = enabled;
    },
    quitAndInstall: () => updater.quitAndInstall(true, true),
    onEvent: (listener: (event: UpdaterEvent) => void) => {
      updater.on('update-available', (info) => listener({ type: 'available', version: info.version }));
      updater.on('update-not-available', () => listener({ type: 'not-available' }));
      updater.on('download-progress', (info) => listener({ type: 'progress', percent: info.percent }));
      updater.on('update-downloaded', (info) => listener({ type: 'downloaded', version: info.version }));
      updater.on('error', (error) => listener({ type: 'error', message: error.message }));
    },
  };
}
