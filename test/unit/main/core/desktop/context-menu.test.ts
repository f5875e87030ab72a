/**
 * The right-click menu as data (main/core/desktop/context-menu.ts): which items apply to what was clicked, in which
 * order, enabled as the field says, and what each one's click carries out; in English and Arabic.
 */
import { describe, expect, it } from 'vitest';
import {
  contextMenuModel,
  MAX_SUGGESTIONS,
  SEARCH_LABEL_CHARS,
  SEARCH_QUERY_CHARS,
  type ContextMenuContext,
  type ContextMenuEntry,
  type ContextParams,
} from '../../../../../main/core/desktop/context-menu';
import { externalUrl } from '../../../../../main/security/policy';

const NOTHING: ContextParams = {
  x: 40,
  y: 70,
  misspelledWord: '',
  dictionarySuggestions: [],
  isEditable: false,
  editFlags: { canCut: false, canCopy: false, canPaste: false, canSelectAll: false },
  linkURL: '',
  mediaType: 'none',
  srcURL: '',
  selectionText: '',
};
const EMPTY_FIELD: Partial<ContextParams> = { isEditable: true, editFlags: { canCut: false, canCopy: false, canPaste: true, canSelectAll: true } };
const INSTALLED: ContextMenuContext = { language: 'en', development: false, external: externalUrl };

const menu = (params: Partial<ContextParams>, context: Partial<ContextMenuContext> = {}): ContextMenuEntry[] =>
  contextMenuModel({ ...NOTHING, ...params }, { ...INSTALLED, ...context });
/** The items' ids, `---` for a separator. */
const ids = (entries: readonly ContextMenuEntry[]): string[] => entries.map((e) => (e.type === 'separator' ? '---' : e.id));
const item = (entries: readonly ContextMenuEntry[], id: string) => {
  const found = entries.find((e) => e.type === 'item' && e.id === id);
  if (found?.type !== 'item') throw new Error(`no ${id} item`);
  return found;
};
const enabled = (entries: readonly ContextMenuEntry[]): Record<string, boolean> =>
  Object.fromEntries(entries.flatMap((e) => (e.type === 'item' ? [[e.id, e.enabled]] : [])));

