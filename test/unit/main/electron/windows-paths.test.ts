/**
 * The same path checks with Windows path rules: there a backslash separates folders and a drive letter or a
 * UNC prefix makes a path absolute, so `app://wasl/..%5c..%5csecret` really names a file outside the root.
 * node:path is swapped for path.win32 for the modules under test. Downloads go where the Windows paths say too.
 */
import type * as NodePath from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { resolveAppPath } from '../../../../main/electron/app-protocol';
import { createAppStore } from '../../../../main/core/app/app-store';
import { DownloadsController } from '../../../../main/core/downloads/downloads';
import { electronDownloadDisk } from '../../../../main/electron/downloads';
import { ManualClock } from '../../../fakes/clock';
import { createFakeElectron, FakeDownloadItem } from '../../../fakes/electron';
import { MemoryLogger } from '../../../fakes/logger';
import { stateOf } from '../../../fakes/state';

vi.mock('node:path', async (importOriginal) => {
  const actual = await importOriginal<typeof NodePath>();
  return { ...actual.win32, default: actual.win32 };
});

const ROOT = 'C:\\Program Files\\Wasl\\resources\\app.asar\\out\\renderer';

describe('resolveAppPath with Windows paths', () => {
  it('really runs with Windows path rules', async () => {
    const mocked = await import('node:path');
    expect(mocked.default.sep).toBe('\\');
  });

  it('names files inside the root', () => {
    expect(resolveAppPath('app://wasl/', ROOT)).toBe(`${ROOT}\\index.html`);
    expect(resolveAppPath('app://wasl/assets/index-abc.js', ROOT)).toBe(`${ROOT}\\assets\\index-abc.js`);
  });

  it.each([
    'app://wasl/..%5c..%5csecret.txt',
    'app://wasl/%5c..%5c..%5c..%5cWindows%5cwin.ini',
    'app://wasl/assets%5c..%5c..%5c..%5csecret',
    'app://wasl/..%2f..%5csecret',
    'app://wasl/%2e%2e%5c%2e%2e%5csecret',
    'app://wasl/..%5crenderer-evil%5cindex.html',
  ])('%j names nothing (outside the root)', (url) => {
    expect(resolveAppPath(url, ROOT)).toBeUndefined();
  });

  it.each(['app://wasl/C:%5cWindows%5cwin.ini', 'app://wasl/%5c%5cevil.example%5cshare%5cx', 'app://wasl/C:/Windows/win.ini'])(
    '%j stays inside the root (no drive or UNC escape)',
    (url) => {
      const file = resolveAppPath(url, ROOT);
      expect(file === undefined || file.startsWith(`${ROOT}\\`), String(file)).toBe(true);
    },
  );
});

describe('downloads with Windows paths', () => {
  it.each([
    ['..\\..\\Windows\\System32\\evil.dll', 'evil.dll'],
    ['C:\\Users\\Public\\evil.exe', 'evil.exe'],
    ['../../evil.bat', 'evil.bat'],
    ['..', 'download'],
  ])('opens the save dialog on the base name of %j, inside the Downloads folder', (filename, expected) => {
    const fake = createFakeElectron();
    fake.app.paths.downloads = 'C:\\Users\\Salma\\Downloads';
    const downloads = new DownloadsController({
      store: createAppStore(stateOf()),
      clock: new ManualClock(),
      log: new MemoryLogger(),
      newId: () => 'd1',
      disk: electronDownloadDisk({ app: fake.app, shell: fake.shell, dialog: { showOpenDialog: () => Promise.reject(new Error('not asked')) }, folderTitle: () => '' }),
      initial: [],
      save: () => undefined,
    });
    const item = new FakeDownloadItem(filename);
    downloads.track('a', item);
    expect(item.saveDialogOptions).toEqual({ defaultPath: `C:\\Users\\Salma\\Downloads\\${expected}` });
  });
});
