/** The connector pack's script for Telegram: registers preload/connectors/telegram.ts with the service preload. */
import { telegramConnector } from '../connectors/telegram';
import { registerPackConnector } from './register';

registerPackConnector(telegramConnector);
