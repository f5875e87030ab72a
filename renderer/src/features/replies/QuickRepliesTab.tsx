/**
 * The quick reply library, the shop dialog's first tab: every reply in the palette's order, added and edited in
 * place, moved with the arrow buttons or Alt+↑/Alt+↓, deleted with undo, imported from and exported to a file.
 * The keyboard focus stays with the reply being worked on: on the same button after a move, on Undo after a
 * deletion, back on the reply after editing. A reply with trigger phrases says for how many Wasl suggests it.
 */
import { useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuickReply } from '../../../../common/shop/model';
import type { ShopUndo } from '../../../../common/state';
import { IconButton } from '../../components/IconButton';
import { ChevronDownIcon, ChevronUpIcon, DeleteIcon, EditIcon, ExportIcon, ImportIcon, PlusIcon, QuickReplyIcon } from '../../components/icons';
import { isolate, isolateLtr } from '../../i18n/format';
import { useApp, useCommand, useShell } from '../../store/context';
import { useFocusGoal, type RowAction } from '../shop/focus-goal';
import { UndoBar } from '../shop/UndoBar';
import { useReplyFiles, type FileOutcome } from './files';
import { ReplyEditor } from './ReplyEditor';
import { useReplyShortcut } from './shortcut';

/** The editor is open on a new reply, or on this one. */
type Editing = 'new' | { id: string } | null;
type Notice = { kind: 'deleted'; name: string; id: string } | { kind: 'file'; outcome: FileOutcome };

export function QuickRepliesTab() {
  const { t } = useTranslation();
  const { ui } = useShell();
  const command = useCommand();
  const files = useReplyFiles();
  const shortcut = useReplyShortcut();
  const replies = useApp((s) => s.quickReplies);
  const shopUndo = useApp((s) => s.shopUndo);
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const { goalRef: focusGoalRef, rootRef, newRef, undoRef } = useFocusGoal();
  const announce = (text: string) => ui.getState().announce(text);

  const move = (reply: QuickReply, to: number, action: RowAction) => {
    if (to < 0 || to >= replies.length) return;
    focusGoalRef.current = { id: reply.id, action };
    void command({ type: 'quickReply.move', id: reply.id, index: to }).then((result) => {
      announce(result.ok ? t('replies.library.moved', { name: isolate(reply.name), position: to + 1, total: replies.length }) : t('errors.commandFailed'));
    });
  };

  const remove = (reply: QuickReply) => {
    void command({ type: 'quickReply.delete', id: reply.id }).then((result) => {
      if (!result.ok) {
        announce(t('errors.commandFailed'));
        return;
      }
      focusGoalRef.current = 'undo';
      setNotice({ kind: 'deleted', name: reply.name, id: reply.id });
      announce(t('replies.library.deleted', { name: isolate(reply.name) }));
    });
  };

  const runFile = (run: () => Promise<FileOutcome | null>) => {
    setBusy(true);
    void run().then((outcome) => {
      setBusy(false);
      if (outcome === null) return;
      setNotice({ kind: 'file', outcome });
      announce(outcome.text);
    });
  };

  const saved = (id: string, name: string) => {
    setEditing(null);
    focusGoalRef.current = { id, action: 'edit' };
    announce(t('replies.library.saved', { name: isolate(name) }));
  };

  const onRowKey = (event: KeyboardEvent<HTMLLIElement>, reply: QuickReply, index: number) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const action = (event.target as HTMLElement).dataset['action'];
    const known: RowAction = action === 'up' || action === 'down' || action === 'delete' ? action : 'edit';
    move(reply, event.key === 'ArrowUp' ? index - 1 : index + 1, known);
  };

  const adding = editing === 'new';
  const editingId = editing === null || editing === 'new' ? null : editing.id;

  return (
    <div ref={rootRef} className="replies-library">
      <div className="replies-library-head">
        <p className="replies-library-intro">{t('replies.library.intro', { shortcut: isolateLtr(shortcut.text) })}</p>
        <div className="replies-library-actions">
          <button
            ref={newRef}
            type="button"
            className="button button-primary"
            disabled={adding}
            onClick={() => {
              setEditing('new');
              setNotice(null);
            }}
          >
            <PlusIcon />
            {t('replies.library.new')}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => runFile(files.importReplies)}>
            <ImportIcon />
            {t('replies.library.import')}
          </button>
          <button type="button" className="button" disabled={busy || replies.length === 0} onClick={() => runFile(files.exportReplies)}>
            <ExportIcon />
            {t('replies.library.export')}
          </button>
        </div>
      </div>
      <NoticeLine
        notice={notice}
        shopUndo={shopUndo}
        undoRef={undoRef}
        onUndone={(id) => {
          setNotice(null);
          focusGoalRef.current = id === undefined ? 'new' : { id, action: 'edit' };
        }}
      />
      {adding ? (
        <div className="replies-new">
          <ReplyEditor
            onSaved={saved}
            onCancel={() => {
              setEditing(null);
              focusGoalRef.current = 'new';
            }}
          />
        </div>
      ) : null}
      {replies.length === 0 && !adding ? (
        <EmptyLibrary shortcut={isolateLtr(shortcut.text)} onNew={() => setEditing('new')} />
      ) : (
        <ul className="framed-list replies-list" aria-label={t('replies.library.label')}>
          {replies.map((reply, index) =>
            editingId === reply.id ? (
              <li key={reply.id} className="reply-row is-editing" data-row={reply.id}>
                <ReplyEditor
                  reply={reply}
                  onSaved={saved}
                  onCancel={() => {
                    setEditing(null);
                    focusGoalRef.current = { id: reply.id, action: 'edit' };
                  }}
                />
              </li>
            ) : (
              <li key={reply.id} className="reply-row" data-row={reply.id} onKeyDown={(event) => onRowKey(event, reply, index)}>
                <div className="reply-row-text">
                  <span className="reply-row-name">
                    <bdi>{`/${reply.name}`}</bdi>
                  </span>
                  <span className="reply-row-body">
                    <bdi>{reply.body}</bdi>
                  </span>
                  {(reply.triggers ?? []).length > 0 ? (
                    <span className="reply-row-triggers">{t('replies.library.triggers', { count: reply.triggers?.length ?? 0 })}</span>
                  ) : null}
                </div>
                <div className="reply-row-actions">
                  <IconButton
                    label={t('replies.library.moveUp', { name: isolate(reply.name) })}
                    data-action="up"
                    aria-disabled={index === 0}
                    aria-keyshortcuts="Alt+ArrowUp"
                    onClick={() => move(reply, index - 1, 'up')}
                  >
                    <ChevronUpIcon />
                  </IconButton>
                  <IconButton
                    label={t('replies.library.moveDown', { name: isolate(reply.name) })}
                    data-action="down"
                    aria-disabled={index === replies.length - 1}
                    aria-keyshortcuts="Alt+ArrowDown"
                    onClick={() => move(reply, index + 1, 'down')}
                  >
                    <ChevronDownIcon />
                  </IconButton>
                  <IconButton label={t('replies.library.edit', { name: isolate(reply.name) })} data-action="edit" onClick={() => setEditing({ id: reply.id })}>
                    <EditIcon />
                  </IconButton>
                  <IconButton label={t('replies.library.delete', { name: isolate(reply.name) })} data-action="delete" className="is-danger" onClick={() => remove(reply)}>
                    <DeleteIcon />
                  </IconButton>
                </div>
              </li>
            ),
          )}
        </ul>
      )}
    </div>
  );
}

