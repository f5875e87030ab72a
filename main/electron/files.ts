/**
 * FilesPort on Electron: the system's save and open dialogs, and the disk. A file is
 * written next to its target and renamed over it, so a crash mid-write never leaves half a backup.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { OpenDialogOptions, OpenDialogReturnValue, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import type { FileKind, FilesPort, FileTexts } from '../core/shop/data-transfer';

/** The system's dialogs, attached to the window the user is working in. */
export interface DialogLike {
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
}

/** Electron's `dialog`: each dialog attached to a window (`W`), or to none. */
export interface ElectronDialog<W> {
  showSaveDialog(window: W, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showOpenDialog(window: W, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
}

/** Dialogs attached to the window in front (Wasl's), as sheets on macOS; unattached when no window has the focus. */
export function attachedDialogs<W>(dialog: ElectronDialog<W>, focusedWindow: () => W | null): DialogLike {
  return {
    showSaveDialog: (options) => {
      const parent = focusedWindow();
      return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
    },
    showOpenDialog: (options) => {
      const parent = focusedWindow();
      return parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options);
    },
  };
}

/** Each kind of file's extension. */
const EXTENSION: Record<FileKind, string> = { backup: 'json', 'customers-csv': 'csv', 'quick-replies': 'json', outline: 'json', 'qr-png': 'png', 'qr-svg': 'svg' };

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

  async write(target: string, data: string | Uint8Array): Promise<void> {
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.tmp`);
    try {
      await (typeof data === 'string' ? fs.writeFile(temporary, data, 'utf8') : fs.writeFile(temporary, data));
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
