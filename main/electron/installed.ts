/**
 * What only an installed build does: it keeps the system's login item as the user chose (a freedesktop autostart
 * entry on Linux, the system's own setting elsewhere), and it updates itself through electron-updater, loaded only
 * here — a development build never loads it, as it would load Electron itself. On Linux every downloaded update
 * must carry the release key's signature before it installs (main/security/update-signature.ts).
 */
import path from 'node:path';
import type { HostOs } from '../../common/state';
import type { AppStore } from '../core/app/app-store';
import type { Logger } from '../core/app/ports';
import { keepLoginItem } from '../core/desktop/login-item';
import type { UpdateController } from '../core/updates/updates';
import type { TrustedKey } from '../security/signing';
import { verifyUpdateFile } from '../security/update-signature';
import type { AppLike } from './api';
import { electronLoginItem, linuxAutostart } from './login-item';
import { electronUpdater, releaseSignatures, type AutoUpdaterLike, type FetchLike, type InstallOnQuit } from './updater';

export interface InstalledDeps {
  app: Pick<AppLike, 'getLoginItemSettings' | 'setLoginItemSettings'> & {
    on(event: 'quit', listener: (event: unknown, exitCode: number) => void): unknown;
  };
  os: HostOs;
  store: AppStore;
  updates: Pick<UpdateController, 'start'>;
  env: Readonly<Record<string, string | undefined>>;
  /** The user's home folder, and the running executable (the AppImage's own path when it runs as one). */
  home: string;
  execPath: string;
  log: Logger;
  /** Linux: the keys a release's update files may be signed with (TRUSTED_RELEASE_KEYS). */
  releaseKeys: readonly TrustedKey[];
  /** Linux: fetches an update file's `.sig` (Electron's net.fetch). */
  fetch: FetchLike;
  /** The project's GitHub releases page, where electron-builder publishes (https://github.com/<owner>/<repo>/releases). */
  releasesUrl: string;
}

export function startInstalled(deps: InstalledDeps): void {
  const { os, env, log } = deps;
  const configHome = env['XDG_CONFIG_HOME'] || path.join(deps.home, '.config');
  keepLoginItem(deps.store, os === 'linux' ? linuxAutostart(configHome, env['APPIMAGE'] ?? deps.execPath) : electronLoginItem(deps.app, os), log);
  import('electron-updater')
    // Every Linux updater (AppImage, deb, rpm, pacman) is a BaseUpdater, whose `install` Wasl calls on quit itself.
    .then(({ default: { autoUpdater, BaseUpdater } }) => startUpdates(deps, autoUpdater, autoUpdater instanceof BaseUpdater ? autoUpdater : undefined))
    .catch((error: unknown) => log.error('could not start the updater', { error: String(error) }));
}

/**
 * Starts the update controller on electron-updater. On Linux, with the signature check and Wasl's own install on
 * quit; an updater that cannot install on Wasl's terms there is not started at all, as it would install unchecked.
 */
export function startUpdates(deps: InstalledDeps, updater: AutoUpdaterLike, installer: Pick<InstallOnQuit, 'install'> | undefined): void {
  if (deps.os !== 'linux') {
    deps.updates.start(electronUpdater(updater));
    return;
  }
  if (!installer) {
    deps.log.error('updates are off: this Linux updater cannot wait for the signature check before it installs');
    return;
  }
  const fetchSignature = releaseSignatures(deps.fetch, deps.releasesUrl);
  const onQuit: InstallOnQuit['onQuit'] = (listener) => deps.app.on('quit', (_event, exitCode) => listener(exitCode));
  deps.updates.start(
    electronUpdater(updater, { install: (isSilent, isForceRunAfter) => installer.install(isSilent, isForceRunAfter), onQuit }),
    (download) => verifyUpdateFile(download, { keys: deps.releaseKeys, fetchSignature }),
  );
}
