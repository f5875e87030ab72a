/**
 * Wasl's keyboard shortcuts as one table: every action a key can carry out, where the key is caught (its scope),
 * and the keys it has until the user changes them. Main (window and global keys), the shell (the chat list's
 * single keys, the cheat sheet) and the settings screen all read this table, so a shortcut shown is the shortcut
 * that works. Keys are written as combos over physical key codes ("Mod+Shift+KeyL"), so they work the same on an
 * Arabic keyboard layout; `Mod` is Cmd on macOS and Ctrl elsewhere. Pure.
 */
import type { PlatformId } from './model';
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
  /**
   * Show the inbox page. Mod+0 was its key until zoom came: every browser resets the zoom with it, as Wasl now
   * does (`zoom-reset`).
   */
  inbox: { scope: 'window', defaults: ['Mod+Shift+KeyO'] },
  'next-service': { scope: 'window', defaults: ['Ctrl+Tab', 'Ctrl+PageDown'] },
  'previous-service': { scope: 'window', defaults: ['Ctrl+Shift+Tab', 'Ctrl+PageUp'] },
  'quick-replies': { scope: 'window', defaults: ['Mod+Shift+Space'] },
  lock: { scope: 'window', defaults: ['Mod+Shift+KeyL'] },
  /** Open the chat of the customer who has waited longest, on any platform. */
  'next-unread': { scope: 'window', defaults: ['Mod+KeyJ'] },
  /** Move the focus from the service's page to the chat list beside it, and back. */
  'focus-list': { scope: 'window', defaults: ['F6'] },
  /** Find text in the service's page (a site that uses the key itself keeps it: SITE_KEYS). */
  find: { scope: 'window', defaults: ['Mod+KeyF'] },
  /** The list of every shortcut. */
  'cheat-sheet': { scope: 'window', defaults: ['Mod+Slash'] },
  /** The service in front, a zoom step bigger (Mod+= and Mod++ on a US keyboard), smaller, or at actual size. */
  'zoom-in': { scope: 'window', defaults: ['Mod+Equal', 'Mod+Shift+Equal'] },
  'zoom-out': { scope: 'window', defaults: ['Mod+Minus'] },
  'zoom-reset': { scope: 'window', defaults: ['Mod+Digit0'] },
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

/** A digit of the number pad is the same key as the digit above the letters. */
const sameDigit = (code: string): string => code.replace(/^Numpad(\d)$/u, 'Digit$1');

/** Whether a key press is this combo on this system: every modifier exactly (Mod is Cmd on macOS, Ctrl elsewhere). */
export function matchesCombo(combo: Combo, key: KeyPress, os: HostOs): boolean {
  const wantMeta = os === 'darwin' && combo.mod;
  const wantControl = combo.ctrl || (os !== 'darwin' && combo.mod);
  return sameDigit(key.code) === sameDigit(combo.code) && key.control === wantControl && key.meta === wantMeta && key.alt === combo.alt && key.shift === combo.shift;
}

/** The key press a combo is on this system. */
function pressOf(combo: Combo, os: HostOs): KeyPress {
  const mac = os === 'darwin';
  return { code: sameDigit(combo.code), control: combo.ctrl || (!mac && combo.mod), meta: mac && combo.mod, alt: combo.alt, shift: combo.shift };
}

/** Whether two combos are the same key press on this system (on Windows and Linux, Mod+K is Ctrl+K). */
export function sameKey(a: Combo, b: Combo, os: HostOs): boolean {
  return matchesCombo(b, pressOf(a, os), os);
}

/**
 * The combo a key press makes, as the settings screen records it: Cmd is Mod on macOS, Ctrl is Mod elsewhere
 * (a number-pad digit is its digit). Undefined for a press Wasl cannot name: a modifier alone, the Windows key.
 */
export function comboOfPress(key: KeyPress, os: HostOs): Combo | undefined {
  const code = sameDigit(key.code);
  if (!CODE.test(code)) return undefined;
  if (os === 'darwin') return { mod: key.meta, ctrl: key.control, alt: key.alt, shift: key.shift, code };
  if (key.meta) return undefined;
  return { mod: key.control, ctrl: false, alt: key.alt, shift: key.shift, code };
}

