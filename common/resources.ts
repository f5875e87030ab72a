/**
 * What Wasl costs, per service and for itself: the processes Electron reports (`app.getAppMetrics()`), each
 * given to the service whose page runs in it, the rest to Wasl. Pure; main samples, the shell shows.
 */
import type { EffectivePolicy } from './power';

/** One process as sampled: memory in KiB (working set), CPU in percent of one core since the last sample. */
export interface ProcessSample {
  pid: number;
  /** Electron's process type: Browser, Tab, GPU, Utility… */
  type: string;
  memoryKiB: number;
  cpuPercent: number;
}

export interface Usage {
  memoryKiB: number;
  cpuPercent: number;
}

export interface ResourceReport {
  /** epoch ms of the sample. */
  at: number;
  /** Per service id, for services whose page has a process now (sleeping ones have none). */
  services: Record<string, Usage>;
  /** Wasl's own processes (main, GPU, network, the window), by process type. */
  app: Usage & { processes: { type: string; memoryKiB: number; cpuPercent: number }[] };
  total: Usage;
  /** The power scheduler's view (main/core/power/power.ts): each enabled service's policy now and why, and the open-hours mode in force. */
  power?: PowerReport;
}

export interface PowerReport {
  services: Record<string, EffectivePolicy>;
  openHoursMode: 'awake' | 'check';
}

const add = (a: Usage, b: Usage): Usage => ({ memoryKiB: a.memoryKiB + b.memoryKiB, cpuPercent: a.cpuPercent + b.cpuPercent });
const ZERO: Usage = { memoryKiB: 0, cpuPercent: 0 };

/**
 * Gives each sampled process to its service (`pids`: service id → its page's process id) or to Wasl. A process
 * two services would share (never with separate sessions, but not assumed) counts once, for the first.
 */
export function resourceReport(samples: readonly ProcessSample[], pids: Readonly<Record<string, number | undefined>>, at: number): ResourceReport {
  const owner = new Map<number, string>();
  for (const [id, pid] of Object.entries(pids)) if (pid !== undefined && !owner.has(pid)) owner.set(pid, id);
  const services: Record<string, Usage> = {};
  const byType = new Map<string, Usage>();
  let app = ZERO;
  let total = ZERO;
  for (const sample of samples) {
    const usage = { memoryKiB: Math.max(0, sample.memoryKiB), cpuPercent: Math.max(0, sample.cpuPercent) };
    total = add(total, usage);
    const id = owner.get(sample.pid);
    if (id !== undefined) {
      services[id] = add(services[id] ?? ZERO, usage);
    } else {
      app = add(app, usage);
      byType.set(sample.type, add(byType.get(sample.type) ?? ZERO, usage));
    }
  }
  const processes = [...byType].map(([type, usage]) => ({ type, ...usage })).sort((a, b) => b.memoryKiB - a.memoryKiB);
  return { at, services, app: { ...app, processes }, total };
}
