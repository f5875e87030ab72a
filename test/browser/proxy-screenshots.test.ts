/**
 * Screenshots for review (test-results/screenshots/) of a service's proxy form, in light and dark, English and
 * Arabic: an HTTP proxy with a user and a saved password (never shown back), where the password is kept, and the
 * connection test's answer when the proxy refuses; then the SOCKS5 choice, with why it takes no password. The form
 * is driven as a user would: the test saves through main's proxy controller, whose connection test answers as a
 * refusing proxy does. Each shot first checks that the screen shows what it is meant to.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceConfig } from '../../common/model';
import { DEFAULT_SETTINGS } from '../../common/settings';
import { initialRuntime, type AppState } from '../../common/state';
import { MemoryVault } from '../fakes/proxy';
import { launchChromium } from '../support/chromium';
import { openShell } from '../support/shell-harness';

const OUT = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const SIZE = { width: 1200, height: 820 };

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(OUT, { recursive: true });
});

afterAll(async () => {
  await browser.close();
});

function account(id: string, platform: ServiceConfig['platform'], name: string, extra: Partial<ServiceConfig> = {}): ServiceConfig {
  return { id, platform, name, enabled: true, muted: false, callsAllowed: false, ...extra };
}

function state(language: 'en' | 'ar'): Partial<AppState> {
  return {
    services: [
      account('s1', 'whatsapp', language === 'en' ? 'Shop WhatsApp' : 'واتساب المتجر', { proxy: { mode: 'http', host: 'proxy.example.net', port: 3128, username: 'amal' } }),
      account('s2', 'telegram', 'Telegram'),
    ],
    activeServiceId: 's1',
    runtime: { s1: { ...initialRuntime(true), status: 'ready' }, s2: { ...initialRuntime(true), status: 'ready' } },
    view: 'inbox',
    os: 'linux',
    settings: { ...DEFAULT_SETTINGS, language },
  };
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
}

const TEXT = {
  en: {
    service: 'Shop WhatsApp',
    menu: 'Proxy…',
    title: /^Proxy for .Shop WhatsApp.$/u,
    saved: 'A password is saved for this proxy.',
    encrypted: "encrypted with your system's keychain",
    test: 'Test connection',
    refused: 'The proxy refused the connection',
    socks: 'SOCKS5',
    socksNote: 'cannot send them',
  },
  ar: {
    service: 'واتساب المتجر',
    menu: 'الوكيل…',
    title: /^الوكيل \(بروكسي\) لـ .واتساب المتجر.$/u,
    saved: 'توجد كلمة مرور محفوظة لهذا الوكيل.',
    encrypted: 'تُشفَّر كلمة المرور بسلسلة مفاتيح نظامك',
    test: 'اختبار الاتصال',
    refused: 'رفض الوكيل الاتصال',
    socks: 'SOCKS5',
    socksNote: 'لا يستطيع إرسالهما',
  },
} as const;

describe('proxy screenshots', () => {
  for (const locale of ['en', 'ar'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`the proxy form, ${locale}, ${scheme}`, async () => {
        const text = TEXT[locale];
        const vault = new MemoryVault();
        vault.set('s1', 'never shown');
        const shell = await openShell(browser, { state: state(locale), colorScheme: scheme, viewport: SIZE, locale, deviceScaleFactor: 2, proxyVault: vault });
        const { page } = shell;
        try {
          shell.proxySessions.probeResult = { error: 'Error: net::ERR_PROXY_CONNECTION_FAILED', aborted: false };
          await page.getByRole('tab', { name: text.service }).click({ button: 'right' });
          await page.getByRole('menuitem', { name: text.menu }).click();
          const dialog = page.getByRole('dialog', { name: text.title });
          await dialog.waitFor();
          expect(await dialog.getByRole('radio', { name: 'HTTP', exact: true }).isChecked()).toBe(true);
          expect(await dialog.locator('input[type="password"]').inputValue()).toBe('');
          await dialog.getByText(text.saved).waitFor();
          await dialog.getByText(text.encrypted, { exact: false }).waitFor();
          await dialog.getByRole('button', { name: text.test }).click();
          await expect.poll(() => dialog.getByRole('status').textContent()).toContain(text.refused);
          expect(shell.proxySessions.probes.map((p) => p.url)).toEqual(['https://web.whatsapp.com/']);
          await shot(page, `proxy-${locale}-${scheme}`);
          expect(await dialog.locator('.dialog-body').evaluate((body) => body.scrollHeight - body.clientHeight)).toBeLessThanOrEqual(1);

          await dialog.getByRole('radio', { name: text.socks }).check();
          await dialog.locator('.proxy-note.is-warning').getByText(text.socksNote, { exact: false }).waitFor();
          expect(await dialog.locator('input[type="password"]').count()).toBe(0);
          // Another choice is another test: the last answer goes.
          expect(await dialog.getByRole('status').textContent()).toBe('');
          await shot(page, `proxy-socks5-${locale}-${scheme}`);
          expect(shell.errors).toEqual([]);
        } finally {
          await shell.close();
        }
      });
    }
  }
});
