/**
 * State that belongs to the shell alone: which dialog is open, how many overlays cover the service view, what
 * the screen-reader live region says, the toast (an undo after a change to people or a triage step, or a short
 * note such as "Nobody is waiting"), and the selected inbox entry (one selection for the inbox page and the list
 * beside a service).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ChatRef } from '../../../common/model';
import type { TriageStep } from '../../../common/shop/model';

/** The tabs of the shop tools dialog. */
export const SHOP_TABS = ['replies', 'products', 'labels', 'fields', 'hours', 'greetings', 'chatLinks', 'data', 'report'] as const;
export type ShopTab = (typeof SHOP_TABS)[number];

export type DialogRequest =
  | { kind: 'add' }
  /** The settings; `section`: scrolled to that part (the keyboard shortcuts). */
  | { kind: 'settings'; section?: 'keyboard' }
  | { kind: 'rename'; serviceId: string }
  | { kind: 'remove'; serviceId: string }
  /** The languages a service's pages are spell-checked in. */
  | { kind: 'spelling'; serviceId: string }
  /** The proxy a service's session goes through, and its password. */
  | { kind: 'proxy'; serviceId: string }
  /** Link an inbox entry with another one the user picks. */
  | { kind: 'link'; entryKey: string }
  | { kind: 'rename-person'; entryKey: string }
  /** The shop tools: quick replies, labels, business hours, backup and export, the report. */
  | { kind: 'shop'; tab: ShopTab }
  /** The quick reply palette: pick one, and it is typed into the open chat of the service in front. */
  | { kind: 'quick-replies' }
  /** Memory and CPU per service, with sleep and wake. */
  | { kind: 'resources' }
  /** Every keyboard shortcut and its key (the cheat sheet). */
  | { kind: 'shortcuts' };

/** A change the user can still undo from the toast: to people, or a triage step (done, marked unread, pinned…). */
export type UndoKind = 'link' | 'unlink' | 'rename' | 'dismiss' | TriageStep;

export interface UiState {
  dialog: DialogRequest | null;
  /** Dialogs, menus and popovers currently open: while any is, the native service view must be hidden. */
  overlays: number;
  /** The latest live-region message; `seq` changes even when the text repeats. */
  announcement: { text: string; seq: number };
  /** The undo toast, while it shows; `seq` tells two equal changes in a row apart. */
  undo: { kind: UndoKind; seq: number } | null;
  /** A short note the toast shows (the live region says it too), while no undo is offered; `seq` as above. */
  note: { text: string; seq: number } | null;
  /** The key of the inbox entry selected in the inbox page and in the list beside a service, or none. */
  selectedKey: string | null;
  /** The chat the shell last asked main to open, and when: until its page shows it, the selection stays on it. */
  opening: { ref: ChatRef; at: number } | null;
  /** The entry Next unread last went to (pressed again from there, it goes on to the one after). */
  lastNext: string | null;
  openDialog: (request: DialogRequest) => void;
  closeDialog: () => void;
  /** Registers an open overlay; the returned function unregisters it. */
  addOverlay: () => () => void;
  announce: (text: string) => void;
  offerUndo: (kind: UndoKind) => void;
  dismissUndo: () => void;
  /** Says `text` aloud and shows it in the toast for a few seconds. */
  tell: (text: string) => void;
  dismissNote: () => void;
  select: (key: string | null) => void;
  /** Notes a chat the shell asked main to open (`null`: the page showed it, or gave up). */
  setOpening: (opening: { ref: ChatRef; at: number } | null) => void;
  setLastNext: (key: string | null) => void;
  /** The find bar over a service's page, while it is open; `seq` grows at each Ctrl/Cmd+F (its text is selected again). */
  find: { serviceId: string; seq: number } | null;
  openFind: (serviceId: string) => void;
  closeFind: () => void;
}

export type UiStore = StoreApi<UiState>;

export function createUiStore(): UiStore {
  return createStore<UiState>()((set) => ({
    dialog: null,
    overlays: 0,
    announcement: { text: '', seq: 0 },
    undo: null,
    note: null,
    selectedKey: null,
    opening: null,
    lastNext: null,
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
    offerUndo: (kind) => set((s) => ({ undo: { kind, seq: (s.undo?.seq ?? 0) + 1 }, note: null })),
    dismissUndo: () => set({ undo: null }),
    tell: (text) =>
      set((s) => ({
        announcement: { text, seq: s.announcement.seq + 1 },
        note: { text, seq: (s.note?.seq ?? 0) + 1 },
        undo: null,
      })),
    dismissNote: () => set({ note: null }),
    select: (key) => set({ selectedKey: key }),
    setOpening: (opening) => set({ opening }),
    setLastNext: (key) => set({ lastNext: key }),
    find: null,
    openFind: (serviceId) => set((s) => ({ find: { serviceId, seq: (s.find?.seq ?? 0) + 1 } })),
    closeFind: () => set({ find: null }),
  }));
}