describe('a misspelled word in a text field', () => {
  const params: Partial<ContextParams> = {
    ...EMPTY_FIELD,
    misspelledWord: 'recieve',
    dictionarySuggestions: ['receive', 'relieve', 'reprieve'],
  };

  it('offers the suggestions first, then Add to dictionary, then the editing items', () => {
    const entries = menu(params);
    expect(ids(entries)).toEqual(['suggestion', 'suggestion', 'suggestion', 'add-to-dictionary', '---', 'cut', 'copy', 'paste', 'paste-plain', 'select-all']);
    expect(entries.slice(0, 3).map((e) => (e.type === 'item' ? e.label : ''))).toEqual(['receive', 'relieve', 'reprieve']);
  });

  it('replaces the word with the suggestion chosen, and adds the word itself to the dictionary', () => {
    const entries = menu(params);
    expect(entries[1]).toMatchObject({ type: 'item', enabled: true, command: { type: 'replace-misspelling', word: 'relieve' } });
    expect(item(entries, 'add-to-dictionary').command).toEqual({ type: 'add-to-dictionary', word: 'recieve' });
  });

  it(`shows at most ${MAX_SUGGESTIONS} suggestions`, () => {
    const entries = menu({ ...params, dictionarySuggestions: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] });
    expect(entries.filter((e) => e.type === 'item' && e.id === 'suggestion').map((e) => (e.type === 'item' ? e.label : ''))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('says so, disabled, when the spell checker has no suggestion', () => {
    const entries = menu({ ...params, dictionarySuggestions: [] });
    expect(ids(entries).slice(0, 2)).toEqual(['no-suggestions', 'add-to-dictionary']);
    expect(item(entries, 'no-suggestions')).toMatchObject({ label: 'No spelling suggestions', enabled: false });
    expect(item(entries, 'no-suggestions').command).toBeUndefined();
  });

  it('offers no spelling outside an editable field', () => {
    expect(ids(menu({ misspelledWord: 'recieve', dictionarySuggestions: ['receive'] }))).toEqual([]);
  });

  it('speaks Arabic', () => {
    const entries = menu({ ...params, dictionarySuggestions: [] }, { language: 'ar' });
    expect(item(entries, 'no-suggestions').label).toBe('لا توجد اقتراحات إملائية');
    expect(item(entries, 'add-to-dictionary').label).toBe('إضافة إلى القاموس');
    expect(item(entries, 'paste-plain').label).toBe('لصق كنص عادي');
  });
});

describe('a link', () => {
  it('offers to open it in the browser and to copy it', () => {
    const entries = menu({ linkURL: 'https://shop.example/product?id=7' });
    expect(ids(entries)).toEqual(['open-link', 'copy-link']);
    expect(item(entries, 'open-link')).toMatchObject({ label: 'Open link in browser', command: { type: 'open-external', url: 'https://shop.example/product?id=7' } });
    expect(item(entries, 'copy-link').command).toEqual({ type: 'copy-text', text: 'https://shop.example/product?id=7' });
  });

  it('opens an http or mailto link too', () => {
    expect(ids(menu({ linkURL: 'http://shop.example/' }))).toEqual(['open-link', 'copy-link']);
    expect(item(menu({ linkURL: 'mailto:orders@shop.example' }), 'open-link').command).toEqual({ type: 'open-external', url: 'mailto:orders@shop.example' });
  });

  it.each([
    'javascript:alert(document.cookie)',
    'file:///etc/passwd',
    'whatsapp://send?phone=966500000000',
    'ms-settings:privacy',
    'data:text/html,<script>alert(1)</script>',
    'https://bank.example@evil.example/',
    'not a url',
  ])('never offers to open %s, only to copy it', (linkURL) => {
    const entries = menu({ linkURL });
    expect(ids(entries)).toEqual(['copy-link']);
    expect(item(entries, 'copy-link').command).toEqual({ type: 'copy-text', text: linkURL });
  });
});

describe('an image', () => {
  it('offers to copy the image where it was clicked and to save it', () => {
    const entries = menu({ mediaType: 'image', srcURL: 'https://cdn.example/photo.jpg' });
    expect(ids(entries)).toEqual(['copy-image', 'save-image']);
    expect(item(entries, 'copy-image')).toMatchObject({ label: 'Copy image', command: { type: 'copy-image', x: 40, y: 70 } });
    expect(item(entries, 'save-image')).toMatchObject({ label: 'Save image as…', command: { type: 'save-image', url: 'https://cdn.example/photo.jpg' } });
  });

  it('saves an image the page holds (blob:, data:), never a file: one', () => {
    expect(ids(menu({ mediaType: 'image', srcURL: 'blob:https://web.whatsapp.com/6f1c' }))).toEqual(['copy-image', 'save-image']);
    expect(ids(menu({ mediaType: 'image', srcURL: 'data:image/png;base64,iVBORw0KGgo=' }))).toEqual(['copy-image', 'save-image']);
    expect(ids(menu({ mediaType: 'image', srcURL: 'file:///home/user/secret.png' }))).toEqual(['copy-image']);
    expect(ids(menu({ mediaType: 'image', srcURL: '' }))).toEqual(['copy-image']);
  });

  it('inside a link: the link’s items, then the image’s', () => {
    expect(ids(menu({ mediaType: 'image', srcURL: 'https://cdn.example/p.jpg', linkURL: 'https://shop.example/p' }))).toEqual([
      'open-link',
      'copy-link',
      '---',
      'copy-image',
      'save-image',
    ]);
  });

  it('offers nothing for a video', () => {
    expect(ids(menu({ mediaType: 'video', srcURL: 'https://cdn.example/v.mp4' }))).toEqual([]);
  });
});

describe('a text field without a selection', () => {
  it('offers paste, paste as plain text and select all; cut and copy are there, disabled', () => {
    const entries = menu(EMPTY_FIELD);
    expect(ids(entries)).toEqual(['cut', 'copy', 'paste', 'paste-plain', 'select-all']);
    expect(enabled(entries)).toEqual({ cut: false, copy: false, paste: true, 'paste-plain': true, 'select-all': true });
  });

  it('enables each item as the field’s editFlags say', () => {
    const entries = menu({ isEditable: true, editFlags: { canCut: true, canCopy: true, canPaste: false, canSelectAll: false } });
    expect(enabled(entries)).toEqual({ cut: true, copy: true, paste: false, 'paste-plain': false, 'select-all': false });
  });

  it('carries each out on the field', () => {
    const commands = menu(EMPTY_FIELD).map((e) => (e.type === 'item' ? e.command : undefined));
    expect(commands).toEqual([
      { type: 'edit', edit: 'cut' },
      { type: 'edit', edit: 'copy' },
      { type: 'edit', edit: 'paste' },
      { type: 'edit', edit: 'pasteAndMatchStyle' },
      { type: 'edit', edit: 'selectAll' },
    ]);
  });
});

describe('a selection', () => {
  it('in the page: copy, and search the web for it', () => {
    const entries = menu({ selectionText: 'blue dress', editFlags: { ...NOTHING.editFlags, canCopy: true } });
    expect(ids(entries)).toEqual(['copy', '---', 'search']);
    expect(item(entries, 'copy')).toMatchObject({ enabled: true, command: { type: 'edit', edit: 'copy' } });
    expect(item(entries, 'search')).toMatchObject({
      label: 'Search the web for “\u2068blue dress\u2069”',
      command: { type: 'open-external', url: 'https://www.google.com/search?q=blue+dress' },
    });
  });

  it('in a field: the editing items, then the search', () => {
    expect(ids(menu({ ...EMPTY_FIELD, selectionText: 'size M' }))).toEqual(['cut', 'copy', 'paste', 'paste-plain', 'select-all', '---', 'search']);
  });

  it('quotes a long selection cut short, and searches for it whole up to a limit', () => {
    const long = `${'مقاس متوفر '.repeat(10)}\n\n  end`;
    const entries = menu({ selectionText: long });
    const label = item(entries, 'search').label;
    const quoted = /\u2068(.*)\u2069/u.exec(label)?.[1] ?? '';
    const whole = long.replace(/\s+/gu, ' ').trim();
    expect(quoted.endsWith('…')).toBe(true);
    expect(Array.from(quoted).length).toBeLessThanOrEqual(SEARCH_LABEL_CHARS);
    expect(Array.from(quoted).length).toBeGreaterThan(SEARCH_LABEL_CHARS - 3);
    expect(whole.startsWith(quoted.slice(0, -1))).toBe(true);
    const command = item(entries, 'search').command;
    if (command?.type !== 'open-external') throw new Error('no search');
    expect(new URL(command.url).searchParams.get('q')).toBe(whole);

    const huge = menu({ selectionText: 'x'.repeat(5_000) });
    const hugeCommand = item(huge, 'search').command;
    if (hugeCommand?.type !== 'open-external') throw new Error('no search');
    expect(new URL(hugeCommand.url).searchParams.get('q')).toHaveLength(SEARCH_QUERY_CHARS);
  });

  it('never cuts an emoji or a letter from its marks', () => {
    const family = '👨‍👩‍👧';
    const label = item(menu({ selectionText: family.repeat(40) }), 'search').label;
    expect(label).toContain(`${family.repeat(SEARCH_LABEL_CHARS - 1)}…`);
    expect(label).not.toContain(`${family}\u200d`);
  });

  it('searches in Arabic, the selection kept in its own direction', () => {
    const entries = menu({ selectionText: 'فستان أزرق' }, { language: 'ar' });
    expect(item(entries, 'search').label).toBe('البحث في الويب عن «\u2068فستان أزرق\u2069»');
    const command = item(entries, 'search').command;
    if (command?.type !== 'open-external') throw new Error('no search');
    expect(new URL(command.url).searchParams.get('q')).toBe('فستان أزرق');
    expect(new URL(command.url).origin).toBe('https://www.google.com');
  });

  it('ignores a selection of white space alone', () => {
    expect(ids(menu({ selectionText: ' \n\t ' }))).toEqual([]);
  });
});

describe('development and installed builds', () => {
  it('offers Inspect element, where the click was, only in development', () => {
    expect(ids(menu({}, { development: true }))).toEqual(['inspect']);
    expect(item(menu({}, { development: true }), 'inspect').command).toEqual({ type: 'inspect', x: 40, y: 70 });
    expect(ids(menu(EMPTY_FIELD, { development: true })).slice(-2)).toEqual(['---', 'inspect']);
  });

  it('offers nothing at all on a plain spot of an installed build’s page', () => {
    expect(menu({})).toEqual([]);
    expect(ids(menu(EMPTY_FIELD))).not.toContain('inspect');
  });
});
