/** The connector pack's script for WhatsApp: registers preload/connectors/whatsapp.ts with the service preload. */
import { whatsappConnector } from '../connectors/whatsapp';
import { registerPackConnector } from './register';

registerPackConnector(whatsappConnector);
