/**
 * Window-wide keyboard shortcuts. They are read from every webContents' `before-input-event` (the shell and each
 * service page), so they work wherever the focus is — including inside a service's own page. The keys are the
 * table's (common/shortcuts.ts) with the user's changes, read at each key press, so a change in the settings works
 * at once. Each one runs a command (../app/menu-commands.ts), as the menu item that shows the same key does.
 *
 * A key the hosted site uses itself (SITE_KEYS: Ctrl+K in Slack…) goes to that site's page while it has the focus;
 * in Wasl's own window the same key is Wasl's. While the settings screen records a key, the shell's keys reach it.
 */
import type { PlatformId } from '../../../common/model';
import { resolveShortcuts, shortcutOf, siteUses, type Combo, type ShortcutId, type ShortcutOverrides } from '../../../common/shortcuts';
import type { HostOs } from '../../../common/state';
import type { ZoomStep } from '../../../common/zoom';
import type { MenuCommand } from '../app/menu-commands';
import type { Clock } from '../app/ports';

export interface KeyInput {
  type: string;
  code: string;
  key: string;
  control: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
}

/** Where a key was pressed: Wasl's own window (the shell), or a page (a service's, of a platform, or one unknown). */
export type KeySource = { kind: 'shell' } | { kind: 'page'; platform?: PlatformId };

/** Moving the keyboard focus between Wasl's window and a service's page. */
export interface FocusPort {
  /** The shell's page takes the focus. */
  shell(): void;
  /** The service's page takes the focus. */
  service(serviceId: string): void;
}

/** The window-scope shortcuts that stand for one command wherever they are pressed. */
type CommandShortcut = 'inbox' | 'next-service' | 'previous-service' | 'quick-replies' | 'lock' | 'next-unread' | 'cheat-sheet' | 'find';

const COMMANDS: Readonly<Record<CommandShortcut, MenuCommand>> = {
  inbox: { type: 'view.inbox' },
  'next-service': { type: 'service.activateRelative', delta: 1 },
  'previous-service': { type: 'service.activateRelative', delta: -1 },
  'quick-replies': { type: 'app.show', action: 'quick-replies' },
  lock: { type: 'lock.lock' },
  'next-unread': { type: 'app.show', action: 'next-unread' },
  'cheat-sheet': { type: 'app.show', action: 'shortcuts' },
  find: { type: 'app.show', action: 'find' },
};

type ZoomShortcut = 'zoom-in' | 'zoom-out' | 'zoom-reset';

/** The zoom step each zoom key takes, on the service on screen. */
const ZOOM_KEYS: Readonly<Record<ZoomShortcut, ZoomStep>> = { 'zoom-in': 'in', 'zoom-out': 'out', 'zoom-reset': 'reset' };

/** The command a window shortcut stands for (`focus-list` and zoom have none: theirs depend on what is on screen). */
export function shortcutCommand(id: ShortcutId): MenuCommand | undefined {
  return Object.hasOwn(COMMANDS, id) ? COMMANDS[id as CommandShortcut] : undefined;
}

/** The service Ctrl/Cmd+1…9 picks (FIXED_KEYS: by physical key, a number-pad digit too; 9 is the last one). */
export function serviceIndexOf(input: KeyInput, os: HostOs): number | undefined {
  const primary = os === 'darwin' ? input.meta && !input.control : input.control && !input.meta;
  const digit = /^(?:Digit|Numpad)([1-9])$/u.exec(input.code)?.[1];
  return primary && !input.shift && !input.alt && digit !== undefined ? Number(digit) : undefined;
}

/** How long the settings screen may record a key before the shell's keys are Wasl's again (a reload mid-record). */
export const RECORD_MS = 60_000;

/** The settings screen recording a key: meanwhile the keys pressed in the shell reach it, not Wasl's shortcuts. */
export class KeyRecording {
  private until = 0;

  constructor(private readonly clock: Pick<Clock, 'now'>) {}

  /** Recording starts (for RECORD_MS at most) or ends. */
  set(recording: boolean): void {
    this.until = recording ? this.clock.now() + RECORD_MS : 0;
  }

  get active(): boolean {
    return this.clock.now() < this.until;
  }
}

export interface ShortcutDeps {
  os: HostOs;
  locked(): boolean;
  /** The user's changes to the table (settings.shortcuts.keys), read at each key press. */
  keys(): ShortcutOverrides;
  /** The service whose page is on screen, if any. */
  shownService(): string | null;
  focus: FocusPort;
  recording: Pick<KeyRecording, 'active'>;
  run(command: MenuCommand): void;
}

/**
 * A `before-input-event` handler: a shortcut runs its command, and answers true so the page never sees the key.
 * While Wasl is locked no shortcut acts, and every key goes to the page (the lock screen). The focus key moves the
 * focus from a service's page to the chat list in the shell, and from the shell to the page on screen (to the
 * inbox's list when none is).
 */
export function shortcutHandler(deps: ShortcutDeps): (input: KeyInput, source: KeySource) => boolean {
  let keys: ShortcutOverrides | undefined;
  let resolved: Record<ShortcutId, readonly Combo[]> = resolveShortcuts({});
  return (input, source) => {
    if (input.type !== 'keyDown' || deps.locked()) return false;
    if (source.kind === 'shell' && deps.recording.active) return false;
    const index = serviceIndexOf(input, deps.os);
    if (index !== undefined) {
      deps.run({ type: 'service.activateIndex', index });
      return true;
    }
    const current = deps.keys();
    if (current !== keys) {
      keys = current;
      resolved = resolveShortcuts(current);
    }
    const id = shortcutOf(resolved, 'window', input, deps.os);
    if (id === undefined) return false;
    if (source.kind === 'page' && source.platform !== undefined && siteUses(source.platform, input, deps.os)) return false;
    if (id === 'focus-list') {
      const shown = source.kind === 'shell' ? deps.shownService() : null;
      if (shown !== null) {
        deps.focus.service(shown);
      } else {
        deps.focus.shell();
        deps.run({ type: 'app.show', action: 'focus-list' });
      }
      return true;
    }
    const zoom = Object.hasOwn(ZOOM_KEYS, id) ? ZOOM_KEYS[id as ZoomShortcut] : undefined;
    if (zoom !== undefined) {
      // Zoom is the page's: with no service on screen the key is left alone.
      const shown = deps.shownService();
      if (shown === null) return false;
      deps.run({ type: 'service.zoom', id: shown, step: zoom });
      return true;
    }
    const command = shortcutCommand(id);
    if (!command) return false;
    deps.run(command);
    return true;
  };
}
