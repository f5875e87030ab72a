/**
 * The service's zoom in its header, shown only while it is not 100 %: the level ("125 %"), which sets the page
 * back to actual size when pressed. The zoom keys and the View menu step it (common/zoom.ts).
 */
import { useTranslation } from 'react-i18next';
import type { ServiceConfig } from '../../../../common/model';
import { DEFAULT_ZOOM } from '../../../../common/zoom';
import { useFormat } from '../../i18n/format';
import { useServiceActions } from '../services/useServiceActions';

export function ZoomButton({ service }: { service: ServiceConfig }) {
  const { t } = useTranslation();
  const format = useFormat();
  const actions = useServiceActions();
  const level = service.zoom ?? DEFAULT_ZOOM;
  if (level === DEFAULT_ZOOM) return null;
  const shown = format.percent(level);
  const label = t('toolbar.zoomReset', { level: shown });
  return (
    <button type="button" className="zoom-level" aria-label={label} title={label} onClick={() => actions.run({ type: 'service.zoom', id: service.id, step: 'reset' })}>
      {shown}
    </button>
  );
}
