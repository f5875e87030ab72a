/**
 * The power scheduler's memory port (main/core/power/power.ts MemoryPort): the computer's memory from Electron's
 * process.getSystemMemoryInfo(), and each service's from the same measure the resources screen shows.
 */
import type { MemoryPort } from '../core/power/power';
import type { ResourceReport } from '../../common/resources';
import type { SystemMemoryLike } from './api';

export function systemMemory(process: SystemMemoryLike, measure: () => Pick<ResourceReport, 'services'>): MemoryPort {
  return {
    system: () => {
      const info = process.getSystemMemoryInfo();
      return { totalKiB: info.total, freeKiB: info.free };
    },
    services: () => Object.fromEntries(Object.entries(measure().services).map(([id, usage]) => [id, usage.memoryKiB])),
  };
}
