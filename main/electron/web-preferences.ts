/**
 * The one place webPreferences are built: every window and view Wasl creates gets the same hardened base, and
 * callers can only add a partition, a preload or arguments for it — never loosen the base.
 */
import type { WebPreferences } from 'electron';

export interface PreferenceAdditions {
  partition?: string;
  preload?: string;
  additionalArguments?: string[];
}

export function secureWebPreferences(add: PreferenceAdditions): WebPreferences {
  return {
    ...add,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    nodeIntegrationInWorker: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
  };
}
