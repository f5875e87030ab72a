/** The connector pack's script for Instagram: registers preload/connectors/instagram.ts with the service preload. */
import { instagramConnector } from '../connectors/instagram';
import { registerPackConnector } from './register';

registerPackConnector(instagramConnector);
