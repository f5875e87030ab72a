/**
 * ContextMenus (main/electron/context-menu.ts) on the fake Electron: a right click shows the menu of what was under
 * it, in Wasl's language of the moment, where Wasl offers one; a click on an item does what it says on the contents
 * the menu was opened in; the default browser gets http, https and mailto addresses only.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import type { UiLanguage } from '../../../../common/language';
import type { ContextParams } from '../../../../main/core/desktop/context-menu';
import { ContextMenus } from '../../../../main/electron/context-menu';
import { createFakeElectron, type FakeElectron, type FakeWebContents } from '../../../fakes/electron';
import { MemoryLogger } from '../../../fakes/logger';
import { assertSafeExternal, click, flush } from './support';

interface Harness {
  fake: FakeElectron;
  log: MemoryLogger;
  page: FakeWebContents;
  speak(language: UiLanguage): void;
  /** Right-clicks the page and answers the menu shown (its template), or undefined when none was. */
  rightClick(params: Partial<ContextParams>, contents?: FakeWebContents): MenuItemConstructorOptions[] | undefined;
}

let current: Harness | undefined;

function setup(options: { development?: boolean; offered?: (id: number) => boolean } = {}): Harness {
  const fake = createFakeElectron();
  const log = new MemoryLogger();
  let language: UiLanguage = 'en';
  const menus = new ContextMenus({
    electron: fake,
    language: () => language,
    development: options.development ?? false,
    offers: options.offered ?? (() => true),
    log,
  });
  fake.app.on('web-contents-created', (_event, contents) => {
    menus.attach(contents);
  });
  const page = fake.createContents(fake.sessionFor('persist:svc-wa'));
  current = {
    fake,
    log,
    page,
    speak: (next) => {
      language = next;
    },
    rightClick: (params, contents = page) => {
      const before = fake.popups.length;
      contents.contextMenu(params);
      return fake.popups.length > before ? fake.popups.at(-1)?.template : undefined;
    },
  };
  return current;
}

afterEach(() => {
  if (current) assertSafeExternal(current.fake.shell.opened);
  current = undefined;
});

const byId = (template: readonly MenuItemConstructorOptions[] | undefined, id: string): MenuItemConstructorOptions | undefined => template?.find((item) => item.id === id);
const labels = (template: readonly MenuItemConstructorOptions[] | undefined): (string | undefined)[] =>
  (template ?? []).map((item) => (item.type === 'separator' ? '---' : item.label));

const MISSPELLED: Partial<ContextParams> = {
  isEditable: true,
  misspelledWord: 'recieve',
  dictionarySuggestions: ['receive', 'relieve'],
  editFlags: { canCut: false, canCopy: false, canPaste: true, canSelectAll: true },
};

describe('ContextMenus: a misspelled word', () => {
  it('shows the suggestions, Add to dictionary and the editing items', () => {
    const h = setup();
    expect(labels(h.rightClick(MISSPELLED))).toEqual(['receive', 'relieve', 'Add to dictionary', '---', 'Cut', 'Copy', 'Paste', 'Paste as plain text', 'Select all']);
  });

  it('replaces the word with the suggestion chosen, in the page it was chosen in', () => {
    const h = setup();
    const other = h.fake.createContents(h.fake.sessionFor('persist:svc-tg'));
    const template = h.rightClick(MISSPELLED);
    click(template?.find((item) => item.label === 'relieve'));
    expect(h.page.actions).toEqual(['replaceMisspelling relieve']);
    expect(other.actions).toEqual([]);
  });

  it('adds the word to that page’s session dictionary', () => {
    const h = setup();
    click(byId(h.rightClick(MISSPELLED), 'add-to-dictionary'));
    expect(h.fake.sessionFor('persist:svc-wa').dictionary).toEqual(['recieve']);
    expect(h.fake.sessionFor('persist:svc-tg').dictionary).toEqual([]);
  });

  it('logs a word the spell checker would not take', () => {
    const h = setup();
    h.fake.sessionFor('persist:svc-wa').addWordToSpellCheckerDictionary = () => false;
    click(byId(h.rightClick(MISSPELLED), 'add-to-dictionary'));
    expect(h.log.count('warn', 'the spell checker did not take a word')).toBe(1);
  });

  it('doubles an ampersand so it shows instead of marking a mnemonic', () => {
    const h = setup();
    expect(labels(h.rightClick({ ...MISSPELLED, dictionarySuggestions: ['R&D'] }))[0]).toBe('R&&D');
  });

  it('speaks the language Wasl speaks at the moment of the click', () => {
    const h = setup();
    h.speak('ar');
    expect(labels(h.rightClick({ ...MISSPELLED, dictionarySuggestions: [] })).slice(0, 2)).toEqual(['لا توجد اقتراحات إملائية', 'إضافة إلى القاموس']);
  });
});

