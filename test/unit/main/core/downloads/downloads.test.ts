/**
 * The downloads list in main: every state a download goes through and every command on it, with a fake item (as
 * Electron hands one to 'will-download'), a manual clock and a disk in memory.
 */
import { describe, expect, it } from 'vitest';
import { MAX_DOWNLOADS, type DownloadRecord } from '../../../../../common/downloads';
import { defaultSettings } from '../../../../../common/settings';
import { createAppStore, type AppStore } from '../../../../../main/core/app/app-store';
import { bounded, DownloadsController, PROGRESS_MS, restoredDownloads } from '../../../../../main/core/downloads/downloads';
import { ManualClock } from '../../../../fakes/clock';
import { MemoryDownloadDisk } from '../../../../fakes/download-disk';
import { FakeDownloadItem } from '../../../../fakes/electron';
import { MemoryLogger } from '../../../../fakes/logger';
import { stateOf } from '../../../../fakes/state';

const FOLDER = '/home/salma/Downloads';

interface Setup {
  store: AppStore;
  clock: ManualClock;
  disk: MemoryDownloadDisk;
  log: MemoryLogger;
  downloads: DownloadsController;
  saved: DownloadRecord[][];
  /** How many times main's state got a new downloads list. */
  pushes: () => number;
  list: () => DownloadRecord[];
  start(filename: string, total?: number, serviceId?: string): FakeDownloadItem;
}

function setup(options: { mode?: 'ask' | 'folder'; folder?: string | null; initial?: DownloadRecord[] } = {}): Setup {
  const settings = defaultSettings();
  settings.downloads = { mode: options.mode ?? 'ask', folder: options.folder ?? null };
  const store = createAppStore(stateOf({ settings }));
  const clock = new ManualClock();
  const disk = new MemoryDownloadDisk(FOLDER);
  const log = new MemoryLogger();
  const saved: DownloadRecord[][] = [];
  let ids = 0;
  let pushes = 0;
  store.subscribe((next, prev) => {
    if (next.downloads !== prev.downloads) pushes += 1;
  });
  const downloads = new DownloadsController({
    store,
    clock,
    log,
    newId: () => `d${++ids}`,
    disk,
    initial: options.initial ?? [],
    save: (records) => saved.push([...records]),
  });
  return {
    store,
    clock,
    disk,
    log,
    downloads,
    saved,
    pushes: () => pushes,
    list: () => store.getState().downloads ?? [],
    start: (filename, total = 0, serviceId = 'wa1') => {
      const item = new FakeDownloadItem(filename, 'https://web.whatsapp.com/blob/abc?token=secret', total);
      downloads.track(serviceId, item);
      return item;
    },
  };
}

const record = (id: string, state: DownloadRecord['state'], extra: Partial<DownloadRecord> = {}): DownloadRecord => ({
  id,
  serviceId: 'wa1',
  fileName: `${id}.pdf`,
  origin: 'https://web.whatsapp.com',
  savePath: `${FOLDER}/${id}.pdf`,
  receivedBytes: 10,
  totalBytes: 100,
  state,
  startedAt: 1_000,
  ...extra,
});

