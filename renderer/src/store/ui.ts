/**
 * State that belongs to the shell alone: which dialog is open, how many overlays cover the service view, and
 * what the screen-reader live region says.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';

export type DialogRequest =
  | { kind: 'add' }
  | { kind: 'settings' }
  | { kind: 'rename'; serviceId: string }
  | { kind: 'remove'; serviceId: string };

export interface UiState {
  dialog: DialogRequest | null;
  /** Dialogs, menus and popovers currently open: while any is, the native service view must be hidden. */
  overlays: number;
  /** The latest live-region message; `seq` changes even when the text repeats. */
  announcement: { text: string; seq: number };
  openDialog: (request: DialogRequest) => void;
  closeDialog: () => void;
  /** Registers an open overlay; the returned function unregisters it. */
  addOverlay: () => () => void;
  announce: (text: string) => void;
}

export type UiStore = StoreApi<UiState>;

export function createUiStore(): UiStore {
  return createStore<UiState>()((set) => ({
    dialog: null,
    overlays: 0,
    announcement: { text: '', seq: 0 },
    openDialog: (request) => set({ dialog: request }),
    closeDialog: () => set({ dialog: null }),
    addOverlay: () => {
      set((s) => ({ overlays: s.overlays + 1 }));
      let removed = false;
      return () => {
        if (removed) return;
        removed = true;
        set((s) => ({ overlays: s.overlays - 1 }));
      };
    },
    announce: (text) => set((s) => ({ announcement: { text, seq: s.announcement.seq + 1 } })),
  }));
}
