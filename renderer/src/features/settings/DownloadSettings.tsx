/**
 * Where the files services' pages download go: a save dialog for each (as a browser asks), or straight into a
 * folder — the system's Downloads folder, or one the user picks with the system's folder dialog (main opens it:
 * the shell never names a folder itself).
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Segments } from '../../components/Segments';
import { isolateLtr } from '../../i18n/format';
import { useApp, useCommand, useShell } from '../../store/context';
import { useServiceActions } from '../services/useServiceActions';

export function DownloadSettings() {
  const { t } = useTranslation();
  const { mode, folder } = useApp((s) => s.settings.downloads);
  const { run } = useServiceActions();
  const command = useCommand();
  const { ui } = useShell();
  // Closing the folder dialog is no failure.
  const choose = () =>
    void command({ type: 'downloads.chooseFolder' }).then((result) => {
      if (!result.ok && result.error !== 'cancelled') ui.getState().announce(t('errors.commandFailed'));
    });
  const headingId = useId();
  const hintId = useId();

  return (
    <section className="settings-section download-settings" aria-labelledby={headingId}>
      <h3 id={headingId} className="choice-legend">
        {t('downloads.settings.title')}
      </h3>
      <Segments
        label={t('downloads.settings.mode')}
        value={mode}
        choices={[
          { value: 'ask', label: t('downloads.settings.ask') },
          { value: 'folder', label: t('downloads.settings.folder') },
        ]}
        onChange={(next) => run({ type: 'settings.set', downloads: { mode: next } })}
      />
      <p id={hintId} className="field-hint download-folder" dir="auto">
        {mode === 'ask'
          ? t('downloads.settings.askHint')
          : t('downloads.settings.folderHint', { folder: folder === null ? t('downloads.settings.systemFolder') : isolateLtr(folder) })}
      </p>
      <div className="download-settings-actions">
        <button type="button" className="button button-small" aria-describedby={hintId} onClick={choose}>
          {t('downloads.settings.choose')}
        </button>
        {folder === null ? null : (
          <button type="button" className="button button-small button-link" onClick={() => run({ type: 'settings.set', downloads: { folder: null } })}>
            {t('downloads.settings.useSystem')}
          </button>
        )}
      </div>
    </section>
  );
}
