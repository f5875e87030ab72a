/**
 * What only an installed build does: it keeps the system's login item as the user chose (a freedesktop autostart
 * entry on Linux, the system's own setting elsewhere), and it updates itself through electron-updater, loaded only
 * here — a development build never loads it, as it would load Electron itself.
 */
import path from 'node:path';
import type { HostOs } from '../../common/state';
import type { AppStore } from '../core/app/app-store';
import type { Logger } from '../core/app/ports';
import { keepLoginItem } from '../core/desktop/login-item';
import type { UpdateController } from '../core/updates/updates';
import type { AppLike } from './api';
import { electronLoginItem, linuxAutostart } from './login-item';
import { electronUpdater } from './updater';

export interface InstalledDeps {
  app: Pick<AppLike, 'getLoginItemSettings' | 'setLoginItemSettings'>;
  os: HostOs;
  store: AppStore;
  updates: Pick<UpdateController, 'start'>;
  env: Readonly<Record<string, string | undefined>>;
  /** The user's home folder, and the running executable (the AppImage's own path when it runs as one). */
  home: string;
  execPath: string;
  log: Logger;
}

export function startInstalled(deps: InstalledDeps): void {
  const { os, env, log } = deps;
  const configHome = env['XDG_CONFIG_HOME'] || path.join(deps.home, '.config');
  keepLoginItem(deps.store, os === 'linux' ? linuxAutostart(configHome, env['APPIMAGE'] ?? deps.execPath) : electronLoginItem(deps.app, os), log);
  import('electron-updater').then(
    ({ default: { autoUpdater } }) => deps.updates.start(electronUpdater(autoUpdater)),
    (error: unknown) => log.error('could not load the updater', { error: String(error) }),
  );
}
