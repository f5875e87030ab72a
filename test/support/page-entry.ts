/**
 * What the service preload puts in a page, bundled for tests: the connectors, the agent and the notification
 * shim, exposed as `WaslTest` so a test page (in an isolated world, as in Electron) can run them.
 */
import { startAgent } from '../../preload/agent';
import { connectors } from '../../preload/connectors';
import { installNotificationShim, SHIM_EVENTS } from '../../preload/notification-shim';
import { typeInto } from '../../preload/connectors/dom';
import { parseListTime } from '../../preload/connectors/time';

const api = { connectors, startAgent, installNotificationShim, SHIM_EVENTS, parseListTime, typeInto };

export type WaslTestApi = typeof api;

Object.assign(globalThis, { WaslTest: api });
