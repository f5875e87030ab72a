/**
 * The screen-reader live region: reorders, failed commands and the active service's status changes.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../i18n/format';
import { useApp, useShell, useUi } from '../../store/context';
import { STATUS_TEXT } from '../services/text';

/** Announces when the active service's status changes (not when the user switches services). */
function useStatusAnnouncements(): void {
  const { t } = useTranslation();
  const { ui } = useShell();
  const activeId = useApp((s) => s.activeServiceId);
  const name = useApp((s) => s.services.find((x) => x.id === s.activeServiceId)?.name);
  const status = useApp((s) => (s.activeServiceId === null ? undefined : s.runtime[s.activeServiceId]?.status));
  const last = useRef<{ id: string | null; status: string | undefined }>({ id: activeId, status });

  useEffect(() => {
    const previous = last.current;
    last.current = { id: activeId, status };
    if (previous.id !== activeId || previous.status === status || status === undefined || name === undefined) return;
    const key = STATUS_TEXT[status];
    ui.getState().announce(
      key === null ? t('status.nowReady', { name: isolate(name) }) : t('status.changed', { name: isolate(name), status: t(key) }),
    );
  }, [activeId, name, status, t, ui]);
}

export function Announcer() {
  const announcement = useUi((s) => s.announcement);
  useStatusAnnouncements();
  return (
    <div className="visually-hidden" role="status" aria-live="polite">
      <span key={announcement.seq}>{announcement.text}</span>
    </div>
  );
}
