/**
 * The report: for the last 7, 30 or 90 days, the conversations and messages of each platform day by day (a
 * stacked bar chart, conversations or messages), the totals, the median time to the first reply, and the same
 * numbers as a table. Main builds the report from its daily counts (`bridge.report`); the tab asks again when the
 * period changes, says while it waits, says when it failed (with a retry), and says when there is nothing yet.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { useShell } from '../../store/context';
import { usePlatformName } from '../services/platform';
import { ReportChart } from './report/ReportChart';
import { ReportTable } from './report/ReportTable';
import { chartColors, colorStyle } from './report/colors';
import { useReportDates } from './report/dates';
import { PERIODS, type Period } from './report/period';
import { MEASURES, seriesOf, type Measure } from './report/series';
import { useReport, type ShownReport } from './report/useReport';
import { useWidth } from './report/useWidth';
import { Segments } from '../../components/Segments';

/** The chart's width before the tab is laid out (about what the dialog gives it). */
const DEFAULT_WIDTH = 680;

const MEASURE_TEXT = { conversations: 'shop.report.conversations', messages: 'shop.report.messages' } as const satisfies Record<Measure, string>;


function Loaded({ shown, measure, width }: { shown: ShownReport; measure: Measure; width: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const dates = useReportDates();
  const platformName = usePlatformName();
  const { report, from, to } = shown;
  const series = useMemo(() => seriesOf(report, measure), [report, measure]);
  const colors = useMemo(() => chartColors(report.platforms.map((p) => p.platform)), [report]);
  const range = dates.range(from, to);

  if (report.conversations + report.messages === 0) {
    return (
      <div className="report-state report-empty">
        <p className="report-state-title">{t('shop.report.empty.title')}</p>
        <p>{t('shop.report.empty.text')}</p>
      </div>
    );
  }

  const totals = series.rows.map((row) => row.values.reduce((n, v) => n + v, 0));
  const parts = format.list(series.rows.map((row, i) => t('shop.report.chart.part', { platform: platformName(row.platform), value: format.number(totals[i] ?? 0) })));
  const busiest = series.busiest ?? { index: 0, value: 0 };
  const facts = {
    range,
    total: format.number(totals.reduce((n, v) => n + v, 0)),
    parts,
    day: dates.full(report.days[busiest.index] ?? ''),
    most: format.number(busiest.value),
  };
  const summary = measure === 'conversations' ? t('shop.report.chart.summaryConversations', facts) : t('shop.report.chart.summaryMessages', facts);

  return (
    <>
      <p className="report-range">{range}</p>
      <dl className="report-totals">
        <div className="report-total">
          <dt>{t('shop.report.conversations')}</dt>
          <dd>{format.number(report.conversations)}</dd>
        </div>
        <div className="report-total">
          <dt>{t('shop.report.messages')}</dt>
          <dd>{format.number(report.messages)}</dd>
        </div>
        <div className="report-total">
          <dt>{t('shop.report.reply')}</dt>
          <dd>{report.medianReplyMs === undefined ? t('shop.report.table.noReplies') : format.duration(report.medianReplyMs)}</dd>
        </div>
      </dl>
      <figure className="report-figure">
        <ReportChart days={report.days} series={series} colors={colors} width={width} measureName={t(MEASURE_TEXT[measure])} label={summary} dates={dates} />
        <ul className="report-legend" aria-label={t('shop.report.legend')}>
          {series.rows.map((row, i) => (
            <li key={row.platform} className="report-legend-item">
              <span className="report-swatch" style={colorStyle(colors.get(row.platform))} aria-hidden="true" />
              <span>{platformName(row.platform)}</span>
              <span className="report-legend-value">{format.number(totals[i] ?? 0)}</span>
            </li>
          ))}
        </ul>
      </figure>
      <ReportTable report={report} series={series} colors={colors} caption={t('shop.report.table.caption', { range })} />
    </>
  );
}

export function ReportTab() {
  const { t } = useTranslation();
  const { ui } = useShell();
  const format = useFormat();
  const dates = useReportDates();
  const [period, setPeriod] = useState<Period>(30);
  const [measure, setMeasure] = useState<Measure>('conversations');
  const [body, width] = useWidth(DEFAULT_WIDTH);

  const { shown, pending, failed, retry } = useReport(period, (result) => {
    const { announce } = ui.getState();
    if (result === undefined) {
      announce(t('shop.report.error'));
      return;
    }
    const range = dates.range(result.from, result.to);
    const { conversations, messages } = result.report;
    announce(conversations + messages === 0 ? t('shop.report.announce.empty', { range }) : t('shop.report.announce.ready', { range, conversations: format.number(conversations), messages: format.number(messages) }));
  });

  let content: ReactNode;
  if (failed) {
    content = (
      <div className="report-state report-error">
        <p className="report-state-title">{t('shop.report.error')}</p>
        <button type="button" className="button" onClick={retry}>
          {t('shop.report.retry')}
        </button>
      </div>
    );
  } else if (shown === undefined) {
    content = <p className="report-state report-loading">{t('shop.report.loading')}</p>;
  } else {
    content = <Loaded shown={shown} measure={measure} width={width} />;
  }

  return (
    <div className="shop-tab-body report-tab">
      <div className="report-controls">
        <Segments label={t('shop.report.period')} value={period} choices={PERIODS.map((days) => ({ value: days, label: t('shop.report.lastDays', { count: days }) }))} onChange={setPeriod} />
        <Segments label={t('shop.report.show')} value={measure} choices={MEASURES.map((m) => ({ value: m, label: t(MEASURE_TEXT[m]) }))} onChange={setMeasure} />
      </div>
      <div ref={body} className="report-body" aria-busy={pending}>
        {content}
      </div>
    </div>
  );
}
