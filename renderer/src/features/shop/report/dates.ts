/**
 * The report's dates in the UI language: short day labels under the bars (over a week the weekday above the date,
 * over longer periods the date alone), a day in full for tooltips and the table, and the period as a range ("22 Oct – 21 Nov 2026", the Hijri one beside it when both calendars are shown).
 */
import { useMemo } from 'react';
import { useFormat, useLocale } from '../../../i18n/format';
import { dayStart } from './period';

export interface ReportDates {
  /** A day key as an axis label, one or two lines ("Sat", "Nov 21"); `span` is the number of days shown. */
  axis(day: string, span: number): string[];
  /** A day key with its weekday: "Sat, 21 Nov". */
  full(day: string): string;
  /** The period from `from` to `to` (epoch ms). */
  range(from: number, to: number): string;
}

/** Periods up to this long label their days by weekday. */
const WEEK = 7;

export function useReportDates(): ReportDates {
  const language = useLocale();
  const format = useFormat();
  return useMemo(() => {
    const weekday = new Intl.DateTimeFormat(language, { weekday: 'short' });
    const dayMonth = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short' });
    const full = new Intl.DateTimeFormat(language, { weekday: 'short', day: 'numeric', month: 'short' });
    return {
      axis: (day, span) => {
        const date = dayStart(day);
        return span <= WEEK ? [weekday.format(date), dayMonth.format(date)] : [dayMonth.format(date)];
      },
      full: (day) => full.format(dayStart(day)),
      range: (from, to) => format.dateRange(from, to),
    };
  }, [language, format]);
}
