/**
 * The right-click menu of a page (a service's, one of its pop-ups, or Wasl's own window) as data: from what Electron
 * says was clicked (its `context-menu` event's params) to the items that apply, in groups — spelling suggestions (up
 * to five) and "Add to dictionary" for a misspelled word; opening and copying a link (opened only when it is http,
 * https or mailto: never file:, javascript: or another scheme); copying and saving an image; the editing items of a
 * field, enabled as its editFlags say, or Copy for a selection; searching the web for the selection; and "Inspect
 * element" in a development build. Each item carries the command its click carries out; main/electron/context-menu.ts
 * renders the model and carries the commands out.
 *
 * Why not electron-context-menu (npm, 5.1.0 when this was written)? It imports `electron`, electron-dl and
 * electron-is-dev as it loads, so it cannot run in Wasl's tests, which never load Electron; it builds its template
 * inside its own event handler, leaving no model to test; it reads process.platform and electron-is-dev where Wasl
 * has its ports; its labels are fixed when it is set up, while Wasl's language changes as it runs; and it would add
 * three runtime dependencies for what fits in this file.
 */
import { isolate, type UiLanguage } from '../../../common/language';
import { mainT } from '../../i18n';

/** What Electron's `context-menu` event says was clicked: the part of its ContextMenuParams Wasl reads. */
export interface ContextParams {
  /** Where, in the page's coordinates (for copying an image and inspecting). */
  x: number;
  y: number;
  /** The word under the pointer when the spell checker marked it; '' otherwise. */
  misspelledWord: string;
  dictionarySuggestions: string[];
  isEditable: boolean;
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean };
  linkURL: string;
  /** 'none', 'image', 'video'… */
  mediaType: string;
  srcURL: string;
  selectionText: string;
}

/** What a click does, on the contents the menu was opened in. */
export type ContextCommand =
  | { type: 'replace-misspelling'; word: string }
  | { type: 'add-to-dictionary'; word: string }
  | { type: 'edit'; edit: 'cut' | 'copy' | 'paste' | 'pasteAndMatchStyle' | 'selectAll' }
  | { type: 'copy-text'; text: string }
  | { type: 'open-external'; url: string }
  | { type: 'copy-image'; x: number; y: number }
  | { type: 'save-image'; url: string }
  | { type: 'inspect'; x: number; y: number };

export type ContextItemId =
  | 'suggestion'
  | 'no-suggestions'
  | 'add-to-dictionary'
  | 'open-link'
  | 'copy-link'
  | 'copy-image'
  | 'save-image'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'paste-plain'
  | 'select-all'
  | 'search'
  | 'inspect';

export type ContextMenuEntry =
  | { type: 'separator' }
  | { type: 'item'; id: ContextItemId; label: string; enabled: boolean; command?: ContextCommand };

export interface ContextMenuContext {
  language: UiLanguage;
  /** A development build (not packaged): "Inspect element" is offered. */
  development: boolean;
  /** The address a link may be opened at in the default browser or mail client, or undefined when it may not. */
  external(url: string): string | undefined;
}

/** Chromium's spell checker offers up to five suggestions; no more are shown. */
export const MAX_SUGGESTIONS = 5;
/** Where "Search the web" goes, the selection as its `q` parameter. */
export const SEARCH_URL = 'https://www.google.com/search';
/** The selection as the item's label quotes it: at most this many characters as the reader counts them, an ellipsis included. */
export const SEARCH_LABEL_CHARS = 30;
/** The most of the selection a search sends. */
export const SEARCH_QUERY_CHARS = 500;
/** Addresses an image may be saved from: the web, or data the page holds. Never file: or another scheme. */
const SAVEABLE_SCHEMES = new Set(['https:', 'http:', 'data:', 'blob:']);

function saveable(raw: string): boolean {
  try {
    return SAVEABLE_SCHEMES.has(new URL(raw).protocol);
  } catch {
    return false;
  }
}

const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The characters of `text` as the reader sees them (an emoji or a letter with its marks is one). */
const graphemes = (text: string): string[] => Array.from(GRAPHEMES.segment(text), (s) => s.segment);

/** `text` in at most `max` characters, an ellipsis marking a cut. */
function truncate(text: string, max: number): string {
  const chars = graphemes(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** The items that apply to what was clicked, groups apart; empty when none does (no menu then). */
export function contextMenuModel(params: ContextParams, context: ContextMenuContext): ContextMenuEntry[] {
  const t = mainT(context.language);
  const item = (id: ContextItemId, label: string, command: ContextCommand, enabled = true): ContextMenuEntry => ({ type: 'item', id, label, enabled, command });
  const groups: ContextMenuEntry[][] = [];
  const { editFlags } = params;
  const selection = params.selectionText.replace(/\s+/gu, ' ').trim();

  if (params.isEditable && params.misspelledWord !== '') {
    const suggestions = params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
    groups.push([
      ...(suggestions.length > 0
        ? suggestions.map((word) => item('suggestion', word, { type: 'replace-misspelling', word }))
        : [{ type: 'item' as const, id: 'no-suggestions' as const, label: t('contextMenu.noSuggestions'), enabled: false }]),
      item('add-to-dictionary', t('contextMenu.addToDictionary'), { type: 'add-to-dictionary', word: params.misspelledWord }),
    ]);
  }

  if (params.linkURL !== '') {
    const url = context.external(params.linkURL);
    groups.push([
      ...(url === undefined ? [] : [item('open-link', t('contextMenu.openLink'), { type: 'open-external', url })]),
      item('copy-link', t('contextMenu.copyLink'), { type: 'copy-text', text: params.linkURL }),
    ]);
  }

  if (params.mediaType === 'image') {
    groups.push([
      item('copy-image', t('contextMenu.copyImage'), { type: 'copy-image', x: params.x, y: params.y }),
      ...(saveable(params.srcURL) ? [item('save-image', t('contextMenu.saveImage'), { type: 'save-image', url: params.srcURL })] : []),
    ]);
  }

  if (params.isEditable) {
    groups.push([
      item('cut', t('contextMenu.cut'), { type: 'edit', edit: 'cut' }, editFlags.canCut),
      item('copy', t('contextMenu.copy'), { type: 'edit', edit: 'copy' }, editFlags.canCopy),
      item('paste', t('contextMenu.paste'), { type: 'edit', edit: 'paste' }, editFlags.canPaste),
      item('paste-plain', t('contextMenu.pastePlain'), { type: 'edit', edit: 'pasteAndMatchStyle' }, editFlags.canPaste),
      item('select-all', t('contextMenu.selectAll'), { type: 'edit', edit: 'selectAll' }, editFlags.canSelectAll),
    ]);
  } else if (selection !== '') {
    groups.push([item('copy', t('contextMenu.copy'), { type: 'edit', edit: 'copy' }, editFlags.canCopy)]);
  }

  if (selection !== '') {
    const search = new URL(SEARCH_URL);
    search.searchParams.set('q', graphemes(selection).slice(0, SEARCH_QUERY_CHARS).join(''));
    groups.push([item('search', t('contextMenu.search', { text: isolate(truncate(selection, SEARCH_LABEL_CHARS)) }), { type: 'open-external', url: search.href })]);
  }

  if (context.development) groups.push([item('inspect', t('contextMenu.inspect'), { type: 'inspect', x: params.x, y: params.y })]);

  return groups.flatMap((group, index) => (index === 0 ? group : [{ type: 'separator' as const }, ...group]));
}
