/**
 * Wasl's keyboard shortcuts as one table: every action a key can carry out, where the key is caught (its scope),
 * and the keys it has until the user changes them. Main (window and global keys), the shell (the chat list's
 * single keys, the cheat sheet) and the settings screen all read this table, so a shortcut shown is the shortcut
 * that works. Keys are written as combos over physical key codes ("Mod+Shift+KeyL"), so they work the same on an
 * Arabic keyboard layout; `Mod` is Cmd on macOS and Ctrl elsewhere. Pure.
 */
import type { HostOs } from './state';

/**
 * Where a shortcut is caught:
 * - `window`: anywhere in Wasl's window, the service pages included (main's before-input-event), unless the page in
 *   focus is a site that uses the same key itself;
 * - `list`: in the chat list (the inbox page's or the one beside a service) while it has the focus and no text
 *   field does;
 * - `global`: anywhere on the computer, Wasl in front or not; none is set until the user sets one.
 */
export type ShortcutScope = 'window' | 'list' | 'global';

export interface ShortcutAction {
  scope: ShortcutScope;
  /** The keys it has until the user changes them; empty: none. */
  defaults: readonly string[];
}

export const SHORTCUTS = {
  /** Show the inbox page. */
  inbox: { scope: 'window', defaults: ['Mod+Digit0'] },
  'next-service': { scope: 'window', defaults: ['Ctrl+Tab', 'Ctrl+PageDown'] },
  'previous-service': { scope: 'window', defaults: ['Ctrl+Shift+Tab', 'Ctrl+PageUp'] },
  'quick-replies': { scope: 'window', defaults: ['Mod+Shift+Space'] },
  lock: { scope: 'window', defaults: ['Mod+Shift+KeyL'] },
  /** Open the chat of the customer who has waited longest, on any platform. */
  'next-unread': { scope: 'window', defaults: ['Mod+KeyJ'] },
  /** Move the focus from the service's page to the chat list beside it, and back. */
  'focus-list': { scope: 'window', defaults: ['F6'] },
  /** The list of every shortcut. */
  'cheat-sheet': { scope: 'window', defaults: ['Mod+Slash'] },
  /** The selected chat: done until the customer writes again. */
  done: { scope: 'list', defaults: ['KeyE'] },
  /** The selected chat: unread in Wasl until opened. */
  'mark-unread': { scope: 'list', defaults: ['KeyU'] },
  /** The selected chat: pinned to the top of the list, or unpinned. */
  pin: { scope: 'list', defaults: ['KeyP'] },
  /** The selected chat: snoozed until a time the user picks (a reminder brings it back). */
  snooze: { scope: 'list', defaults: ['KeyS'] },
  /** Undo the last triage step. */
  undo: { scope: 'list', defaults: ['KeyZ'] },
  /** Put the focus in the list's search box. */
  search: { scope: 'list', defaults: ['Slash'] },
  /** The list of every shortcut, from the chat list. */
  'list-cheat-sheet': { scope: 'list', defaults: ['Shift+Slash'] },
  /** Show or hide Wasl from anywhere. */
  'show-hide': { scope: 'global', defaults: [] },
} as const satisfies Record<string, ShortcutAction>;

export type ShortcutId = keyof typeof SHORTCUTS;
export const SHORTCUT_IDS = Object.keys(SHORTCUTS) as [ShortcutId, ...ShortcutId[]];

/**
 * Keys that are not shortcuts but fixed, listed in the cheat sheet beside the table: Mod+1…9 pick a service (the
 * ninth the last one), arrows move in the list, Enter opens the selected chat.
 */
export const FIXED_KEYS = { services: 'Mod+Digit1…9', move: 'ArrowUp/ArrowDown', open: 'Enter' } as const;

/** A combo taken apart. `code` is a KeyboardEvent code ("KeyK", "Slash", "F6", "Space", "Digit0"). */
export interface Combo {
  mod: boolean;
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
  code: string;
}

const CODE = /^(?:Key[A-Z]|Digit\d|Numpad\d|F(?:[1-9]|1\d|2[0-4])|Space|Tab|Enter|Escape|Backspace|Delete|Insert|Home|End|PageUp|PageDown|Arrow(?:Up|Down|Left|Right)|Slash|Backslash|Period|Comma|Semicolon|Quote|Backquote|BracketLeft|BracketRight|Minus|Equal)$/u;

/** The combo a string names, or undefined when it is not one ("Mod+Shift+KeyL"; modifiers once each, in any order). */
export function parseCombo(text: string): Combo | undefined {
  const parts = text.split('+');
  const code = parts.pop();
  if (code === undefined || !CODE.test(code)) return undefined;
  const combo: Combo = { mod: false, ctrl: false, alt: false, shift: false, code };
  for (const part of parts) {
    const key = part === 'Mod' ? 'mod' : part === 'Ctrl' ? 'ctrl' : part === 'Alt' ? 'alt' : part === 'Shift' ? 'shift' : undefined;
    if (key === undefined || combo[key]) return undefined;
    combo[key] = true;
  }
  return combo;
}

/** The combo's canonical text: modifiers in one order, so two spellings of a combo compare equal. */
export function comboText(combo: Combo): string {
  return [combo.mod && 'Mod', combo.ctrl && 'Ctrl', combo.alt && 'Alt', combo.shift && 'Shift', combo.code].filter((p) => p !== false).join('+');
}

/** A key press as main's before-input-event and the shell's KeyboardEvent both describe it. */
export interface KeyPress {
  code: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

/** Whether a key press is this combo on this system: every modifier exactly (Mod is Cmd on macOS, Ctrl elsewhere). */
export function matchesCombo(combo: Combo, key: KeyPress, os: HostOs): boolean {
  const wantMeta = os === 'darwin' && combo.mod;
  const wantControl = combo.ctrl || (os !== 'darwin' && combo.mod);
  const code = key.code.replace(/^Numpad(\d)$/u, 'Digit$1');
  return code === combo.code && key.control === wantControl && key.meta === wantMeta && key.alt === combo.alt && key.shift === combo.shift;
}

/** The user's changes to the table: a shortcut's one key, or null for none. Absent: its defaults. */
export type ShortcutOverrides = Readonly<Partial<Record<ShortcutId, string | null>>>;

/** Each shortcut's keys with the user's changes applied. */
export function resolveShortcuts(overrides: ShortcutOverrides): Record<ShortcutId, readonly Combo[]> {
  const resolved = {} as Record<ShortcutId, readonly Combo[]>;
  for (const id of SHORTCUT_IDS) {
    const override = overrides[id];
    const texts: readonly string[] = override === undefined ? SHORTCUTS[id].defaults : override === null ? [] : [override];
    resolved[id] = texts.flatMap((text) => parseCombo(text) ?? []);
  }
  return resolved;
}

/** The shortcut of this scope a key press carries out, if any. */
export function shortcutOf(resolved: Readonly<Record<ShortcutId, readonly Combo[]>>, scope: ShortcutScope, key: KeyPress, os: HostOs): ShortcutId | undefined {
  return SHORTCUT_IDS.find((id) => SHORTCUTS[id].scope === scope && resolved[id].some((combo) => matchesCombo(combo, key, os)));
}
