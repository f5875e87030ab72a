/**
 * The downloads list: every file a service's page downloads, from the moment the page asks (`track`) to its end,
 * and what the user does with it from the shell's downloads panel (cancel, open, show in its folder, take it off the
 * list, clear the finished ones, choose the folder they go to). The list is main's state (`AppState.downloads`,
 * newest first), pushed to the shell at most every PROGRESS_MS while bytes arrive and at once on every other change;
 * it is saved (`save`) on each change but progress, and a download under way when Wasl quit comes back interrupted.
 *
 * Where a file goes follows the `downloads` settings: `ask` shows the save dialog (in the chosen folder, under the
 * page's name made safe); `folder` saves straight into the chosen folder (the system's Downloads folder by
 * default) under a name no file there has yet. Electron appears only through the ports below.
 */
import { canOpen, isActive, MAX_DOWNLOADS, type DownloadRecord, type DownloadState } from '../../../common/downloads';
import type { Command, CommandResult } from '../../../common/ipc';
import type { AppStore } from '../app/app-store';
import type { Clock, Logger, TimerHandle } from '../app/ports';
import { baseName, safeFileName, uniqueName } from './names';

/** The shell hears of arriving bytes at most this often. */
export const PROGRESS_MS = 500;

/** A download as Electron hands it over (its DownloadItem). */
export interface DownloadItemPort {
  getFilename(): string;
  getURL(): string;
  /** Empty until a place to save it is known (the save dialog answered). */
  getSavePath(): string;
  /** Saves there without asking; only while the will-download handler runs. */
  setSavePath(path: string): void;
  setSaveDialogOptions(options: { title?: string; defaultPath?: string }): void;
  getReceivedBytes(): number;
  /** 0 when the size is unknown. */
  getTotalBytes(): number;
  isPaused(): boolean;
  cancel(): void;
  on(event: 'updated', listener: (event: unknown, state: 'progressing' | 'interrupted') => void): unknown;
  on(event: 'done', listener: (event: unknown, state: 'completed' | 'cancelled' | 'interrupted') => void): unknown;
}

/** The file system and the system's shell, as the downloads need them. */
export interface DownloadDisk {
  /** Whether a file or folder is there now. */
  exists(path: string): boolean;
  /** `name` inside `folder`, in the system's way of writing paths. */
  join(folder: string, name: string): string;
  /** The system's Downloads folder. */
  defaultFolder(): string;
  /** Opens the file with its usual app; answers an error message, or '' when it opened. */
  openPath(path: string): Promise<string>;
  /** Shows the file selected in the system's file manager. */
  showItemInFolder(path: string): void;
  /** Asks the user for a folder (a folder dialog); undefined when they did not choose one. */
  chooseFolder(): Promise<string | undefined>;
}

export interface DownloadsDeps {
  store: AppStore;
  clock: Clock;
  log: Logger;
  newId(): string;
  disk: DownloadDisk;
  /** The list as the file kept it at start (newest first). */
  initial: readonly DownloadRecord[];
  /** Keeps the list on disk (downloads.json, written atomically). */
  save(records: readonly DownloadRecord[]): void;
}

export type DownloadCommand = Extract<Command, { type: `download.${string}` | `downloads.${string}` }>;

const notFound: CommandResult = { ok: false, error: 'not-found' };
const invalid: CommandResult = { ok: false, error: 'invalid' };
const missing: CommandResult = { ok: false, error: 'not-found', detail: 'missing' };

/** The origin a download came from, or '' (a data: address has none worth naming). */
function originOf(url: string): string {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? '' : origin;
  } catch {
    return '';
  }
}

/** The list kept at start: a download that was under way when Wasl quit is interrupted now, never "in progress" forever. */
export function restoredDownloads(records: readonly DownloadRecord[], now: number): DownloadRecord[] {
  return records.map((record) => (isActive(record) ? { ...record, state: 'interrupted', endedAt: record.endedAt ?? now } : record));
}

/** At most MAX_DOWNLOADS, the oldest finished ones dropped first (one under way always stays). */
export function bounded(records: readonly DownloadRecord[]): DownloadRecord[] {
  let extra = records.length - MAX_DOWNLOADS;
  if (extra <= 0) return [...records];
  const kept: DownloadRecord[] = [];
  for (let i = records.length - 1; i >= 0; i -= 1) {
    const record = records[i] as DownloadRecord;
    if (extra > 0 && !isActive(record)) extra -= 1;
    else kept.push(record);
  }
  return kept.reverse();
}

export class DownloadsController {
  private records: DownloadRecord[];
  /** The downloads under way, by record id. */
  private readonly live = new Map<string, DownloadItemPort>();
  private progressTimer: TimerHandle | undefined;
  private lastPush = -Infinity;

  constructor(private readonly deps: DownloadsDeps) {
    this.records = bounded(restoredDownloads(deps.initial, deps.clock.now()));
    deps.store.setState({ downloads: this.records });
  }

