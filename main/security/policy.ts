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

/**
 * Whether main may fetch a picture a page names (a notification's icon, a chat's avatar), and its address as main
 * fetches it: https only, no user name or password, and not the user's own computer or network — no loopback
 * (127/8, ::1, `localhost`, `*.localhost`), unspecified (0/8, ::), private (10/8, 172.16/12, 192.168/16, fc00::/7)
 * or link-local (169.254/16, fe80::/10) address, IPv4 ones also written inside IPv6. Hosts are judged as the URL
 * parser writes them (it turns `0x7f.1` into `127.0.0.1`); a name that resolves to such an address is not caught.
 */
export function fetchableImageUrl(raw: string): string | undefined {
  const url = parse(raw);
  if (!url || url.protocol !== 'https:' || url.username !== '' || url.password !== '') return undefined;
  const host = url.hostname.replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return undefined;
  const local = host.startsWith('[') ? localIpv6(host.slice(1, -1)) : localIpv4(host);
  return local ? undefined : url.href;
}

/** Whether a host is a dotted IPv4 address on this computer or its network; false for a name. */
function localIpv4(host: string): boolean {
  const match = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(host);
  return match ? localOctets(Number(match[1]), Number(match[2])) : false;
}

/** 0/8, 10/8, 127/8, 169.254/16, 172.16/12 and 192.168/16, from an address's first two octets. */
function localOctets(a: number, b: number): boolean {
  return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/** Whether an IPv6 address (as the URL parser writes it, without brackets) is on this computer or its network. */
function localIpv6(text: string): boolean {
  const groups = ipv6Groups(text);
  // What cannot be read is not fetched.
  if (!groups) return true;
  const [g0 = 0, , , , , g5 = 0, g6 = 0] = groups;
  const zeros = (n: number): boolean => groups.slice(0, n).every((g) => g === 0);
  // ::, ::1 and the old IPv4-compatible ::a.b.c.d.
  if (zeros(6)) return true;
  // IPv4-mapped ::ffff:a.b.c.d.
  if (zeros(5) && g5 === 0xffff) return localOctets(g6 >> 8, g6 & 0xff);
  return (g0 & 0xfe00) === 0xfc00 || (g0 & 0xffc0) === 0xfe80;
}

/** The eight 16-bit groups of an IPv6 address written in hexadecimal groups, `::` allowed once. */
function ipv6Groups(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const read = (part: string | undefined): number[] => (part === undefined || part === '' ? [] : part.split(':').map((g) => (/^[0-9a-f]{1,4}$/i.test(g) ? parseInt(g, 16) : NaN)));
  const head = read(halves[0]);
  const tail = read(halves[1]);
  const gap = 8 - head.length - tail.length;
  if (halves.length === 1 ? gap !== 0 : gap < 1) return undefined;
  const groups = [...head, ...new Array<number>(halves.length === 1 ? 0 : gap).fill(0), ...tail];
  return groups.every((g) => !Number.isNaN(g)) ? groups : undefined;
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
  /** For `media`: which devices (`audio`, `video`); for `display-capture`: the screen's video and its sound. Empty when unknown. */
  mediaTypes: readonly string[];
}

export interface PermissionGrants {
  origins: readonly string[];
  /** The user allowed calls (camera and microphone) for this service. */
  callsAllowed: boolean;
  /** A screen share may start now: the service is in front, Wasl unlocked, no picker open (main/core/screen-share). */
  screenCapture?: boolean;
}

/**
 * For the service's own origins only: notifications (to its main frame alone: a frame inside the page, even of
 * the same origin, never notifies), copying to the clipboard (copy buttons) and full screen (videos); camera and
 * microphone too when the user enabled calls for the service. Everything else (geolocation, MIDI, USB, clipboard
 * reads, pointer lock, storage access…) denied.
 *
 * Screen capture is `display-capture` (Electron 45 and later: electron/electron#52824 and the typings of
 * `setPermissionRequestHandler`; before, it came as a `media` request naming no device, which is now refused). Electron
 * asks it alike for `getDisplayMedia` and for the legacy desktop `getUserMedia` (`chromeMediaSource`), and the legacy
 * one, once granted, captures the whole screen with no picker. So it is granted only to the service's top frame while
 * `screenCapture` holds, and only with video (a `getDisplayMedia` always asks video; sound alone is the legacy
 * capture of the system's sound); the picker then checks that the grant was used by `getDisplayMedia`
 * (main/core/screen-share/picker.ts `granted`).
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
      return grants.callsAllowed && query.mediaTypes.length > 0 && query.mediaTypes.every((t) => t === 'audio' || t === 'video');
    case 'display-capture':
      return (
        grants.callsAllowed &&
        query.isMainFrame &&
        grants.screenCapture === true &&
        query.mediaTypes.includes('video') &&
        query.mediaTypes.every((t) => t === 'audio' || t === 'video')
      );
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
