/**
 * The platform catalog: every messenger Wasl can host, what it may navigate to, and what it supports.
 * Facts follow ../shared/platform-dom.md. Pure data and pure functions only.
 */
import {
  siApple,
  siDiscord,
  siGooglemessages,
  siInstagram,
  siKakaotalk,
  siLine,
  siMessenger,
  siSignal,
  siTelegram,
  siViber,
  siWechat,
  siWhatsapp,
} from 'simple-icons';
import type { PlatformId } from './model';

export interface PlatformIcon {
  /** SVG path data on a 24×24 view box. */
  path: string;
  /** Brand colour, `#rrggbb`. */
  color: string;
}

/**
 * How the service's session presents itself. `chrome` is the user agent of a current desktop Chrome on the
 * host OS with every Electron and app token removed: WhatsApp, Messenger, Instagram and Google sign-in refuse
 * anything else.
 */
export type UserAgentPolicy = 'chrome';

export interface PlatformSupport {
  /** An unread count is available (at least from the page title). */
  unread: boolean;
  /** The connector can read the list of chats. */
  chatList: boolean;
  /** A chat can be opened by navigating to a URL (otherwise by clicking its row). */
  openChatByUrl: boolean;
  /** The page raises web notifications Wasl can capture. */
  notifications: boolean;
}

export interface Platform {
  id: PlatformId;
  name: string;
  /** Where a new service starts. Custom services use the URL the user gave. */
  startUrl: string;
  /**
   * Origins the service may navigate to and open sign-in popups on. `https://*.example.com` matches every
   * subdomain of example.com (not example.com itself).
   */
  origins: readonly string[];
  /** URL prefixes (origin + path) of the platform's sign-in pages: being there means "logged out". */
  signInPrefixes: readonly string[];
  userAgent: UserAgentPolicy;
  icon: PlatformIcon;
  supports: PlatformSupport;
  /** Listed first in the "add a service" grid and in the first-start guide. */
  popular: boolean;
}

export interface UnavailablePlatform {
  id: 'viber' | 'line' | 'kakaotalk' | 'signal' | 'apple-business' | 'skype' | 'pinngle';
  name: string;
  icon: PlatformIcon;
  /** Why it cannot be hosted, in plain English (the UI shows a translated text keyed by id). */
  reason: string;
}

const icon = (si: { path: string; hex: string }): PlatformIcon => ({ path: si.path, color: `#${si.hex}` });

/** A speech bubble with a hash sign: Wasl's own neutral glyph (Slack's logo is not in the open icon set). */
const SLACK_GLYPH: PlatformIcon = {
  path:
    'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm5.2 3-.4 2.2H7v1.6h1.5l-.3 1.6H6.5V13h1.4l-.4 2h1.6l.4-2h1.6l-.4 2h1.6l.4-2H14v-1.6h-1.1l.3-1.6H15V8.2h-1.5l.4-2.2h-1.6l-.4 2.2h-1.6l.4-2.2zm.9 3.8h1.6l-.3 1.6H9.8z',
  color: '#611f69',
};

/** A globe: any web messenger the user adds by URL. */
/** A plain speech bubble, for the discontinued platforms that have no icon of their own to show. */
const GONE_GLYPH: PlatformIcon = {
  path: 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z',
  color: '#8a94a3',
};

const CUSTOM_GLYPH: PlatformIcon = {
  path:
    'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm6.9 6h-3a15.7 15.7 0 0 0-1.4-3.6A8 8 0 0 1 18.9 8zM12 4a13.9 13.9 0 0 1 1.9 4h-3.8A13.9 13.9 0 0 1 12 4zM4.3 14a8.2 8.2 0 0 1 0-4h3.4a16.5 16.5 0 0 0 0 4zm.8 2h3a15.7 15.7 0 0 0 1.4 3.6A8 8 0 0 1 5.1 16zm3-8h-3a8 8 0 0 1 4.4-3.6A15.7 15.7 0 0 0 8.1 8zM12 20a13.9 13.9 0 0 1-1.9-4h3.8A13.9 13.9 0 0 1 12 20zm2.3-6H9.7a14.6 14.6 0 0 1 0-4h4.6a14.6 14.6 0 0 1 0 4zm.2 5.6a15.7 15.7 0 0 0 1.4-3.6h3a8 8 0 0 1-4.4 3.6zm1.8-5.6a16.5 16.5 0 0 0 0-4h3.4a8.2 8.2 0 0 1 0 4z',
  color: '#5b6b7f',
};

