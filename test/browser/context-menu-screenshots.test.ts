/**
 * Screenshots for review (test-results/screenshots/context-menu-*) of the right-click menu, in English and Arabic:
 * a misspelled word in a message field (suggestions, Add to dictionary, the editing items), a link in a message with
 * words selected (open, copy, copy, search), and a photo in a chat (copy, save).
 *
 * The menu itself is native: the system draws it, and no Electron binary runs here. What is drawn is the very menu
 * Wasl builds: ContextMenus (main/electron/context-menu.ts) answers a right click on the fake Electron with the
 * template it hands Menu.buildFromTemplate, and each item of that template (label, order, separators, enabled) is
 * laid out as a plain system-like menu at the click, mirrored in Arabic as Windows and GTK mirror menus in a
 * right-to-left language. They show the wording, its length and its order; not the system's own look.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UiLanguage } from '../../common/language';
import type { ContextParams } from '../../main/core/desktop/context-menu';
import { ContextMenus } from '../../main/electron/context-menu';
import { createFakeElectron } from '../fakes/electron';
import { MemoryLogger } from '../fakes/logger';
import { launchChromium } from '../support/chromium';

const OUT = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const SIZE = { width: 560, height: 480 };

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(OUT, { recursive: true });
});

afterAll(async () => {
  await browser.close();
});

/** The menu Wasl shows for a right click with `params`, in `language`: the template handed to the system. */
function menuFor(language: UiLanguage, params: Partial<ContextParams>): MenuItemConstructorOptions[] {
  const fake = createFakeElectron();
  const menus = new ContextMenus({ electron: fake, language: () => language, development: false, offers: () => true, log: new MemoryLogger() });
  const page = fake.createContents(fake.sessionFor('persist:svc-wa'));
  menus.attach(page);
  page.contextMenu(params);
  const shown = fake.popups.at(-1)?.template;
  if (shown === undefined) throw new Error('no menu was shown');
  return shown;
}

const escape = (text: string): string => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
/** Electron's labels double a literal '&' (a single one marks a mnemonic); the menu shows one. */
const shownLabel = (label: string): string => label.replace(/&&/gu, '&');

interface Scene {
  /** The page behind the menu: the message field or the chat message right-clicked. */
  page: string;
  params: Partial<ContextParams>;
}

const SCENES: Record<'field' | 'link' | 'image', Record<UiLanguage, Scene>> = {
  field: {
    en: {
      page: '<div class="field">Hello Amal, your <span class="typo">oder</span> is ready for pickup</div>',
      params: { isEditable: true, misspelledWord: 'oder', dictionarySuggestions: ['order', 'odder', 'ode', 'older', 'doer'], editFlags: { canCut: false, canCopy: false, canPaste: true, canSelectAll: true } },
    },
    ar: {
      page: '<div class="field">مرحبا أمل، <span class="typo">الطلبيه</span> جاهزة للاستلام</div>',
      params: { isEditable: true, misspelledWord: 'الطلبيه', dictionarySuggestions: ['الطلبية', 'الطلبيات', 'الطلب'], editFlags: { canCut: false, canCopy: false, canPaste: true, canSelectAll: true } },
    },
  },
  link: {
    en: {
      page: '<div class="bubble">The <mark>blue linen dress, size M</mark> is back: <a>https://shop.example/p/42</a></div>',
      params: { linkURL: 'https://shop.example/p/42', selectionText: 'blue linen dress, size M', editFlags: { canCut: false, canCopy: true, canPaste: false, canSelectAll: true } },
    },
    ar: {
      page: '<div class="bubble">عاد <mark>الفستان الكتان الأزرق مقاس M</mark> إلى المتجر: <a dir="ltr">https://shop.example/p/42</a></div>',
      params: { linkURL: 'https://shop.example/p/42', selectionText: 'الفستان الكتان الأزرق مقاس M', editFlags: { canCut: false, canCopy: true, canPaste: false, canSelectAll: true } },
    },
  },
  image: {
    en: { page: '<div class="bubble photo"></div>', params: { mediaType: 'image', srcURL: 'https://media.example/photo/42.jpg' } },
    ar: { page: '<div class="bubble photo"></div>', params: { mediaType: 'image', srcURL: 'https://media.example/photo/42.jpg' } },
  },
};

