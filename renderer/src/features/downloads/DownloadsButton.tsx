/**
 * The sidebar's downloads button, there once anything was downloaded: a ring round it fills as files download
 * (it turns while no size is known), and a dot says a download ended (done or failed) since the panel was last
 * open. The downloads that had ended when the shell started count as seen. It opens the downloads panel.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isActive, type DownloadRecord } from '../../../../common/downloads';
import { IconButton } from '../../components/IconButton';
import { DownloadIcon } from '../../components/icons';
import { useFormat } from '../../i18n/format';
import { useApp } from '../../store/context';
import { DownloadsPanel } from './DownloadsPanel';

const NO_DOWNLOADS: DownloadRecord[] = [];
const RING_RADIUS = 16;
const RING_LENGTH = 2 * Math.PI * RING_RADIUS;

const endedIds = (downloads: readonly DownloadRecord[]): ReadonlySet<string> => new Set(downloads.filter((d) => !isActive(d)).map((d) => d.id));

/** How far along the downloads under way are together, 0 to 1; undefined when none has a known size. */
function progressOf(active: readonly DownloadRecord[]): number | undefined {
  const sized = active.filter((d) => d.totalBytes > 0);
  if (sized.length === 0) return undefined;
  const total = sized.reduce((n, d) => n + d.totalBytes, 0);
  return Math.min(1, sized.reduce((n, d) => n + d.receivedBytes, 0) / total);
}

export function DownloadsButton() {
  const { t } = useTranslation();
  const format = useFormat();
  const downloads = useApp((s) => s.downloads ?? NO_DOWNLOADS);
  const [seen, setSeen] = useState(() => endedIds(downloads));
  const [panel, setPanel] = useState<HTMLElement | null>(null);
  const close = useCallback(() => {
    setPanel(null);
    setSeen(endedIds(downloads));
  }, [downloads]);
  if (downloads.length === 0 && panel === null) return null;

  const active = downloads.filter(isActive);
  const unseen = panel === null && downloads.some((d) => !isActive(d) && !seen.has(d.id));
  const progress = progressOf(active);
  const described = [active.length > 0 ? t('downloads.active', { count: active.length }) : null, unseen ? t('downloads.unseen') : null].filter((x) => x !== null);

  return (
    <span className="sidebar-downloads">
      <IconButton
        label={t('downloads.open')}
        className={panel === null ? 'sidebar-button' : 'sidebar-button is-on'}
        aria-haspopup="dialog"
        aria-expanded={panel !== null}
        aria-describedby={described.length === 0 ? undefined : 'sidebar-downloads-state'}
        onClick={(event) => {
          if (panel === null) {
            setSeen(endedIds(downloads));
            setPanel(event.currentTarget);
          } else {
            close();
          }
        }}
      >
        <DownloadIcon />
        {active.length === 0 ? null : (
          <svg className={progress === undefined ? 'downloads-ring is-unknown' : 'downloads-ring'} viewBox="0 0 36 36" aria-hidden="true" focusable="false">
            <circle className="downloads-ring-track" cx="18" cy="18" r={RING_RADIUS} />
            <circle
              className="downloads-ring-fill"
              cx="18"
              cy="18"
              r={RING_RADIUS}
              strokeDasharray={RING_LENGTH}
              strokeDashoffset={RING_LENGTH * (1 - (progress ?? 0.25))}
            />
          </svg>
        )}
      </IconButton>
      {unseen ? <span className="downloads-dot" aria-hidden="true" /> : null}
      {described.length === 0 ? null : (
        <span id="sidebar-downloads-state" hidden>
          {format.list(described)}
        </span>
      )}
      {panel === null ? null : <DownloadsPanel onClose={close} opener={panel} />}
    </span>
  );
}
