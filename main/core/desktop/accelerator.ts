/**
 * Wasl's key combos (common/shortcuts.ts) as Electron accelerator strings, for the application menu (which shows
 * them) and the system-wide shortcut (which registers one). Electron names keys by the character they type, so a
 * punctuation key is the character of a US keyboard, as Wasl's key codes are. Pure.
 */
import { letterOf, PUNCTUATION, type Combo } from '../../../common/shortcuts';

/** Keys whose accelerator name is not their code, nor the letter or digit it carries, nor their character. */
const ARROWS: Readonly<Record<string, string>> = { ArrowUp: 'Up', ArrowDown: 'Down', ArrowLeft: 'Left', ArrowRight: 'Right' };

/** The accelerator of a combo: "CmdOrCtrl+Shift+L" for Mod+Shift+KeyL (a number-pad digit is its digit). */
export function acceleratorOf(combo: Combo): string {
  // '+' joins an accelerator's parts; Equal is named by its own character, '='.
  const key = letterOf(combo.code) ?? PUNCTUATION[combo.code] ?? ARROWS[combo.code] ?? combo.code;
  return [combo.mod && 'CmdOrCtrl', combo.ctrl && 'Ctrl', combo.alt && 'Alt', combo.shift && 'Shift', key].filter((part) => part !== false).join('+');
}
