/** The connector pack's script for Google Messages: registers preload/connectors/google-messages.ts with the service preload. */
import { googleMessagesConnector } from '../connectors/google-messages';
import { registerPackConnector } from './register';

registerPackConnector(googleMessagesConnector);
