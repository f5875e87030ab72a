/**
 * Messages from main that stay until dismissed (settings reset or repaired, a failed download…), after the
 * banner that offers to restart for a downloaded update.
 */
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../../../common/state';
import { IconButton } from '../../components/IconButton';
import { CloseIcon, InfoIcon, WarningIcon } from '../../components/icons';
import { isolate, isolateLtr, useFormat } from '../../i18n/format';
import { useApp } from '../../store/context';
import { useServiceActions } from '../services/useServiceActions';
import { UpdateBanner } from '../updates/UpdateBanner';

/** Notices that report something Wasl handled without loss; the others warn. */
const INFO: ReadonlySet<Notice['kind']> = new Set(['settings-repaired', 'settings-newer']);

function useNoticeText(): (notice: Notice) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return (notice) => {
    switch (notice.kind) {
      case 'settings-reset':
        return t('notices.settingsReset', { path: isolateLtr(notice.backupPath) });
      case 'settings-restored':
        return t('notices.settingsRestored', { when: format.moment(notice.copyAt), path: isolateLtr(notice.backupPath) });
      case 'settings-repaired': {
        const repaired = t('notices.settingsRepaired', { count: notice.dropped, path: isolateLtr(notice.backupPath) });
        return notice.recovered === undefined ? repaired : `${repaired} ${t('notices.settingsRecovered', { count: notice.recovered })}`;
      }
      case 'settings-newer':
        return t('notices.settingsNewer', { version: format.number(notice.version), path: isolateLtr(notice.backupPath) });
      case 'settings-not-saved':
        return t('notices.settingsNotSaved');
      case 'notifications-reset':
        return t('notices.notificationsReset', { path: isolateLtr(notice.backupPath) });
      case 'activity-reset':
        return t('notices.activityReset', { path: isolateLtr(notice.backupPath) });
      case 'downloads-reset':
        return t('notices.downloadsReset', { path: isolateLtr(notice.backupPath) });
      case 'storage-not-cleared':
        return t('notices.storageNotCleared', { name: isolate(notice.serviceName) });
      case 'capture-stopped':
        return t('notices.captureStopped', { name: isolate(notice.serviceName) });
      case 'lock-removed':
        return t('notices.lockRemoved');
    }
  };
}

export function Notices() {
  const { t } = useTranslation();
  const notices = useApp((s) => s.notices);
  const text = useNoticeText();
  const { run } = useServiceActions();

  return (
    <div className="notices" role="region" aria-label={t('notices.label')} aria-live="polite">
      <UpdateBanner />
      {notices.map((notice) => (
        <div key={notice.id} className={INFO.has(notice.kind) ? 'notice tone-info' : 'notice tone-warning'}>
          {INFO.has(notice.kind) ? <InfoIcon /> : <WarningIcon />}
          <p className="notice-text">{text(notice)}</p>
          <IconButton label={t('notices.dismiss')} onClick={() => run({ type: 'notice.dismiss', id: notice.id })}>
            <CloseIcon />
          </IconButton>
        </div>
      ))}
    </div>
  );
}
