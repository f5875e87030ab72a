/**
 * Importing and exporting the quick reply library, and what to tell the user about it: how many replies an
 * import added (the library's size before and after), how many it gave new trigger phrases when it added none,
 * that the file had nothing new, or why it was refused.
 * Closing the file dialog says nothing.
 */
import { useTranslation } from 'react-i18next';
import type { CommandResult } from '../../../../common/ipc';
import { LIMITS } from '../../../../common/limits';
import { useCommand, useShell } from '../../store/context';

export interface FileOutcome {
  text: string;
  tone: 'status' | 'error';
  /** An import that added replies can be undone. */
  undoable: boolean;
}

export interface ReplyFiles {
  /** Resolves to what to say; null when the user closed the dialog. */
  importReplies: () => Promise<FileOutcome | null>;
  exportReplies: () => Promise<FileOutcome | null>;
}

export function useReplyFiles(): ReplyFiles {
  const { t } = useTranslation();
  const { replica } = useShell();
  const command = useCommand();
  const library = () => replica.getState().app?.quickReplies ?? [];

  const refusal = (result: Extract<CommandResult, { ok: false }>): FileOutcome => {
    const error = (text: string): FileOutcome => ({ text, tone: 'error', undoable: false });
    if (result.error === 'full') return error(t('replies.files.full', { max: LIMITS.quickReplies }));
    if (result.error !== 'invalid-file') return error(t('replies.files.importFailed'));
    const detail = result.detail ?? '';
    if (detail === 'not-json') return error(t('replies.files.notJson'));
    if (detail === 'wrong-kind') return error(t('replies.files.wrongKind'));
    if (detail.startsWith('newer:')) return error(t('replies.files.newer'));
    return error(t('replies.files.invalid'));
  };

  return {
    importReplies: async () => {
      const before = library();
      const result = await command({ type: 'data.import', what: 'quick-replies' });
      if (!result.ok) return result.error === 'cancelled' ? null : refusal(result);
      const after = library();
      const added = after.length - before.length;
      if (added > 0) return { text: t('replies.files.imported', { count: added }), tone: 'status', undoable: true };
      const phrases = new Map(before.map((r) => [r.id, r.triggers?.length ?? 0]));
      const gained = after.filter((r) => (r.triggers?.length ?? 0) > (phrases.get(r.id) ?? 0)).length;
      return gained > 0
        ? { text: t('replies.files.triggersAdded', { count: gained }), tone: 'status', undoable: true }
        : { text: t('replies.files.nothingNew'), tone: 'status', undoable: false };
    },
    exportReplies: async () => {
      const result = await command({ type: 'data.export', what: 'quick-replies' });
      if (result.ok) return { text: t('replies.files.exported'), tone: 'status', undoable: false };
      return result.error === 'cancelled' ? null : { text: t('replies.files.exportFailed'), tone: 'error', undoable: false };
    },
  };
}