/** What a key shows on macOS, where it differs from its name elsewhere. */
const MAC_KEY_TEXT: Readonly<Record<string, string>> = {
  Enter: '↩',
  Backspace: '⌫',
  Delete: '⌦',
  Escape: '⎋',
  Tab: '⇥',
};

/** The character each punctuation key types on a US keyboard (the layout Wasl's keys are named after). */
export const PUNCTUATION: Readonly<Record<string, string>> = {
  Slash: '/',
  Backslash: '\\',
  Period: '.',
  Comma: ',',
  Semicolon: ';',
  Quote: "'",
  Backquote: '`',
  BracketLeft: '[',
  BracketRight: ']',
  Minus: '-',
  Equal: '=',
};

/** What the other keys show, where it is not their name. */
const KEY_TEXT: Readonly<Record<string, string>> = {
  ...PUNCTUATION,
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  Escape: 'Esc',
  PageUp: 'PgUp',
  PageDown: 'PgDn',
};

/** A letter's or a digit's character, else undefined. */
export function letterOf(code: string): string | undefined {
  const match = /^(?:Key([A-Z])|(?:Digit|Numpad)(\d))$/u.exec(code);
  return match ? (match[1] ?? match[2]) : undefined;
}

function keyText(code: string, os: HostOs): string {
  return letterOf(code) ?? (os === 'darwin' ? MAC_KEY_TEXT[code] : undefined) ?? KEY_TEXT[code] ?? code;
}

/**
 * A combo as the system writes it in its menus: "⌃⌥⇧⌘L" on macOS (Control, Option, Shift, Command, in Apple's
 * order), "Ctrl+Alt+Shift+L" elsewhere (Mod is Ctrl there).
 */
export function comboLabel(combo: Combo, os: HostOs): string {
  const key = keyText(combo.code, os);
  if (os === 'darwin') return `${combo.ctrl ? '⌃' : ''}${combo.alt ? '⌥' : ''}${combo.shift ? '⇧' : ''}${combo.mod ? '⌘' : ''}${key}`;
  return [(combo.mod || combo.ctrl) && 'Ctrl', combo.alt && 'Alt', combo.shift && 'Shift', key].filter((p) => p !== false).join('+');
}

/** A combo as aria-keyshortcuts names it ("Control+Shift+L", "Meta+Shift+L" on macOS). */
export function comboAria(combo: Combo, os: HostOs): string {
  const press = pressOf(combo, os);
  const key = letterOf(combo.code) ?? PUNCTUATION[combo.code] ?? combo.code;
  return [press.control && 'Control', press.alt && 'Alt', press.shift && 'Shift', press.meta && 'Meta', key].filter((p) => p !== false).join('+');
}

/** The user's changes to the table: a shortcut's one key, or null for none. Absent: its defaults. */
export type ShortcutOverrides = Readonly<Partial<Record<ShortcutId, string | null>>>;

/**
 * Each shortcut's keys with the user's changes applied. A key the user gave one shortcut is no longer a default of
 * another: a later version may give a default to a key the user had already taken (Mod+Shift+O became the inbox's
 * when zoom took Mod+0), and the user's choice wins.
 */
export function resolveShortcuts(overrides: ShortcutOverrides): Record<ShortcutId, readonly Combo[]> {
  const chosen = new Set(
    SHORTCUT_IDS.flatMap((id) => {
      const override = overrides[id];
      const combo = typeof override === 'string' ? parseCombo(override) : undefined;
      return combo === undefined ? [] : [comboText(combo)];
    }),
  );
  const resolved = {} as Record<ShortcutId, readonly Combo[]>;
  for (const id of SHORTCUT_IDS) {
    const override = overrides[id];
    if (override !== undefined) {
      const combo = override === null ? undefined : parseCombo(override);
      resolved[id] = combo === undefined ? [] : [combo];
      continue;
    }
    resolved[id] = SHORTCUTS[id].defaults.flatMap((text) => parseCombo(text) ?? []).filter((combo) => !chosen.has(comboText(combo)));
  }
  return resolved;
}

