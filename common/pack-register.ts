/**
 * What a service page knows of connector packs (issue 15), kept apart from common/packs.ts so the service preload
 * bundles no schema library: the name of the function a pack's connector script calls, and why a page could not
 * use the connector a pack gave it (it then runs the one built into the preload, and tells main so).
 */

/**
 * The name of the function the service preload puts in its isolated world before it runs a pack's connector
 * script; the script calls it with its connector, once.
 */
export const PACK_REGISTER = '__waslRegisterConnector';

/**
 * Why a page did not run a pack's connector: its script threw, it registered nothing, what it registered is not a
 * connector the agent can run, or it is another platform's.
 */
export const CONNECTOR_FAILURES = ['threw', 'nothing-registered', 'not-a-connector', 'wrong-platform'] as const;
export type ConnectorFailureReason = (typeof CONNECTOR_FAILURES)[number];
