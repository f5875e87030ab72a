/** The resources report: each process given to its service or to Wasl, and what Electron's metrics become. */
import { describe, expect, it } from 'vitest';
import { resourceReport } from '../../../common/resources';
import { measure, sampleOf } from '../../../main/electron/metrics';
import { trayTooltip } from '../../../main/i18n';
import { formatMemory, type MainLocale } from '../../../main/i18n/format';
import { FakeApp } from '../../fakes/electron';
import { RecordingViews } from '../../fakes/views';

const sample = (pid: number, type: string, memoryKiB: number, cpuPercent = 0) => ({ pid, type, memoryKiB, cpuPercent });

describe('resourceReport', () => {
  it('gives each service its page’s process and Wasl the rest, by type, with a total of everything', () => {
    const report = resourceReport(
      [sample(1, 'Browser', 90_000, 1.5), sample(2, 'GPU', 60_000, 0.5), sample(3, 'Tab', 40_000), sample(10, 'Tab', 180_000, 3), sample(11, 'Tab', 150_000, 0.25), sample(12, 'Utility', 20_000)],
      { wa: 10, tg: 11, sleeping: undefined },
      123,
    );
    expect(report.at).toBe(123);
    expect(report.services).toEqual({ wa: { memoryKiB: 180_000, cpuPercent: 3 }, tg: { memoryKiB: 150_000, cpuPercent: 0.25 } });
    expect(report.app).toMatchObject({ memoryKiB: 210_000, cpuPercent: 2 });
    expect(report.app.processes.map((p) => p.type)).toEqual(['Browser', 'GPU', 'Tab', 'Utility']);
    expect(report.total).toEqual({ memoryKiB: 540_000, cpuPercent: 5.25 });
  });

  it('counts a process two services would share once, and ignores negative readings', () => {
    const report = resourceReport([sample(7, 'Tab', 100, -1), sample(8, 'Tab', -5, 2)], { a: 7, b: 7 }, 0);
    expect(report.services).toEqual({ a: { memoryKiB: 100, cpuPercent: 0 } });
    expect(report.total).toEqual({ memoryKiB: 100, cpuPercent: 2 });
  });

  it('reads Electron’s metrics through the views’ process ids', () => {
    const app = new FakeApp();
    const browser = { pid: 1, type: 'Browser', cpu: { percentCPUUsage: 1 }, memory: { workingSetSize: 50_000 } };
    app.metrics = [browser, { pid: 1000, type: 'Tab', cpu: { percentCPUUsage: 2 }, memory: { workingSetSize: 120_000 } }];
    expect(sampleOf(browser)).toEqual(sample(1, 'Browser', 50_000, 1));
    const views = new RecordingViews();
    const wa = { id: 'wa', platform: 'whatsapp' as const, name: 'Shop', enabled: true, muted: false, callsAllowed: false };
    views.open(wa);
    expect(measure(app, views, [wa], 5).services).toEqual({ wa: { memoryKiB: 120_000, cpuPercent: 2 } });
  });
});

describe('memory in the tray tooltip', () => {
  const EN: MainLocale = { language: 'en', digits: 'auto', calendar: 'gregory' };
  const AR: MainLocale = { ...EN, language: 'ar' };
  it('says the memory in binary megabytes or gigabytes, in the user’s language', () => {
    expect(formatMemory(EN, 812 * 1024)).toBe('812 MB');
    expect(formatMemory(EN, 1.45 * 1024 * 1024)).toBe('1.5 GB');
    expect(formatMemory(AR, 812 * 1024)).toMatch(/^(812|٨١٢)\s\S+$/u);
    expect(formatMemory(AR, 812 * 1024)).not.toContain('MB');
    expect(trayTooltip(EN, 3, 812 * 1024)).toBe('Wasl — 3 unread · 812 MB');
    expect(trayTooltip(EN, 0)).toBe('Wasl');
  });
});