interface NoticeLineProps {
  notice: Notice | null;
  shopUndo: ShopUndo | null;
  undoRef: Ref<HTMLButtonElement>;
  /** Undone: the restored reply's id after a deletion. */
  onUndone: (id: string | undefined) => void;
}

/** What the last deletion or file did, with Undo while main can still take it back. */
function NoticeLine({ notice, shopUndo, undoRef, onUndone }: NoticeLineProps) {
  const { t } = useTranslation();
  if (notice === null) return null;
  if (notice.kind === 'deleted') {
    if (shopUndo !== 'reply-deleted') return null;
    return (
      <UndoBar undoneText={t('replies.library.restored', { name: isolate(notice.name) })} onUndone={() => onUndone(notice.id)} buttonRef={undoRef}>
        {t('replies.library.deleted', { name: isolate(notice.name) })}
      </UndoBar>
    );
  }
  const { outcome } = notice;
  if (outcome.undoable && shopUndo === 'replies-imported') {
    return (
      <UndoBar undoneText={t('replies.files.importUndone')} onUndone={() => onUndone(undefined)} buttonRef={undoRef}>
        {outcome.text}
      </UndoBar>
    );
  }
  return <p className={outcome.tone === 'error' ? 'replies-notice is-error' : 'replies-notice'}>{outcome.text}</p>;
}

function EmptyLibrary({ shortcut, onNew }: { shortcut: string; onNew: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="replies-empty">
      <span className="replies-empty-icon" aria-hidden="true">
        <QuickReplyIcon />
      </span>
      <h3 className="replies-empty-title">{t('replies.library.emptyTitle')}</h3>
      <p className="replies-empty-text">{t('replies.library.emptyBody')}</p>
      <p className="replies-empty-text">{t('replies.library.emptyUse', { shortcut })}</p>
      <p className="replies-empty-text">{t('replies.library.emptyVars')}</p>
      <button type="button" className="button button-primary" onClick={onNew}>
        <PlusIcon />
        {t('replies.library.first')}
      </button>
    </div>
  );
}
