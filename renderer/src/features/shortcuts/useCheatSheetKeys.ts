/**
 * The cheat sheet's keys in the shell: `?` (the chat list's `list-cheat-sheet`) and Ctrl+/ (`cheat-sheet`, Cmd+/ on
 * macOS), or the keys the user gave them, open it anywhere in Wasl's window but in a text field (where they type)
 * and over another dialog. Main catches Ctrl+/ before the shell in the app itself (main/core/desktop/shortcuts.ts)
 * and sends the same request; this answers it where main does not, and for `?`.
 */
import { useEffect } from 'react';
import { matchesCombo } from '../../../../common/shortcuts';
import { useShell } from '../../store/context';
import { isTyping, pressOf, useShortcutTable } from './keys';

export function useCheatSheetKeys(): void {
  const { ui } = useShell();
  const { os, resolved } = useShortcutTable();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target) || ui.getState().dialog !== null) return;
      const press = pressOf(event);
      const keys = [...resolved['cheat-sheet'], ...resolved['list-cheat-sheet']];
      if (!keys.some((combo) => matchesCombo(combo, press, os))) return;
      event.preventDefault();
      ui.getState().openDialog({ kind: 'shortcuts' });
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [os, resolved, ui]);
}
