/**
 * The demo's mark (`npm run demo`): a banner above everything that says the services and the shop are sample data
 * and nothing is sent, and the window's title saying the same. Absent outside the demo.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { InfoIcon } from '../../components/icons';
import { useApp } from '../../store/context';

export function DemoBanner() {
  const { t } = useTranslation();
  const demo = useApp((s) => s.demo);
  const title = t('demo.windowTitle');

  useEffect(() => {
    if (demo) document.title = title;
  }, [demo, title]);

  if (!demo) return null;
  return (
    <div className="notice tone-info demo-banner" role="note">
      <InfoIcon />
      <p className="notice-text">{t('demo.banner')}</p>
    </div>
  );
}
