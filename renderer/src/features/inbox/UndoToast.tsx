/**
 * "Linked — Undo": after a link, an unlink, a rename or a dismissed suggestion, for a few seconds. Undo (or
 * Ctrl/Cmd+Z outside a text field while it shows) asks main to take the change back.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { IconButton } from '../../components/IconButton';
import { CloseIcon } from '../../components/icons';
import { useShell, useUi } from '../../store/context';
import type { UndoKind } from '../../store/ui';

const UNDO_MS = 8_000;

const TEXT = {
  link: 'inbox.undo.linked',
  unlink: 'inbox.undo.unlinked',
  rename: 'inbox.undo.renamed',
  dismiss: 'inbox.undo.dismissed',
} as const satisfies Record<UndoKind, string>;

export function UndoToast({ onUndo }: { onUndo: () => void }) {
  const { t } = useTranslation();
  const { ui } = useShell();
  const undo = useUi((s) => s.undo);
  const seq = undo?.seq;

  useEffect(() => {
    if (seq === undefined) return;
    const timer = setTimeout(() => {
      if (ui.getState().undo?.seq === seq) ui.getState().dismissUndo();
    }, UNDO_MS);
    return () => clearTimeout(timer);
  }, [seq, ui]);

  return (
    <div className="toast-region" role="status" aria-live="polite">
      {undo === null ? null : (
        <div key={undo.seq} className="toast">
          <span className="toast-text">{t(TEXT[undo.kind])}</span>
          <button type="button" className="button button-link toast-action" onClick={onUndo}>
            {t('inbox.undo.action')}
          </button>
          <IconButton label={t('common.close')} className="toast-close" onClick={() => ui.getState().dismissUndo()}>
            <CloseIcon />
          </IconButton>
        </div>
      )}
    </div>
  );
}
