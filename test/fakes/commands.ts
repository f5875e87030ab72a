/**
 * Main's menu command table (main/core/app/menu-commands.ts) with every owner a fake that writes down what it was
 * asked to do, in a few words: the real tables route each command, the fakes show where it went.
 */
import type { CommandResult } from '../../common/ipc';
import { commandTable, type CommandTargets } from '../../main/core/app/commands';
import { appCommandTable, type DesktopPort, type MenuCommandTable } from '../../main/core/app/menu-commands';
import type { ServiceController } from '../../main/core/services/services';
import { ManualClock } from './clock';

export interface RecordingTable {
  table: MenuCommandTable;
  /** What was done, in order: `reveal`, `shell:add-service`, `service.reload wa`, `activate-relative:1`… */
  done: string[];
  clock: ManualClock;
  /** Whether the fake window is on screen (window.toggle reads it). */
  window: { shown: boolean };
}

const OK: CommandResult = { ok: true };

export function recordingTable(clock = new ManualClock()): RecordingTable {
  const done: string[] = [];
  const window = { shown: true };
  const note = (what: string): CommandResult => {
    done.push(what);
    return OK;
  };
  const desktop: DesktopPort = {
    windowShown: () => window.shown,
    onWindowChange: () => undefined,
    revealWindow: () => note('reveal'),
    focusShell: () => note('focus-shell'),
    hideWindow: () => note('hide'),
    sendAction: (action) => note(`shell:${action}`),
    reloadWindow: () => note('reload-window'),
    toggleDevTools: () => note('dev-tools'),
    showAbout: () => note('about'),
    openProjectPage: () => note('project-page'),
    startDemo: () => note('demo'),
    quit: () => note('quit'),
  };
  const services: Pick<ServiceController, 'activateIndex' | 'activateRelative' | 'command'> = {
    activateIndex: (index) => note(`activate-index:${index}`),
    activateRelative: (delta) => note(`activate-relative:${delta}`),
    command: (cmd) => Promise.resolve(note(cmd.type === 'service.zoom' ? `${cmd.type} ${cmd.id} ${cmd.step}` : 'id' in cmd ? `${cmd.type} ${cmd.id}` : JSON.stringify(cmd))),
  };
  const owners = {
    services,
    lock: { command: (cmd: { type: string }) => Promise.resolve(note(cmd.type)) },
    notifications: { command: (cmd: { type: string }) => note(JSON.stringify(cmd)) },
    outline: { save: (id: string) => Promise.resolve(note(`outline ${id}`)) },
    updates: { command: (cmd: { type: string }) => Promise.resolve(note(cmd.type)) },
  };
  // Only the owners the menus reach are faked; a command for another one fails loudly.
  const shell = commandTable(owners as unknown as CommandTargets);
  return { table: { ...shell, ...appCommandTable({ desktop, services, clock }) }, done, clock, window };
}
