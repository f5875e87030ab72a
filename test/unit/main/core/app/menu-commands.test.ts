/**
 * Main's own commands (main/core/app/menu-commands.ts): each does what it names, one dispatcher carries them out
 * under the lock's rule, clicks log what failed, and every keyboard shortcut is one of them.
 */
import { describe, expect, it } from 'vitest';
import { FOREVER, HOUR_MS, nextMorning } from '../../../../../common/dnd';
import type { CommandResult } from '../../../../../common/ipc';
import { dispatchMenuCommand, menuCommandRunner, type AppCommand, type MenuCommand, type MenuCommandTable } from '../../../../../main/core/app/menu-commands';
import { KeyRecording, shortcutCommand, shortcutHandler, type KeyInput } from '../../../../../main/core/desktop/shortcuts';
import { ManualClock } from '../../../../fakes/clock';
import { recordingTable } from '../../../../fakes/commands';
import { MemoryLogger } from '../../../../fakes/logger';

const run = async (table: MenuCommandTable, command: MenuCommand, locked = false): Promise<CommandResult> => dispatchMenuCommand(command, table, () => locked);

describe('the app command table', () => {
  /** One row per main-only command type: the compiler refuses a table without a row for a new one. */
  const EFFECTS: { [T in AppCommand['type']]: [Extract<AppCommand, { type: T }>, string[]] } = {
    'app.show': [{ type: 'app.show', action: 'open-settings' }, ['reveal', 'shell:open-settings']],
    'app.about': [{ type: 'app.about' }, ['about']],
    'app.learnMore': [{ type: 'app.learnMore' }, ['project-page']],
    'app.demo': [{ type: 'app.demo' }, ['demo']],
    'app.quit': [{ type: 'app.quit' }, ['quit']],
    'window.toggle': [{ type: 'window.toggle' }, ['hide']],
    'window.hide': [{ type: 'window.hide' }, ['hide']],
    'window.reload': [{ type: 'window.reload' }, ['reload-window']],
    'window.devTools': [{ type: 'window.devTools' }, ['dev-tools']],
    'service.activateIndex': [{ type: 'service.activateIndex', index: 9 }, ['activate-index:9']],
    'service.activateRelative': [{ type: 'service.activateRelative', delta: -1 }, ['activate-relative:-1']],
    'dnd.choose': [{ type: 'dnd.choose', choice: 'off' }, ['{"type":"settings.set","notifications":{"dndUntil":null}}']],
  };

  it.each(Object.values(EFFECTS))('%o does what it names', async (command, effect) => {
    const { table, done } = recordingTable();
    expect(await run(table, command)).toEqual({ ok: true });
    expect(done).toEqual(effect);
  });

  it('gives the shell the keyboard focus for the find bar (its field is there), and for no other screen', async () => {
    const { table, done } = recordingTable();
    await run(table, { type: 'app.show', action: 'find' });
    await run(table, { type: 'app.show', action: 'quick-replies' });
    expect(done).toEqual(['reveal', 'focus-shell', 'shell:find', 'reveal', 'shell:quick-replies']);
  });

  it('toggles the window: hides it when it is on screen, brings it forward when it is not', async () => {
    const { table, done, window } = recordingTable();
    await run(table, { type: 'window.toggle' });
    window.shown = false;
    await run(table, { type: 'window.toggle' });
    expect(done).toEqual(['hide', 'reveal']);
  });

  it('counts the end of do-not-disturb from the moment the command is carried out', async () => {
    const { table, done, clock } = recordingTable();
    clock.advance(5 * 60_000);
    const now = clock.now();
    for (const choice of ['on', 'hour', 'morning'] as const) await run(table, { type: 'dnd.choose', choice });
    expect(done.map((line) => JSON.parse(line) as unknown)).toEqual([
      { type: 'settings.set', notifications: { dndUntil: FOREVER } },
      { type: 'settings.set', notifications: { dndUntil: now + HOUR_MS } },
      { type: 'settings.set', notifications: { dndUntil: nextMorning(new Date(now)) } },
    ]);
  });
});

