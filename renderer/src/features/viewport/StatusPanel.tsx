/**
 * What the viewport shows when the service's own page is not there (or not yet): loading, crashed, hung,
 * offline, given up, or turned off, each with the one action that helps.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceConfig } from '../../../../common/model';
import type { ServiceRuntime } from '../../../../common/state';
import { OfflineIcon, PowerIcon, WarningIcon } from '../../components/icons';
import { Spinner } from '../../components/Spinner';
import { isolate } from '../../i18n/format';
import { useServiceActions } from '../services/useServiceActions';
import { Countdown } from './Countdown';

interface PanelProps {
  tone: 'neutral' | 'warning' | 'error';
  icon: ReactNode;
  title: string;
  body?: ReactNode;
  detail?: string | undefined;
  action?: { label: string; onClick: () => void };
}

function Panel({ tone, icon, title, body, detail, action }: PanelProps) {
  return (
    <div className={`status-panel tone-${tone}`}>
      <div className="status-panel-icon">{icon}</div>
      <h2 className="status-panel-title">{title}</h2>
      {body === undefined ? null : <p className="status-panel-body">{body}</p>}
      {detail === undefined ? null : (
        <p className="status-panel-detail" dir="auto">
          {detail}
        </p>
      )}
      {action === undefined ? null : (
        <button type="button" className="button button-primary" onClick={action.onClick}>
          {action.label}
        </button>
      )}
    </div>
  );
}

export function StatusPanel({ service, runtime }: { service: ServiceConfig; runtime: ServiceRuntime }) {
  const { t } = useTranslation();
  const actions = useServiceActions();
  const name = isolate(service.name);
  const reload = (label: string) => ({ label, onClick: () => actions.reload(service) });
  const retry = (key: 'panel.crashed.retry' | 'panel.unresponsive.retry' | 'panel.offline.retry', waiting: string) =>
    runtime.retryAt === undefined ? waiting : <Countdown until={runtime.retryAt}>{(when) => t(key, { when })}</Countdown>;

  switch (runtime.status) {
    case 'idle':
    case 'loading':
    case 'asleep':
      return <Panel tone="neutral" icon={<Spinner />} title={t('panel.loading', { name })} />;
    case 'crashed':
      return (
        <Panel
          tone="error"
          icon={<WarningIcon />}
          title={t('panel.crashed.title', { name })}
          body={retry('panel.crashed.retry', t('panel.crashed.waiting'))}
          action={reload(t('panel.crashed.action'))}
        />
      );
    case 'unresponsive':
      return (
        <Panel
          tone="warning"
          icon={<WarningIcon />}
          title={t('panel.unresponsive.title', { name })}
          body={retry('panel.unresponsive.retry', t('panel.unresponsive.waiting'))}
          action={reload(t('panel.unresponsive.action'))}
        />
      );
    case 'offline':
      return (
        <Panel
          tone="warning"
          icon={<OfflineIcon />}
          title={t('panel.offline.title', { name })}
          body={retry('panel.offline.retry', t('panel.offline.waiting'))}
          detail={runtime.lastError}
          action={reload(t('panel.offline.action'))}
        />
      );
    case 'failed':
      return (
        <Panel
          tone="error"
          icon={<WarningIcon />}
          title={t('panel.failed.title', { name })}
          body={t('panel.failed.body')}
          detail={runtime.lastError}
          action={reload(t('panel.failed.action'))}
        />
      );
    case 'off':
      return (
        <Panel
          tone="neutral"
          icon={<PowerIcon />}
          title={t('panel.off.title', { name })}
          body={t('panel.off.body')}
          action={{
            label: t('panel.off.action'),
            onClick: () => actions.run({ type: 'service.set', id: service.id, enabled: true }),
          }}
        />
      );
    case 'ready':
    case 'logged-out':
      return null;
  }
}
