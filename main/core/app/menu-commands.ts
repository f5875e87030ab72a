/**
 * The commands of the application menu, the tray and the keyboard shortcuts. They are the shell's commands
 * (common/ipc.ts) plus what only main does: show one of the shell's screens, act on the window or the app, step
 * through the services, choose how long not to be disturbed. Each of those has one owner in a typed table, as the
 * shell's commands do in ./commands.ts; every menu item carries one of these commands as data, and one dispatcher
 * carries them out.
 */
import { dndUntil, type DndChoice } from '../../../common/dnd';
import type { Command, CommandResult, ShellAction } from '../../../common/ipc';
import type { ServiceController } from '../services/services';
import type { CommandTable } from './commands';
import type { Clock, Logger } from './ports';

/** What main does by itself, for a menu item, a tray item or a shortcut. */
export type AppCommand =
  /** Bring the window forward on one of the shell's screens (a dialog, a panel). */
  | { type: 'app.show'; action: ShellAction }
  | { type: 'app.about' }
  /** Open Wasl's web page in the browser. */
  | { type: 'app.learnMore' }
  /** Development builds: start a second Wasl in demo mode, on sample data and a profile of its own. */
  | { type: 'app.demo' }
  | { type: 'app.quit' }
  /** Hide the window when it is on screen, bring it forward otherwise. */
  | { type: 'window.toggle' }
  | { type: 'window.hide' }
  /** Reload the shell (the Wasl window's own page, not the services). */
  | { type: 'window.reload' }
  | { type: 'window.devTools' }
  /** The service at this place in the list (1-based; 9 is the last one), as Ctrl/Cmd+1…9 pick it. */
  | { type: 'service.activateIndex'; index: number }
  /** The next or the previous service, wrapping around. */
  | { type: 'service.activateRelative'; delta: 1 | -1 }
  /** Do not disturb, ending when this choice says counted from the moment it is carried out. */
  | { type: 'dnd.choose'; choice: DndChoice };

export type MenuCommand = Command | AppCommand;

type Handler<T extends AppCommand['type']> = (cmd: Extract<AppCommand, { type: T }>) => Promise<CommandResult> | CommandResult;

/** One owner per main-only command type. */
export type AppCommandTable = { [T in AppCommand['type']]: Handler<T> };

/** One owner per command a menu, the tray or a shortcut may carry. */
export type MenuCommandTable = CommandTable & AppCommandTable;

/** The window and the app, as main's own commands act on them (main/electron/desktop.ts on Electron). */
export interface DesktopPort {
  /** Whether the window is on screen: neither hidden nor minimized. */
  windowShown(): boolean;
  /** Calls `listener` whenever the window is shown, hidden, minimized or restored. */
  onWindowChange(listener: () => void): void;
  revealWindow(): void;
  /** Gives Wasl's own page (the shell) the keyboard focus, away from a service's page. */
  focusShell(): void;
  hideWindow(): void;
  /** Tells the shell to show one of its screens. */
  sendAction(action: ShellAction): void;
  reloadWindow(): void;
  toggleDevTools(): void;
  showAbout(): void;
  openProjectPage(): void;
  /** Starts the demo (main/electron/demo.ts) beside this Wasl. */
  startDemo(): void;
  quit(): void;
}

export interface AppCommandTargets {
  desktop: DesktopPort;
  services: Pick<ServiceController, 'activateIndex' | 'activateRelative' | 'command'>;
  clock: Clock;
}

const OK: CommandResult = { ok: true };

export function appCommandTable(t: AppCommandTargets): AppCommandTable {
  const { desktop } = t;
  const done = (effect: () => void) => (): CommandResult => {
    effect();
    return OK;
  };
  return {
    'app.show': (cmd) => {
      desktop.revealWindow();
      // The find bar's field is in the shell: from the menu or a key pressed in a page, the focus goes there.
      if (cmd.action === 'find') desktop.focusShell();
      desktop.sendAction(cmd.action);
      return OK;
    },
    'app.about': done(() => desktop.showAbout()),
    'app.learnMore': done(() => desktop.openProjectPage()),
    'app.demo': done(() => desktop.startDemo()),
    'app.quit': done(() => desktop.quit()),
    'window.toggle': done(() => {
      if (desktop.windowShown()) desktop.hideWindow();
      else desktop.revealWindow();
    }),
    'window.hide': done(() => desktop.hideWindow()),
    'window.reload': done(() => desktop.reloadWindow()),
    'window.devTools': done(() => desktop.toggleDevTools()),
    'service.activateIndex': (cmd) => {
      t.services.activateIndex(cmd.index);
      return OK;
    },
    'service.activateRelative': (cmd) => {
      t.services.activateRelative(cmd.delta);
      return OK;
    },
    'dnd.choose': (cmd) => t.services.command({ type: 'settings.set', notifications: { dndUntil: dndUntil(cmd.choice, new Date(t.clock.now())) } }),
  };
}

/** What a menu may still do while Wasl is locked: take the password, and act on the window and the app alone. */
const OPEN_WHILE_LOCKED: ReadonlySet<MenuCommand['type']> = new Set<MenuCommand['type']>([
  'lock.unlock',
  'app.show',
  'app.about',
  'app.learnMore',
  'app.quit',
  'window.toggle',
  'window.hide',
  'window.reload',
  'window.devTools',
]);

/** Carries out a menu's command through its owner. Locked, nothing that touches the services or the data runs. */
export function dispatchMenuCommand(cmd: MenuCommand, table: MenuCommandTable, locked: () => boolean): Promise<CommandResult> {
  if (locked() && !OPEN_WHILE_LOCKED.has(cmd.type)) return Promise.resolve({ ok: false, error: 'locked' });
  // As in dispatchCommand: the table's type relates each command type to its handler, which TypeScript cannot follow.
  const handler = table[cmd.type] as (cmd: MenuCommand) => Promise<CommandResult> | CommandResult;
  return Promise.resolve(handler(cmd));
}

/** Runs menu commands as clicks do: nobody waits for the result, so a refusal or a failure is logged. */
export function menuCommandRunner(table: MenuCommandTable, locked: () => boolean, log: Logger): (cmd: MenuCommand) => void {
  return (command) => {
    dispatchMenuCommand(command, table, locked).then(
      (result) => {
        if (!result.ok) log.warn('menu command failed', { command: command.type, error: result.error });
      },
      (error: unknown) => {
        log.error('menu command failed', { command: command.type, error: String(error) });
      },
    );
  };
}
