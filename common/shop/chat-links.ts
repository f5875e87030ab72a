/**
 * Chat links a shop prints on flyers and puts in its bios: what the owner enters for each platform, why an entry
 * is refused, and the link. Wasl only builds links; it never sends anything.
 *
 * The formats, as their owners document them (checked 2026-12-07):
 * - WhatsApp, "How to use click to chat" (faq.whatsapp.com): https://wa.me/<number>, the full international number
 *   without "+", zeros, brackets or dashes; ?text=<URL-encoded text> pre-fills the message.
 * - Messenger, "m.me Links" (developers.facebook.com, Messenger Platform › Discovery): https://m.me/<PAGE-NAME>;
 *   only a `ref` parameter is documented (read by the page's webhook), no pre-filled text.
 * - Instagram, "Using ig.me Links" (developers.facebook.com, Instagram Messaging): https://ig.me/m/<USERNAME>; only
 *   `ref` again, no pre-filled text.
 * - Telegram, "Deep links" › public username links (core.telegram.org/api/links): https://t.me/<username>, and
 *   ?text=<text> puts a draft in the input field when the username is a private chat with a user (TDLib's
 *   internalLinkTypePublicChat.draft_text says the same); usernames are 5-32 characters of a-z, 0-9 and _. The
 *   same page lists the t.me paths that are not usernames (share, proxy, joinchat, addlist…): a link to one of
 *   those opens something else, so they are refused.
 * So a message is offered for WhatsApp and Telegram only.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { latinDigits } from '../identity';

export const CHAT_LINK_PLATFORMS = ['whatsapp', 'messenger', 'instagram', 'telegram'] as const;
export type ChatLinkPlatform = (typeof CHAT_LINK_PLATFORMS)[number];

/** Whether a platform's link carries a pre-filled message (see the header). */
export const TAKES_MESSAGE: Record<ChatLinkPlatform, boolean> = { whatsapp: true, messenger: false, instagram: false, telegram: true };

/**
 * The longest link Wasl makes: it still fits a QR code at error correction M (2,331 bytes at most). An Arabic
 * letter takes 6 characters once percent-encoded, so this is about 300 Arabic letters or 1,900 Latin ones.
 */
export const MAX_LINK_LENGTH = 2000;

/** Why an entry makes no link. */
export type ChatLinkRefusal =
  | 'empty'
  /** A local number ("050 123 4567") with no region to read it in: the settings' "Local numbers are from" is unset. */
  | 'no-region'
  /** Not a number that exists (too short or long for its country, or an unknown country code). */
  | 'invalid-number'
  /** A Telegram username outside 5-32 characters. */
  | 'length'
  /** A character a username cannot hold (spaces, accents, Arabic letters, punctuation). */
  | 'characters'
  /** A Telegram username that starts with a digit or an underscore, or ends with an underscore. */
  | 'edges'
  /** A t.me path Telegram keeps for another kind of link (core.telegram.org/api/links), not a username. */
  | 'reserved'
  /** The message makes the link longer than MAX_LINK_LENGTH. */
  | 'message-too-long';

export type ChatLink = { ok: true; link: string; /** What the link points to, normalized ("966501234567", "shop_name"). */ target: string } | { ok: false; reason: ChatLinkRefusal };

export interface ChatLinkInput {
  platform: ChatLinkPlatform;
  /** A phone number for WhatsApp, a page name or id for Messenger, a username for Instagram and Telegram. */
  account: string;
  /** The pre-filled message; ignored where the platform takes none. */
  message?: string;
  /** Where local numbers are from (settings.defaultRegion). */
  region?: string | null;
}

/** Bidi and zero-width marks pasted along with a number or a name. */
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;

/** What a user pastes for an account: "@name", "https://t.me/name", "m.me/name/" become "name". */
function bareName(raw: string, hosts: readonly string[]): string {
  let text = raw.replace(INVISIBLE, '').trim();
  for (const host of hosts) {
    const match = new RegExp(`^(?:https?://)?(?:www\\.)?${host.replace(/\./gu, '\\.')}/([^?#]*)`, 'iu').exec(text);
    if (match) {
      text = match[1] ?? '';
      break;
    }
  }
  return text.replace(/^@/u, '').replace(/\/+$/u, '');
}

function whatsappNumber(raw: string, region: string | null | undefined): { ok: true; digits: string } | { ok: false; reason: ChatLinkRefusal } {
  let text = latinDigits(raw).replace(INVISIBLE, '').trim();
  const pasted = /^(?:https?:\/\/)?wa\.me\/(\+?\d+)/iu.exec(text);
  if (pasted) text = `+${(pasted[1] ?? '').replace(/^\+/u, '')}`;
  if (text === '') return { ok: false, reason: 'empty' };
  if (!/^[+\d\s().\-/]+$/u.test(text)) return { ok: false, reason: 'invalid-number' };
  text = text.replace(/[\s().\-/]/gu, '');
  if (text.startsWith('00')) text = `+${text.slice(2)}`;
  if (!/^\+?\d+$/u.test(text)) return { ok: false, reason: 'invalid-number' };
  let phone;
  if (text.startsWith('+')) phone = parsePhoneNumberFromString(text);
  else if (region !== null && region !== undefined && /^[A-Z]{2}$/u.test(region)) phone = parsePhoneNumberFromString(text, region as CountryCode);
  else return { ok: false, reason: 'no-region' };
  return phone?.isValid() === true ? { ok: true, digits: phone.number.slice(1) } : { ok: false, reason: 'invalid-number' };
}

