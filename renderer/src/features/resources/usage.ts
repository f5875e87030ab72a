/**
 * Memory, CPU and minutes as the resources screen says them, in the UI language through Intl; and the names of
 * Electron's process types.
 */
import { useMemo } from 'react';
import { useLocale } from '../../i18n/format';

export interface UsageFormat {
  /** "812 MB", "1.4 GB" (binary units, as task managers count). */
  memory(kib: number): string;
  /** "3.2%". */
  cpu(percent: number): string;
  /** "15 min", "2 hr". */
  minutes(n: number): string;
}

export function useUsageFormat(): UsageFormat {
  const language = useLocale();
  return useMemo(() => {
    const unit = (name: string, digits: number) =>
      new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: digits });
    const mb = unit('megabyte', 0);
    const gb = unit('gigabyte', 1);
    const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
    const min = unit('minute', 0);
    const hour = unit('hour', 0);
    return {
      memory: (kib) => (kib >= 1024 * 1024 ? gb.format(kib / 1024 / 1024) : mb.format(kib / 1024)),
      cpu: (value) => percent.format(value / 100),
      minutes: (n) => (n >= 60 && n % 60 === 0 ? hour.format(n / 60) : min.format(n)),
    };
  }, [language]);
}

/** Wasl's own processes by Electron's type names; others are "Other". */
export const PROCESS_TEXT: Readonly<Record<string, 'resources.process.main' | 'resources.process.gpu' | 'resources.process.utility' | 'resources.process.window'>> = {
  Browser: 'resources.process.main',
  GPU: 'resources.process.gpu',
  Utility: 'resources.process.utility',
  Tab: 'resources.process.window',
};
