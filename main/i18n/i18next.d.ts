/**
 * Types main's catalogue for i18next as its own namespace, so a key missing from it fails to compile. A namespace
 * (not `CustomTypeOptions.resources`, which the shell's catalogue takes) lets both be typed in one program.
 */
import type en from './locales/en.json';

declare module 'i18next' {
  interface ResourceNamespaceMap {
    main: typeof en;
  }
}