describe('DownloadsController: where a file goes', () => {
  it('asks where to save by default: the save dialog opens in the Downloads folder under the page’s name', () => {
    const h = setup();
    const item = h.start('فاتورة-123.pdf', 2_000);
    expect(item.saveDialogOptions).toEqual({ defaultPath: `${FOLDER}/فاتورة-123.pdf` });
    expect(item.savePath).toBe('');
    expect(h.list()).toEqual([
      {
        id: 'd1',
        serviceId: 'wa1',
        fileName: 'فاتورة-123.pdf',
        origin: 'https://web.whatsapp.com',
        savePath: '',
        receivedBytes: 0,
        totalBytes: 2_000,
        state: 'progressing',
        startedAt: h.clock.now(),
      },
    ]);
  });

  it('opens the save dialog in the folder the user chose', () => {
    const h = setup({ mode: 'ask', folder: '/mnt/shop' });
    expect(h.start('a.pdf').saveDialogOptions).toEqual({ defaultPath: '/mnt/shop/a.pdf' });
  });

  it('in folder mode saves straight into the chosen folder, without a dialog', () => {
    const h = setup({ mode: 'folder', folder: '/mnt/shop' });
    h.disk.paths.add('/mnt/shop');
    const item = h.start('invoice.pdf');
    expect(item.savePath).toBe('/mnt/shop/invoice.pdf');
    expect(item.saveDialogOptions).toBeUndefined();
    expect(h.list()[0]).toMatchObject({ fileName: 'invoice.pdf', savePath: '/mnt/shop/invoice.pdf' });
  });

  it('in folder mode without a chosen folder uses the system Downloads folder', () => {
    const h = setup({ mode: 'folder' });
    expect(h.start('invoice.pdf').savePath).toBe(`${FOLDER}/invoice.pdf`);
  });

  it('never overwrites a file: "report (1).pdf", then "(2)", also past files still downloading', () => {
    const h = setup({ mode: 'folder' });
    h.disk.paths.add(`${FOLDER}/report.pdf`);
    expect(h.start('report.pdf').savePath).toBe(`${FOLDER}/report (1).pdf`);
    // Not on disk yet, but taken by the download under way.
    expect(h.start('report.pdf').savePath).toBe(`${FOLDER}/report (2).pdf`);
    expect(h.start('notes').savePath).toBe(`${FOLDER}/notes`);
    expect(h.start('notes').savePath).toBe(`${FOLDER}/notes (1)`);
    expect(h.list().map((r) => r.fileName)).toEqual(['notes (1)', 'notes', 'report (2).pdf', 'report (1).pdf']);
  });

  it.each([
    ['../../etc/passwd', 'passwd'],
    ['/etc/passwd', 'passwd'],
    ['..\\..\\Windows\\System32\\evil.dll', 'evil.dll'],
    ['C:\\Users\\Public\\evil.exe', 'evil.exe'],
    ['..', 'download'],
    ['.', 'download'],
    ['../..', 'download'],
    ['', 'download'],
    ['bad:name?.txt', 'bad_name_.txt'],
  ])('saves %j as %j inside the folder', (filename, expected) => {
    const h = setup({ mode: 'folder' });
    expect(h.start(filename).savePath).toBe(`${FOLDER}/${expected}`);
    const asked = setup().start(filename);
    expect(asked.saveDialogOptions).toEqual({ defaultPath: `${FOLDER}/${expected}` });
  });

  it('asks where to save when the chosen folder is gone, and says why in the log', () => {
    const h = setup({ mode: 'folder', folder: '/media/usb' });
    const item = h.start('a.pdf');
    expect(item.savePath).toBe('');
    expect(item.saveDialogOptions).toEqual({ defaultPath: '/media/usb/a.pdf' });
    expect(h.log.lines.some((l) => l.message.includes('downloads folder is gone'))).toBe(true);
  });

  it('keeps only the origin of the address a file came from', () => {
    const h = setup();
    h.start('a.pdf');
    expect(h.list()[0]?.origin).toBe('https://web.whatsapp.com');
    const item = new FakeDownloadItem('b.pdf', 'data:application/pdf;base64,AAAA');
    h.downloads.track('wa1', item);
    expect(h.list()[0]?.origin).toBe('');
  });
});

describe('DownloadsController: a download’s states', () => {
  it('takes the place the save dialog chose as the file’s name and path', () => {
    const h = setup();
    const item = h.start('a.pdf', 1_000);
    item.progress(10, '/home/salma/Desktop/renamed.pdf');
    expect(h.list()[0]).toMatchObject({ fileName: 'renamed.pdf', savePath: '/home/salma/Desktop/renamed.pdf', receivedBytes: 10 });
  });

  it('pushes bytes arriving at most every PROGRESS_MS, the last ones included', () => {
    const h = setup({ mode: 'folder' });
    const item = h.start('big.zip', 1_000_000);
    const afterStart = h.pushes();
    for (let n = 1; n <= 20; n += 1) {
      h.clock.advance(10);
      item.progress(n * 1_000);
    }
    // Twenty updates within 200 ms of the start's push: none pushed yet, one waiting.
    expect(h.pushes()).toBe(afterStart);
    expect(h.list()[0]?.receivedBytes).toBe(0);
    h.clock.advance(PROGRESS_MS);
    expect(h.pushes()).toBe(afterStart + 1);
    expect(h.list()[0]?.receivedBytes).toBe(20_000);
    expect(h.clock.pending).toBe(0);
    // Long after the last push, the next bytes go at once.
    h.clock.advance(PROGRESS_MS);
    item.progress(30_000);
    expect(h.pushes()).toBe(afterStart + 2);
    expect(h.list()[0]?.receivedBytes).toBe(30_000);
  });

  it('does not save the list for bytes arriving, only for changes of state', () => {
    const h = setup({ mode: 'folder' });
    const item = h.start('a.zip', 100);
    const saves = h.saved.length;
    item.progress(50);
    h.clock.advance(PROGRESS_MS);
    item.progress(60);
    expect(h.saved.length).toBe(saves);
    item.pause(true);
    expect(h.saved.length).toBe(saves + 1);
  });

  it('goes paused and back to progressing at once, not after the progress wait', () => {
    const h = setup({ mode: 'folder' });
    const item = h.start('a.zip', 100);
    item.progress(10);
    item.pause(true);
    expect(h.list()[0]?.state).toBe('paused');
    item.pause(false);
    expect(h.list()[0]?.state).toBe('progressing');
  });

  it('completes: state, all bytes and the moment it ended', () => {
    const h = setup({ mode: 'folder' });
    const item = h.start('a.pdf', 500);
    h.clock.advance(3_000);
    item.finish('completed');
    expect(h.list()[0]).toMatchObject({ state: 'completed', receivedBytes: 500, totalBytes: 500, endedAt: h.clock.now() });
    expect(h.saved.at(-1)?.[0]?.state).toBe('completed');
  });

  it('is interrupted: kept on the list as failed', () => {
    const h = setup({ mode: 'folder' });
    const item = h.start('a.pdf', 500);
    item.progress(200);
    item.finish('interrupted');
    expect(h.list()[0]).toMatchObject({ state: 'interrupted', receivedBytes: 200 });
  });

  it('an interruption Electron can still resume shows as interrupted until it goes on', () => {
    const h = setup({ mode: 'folder' });
    const item = h.start('a.pdf', 500);
    item.emit('updated', {}, 'interrupted');
    expect(h.list()[0]?.state).toBe('interrupted');
    item.progress(300);
    expect(h.list()[0]?.state).toBe('progressing');
  });

  it('leaves nothing on the list when the user closes the save dialog', () => {
    const h = setup();
    const item = h.start('a.pdf');
    item.emit('done', {}, 'cancelled');
    expect(h.list()).toEqual([]);
  });
});

