/**
 * Sleep as main/index.ts wires it, on the fake `electron` module (test/unit/hostile/main-under-test.ts): the
 * resources answer carries each enabled service's policy now and why, and the open-hours mode the computer's
 * memory chose (Electron's process.getSystemMemoryInfo, 16 GiB in the fake); a failing measure is logged and the
 * scheduler keeps going.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../common/channels';
import type { ResourceReport } from '../../../common/resources';
import { senderOf } from '../../../main/electron/ipc-wiring';
import { MEMORY_SAMPLE_MS } from '../../../main/core/power/power';
import { bootMain, goodSettings, type MainUnderTest } from '../hostile/main-under-test';

vi.mock('electron', async () => (await import('../hostile/main-under-test')).fakeElectronModule());
vi.mock('electron-store', async () => (await import('../hostile/main-under-test')).fakeElectronStore());

let main: MainUnderTest | undefined;
afterEach(() => {
  main?.close();
  main = undefined;
});

async function resources(m: MainUnderTest): Promise<ResourceReport> {
  const outcome = await m.router.receive(CHANNELS.resources, senderOf(m.event('shell')), undefined);
  if (!outcome.ok) throw new Error(`resources refused: ${outcome.reason}`);
  return outcome.value as ResourceReport;
}

describe('sleep through main', () => {
  it('answers each service’s policy now and why with the resources, and the mode this computer’s memory chose', async () => {
    main = await bootMain(goodSettings());
    const report = await resources(main);
    expect(report.power?.openHoursMode).toBe('awake');
    expect(report.power?.services['tg1']).toEqual({ policy: { alwaysOn: true, sleepAfterMs: null, checkEveryMs: 15 * 60_000 }, reason: 'default' });
    expect(report.power?.services['wa1']?.reason).toBe('default');
  });

  it('keeps sampling after a measure fails, and says so in the log', async () => {
    main = await bootMain(goodSettings());
    vi.spyOn(main.fake.app, 'getAppMetrics').mockImplementationOnce(() => {
      throw new Error('metrics unavailable');
    });
    await main.advance(MEMORY_SAMPLE_MS);
    expect(main.lines.some((line) => line.includes('memory could not be measured'))).toBe(true);
    await main.advance(MEMORY_SAMPLE_MS);
    expect((await resources(main)).power?.services['wa1']).toBeDefined();
  });
});
