/**
 * The Inbox at the top of the sidebar, above the services: shows the unified inbox (main also answers
 * Ctrl/Cmd+0), with the total unread badge counted as the `unreadCount` setting says.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { InboxIcon } from '../../components/icons';
import { useFormat } from '../../i18n/format';
import { useApp } from '../../store/context';
import { useUnreadTotal } from '../../store/inbox';
import { useServiceActions } from '../services/useServiceActions';

export function InboxItem() {
  const { t } = useTranslation();
  const format = useFormat();
  const detailsId = useId();
  const active = useApp((s) => s.view === 'inbox');
  const mode = useApp((s) => s.settings.unreadCount);
  const total = useUnreadTotal();
  const { run } = useServiceActions();
  const badge = format.badge(total);
  const details = total === 0 ? null : mode === 'messages' ? t('services.unread', { count: total }) : t('sidebar.unreadChats', { count: total });

  return (
    <button
      type="button"
      className={active ? 'service-item inbox-item is-active' : 'service-item inbox-item'}
      aria-current={active ? 'page' : undefined}
      aria-label={t('sidebar.inbox')}
      aria-describedby={details === null ? undefined : detailsId}
      title={details === null ? t('sidebar.inbox') : `${t('sidebar.inbox')}\n${details}`}
      onClick={() => run({ type: 'view.inbox' })}
    >
      <span className="service-tile">
        <span className="tile inbox-tile" aria-hidden="true">
          <InboxIcon />
        </span>
        {badge === null ? null : (
          <span className="badge" aria-hidden="true" dir="ltr">
            {badge}
          </span>
        )}
      </span>
      <span className="service-name" aria-hidden="true">
        {t('sidebar.inbox')}
      </span>
      {details === null ? null : (
        <span id={detailsId} hidden>
          {details}
        </span>
      )}
    </button>
  );
}
