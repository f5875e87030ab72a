import type { PlatformId } from '../../common/model';
import { discordConnector } from './discord';
import { genericConnector } from './generic';
import { googleMessagesConnector } from './google-messages';
import { instagramConnector } from './instagram';
import { messengerConnector } from './messenger';
import { slackConnector } from './slack';
import { telegramConnector } from './telegram';
import type { Connector } from './types';
import { wechatConnector } from './wechat';
import { whatsappConnector } from './whatsapp';

/** Every platform's connector; custom services use the generic title reader. */
export const connectors: Record<PlatformId, Connector> = {
  whatsapp: whatsappConnector,
  messenger: messengerConnector,
  instagram: instagramConnector,
  telegram: telegramConnector,
  'google-messages': googleMessagesConnector,
  wechat: wechatConnector,
  discord: discordConnector,
  slack: slackConnector,
  custom: genericConnector,
};
