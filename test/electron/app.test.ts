/**
 * The real app, launched through Playwright's Electron driver with a local HTTPS fixture as a custom service.
 * Runs wherever the Electron binary exists; elsewhere it says plainly that it skipped.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCustomFixture, type CustomFixtureServer } from '../support/custom-fixture-server';
import { ELECTRON_MISSING, electronBinary } from '../support/electron-binary';

const root = path.resolve(import.meta.dirname, '../..');
const binary = electronBinary(root);
if (!binary) console.warn(ELECTRON_MISSING);

describe.skipIf(!binary)('Wasl in real Electron', () => {
  let server: CustomFixtureServer;
  let origin: string;
  let profile: string;
  let app: ElectronApplication;
  let shell: Page;
  let userAgents: string[];

  beforeAll(async () => {
    server = await serveCustomFixture(root);
    origin = server.origin;
    userAgents = server.userAgents;
    profile = mkdtempSync(path.join(os.tmpdir(), 'wasl-e2e-'));
    writeFileSync(
      path.join(profile, 'settings.json'),
      JSON.stringify({
        version: 1,
        services: [{ id: 'fixture1', platform: 'custom', name: 'Fixture Shop', enabled: true, muted: false, callsAllowed: false, url: `${origin}/` }],
        activeServiceId: 'fixture1',
        settings: { theme: 'light', language: 'en' },
        window: null,
      }),
    );
    app = await _electron.launch({
      executablePath: binary,
      args: ['--ignore-certificate-errors', root],
      env: { ...process.env, WASL_USER_DATA_DIR: profile },
    });
    shell = await app.firstWindow();
  });

  afterAll(async () => {
    await app.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('opens the Wasl window with the shell from app://', async () => {
    await shell.waitForLoadState('domcontentloaded');
    expect(shell.url()).toBe('app://wasl/index.html');
    expect(await shell.title()).toBe('Wasl');
  });

  it('hosts the service in its own sandboxed view on its own partition, with a clean Chrome user agent', async () => {
    await expect.poll(() => userAgents.length, { timeout: 30_000 }).toBeGreaterThan(0);
    const contents = await app.evaluate(({ webContents }) =>
      Promise.all(
        webContents.getAllWebContents().map(async (wc) => ({
          url: wc.getURL(),
          storage: wc.session.getStoragePath(),
          // What the page's own scripts can reach: no Node, no Wasl bridge.
          reach: wc.getURL().startsWith('https:')
            ? ((await wc.executeJavaScript('[typeof require, typeof process, typeof window.wasl].join()')) as string)
            : '',
        })),
      ),
    );
    const service = contents.find((c) => c.url.startsWith(origin));
    expect(service?.storage?.replace(/\\/g, '/')).toMatch(/\/Partitions\/svc-fixture1$/i);
    expect(service?.reach).toBe('undefined,undefined,undefined');
    for (const ua of userAgents) {
      expect(ua).toMatch(/Chrome\/\d+\.0\.0\.0 Safari\/537\.36$/);
      expect(ua).not.toMatch(/Electron|wasl/i);
    }
  });
});
