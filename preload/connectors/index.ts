import type { PlatformId } from '../../common/model';
import { genericConnector } from './generic';
import { telegramConnector } from './telegram';
import type { Connector } from './types';

const forPlatform = (platform: PlatformId): Connector => ({ ...genericConnector, platform });

/** Every platform's connector. Until a platform has its own, the generic title reader stands in. */
export const connectors: Record<PlatformId, Connector> = {
  whatsapp: forPlatform('whatsapp'),
  messenger: forPlatform('messenger'),
  instagram: forPlatform('instagram'),
  telegram: telegramConnector,
  'google-messages': forPlatform('google-messages'),
  wechat: forPlatform('wechat'),
  discord: forPlatform('discord'),
  slack: forPlatform('slack'),
  custom: genericConnector,
};
