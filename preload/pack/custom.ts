/** The connector pack's script for custom services (the generic title reader): registers preload/connectors/generic.ts with the service preload. */
import { genericConnector } from '../connectors/generic';
import { registerPackConnector } from './register';

registerPackConnector(genericConnector);
