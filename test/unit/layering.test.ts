/**
 * The layering rules of eslint.config.js, as ESLint applies them to a file in each room: a forbidden import is
 * reported, an allowed one is not. Only the import rules run here (they need no type information).
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
/** The first lint loads the whole config and its plugins: seconds on a busy machine. */
const LINT_TIMEOUT_MS = 60_000;
const eslint = new ESLint({
  cwd: root,
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports' || ruleId === '@typescript-eslint/no-restricted-imports',
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
});

async function reported(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => m.message);
}

describe('layering rules', () => {
  it.each([
    ['main/core/services/x.ts', "import fs from 'node:fs';"],
    ['main/core/services/x.ts', "import type { BrowserWindow } from 'electron';"],
    ['main/core/services/x.ts', "import { ServiceViews } from '../../electron/service-views';"],
    ['main/core/shop/x.ts', "import { openSettings } from '../../persistence/settings-file';"],
    ['main/core/lock/x.ts', "import { scryptHasher } from '../../security/password';"],
    ['main/core/app/x.ts', "import { IpcRouter } from '../../ipc/router';"],
    ['main/electron/x.ts', "import { App } from '../../renderer/src/App';"],
    ['common/x.ts', "import { app } from 'electron';"],
    ['common/x.ts', "import { ServiceController } from '../main/core/services/services';"],
    ['renderer/src/x.ts', "import path from 'node:path';"],
    ['preload/connectors/x.ts', "import { ipcRenderer } from 'electron';"],
  ])('reports %s importing: %s', async (file, source) => {
    expect(await reported(file, source)).toHaveLength(1);
  }, LINT_TIMEOUT_MS);

  it.each([
    ['main/core/services/x.ts', "import { PLATFORMS } from '../../../common/catalog';"],
    ['main/core/services/x.ts', "import type { ViewsPort } from '../app/ports';"],
    ['main/electron/x.ts', "import type { BrowserWindow } from 'electron';"],
    ['main/persistence/x.ts', "import type { Clock } from '../core/app/ports';"],
  ])('allows %s importing: %s', async (file, source) => {
    expect(await reported(file, source)).toEqual([]);
  }, LINT_TIMEOUT_MS);
});
