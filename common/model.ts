/**
 * The domain model every process shares. Pure types: no runtime code lives here.
 */
import type { ServiceChoices } from './settings/service';
import type { ChatActivity } from './shop/model';

export const PLATFORM_IDS = [
  'whatsapp',
  'messenger',
  'instagram',
  'telegram',
  'google-messages',
  'wechat',
  'discord',
  'slack',
  'custom',
] as const;

export type PlatformId = (typeof PLATFORM_IDS)[number];

/** A service account the user added: one platform, one isolated session, and the user's choices for it (common/settings/service.ts). */
export interface ServiceConfig extends ServiceChoices {
  id: string;
  platform: PlatformId;
  name: string;
  /** The start URL of a custom service (https only); ignored for catalog platforms. */
  url?: string;
}

export interface ChatSummary {
  id: string;
  title: string;
  preview?: string;
  /** epoch ms */
  lastActivity?: number;
  unread: number;
  muted?: boolean;
  kind?: 'direct' | 'group' | 'channel';
  /** E.164 */
  phone?: string;
  avatarUrl?: string;
  /** Who wrote last and since when, as main learned it (never from the page: its schema has no such field). */
  activity?: ChatActivity;
}

export interface ServiceSnapshot {
  loggedIn: boolean;
  unread: { direct: number; indirect: number };
  chats: ChatSummary[];
  activeChatId?: string;
}

/** One chat of one service: how a chat is named across the app. */
export interface ChatRef {
  serviceId: string;
  chatId: string;
}

/** A manual link of chats that belong to one person. */
export interface Person {
  id: string;
  displayName?: string;
  chats: ChatRef[];
  /** The user split these chats off: they never merge with others on their own (by phone). */
  alone?: boolean;
}

export interface InboxEntry {
  key: string;
  title: string;
  chats: ChatRef[];
  unread: number;
  lastActivity?: number;
  preview?: string;
  personId?: string;
}

export interface NotificationRecord {
  id: string;
  serviceId: string;
  chatId?: string;
  title: string;
  body?: string;
  iconUrl?: string;
  tag?: string;
  /** epoch ms */
  at: number;
  read: boolean;
  /** A reminder the user set, rather than a message from the service. */
  kind?: 'reminder';
}

/**
 * Why a platform will not let an account sign in on the web: WeChat refuses most accounts web login (error 1203);
 * Google refuses to sign in inside an embedded browser ("This browser or app may not be secure").
 */
export const REFUSALS = ['web-login-refused', 'browser-not-secure'] as const;
export type Refusal = (typeof REFUSALS)[number];

/** Something the user can do for Wasl to read a page: Slack shows its chat list on the Home tab only. */
export const READ_HINTS = ['open-home-tab'] as const;
export type ReadHint = (typeof READ_HINTS)[number];

/**
 * How well a service's connector reads its page now, so a site's change is seen before users see it: rows found
 * and read as chats, unread badges read, the page title's figure, the hooks that matched nothing, and when the
 * last read that found chats was.
 */
/**
 * The parts of a page a connector reads, by the names its health report uses. Every name is shown to the user in
 * their language (the Resources screen), so a connector names its hooks from this list only.
 */
export const HOOK_NAMES = ['list', 'rows', 'titles', 'names', 'badge', 'badges', 'unreadMarks', 'times', 'links', 'composer', 'rail', 'sidebar', 'homeTab', 'pane', 'nav', 'mute'] as const;
export type HookName = (typeof HOOK_NAMES)[number];

export interface ConnectorHealth {
  rows: number;
  chats: number;
  badges: number;
  /** The title's unread figure as the platform means it (null: the title says nothing usable). */
  titleUnread: number | null;
  /** Names of the connector's hooks (ConnectorHealth probes) that matched no element. */
  missing: string[];
  /** Epoch ms of the last read that found chats; null when none has yet. */
  lastGoodRead: number | null;
  hint?: ReadHint;
  /** The version of the connector pack whose connector reads the page (the built-in pack's, or a downloaded one's). */
  packVersion?: string;
  /**
   * How many elements the connector's hook for the page's own chat-list pane matches now (at most
   * MAX_PANE_MATCHES, common/compact.ts); absent when the connector knows no pane for this platform.
   */
  listPane?: number;
}
