/**
 * The report as a table, the chart's equivalent in words and numbers: per platform the conversations, the
 * messages received and sent and the median time to the first reply; the period's totals in the last row.
 */
import { useTranslation } from 'react-i18next';
import type { PlatformId } from '../../../../../common/model';
import type { Report } from '../../../../../common/shop/stats';
import { useFormat } from '../../../i18n/format';
import { usePlatformName } from '../../services/platform';
import { colorStyle, type ChartColor } from './colors';
import type { Series } from './series';

function Reply({ ms }: { ms: number | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (ms !== undefined) return <>{format.duration(ms)}</>;
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t('shop.report.table.noReplies')}</span>
    </>
  );
}

interface TableProps {
  report: Report;
  series: Series;
  colors: ReadonlyMap<PlatformId, ChartColor>;
  caption: string;
}

export function ReportTable({ report, series, colors, caption }: TableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const platformName = usePlatformName();
  return (
    <table className="report-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('shop.report.table.platform')}</th>
          <th scope="col">{t('shop.report.conversations')}</th>
          <th scope="col">{t('shop.report.table.received')}</th>
          <th scope="col">{t('shop.report.table.sent')}</th>
          <th scope="col">{t('shop.report.reply')}</th>
        </tr>
      </thead>
      <tbody>
        {series.rows.map((row) => (
          <tr key={row.platform}>
            <th scope="row">
              <span className="report-swatch" style={colorStyle(colors.get(row.platform))} aria-hidden="true" />
              {platformName(row.platform)}
            </th>
            <td>{format.number(row.conversations)}</td>
            <td>{format.number(row.messagesIn)}</td>
            <td>{format.number(row.messagesOut)}</td>
            <td>
              <Reply ms={row.medianReplyMs} />
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('shop.report.table.total')}</th>
          <td>{format.number(report.conversations)}</td>
          <td>{format.number(series.messagesIn)}</td>
          <td>{format.number(series.messagesOut)}</td>
          <td>
            <Reply ms={report.medianReplyMs} />
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
