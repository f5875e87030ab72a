/**
 * The app lock and the updater in the real app: Wasl started with a password set opens on the lock screen with no
 * service page and no chat shown, refuses a wrong password, and unlocks with the right one; a development build
 * does not update, and says so in its settings (the packaged path is covered with a fake electron-updater in
 * test/unit/main/index.packaged.test.ts). Runs wherever the Electron binary exists; elsewhere it
 * says plainly that it skipped.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scryptHasher } from '../../main/security/password';
import { serveCustomFixture, type CustomFixtureServer } from '../support/custom-fixture-server';
import { ELECTRON_MISSING, electronBinary } from '../support/electron-binary';

const root = path.resolve(import.meta.dirname, '../..');
const binary = electronBinary(root);
if (!binary) console.warn(ELECTRON_MISSING);

const PASSWORD = 'كلمة-سر 2026';

describe.skipIf(!binary)('Wasl in real Electron: the app lock and updates', () => {
  let server: CustomFixtureServer;
  let profile: string;
  let app: ElectronApplication;
  let shell: Page;

  beforeAll(async () => {
    server = await serveCustomFixture(root);
    profile = mkdtempSync(path.join(os.tmpdir(), 'wasl-lock-'));
    const lock = await scryptHasher().hash(PASSWORD);
    writeFileSync(
      path.join(profile, 'settings.json'),
      JSON.stringify({
        version: 3,
        services: [{ id: 'fixture1', platform: 'custom', name: 'Fixture Shop', enabled: true, muted: false, callsAllowed: false, url: `${server.origin}/` }],
        activeServiceId: 'fixture1',
        settings: { language: 'en' },
        lock,
        window: null,
      }),
    );
    app = await _electron.launch({ executablePath: binary, args: ['--ignore-certificate-errors', root], env: { ...process.env, WASL_USER_DATA_DIR: profile } });
    shell = await app.firstWindow();
  });

  afterAll(async () => {
    await app.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  });

  /** The service views on screen: none while locked. */
  const visibleViews = () =>
    app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().flatMap((w) => w.contentView.children.filter((v) => 'webContents' in v && v.getVisible()).map(() => 1)).length,
    );

  it('opens locked: only the lock screen, no service page, no chat', async () => {
    await shell.getByRole('heading', { name: 'Wasl is locked' }).waitFor();
    expect(await shell.getByRole('navigation').count()).toBe(0);
    expect(await visibleViews()).toBe(0);
  });

  it('refuses a wrong password and unlocks with the right one', async () => {
    const field = shell.getByLabel('Password');
    await field.fill('wrong');
    await shell.getByRole('button', { name: 'Unlock' }).click();
    await shell.getByText('Wrong password. Try again.').waitFor();
    await field.fill(PASSWORD);
    await shell.getByRole('button', { name: 'Unlock' }).click();
    await shell.getByRole('navigation').waitFor({ timeout: 30_000 });
    await expect.poll(visibleViews, { timeout: 30_000 }).toBe(1);
  });

  it('does not update a development build, and says so in settings', async () => {
    expect(await app.evaluate(({ app: electronApp }) => electronApp.isPackaged)).toBe(false);
    await shell.getByRole('button', { name: 'Settings' }).click();
    expect(await shell.getByRole('switch', { name: 'Update automatically' }).isDisabled()).toBe(true);
  });
});
