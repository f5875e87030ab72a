/**
 * A service page whose renderer crashes in a loop, through main/index.ts's real wiring (Electron's
 * `render-process-gone` on the view): reloads come after growing delays, then the service is marked `failed`
 * with its error and left alone until the user retries; the other service is never touched. The shell's side —
 * the StatusPanel saying so and its "Try again" button sending `service.reload` — is
 * test/renderer/panels.test.tsx ('unresponsive, offline and failed each explain themselves and offer a reload').
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../common/channels';
import { MAX_CRASHES, retryDelay } from '../../../main/core/services/backoff';
import { bootMain, printFigures, type MainUnderTest } from './main-under-test';

vi.mock('electron', async () => (await import('./main-under-test')).fakeElectronModule());
vi.mock('electron-store', async () => (await import('./main-under-test')).fakeElectronStore());

let main: MainUnderTest;
const figures: Record<string, string | number>[] = [];

beforeAll(async () => {
  main = await bootMain();
});

afterAll(() => {
  main.close();
  printFigures('A service view crashing in a loop', figures);
});

describe('a service view that keeps crashing', () => {
  it('is reloaded after growing delays, then marked failed with its error; the other service never notices', async () => {
    const wa = main.view('wa1').webContents;
    const tg = main.view('tg1').webContents;
    const tgBefore = { loads: tg.loads.length, reloads: tg.reloads, status: (await main.state()).runtime['tg1']?.status };
    const delays: number[] = [];
    for (let crash = 1; crash <= MAX_CRASHES; crash += 1) {
      wa.emit('render-process-gone', {}, { reason: 'oom', exitCode: 133 });
      const runtime = (await main.state()).runtime['wa1'];
      if (crash < MAX_CRASHES) {
        expect(runtime).toMatchObject({ status: 'crashed', failures: crash, lastError: 'oom' });
        const delay = (runtime?.retryAt ?? 0) - Date.now();
        delays.push(delay);
        figures.push({ crash, status: 'crashed', 'reload in (ms)': delay, 'Telegram status': (await main.state()).runtime['tg1']?.status ?? '' });
        const reloads = wa.reloads + wa.loads.length;
        await main.advance(delay - 1);
        expect(wa.reloads + wa.loads.length).toBe(reloads);
        await main.advance(1);
        expect(wa.reloads + wa.loads.length).toBe(reloads + 1);
      } else {
        expect(runtime).toMatchObject({ status: 'failed', failures: MAX_CRASHES, lastError: 'oom' });
        expect(runtime?.retryAt).toBeUndefined();
        figures.push({ crash, status: 'failed', 'reload in (ms)': 'never (asks the user)', 'Telegram status': (await main.state()).runtime['tg1']?.status ?? '' });
      }
    }
    expect(delays).toEqual(Array.from({ length: MAX_CRASHES - 1 }, (_, i) => retryDelay(i + 1)));
    expect(delays.every((d, i) => i === 0 || d > (delays[i - 1] ?? 0))).toBe(true);

    // Left alone: no reload however long the user is away.
    const reloads = wa.reloads + wa.loads.length;
    await main.advance(10 * 60_000);
    expect(wa.reloads + wa.loads.length).toBe(reloads);
    expect((await main.state()).runtime['wa1']?.status).toBe('failed');

    // Telegram was never reloaded, and its state is its own.
    expect({ loads: tg.loads.length, reloads: tg.reloads, status: (await main.state()).runtime['tg1']?.status }).toEqual(tgBefore);
  }, 60_000);

  it('comes back when the user presses "Try again" (the shell sends service.reload), its crash count forgotten', async () => {
    const command = main.fake.ipcMain.handlers.get(CHANNELS.command);
    if (!command) throw new Error('not wired');
    expect(await command(main.event('shell'), { type: 'service.reload', id: 'wa1' })).toEqual({ ok: true });
    const runtime = (await main.state()).runtime['wa1'];
    expect(runtime).toMatchObject({ status: 'loading', failures: 0 });
    expect(runtime?.lastError).toBeUndefined();
    expect(main.view('wa1').webContents.loads).toEqual(['https://web.whatsapp.com/']);
    figures.push({ crash: 'user: Try again', status: runtime?.status ?? '', 'reload in (ms)': 0, 'Telegram status': (await main.state()).runtime['tg1']?.status ?? '' });
  });
});
