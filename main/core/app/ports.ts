/**
 * The ports main's core is written against. Electron adapters implement them in the app; tests pass fakes, and
 * the full-flow tests pass Playwright-backed implementations.
 */
import type { Rect } from '../../../common/ipc';
import type { ServiceConfig } from '../../../common/model';

export interface TimerHandle {
  readonly __timer: unique symbol;
}

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** The service views: one per enabled service account, each on its own persistent partition. */
export interface ViewsPort {
  /** Create the service's view if it has none, and load its start page (or `resumeUrl`, one of its own pages). */
  open(service: ServiceConfig, resumeUrl?: string): void;
  /** Destroy the service's view (its storage stays); answers the address its page was at. */
  close(serviceId: string): string | undefined;
  /** Reload the page; `hard` first kills a hung renderer. Opens the view again if it was closed. */
  reload(service: ServiceConfig, hard: boolean): void;
  /** Show `serviceId`'s view in `rect` (window content coordinates, CSS pixels) and hide every other one. */
  present(serviceId: string | null, rect: Rect | null): void;
  setAudioMuted(serviceId: string, muted: boolean): void;
  /** Give the service's page the keyboard focus (nothing when it has no view). */
  focus(serviceId: string): void;
  /**
   * Hide the page's own chat-list pane (the element its agent marked, common/compact.ts) or show it again. Holds
   * across the page's reloads and the view's closing and opening, until asked otherwise.
   */
  setListPaneHidden(serviceId: string, hidden: boolean): void;
  /**
   * Show the service's pages at this zoom factor (1 = 100 %). Holds across the page's reloads and navigations and
   * the view's closing and opening, until asked otherwise.
   */
  setZoom(serviceId: string, factor: number): void;
  /** Delete everything the service's partition stored: cookies, storage, cache, service workers. */
  clearStorage(serviceId: string): Promise<void>;
  /** A message for the service's page (its preload); dropped when the service has no view. */
  send(serviceId: string, channel: string, payload?: unknown): void;
  /** The OS process id of the service page's renderer, while it has one. */
  processId(serviceId: string): number | undefined;
}

/** Node fires a timer set for longer than this at once; longer waits are made of several timers. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

interface LongTimer {
  current?: ReturnType<typeof setTimeout>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const end = Date.now() + Math.max(0, ms);
    const timer: LongTimer = {};
    const arm = (): void => {
      const left = Math.max(0, end - Date.now());
      timer.current = setTimeout(left > MAX_TIMER_MS ? arm : fn, Math.min(left, MAX_TIMER_MS));
    };
    arm();
    return timer as unknown as TimerHandle;
  },
  clearTimeout: (handle) => clearTimeout((handle as unknown as LongTimer).current),
};
