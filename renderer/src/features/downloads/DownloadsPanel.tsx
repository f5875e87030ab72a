/**
 * The downloads panel: the files services' pages downloaded (main/core/downloads/), newest first, each with its
 * name, the service it came from, its size ("3.1 of 12 MB"), a progress bar while it downloads, and what can be done
 * with it: Cancel while under way, Open and Show in folder once done, Remove from the list. Clear finished empties
 * the list of all but what is still downloading. A file that was moved or deleted since says so.
 *
 * Like the notification tray it covers the service page beside the sidebar, and closes on Escape, on a click
 * elsewhere, or when a dialog opens; the focus goes back to the button that opened it.
 */
import { Fragment, useEffect, useId, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PLATFORMS } from '../../../../common/catalog';
import { canOpen, isActive, type DownloadRecord, type DownloadState } from '../../../../common/downloads';
import type { Command } from '../../../../common/ipc';
import { restoreFocus, trapTab } from '../../components/focus';
import { IconButton } from '../../components/IconButton';
import { CloseIcon, FolderIcon } from '../../components/icons';
import { PlatformTile } from '../../components/PlatformTile';
import { isolate, useFormat, type Formatters } from '../../i18n/format';
import { useApp, useCommand, useOverlay, useShell, useUi } from '../../store/context';

const NO_DOWNLOADS: DownloadRecord[] = [];

const STATE_TEXT = {
  progressing: 'downloads.state.progressing',
  paused: 'downloads.state.paused',
  completed: 'downloads.state.completed',
  cancelled: 'downloads.state.cancelled',
  interrupted: 'downloads.state.interrupted',
} as const satisfies Record<DownloadState, string>;

/** "3.1 of 12 MB" while a size is known and not all there; the size alone otherwise. */
export function sizeText(record: DownloadRecord, format: Formatters, of: (received: string, total: string) => string): string {
  const { receivedBytes, totalBytes } = record;
  if (totalBytes > 0 && (record.state !== 'completed' || receivedBytes < totalBytes)) return of(format.sizePart(receivedBytes, totalBytes), format.size(totalBytes));
  return format.size(totalBytes > 0 ? totalBytes : receivedBytes);
}

/** How far along it is, out of 100, when its size is known. */
function percentOf(record: DownloadRecord): number | undefined {
  if (record.totalBytes <= 0) return undefined;
  return Math.min(100, Math.floor((record.receivedBytes / record.totalBytes) * 100));
}

function useDownloadCommand() {
  const { t } = useTranslation();
  const { ui } = useShell();
  const command = useCommand();
  return (cmd: Command, record: DownloadRecord) => {
    void command(cmd).then((result) => {
      if (result.ok) return;
      const file = isolate(record.fileName);
      const text =
        result.error === 'not-found' && result.detail === 'missing'
          ? t('downloads.missing', { file })
          : cmd.type === 'download.open'
            ? t('downloads.openFailed', { file })
            : t('errors.commandFailed');
      ui.getState().announce(text);
    });
  };
}

