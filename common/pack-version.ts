/**
 * The version of the connector pack built into this app (its own connectors, preload/connectors). A connectors
 * release (`connectors-v<version>` tag) must carry this version, so a downloaded pack is newer only when its
 * connectors are.
 */
export const BUILT_IN_PACK_VERSION = '1.0.0';
