/**
 * Window-wide keyboard shortcuts. They are read from every webContents' `before-input-event` (the shell and
 * each service page), so they work wherever the focus is — including inside a service's own page. Each one runs
 * a command (../app/menu-commands.ts), as the menu item that shows the same shortcut does.
 */
import type { HostOs } from '../../../common/state';
import type { MenuCommand } from '../app/menu-commands';

export interface KeyInput {
  type: string;
  code: string;
  key: string;
  control: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
}

export type Shortcut =
  | { type: 'inbox' }
  | { type: 'activate-index'; index: number }
  | { type: 'activate-relative'; delta: 1 | -1 }
  | { type: 'quick-replies' }
  | { type: 'lock' };

/**
 * Ctrl/Cmd+0 shows the inbox, Ctrl/Cmd+1…9 pick a service (by physical key, so Arabic and other layouts work),
 * Ctrl+Tab and Ctrl+Shift+Tab (also Ctrl+PageDown/PageUp) cycle through them, Ctrl/Cmd+Shift+Space opens the quick
 * replies, Ctrl/Cmd+Shift+L locks Wasl.
 */
export function shortcutFor(input: KeyInput, os: HostOs): Shortcut | undefined {
  if (input.type !== 'keyDown' || input.alt) return undefined;
  const primary = os === 'darwin' ? input.meta && !input.control : input.control && !input.meta;
  const digit = /^(?:Digit|Numpad)([0-9])$/.exec(input.code)?.[1];
  if (primary && !input.shift && digit === '0') return { type: 'inbox' };
  if (primary && !input.shift && digit !== undefined) return { type: 'activate-index', index: Number(digit) };
  if (primary && input.shift && input.code === 'Space') return { type: 'quick-replies' };
  if (primary && input.shift && input.code === 'KeyL') return { type: 'lock' };
  if (input.control && !input.meta) {
    if (input.code === 'Tab') return { type: 'activate-relative', delta: input.shift ? -1 : 1 };
    if (!input.shift && input.code === 'PageDown') return { type: 'activate-relative', delta: 1 };
    if (!input.shift && input.code === 'PageUp') return { type: 'activate-relative', delta: -1 };
  }
  return undefined;
}

/** The command a shortcut stands for. */
export function shortcutCommand(shortcut: Shortcut): MenuCommand {
  switch (shortcut.type) {
    case 'inbox':
      return { type: 'view.inbox' };
    case 'activate-index':
      return { type: 'service.activateIndex', index: shortcut.index };
    case 'activate-relative':
      return { type: 'service.activateRelative', delta: shortcut.delta };
    case 'quick-replies':
      return { type: 'app.show', action: 'quick-replies' };
    case 'lock':
      return { type: 'lock.lock' };
  }
}

/**
 * A `before-input-event` handler: a shortcut runs its command, and answers true so the page never sees the key.
 * While Wasl is locked no shortcut acts, and every key goes to the page (the lock screen).
 */
export function shortcutHandler(os: HostOs, locked: () => boolean, run: (command: MenuCommand) => void): (input: KeyInput) => boolean {
  return (input) => {
    const shortcut = shortcutFor(input, os);
    if (!shortcut || locked()) return false;
    run(shortcutCommand(shortcut));
    return true;
  };
}
