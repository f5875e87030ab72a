/**
 * Screenshots of the shell for review (test-results/screenshots/, not committed) in light and dark, English and
 * Arabic; the light English main screen also goes to docs/screenshot.png for the README. Each shot first checks
 * that the screen shows what it is meant to.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceConfig } from '../../common/model';
import { initialRuntime, type AppState, type ServiceRuntime } from '../../common/state';
import { launchChromium } from '../support/chromium';
import { openShell, type ShellHarness } from '../support/shell-harness';

const OUT = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const DOCS = path.resolve(import.meta.dirname, '../../docs/screenshot.png');
const SIZE = { width: 1200, height: 760 };
const LONG_ARABIC_NAME = 'واتساب المتجر الرئيسي — خدمة العملاء والطلبات';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(OUT, { recursive: true });
  mkdirSync(path.dirname(DOCS), { recursive: true });
});

afterAll(async () => {
  await browser.close();
});

function account(id: string, platform: ServiceConfig['platform'], name: string, extra: Partial<ServiceConfig> = {}): ServiceConfig {
  return { id, platform, name, enabled: true, muted: false, callsAllowed: false, ...extra };
}

function running(status: ServiceRuntime['status'], unread: number): ServiceRuntime {
  return { ...initialRuntime(true), status, unread, titleUnread: unread, connected: true };
}

/** Five accounts: badges 27, 150, 0, 1 (muted), one signed out, one turned off, one very long Arabic name. */
function demo(): Partial<AppState> {
  return {
    services: [
      account('s1', 'whatsapp', 'WhatsApp'),
      account('s2', 'whatsapp', LONG_ARABIC_NAME),
      account('s3', 'messenger', 'Messenger'),
      account('s4', 'instagram', 'Instagram', { muted: true }),
      account('s5', 'telegram', 'Telegram', { enabled: false }),
    ],
    activeServiceId: 's1',
    runtime: {
      s1: running('ready', 27),
      s2: running('ready', 150),
      s3: running('logged-out', 0),
      s4: running('ready', 1),
      s5: initialRuntime(false),
    },
  };
}

async function shot(page: Page, name: string, also?: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
  if (also !== undefined) await page.screenshot({ path: also });
}

/** A close-up of the sidebar and the toolbar, where badges and names are small. */
async function closeUp(page: Page, name: string, rtl = false): Promise<void> {
  const width = 520;
  await page.screenshot({
    path: path.join(OUT, `${name}.png`),
    clip: { x: rtl ? SIZE.width - width : 0, y: 0, width, height: 400 },
  });
}

const strip = (text: string | null) => (text ?? '').replace(/[\u2066-\u2069]/gu, '');

async function closeDialog(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

describe('screenshots', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`English, ${scheme}`, async () => {
      const shell: ShellHarness = await openShell(browser, { state: demo(), colorScheme: scheme, viewport: SIZE, deviceScaleFactor: 2 });
      const { page } = shell;
      try {
        expect(await page.getByRole('tab').count()).toBe(5);
        expect(await page.locator('.badge').allTextContents()).toEqual(['27', '99+', '1']);
        await shot(page, `main-${scheme}`, scheme === 'light' ? DOCS : undefined);
        await closeUp(page, `sidebar-${scheme}`);

        await page.getByRole('tab', { name: LONG_ARABIC_NAME }).click({ button: 'right' });
        await page.getByRole('menu').waitFor();
        await shot(page, `menu-${scheme}`);
        await page.keyboard.press('Escape');

        await page.getByRole('button', { name: 'Add a service' }).click();
        await page.getByRole('dialog', { name: 'Add a service' }).waitFor();
        await shot(page, `add-dialog-${scheme}`);

        await page.getByRole('button', { name: /^Other messenger/u }).click();
        await page.getByRole('textbox', { name: 'Web address' }).fill('http://chat.example.com');
        await page.getByText('Only secure (https://) addresses can be added.').waitFor();
        await shot(page, `custom-url-error-${scheme}`);
        await closeDialog(page);

        await shell.setRuntime('s1', { status: 'crashed', retryAt: shell.clock.now() + 8_000, failures: 1, lastError: 'oom' });
        await page.getByRole('button', { name: 'Reload now' }).waitFor();
        await shot(page, `crashed-${scheme}`);

        await shell.setRuntime('s1', { status: 'offline', retryAt: shell.clock.now() + 30_000, lastError: 'net::ERR_INTERNET_DISCONNECTED' });
        await page.getByRole('button', { name: 'Try now' }).waitFor();
        await shot(page, `offline-${scheme}`);

        await page.getByRole('tab', { name: 'Telegram' }).click();
        await page.getByRole('button', { name: 'Turn on' }).waitFor();
        await shot(page, `off-${scheme}`);

        await page.getByRole('button', { name: 'Settings' }).click();
        await page.getByRole('dialog', { name: 'Settings' }).waitFor();
        await shot(page, `settings-${scheme}`);
        await closeDialog(page);

        shell.store.setState({
          services: [],
          runtime: {},
          activeServiceId: null,
          notices: [{ id: 'n1', at: 1, kind: 'settings-reset', backupPath: '/home/amal/.config/Wasl/config.json.bak', reason: 'bad json' }],
        });
        await shell.settled();
        await page.getByRole('heading', { name: 'Welcome to Wasl' }).waitFor();
        expect(strip(await page.getByRole('region', { name: 'Notices' }).textContent())).toContain(
          'The old file was kept at /home/amal/.config/Wasl/config.json.bak.',
        );
        await shot(page, `empty-${scheme}`);
        expect(shell.errors).toEqual([]);
      } finally {
        await shell.close();
      }
    });

    it(`Arabic, ${scheme}`, async () => {
      const shell = await openShell(browser, { state: demo(), colorScheme: scheme, viewport: SIZE, locale: 'ar', deviceScaleFactor: 2 });
      const { page } = shell;
      try {
        expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
        const nav = await page.getByRole('navigation').boundingBox();
        expect(nav?.x).toBeGreaterThan(SIZE.width / 2);
        await shot(page, `main-ar-${scheme}`);
        await closeUp(page, `sidebar-ar-${scheme}`, true);

        await page.getByRole('button', { name: 'إضافة خدمة' }).click();
        await page.getByRole('dialog', { name: 'إضافة خدمة' }).waitFor();
        await shot(page, `add-dialog-ar-${scheme}`);
        await closeDialog(page);

        await page.getByRole('tab', { name: 'Messenger' }).click({ button: 'right' });
        await page.getByRole('menu').waitFor();
        await shot(page, `menu-ar-${scheme}`);
      } finally {
        await shell.close();
      }
    });
  }
});
