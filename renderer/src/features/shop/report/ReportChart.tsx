/**
 * The report's chart, in plain SVG: one stacked bar per day, a segment per platform, gridlines at round values
 * and as many day labels as fit. Laid out for the width it is given; right to left, time flows from right to left.
 * For screen readers it is one image with a summary; the table beside it holds every number.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlatformId } from '../../../../../common/model';
import { useFormat } from '../../../i18n/format';
import { usePlatformName } from '../../services/platform';
import { labelStep, niceTicks } from './chart';
import { colorStyle, type ChartColor } from './colors';
import type { ReportDates } from './dates';
import { textMeasurer } from './measure';
import type { Series } from './series';

/** The plot's baseline; the day labels go under it, a line each (the week view has two). */
const BOTTOM = 196;
const FONT = 11;
const LINE = 14;
const TOP = 8;
const TICK_GAP = 6;
/** The widest a bar gets, and the share of its day's slot it fills. */
const MAX_BAR = 28;
const BAR_SHARE = 0.7;

interface ChartProps {
  days: readonly string[];
  series: Series;
  colors: ReadonlyMap<PlatformId, ChartColor>;
  width: number;
  /** What the bars count ("Conversations"), for each day's tooltip. */
  measureName: string;
  /** The chart's summary for screen readers. */
  label: string;
  dates: ReportDates;
}

export function ReportChart({ days, series, colors, width, measureName, label, dates }: ChartProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const platformName = usePlatformName();
  const rtl = i18n.dir() === 'rtl';
  const measure = useMemo(() => textMeasurer(FONT, i18n.language), [i18n.language]);

  const ticks = niceTicks(series.busiest?.value ?? 0);
  const top = ticks.at(-1) ?? 1;
  const tickTexts = ticks.map((tick) => format.number(tick));
  const dayTexts = days.map((day) => dates.axis(day, days.length));
  const labelWidth = Math.max(...dayTexts.flat().map((text) => measure(text)));
  const lines = Math.max(...dayTexts.map((text) => text.length));
  const height = BOTTOM + 6 + lines * LINE;
  const start = Math.max(...tickTexts.map((text) => measure(text))) + TICK_GAP * 2;
  const end = width - Math.ceil(labelWidth / 2);
  const slot = (end - start) / Math.max(1, days.length);
  const bar = Math.min(MAX_BAR, slot * BAR_SHARE);
  const step = labelStep(slot, labelWidth);
  const y = (value: number) => BOTTOM - (value / top) * (BOTTOM - TOP);
  /** A logical x (from the start edge) on screen: mirrored right to left. */
  const x = (at: number, size = 0) => (rtl ? width - at - size : at);
  const centre = (index: number) => start + slot * (index + 0.5);

  return (
    <svg className="report-chart" role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`} direction={rtl ? 'rtl' : 'ltr'}>
      <g className="report-grid">
        {ticks.map((tick, i) => (
          <g key={tick}>
            <line className={tick === 0 ? 'report-baseline' : undefined} x1={x(start)} x2={x(end)} y1={y(tick)} y2={y(tick)} />
            <text className="report-tick" x={x(start - TICK_GAP)} y={y(tick)} textAnchor="end" dominantBaseline="middle">
              {tickTexts[i]}
            </text>
          </g>
        ))}
      </g>
      {series.rows.map((row) => (
        <g key={row.platform} className="report-series" style={colorStyle(colors.get(row.platform))}>
          {row.values.map((value, i) => {
            if (value === 0) return null;
            const below = series.rows.slice(0, series.rows.indexOf(row)).reduce((n, r) => n + (r.values[i] ?? 0), 0);
            return <rect key={days[i]} data-platform={row.platform} data-day={days[i]} x={x(centre(i) - bar / 2, bar)} y={y(below + value)} width={bar} height={y(below) - y(below + value)} />;
          })}
        </g>
      ))}
      {days.map((day, i) => {
        const parts = series.rows.flatMap((row) => {
          const value = row.values[i] ?? 0;
          return value === 0 ? [] : [t('shop.report.chart.part', { platform: platformName(row.platform), value: format.number(value) })];
        });
        const facts = { day: dates.full(day), measure: measureName, total: format.number(series.totals[i] ?? 0) };
        const title = parts.length === 0 ? t('shop.report.chart.dayNone', facts) : t('shop.report.chart.day', { ...facts, parts: format.list(parts) });
        return (
          <rect key={day} className="report-hit" x={x(start + slot * i, slot)} y={TOP} width={slot} height={BOTTOM - TOP}>
            <title>{title}</title>
          </rect>
        );
      })}
      <g className="report-days">
        {days.map((day, i) => {
          if ((days.length - 1 - i) % step !== 0) return null;
          const at = Math.min(Math.max(centre(i), labelWidth / 2), width - labelWidth / 2);
          return (
            <text key={day} className="report-day" textAnchor="middle">
              {dayTexts[i]?.map((line, n) => (
                <tspan key={line} x={x(at)} y={BOTTOM + (n + 1) * LINE}>
                  {line}
                </tspan>
              ))}
            </text>
          );
        })}
      </g>
    </svg>
  );
}
