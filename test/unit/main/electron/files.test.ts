import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SaveDialogOptions } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { ElectronFiles, type DialogLike } from '../../../../main/electron/files';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function setup(answer = '') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-files-'));
  dirs.push(dir);
  const asked: SaveDialogOptions[] = [];
  const dialog: DialogLike = {
    showSaveDialog: (options) => {
      asked.push(options);
      return Promise.resolve({ canceled: answer === '', filePath: answer });
    },
    showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
  };
  const files = new ElectronFiles(dialog, dir, (kind) => ({ title: `Save ${kind}`, filter: kind }));
  return { dir, files, asked };
}

describe('ElectronFiles', () => {
  it('writes bytes as they are, through a temporary file it leaves no trace of', async () => {
    const { dir, files } = setup();
    const target = path.join(dir, 'qr.png');
    const bytes = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xc3, 0xa9]);
    await files.write(target, bytes);
    expect(new Uint8Array(fs.readFileSync(target))).toEqual(bytes);
    expect(fs.readdirSync(dir)).toEqual(['qr.png']);
  });

  it('writes text as UTF-8 over an older file', async () => {
    const { dir, files } = setup();
    const target = path.join(dir, 'qr.svg');
    fs.writeFileSync(target, 'old');
    await files.write(target, '<svg>مرحبا</svg>');
    expect(fs.readFileSync(target, 'utf8')).toBe('<svg>مرحبا</svg>');
    expect(fs.readdirSync(dir)).toEqual(['qr.svg']);
  });

  it('offers PNG and SVG files for QR codes, in the documents folder', async () => {
    const { dir, files, asked } = setup('/chosen/qr.png');
    expect(await files.chooseSave('qr-png', 'wasl-whatsapp-qr.png')).toBe('/chosen/qr.png');
    await files.chooseSave('qr-svg', 'wasl-whatsapp-qr.svg');
    expect(asked).toEqual([
      { title: 'Save qr-png', defaultPath: path.join(dir, 'wasl-whatsapp-qr.png'), filters: [{ name: 'qr-png', extensions: ['png'] }] },
      { title: 'Save qr-svg', defaultPath: path.join(dir, 'wasl-whatsapp-qr.svg'), filters: [{ name: 'qr-svg', extensions: ['svg'] }] },
    ]);
  });

  it('answers nothing when the user cancels', async () => {
    const { files } = setup('');
    expect(await files.chooseSave('qr-png', 'x.png')).toBeUndefined();
  });
});