  /** A service's page started a download: decide where it goes and follow it to its end. */
  track(serviceId: string, item: DownloadItemPort): void {
    const id = this.deps.newId();
    const settings = this.deps.store.getState().settings.downloads;
    const folder = settings.folder ?? this.deps.disk.defaultFolder();
    const suggested = safeFileName(item.getFilename());
    let fileName = suggested;
    let savePath = '';
    if (settings.mode === 'folder' && this.deps.disk.exists(folder)) {
      const busy = new Set(this.records.filter(isActive).map((r) => r.savePath));
      fileName = uniqueName(suggested, (name) => {
        const candidate = this.deps.disk.join(folder, name);
        return busy.has(candidate) || this.deps.disk.exists(candidate);
      }, id.slice(0, 8));
      savePath = this.deps.disk.join(folder, fileName);
      item.setSavePath(savePath);
    } else {
      if (settings.mode === 'folder') this.deps.log.warn('the downloads folder is gone; asking where to save');
      item.setSaveDialogOptions({ defaultPath: this.deps.disk.join(folder, suggested) });
    }
    const record: DownloadRecord = {
      id,
      serviceId,
      fileName,
      origin: originOf(item.getURL()),
      savePath,
      receivedBytes: item.getReceivedBytes(),
      totalBytes: item.getTotalBytes(),
      state: 'progressing',
      startedAt: this.deps.clock.now(),
    };
    this.live.set(id, item);
    this.change([record, ...this.records]);
    item.on('updated', (_event, state) => this.updated(id, item, state === 'interrupted' ? 'interrupted' : item.isPaused() ? 'paused' : 'progressing'));
    item.on('done', (_event, state) => this.done(id, item, state));
  }

  command(cmd: DownloadCommand): Promise<CommandResult> | CommandResult {
    switch (cmd.type) {
      case 'download.cancel':
        return this.cancel(cmd.id);
      case 'download.open':
        return this.open(cmd.id);
      case 'download.show':
        return this.show(cmd.id);
      case 'download.remove':
        return this.remove(cmd.id);
      case 'downloads.clear':
        this.change(this.records.filter(isActive));
        return { ok: true };
      case 'downloads.chooseFolder':
        return this.chooseFolder();
    }
  }

  private find(id: string): DownloadRecord | undefined {
    return this.records.find((r) => r.id === id);
  }

  /** What the item says now, over the record. */
  private fromItem(record: DownloadRecord, item: DownloadItemPort, state: DownloadState): DownloadRecord {
    const savePath = item.getSavePath() || record.savePath;
    return {
      ...record,
      savePath,
      fileName: savePath ? baseName(savePath) || record.fileName : record.fileName,
      receivedBytes: item.getReceivedBytes(),
      totalBytes: item.getTotalBytes(),
      state,
    };
  }

  private updated(id: string, item: DownloadItemPort, state: DownloadState): void {
    const record = this.find(id);
    if (!record || !this.live.has(id)) return;
    const next = this.fromItem(record, item, state);
    this.records = this.records.map((r) => (r === record ? next : r));
    // Only bytes arriving wait for the next push; a new state, or a place to save, is news at once.
    if (next.state !== record.state || next.savePath !== record.savePath) this.change(this.records);
    else this.pushProgress();
  }

  private done(id: string, item: DownloadItemPort, state: 'completed' | 'cancelled' | 'interrupted'): void {
    // A download taken off the list is no longer followed.
    const record = this.live.delete(id) ? this.find(id) : undefined;
    if (!record) return;
    const next = { ...this.fromItem(record, item, state), endedAt: this.deps.clock.now() };
    // Cancelled before a place to save was chosen: the user said no to the save dialog; nothing to list.
    if (state === 'cancelled' && next.savePath === '') this.change(this.records.filter((r) => r !== record));
    else this.change(this.records.map((r) => (r === record ? next : r)));
  }

  private pushProgress(): void {
    const wait = this.lastPush + PROGRESS_MS - this.deps.clock.now();
    if (wait <= 0) {
      this.push();
      return;
    }
    this.progressTimer ??= this.deps.clock.setTimeout(() => this.push(), wait);
  }

  private push(): void {
    if (this.progressTimer !== undefined) this.deps.clock.clearTimeout(this.progressTimer);
    this.progressTimer = undefined;
    this.lastPush = this.deps.clock.now();
    this.deps.store.setState({ downloads: this.records });
  }

  /** A change worth keeping: the list is pushed and saved now. */
  private change(records: DownloadRecord[]): void {
    this.records = bounded(records);
    this.push();
    this.deps.save(this.records);
  }

  private cancel(id: string): CommandResult {
    const record = this.find(id);
    if (!record) return notFound;
    const item = this.live.get(id);
    if (!item || !isActive(record)) return invalid;
    item.cancel();
    return { ok: true };
  }

  /** The completed download's file, or why it cannot be used: not listed, not completed, or no longer there. */
  private fileOf(id: string): { path: string } | CommandResult {
    const record = this.find(id);
    if (!record) return notFound;
    if (!canOpen(record) || record.savePath === '') return invalid;
    const there = this.deps.disk.exists(record.savePath);
    if (there === (record.missing === true)) {
      const { missing: _gone, ...rest } = record;
      this.change(this.records.map((r) => (r === record ? (there ? rest : { ...rest, missing: true }) : r)));
    }
    return there ? { path: record.savePath } : missing;
  }

  private async open(id: string): Promise<CommandResult> {
    const file = this.fileOf(id);
    if (!('path' in file)) return file;
    const error = await this.deps.disk.openPath(file.path);
    if (error === '') return { ok: true };
    this.deps.log.warn('could not open a download', { error });
    return { ok: false, error: 'failed', detail: error };
  }

  private show(id: string): CommandResult {
    const file = this.fileOf(id);
    if (!('path' in file)) return file;
    this.deps.disk.showItemInFolder(file.path);
    return { ok: true };
  }

  private remove(id: string): CommandResult {
    const record = this.find(id);
    if (!record) return notFound;
    const item = this.live.get(id);
    this.live.delete(id);
    if (item && isActive(record)) item.cancel();
    this.change(this.records.filter((r) => r.id !== id));
    return { ok: true };
  }

  private async chooseFolder(): Promise<CommandResult> {
    const folder = await this.deps.disk.chooseFolder();
    if (folder === undefined) return { ok: false, error: 'cancelled' };
    const { settings } = this.deps.store.getState();
    this.deps.store.setState({ settings: { ...settings, downloads: { mode: 'folder', folder } } });
    return { ok: true };
  }
}
