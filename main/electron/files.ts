/**
 * FilesPort on Electron: the system's save and open dialogs, and the disk. A file is
 * written next to its target and renamed over it, so a crash mid-write never leaves half a backup.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { OpenDialogOptions, OpenDialogReturnValue, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import type { FileKind, FilesPort } from '../core/shop/data-transfer';

/** The system's dialogs, attached to the window the user is working in. */
export interface DialogLike {
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
}

/** Each kind of file: the dialog's title and the filter's name, in the user's language, and its extension. */
export type FileTexts = (kind: FileKind, action: 'save' | 'open') => { title: string; filter: string };

const EXTENSION: Record<FileKind, string> = { backup: 'json', 'customers-csv': 'csv', 'quick-replies': 'json', outline: 'json' };

export class ElectronFiles implements FilesPort {
  constructor(
    private readonly dialog: DialogLike,
    private readonly documentsDir: string,
    private readonly texts: FileTexts,
  ) {}

  async chooseSave(kind: FileKind, defaultName: string): Promise<string | undefined> {
    const { title, filter } = this.texts(kind, 'save');
    const result = await this.dialog.showSaveDialog({
      title,
      defaultPath: path.join(this.documentsDir, defaultName),
      filters: [{ name: filter, extensions: [EXTENSION[kind]] }],
    });
    return result.canceled || result.filePath === '' ? undefined : result.filePath;
  }

  async chooseOpen(kind: Exclude<FileKind, 'customers-csv'>): Promise<string | undefined> {
    const { title, filter } = this.texts(kind, 'open');
    const result = await this.dialog.showOpenDialog({
      title,
      defaultPath: this.documentsDir,
      properties: ['openFile'],
      filters: [{ name: filter, extensions: [EXTENSION[kind]] }],
    });
    return result.canceled ? undefined : result.filePaths[0];
  }

  async write(target: string, text: string): Promise<void> {
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.tmp`);
    try {
      await fs.writeFile(temporary, text, 'utf8');
      await fs.rename(temporary, target);
    } finally {
      await fs.rm(temporary, { force: true });
    }
  }

  async read(source: string, maxBytes: number): Promise<string> {
    const { size } = await fs.stat(source);
    if (size > maxBytes) throw new Error(`the file is larger than ${maxBytes} bytes`);
    return fs.readFile(source, 'utf8');
  }
}