/**
 * The t.me paths of 5 letters or more that Telegram's "Deep links" page lists as not usernames (its disallowed
 * t.me subdomains, checked 2026-12-07); the shorter ones are refused by length already.
 */
const TELEGRAM_RESERVED: ReadonlySet<string> = new Set([
  'addemoji', 'addlist', 'addstickers', 'addstyle', 'addtheme', 'auction', 'boost', 'confirmphone', 'contact',
  'giftcode', 'invoice', 'joinchat', 'login', 'proxy', 'setlanguage', 'share', 'socks',
]);

/** A Telegram username: 5-32 of a-z, A-Z, 0-9 and _, starting with a letter, not ending with _, not a reserved path. */
function telegramName(name: string): ChatLinkRefusal | undefined {
  if (name === '') return 'empty';
  if (!/^[A-Za-z0-9_]+$/u.test(name)) return 'characters';
  if (name.length < 5 || name.length > 32) return 'length';
  if (!/^[A-Za-z]/u.test(name) || name.endsWith('_')) return 'edges';
  if (TELEGRAM_RESERVED.has(name.toLowerCase())) return 'reserved';
  return undefined;
}

/** An Instagram username: up to 30 of letters, digits, "." and "_". */
function instagramName(name: string): ChatLinkRefusal | undefined {
  if (name === '') return 'empty';
  if (!/^[A-Za-z0-9._]+$/u.test(name)) return 'characters';
  if (name.length > 30) return 'length';
  return undefined;
}

/** A Facebook Page's username (letters, digits and ".", at least 5) or its numeric id. */
function messengerName(name: string): ChatLinkRefusal | undefined {
  if (name === '') return 'empty';
  if (/^\d+$/u.test(name)) return undefined;
  if (!/^[A-Za-z0-9.]+$/u.test(name)) return 'characters';
  if (name.length < 5 || name.length > 50) return 'length';
  return undefined;
}

/** The query that pre-fills a message: "?text=" and the text percent-encoded as UTF-8, or nothing. */
function textQuery(message: string | undefined): string {
  if (message === undefined || message.trim() === '') return '';
  return `?text=${encodeURIComponent(message.normalize('NFC'))}`;
}

/** The link for an entry, or why there is none. */
export function buildChatLink(input: ChatLinkInput): ChatLink {
  const made = linkFor(input);
  return made.ok && made.link.length > MAX_LINK_LENGTH ? { ok: false, reason: 'message-too-long' } : made;
}

function linkFor(input: ChatLinkInput): ChatLink {
  const message = TAKES_MESSAGE[input.platform] ? input.message : undefined;
  // A lone surrogate cannot be encoded (encodeURIComponent throws): it is dropped, as the text box would show nothing for it.
  const text = message?.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu, '');
  switch (input.platform) {
    case 'whatsapp': {
      const number = whatsappNumber(input.account, input.region);
      if (!number.ok) return number;
      return { ok: true, target: number.digits, link: `https://wa.me/${number.digits}${textQuery(text)}` };
    }
    case 'telegram': {
      const name = bareName(input.account, ['t.me', 'telegram.me']);
      const reason = telegramName(name);
      if (reason !== undefined) return { ok: false, reason };
      return { ok: true, target: name, link: `https://t.me/${name}${textQuery(text)}` };
    }
    case 'instagram': {
      const name = bareName(input.account, ['ig.me/m', 'instagram.com']);
      const reason = instagramName(name);
      if (reason !== undefined) return { ok: false, reason };
      return { ok: true, target: name, link: `https://ig.me/m/${name}` };
    }
    case 'messenger': {
      const name = bareName(input.account, ['m.me', 'facebook.com', 'fb.com']);
      const reason = messengerName(name);
      if (reason !== undefined) return { ok: false, reason };
      return { ok: true, target: name, link: `https://m.me/${name}` };
    }
  }
}

/** What encodeURIComponent leaves in a message: unreserved characters and percent escapes. */
const ENCODED = "(?:[A-Za-z0-9\\-_.!~*'()]|%[0-9A-F]{2})+";
const LINK_SHAPES = [
  new RegExp(`^https://wa\\.me/\\d{6,15}(?:\\?text=${ENCODED})?$`, 'u'),
  new RegExp(`^https://t\\.me/[A-Za-z][A-Za-z0-9_]{3,30}[A-Za-z0-9](?:\\?text=${ENCODED})?$`, 'u'),
  /^https:\/\/ig\.me\/m\/[A-Za-z0-9._]{1,30}$/u,
  /^https:\/\/m\.me\/(?:\d+|[A-Za-z0-9.]{5,50})$/u,
];

/** Whether a text has the shape of a link buildChatLink makes (what main accepts to save as a QR code). */
export function isChatLink(text: string): boolean {
  return text.length <= MAX_LINK_LENGTH && LINK_SHAPES.some((shape) => shape.test(text));
}
