/**
 * What test pages get of the outline: preload/outline.ts and the text form, exposed as `WaslOutline` (bundled by
 * outline-page.ts into one classic script for an isolated world).
 */
import { outlineText } from '../../common/outline';
import { pageOutline } from '../../preload/outline';

Object.assign(globalThis, { WaslOutline: { pageOutline, outlineText } });
