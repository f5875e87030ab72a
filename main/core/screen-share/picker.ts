/**
 * The screen-share picker's broker: a page's `getDisplayMedia` request comes in (main/electron/screen-share.ts),
 * is checked (./rules.ts) and refused at once, or the screens and windows are fetched and offered to the shell
 * (AppState.screenShare); the user's answer comes back as the `screenShare.answer` command.
 *
 * Every request is answered exactly once: with the chosen source, or with nothing when it was refused, the user
 * cancelled, the sources could not be read, SCREEN_SHARE_LIMITS.timeoutMs went by, Wasl locked, the service left the
 * front, lost its calls permission or was removed, or its page went away (closed, navigated, crashed).
 *
 * A request from a service's call pop-up (./rules.ts) brings Wasl's window forward while it waits, since the picker
 * is shown there, and gives the focus back to the pop-up once answered (not while Wasl is locked); leaving the front does not end its wait
 * (its service need not be in front), the pop-up closing or navigating does.
 *
 * The session's screen-capture permission comes first (main/security/policy.ts): `mayAsk` says whether it may be
 * granted now, and `granted` then waits for the `getDisplayMedia` request it should lead to. Electron grants that
 * permission alike to the legacy desktop `getUserMedia`, which captures the whole screen with no request and no
 * picker: a grant that no request follows is such a capture, and its page is stopped.
 */
import type { CommandResult } from '../../../common/ipc';
import { serviceOrigins } from '../../../common/catalog';
import { SCREEN_SHARE_LIMITS, type ScreenSource } from '../../../common/screen-share';
import { visibleServiceId, type AppState } from '../../../common/state';
import { addNotice, type AppStore } from '../app/app-store';
import type { DesktopPort } from '../app/menu-commands';
import type { Clock, Logger, TimerHandle } from '../app/ports';
import { grantFor, refuseShareRequest, type PopupFacts, type ShareGrant } from './rules';

/** The pop-up window a request comes from, as the Electron adapter reads it. */
export interface PopupAsk extends PopupFacts {
  /** Gives the focus back to the pop-up window, when it is still there. */
  refocus(): void;
}

/** A `getDisplayMedia` request as the Electron adapter reads it. */
export interface ShareAsk {
  serviceId: string;
  /** The requesting frame's address; null when Electron no longer has the frame. */
  frameUrl: string | null;
  /** The frame is the top frame of the service's own view. */
  topFrame: boolean;
  securityOrigin: string;
  userGesture: boolean;
  videoRequested: boolean;
  audioRequested: boolean;
  /** Set when the frame is in a pop-up window a service's page opened. */
  popup?: PopupAsk;
  /** The asking page's contents id: pageGone with another id leaves the request waiting. */
  pageId?: number;
}

/** The page asking the session's screen-capture permission: the service's own view, or one of its pop-ups. */
export type CapturePage = { view: true } | { view: false; contentsId: number };

/**
 * How long a granted screen-capture permission may wait for its `getDisplayMedia` request. In Electron 45 the
 * request comes within the grant's own call (electron_permission_manager.cc OnPermissionResponse runs the callback,
 * whose MediaAccessAllowed calls electron_browser_context.cc ChooseDisplayMediaDevice, which runs the handler); the
 * margin keeps a later Electron that posts it from stopping a real share.
 */
export const PICKER_GRACE_MS = 250;

/** Electron's callback: a grant, or null to refuse. */
export type ShareAnswer = (grant: ShareGrant | null) => void;

/** Why a page's request went away unanswered by the user. */
export type PageGone = 'closed' | 'navigated' | 'crashed';

export interface ScreenSharePickerDeps {
  store: AppStore;
  clock: Clock;
  log: Logger;
  newId(): string;
  /** The screens and windows that can be shared now, with their pictures (desktopCapturer, bounded). */
  sources(): Promise<ScreenSource[]>;
  /** Whether the computer's sound can be shared with a screen here (Electron: Windows only). */
  audioSupported: boolean;
  /** Brings Wasl's window forward: a pop-up's request shows its picker there. */
  window?: Pick<DesktopPort, 'revealWindow'>;
  /** Whether the pop-up window of contents `contentsId`, which the service's page opened, is the focused window. */
  popupFocused?(serviceId: string, contentsId: number): boolean;
}

