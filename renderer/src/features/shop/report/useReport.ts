/**
 * Asks main for the report of a period whenever the period changes (or the user retries), and keeps only the
 * answer to the latest question (none once the tab is gone). While a new answer is on its way the previous report stays on screen.
 */
import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { Report } from '../../../../../common/shop/stats';
import { useShell } from '../../../store/context';
import { periodRange, type Period } from './period';

export interface ShownReport {
  report: Report;
  /** The range asked for (epoch ms): from the first day's local midnight to the moment of asking. */
  from: number;
  to: number;
}

export interface ReportState {
  /** The newest report received. */
  shown?: ShownReport;
  pending: boolean;
  failed: boolean;
}

/** `onSettled` hears each answer to the latest question: the report, or undefined when the bridge refused. */
export function useReport(period: Period, onSettled: (shown: ShownReport | undefined) => void): ReportState & { retry: () => void } {
  const { bridge } = useShell();
  const [attempt, setAttempt] = useState(0);
  /** The question the newest answer was for. */
  const asked = `${period}/${attempt}`;
  const [answer, setAnswer] = useState<{ asked: string; shown?: ShownReport; failed: boolean }>({ asked: '', failed: false });
  const settled = useEffectEvent(onSettled);

  useEffect(() => {
    let live = true;
    const range = periodRange(period, Date.now());
    bridge.report(range).then(
      (report) => {
        if (!live) return;
        const shown = { report, ...range };
        setAnswer({ asked, shown, failed: false });
        settled(shown);
      },
      () => {
        if (!live) return;
        setAnswer((a) => ({ ...a, asked, failed: true }));
        settled(undefined);
      },
    );
    return () => {
      live = false;
    };
  }, [bridge, period, asked]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const pending = answer.asked !== asked;
  const state: ReportState = { pending, failed: !pending && answer.failed };
  if (answer.shown !== undefined) state.shown = answer.shown;
  return { ...state, retry };
}
