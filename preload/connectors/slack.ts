/** slack: not written yet — the generic title reader stands in. Replaced by the platform's own reader. */
import { genericConnector } from './generic';
import type { Connector } from './types';

export const slackConnector: Connector = { ...genericConnector, platform: 'slack' };
