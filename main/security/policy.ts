/**
 * Security decisions for service views, as pure functions of a URL and the service's allowed origins.
 * Every URL is parsed with `new URL()` and compared by origin; nothing is matched as a string prefix.
 */
import { originAllowed } from '../../common/catalog';

/** Schemes the default browser/mail client may receive. Everything else is refused. */
const EXTERNAL_SCHEMES = new Set(['https:', 'http:', 'mailto:']);

function parse(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

/**
 * Whether `raw` may be handed to the OS (`shell.openExternal`): http, https or mailto only, well formed, with no
 * user name or password in it (the `https://bank.example@evil.example` trick).
 */
export function externalUrl(raw: string): string | undefined {
  const url = parse(raw);
  if (!url || !EXTERNAL_SCHEMES.has(url.protocol)) return undefined;
  if (url.protocol !== 'mailto:') {
    if (url.username !== '' || url.password !== '' || url.hostname === '') return undefined;
  }
  return url.href;
}

export type NavigationDecision =
  /** Stay in the view. */
  | { action: 'allow' }
  /** Cancel in the view and open this URL in the default browser or mail client. */
  | { action: 'external'; url: string }
  /** Cancel and do nothing else. */
  | { action: 'deny' };

/** A top-level navigation inside a service view (`will-navigate`, `will-redirect`). */
export function decideNavigation(raw: string, origins: readonly string[]): NavigationDecision {
  const url = parse(raw);
  if (!url) return { action: 'deny' };
  if (originAllowed(url, origins)) return { action: 'allow' };
  const external = externalUrl(raw);
  return external ? { action: 'external', url: external } : { action: 'deny' };
}

export type WindowOpenDecision =
  /** Open a child window on the same session (a sign-in popup of the platform's own origins). */
  | { action: 'child' }
  | { action: 'external'; url: string }
  | { action: 'deny' };

/**
 * `window.open` and target=_blank links from a service page. The platform's own origins and `about:blank` (sign-in
 * flows open a blank popup and then navigate it; the child keeps these same policies) open in a child window;
 * other web and mail links go to the default browser; every other scheme is refused.
 */
export function decideWindowOpen(raw: string, origins: readonly string[]): WindowOpenDecision {
  if (raw === 'about:blank' || raw === '') return { action: 'child' };
  const url = parse(raw);
  if (!url) return { action: 'deny' };
  if (originAllowed(url, origins)) return { action: 'child' };
  const external = externalUrl(raw);
  return external ? { action: 'external', url: external } : { action: 'deny' };
}

export interface PermissionQuery {
  permission: string;
  /** The origin or URL asking (request handler: `details.requestingUrl`; check handler: `requestingOrigin`). */
  requestingUrl: string;
  /** The page's top frame asks, not an iframe or a worker. */
  isMainFrame: boolean;
  /** For `media`: which devices (`audio`, `video`); empty when unknown. */
  mediaTypes: readonly string[];
}

export interface PermissionGrants {
  origins: readonly string[];
  /** The user allowed calls (camera and microphone) for this service. */
  callsAllowed: boolean;
}

/**
 * For the service's own origins only: notifications (to its main frame alone: a frame inside the page, even of
 * the same origin, never notifies), copying to the clipboard (copy buttons) and full screen (videos); camera and
 * microphone too when the user enabled calls for the service. Everything else (geolocation, MIDI, USB, screen
 * capture, clipboard reads, pointer lock, storage access…) denied.
 */
export function decidePermission(query: PermissionQuery, grants: PermissionGrants): boolean {
  const url = parse(query.requestingUrl);
  if (!url || !originAllowed(url, grants.origins)) return false;
  switch (query.permission) {
    case 'notifications':
      return query.isMainFrame;
    case 'clipboard-sanitized-write':
    case 'fullscreen':
      return true;
    case 'media':
      return grants.callsAllowed && query.mediaTypes.every((t) => t === 'audio' || t === 'video');
    default:
      return false;
  }
}

/** The shell (`app://wasl/…`) never navigates away: any attempt is refused, web links open externally. */
export function decideShellNavigation(raw: string, shellOrigin: { protocol: string; host: string }): NavigationDecision {
  const url = parse(raw);
  if (url && url.protocol === shellOrigin.protocol && url.host === shellOrigin.host) return { action: 'allow' };
  const external = externalUrl(raw);
  return external ? { action: 'external', url: external } : { action: 'deny' };
}
