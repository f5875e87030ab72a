/**
 * Screenshots for review (test-results/screenshots/) of the screen-share picker, in light and dark, English and
 * Arabic: Discord's page asks (through main's real broker, as a getDisplayMedia in front would), the screens and
 * then the windows show as pictures drawn here on a canvas, a long window title cut with its whole name kept; the
 * keys choose and Enter shares, and main's broker gets that source. On macOS with no windows, the empty state names
 * the Screen Recording permission. Each shot first checks that the screen shows what it is meant to.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceConfig } from '../../common/model';
import type { ScreenSource } from '../../common/screen-share';
import { DEFAULT_SETTINGS } from '../../common/settings';
import { initialRuntime, type AppState, type HostOs } from '../../common/state';
import type { ShareAsk } from '../../main/core/screen-share/picker';
import type { ShareGrant } from '../../main/core/screen-share/rules';
import { launchChromium } from '../support/chromium';
import { openShell, type ShellHarness } from '../support/shell-harness';

const OUT = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const SIZE = { width: 1200, height: 760 };

let browser: Browser;
/** The pictures, drawn once in a blank page: two screens, five windows and their icons. */
let pictures: { screens: string[]; windows: string[]; icons: string[] };

/** Draws a desktop or an application window at the picker's size, and an icon per window, as JPEG and PNG. */
async function drawPictures(page: Page): Promise<typeof pictures> {
  return page.evaluate(() => {
    const canvas = (w: number, h: number) => {
      const element = document.createElement('canvas');
      element.width = w;
      element.height = h;
      const context = element.getContext('2d');
      if (!context) throw new Error('no 2d canvas');
      return { element, context };
    };
    const desktop = (from: string, to: string, windows: [number, number, number, number, string][]) => {
      const { element, context } = canvas(320, 180);
      const sky = context.createLinearGradient(0, 0, 320, 180);
      sky.addColorStop(0, from);
      sky.addColorStop(1, to);
      context.fillStyle = sky;
      context.fillRect(0, 0, 320, 180);
      for (const [x, y, w, h, color] of windows) {
        context.fillStyle = '#ffffff';
        context.fillRect(x, y, w, h);
        context.fillStyle = color;
        context.fillRect(x, y, w, 10);
        context.fillStyle = '#d6dbe1';
        for (let line = y + 18; line < y + h - 6; line += 9) context.fillRect(x + 8, line, w - 16 - ((line * 7) % 30), 4);
      }
      context.fillStyle = 'rgba(20, 24, 30, 0.85)';
      context.fillRect(0, 168, 320, 12);
      return element.toDataURL('image/jpeg', 0.8);
    };
    const app = (accent: string, dark: boolean, wide: boolean) => {
      const { element, context } = canvas(320, wide ? 180 : 240);
      context.fillStyle = dark ? '#22262b' : '#f7f8fa';
      context.fillRect(0, 0, element.width, element.height);
      context.fillStyle = accent;
      context.fillRect(0, 0, element.width, 22);
      context.fillStyle = dark ? '#3a3f46' : '#e3e7ec';
      context.fillRect(0, 22, 80, element.height - 22);
      for (let line = 34; line < element.height - 10; line += 14) {
        context.fillStyle = dark ? '#4b525b' : '#cfd5dc';
        context.fillRect(92, line, 200 - ((line * 13) % 90), 6);
      }
      return element.toDataURL('image/jpeg', 0.8);
    };
    const icon = (color: string, letter: string) => {
      const { element, context } = canvas(32, 32);
      context.fillStyle = color;
      context.beginPath();
      context.arc(16, 16, 15, 0, Math.PI * 2);
      context.fill();
      context.fillStyle = '#ffffff';
      context.font = 'bold 18px sans-serif';
      context.textAlign = 'center';
      context.textBaseline = 'middle';
      context.fillText(letter, 16, 17);
      return element.toDataURL('image/png');
    };
    const colors = ['#2f6fdb', '#d9480f', '#0b7a6e', '#7048e8', '#2b8a3e'];
    return {
      screens: [
        desktop('#4c6ef5', '#15aabf', [
          [24, 20, 150, 100, '#2f6fdb'],
          [150, 50, 140, 96, '#d9480f'],
        ]),
        desktop('#f08c00', '#e64980', [[60, 30, 200, 120, '#0b7a6e']]),
      ],
      windows: colors.map((color, i) => app(color, i % 2 === 1, i !== 3)),
      icons: colors.map((color, i) => icon(color, 'NMCPS'[i] ?? 'W')),
    };
  });
}

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(OUT, { recursive: true });
  const page = await browser.newPage();
  pictures = await drawPictures(page);
  await page.close();
});

afterAll(async () => {
  await browser.close();
});

const TEXT = {
  en: {
    title: /^.?Discord.? wants to share your screen$/u,
    screens: 'Entire screen',
    windows: 'Window',
    windowNames: ['Notes', 'Mail — Inbox (3)', 'Calendar', 'Photos', 'Quarterly figures for the shop — final version (do not edit) — every order since January.xlsx'],
    screenNames: ['Screen 1', 'Screen 2'],
    empty: 'No windows found.',
    permission: 'Screen Recording permission',
  },
  ar: {
    title: /^يريد .?Discord.? مشاركة شاشتك$/u,
    screens: 'الشاشة بأكملها',
    windows: 'نافذة',
    windowNames: ['ملاحظات', 'البريد — الوارد (3)', 'التقويم', 'الصور', 'أرقام الربع الأخير للمتجر — النسخة النهائية (لا تعدّل) — كل الطلبات منذ يناير.xlsx'],
    screenNames: ['الشاشة 1', 'الشاشة 2'],
    empty: 'لم يُعثر على نوافذ.',
    permission: 'إذن تسجيل الشاشة',
  },
} as const;