const ALL_SUPPORT: PlatformSupport = { unread: true, chatList: true, openChatByUrl: true, notifications: true };

export const PLATFORMS: Readonly<Record<PlatformId, Platform>> = {
  whatsapp: {
    id: 'whatsapp',
    name: 'WhatsApp',
    startUrl: 'https://web.whatsapp.com/',
    origins: ['https://web.whatsapp.com'],
    signInPrefixes: [],
    userAgent: 'chrome',
    icon: icon(siWhatsapp),
    supports: ALL_SUPPORT,
    popular: true,
  },
  messenger: {
    id: 'messenger',
    name: 'Messenger',
    // messenger.com redirects to facebook.com/messages since April 2026; both are read.
    startUrl: 'https://www.facebook.com/messages/',
    origins: ['https://www.messenger.com', 'https://messenger.com', 'https://www.facebook.com', 'https://web.facebook.com'],
    signInPrefixes: ['https://www.messenger.com/login', 'https://www.facebook.com/login', 'https://web.facebook.com/login'],
    userAgent: 'chrome',
    icon: icon(siMessenger),
    supports: ALL_SUPPORT,
    popular: true,
  },
  instagram: {
    id: 'instagram',
    name: 'Instagram',
    startUrl: 'https://www.instagram.com/direct/inbox/',
    origins: ['https://www.instagram.com', 'https://instagram.com', 'https://www.facebook.com'],
    signInPrefixes: ['https://www.instagram.com/accounts/login'],
    userAgent: 'chrome',
    icon: icon(siInstagram),
    // Its threads are buttons without links: a chat opens by clicking its row.
    supports: { ...ALL_SUPPORT, openChatByUrl: false },
    popular: true,
  },
  telegram: {
    id: 'telegram',
    name: 'Telegram',
    startUrl: 'https://web.telegram.org/k/',
    origins: ['https://web.telegram.org'],
    signInPrefixes: [],
    userAgent: 'chrome',
    icon: icon(siTelegram),
    supports: ALL_SUPPORT,
    popular: true,
  },
  'google-messages': {
    id: 'google-messages',
    name: 'Google Messages',
    startUrl: 'https://messages.google.com/web/conversations',
    origins: ['https://messages.google.com', 'https://accounts.google.com', 'https://accounts.youtube.com'],
    signInPrefixes: ['https://messages.google.com/web/authentication', 'https://accounts.google.com/'],
    userAgent: 'chrome',
    icon: icon(siGooglemessages),
    supports: ALL_SUPPORT,
    popular: false,
  },
  wechat: {
    id: 'wechat',
    name: 'WeChat',
    startUrl: 'https://web.wechat.com/',
    origins: ['https://web.wechat.com', 'https://*.wechat.com', 'https://wx.qq.com', 'https://*.wx.qq.com', 'https://wx2.qq.com'],
    signInPrefixes: [],
    userAgent: 'chrome',
    icon: icon(siWechat),
    supports: { ...ALL_SUPPORT, openChatByUrl: false },
    popular: false,
  },
  discord: {
    id: 'discord',
    name: 'Discord',
    startUrl: 'https://discord.com/app',
    origins: ['https://discord.com', 'https://*.discord.com', 'https://discordapp.com'],
    signInPrefixes: ['https://discord.com/login'],
    userAgent: 'chrome',
    icon: icon(siDiscord),
    supports: ALL_SUPPORT,
    popular: false,
  },
  slack: {
    id: 'slack',
    name: 'Slack',
    startUrl: 'https://app.slack.com/client',
    origins: ['https://app.slack.com', 'https://slack.com', 'https://*.slack.com'],
    signInPrefixes: ['https://slack.com/signin', 'https://slack.com/workspace-signin', 'https://app.slack.com/signin'],
    userAgent: 'chrome',
    icon: SLACK_GLYPH,
    // The sidebar's rows are opened by a click, as the web client itself does.
    supports: { ...ALL_SUPPORT, openChatByUrl: false },
    popular: false,
  },
  custom: {
    id: 'custom',
    name: 'Custom',
    startUrl: '',
    origins: [],
    signInPrefixes: [],
    userAgent: 'chrome',
    icon: CUSTOM_GLYPH,
    supports: { unread: true, chatList: false, openChatByUrl: false, notifications: true },
    popular: false,
  },
};