describe('dispatchMenuCommand while Wasl is locked', () => {
  it('still acts on the window and the app', async () => {
    const { table, done } = recordingTable();
    for (const command of [{ type: 'window.hide' }, { type: 'app.show', action: 'add-service' }, { type: 'app.quit' }] as const) {
      expect(await run(table, command, true)).toEqual({ ok: true });
    }
    expect(done).toEqual(['hide', 'reveal', 'shell:add-service', 'quit']);
  });

  it('touches neither the services nor the data, and takes the password', async () => {
    const { table, done } = recordingTable();
    const refused: MenuCommand[] = [
      { type: 'service.activateRelative', delta: 1 },
      { type: 'service.activateIndex', index: 1 },
      { type: 'service.reload', id: 'wa' },
      { type: 'dnd.choose', choice: 'hour' },
      { type: 'notifications.read' },
      { type: 'lock.lock' },
    ];
    for (const command of refused) expect(await run(table, command, true), command.type).toEqual({ ok: false, error: 'locked' });
    expect(done).toEqual([]);
    await run(table, { type: 'lock.unlock', password: 'sesame' }, true);
    expect(done).toEqual(['lock.unlock']);
  });
});

describe('menuCommandRunner', () => {
  it('logs a refused command and a failed one, nothing for one that worked', async () => {
    const { table } = recordingTable();
    const log = new MemoryLogger();
    const failing: MenuCommandTable = { ...table, 'app.about': () => Promise.reject(new Error('no panel')) };
    let locked = false;
    const click = menuCommandRunner(failing, () => locked, log);
    click({ type: 'window.hide' });
    click({ type: 'app.about' });
    locked = true;
    click({ type: 'service.reload', id: 'wa' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(log.count('warn', 'menu command failed')).toBe(1);
    expect(log.count('error', 'menu command failed')).toBe(1);
  });
});

describe('keyboard shortcuts', () => {
  const key = (code: string, extra: Partial<KeyInput> = {}): KeyInput => ({ type: 'keyDown', code, key: '', control: true, meta: false, shift: false, alt: false, ...extra });
  const handler = (locked: boolean, ran: MenuCommand[]) =>
    shortcutHandler({
      os: 'linux',
      locked: () => locked,
      keys: () => ({}),
      shownService: () => null,
      focus: { shell: () => undefined, service: () => undefined },
      recording: new KeyRecording(new ManualClock()),
      run: (command) => ran.push(command),
    });

  it('each stands for a command, but the focus key, which depends on where it is pressed', () => {
    expect(shortcutCommand('inbox')).toEqual({ type: 'view.inbox' });
    expect(shortcutCommand('next-service')).toEqual({ type: 'service.activateRelative', delta: 1 });
    expect(shortcutCommand('previous-service')).toEqual({ type: 'service.activateRelative', delta: -1 });
    expect(shortcutCommand('quick-replies')).toEqual({ type: 'app.show', action: 'quick-replies' });
    expect(shortcutCommand('lock')).toEqual({ type: 'lock.lock' });
    expect(shortcutCommand('next-unread')).toEqual({ type: 'app.show', action: 'next-unread' });
    expect(shortcutCommand('cheat-sheet')).toEqual({ type: 'app.show', action: 'shortcuts' });
    expect(shortcutCommand('focus-list')).toBeUndefined();
    expect(shortcutCommand('done')).toBeUndefined();
  });

  it('run their command and keep the key from the page; other keys pass', () => {
    const ran: MenuCommand[] = [];
    const handle = handler(false, ran);
    expect(handle(key('Digit2'), { kind: 'page', platform: 'whatsapp' })).toBe(true);
    expect(handle(key('Tab', { shift: true }), { kind: 'shell' })).toBe(true);
    expect(handle(key('KeyA'), { kind: 'shell' })).toBe(false);
    expect(ran).toEqual([
      { type: 'service.activateIndex', index: 2 },
      { type: 'service.activateRelative', delta: -1 },
    ]);
  });

  it('do nothing while Wasl is locked: every key goes to the lock screen', () => {
    const ran: MenuCommand[] = [];
    const handle = handler(true, ran);
    expect(handle(key('KeyL', { shift: true }), { kind: 'shell' })).toBe(false);
    expect(ran).toEqual([]);
  });
});