function DownloadRow({ record }: { record: DownloadRecord }) {
  const { t } = useTranslation();
  const format = useFormat();
  const run = useDownloadCommand();
  const service = useApp((s) => s.services.find((x) => x.id === record.serviceId));
  const nameId = useId();
  const active = isActive(record);
  const percent = percentOf(record);
  const file = isolate(record.fileName);
  const stateText = record.missing === true ? t('downloads.state.missing') : t(STATE_TEXT[record.state]);
  const facts = [
    sizeText(record, format, (received, total) => t('downloads.sizeOf', { received, total })),
    active && record.state === 'progressing' && percent !== undefined ? format.percent(percent) : stateText,
  ];
  const stateClass = record.missing === true ? 'is-missing' : `is-${record.state}`;

  return (
    <li className={`download ${stateClass}`} aria-labelledby={nameId}>
      <span className="download-source" title={service?.name}>
        {service === undefined ? null : <PlatformTile icon={PLATFORMS[service.platform].icon} size="sm" />}
      </span>
      <div className="download-body">
        <p id={nameId} className="download-name" dir="auto" title={record.fileName}>
          {record.fileName}
        </p>
        <p className="download-meta">
          <span className="download-service">{t('downloads.from', { service: isolate(service?.name ?? t('downloads.removedService')) })}</span>
          {facts.map((fact) => (
            // The dot keeps to the text before it (a no-break space), so a line never starts with one.
            <Fragment key={fact}>
              {'\u00a0· '}
              <span className="download-fact">{fact}</span>
            </Fragment>
          ))}
        </p>
        {active ? (
          <div
            className="download-bar"
            role="progressbar"
            aria-label={t('downloads.progress', { file })}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={format.list(facts)}
          >
            <span className={percent === undefined ? 'download-bar-fill is-unknown' : 'download-bar-fill'} style={percent === undefined ? undefined : { inlineSize: `${percent}%` }} />
          </div>
        ) : null}
        {active || canOpen(record) ? (
          <div className="download-actions">
            {active ? (
              <button type="button" className="button button-small" aria-label={t('downloads.cancelFile', { file })} onClick={() => run({ type: 'download.cancel', id: record.id }, record)}>
                {t('downloads.cancel')}
              </button>
            ) : null}
            {canOpen(record) ? (
              <>
                <button type="button" className="button button-small" aria-label={t('downloads.openFileLabel', { file })} onClick={() => run({ type: 'download.open', id: record.id }, record)}>
                  {t('downloads.openFile')}
                </button>
                <button type="button" className="button button-small button-link download-show" aria-label={t('downloads.showLabel', { file })} onClick={() => run({ type: 'download.show', id: record.id }, record)}>
                  <FolderIcon />
                  {t('downloads.show')}
                </button>
              </>
            ) : null}
          </div>
        ) : null}
      </div>
      <IconButton label={t('downloads.remove', { file })} className="download-remove" onClick={() => run({ type: 'download.remove', id: record.id }, record)}>
        <CloseIcon />
      </IconButton>
    </li>
  );
}

export function DownloadsPanel({ onClose, opener }: { onClose: () => void; opener: HTMLElement | null }) {
  const { t } = useTranslation();
  const titleId = useId();
  const panelRef = useRef<HTMLElement>(null);
  const downloads = useApp((s) => s.downloads ?? NO_DOWNLOADS);
  const dialogOpen = useUi((s) => s.dialog !== null);
  const command = useCommand();
  const { ui } = useShell();
  const finished = downloads.some((d) => !isActive(d));
  useOverlay();

  useLayoutEffect(() => {
    panelRef.current?.focus();
    return () => restoreFocus(opener);
  }, [opener]);

  useEffect(() => {
    if (dialogOpen) onClose();
  }, [dialogOpen, onClose]);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target;
      if (!(target instanceof Node) || panelRef.current?.contains(target) === true) return;
      // The button toggles the panel itself.
      if (opener?.contains(target) === true) return;
      onClose();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [onClose, opener]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (panelRef.current !== null) trapTab(event, panelRef.current);
  };

  const clear = () =>
    void command({ type: 'downloads.clear' }).then((result) => {
      if (!result.ok) ui.getState().announce(t('errors.commandFailed'));
    });

  return (
    <section ref={panelRef} role="dialog" aria-labelledby={titleId} tabIndex={-1} className="tray downloads-panel" onKeyDown={onKeyDown}>
      <header className="tray-header">
        <h2 id={titleId} className="tray-title">
          {t('downloads.title')}
        </h2>
        <button type="button" className="button button-link" disabled={!finished} onClick={clear}>
          {t('downloads.clearFinished')}
        </button>
        <IconButton label={t('common.close')} className="dialog-close" onClick={onClose}>
          <CloseIcon />
        </IconButton>
      </header>
      {downloads.length === 0 ? (
        <p className="tray-empty">{t('downloads.empty')}</p>
      ) : (
        <ul className="downloads-list" aria-label={t('downloads.list')}>
          {downloads.map((record) => (
            <DownloadRow key={record.id} record={record} />
          ))}
        </ul>
      )}
    </section>
  );
}