export const UNAVAILABLE_PLATFORMS: readonly UnavailablePlatform[] = [
  {
    id: 'viber',
    name: 'Viber',
    icon: icon(siViber),
    reason: 'Viber has no web client: it only runs as a phone or desktop app.',
  },
  {
    id: 'line',
    name: 'LINE',
    icon: icon(siLine),
    reason: 'LINE runs in a browser only as a Chrome extension, which cannot be hosted as a web page.',
  },
  {
    id: 'kakaotalk',
    name: 'KakaoTalk',
    icon: icon(siKakaotalk),
    reason: 'KakaoTalk has no web client: it only runs as a phone or desktop app.',
  },
  {
    id: 'signal',
    name: 'Signal',
    icon: icon(siSignal),
    reason: 'Signal has no web client by design: it only links its own desktop app.',
  },
  {
    id: 'apple-business',
    name: 'Apple Messages for Business',
    icon: icon(siApple),
    reason: 'Apple Messages for Business is answered through a registered messaging provider, not a web client.',
  },
  {
    id: 'skype',
    name: 'Skype',
    icon: GONE_GLYPH,
    reason: 'Skype was retired in May 2025: Microsoft moved its users to Teams.',
  },
  {
    id: 'pinngle',
    name: 'Pinngle',
    icon: GONE_GLYPH,
    reason: 'Pinngle is discontinued: its apps and service are gone.',
  },
];

/** The catalog in display order: popular platforms first, then the rest, custom last. */
export const CATALOG_ORDER: readonly PlatformId[] = [
  'whatsapp',
  'messenger',
  'instagram',
  'telegram',
  'google-messages',
  'wechat',
  'discord',
  'slack',
  'custom',
];

export type CustomUrlError = 'empty' | 'invalid' | 'not-https' | 'credentials' | 'no-host';

/**
 * Validates a custom service address. Accepts a bare host ("chat.example.com") by assuming https; refuses every
 * other scheme, addresses with a user name or password in them, and hosts without a dot (intranet names, typos).
 */
export function parseCustomUrl(raw: string): { ok: true; url: string } | { ok: false; error: CustomUrlError } {
  const text = raw.trim();
  if (text === '') return { ok: false, error: 'empty' };
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, error: 'invalid' };
  }
  if (url.protocol !== 'https:') return { ok: false, error: 'not-https' };
  if (url.username !== '' || url.password !== '') return { ok: false, error: 'credentials' };
  if (!url.hostname.includes('.') || url.hostname.endsWith('.')) return { ok: false, error: 'no-host' };
  return { ok: true, url: url.href };
}

/** The origins a service may stay on: the catalog's, or the custom URL's own origin. */
export function serviceOrigins(platform: PlatformId, customUrl?: string): readonly string[] {
  if (platform !== 'custom') return PLATFORMS[platform].origins;
  if (customUrl === undefined) return [];
  try {
    return [new URL(customUrl).origin];
  } catch {
    return [];
  }
}

/** Where a service starts: the catalog's start URL, or the custom URL. */
export function serviceStartUrl(platform: PlatformId, customUrl?: string): string | undefined {
  if (platform !== 'custom') return PLATFORMS[platform].startUrl;
  return customUrl;
}

/**
 * Whether a parsed URL's origin is one of `origins`. Compares parsed origins, never strings with prefixes, so
 * `https://web.whatsapp.com.evil.example` and `https://web.whatsapp.com@evil.example` do not match.
 */
export function originAllowed(url: URL, origins: readonly string[]): boolean {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (url.username !== '' || url.password !== '') return false;
  for (const pattern of origins) {
    const wildcard = /^(https?):\/\/\*\.(.+)$/.exec(pattern);
    if (wildcard) {
      const [, scheme, suffix] = wildcard;
      if (url.protocol === `${scheme}:` && url.port === '' && url.hostname.endsWith(`.${suffix}`)) return true;
    } else if (url.origin === pattern) {
      return true;
    }
  }
  return false;
}

/** A default display name for a new account: "WhatsApp", then "WhatsApp 2", "WhatsApp 3"… */
export function defaultServiceName(base: string, taken: readonly string[]): string {
  const names = new Set(taken.map((n) => n.trim().toLocaleLowerCase()));
  if (!names.has(base.toLocaleLowerCase())) return base;
  for (let i = 2; ; i += 1) {
    const candidate = `${base} ${i}`;
    if (!names.has(candidate.toLocaleLowerCase())) return candidate;
  }
}
