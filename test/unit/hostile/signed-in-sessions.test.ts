/**
 * Signed-in sessions (the `Partitions/svc-<id>` folders) through starts, quits and damaged settings files, with
 * main/index.ts itself: a damaged, older or newer file never deletes one; a service the user removed loses its
 * folder at the next clean start, and nothing else does; a power cut after a write falls back to the last good
 * copy; the app-lock password the user removed is gone from the file after a restart.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Command, CommandResult } from '../../../common/ipc';
import { CURRENT_VERSION } from '../../../main/core/settings/document';
import { SAVE_DELAY_MS } from '../../../main/persistence/persister';
import { bootMain, goodSettings, SERVICES, START, type MainUnderTest } from './main-under-test';

vi.mock('electron', async () => (await import('./main-under-test')).fakeElectronModule());
vi.mock('electron-store', async () => (await import('./main-under-test')).fakeElectronStore());

/** The two services of goodSettings(), and a folder no settings entry names (a later Wasl's, or forgotten). */
const FOLDERS = ['svc-wa1', 'svc-tg1', 'svc-unlisted9'];

let running: MainUnderTest | undefined;
const profiles: string[] = [];

afterEach(() => {
  running?.close();
  running = undefined;
  for (const profile of profiles.splice(0)) fs.rmSync(profile, { recursive: true, force: true });
});

async function start(settings: unknown, options: Parameters<typeof bootMain>[1] = {}): Promise<MainUnderTest> {
  running = await bootMain(settings, options);
  if (!profiles.includes(running.profile)) profiles.push(running.profile);
  return running;
}

/** Quits the running start (its writes happen) and starts again on the same profile, its files as they are. */
async function restart(main: MainUnderTest, settings: unknown = null): Promise<MainUnderTest> {
  main.quit();
  main.close({ keepProfile: true });
  running = undefined;
  return start(settings, { profile: main.profile });
}

async function command(main: MainUnderTest, cmd: Command): Promise<CommandResult> {
  const handler = main.fake.ipcMain.handlers.get('app:command');
  if (!handler) throw new Error('app:command is not wired');
  return (await handler(main.event('shell'), cmd)) as CommandResult;
}

const folders = (main: MainUnderTest): string[] => fs.readdirSync(path.join(main.profile, 'Partitions')).sort();
const onDisk = (main: MainUnderTest): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(main.profile, 'settings.json'), 'utf8')) as Record<string, unknown>;

const good = JSON.stringify(goodSettings());
const DAMAGED: readonly { fault: string; content: string | Buffer }[] = [
  { fault: 'truncated', content: good.slice(0, Math.floor(good.length / 2)) },
  { fault: 'empty', content: '' },
  { fault: 'NUL-filled (power cut)', content: Buffer.alloc(4096) },
  { fault: 'binary garbage', content: Buffer.from([0, 159, 146, 150, 255, 0, 1, 0xfe, 0xff]) },
  { fault: 'JSON but an array', content: '[1,2,3]' },
  { fault: 'a version that is not a number', content: JSON.stringify({ ...goodSettings(), version: 'two' }) },
  { fault: 'partly repaired: its services list damaged', content: JSON.stringify({ ...goodSettings(), services: 'lost' }) },
  { fault: 'partly repaired: one service unreadable', content: JSON.stringify({ ...goodSettings(), services: [SERVICES[0], { id: 'tg1', platform: 'telegram' }] }) },
  { fault: 'an older version without the later lists', content: JSON.stringify({ version: 1, services: [SERVICES[0]], activeServiceId: 'wa1', window: null }) },
  { fault: 'a newer version', content: JSON.stringify({ ...goodSettings(), version: CURRENT_VERSION + 3 }) },
];

