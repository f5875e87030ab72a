/**
 * main/index.ts started with an app-lock password set: Wasl starts locked, and until the user unlocks, a service
 * page cannot open a window (a page may try as soon as it loads, before anyone touches the lock screen).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { scryptHasher } from '../../../main/security/password';
import { bootMain, goodSettings, type MainUnderTest } from './main-under-test';

vi.mock('electron', async () => (await import('./main-under-test')).fakeElectronModule());
vi.mock('electron-store', async () => (await import('./main-under-test')).fakeElectronStore());

const PASSWORD = 'سر المتجر';
let main: MainUnderTest;

beforeAll(async () => {
  // Cheap scrypt parameters: they are stored beside the hash, and unlocking uses them.
  const lock = await scryptHasher({ N: 2 ** 10, r: 8, p: 1 }).hash(PASSWORD);
  main = await bootMain({ ...goodSettings(), lock });
});

afterAll(() => {
  main.close();
});

describe('Wasl started locked', () => {
  it('opens no window for a service page until the user unlocks', async () => {
    expect((await main.state()).lock).toMatchObject({ set: true, locked: true });
    const wa = main.view('wa1').webContents;
    expect(main.fake.popup(wa, 'https://web.whatsapp.com/login')).toBeUndefined();
    expect(main.fake.popup(wa, 'about:blank')).toBeUndefined();

    const command = main.fake.ipcMain.handlers.get('app:command');
    if (!command) throw new Error('app:command is not wired');
    expect(await command(main.event('shell'), { type: 'lock.unlock', password: PASSWORD })).toEqual({ ok: true });
    expect((await main.state()).lock).toMatchObject({ locked: false });
    expect(main.fake.popup(wa, 'https://web.whatsapp.com/login')?.visible).toBe(true);
  });
});
