/**
 * Finds the Electron binary without triggering its download: since Electron 42 `require('electron')` fetches the
 * binary on first use, which cannot work on machines without internet. Undefined when it is not installed.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function electronBinary(root: string): string | undefined {
  const dir = path.join(root, 'node_modules', 'electron');
  let relative: string | undefined;
  try {
    relative = readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
  } catch {
    relative = undefined;
  }
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override) {
    const full = path.join(override, relative ?? 'electron');
    return existsSync(full) ? full : undefined;
  }
  if (relative === undefined) return undefined;
  const full = path.join(dir, 'dist', relative);
  return existsSync(full) ? full : undefined;
}

export const ELECTRON_MISSING =
  'Real-Electron suite skipped: the Electron binary is not installed (node_modules/electron/dist). ' +
  'Since Electron 42 it is downloaded on first use, which needs internet: run `npx install-electron` (or `npm start` once) where the network allows, then `npm run test:electron`.';
