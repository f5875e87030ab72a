/**
 * Zoom per service as main/index.ts wires it, on the fake `electron` module (test/unit/hostile/main-under-test.ts):
 * Ctrl + = / − / 0 pressed in the service's page, Ctrl + the wheel in it, the View menu's items and the shell's
 * command all zoom that service's page alone; the level is kept in the settings file and the page is zoomed
 * again after a restart; locked, nothing zooms.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../common/channels';
import type { CommandResult } from '../../../common/ipc';
import { FakeEvent } from '../../fakes/electron';
import { bootMain, goodSettings, type MainUnderTest } from '../hostile/main-under-test';

vi.mock('electron', async () => (await import('../hostile/main-under-test')).fakeElectronModule());
vi.mock('electron-store', async () => (await import('../hostile/main-under-test')).fakeElectronStore());

let main: MainUnderTest | undefined;
afterEach(() => {
  main?.close();
  main = undefined;
});

async function send(m: MainUnderTest, cmd: Record<string, unknown>): Promise<CommandResult> {
  const handler = m.fake.ipcMain.handlers.get(CHANNELS.command);
  if (!handler) throw new Error('app:command is not wired');
  return (await handler(m.event('shell'), cmd)) as CommandResult;
}

const zoomOf = async (m: MainUnderTest, id: string): Promise<number | undefined> => (await m.state()).services.find((s) => s.id === id)?.zoom;

describe('zoom through main', () => {
  it('zooms the page on screen with the keys pressed in it, keeps the level, and zooms it again after a restart', async () => {
    main = await bootMain(goodSettings());
    const page = main.view('wa1').webContents;
    expect(page.key({ code: 'Equal', control: true })).toBe(false);
    expect(page.key({ code: 'Equal', control: true, shift: true })).toBe(false);
    expect(page.key({ code: 'Minus', control: true })).toBe(false);
    await main.advance(0);
    expect(await zoomOf(main, 'wa1')).toBe(110);
    expect(page.zoomFactor).toBe(1.1);
    expect(main.view('tg1').webContents.zoomFactor).toBe(1);

    await main.advance(1_000);
    main.quit();
    const { profile } = main;
    main.close({ keepProfile: true });
    main = await bootMain(null, { profile });
    expect(await zoomOf(main, 'wa1')).toBe(110);
    expect(main.view('wa1').webContents.zoomFactor).toBe(1.1);
    expect(main.view('tg1').webContents.zoomFactor).toBe(1);
  });

  it('zooms a step for Ctrl + the wheel in the page, and Ctrl+0 sets it back', async () => {
    main = await bootMain(goodSettings());
    const page = main.view('wa1').webContents;
    page.emit('zoom-changed', new FakeEvent(), 'out');
    page.emit('zoom-changed', new FakeEvent(), 'out');
    await main.advance(0);
    expect(await zoomOf(main, 'wa1')).toBe(80);
    expect(page.zoomFactor).toBe(0.8);
    expect(page.key({ code: 'Digit0', control: true })).toBe(false);
    await main.advance(0);
    expect(await zoomOf(main, 'wa1')).toBe(100);
    expect(page.zoomFactor).toBe(1);
  });

  it('refuses a zoom step while locked, and a step the schema does not know', async () => {
    main = await bootMain(goodSettings());
    expect(await send(main, { type: 'service.zoom', id: 'wa1', step: 'huge' })).toMatchObject({ ok: false, error: 'invalid' });
    expect(await send(main, { type: 'lock.set', password: 'correct horse battery' })).toEqual({ ok: true });
    expect(await send(main, { type: 'lock.lock' })).toEqual({ ok: true });
    const page = main.view('wa1').webContents;
    page.emit('zoom-changed', new FakeEvent(), 'in');
    page.key({ code: 'Equal', control: true });
    await main.advance(0);
    expect(await zoomOf(main, 'wa1')).toBeUndefined();
    expect(page.zoomFactor).toBe(1);
  });
});