describe('DownloadsController: commands', () => {
  it('cancels a download under way; the list says cancelled', async () => {
    const h = setup({ mode: 'folder' });
    const item = h.start('a.zip', 100);
    expect(await h.downloads.command({ type: 'download.cancel', id: 'd1' })).toEqual({ ok: true });
    expect(item.cancelled).toBe(true);
    expect(h.list()[0]?.state).toBe('cancelled');
    expect(await h.downloads.command({ type: 'download.cancel', id: 'd1' })).toEqual({ ok: false, error: 'invalid' });
    expect(await h.downloads.command({ type: 'download.cancel', id: 'nope' })).toEqual({ ok: false, error: 'not-found' });
  });

  it('opens and shows a completed file', async () => {
    const h = setup({ mode: 'folder' });
    h.start('a.pdf', 1).finish('completed');
    h.disk.paths.add(`${FOLDER}/a.pdf`);
    expect(await h.downloads.command({ type: 'download.open', id: 'd1' })).toEqual({ ok: true });
    expect(await h.downloads.command({ type: 'download.show', id: 'd1' })).toEqual({ ok: true });
    expect(h.disk.actions).toEqual([`open ${FOLDER}/a.pdf`, `show ${FOLDER}/a.pdf`]);
  });

  it('refuses to open or show a download that did not complete', async () => {
    const h = setup({ mode: 'folder' });
    h.start('a.pdf', 1);
    h.disk.paths.add(`${FOLDER}/a.pdf`);
    expect(await h.downloads.command({ type: 'download.open', id: 'd1' })).toEqual({ ok: false, error: 'invalid' });
    expect(await h.downloads.command({ type: 'download.show', id: 'd1' })).toEqual({ ok: false, error: 'invalid' });
    expect(await h.downloads.command({ type: 'download.open', id: 'nope' })).toEqual({ ok: false, error: 'not-found' });
    expect(h.disk.actions).toEqual([]);
  });

  it('says a file was moved or deleted instead of failing silently, and forgets it once it is back', async () => {
    const h = setup({ mode: 'folder' });
    h.start('a.pdf', 1).finish('completed');
    expect(await h.downloads.command({ type: 'download.open', id: 'd1' })).toEqual({ ok: false, error: 'not-found', detail: 'missing' });
    expect(await h.downloads.command({ type: 'download.show', id: 'd1' })).toEqual({ ok: false, error: 'not-found', detail: 'missing' });
    expect(h.list()[0]?.missing).toBe(true);
    expect(h.saved.at(-1)?.[0]?.missing).toBe(true);
    expect(h.disk.actions).toEqual([]);
    h.disk.paths.add(`${FOLDER}/a.pdf`);
    expect(await h.downloads.command({ type: 'download.open', id: 'd1' })).toEqual({ ok: true });
    expect(h.list()[0]?.missing).toBeUndefined();
  });

  it('answers the system’s error when the file would not open', async () => {
    const h = setup({ mode: 'folder' });
    h.start('a.pdf', 1).finish('completed');
    h.disk.paths.add(`${FOLDER}/a.pdf`);
    h.disk.openError = 'No application is associated';
    expect(await h.downloads.command({ type: 'download.open', id: 'd1' })).toEqual({ ok: false, error: 'failed', detail: 'No application is associated' });
  });

  it('removes one from the list (cancelling it when under way) and keeps the file', async () => {
    const h = setup({ mode: 'folder' });
    h.start('a.pdf', 1).finish('completed');
    const running = h.start('b.zip', 100);
    expect(await h.downloads.command({ type: 'download.remove', id: 'd2' })).toEqual({ ok: true });
    expect(running.cancelled).toBe(true);
    expect(h.list().map((r) => r.id)).toEqual(['d1']);
    expect(await h.downloads.command({ type: 'download.remove', id: 'd1' })).toEqual({ ok: true });
    expect(h.list()).toEqual([]);
    expect(h.saved.at(-1)).toEqual([]);
    expect(await h.downloads.command({ type: 'download.remove', id: 'd1' })).toEqual({ ok: false, error: 'not-found' });
  });

  it('clears the finished ones and keeps those under way', async () => {
    const h = setup({ mode: 'folder' });
    h.start('done.pdf', 1).finish('completed');
    h.start('failed.pdf', 1).finish('interrupted');
    const cancelled = h.start('cancelled.pdf', 1);
    cancelled.cancel();
    const paused = h.start('paused.zip', 10);
    paused.pause(true);
    h.start('running.zip', 10);
    expect(await h.downloads.command({ type: 'downloads.clear' })).toEqual({ ok: true });
    expect(h.list().map((r) => [r.fileName, r.state])).toEqual([
      ['running.zip', 'progressing'],
      ['paused.zip', 'paused'],
    ]);
  });

  it('chooses a folder with the folder dialog, turning on saving there', async () => {
    const h = setup();
    h.disk.folderAnswer = '/mnt/shop';
    expect(await h.downloads.command({ type: 'downloads.chooseFolder' })).toEqual({ ok: true });
    expect(h.store.getState().settings.downloads).toEqual({ mode: 'folder', folder: '/mnt/shop' });
  });

  it('changes nothing when the folder dialog is closed', async () => {
    const h = setup();
    const before = h.store.getState().settings;
    expect(await h.downloads.command({ type: 'downloads.chooseFolder' })).toEqual({ ok: false, error: 'cancelled' });
    expect(h.disk.folderAsked).toBe(1);
    expect(h.store.getState().settings).toBe(before);
  });
});

