/**
 * Screen sharing (a call in a hosted page asks for it with `getDisplayMedia`): what main offers the shell's picker
 * and the bounds it keeps to. Main decides whether a request reaches the picker (main/core/screen-share/rules.ts)
 * and checks the user's answer against the sources it offered; the shell only shows them and answers with an id.
 */

/** An entire screen, or one window of an application. */
export type ScreenSourceKind = 'screen' | 'window';

/** One screen or window the user may share, as the picker shows it. */
export interface ScreenSource {
  /** Electron's DesktopCapturerSource id: `screen:<n>:0` or `window:<handle>:<0|1>`. */
  id: string;
  kind: ScreenSourceKind;
  /** The screen's name (`Entire Screen`, `Screen 2`) or the window's title, cut to SCREEN_SHARE_LIMITS.nameChars. */
  name: string;
  /** A JPEG `data:` address of what the source shows now; null when the system gave none or it was too large. */
  thumbnail: string | null;
  /** A window's application icon as a PNG `data:` address; null for screens and where the system has none. */
  icon: string | null;
}

/** A share waiting for the user's choice (AppState.screenShare). */
export interface ScreenShareRequest {
  requestId: string;
  /** The service whose page asks (it is the one in front). */
  serviceId: string;
  sources: ScreenSource[];
  /** Whether the picker may offer the computer's sound with the screen (asked by the page and possible here). */
  audio: boolean;
}

export const SCREEN_SHARE_LIMITS = {
  /** Sources offered at most; a desktop with more windows offers the screens and the first windows. */
  sources: 40,
  nameChars: 200,
  /** A thumbnail larger than this (as a data address) is left out and the source shows its name only. */
  thumbnailChars: 150_000,
  iconChars: 20_000,
  /** The thumbnails' size as asked of the system (it may give larger ones on high-density screens; main scales them). */
  thumbnailWidth: 320,
  thumbnailHeight: 180,
  /** A picker left open this long is cancelled: the page stops waiting. */
  timeoutMs: 120_000,
} as const;

/** The shape of a source id the shell may answer with (main still checks it is one it offered). */
export const SCREEN_SOURCE_ID = /^(?:screen|window):[0-9A-Za-z:_-]{1,100}$/u;