describe('ContextMenus: the editing items', () => {
  it('carry out cut, copy, paste, paste as plain text and select all on the field', () => {
    const h = setup();
    const template = h.rightClick({ isEditable: true, selectionText: 'x', editFlags: { canCut: true, canCopy: true, canPaste: true, canSelectAll: true } });
    for (const id of ['cut', 'copy', 'paste', 'paste-plain', 'select-all']) click(byId(template, id));
    expect(h.page.actions).toEqual(['cut', 'copy', 'paste', 'pasteAndMatchStyle', 'selectAll']);
  });

  it('show cut and copy disabled in a field with nothing selected', () => {
    const h = setup();
    const template = h.rightClick({ isEditable: true, editFlags: { canCut: false, canCopy: false, canPaste: true, canSelectAll: true } });
    expect(template?.map((item) => [item.id, item.enabled])).toEqual([
      ['cut', false],
      ['copy', false],
      ['paste', true],
      ['paste-plain', true],
      ['select-all', true],
    ]);
  });

  it('do nothing once the page is gone', () => {
    const h = setup();
    const template = h.rightClick({ isEditable: true, editFlags: { canCut: true, canCopy: true, canPaste: true, canSelectAll: true } });
    h.page.close();
    click(byId(template, 'paste'));
    expect(h.page.actions).toEqual([]);
  });
});

describe('ContextMenus: links', () => {
  it('opens an https link in the default browser', async () => {
    const h = setup();
    click(byId(h.rightClick({ linkURL: 'https://shop.example/p/7' }), 'open-link'));
    await flush();
    expect(h.fake.shell.opened).toEqual(['https://shop.example/p/7']);
  });

  it('opens an http link too', async () => {
    const h = setup();
    click(byId(h.rightClick({ linkURL: 'http://shop.example/' }), 'open-link'));
    await flush();
    expect(h.fake.shell.opened).toEqual(['http://shop.example/']);
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'whatsapp://send?phone=1', 'vbscript:msgbox'])(
    'offers no Open for %s, and copying it opens nothing',
    async (linkURL) => {
      const h = setup();
      const template = h.rightClick({ linkURL });
      expect(template?.map((item) => item.id)).toEqual(['copy-link']);
      click(byId(template, 'copy-link'));
      await flush();
      expect(h.fake.shell.opened).toEqual([]);
      expect(h.fake.clipboard.written).toEqual([linkURL]);
    },
  );

  it('copies a link to the clipboard', () => {
    const h = setup();
    click(byId(h.rightClick({ linkURL: 'https://shop.example/p/7' }), 'copy-link'));
    expect(h.fake.clipboard.written).toEqual(['https://shop.example/p/7']);
    expect(h.fake.shell.opened).toEqual([]);
  });

  it('logs a browser that would not open', async () => {
    const h = setup();
    h.fake.shell.openExternal = () => Promise.reject(new Error('no browser'));
    click(byId(h.rightClick({ linkURL: 'https://shop.example/' }), 'open-link'));
    await flush();
    expect(h.log.count('error', 'could not open a link in the default browser')).toBe(1);
  });
});

describe('ContextMenus: images, selections, development', () => {
  it('copies the image at the point clicked, and saves it through a download', () => {
    const h = setup();
    const template = h.rightClick({ mediaType: 'image', srcURL: 'https://cdn.example/photo.jpg', x: 120, y: 45 });
    expect(labels(template)).toEqual(['Copy image', 'Save image as…']);
    click(byId(template, 'copy-image'));
    click(byId(template, 'save-image'));
    expect(h.page.actions).toEqual(['copyImageAt 120,45', 'downloadURL https://cdn.example/photo.jpg']);
  });

  it('searches the web for the selection in the default browser', async () => {
    const h = setup();
    const template = h.rightClick({ selectionText: 'blue dress', editFlags: { canCut: false, canCopy: true, canPaste: false, canSelectAll: true } });
    expect(labels(template)).toEqual(['Copy', '---', 'Search the web for “\u2068blue dress\u2069”']);
    click(byId(template, 'search'));
    await flush();
    expect(h.fake.shell.opened).toEqual(['https://www.google.com/search?q=blue+dress']);
  });

  it('inspects the element clicked in a development build', () => {
    const h = setup({ development: true });
    const template = h.rightClick({ x: 5, y: 6 });
    expect(labels(template)).toEqual(['Inspect element']);
    click(byId(template, 'inspect'));
    expect(h.page.actions).toEqual(['inspectElement 5,6']);
  });

  it('shows no menu where nothing applies in an installed build', () => {
    const h = setup();
    expect(h.rightClick({})).toBeUndefined();
  });
});

describe('ContextMenus: where Wasl offers its menu', () => {
  it('shows nothing in a contents Wasl does not offer it in (the developer tools, a stranger)', () => {
    const h = setup({ offered: (id) => id !== stranger.id });
    const stranger = h.fake.createContents(h.fake.sessionFor(''));
    expect(h.rightClick(MISSPELLED, stranger)).toBeUndefined();
    expect(h.rightClick(MISSPELLED)).toBeDefined();
  });
});