function sources(language: 'en' | 'ar'): ScreenSource[] {
  const text = TEXT[language];
  return [
    ...pictures.screens.map((thumbnail, i): ScreenSource => ({ id: `screen:${i + 1}:0`, kind: 'screen', name: text.screenNames[i] ?? '', thumbnail, icon: null })),
    ...pictures.windows.map((thumbnail, i): ScreenSource => ({ id: `window:${i + 100}:0`, kind: 'window', name: text.windowNames[i] ?? '', thumbnail, icon: pictures.icons[i] ?? null })),
  ];
}

function state(language: 'en' | 'ar', os: HostOs): Partial<AppState> {
  const discord: ServiceConfig = { id: 'dc', platform: 'discord', name: 'Discord', enabled: true, muted: false, callsAllowed: true };
  const slack: ServiceConfig = { id: 'sl', platform: 'slack', name: 'Slack', enabled: true, muted: false, callsAllowed: true };
  return {
    services: [discord, slack],
    activeServiceId: 'dc',
    runtime: { dc: { ...initialRuntime(true), status: 'ready' }, sl: { ...initialRuntime(true), status: 'ready' } },
    view: 'service',
    os,
    settings: { ...DEFAULT_SETTINGS, language },
  };
}

/** Discord's page in front asks after a click, as ServiceViews would pass it on. */
const ASK: ShareAsk = { serviceId: 'dc', frameUrl: 'https://discord.com/channels/1/2', topFrame: true, securityOrigin: 'https://discord.com', userGesture: true, videoRequested: true, audioRequested: false };

/** Asks once the shell has started, as a page in front could only then. */
async function ask(shell: ShellHarness): Promise<(ShareGrant | null)[]> {
  await shell.page.getByRole('navigation').first().waitFor();
  const answers: (ShareGrant | null)[] = [];
  shell.screenShare.request(ASK, (grant) => answers.push(grant));
  return answers;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
}

/** Nothing of the dialog lies outside the window, and its pictures have loaded. */
async function fullyShown(page: Page): Promise<void> {
  const box = await page.getByRole('dialog').boundingBox();
  expect(box).not.toBeNull();
  expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(SIZE.height);
  await expect.poll(() => page.locator('.share-picture img').evaluateAll((images) => images.every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0))).toBe(true);
}

describe('screen-share screenshots', () => {
  for (const locale of ['en', 'ar'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`the picker, ${locale}, ${scheme}`, async () => {
        const text = TEXT[locale];
        const shell = await openShell(browser, { state: state(locale, 'linux'), colorScheme: scheme, viewport: SIZE, locale, deviceScaleFactor: 2, screenSources: sources(locale) });
        const { page } = shell;
        try {
          const answers = await ask(shell);
          const dialog = page.getByRole('dialog', { name: text.title });
          await dialog.waitFor();
          expect(await dialog.getByRole('tab', { name: text.screens }).getAttribute('aria-selected')).toBe('true');
          expect(await dialog.getByRole('option').evaluateAll((options) => options.map((o) => o.getAttribute('title')))).toEqual(text.screenNames);
          await fullyShown(page);
          await shot(page, `screen-share-screens-${locale}-${scheme}`);

          await dialog.getByRole('tab', { name: text.windows }).click();
          const long = dialog.getByRole('option', { name: text.windowNames[4] });
          // The long title is cut on screen and whole in its tooltip.
          expect(await long.locator('.share-title').evaluate((title) => title.scrollWidth > title.clientWidth)).toBe(true);
          expect(await long.getAttribute('title')).toBe(text.windowNames[4]);
          await dialog.getByRole('option', { name: text.windowNames[1] }).click();
          await fullyShown(page);
          await shot(page, `screen-share-windows-${locale}-${scheme}`);

          // Next in reading order (left in Arabic), then Enter shares it.
          await page.keyboard.press(locale === 'ar' ? 'ArrowLeft' : 'ArrowRight');
          await page.keyboard.press('Enter');
          await expect.poll(() => answers).toEqual([{ video: { id: 'window:102:0', name: text.windowNames[2] } }]);
          await dialog.waitFor({ state: 'detached' });
          expect(shell.errors).toEqual([]);
        } finally {
          await shell.close();
        }
      });
    }

    it(`the picker with no windows on macOS, ${locale}`, async () => {
      const text = TEXT[locale];
      const onlyScreens = sources(locale).filter((s) => s.kind === 'screen');
      const shell = await openShell(browser, { state: state(locale, 'darwin'), viewport: SIZE, locale, deviceScaleFactor: 2, screenSources: onlyScreens });
      const { page } = shell;
      try {
        const answers = await ask(shell);
        const dialog = page.getByRole('dialog', { name: text.title });
        await dialog.getByRole('tab', { name: text.windows }).click();
        await expect.poll(() => dialog.getByRole('status').textContent()).toContain(text.empty);
        expect(await dialog.getByRole('status').textContent()).toContain(text.permission);
        await fullyShown(page);
        await shot(page, `screen-share-empty-mac-${locale}`);
        await page.keyboard.press('Escape');
        await expect.poll(() => answers).toEqual([null]);
        expect(shell.errors).toEqual([]);
      } finally {
        await shell.close();
      }
    });
  }
});
