/**
 * Names the browser tests of connector packs share with the test pack's script (test-pack-entry.ts), kept in a file
 * of their own so that script bundles nothing else.
 */

/** Every chat title the test pack's connector reads starts with this: what the built-in connector never sends. */
export const PACK_TAG = '[pack] ';

/** The DOM event the test pack's script dispatches as it runs, before it registers: both worlds of the page hear it. */
export const PACK_RUNNING_EVENT = 'wasl-test-pack-running';

/** Where, in the world it runs in, the test pack's script notes what it saw of the register function as it ran. */
export const PACK_SAW = 'WaslTestPackSaw';
