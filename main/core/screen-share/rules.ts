/**
 * Whether a page's request to share the screen may reach Wasl's picker, and whether the picker's answer may be
 * granted. Pure functions of what main knows when each arrives; main/core/screen-share/picker.ts applies them.
 *
 * A request reaches the picker only when all hold: the user allowed calls for the service; the request has a video
 * part (a page asking for audio alone gets nothing: Electron shares sound only with a picture); the frame is still
 * there (Electron gives `frame: null` once it navigated or was destroyed) and is the service's own view's top frame
 * (Electron: a WebFrameMain granted as a stream captures its whole page, and an iframe must not start a share of
 * the page that embeds it); both the frame's address and the request's `securityOrigin` are on the service's own
 * origins; the service is the one in front (a hidden page must not start a share); Wasl is unlocked; the page asked
 * during a user gesture (Electron's `userGesture`); and no other picker is open.
 *
 * A call pop-up (Messenger and Facebook run calls in a window their page opens with window.open) may ask too: the
 * request then comes from the top frame of a pop-up window this very service's page opened, that window is the
 * focused one (in place of "the service is in front": the call is in that window, not in Wasl's), and its address
 * and `securityOrigin` are on the service's own origins; every other condition above holds as for the view. An
 * iframe inside the pop-up, a pop-up another service opened, a pop-up not focused, or one on a foreign origin is
 * refused, each for its own reason.
 *
 * An answer is granted only with a source id that was among those offered for that very request; the computer's
 * sound goes with it only where the system can share it (Electron: `loopback` audio is Windows only), the page asked
 * for it and the user chose it.
 */
import { originAllowed } from '../../../common/catalog';

/** What main knows of a `getDisplayMedia` request as it arrives. */
export interface ShareRequestFacts {
  callsAllowed: boolean;
  /** The service's own origins (common/catalog.ts serviceOrigins). */
  origins: readonly string[];
  /** The requesting frame's address; null when Electron no longer has the frame. */
  frameUrl: string | null;
  /** The frame is the top frame of the service's own view (not an iframe, not a pop-up on the same session). */
  topFrame: boolean;
  /** Set when the frame is in a pop-up window a service's page opened (then `topFrame` and `inFront` are not read). */
  popup?: PopupFacts;
  /** Electron's `securityOrigin`: the origin of the page asking. */
  securityOrigin: string;
  /** The service is the one whose page is in front (common/state.ts visibleServiceId). */
  inFront: boolean;
  locked: boolean;
  userGesture: boolean;
  videoRequested: boolean;
  /** Another request is waiting for the picker or the user. */
  pickerOpen: boolean;
}

/** What main knows of the pop-up window a request comes from. */
export interface PopupFacts {
  /** The window was opened by this service's own page (or a pop-up of it), not another service's. */
  sameService: boolean;
  /** The frame is the pop-up's top frame, not an iframe inside it. */
  topFrame: boolean;
  /** The pop-up is the focused window. */
  focused: boolean;
}

export type ShareRefusal =
  | 'calls-not-allowed'
  | 'no-video'
  | 'no-frame'
  | 'not-top-frame'
  | 'foreign-origin'
  | 'not-in-front'
  | 'locked'
  | 'no-gesture'
  | 'picker-open'
  | 'other-service-popup'
  | 'popup-not-top-frame'
  | 'popup-foreign-origin'
  | 'popup-not-focused';

function allowed(raw: string, origins: readonly string[]): boolean {
  try {
    return originAllowed(new URL(raw), origins);
  } catch {
    return false;
  }
}

/** Undefined: the request may go to the picker; otherwise why it is refused at once. */
export function refuseShareRequest(facts: ShareRequestFacts): ShareRefusal | undefined {
  if (!facts.callsAllowed) return 'calls-not-allowed';
  if (!facts.videoRequested) return 'no-video';
  if (facts.frameUrl === null) return 'no-frame';
  const onOrigins = allowed(facts.frameUrl, facts.origins) && allowed(facts.securityOrigin, facts.origins);
  const popup = facts.popup;
  if (popup === undefined) {
    if (!facts.topFrame) return 'not-top-frame';
    if (!onOrigins) return 'foreign-origin';
    if (facts.locked) return 'locked';
    if (!facts.inFront) return 'not-in-front';
  } else {
    if (!popup.sameService) return 'other-service-popup';
    if (!popup.topFrame) return 'popup-not-top-frame';
    if (!onOrigins) return 'popup-foreign-origin';
    if (facts.locked) return 'locked';
    if (!popup.focused) return 'popup-not-focused';
  }
  if (!facts.userGesture) return 'no-gesture';
  if (facts.pickerOpen) return 'picker-open';
  return undefined;
}

/** What a granted share carries: the source (Electron's `{ id, name }` video stream), and the system's sound or not. */
export interface ShareGrant {
  video: { id: string; name: string };
  audio?: 'loopback';
}

/**
 * The grant for the user's answer, or undefined when the id is not one of `offered` (the shell cannot pick a
 * source main did not offer in this request). `audio`: whether the offer included sound (asked and possible) and
 * the user kept it on.
 */
export function grantFor(offered: readonly { id: string; name: string }[], sourceId: string, audio: { offered: boolean; chosen: boolean }): ShareGrant | undefined {
  const source = offered.find((s) => s.id === sourceId);
  if (source === undefined) return undefined;
  const video = { id: source.id, name: source.name };
  return audio.offered && audio.chosen ? { video, audio: 'loopback' } : { video };
}