/** The shortcut of this scope a key press carries out, if any. */
export function shortcutOf(resolved: Readonly<Record<ShortcutId, readonly Combo[]>>, scope: ShortcutScope, key: KeyPress, os: HostOs): ShortcutId | undefined {
  return SHORTCUT_IDS.find((id) => SHORTCUTS[id].scope === scope && resolved[id].some((combo) => matchesCombo(combo, key, os)));
}

/**
 * A key a hosted site uses: the same combo on every system (Mod is Cmd on macOS, Ctrl elsewhere), or one combo on
 * macOS and another elsewhere.
 */
export type SiteKey = string | { readonly mac: string; readonly other: string };

/**
 * The keys each platform's web client uses itself, as public sources show them (never guessed). A window-scope key
 * of Wasl pressed while such a page has the focus goes to the page; the settings screen warns about them.
 *
 * - Slack (app.slack.com): talonhub/community apps/slack/slack.py, slack_win.py and slack_mac.py (2025-06-07;
 *   their context includes app.slack.com in a browser), Ctrl on Windows/Linux and Cmd on macOS for each: Mod+K
 *   channel picker, Mod+F search, Mod+Shift+K direct messages, Mod+Shift+T threads, Mod+Shift+M activity,
 *   Mod+Shift+E directory, Mod+Shift+A unreads, Mod+Shift+S starred, Mod+Shift+I channel info, Mod+Shift+D and
 *   Mod+. the sidebars, Mod+/ its keyboard shortcuts, Mod+Shift+H huddle, Mod+Shift+Enter snippet, Mod+Shift+\
 *   reaction, F6 / Shift+F6 sections, Alt(+Shift)+↑/↓ channels and unread ones, Shift+Esc mark all read. Mod+K
 *   also in cljdoc/cljdoc issue 126 (2018-10-05, citing Slack's help article "Get around faster with keyboard
 *   shortcuts"). Ctrl+Tab and Ctrl+1…9 switch workspaces in Slack's desktop app only: a Wasl service is one
 *   workspace, so they stay Wasl's.
 * - Discord (discord.com): talonhub/community apps/discord/discord.py, discord_win.py and discord_mac.py
 *   (2023-05-08; discord.py matches discord.com in a browser): Mod+K quick switcher, Mod+Shift+M toggle mute,
 *   Mod+Shift+D deafen, Mod+P pins, Mod+I inbox, Mod+U member list, Mod+E / Mod+G / Mod+S emoji, GIF and sticker
 *   pickers, Mod+Shift+U upload, Mod+Shift+E mark inbox read, Mod+Enter answer a call, Mod+Alt+↑/↓ servers,
 *   Mod+Alt+→ DMs, Alt(+Shift)+↑/↓ channels and unread ones, Mod+Alt+Shift+↑/↓ mentions, Shift+PageUp oldest unread,
 *   Shift+Esc mark server read. Osterie/Shortcuts apps/ShortcutsDiscord.md (2024-11-07, Discord's list as shown on
 *   Windows): Ctrl+/ the list of shortcuts, Ctrl+F search, F6 section jump; Discord takes Cmd where Windows takes
 *   Ctrl for every key both talonhub files name, and akintisch/community apps/discord/discord.talon names Cmd+/ on
 *   macOS. Ctrl+Tab and Ctrl+1…9 exist in Discord's desktop app only (a Vencord plugin, "WebKeybinds", re-adds them
 *   to the web client), so they stay Wasl's.
 * - WhatsApp Web: patelkrish-27/hyprfast .opencode/skills/hyprfast/SKILL.md (read Dec 2026), Ctrl+Alt on
 *   Windows/Linux and Cmd+Ctrl on macOS: N new chat, Shift+N new group, E archive, Shift+M mute, Shift+P pin,
 *   Shift+U mark unread, Backspace delete chat, / search, Shift+F search in the chat, (Shift+)Tab next and previous
 *   chat, P profile, comma settings.
 * - Telegram Web K (web.telegram.org/k/): morethanwords/tweb src/lib/appManagers/appImManager.ts
 *   `attachKeydownListener` (commit 007f357, read Dec 2026): Alt+↑/↓ the previous and next chat; its other keys are
 *   plain ones in its message box.
 */
