/**
 * Updates in the settings: the switch, and while it is on, where things stand (up to date as of when, checking,
 * downloading with its progress, ready, or a calm word that the check failed or that a download was refused as
 * unverified) with the one action that fits:
 * "Check Now", or "Restart to Update". A development build does not update: the switch says so.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateState } from '../../../../common/state';
import { Switch } from '../../components/Switch';
import { isolateLtr, useFormat } from '../../i18n/format';
import { useApp } from '../../store/context';
import { useServiceActions } from '../services/useServiceActions';

function useStatusText(): (update: UpdateState) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return (update) => {
    const version = isolateLtr(update.version ?? '');
    switch (update.phase) {
      case 'idle':
        return update.checkedAt === undefined ? t('updates.status.notChecked') : t('updates.status.upToDate', { time: format.until(update.checkedAt, Date.now()) });
      case 'checking':
        return t('updates.status.checking');
      case 'downloading':
        return t('updates.status.downloading', { version });
      case 'ready':
        return t('updates.status.ready', { version });
      case 'failed':
        return update.reason === 'unverified' ? t('updates.status.unverified', { version }) : t('updates.status.failed');
    }
  };
}

function UpdateStatus() {
  const { t } = useTranslation();
  const update = useApp((s) => s.update);
  const format = useFormat();
  const text = useStatusText();
  const { run } = useServiceActions();
  return (
    <div className="update-status">
      {/* Announced as it changes; the progress below is read on demand, not at every percent. */}
      <p className="field-hint update-status-text" role="status">
        {text(update)}
      </p>
      {update.phase === 'downloading' ? (
        <div className="update-progress-row">
          <progress className="update-progress" max={100} value={update.percent ?? 0} aria-label={t('updates.status.progress')} />
          <span className="update-percent" aria-hidden="true">
            {format.percent(update.percent ?? 0)}
          </span>
        </div>
      ) : null}
      {update.phase === 'ready' ? (
        <button type="button" className="button button-primary" onClick={() => run({ type: 'update.install' })}>
          {t('updates.restart')}
        </button>
      ) : null}
      {update.phase === 'idle' || update.phase === 'failed' ? (
        <button type="button" className="button" onClick={() => run({ type: 'update.check' })}>
          {t('updates.checkNow')}
        </button>
      ) : null}
    </div>
  );
}

export function UpdateSettings() {
  const { t } = useTranslation();
  const on = useApp((s) => s.settings.updates);
  const packaged = useApp((s) => s.packaged);
  const { run } = useServiceActions();
  const headingId = useId();

  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="choice-legend">
        {t('updates.title')}
      </h3>
      <Switch
        label={t('updates.auto')}
        hint={packaged ? t('updates.autoHint') : t('settings.devBuild')}
        checked={packaged && on}
        disabled={!packaged}
        onChange={(updates) => run({ type: 'settings.set', updates })}
      />
      {packaged && on ? <UpdateStatus /> : null}
    </section>
  );
}
