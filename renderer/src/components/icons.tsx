/**
 * The shell's own line icons on a 24×24 grid. Decorative: whatever they label carries its own accessible name.
 */
import type { ReactNode } from 'react';

function Glyph({ children }: { children: ReactNode }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  );
}

export const PlusIcon = () => (
  <Glyph>
    <path d="M12 5v14M5 12h14" />
  </Glyph>
);

export const CloseIcon = () => (
  <Glyph>
    <path d="M6.5 6.5l11 11M17.5 6.5l-11 11" />
  </Glyph>
);

export const MoreIcon = () => (
  <Glyph>
    <circle cx="12" cy="5.5" r="1.2" fill="currentColor" />
    <circle cx="12" cy="12" r="1.2" fill="currentColor" />
    <circle cx="12" cy="18.5" r="1.2" fill="currentColor" />
  </Glyph>
);

export const SearchIcon = () => (
  <Glyph>
    <circle cx="11" cy="11" r="6.5" />
    <path d="M16 16l4 4" />
  </Glyph>
);

export const ReloadIcon = () => (
  <Glyph>
    <path d="M19.5 12a7.5 7.5 0 1 1-2.2-5.3" />
    <path d="M19.5 4.5v4.2h-4.2" />
  </Glyph>
);

export const BellIcon = () => (
  <Glyph>
    <path d="M6.5 16.5v-5.5a5.5 5.5 0 0 1 11 0v5.5l1.5 1.5h-14z" />
    <path d="M10 20.5a2.2 2.2 0 0 0 4 0" />
  </Glyph>
);

export const BellOffIcon = () => (
  <Glyph>
    <path d="M8.2 6.4A5.5 5.5 0 0 1 17.5 11v4.5M17 18H5l1.5-1.5V11c0-.9.2-1.7.5-2.5" />
    <path d="M10 20.5a2.2 2.2 0 0 0 4 0" />
    <path d="M4 4l16 16" />
  </Glyph>
);

/** A window whose side column folds away: the page's own chat list hidden (compact view). */
export const PaneIcon = () => (
  <Glyph>
    <rect x="3.5" y="4.5" width="17" height="15" rx="2" />
    <path d="M9 4.5v15" />
    <path d="M15.5 9.5L13 12l2.5 2.5" />
  </Glyph>
);

export const SettingsIcon = () => (
  <Glyph>
    <path d="M4 7h9M18 7h2M4 17h3M12 17h8" />
    <circle cx="15.5" cy="7" r="2.3" />
    <circle cx="9.5" cy="17" r="2.3" />
  </Glyph>
);

export const WarningIcon = () => (
  <Glyph>
    <path d="M12 4l9 15.5H3z" />
    <path d="M12 10v4" />
    <circle cx="12" cy="16.8" r=".6" fill="currentColor" />
  </Glyph>
);

export const PowerIcon = () => (
  <Glyph>
    <path d="M12 4v8" />
    <path d="M7.2 6.9a7 7 0 1 0 9.6 0" />
  </Glyph>
);

export const OfflineIcon = () => (
  <Glyph>
    <path d="M4.5 9.5a11 11 0 0 1 4-2.3M12.5 6.9a11 11 0 0 1 7 2.6M7.5 13a6 6 0 0 1 3-1.7M15 12a6 6 0 0 1 1.5 1" />
    <circle cx="12" cy="17" r=".9" fill="currentColor" />
    <path d="M4 4l16 16" />
  </Glyph>
);

export const InfoIcon = () => (
  <Glyph>
    <circle cx="12" cy="12" r="8.5" />
    <path d="M12 11v5" />
    <circle cx="12" cy="8" r=".6" fill="currentColor" />
  </Glyph>
);

export const CheckIcon = () => (
  <Glyph>
    <path d="M5 12.5l4.5 4.5L19 7.5" />
  </Glyph>
);

export const InboxIcon = () => (
  <Glyph>
    <path d="M4 13.5l2.2-7.3A1.8 1.8 0 0 1 7.9 5h8.2a1.8 1.8 0 0 1 1.7 1.2l2.2 7.3v4.7a1.8 1.8 0 0 1-1.8 1.8H5.8A1.8 1.8 0 0 1 4 18.2z" />
    <path d="M4 13.5h4.5l1.2 2.2h4.6l1.2-2.2H20" />
  </Glyph>
);

export const MoonIcon = () => (
  <Glyph>
    <path d="M19.5 14.2A7.8 7.8 0 0 1 9.8 4.5a7.8 7.8 0 1 0 9.7 9.7z" />
  </Glyph>
);

export const LinkIcon = () => (
  <Glyph>
    <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1.2 1.2" />
    <path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1.2-1.2" />
  </Glyph>
);

