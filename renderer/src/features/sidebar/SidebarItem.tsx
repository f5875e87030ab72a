/**
 * One service in the sidebar: its platform tile with the unread badge and a status mark, and its name below.
 */
import { useId, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { PLATFORMS } from '../../../../common/catalog';
import type { ServiceConfig } from '../../../../common/model';
import type { ServiceRuntime } from '../../../../common/state';
import { PlatformTile } from '../../components/PlatformTile';
import { useFormat } from '../../i18n/format';
import { STATUS_TEXT, statusMark } from '../services/text';
import type { DropEdge } from './reorder';

interface SidebarItemProps extends Omit<ComponentProps<'div'>, 'role' | 'id' | 'title'> {
  service: ServiceConfig;
  runtime: ServiceRuntime | undefined;
  active: boolean;
  focusable: boolean;
  dropEdge: DropEdge | null;
  dragging: boolean;
}

export const tabId = (serviceId: string): string => `service-tab-${serviceId}`;

export function SidebarItem({ service, runtime, active, focusable, dropEdge, dragging, className, ...rest }: SidebarItemProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const detailsId = useId();
  const status = service.enabled ? (runtime?.status ?? 'idle') : 'off';
  const unread = runtime?.unread ?? 0;
  const badge = format.badge(unread);
  const statusKey = STATUS_TEXT[status];
  const statusText = statusKey === null ? null : t(statusKey);
  const mark = statusMark(status);
  const details = [
    unread > 0 ? t('services.unread', { count: unread }) : null,
    service.muted ? t('services.muted') : null,
    statusText,
  ].filter((x) => x !== null);
  const classes = [
    'service-item',
    active ? 'is-active' : null,
    status === 'off' ? 'is-off' : null,
    dragging ? 'is-dragging' : null,
    dropEdge === null ? null : `drop-${dropEdge}`,
    className,
  ].filter((x) => x !== null && x !== undefined);

  return (
    <div
      role="tab"
      id={tabId(service.id)}
      aria-selected={active}
      aria-controls={active ? 'service-panel' : undefined}
      aria-label={service.name}
      aria-describedby={details.length > 0 ? detailsId : undefined}
      tabIndex={focusable ? 0 : -1}
      title={statusText === null ? service.name : `${service.name}\n${statusText}`}
      draggable
      className={classes.join(' ')}
      {...rest}
    >
      <span className="service-tile">
        <PlatformTile icon={PLATFORMS[service.platform].icon} />
        {badge === null ? null : (
          <span className={service.muted ? 'badge is-muted' : 'badge'} aria-hidden="true" dir="ltr">
            {badge}
          </span>
        )}
        {mark === null ? null : <span className={`status-mark mark-${mark}`} aria-hidden="true" />}
      </span>
      <span className="service-name" dir="auto" aria-hidden="true">
        {service.name}
      </span>
      {details.length > 0 ? (
        <span id={detailsId} hidden>
          {format.list(details)}
        </span>
      ) : null}
    </div>
  );
}