describe('signed-in sessions on disk', () => {
  it.each(DAMAGED)('a settings file that is $fault deletes no session folder', async ({ content }) => {
    const main = await start(content, { partitions: FOLDERS });
    await main.advance(1_000);
    expect(folders(main)).toEqual([...FOLDERS].sort());
  });

  it('a removed service loses its folder at the next start, and no other folder is touched', async () => {
    let main = await start(goodSettings(), { partitions: FOLDERS });
    expect(folders(main)).toEqual([...FOLDERS].sort());
    expect(await command(main, { type: 'service.remove', id: 'tg1' })).toEqual({ ok: true });
    await main.advance(1_000);
    expect(onDisk(main)['pendingDeletions']).toEqual(['tg1']);
    main = await restart(main);
    expect(folders(main)).toEqual(['svc-unlisted9', 'svc-wa1']);
    await main.advance(1_000);
    // Done with: off the list.
    expect(onDisk(main)['pendingDeletions']).toEqual([]);
    expect((await main.state()).services.map((s) => s.id)).toEqual(['wa1']);
  });

  it('a power cut that damages the file after a removal: the last good copy is used, and nothing is deleted until a clean start', async () => {
    let main = await start(goodSettings(), { partitions: FOLDERS });
    await command(main, { type: 'service.remove', id: 'tg1' });
    await command(main, { type: 'service.rename', id: 'wa1', name: 'المتجر' });
    await main.advance(1_000);
    main.quit();
    main.close({ keepProfile: true });
    running = undefined;

    main = await start(Buffer.alloc(8192), { profile: main.profile });
    const state = await main.state();
    expect(state.services).toEqual([{ ...SERVICES[0], name: 'المتجر' }]);
    const notice = state.notices.find((n) => n.kind === 'settings-restored');
    expect(notice).toMatchObject({ kind: 'settings-restored', copyAt: START + SAVE_DELAY_MS });
    expect(state.notices.some((n) => n.kind === 'settings-reset')).toBe(false);
    // Restored, not read cleanly: the removed service's folder waits.
    expect(folders(main)).toEqual([...FOLDERS].sort());
    expect(onDisk(main)['pendingDeletions']).toEqual(['tg1']);

    main = await restart(main);
    expect(folders(main)).toEqual(['svc-unlisted9', 'svc-wa1']);
  });

  it('going back to an older Wasl keeps the services and keys it does not know, untouched, and their folders', async () => {
    const line = { id: 'ln1', platform: 'line', name: 'LINE shop', enabled: true, zoom: 1.25, proxy: { mode: 'socks5' } };
    const newer = { ...goodSettings(), version: CURRENT_VERSION + 2, services: [...SERVICES, line], hologram: { depth: 3 } };
    let main = await start(newer, { partitions: [...FOLDERS, 'svc-ln1'] });
    expect((await main.state()).services.map((s) => s.id)).toEqual(['wa1', 'tg1']);
    expect((await main.state()).notices.map((n) => n.kind)).toEqual(['settings-newer']);
    await command(main, { type: 'service.rename', id: 'wa1', name: 'Shop 2' });
    await main.advance(1_000);
    const written = onDisk(main);
    expect(written['services']).toEqual([{ ...SERVICES[0], name: 'Shop 2' }, SERVICES[1], line]);
    expect(written['hologram']).toEqual({ depth: 3 });

    main = await restart(main);
    expect((await main.state()).notices).toEqual([]);
    await command(main, { type: 'service.rename', id: 'tg1', name: 'Support' });
    await main.advance(1_000);
    expect((onDisk(main)['services'] as unknown[]).at(-1)).toEqual(line);
    expect(onDisk(main)['hologram']).toEqual({ depth: 3 });
    expect(folders(main)).toContain('svc-ln1');
  });

  it('the app-lock password the user removed is gone from the file, and Wasl starts unlocked after a restart', async () => {
    let main = await start(goodSettings());
    expect(await command(main, { type: 'lock.set', password: 'sesame-4321' })).toEqual({ ok: true });
    expect(onDisk(main)['lock']).toMatchObject({ kdf: 'scrypt' });
    main = await restart(main);
    expect((await main.state()).lock).toMatchObject({ set: true, locked: true });
    expect(await command(main, { type: 'lock.unlock', password: 'sesame-4321' })).toEqual({ ok: true });
    expect(await command(main, { type: 'lock.remove', current: 'sesame-4321' })).toEqual({ ok: true });
    expect(onDisk(main)).not.toHaveProperty('lock');
    main = await restart(main);
    expect(onDisk(main)).not.toHaveProperty('lock');
    expect((await main.state()).lock).toMatchObject({ set: false, locked: false });
  }, 30_000);
});
