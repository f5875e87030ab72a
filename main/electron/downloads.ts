/**
 * DownloadDisk on Electron: whether a downloaded file is still there, paths written the system's way, the system's
 * Downloads folder, opening a file or showing it in the file manager (Electron's `shell`), and the folder dialog
 * the downloads settings choose a folder with.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DownloadDisk } from '../core/downloads/downloads';
import type { AppLike, ElectronApi } from './api';
import type { DialogLike } from './files';

export interface ElectronDownloadDiskDeps {
  app: Pick<AppLike, 'getPath'>;
  shell: Pick<ElectronApi['shell'], 'openPath' | 'showItemInFolder'>;
  dialog: Pick<DialogLike, 'showOpenDialog'>;
  /** The folder dialog's title, in the user's language. */
  folderTitle(): string;
}

export function electronDownloadDisk(deps: ElectronDownloadDiskDeps): DownloadDisk {
  return {
    exists: (filePath) => fs.existsSync(filePath),
    join: (folder, name) => path.join(folder, name),
    defaultFolder: () => deps.app.getPath('downloads'),
    openPath: (filePath) => deps.shell.openPath(filePath),
    showItemInFolder: (filePath) => deps.shell.showItemInFolder(filePath),
    chooseFolder: async () => {
      const result = await deps.dialog.showOpenDialog({
        title: deps.folderTitle(),
        defaultPath: deps.app.getPath('downloads'),
        properties: ['openDirectory', 'createDirectory'],
      });
      return result.canceled ? undefined : result.filePaths[0];
    },
  };
}
