/**
 * Electron's globalShortcut as main/core/desktop/global-shortcuts.ts's port. A key Electron cannot take (it throws
 * on an accelerator it cannot read) counts as refused, as one another app holds does.
 */
import type { GlobalShortcutPort } from '../core/desktop/global-shortcuts';

/** The part of Electron's globalShortcut used here. */
export interface GlobalShortcutLike {
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
  unregisterAll(): void;
}

export function electronGlobalShortcuts(globalShortcut: GlobalShortcutLike): GlobalShortcutPort {
  return {
    register: (accelerator, callback) => {
      try {
        return globalShortcut.register(accelerator, callback);
      } catch {
        return false;
      }
    },
    unregister: (accelerator) => globalShortcut.unregister(accelerator),
    unregisterAll: () => globalShortcut.unregisterAll(),
  };
}
