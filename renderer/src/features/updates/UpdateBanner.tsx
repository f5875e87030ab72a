/**
 * The calm banner above the content once an update is downloaded: it says a new version is ready and offers
 * "Restart to Update" or "Later". Nothing restarts without the click; "Later" hides the banner (the settings and
 * the tray still offer the restart, and the update installs when Wasl quits).
 */
import { useTranslation } from 'react-i18next';
import { InfoIcon } from '../../components/icons';
import { isolateLtr } from '../../i18n/format';
import { useApp } from '../../store/context';
import { useServiceActions } from '../services/useServiceActions';

export function UpdateBanner() {
  const { t } = useTranslation();
  const update = useApp((s) => s.update);
  const { run } = useServiceActions();
  if (update.phase !== 'ready' || update.dismissed === true) return null;
  return (
    <div className="notice tone-info update-banner">
      <InfoIcon />
      <p className="notice-text">{t('updates.banner', { version: isolateLtr(update.version ?? '') })}</p>
      <div className="update-banner-actions">
        <button type="button" className="button button-link" onClick={() => run({ type: 'update.dismiss' })}>
          {t('updates.later')}
        </button>
        <button type="button" className="button button-primary update-banner-restart" onClick={() => run({ type: 'update.install' })}>
          {t('updates.restart')}
        </button>
      </div>
    </div>
  );
}
