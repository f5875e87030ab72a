/** FilesPort in memory: what the "dialogs" answer is set by the test; written files are kept by path. */
import type { FileKind, FilesPort } from '../../main/core/shop/data-transfer';

export class MemoryFiles implements FilesPort {
  readonly written = new Map<string, string>();
  /** Files written as bytes (images), by path. */
  readonly writtenBytes = new Map<string, Uint8Array>();
  readonly contents = new Map<string, string>();
  /** The path the next save dialog answers (undefined: the user cancels). */
  savePath: string | undefined = '/home/user/Documents/out';
  /** The path the next open dialog answers. */
  openPath: string | undefined;
  readonly asked: { action: 'save' | 'open'; kind: FileKind; defaultName?: string }[] = [];
  /** Make the next write fail, as a full disk would. */
  failWrite = false;

  chooseSave(kind: FileKind, defaultName: string): Promise<string | undefined> {
    this.asked.push({ action: 'save', kind, defaultName });
    return Promise.resolve(this.savePath);
  }

  chooseOpen(kind: Exclude<FileKind, 'customers-csv'>): Promise<string | undefined> {
    this.asked.push({ action: 'open', kind });
    return Promise.resolve(this.openPath);
  }

  write(path: string, text: string | Uint8Array): Promise<void> {
    if (this.failWrite) return Promise.reject(new Error('ENOSPC: no space left on device'));
    if (typeof text !== 'string') {
      this.writtenBytes.set(path, text);
      return Promise.resolve();
    }
    this.written.set(path, text);
    this.contents.set(path, text);
    return Promise.resolve();
  }

  read(path: string, maxBytes: number): Promise<string> {
    const text = this.contents.get(path);
    if (text === undefined) return Promise.reject(new Error(`ENOENT: no such file, open '${path}'`));
    if (Buffer.byteLength(text) > maxBytes) return Promise.reject(new Error(`the file is larger than ${maxBytes} bytes`));
    return Promise.resolve(text);
  }
}