export const SITE_KEYS: Partial<Record<PlatformId, readonly SiteKey[]>> = {
  slack: [
    'Mod+KeyK', 'Mod+KeyF', 'Mod+Shift+KeyK', 'Mod+Shift+KeyT', 'Mod+Shift+KeyM', 'Mod+Shift+KeyE', 'Mod+Shift+KeyA',
    'Mod+Shift+KeyS', 'Mod+Shift+KeyI', 'Mod+Shift+KeyD', 'Mod+Period', 'Mod+Slash', 'Mod+Shift+KeyH',
    'Mod+Shift+Enter', 'Mod+Shift+Backslash', 'F6', 'Shift+F6', 'Alt+ArrowUp', 'Alt+ArrowDown', 'Alt+Shift+ArrowUp',
    'Alt+Shift+ArrowDown', 'Shift+Escape',
  ],
  discord: [
    'Mod+KeyK', 'Mod+KeyF', 'Mod+Slash', 'F6', 'Mod+Shift+KeyM', 'Mod+Shift+KeyD', 'Mod+KeyP', 'Mod+KeyI', 'Mod+KeyU',
    'Mod+KeyE', 'Mod+KeyG', 'Mod+KeyS', 'Mod+Shift+KeyU', 'Mod+Shift+KeyE', 'Mod+Enter', 'Mod+Alt+ArrowUp',
    'Mod+Alt+ArrowDown', 'Mod+Alt+ArrowRight', 'Alt+ArrowUp', 'Alt+ArrowDown', 'Alt+Shift+ArrowUp',
    'Alt+Shift+ArrowDown', 'Mod+Alt+Shift+ArrowUp', 'Mod+Alt+Shift+ArrowDown', 'Shift+PageUp', 'Shift+Escape',
  ],
  whatsapp: ['KeyN', 'Shift+KeyN', 'KeyE', 'Shift+KeyM', 'Shift+KeyP', 'Shift+KeyU', 'Backspace', 'Slash', 'Shift+KeyF', 'Tab', 'Shift+Tab', 'KeyP', 'Comma'].map(
    (key) => ({ mac: `Mod+Ctrl+${key}`, other: `Ctrl+Alt+${key}` }),
  ),
  telegram: ['Alt+ArrowUp', 'Alt+ArrowDown'],
};

/** A site key's combo on this system. */
function siteCombo(key: SiteKey, os: HostOs): Combo | undefined {
  return parseCombo(typeof key === 'string' ? key : os === 'darwin' ? key.mac : key.other);
}

/** Whether the platform's web client uses this key press itself (SITE_KEYS). */
export function siteUses(platform: PlatformId, key: KeyPress, os: HostOs): boolean {
  return (SITE_KEYS[platform] ?? []).some((siteKey) => {
    const combo = siteCombo(siteKey, os);
    return combo !== undefined && matchesCombo(combo, key, os);
  });
}

/** The platforms whose web client uses this combo itself, in SITE_KEYS' order. */
export function sitesUsing(combo: Combo, os: HostOs): PlatformId[] {
  const press = pressOf(combo, os);
  return (Object.keys(SITE_KEYS) as PlatformId[]).filter((platform) => siteUses(platform, press, os));
}

/** Why a key may not be a shortcut: it edits text, the system or Wasl's menu has it, or it moves the focus. */
export type ReservedKind = 'editing' | 'system' | 'menu' | 'focus';

/**
 * Keys no shortcut may take. Editing: copy, paste, cut, select all, undo, redo. System: quit, close the window,
 * hide and minimize (macOS), the input source (Mod+Space), Alt+F4. Menu: Wasl's own menu items (add a service,
 * settings, reload, developer tools). Focus: Escape closes, Tab moves the focus, Enter and Space press.
 */
