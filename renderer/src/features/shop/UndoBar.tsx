/**
 * "Deleted “Paid”. Undo" / "Backup restored. Undo": an inline bar under what was changed, while main can still
 * take the change back (`state.shopUndo`). Undo asks main to take it back and announces what it did.
 */
import { useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand, useShell } from '../../store/context';

interface UndoBarProps {
  children: ReactNode;
  /** Announced once the change is undone. */
  undoneText: string;
  onUndone: () => void;
  buttonRef?: Ref<HTMLButtonElement>;
}

export function UndoBar({ children, undoneText, onUndone, buttonRef }: UndoBarProps) {
  const { t } = useTranslation();
  const { ui } = useShell();
  const command = useCommand();
  const [pending, setPending] = useState(false);
  const undo = () => {
    setPending(true);
    void command({ type: 'shop.undo' }).then((result) => {
      setPending(false);
      if (!result.ok) {
        ui.getState().announce(t('errors.commandFailed'));
        return;
      }
      ui.getState().announce(undoneText);
      onUndone();
    });
  };
  return (
    <div className="shop-undo">
      <span className="shop-undo-text">{children}</span>
      <button ref={buttonRef} type="button" className="button button-small" disabled={pending} onClick={undo}>
        {t('shop.undoAction')}
      </button>
    </div>
  );
}
