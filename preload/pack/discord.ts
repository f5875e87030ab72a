/** The connector pack's script for Discord: registers preload/connectors/discord.ts with the service preload. */
import { discordConnector } from '../connectors/discord';
import { registerPackConnector } from './register';

registerPackConnector(discordConnector);