interface Pending {
  requestId: string;
  serviceId: string;
  /** Sound may be offered: the page asked for it and the system can. */
  audio: boolean;
  /** Undefined while they are being fetched. */
  sources?: ScreenSource[];
  answer: ShareAnswer;
  timer?: TimerHandle;
  popup?: PopupAsk;
  pageId?: number;
}

/** A screen-capture permission granted and not yet followed by its request. */
interface Unverified {
  serviceId: string;
  stop(): void;
  timer: TimerHandle;
}

export class ScreenSharePicker {
  private pending: Pending | undefined;
  private unverified: Unverified | undefined;

  constructor(private readonly deps: ScreenSharePickerDeps) {
    deps.store.subscribe((state) => this.watch(state));
  }

  /**
   * Whether the service's `page` may start a share now: calls allowed; its view with the service in front, or its
   * pop-up focused; Wasl unlocked; no picker open and no grant waiting for its request. Its session's screen-capture
   * permission follows this (Electron asks it before the request itself).
   */
  mayAsk(serviceId: string, page: CapturePage): boolean {
    const state = this.deps.store.getState();
    const service = state.services.find((s) => s.id === serviceId);
    const front = page.view ? visibleServiceId(state) === serviceId : this.deps.popupFocused?.(serviceId, page.contentsId) === true;
    return service?.callsAllowed === true && front && state.lock?.locked !== true && this.pending === undefined && this.unverified === undefined;
  }

  /**
   * The service's session was just granted the screen-capture permission; `stop` ends the page it was granted to.
   * Its `getDisplayMedia` request must follow within PICKER_GRACE_MS; if none does, the grant went to a capture
   * that skips the picker: the page is stopped (its capture with it) and the user told.
   */
  granted(serviceId: string, stop: () => void): void {
    if (this.unverified !== undefined) this.capturedWithoutPicker(this.unverified);
    const unverified: Unverified = {
      serviceId,
      stop,
      timer: this.deps.clock.setTimeout(() => {
        if (this.unverified === unverified) this.capturedWithoutPicker(unverified);
      }, PICKER_GRACE_MS),
    };
    this.unverified = unverified;
  }

  /** A page asks to share the screen; `answer` is called exactly once. */
  request(ask: ShareAsk, answer: ShareAnswer): void {
    const unverified = this.unverified;
    if (unverified?.serviceId === ask.serviceId) {
      this.unverified = undefined;
      this.deps.clock.clearTimeout(unverified.timer);
    }
    const state = this.deps.store.getState();
    const service = state.services.find((s) => s.id === ask.serviceId);
    const refusal = service
      ? refuseShareRequest({
          callsAllowed: service.callsAllowed,
          origins: serviceOrigins(service.platform, service.url),
          frameUrl: ask.frameUrl,
          topFrame: ask.topFrame,
          ...(ask.popup ? { popup: { sameService: ask.popup.sameService, topFrame: ask.popup.topFrame, focused: ask.popup.focused } } : {}),
          securityOrigin: ask.securityOrigin,
          inFront: visibleServiceId(state) === service.id,
          locked: state.lock?.locked === true,
          userGesture: ask.userGesture,
          videoRequested: ask.videoRequested,
          pickerOpen: this.pending !== undefined,
        })
      : 'unknown-service';
    if (refusal !== undefined) {
      this.deps.log.info('screen share refused', { service: ask.serviceId, reason: refusal });
      safely(answer, null, this.deps.log);
      return;
    }
    const pending: Pending = {
      requestId: this.deps.newId(),
      serviceId: ask.serviceId,
      audio: ask.audioRequested && this.deps.audioSupported,
      answer,
      ...(ask.popup ? { popup: ask.popup } : {}),
      ...(ask.pageId === undefined ? {} : { pageId: ask.pageId }),
    };
    this.pending = pending;
    if (pending.popup) this.deps.window?.revealWindow();
    pending.timer = this.deps.clock.setTimeout(() => this.settle(pending, null, 'timeout'), SCREEN_SHARE_LIMITS.timeoutMs);
    this.deps.sources().then(
      (sources) => {
        if (this.pending !== pending) return;
        pending.sources = sources;
        this.deps.store.setState({ screenShare: { requestId: pending.requestId, serviceId: pending.serviceId, sources, audio: pending.audio } });
      },
      (error: unknown) => this.settle(pending, null, 'sources-failed', String(error)),
    );
  }

