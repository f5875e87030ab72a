/**
 * What the service preload does with a connector pack, bundled for test pages: preload/pack-loader.ts, the agent
 * and the built-in connectors, exposed as `WaslPackTest` so a test page's isolated world runs them as service.ts does.
 */
import { startAgent } from '../../preload/agent';
import { connectors } from '../../preload/connectors';
import { chooseConnector, startWhenParsed } from '../../preload/pack-loader';

Object.assign(globalThis, { WaslPackTest: { chooseConnector, startWhenParsed, startAgent, connectors } });
