/**
 * Translation keys for what the catalog and the state name by id. Listed literally so the type checker and the
 * catalogue test see every key.
 */
import type { UnavailablePlatform } from '../../../../common/catalog';
import type { PlatformId } from '../../../../common/model';
import type { ServiceStatus } from '../../../../common/state';

/** The short status line of a service, or null when there is nothing to say (its page is up). */
export const STATUS_TEXT = {
  off: 'status.off',
  idle: 'status.loading',
  loading: 'status.loading',
  ready: null,
  'logged-out': 'status.loggedOut',
  crashed: 'status.crashed',
  unresponsive: 'status.unresponsive',
  offline: 'status.offline',
  failed: 'status.failed',
  asleep: 'status.asleep',
} as const satisfies Record<ServiceStatus, string | null>;

/** The small mark on a sidebar icon. */
export function statusMark(status: ServiceStatus): 'loading' | 'warning' | 'error' | 'asleep' | null {
  switch (status) {
    case 'idle':
    case 'loading':
      return 'loading';
    case 'logged-out':
      return 'warning';
    case 'crashed':
    case 'unresponsive':
    case 'offline':
    case 'failed':
      return 'error';
    case 'asleep':
      return 'asleep';
    case 'off':
    case 'ready':
      return null;
  }
}

export const PLATFORM_TEXT = {
  whatsapp: { description: 'platforms.whatsapp.description', keywords: 'platforms.whatsapp.keywords' },
  messenger: { description: 'platforms.messenger.description', keywords: 'platforms.messenger.keywords' },
  instagram: { description: 'platforms.instagram.description', keywords: 'platforms.instagram.keywords' },
  telegram: { description: 'platforms.telegram.description', keywords: 'platforms.telegram.keywords' },
  'google-messages': {
    description: 'platforms.googleMessages.description',
    keywords: 'platforms.googleMessages.keywords',
  },
  wechat: { description: 'platforms.wechat.description', keywords: 'platforms.wechat.keywords' },
  discord: { description: 'platforms.discord.description', keywords: 'platforms.discord.keywords' },
  slack: { description: 'platforms.slack.description', keywords: 'platforms.slack.keywords' },
  custom: { description: 'platforms.custom.description', keywords: 'platforms.custom.keywords' },
} as const satisfies Record<PlatformId, { description: string; keywords: string }>;

export const UNAVAILABLE_TEXT = {
  viber: 'unavailable.viber',
  line: 'unavailable.line',
  kakaotalk: 'unavailable.kakaotalk',
  signal: 'unavailable.signal',
  'apple-business': 'unavailable.appleBusiness',
  skype: 'unavailable.skype',
  pinngle: 'unavailable.pinngle',
} as const satisfies Record<UnavailablePlatform['id'], string>;
