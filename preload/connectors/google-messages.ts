/** google-messages: not written yet — the generic title reader stands in. Replaced by the platform's own reader. */
import { genericConnector } from './generic';
import type { Connector } from './types';

export const googleMessagesConnector: Connector = { ...genericConnector, platform: 'google-messages' };
