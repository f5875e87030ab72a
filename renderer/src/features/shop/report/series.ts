/**
 * What the chart and the table show, drawn from a report: each platform's numbers in catalog order (the more
 * common platforms first, at the bottom of each bar), the daily totals and the busiest day. Pure.
 */
import { CATALOG_ORDER } from '../../../../../common/catalog';
import type { PlatformId } from '../../../../../common/model';
import type { Report, ReportDay } from '../../../../../common/shop/stats';

export type Measure = 'conversations' | 'messages';
export const MEASURES: readonly Measure[] = ['conversations', 'messages'];

export interface PlatformRow {
  platform: PlatformId;
  /** One value per report day, of the measure asked for. */
  values: number[];
  conversations: number;
  messagesIn: number;
  messagesOut: number;
  medianReplyMs?: number;
}

export interface Series {
  rows: PlatformRow[];
  /** Each day's sum over the platforms. */
  totals: number[];
  messagesIn: number;
  messagesOut: number;
  /** The first day with the highest total (undefined when every day is 0). */
  busiest?: { index: number; value: number };
}

const valueOf = (day: ReportDay, measure: Measure): number =>
  measure === 'conversations' ? day.conversations : day.messagesIn + day.messagesOut;

const sum = (values: readonly number[]): number => values.reduce((n, v) => n + v, 0);

export function seriesOf(report: Report, measure: Measure): Series {
  const order = (p: PlatformId) => CATALOG_ORDER.indexOf(p);
  const rows = [...report.platforms]
    .sort((a, b) => order(a.platform) - order(b.platform))
    .map((p): PlatformRow => {
      const row: PlatformRow = {
        platform: p.platform,
        values: p.days.map((day) => valueOf(day, measure)),
        conversations: p.conversations,
        messagesIn: sum(p.days.map((d) => d.messagesIn)),
        messagesOut: sum(p.days.map((d) => d.messagesOut)),
      };
      if (p.medianReplyMs !== undefined) row.medianReplyMs = p.medianReplyMs;
      return row;
    });
  const totals = report.days.map((_, i) => sum(rows.map((r) => r.values[i] ?? 0)));
  const top = Math.max(0, ...totals);
  const series: Series = { rows, totals, messagesIn: sum(rows.map((r) => r.messagesIn)), messagesOut: sum(rows.map((r) => r.messagesOut)) };
  if (top > 0) series.busiest = { index: totals.indexOf(top), value: top };
  return series;
}