const RESERVED: readonly { combo: string; kind: ReservedKind }[] = [
  ...['Mod+KeyC', 'Mod+KeyV', 'Mod+KeyX', 'Mod+KeyA', 'Mod+KeyZ', 'Mod+Shift+KeyZ', 'Mod+KeyY'].map((combo) => ({ combo, kind: 'editing' as const })),
  ...['Mod+KeyQ', 'Mod+KeyW', 'Mod+KeyH', 'Mod+KeyM', 'Mod+Space', 'Alt+F4'].map((combo) => ({ combo, kind: 'system' as const })),
  ...['Mod+KeyN', 'Mod+Comma', 'Mod+KeyR', 'Mod+Shift+KeyR', 'Mod+Alt+KeyI'].map((combo) => ({ combo, kind: 'menu' as const })),
  ...['Escape', 'Tab', 'Shift+Tab', 'Enter', 'Space'].map((combo) => ({ combo, kind: 'focus' as const })),
];

/** Which fixed key a combo is (FIXED_KEYS), if any: Mod+1…9 pick a service, arrows move in the list, Enter opens. */
function fixedKeyOf(combo: Combo, os: HostOs): keyof typeof FIXED_KEYS | undefined {
  const plain = !combo.mod && !combo.ctrl && !combo.alt && !combo.shift;
  if (/^(?:Digit|Numpad)[1-9]$/u.test(combo.code) && sameKey(combo, { mod: true, ctrl: false, alt: false, shift: false, code: combo.code }, os)) return 'services';
  if (plain && (combo.code === 'ArrowUp' || combo.code === 'ArrowDown')) return 'move';
  if (plain && combo.code === 'Enter') return 'open';
  return undefined;
}

/**
 * What the settings screen says of a key for a shortcut:
 * - `ok`, with the platforms whose pages keep the key for themselves (a window-scope key: a warning, not a refusal);
 * - `taken` by another shortcut (every scope overlaps another: window keys reach main before the chat list sees
 *   them, and a global key is taken from the whole system, Wasl's window included);
 * - `fixed`: one of FIXED_KEYS;
 * - `reserved`: RESERVED;
 * - `needs-modifier`: a window or global key must hold Ctrl, Alt or Cmd (or be a function key), or typing would
 *   set it off; the chat list takes single keys.
 */
export type KeyVerdict =
  | { ok: true; sites: PlatformId[] }
  | { ok: false; reason: 'taken'; by: ShortcutId }
  | { ok: false; reason: 'fixed'; fixed: keyof typeof FIXED_KEYS }
  | { ok: false; reason: 'reserved'; kind: ReservedKind }
  | { ok: false; reason: 'needs-modifier' };

export function judgeKey(id: ShortcutId, combo: Combo, resolved: Readonly<Record<ShortcutId, readonly Combo[]>>, os: HostOs): KeyVerdict {
  const scope = SHORTCUTS[id].scope;
  const reserved = RESERVED.find((entry) => {
    const taken = parseCombo(entry.combo);
    return taken !== undefined && sameKey(combo, taken, os);
  });
  if (reserved) return { ok: false, reason: 'reserved', kind: reserved.kind };
  const fixed = fixedKeyOf(combo, os);
  if (fixed) return { ok: false, reason: 'fixed', fixed };
  if (scope !== 'list' && !combo.mod && !combo.ctrl && !combo.alt && !/^F\d+$/u.test(combo.code)) return { ok: false, reason: 'needs-modifier' };
  const by = SHORTCUT_IDS.find((other) => other !== id && resolved[other].some((taken) => sameKey(combo, taken, os)));
  if (by) return { ok: false, reason: 'taken', by };
  return { ok: true, sites: scope === 'window' ? sitesUsing(combo, os) : [] };
}

/**
 * The user's changes with one shortcut changed: a key (its canonical text), none (null), or back to its defaults
 * (undefined: the change is forgotten).
 */
export function withKey(overrides: ShortcutOverrides, id: ShortcutId, key: Combo | null | undefined): Partial<Record<ShortcutId, string | null>> {
  const next: Partial<Record<ShortcutId, string | null>> = { ...overrides };
  if (key === undefined) Reflect.deleteProperty(next, id);
  else next[id] = key === null ? null : comboText(key);
  return next;
}
