/**
 * The desktop part of the settings: open Wasl at login (an installed build only), start hidden in the tray, and
 * whether closing the window keeps Wasl running there — not offered on macOS, where closing a window never quits
 * an app.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Switch } from '../../components/Switch';
import { useApp } from '../../store/context';
import { useServiceActions } from '../services/useServiceActions';

export function DesktopSettings() {
  const { t } = useTranslation();
  const settings = useApp((s) => s.settings);
  const packaged = useApp((s) => s.packaged);
  const mac = useApp((s) => s.os === 'darwin');
  const { run } = useServiceActions();
  const headingId = useId();

  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="choice-legend">
        {t('settings.desktop.title')}
      </h3>
      <div className="settings-switches">
        <Switch
          label={t('settings.desktop.startAtLogin')}
          hint={packaged ? t('settings.desktop.startAtLoginHint') : t('settings.devBuild')}
          checked={packaged && settings.startAtLogin}
          disabled={!packaged}
          onChange={(startAtLogin) => run({ type: 'settings.set', startAtLogin })}
        />
        <Switch
          label={t('settings.desktop.startMinimized')}
          hint={mac ? t('settings.desktop.startMinimizedHintMac') : t('settings.desktop.startMinimizedHint')}
          checked={settings.startMinimized}
          onChange={(startMinimized) => run({ type: 'settings.set', startMinimized })}
        />
        {mac ? null : (
          <Switch
            label={t('settings.desktop.closeToTray')}
            hint={settings.closeToTray ? t('settings.desktop.closeToTrayOn') : t('settings.desktop.closeToTrayOff')}
            checked={settings.closeToTray}
            onChange={(closeToTray) => run({ type: 'settings.set', closeToTray })}
          />
        )}
      </div>
    </section>
  );
}
