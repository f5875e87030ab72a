/**
 * The first start: what Wasl does, one button for the messenger most people start with, the other popular ones,
 * and the way to the whole catalog.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATALOG_ORDER, PLATFORMS } from '../../../../common/catalog';
import type { PlatformId } from '../../../../common/model';
import { PlatformTile } from '../../components/PlatformTile';
import { useCommand, useShell } from '../../store/context';

const OTHER_POPULAR = CATALOG_ORDER.filter((id) => PLATFORMS[id].popular && id !== 'whatsapp');

export function EmptyState() {
  const { t } = useTranslation();
  const { ui } = useShell();
  const command = useCommand();
  const [pending, setPending] = useState<PlatformId | null>(null);
  const [failed, setFailed] = useState(false);

  const add = async (platform: PlatformId) => {
    setPending(platform);
    setFailed(false);
    const result = await command({ type: 'service.add', platform });
    // On success main's patch replaces this screen; on failure stay and say so.
    if (!result.ok) {
      setPending(null);
      setFailed(true);
    }
  };

  return (
    <main className="welcome" aria-labelledby="welcome-title">
      <div className="welcome-card">
        <svg className="welcome-mark" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
          <rect width="48" height="48" rx="14" className="welcome-mark-bg" />
          <path d="M13 17a5 5 0 0 1 5-5h8a5 5 0 0 1 5 5v4a5 5 0 0 1-5 5h-5l-5 4v-4.5a5 5 0 0 1-3-4.5z" className="welcome-mark-a" />
          <path d="M35 27a5 5 0 0 0-5-5h-3v1a7 7 0 0 1-7 7h-1a5 5 0 0 0 4 2h4l5 4v-4.5a5 5 0 0 0 3-4.5z" className="welcome-mark-b" />
        </svg>
        <h1 id="welcome-title" className="welcome-title">
          {t('welcome.title')}
        </h1>
        <p className="welcome-lead">{t('welcome.lead')}</p>
        <button
          type="button"
          className="button button-primary button-large welcome-whatsapp"
          disabled={pending !== null}
          onClick={() => void add('whatsapp')}
        >
          <PlatformTile icon={PLATFORMS.whatsapp.icon} size="sm" />
          {t('welcome.addWhatsApp')}
        </button>
        {failed ? (
          <p className="form-error" role="alert">
            {t('add.failed')}
          </p>
        ) : null}
        <p className="welcome-more-label">{t('welcome.orStartWith')}</p>
        <ul className="welcome-tiles">
          {OTHER_POPULAR.map((id) => (
            <li key={id}>
              <button
                type="button"
                className="welcome-tile"
                aria-label={t('welcome.addPlatform', { platform: PLATFORMS[id].name })}
                disabled={pending !== null}
                onClick={() => void add(id)}
              >
                <PlatformTile icon={PLATFORMS[id].icon} />
                <span aria-hidden="true">{PLATFORMS[id].name}</span>
              </button>
            </li>
          ))}
        </ul>
        <button type="button" className="button button-link" onClick={() => ui.getState().openDialog({ kind: 'add' })}>
          {t('welcome.more')}
        </button>
      </div>
    </main>
  );
}
