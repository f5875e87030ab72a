/**
 * The list's toast, for a few seconds: "Linked — Undo" after a link, an unlink, a rename or a dismissed suggestion,
 * "Marked done — Undo" after a triage step (done, marked unread, pinned, unpinned, snoozed); or a short note such
 * as "Nobody is waiting" (the live region has already said it, so the toast does not say it again). Undo (or the
 * list's undo key, or Ctrl/Cmd+Z outside a text field while it shows) asks main to take the change back.
 *
 * On the inbox page the toast is a live region of its own. Beside a service it is there only while it shows
 * something, and the shell's live region says what it offers: a page with one live region stays that way.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { IconButton } from '../../components/IconButton';
import { CloseIcon } from '../../components/icons';
import { useShell, useUi } from '../../store/context';
import type { UndoKind } from '../../store/ui';

const UNDO_MS = 8_000;
const NOTE_MS = 5_000;

const TEXT = {
  link: 'inbox.undo.linked',
  unlink: 'inbox.undo.unlinked',
  rename: 'inbox.undo.renamed',
  dismiss: 'inbox.undo.dismissed',
  done: 'inbox.undo.markedDone',
  'marked-unread': 'inbox.undo.markedUnread',
  pinned: 'inbox.undo.pinned',
  unpinned: 'inbox.undo.unpinned',
  snoozed: 'inbox.undo.snoozed',
} as const satisfies Record<UndoKind, string>;

interface UndoToastProps {
  onUndo: () => void;
  /** Beside a service: placed at the list's foot, and said through the shell's live region. */
  inColumn?: boolean;
}

export function UndoToast({ onUndo, inColumn = false }: UndoToastProps) {
  const { t } = useTranslation();
  const { ui } = useShell();
  const undo = useUi((s) => s.undo);
  const note = useUi((s) => s.note);
  const seq = undo?.seq;
  const noteSeq = note?.seq;

  useEffect(() => {
    if (seq === undefined) return;
    const timer = setTimeout(() => {
      if (ui.getState().undo?.seq === seq) ui.getState().dismissUndo();
    }, UNDO_MS);
    return () => clearTimeout(timer);
  }, [seq, ui]);

  const undoKind = undo?.kind;
  useEffect(() => {
    if (inColumn && seq !== undefined && undoKind !== undefined) ui.getState().announce(t(TEXT[undoKind]));
  }, [inColumn, seq, t, ui, undoKind]);

  useEffect(() => {
    if (noteSeq === undefined) return;
    const timer = setTimeout(() => {
      if (ui.getState().note?.seq === noteSeq) ui.getState().dismissNote();
    }, NOTE_MS);
    return () => clearTimeout(timer);
  }, [noteSeq, ui]);

  const content =
    undo !== null ? (
      <div key={undo.seq} className="toast">
        <span className="toast-text">{t(TEXT[undo.kind])}</span>
        <button type="button" className="button button-link toast-action" onClick={onUndo}>
          {t('inbox.undo.action')}
        </button>
        <IconButton label={t('common.close')} className="toast-close" onClick={() => ui.getState().dismissUndo()}>
          <CloseIcon />
        </IconButton>
      </div>
    ) : note !== null ? (
      <div key={`note-${note.seq}`} className="toast is-note">
        <span className="toast-text" aria-hidden="true">
          {note.text}
        </span>
        <IconButton label={t('common.close')} className="toast-close" onClick={() => ui.getState().dismissNote()}>
          <CloseIcon />
        </IconButton>
      </div>
    ) : null;
  if (inColumn) return content === null ? null : <div className="toast-region is-column">{content}</div>;
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {content}
    </div>
  );
}