  /** The user's answer (the `screenShare.answer` command): a source offered in that request, or null to cancel. */
  answer(cmd: { requestId: string; sourceId: string | null; audio: boolean }): CommandResult {
    const pending = this.pending;
    if (pending?.sources === undefined || pending.requestId !== cmd.requestId) return { ok: false, error: 'not-found' };
    if (cmd.sourceId === null) {
      this.settle(pending, null, 'cancelled');
      return { ok: true };
    }
    const grant = grantFor(pending.sources, cmd.sourceId, { offered: pending.audio, chosen: cmd.audio });
    if (grant === undefined) {
      // The picker stays open: the user can still choose one that was offered.
      this.deps.log.warn('screen share answer names a source that was not offered', { service: pending.serviceId });
      return { ok: false, error: 'invalid', detail: 'unknown-source' };
    }
    this.settle(pending, grant, 'shared');
    return { ok: true };
  }

  /**
   * The service's page (its view, or the pop-up of `pageId`) went away while its request waited: it is answered no.
   * A page other than the one that asked (the view while its pop-up asked) leaves the request waiting.
   */
  pageGone(serviceId: string, why: PageGone, pageId?: number): void {
    const pending = this.pending;
    if (pending?.serviceId !== serviceId) return;
    if (pageId !== undefined && pending.pageId !== undefined && pageId !== pending.pageId) return;
    this.settle(pending, null, why);
  }

  /** A change of state that ends the wait: Wasl locked, the service gone, its calls turned off, or not in front. */
  private watch(state: AppState): void {
    const pending = this.pending;
    if (pending === undefined) return;
    const service = state.services.find((s) => s.id === pending.serviceId);
    if (state.lock?.locked === true) this.settle(pending, null, 'locked');
    else if (!service) this.settle(pending, null, 'removed');
    else if (!service.callsAllowed) this.settle(pending, null, 'calls-not-allowed');
    else if (pending.popup === undefined && visibleServiceId(state) !== service.id) this.settle(pending, null, 'not-in-front');
  }

  private capturedWithoutPicker(unverified: Unverified): void {
    this.unverified = undefined;
    this.deps.clock.clearTimeout(unverified.timer);
    this.deps.log.warn('screen captured without the picker: page stopped', { service: unverified.serviceId });
    try {
      unverified.stop();
    } catch (error) {
      this.deps.log.warn('page that captured the screen not stopped', { service: unverified.serviceId, error: String(error) });
    }
    const service = this.deps.store.getState().services.find((s) => s.id === unverified.serviceId);
    addNotice(this.deps.store, { id: this.deps.newId(), at: this.deps.clock.now(), kind: 'capture-stopped', serviceName: service?.name ?? unverified.serviceId });
  }

  private settle(pending: Pending, grant: ShareGrant | null, outcome: string, error?: string): void {
    if (this.pending !== pending) return;
    this.pending = undefined;
    if (pending.timer !== undefined) this.deps.clock.clearTimeout(pending.timer);
    if (this.deps.store.getState().screenShare?.requestId === pending.requestId) this.deps.store.setState({ screenShare: null });
    this.deps.log.info('screen share answered', { service: pending.serviceId, outcome, ...(error === undefined ? {} : { error }) });
    safely(pending.answer, grant, this.deps.log);
    // Locked, the services' windows are hidden and stay so: focusing one could bring it on screen.
    if (pending.popup && this.deps.store.getState().lock?.locked !== true) {
      try {
        pending.popup.refocus();
      } catch (error) {
        this.deps.log.info('screen share pop-up not refocused', { error: String(error) });
      }
    }
  }
}

/** Electron's callback throws when the frame is gone by then; that is the end of the request either way. */
function safely(answer: ShareAnswer, grant: ShareGrant | null, log: Logger): void {
  try {
    answer(grant);
  } catch (error) {
    log.info('screen share answer not delivered', { error: String(error) });
  }
}
