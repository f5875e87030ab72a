/**
 * DownloadDisk in memory: the files and folders that exist (`paths`), POSIX paths, and what the downloads asked of
 * the system's shell (files opened, shown in their folder) and of the folder dialog (`folderAnswer`).
 */
import type { DownloadDisk } from '../../main/core/downloads/downloads';

export class MemoryDownloadDisk implements DownloadDisk {
  readonly paths = new Set<string>(['/home/salma/Downloads']);
  /** Files opened and shown, in order ("open /path", "show /path"). */
  readonly actions: string[] = [];
  /** What openPath answers ('' : it opened). */
  openError = '';
  /** What the folder dialog answers (undefined: the user closed it). */
  folderAnswer: string | undefined;
  folderAsked = 0;

  constructor(private readonly downloadsFolder = '/home/salma/Downloads') {}

  exists(path: string): boolean {
    return this.paths.has(path);
  }
  join(folder: string, name: string): string {
    return `${folder.replace(/\/+$/u, '')}/${name}`;
  }
  defaultFolder(): string {
    return this.downloadsFolder;
  }
  openPath(path: string): Promise<string> {
    this.actions.push(`open ${path}`);
    return Promise.resolve(this.openError);
  }
  showItemInFolder(path: string): void {
    this.actions.push(`show ${path}`);
  }
  chooseFolder(): Promise<string | undefined> {
    this.folderAsked += 1;
    return Promise.resolve(this.folderAnswer);
  }
}
