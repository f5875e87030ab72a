/** The quick reply palette's shortcut as the user's OS writes it, and as aria-keyshortcuts names it. */
import { useApp } from '../../store/context';

export interface Shortcut {
  /** "Ctrl+Shift+Space", "⌘⇧Space" on macOS. */
  text: string;
  /** For aria-keyshortcuts. */
  aria: string;
}

export function useReplyShortcut(): Shortcut {
  const mac = useApp((s) => s.os === 'darwin');
  return mac ? { text: '⌘⇧Space', aria: 'Meta+Shift+Space' } : { text: 'Ctrl+Shift+Space', aria: 'Control+Shift+Space' };
}