describe('DownloadsController: the list across restarts', () => {
  it('brings a download under way when Wasl quit back as interrupted, and the rest as they were', () => {
    const h = setup({ initial: [record('a', 'progressing'), record('b', 'paused'), record('c', 'completed', { endedAt: 2_000 }), record('d', 'cancelled', { endedAt: 3_000 })] });
    expect(h.list().map((r) => [r.id, r.state, r.endedAt])).toEqual([
      ['a', 'interrupted', h.clock.now()],
      ['b', 'interrupted', h.clock.now()],
      ['c', 'completed', 2_000],
      ['d', 'cancelled', 3_000],
    ]);
    expect(restoredDownloads([record('c', 'completed')], 5)).toEqual([record('c', 'completed')]);
  });

  it('keeps at most MAX_DOWNLOADS, dropping the oldest finished ones and never one under way', () => {
    const many = Array.from({ length: MAX_DOWNLOADS + 5 }, (_, n) => record(`r${n}`, n === MAX_DOWNLOADS + 4 ? 'progressing' : 'completed'));
    const kept = bounded(many);
    expect(kept).toHaveLength(MAX_DOWNLOADS);
    expect(kept[0]?.id).toBe('r0');
    expect(kept.at(-1)?.id).toBe(`r${MAX_DOWNLOADS + 4}`);
    expect(kept.map((r) => r.id)).not.toContain(`r${MAX_DOWNLOADS + 3}`);

    const h = setup({ mode: 'folder', initial: Array.from({ length: MAX_DOWNLOADS }, (_, n) => record(`r${n}`, 'completed')) });
    h.start('new.pdf');
    expect(h.list()).toHaveLength(MAX_DOWNLOADS);
    expect(h.list()[0]?.fileName).toBe('new.pdf');
    expect(h.list().map((r) => r.id)).not.toContain(`r${MAX_DOWNLOADS - 1}`);
    expect(h.saved.at(-1)).toHaveLength(MAX_DOWNLOADS);
  });
});
