/** The connector pack's script for Slack: registers preload/connectors/slack.ts with the service preload. */
import { slackConnector } from '../connectors/slack';
import { registerPackConnector } from './register';

registerPackConnector(slackConnector);
