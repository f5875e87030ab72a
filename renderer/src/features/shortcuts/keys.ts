/**
 * The shortcut table as the shell shows it: each shortcut's keys with the user's changes, its name, the scope
 * headings, the fixed keys, and the note that a hosted site keeps a key in its own page. The cheat sheet and the
 * keyboard settings read these, so both show the keys that work.
 */
import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import { PLATFORMS } from '../../../../common/catalog';
import type { PlatformId } from '../../../../common/model';
import { comboLabel, parseCombo, resolveShortcuts, type Combo, type FIXED_KEYS, type ShortcutId, type ShortcutOverrides, type ShortcutScope } from '../../../../common/shortcuts';
import type { HostOs } from '../../../../common/state';
import type { Formatters } from '../../i18n/format';
import { useApp } from '../../store/context';

export interface ShortcutTable {
  os: HostOs;
  /** The user's changes (settings.shortcuts.keys). */
  overrides: ShortcutOverrides;
  /** Each shortcut's keys now. */
  resolved: Record<ShortcutId, readonly Combo[]>;
}

export function useShortcutTable(): ShortcutTable {
  const os = useApp((s) => s.os);
  const overrides = useApp((s) => s.settings.shortcuts.keys);
  const resolved = useMemo(() => resolveShortcuts(overrides), [overrides]);
  return { os, overrides, resolved };
}

export const SHORTCUT_NAMES = {
  inbox: 'shortcuts.names.inbox',
  'next-service': 'shortcuts.names.nextService',
  'previous-service': 'shortcuts.names.previousService',
  'quick-replies': 'shortcuts.names.quickReplies',
  lock: 'shortcuts.names.lock',
  'next-unread': 'shortcuts.names.nextUnread',
  'focus-list': 'shortcuts.names.focusList',
  'cheat-sheet': 'shortcuts.names.cheatSheet',
  'zoom-in': 'shortcuts.names.zoomIn',
  'zoom-out': 'shortcuts.names.zoomOut',
  'zoom-reset': 'shortcuts.names.zoomReset',
  done: 'shortcuts.names.done',
  'mark-unread': 'shortcuts.names.markUnread',
  pin: 'shortcuts.names.pin',
  snooze: 'shortcuts.names.snooze',
  undo: 'shortcuts.names.undo',
  search: 'shortcuts.names.search',
  'list-cheat-sheet': 'shortcuts.names.listCheatSheet',
  'show-hide': 'shortcuts.names.showHide',
  find: 'shortcuts.names.find',
} as const satisfies Record<ShortcutId, string>;

export const SCOPE_NAMES = {
  window: 'shortcuts.scopes.window',
  list: 'shortcuts.scopes.list',
  global: 'shortcuts.scopes.global',
} as const satisfies Record<ShortcutScope, string>;

/** The scopes in the order they are listed. */
export const SCOPES: readonly ShortcutScope[] = ['window', 'list', 'global'];

export const FIXED_NAMES = {
  services: 'shortcuts.fixed.services',
  move: 'shortcuts.fixed.move',
  open: 'shortcuts.fixed.open',
} as const satisfies Record<keyof typeof FIXED_KEYS, string>;

/**
 * A fixed key (FIXED_KEYS) as the system writes it: each combo of "A/B" shown, and a range "Mod+Digit1…9" as
 * "Ctrl+1…9" ("⌘1…9" on macOS).
 */
export function fixedKeyText(text: string, os: HostOs): string {
  return text
    .split('/')
    .map((part) => {
      const [first = part, end] = part.split('…');
      const parsed = parseCombo(first);
      return `${parsed ? comboLabel(parsed, os) : first}${end === undefined ? '' : `…${end}`}`;
    })
    .join(' ');
}

/** "In Slack’s page this key stays Slack’s." for the platforms whose pages keep a key; undefined for none. */
export function siteNote(t: TFunction, format: Formatters, sites: readonly PlatformId[]): string | undefined {
  const names = sites.map((site) => PLATFORMS[site].name);
  const [only] = names;
  if (only === undefined) return undefined;
  return names.length === 1 ? t('shortcuts.siteOne', { site: only }) : t('shortcuts.siteMany', { sites: format.and(names) });
}

/** Whether a key pressed in this element is typing (a text field, a contenteditable), not a shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
}

/** A keyboard event as common/shortcuts.ts reads a key press. */
export function pressOf(event: KeyboardEvent): { code: string; control: boolean; meta: boolean; alt: boolean; shift: boolean } {
  return { code: event.code, control: event.ctrlKey, meta: event.metaKey, alt: event.altKey, shift: event.shiftKey };
}