const CSS = `
  body { margin: 0; font: 14px/1.4 "Noto Sans", "Noto Sans Arabic", "DejaVu Sans", sans-serif; background: #efeae2; color: #111b21; }
  .stage { position: relative; width: 100vw; height: 100vh; padding: 28px; box-sizing: border-box; }
  .field { background: #fff; border-radius: 8px; padding: 10px 14px; width: 440px; box-shadow: 0 1px 2px rgba(0,0,0,.15); }
  .typo { text-decoration: underline wavy #d93025; text-underline-offset: 3px; }
  .bubble { background: #fff; border-radius: 8px; padding: 8px 12px; max-width: 420px; box-shadow: 0 1px 2px rgba(0,0,0,.15); }
  .bubble a { color: #027eb5; text-decoration: underline; }
  .bubble mark { background: #b3d4fc; color: inherit; }
  .photo { width: 220px; height: 150px; background: linear-gradient(135deg, #c9b7a4, #8d6e63); }
  [role=menu] { position: absolute; top: 96px; min-width: 220px; padding: 4px 0; background: #fff; color: #1f1f1f;
    border: 1px solid #c8c8c8; border-radius: 6px; box-shadow: 0 4px 14px rgba(0,0,0,.22); font-size: 13px; }
  html[dir=ltr] [role=menu] { left: 150px; }
  html[dir=rtl] [role=menu] { right: 150px; }
  [role=menuitem] { padding: 5px 22px; white-space: nowrap; }
  [role=menuitem][aria-disabled=true] { color: #9a9a9a; }
  [role=menuitem]:first-child:not([aria-disabled=true]) { background: #e8f0fe; }
  [role=separator] { height: 1px; margin: 4px 0; background: #dcdcdc; }
`;

function sheet(language: UiLanguage, scene: Scene, template: readonly MenuItemConstructorOptions[]): string {
  const items = template
    .map((item) =>
      item.type === 'separator'
        ? '<div role="separator"></div>'
        : `<div role="menuitem" aria-disabled="${item.enabled === false}">${escape(shownLabel(item.label ?? ''))}</div>`,
    )
    .join('');
  const dir = language === 'ar' ? 'rtl' : 'ltr';
  return `<!doctype html><html lang="${language}" dir="${dir}"><head><meta charset="utf-8"><style>${CSS}</style></head><body><div class="stage">${scene.page}<div role="menu">${items}</div></div></body></html>`;
}

/** What each shot must show: a few of its labels, in order, and which are greyed. */
const EXPECT = {
  field: {
    en: { first: 'order', has: ['Add to dictionary', 'Paste as plain text'], disabled: ['Cut', 'Copy'] },
    ar: { first: 'الطلبية', has: ['إضافة إلى القاموس', 'لصق كنص عادي'], disabled: ['قص', 'نسخ'] },
  },
  link: {
    en: { first: 'Open link in browser', has: ['Copy link', 'Copy', 'Search the web for “blue linen dress, size M”'], disabled: [] },
    ar: { first: 'فتح الرابط في المتصفح', has: ['نسخ الرابط', 'نسخ', 'البحث في الويب عن «الفستان الكتان الأزرق مقاس M»'], disabled: [] },
  },
  image: {
    en: { first: 'Copy image', has: ['Save image as…'], disabled: [] },
    ar: { first: 'نسخ الصورة', has: ['حفظ الصورة باسم…'], disabled: [] },
  },
} as const;

/** Bidi isolation marks Wasl puts around quoted text: not visible, left out of the comparison. */
const visible = (text: string): string => text.replace(/[\u2066-\u2069]/gu, '');

describe('context menu screenshots', () => {
  for (const language of ['en', 'ar'] as const) {
    for (const name of ['field', 'link', 'image'] as const) {
      it(`the menu for a ${name}, ${language}`, async () => {
        const scene = SCENES[name][language];
        const template = menuFor(language, scene.params);
        const page = await browser.newPage({ viewport: SIZE, deviceScaleFactor: 2, locale: language });
        try {
          await page.setContent(sheet(language, scene, template));
          const labels = (await page.getByRole('menuitem').allTextContents()).map(visible);
          const expected = EXPECT[name][language];
          expect(labels[0]).toBe(expected.first);
          for (const label of expected.has) expect(labels).toContain(label);
          const disabled = (await page.locator('[role=menuitem][aria-disabled=true]').allTextContents()).map(visible);
          expect(disabled).toEqual(expected.disabled);
          // The menu stays inside the window, whatever the language's label lengths.
          const box = await page.getByRole('menu').boundingBox();
          expect(box && box.x >= 0 && box.x + box.width <= SIZE.width).toBe(true);
          await page.evaluate(() => document.fonts.ready.then(() => undefined));
          await page.screenshot({ path: path.join(OUT, `context-menu-${name}-${language}.png`) });
        } finally {
          await page.close();
        }
      });
    }
  }
});
