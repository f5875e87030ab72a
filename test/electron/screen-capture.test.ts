/**
 * Screen capture in the real app (Electron 45's permission order): a service with calls allowed asks through
 * `getDisplayMedia` and gets Wasl's picker; the legacy desktop `getUserMedia` (`chromeMediaSource`), which Electron
 * grants the same permission and which skips every picker, is refused in the page by the capture guard, and when the
 * page gets around the guard (another frame's getUserMedia) its page is stopped and the shell says so.
 * Runs wherever the Electron binary exists (with a display); elsewhere it says plainly that it skipped.
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

describe.skipIf(!binary)('screen capture in real Electron', () => {
  let server: CustomFixtureServer;
  let origin: string;
  let profile: string;
  let app: ElectronApplication;
  let shell: Page;

  /** Runs `script` in the service's page as if the user had just clicked in it; `wait`: answers what it answered. */
  const inPage = (script: string, wait = false) =>
    app.evaluate(
      async ({ webContents }, { origin: at, script: code, wait: answer }) => {
        const page = webContents.getAllWebContents().find((wc) => wc.getURL().startsWith(at));
        if (!page) throw new Error('no service page');
        const result = page.executeJavaScript(code, true) as Promise<unknown>;
        return answer ? String(await result) : '';
      },
      { origin, script, wait },
    );

  beforeAll(async () => {
    server = await serveCustomFixture(root);
    origin = server.origin;
    profile = mkdtempSync(path.join(os.tmpdir(), 'wasl-e2e-share-'));
    writeFileSync(
      path.join(profile, 'settings.json'),
      JSON.stringify({
        version: 1,
        services: [{ id: 'fixture1', platform: 'custom', name: 'Fixture Shop', enabled: true, muted: false, callsAllowed: true, url: `${origin}/` }],
        activeServiceId: 'fixture1',
        settings: { theme: 'light', language: 'en' },
        window: null,
      }),
    );
    app = await _electron.launch({ executablePath: binary, args: ['--ignore-certificate-errors', root], env: { ...process.env, WASL_USER_DATA_DIR: profile } });
    shell = await app.firstWindow();
    await expect.poll(() => app.evaluate(({ webContents }, at) => webContents.getAllWebContents().some((wc) => wc.getURL().startsWith(at)), origin), { timeout: 30_000 }).toBe(true);
  });

  afterAll(async () => {
    await app.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('shows Wasl’s picker for getDisplayMedia, and leaves the page running', async () => {
    await inPage('navigator.mediaDevices.getDisplayMedia({ video: true }).catch(() => undefined)');
    const picker = shell.getByRole('dialog', { name: /wants to share your screen/ });
    await picker.waitFor({ timeout: 15_000 });
    await shell.keyboard.press('Escape');
    await picker.waitFor({ state: 'hidden' });
    await shell.waitForTimeout(1_000);
    expect(await shell.getByText('tried to capture your screen').count()).toBe(0);
  });

  it('refuses the legacy desktop getUserMedia inside the page', async () => {
    const outcome = await inPage("navigator.mediaDevices.getUserMedia({ video: { mandatory: { chromeMediaSource: 'desktop' } } }).then(() => 'captured', (e) => e.name)", true);
    expect(outcome).toBe('NotAllowedError');
    expect(await shell.getByText('tried to capture your screen').count()).toBe(0);
  });

  it('stops a page that gets around the guard through another frame’s getUserMedia, and says so', async () => {
    await inPage(`(() => {
      const frame = document.createElement('iframe');
      document.body.append(frame);
      const unguarded = frame.contentWindow.MediaDevices.prototype.getUserMedia;
      unguarded.call(navigator.mediaDevices, { video: { mandatory: { chromeMediaSource: 'desktop' } } }).catch(() => undefined);
    })()`);
    await shell.getByRole('region', { name: 'Notices' }).getByText('tried to capture your screen').waitFor({ timeout: 15_000 });
  });
});
