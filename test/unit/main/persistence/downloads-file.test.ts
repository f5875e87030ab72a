/**
 * downloads.json on a real disk (conf, as electron-store writes it): what it wrote it reads back, a damaged file is
 * kept aside and the list starts empty with a notice, bad entries go one by one, and the settings are never touched.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_DOWNLOADS, type DownloadRecord } from '../../../../common/downloads';
import { openDownloads, readDownloads } from '../../../../main/persistence/downloads-file';
import type { KeyValueFileFactory } from '../../../../main/persistence/settings-file';
import { ManualClock } from '../../../fakes/clock';
import { MemoryLogger } from '../../../fakes/logger';

const conf: KeyValueFileFactory = (cwd, name) => new Conf<Record<string, unknown>>({ cwd, configName: name, clearInvalidConfig: false });
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-downloads-'));
  dirs.push(dir);
  return dir;
}

const record = (id: string, extra: Partial<DownloadRecord> = {}): DownloadRecord => ({
  id,
  serviceId: 'wa1',
  fileName: 'فاتورة.pdf',
  origin: 'https://web.whatsapp.com',
  savePath: '/home/salma/Downloads/فاتورة.pdf',
  receivedBytes: 1_000,
  totalBytes: 1_000,
  state: 'completed',
  startedAt: 1_000,
  endedAt: 2_000,
  ...extra,
});

describe('readDownloads', () => {
  it('treats an empty file as a first start', () => {
    expect(readDownloads({})).toEqual({ doc: { downloads: [] } });
  });

  it('drops the entries that do not parse, one by one, and duplicates', () => {
    const { doc, problem } = readDownloads({
      version: 1,
      downloads: [record('a'), { ...record('b'), state: 'exploded' }, { ...record('c'), serviceId: '../x' }, 'garbage', record('a')],
    });
    expect(doc.downloads.map((r) => r.id)).toEqual(['a']);
    expect(problem).toEqual({ kind: 'repaired', dropped: 4 });
  });

  it('reads no more than MAX_DOWNLOADS', () => {
    const many = Array.from({ length: MAX_DOWNLOADS + 10 }, (_, n) => record(`r${n}`));
    expect(readDownloads({ version: 1, downloads: many }).doc.downloads).toHaveLength(MAX_DOWNLOADS);
  });

  it.each([[[]], [null], [{ version: 2, downloads: [] }], [{ version: 1, downloads: {} }]])('gives up on %j', (raw) => {
    expect(readDownloads(raw).problem?.kind).toBe('unusable');
  });
});

describe('openDownloads', () => {
  it('reads back what it wrote, atomically, as a versioned document', () => {
    const dir = tempDir();
    const clock = new ManualClock();
    const first = openDownloads(dir, conf, clock, new MemoryLogger());
    expect(first.records).toEqual([]);
    expect(first.save([record('a'), record('b', { state: 'interrupted' })])).toBe(true);
    const onDisk = JSON.parse(fs.readFileSync(path.join(dir, 'downloads.json'), 'utf8')) as { version: number; downloads: unknown[] };
    expect(onDisk.version).toBe(1);
    expect(onDisk.downloads).toHaveLength(2);
    expect(fs.readdirSync(dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
    const again = openDownloads(dir, conf, clock, new MemoryLogger());
    expect(again.records).toEqual([record('a'), record('b', { state: 'interrupted' })]);
    expect(again.notices(() => 'n1')).toEqual([]);
  });

  it('writes at most MAX_DOWNLOADS', () => {
    const dir = tempDir();
    const file = openDownloads(dir, conf, new ManualClock(), new MemoryLogger());
    file.save(Array.from({ length: MAX_DOWNLOADS + 3 }, (_, n) => record(`r${n}`)));
    expect(openDownloads(dir, conf, new ManualClock(), new MemoryLogger()).records).toHaveLength(MAX_DOWNLOADS);
  });

  it.each([
    ['not JSON', '{"version":1,"downloads":[{"id":'],
    ['not a list Wasl knows', '{"version":7,"downloads":"everything"}'],
  ])('keeps a damaged file (%s) aside, starts empty, says where, and leaves the settings alone', (_what, text) => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'downloads.json'), text);
    const settings = '{"version":9,"settings":{"theme":"dark"}}';
    fs.writeFileSync(path.join(dir, 'settings.json'), settings);
    const log = new MemoryLogger();
    const file = openDownloads(dir, conf, new ManualClock(), log);
    expect(file.records).toEqual([]);
    const [notice, ...others] = file.notices(() => 'n1');
    expect(others).toEqual([]);
    expect(notice).toMatchObject({ id: 'n1', kind: 'downloads-reset' });
    const backupPath = notice?.kind === 'downloads-reset' ? notice.backupPath : '';
    expect(path.dirname(backupPath)).toBe(dir);
    expect(fs.readFileSync(backupPath, 'utf8')).toBe(text);
    expect(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')).toBe(settings);
    expect(log.count('error')).toBe(1);
    // The list works again from empty.
    expect(file.save([record('a')])).toBe(true);
    expect(openDownloads(dir, conf, new ManualClock(), new MemoryLogger()).records).toEqual([record('a')]);
  });
});
