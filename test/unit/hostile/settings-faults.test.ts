/**
 * The settings file under faults: truncated, empty, binary garbage, a newer Wasl's, the wrong shape, and a
 * process killed in the middle of writing it. Wasl must start, keep the bad file aside, keep the last good data
 * where there is one, tell the user (a Notice), and never leave a half-written file behind. The single cases are
 * in test/unit/main/persistence/settings-file.test.ts; here every fault goes through the same checks, and main/index.ts itself starts
 * on a damaged file.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LIMITS } from '../../../common/ipc';
import { CURRENT_VERSION, defaultDocument, toDisk } from '../../../main/core/settings/document';
import { openSettings, type KeyValueFileFactory } from '../../../main/persistence/settings-file';
import { ManualClock } from '../../fakes/clock';
import { MemoryLogger } from '../../fakes/logger';
import { bootMain, goodSettings, printFigures } from './main-under-test';

vi.mock('electron', async () => (await import('./main-under-test')).fakeElectronModule());
vi.mock('electron-store', async () => (await import('./main-under-test')).fakeElectronStore());

/** conf with the options main gives electron-store: a file that is not JSON throws instead of being wiped. */
const conf: KeyValueFileFactory = (cwd, name) => new Conf<Record<string, unknown>>({ cwd, configName: name, clearInvalidConfig: false });

const good = JSON.stringify(goodSettings());
const FAULTS: readonly { fault: string; content: string | Buffer; keeps: 'nothing' | 'services' }[] = [
  { fault: 'truncated', content: good.slice(0, Math.floor(good.length / 2)), keeps: 'nothing' },
  { fault: 'empty', content: '', keeps: 'nothing' },
  { fault: 'binary garbage', content: Buffer.from([0, 159, 146, 150, 255, 0, 1, 0xfe, 0xff]), keeps: 'nothing' },
  { fault: 'a NUL-filled file (power loss)', content: Buffer.alloc(4096), keeps: 'nothing' },
  { fault: 'JSON but an array', content: '[1,2,3]', keeps: 'nothing' },
  { fault: 'a newer version', content: JSON.stringify({ ...goodSettings(), version: CURRENT_VERSION + 5, hologram: true }), keeps: 'services' },
  { fault: 'a version that is not a number', content: JSON.stringify({ ...goodSettings(), version: 'two' }), keeps: 'nothing' },
  { fault: 'one damaged service', content: JSON.stringify({ ...goodSettings(), services: [...(goodSettings()['services'] as unknown[]), { id: '../x' }] }), keeps: 'services' },
];

const figures: Record<string, string | number>[] = [];

afterAll(() => {
  printFigures('Settings file faults', figures);
});

describe('a damaged settings file', () => {
  let dir: string;
  const file = () => path.join(dir, 'settings.json');
  /** Files beside settings.json, but its last good copies (kept after every successful write). */
  const others = () => fs.readdirSync(dir).filter((f) => f !== 'settings.json' && !f.startsWith('settings.last-good'));

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-faults-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each(FAULTS)('$fault: starts, keeps the file aside byte for byte, keeps what it can and says so', ({ fault, content, keeps }) => {
    fs.writeFileSync(file(), content);
    const log = new MemoryLogger();
    const opened = openSettings(dir, conf, new ManualClock(Date.UTC(2026, 2, 1)), log, () => 'notice-1');
    const [backup, ...more] = others();
    expect(more).toEqual([]);
    expect(fs.readFileSync(path.join(dir, backup ?? ''))).toEqual(Buffer.from(content));
    expect(opened.notices).toHaveLength(1);
    expect(opened.notices[0]).toMatchObject({ id: 'notice-1', backupPath: path.join(dir, backup ?? '') });
    if (keeps === 'services') expect(opened.doc.services.map((s) => s.id)).toEqual(['wa1', 'tg1']);
    else expect(opened.doc).toEqual(defaultDocument());
    // What is on disk now reads back cleanly: the next start says nothing more.
    expect(JSON.parse(fs.readFileSync(file(), 'utf8'))).toEqual(toDisk(opened.doc));
    expect(openSettings(dir, conf, new ManualClock(Date.UTC(2026, 2, 2)), new MemoryLogger(), () => 'notice-2').notices).toEqual([]);
    expect(log.lines.filter((l) => l.level !== 'info')).toHaveLength(1);
    figures.push({ fault, 'Wasl starts': 'yes', 'backup kept': backup ?? '', notice: opened.notices[0]?.kind ?? '', 'services kept': opened.doc.services.length });
  });

  it('a process killed in the middle of writing leaves the last complete file, never a torn one', async () => {
    // A document of about 4 MB, so a write takes long enough to be cut: 1,000 quick replies of 4,000 characters.
    const writer = `
      import Conf from 'conf';
      const store = new Conf({ cwd: process.argv[1], configName: 'settings', clearInvalidConfig: false });
      const base = JSON.parse(process.argv[2]);
      const body = 'ب'.repeat(${LIMITS.replyBody});
      for (let round = 1; ; round += 1) {
        const quickReplies = Array.from({ length: ${LIMITS.quickReplies} }, (_, i) => ({ id: 'q' + i, name: 'round ' + round, body }));
        store.store = { ...base, quickReplies };
        if (round === 2) process.stdout.write('writing\\n');
      }`;
    const kills = 6;
    for (let attempt = 0; attempt < kills; attempt += 1) {
      const child = spawn(process.execPath, ['--input-type=module', '-e', writer, dir, good], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve, reject) => {
        child.once('error', reject);
        child.stdout.once('data', () => resolve());
      });
      await new Promise((resolve) => setTimeout(resolve, 15 + attempt * 23));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));

      const log = new MemoryLogger();
      const opened = openSettings(dir, conf, new ManualClock(Date.UTC(2026, 2, 1)), log, () => 'n');
      expect(opened.notices).toEqual([]);
      const rounds = new Set(opened.doc.quickReplies.map((q) => q.name));
      expect(opened.doc.quickReplies).toHaveLength(LIMITS.quickReplies);
      expect(rounds.size).toBe(1);
      expect(opened.doc.services.map((s) => s.id)).toEqual(['wa1', 'tg1']);
      // The temporary file of the write that was cut is gone; only the settings file is left.
      expect(others()).toEqual([]);
      figures.push({
        fault: `killed while writing (#${attempt + 1})`,
        'Wasl starts': 'yes',
        'backup kept': 'not needed',
        notice: 'none',
        'services kept': opened.doc.services.length,
        'file read back': [...rounds].join(''),
        'temp files left': others().length,
      });
    }
  }, 60_000);
});

describe('main/index.ts on a truncated settings file', () => {
  it('starts, opens its window, and tells the user in the shell where the original was kept', async () => {
    const main = await bootMain(good.slice(0, 40));
    try {
      const state = await main.state();
      expect(main.win.loaded).toEqual(['app://wasl/index.html']);
      expect(state.services).toEqual([]);
      const notice = state.notices.find((n) => n.kind === 'settings-reset');
      expect(notice).toMatchObject({ kind: 'settings-reset' });
      const backupPath = notice?.kind === 'settings-reset' ? notice.backupPath : '';
      expect(path.dirname(backupPath)).toBe(main.profile);
      expect(fs.readFileSync(backupPath, 'utf8')).toBe(good.slice(0, 40));
      figures.push({ fault: 'truncated, through main/index.ts', 'Wasl starts': 'yes', 'backup kept': path.basename(backupPath), notice: notice?.kind ?? '', 'services kept': 0 });
    } finally {
      main.close();
    }
  });
});
