/** The connector pack's script for Messenger: registers preload/connectors/messenger.ts with the service preload. */
import { messengerConnector } from '../connectors/messenger';
import { registerPackConnector } from './register';

registerPackConnector(messengerConnector);
