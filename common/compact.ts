/**
 * Compact view: a service page's own chat-list pane hidden, since Wasl shows its own list beside the page. The one
 * rule that main (which hides the pane) and the shell (whose control says whether it can) both follow, the
 * attribute the page's agent puts on the one pane it found, and the stylesheet main inserts into the page.
 *
 * A pane is hidden only while its hook matches exactly one element: none means the page changed (or is not signed
 * in), several mean the hook no longer tells the pane apart, and hiding on a guess could blank the page. Nor is it
 * hidden while Wasl reads no chats from the page: the page's own list would then be the only one up to date.
 */
import type { ConnectorHealth, PlatformId } from './model';

/** The attribute the agent sets on the one element the pane hook matched (and removes from any other). */
export const PANE_ATTRIBUTE = 'data-wasl-list-pane';

/** A health report counts the pane's matches up to this many: more are "several" all the same. */
export const MAX_PANE_MATCHES = 10;

/**
 * Whether the page's pane can be hidden now: `available`, its hook matched exactly one element and Wasl reads
 * chats from the page; `no-pane`, the connector knows no pane on this platform (or the service is a custom page,
 * which only its title is read from); `not-once`, the pane was not found exactly once, or the page has not reported
 * yet; `not-read`, the pane was found but Wasl reads no chats from the page (it changed under the reader), so the
 * page's own list is the only one that is up to date.
 */
export type CompactAvailability = 'available' | 'no-pane' | 'not-once' | 'not-read';

export function compactAvailability(platform: PlatformId, health: ConnectorHealth | undefined): CompactAvailability {
  if (platform === 'custom') return 'no-pane';
  if (health === undefined) return 'not-once';
  if (health.listPane === undefined) return 'no-pane';
  if (health.listPane !== 1) return 'not-once';
  return health.chats > 0 ? 'available' : 'not-read';
}

/** The service's choices the rule reads. */
export interface CompactChoice {
  platform: PlatformId;
  enabled: boolean;
  compact?: boolean;
}

/**
 * The rule: the page's pane is hidden exactly when compact view is on, the pane was found exactly once and Wasl
 * reads the page's chats.
 */
export function paneHidden(service: CompactChoice, health: ConnectorHealth | undefined): boolean {
  return service.enabled && service.compact === true && compactAvailability(service.platform, health) === 'available';
}

/**
 * What main inserts into the page (as a user stylesheet, which the page's own `!important` rules and its
 * Content-Security-Policy cannot undo). The pane leaves the layout, so the conversation beside it takes its room,
 * but keeps a size of its own and stays rendered: a virtualised list still lays out its rows, so Wasl goes on
 * reading them and can still open a chat by its row. Unseen, it takes no clicks and no focus, and nothing inside
 * it can show through (a clip covers descendants that set their own visibility or pointer events).
 */
export const PANE_CSS = `[${PANE_ATTRIBUTE}] {
  position: fixed !important;
  inset-block-start: 0 !important;
  inset-inline-start: 0 !important;
  inline-size: min(420px, 40vw) !important;
  block-size: 100vh !important;
  margin: 0 !important;
  visibility: hidden !important;
  pointer-events: none !important;
  clip-path: inset(50%) !important;
  z-index: -1 !important;
}`;