export const PersonIcon = () => (
  <Glyph>
    <circle cx="12" cy="8.5" r="3.5" />
    <path d="M5 19.5a7 7 0 0 1 14 0" />
  </Glyph>
);

export const StoreIcon = () => (
  <Glyph>
    <path d="M4.5 9.5V19a1 1 0 0 0 1 1h13a1 1 0 0 0 1-1V9.5" />
    <path d="M3.5 8.2L5.2 4h13.6l1.7 4.2a2.6 2.6 0 0 1-4.25 2.4 2.9 2.9 0 0 1-4.25.1 2.9 2.9 0 0 1-4.25-.1A2.6 2.6 0 0 1 3.5 8.2z" />
    <path d="M9.5 20v-5h5v5" />
  </Glyph>
);

export const AlarmIcon = () => (
  <Glyph>
    <circle cx="12" cy="13" r="7" />
    <path d="M12 9.5V13l2.3 1.8" />
    <path d="M4.5 5.5L7 3.5M19.5 5.5L17 3.5" />
  </Glyph>
);

/** A speech bubble with a lightning bolt: an answer ready to go (quick replies). */
export const QuickReplyIcon = () => (
  <Glyph>
    <path d="M20 11.5a7.5 7.5 0 0 1-10.9 6.7L4.5 19.5l1.3-4.1A7.5 7.5 0 1 1 20 11.5z" />
    <path d="M13 7.5l-3 4.5h4l-3 4.5" />
  </Glyph>
);

export const EditIcon = () => (
  <Glyph>
    <path d="M15.5 5.5l3 3L9 18l-4 1 1-4z" />
    <path d="M13.5 7.5l3 3" />
  </Glyph>
);

export const DeleteIcon = () => (
  <Glyph>
    <path d="M5 7h14M10 4.5h4M7 7l.8 11.2a1.5 1.5 0 0 0 1.5 1.3h5.4a1.5 1.5 0 0 0 1.5-1.3L17 7" />
    <path d="M10.2 10.5v5.5M13.8 10.5v5.5" />
  </Glyph>
);

export const ImportIcon = () => (
  <Glyph>
    <path d="M12 4v10M8 10.5l4 4 4-4" />
    <path d="M5 15.5V18a1.5 1.5 0 0 0 1.5 1.5h11A1.5 1.5 0 0 0 19 18v-2.5" />
  </Glyph>
);

export const ExportIcon = () => (
  <Glyph>
    <path d="M12 15V5M8 8.5l4-4 4 4" />
    <path d="M5 15.5V18a1.5 1.5 0 0 0 1.5 1.5h11A1.5 1.5 0 0 0 19 18v-2.5" />
  </Glyph>
);

export const ChevronUpIcon = () => (
  <Glyph>
    <path d="M6.5 14.5l5.5-5.5 5.5 5.5" />
  </Glyph>
);

export const ChevronDownIcon = () => (
  <Glyph>
    <path d="M6.5 9.5l5.5 5.5 5.5-5.5" />
  </Glyph>
);

export const LockIcon = () => (
  <Glyph>
    <rect x="5" y="10.5" width="14" height="9.5" rx="2" />
    <path d="M8.5 10.5V7.5a3.5 3.5 0 0 1 7 0v3M12 14.5v2" />
  </Glyph>
);

/** A push pin: a customer pinned to the top of the list. */
export const PinIcon = () => (
  <Glyph>
    <path d="M9 3.5h6M10 3.5l-.7 6.2L6.5 13v1.5h11V13l-2.8-3.3L14 3.5M12 14.5V21" />
  </Glyph>
);

/** A speech bubble with a dot: the next chat that waits (Next unread). */
export const NextUnreadIcon = () => (
  <Glyph>
    <path d="M13.5 4.5H6.5A2.5 2.5 0 0 0 4 7v7a2.5 2.5 0 0 0 2.5 2.5H8v3.5l4-3.5h5.5A2.5 2.5 0 0 0 20 14v-3.5" />
    <circle cx="18.5" cy="5.5" r="2.5" fill="currentColor" stroke="none" />
  </Glyph>
);

export const DownloadIcon = () => (
  <Glyph>
    <path d="M12 4v11M7.5 10.5 12 15l4.5-4.5M5 19.5h14" />
  </Glyph>
);

export const FolderIcon = () => (
  <Glyph>
    <path d="M3.5 7A1.5 1.5 0 0 1 5 5.5h4l2 2h8A1.5 1.5 0 0 1 20.5 9v8.5A1.5 1.5 0 0 1 19 19H5a1.5 1.5 0 0 1-1.5-1.5z" />
  </Glyph>
);
