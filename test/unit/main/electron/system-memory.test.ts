/** The power scheduler's memory port on Electron: the computer's memory as getSystemMemoryInfo says it, each service's from the resources measure. */
import { describe, expect, it } from 'vitest';
import { systemMemory } from '../../../../main/electron/system-memory';
import { FakeSystemMemory } from '../../../fakes/electron';

describe('systemMemory', () => {
  it('reads the total and free memory (KiB) at each call, and each measured service’s memory', () => {
    const fake = new FakeSystemMemory();
    fake.total = 4 * 1024 * 1024;
    fake.free = 300 * 1024;
    let measured = { wa: { memoryKiB: 250_000, cpuPercent: 1 } };
    const port = systemMemory(fake, () => ({ services: measured }));
    expect(port.system()).toEqual({ totalKiB: 4 * 1024 * 1024, freeKiB: 300 * 1024 });
    expect(port.services()).toEqual({ wa: 250_000 });
    fake.free = 2 * 1024 * 1024;
    measured = { wa: { memoryKiB: 1, cpuPercent: 0 } };
    expect(port.system().freeKiB).toBe(2 * 1024 * 1024);
    expect(port.services()).toEqual({ wa: 1 });
  });
});
