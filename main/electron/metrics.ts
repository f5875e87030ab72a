/**
 * Electron's process metrics (`app.getAppMetrics()`) as the samples common/resources.ts counts, and a report
 * that gives each process to the service whose page runs in it.
 */
import { resourceReport, type ProcessSample, type ResourceReport } from '../../common/resources';
import type { ServiceConfig } from '../../common/model';
import type { ViewsPort } from '../core/app/ports';
import type { AppLike, ProcessMetricLike } from './api';

export function sampleOf(metric: ProcessMetricLike): ProcessSample {
  return { pid: metric.pid, type: metric.type, memoryKiB: metric.memory.workingSetSize, cpuPercent: metric.cpu.percentCPUUsage };
}

export function measure(app: Pick<AppLike, 'getAppMetrics'>, views: Pick<ViewsPort, 'processId'>, services: readonly ServiceConfig[], at: number): ResourceReport {
  const pids: Record<string, number | undefined> = {};
  for (const service of services) pids[service.id] = views.processId(service.id);
  return resourceReport(app.getAppMetrics().map(sampleOf), pids, at);
}
