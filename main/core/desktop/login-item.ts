/**
 * Opening Wasl at login: the `startAtLogin` setting kept in step with the system's login items. At start the
 * system's word wins (the user may have removed Wasl from the login items there); after that each change of the
 * setting is written to the system. Installed builds only: a development build would register Electron itself.
 */
import type { AppStore } from '../app/app-store';
import type { Logger } from '../app/ports';

export interface LoginItemPort {
  /** Whether the system opens Wasl at login. */
  enabled(): boolean;
  set(enabled: boolean): void;
}

/** Starts keeping the setting and the system in step; answers a function that stops. */
export function keepLoginItem(store: AppStore, port: LoginItemPort, log: Logger): () => void {
  const adopt = (enabled: boolean): void => {
    const settings = store.getState().settings;
    if (settings.startAtLogin !== enabled) store.setState({ settings: { ...settings, startAtLogin: enabled } });
  };
  adopt(read(port, log) ?? store.getState().settings.startAtLogin);
  let reverting = false;
  return store.subscribe((next, prev) => {
    const wanted = next.settings.startAtLogin;
    if (reverting || wanted === prev.settings.startAtLogin) return;
    try {
      port.set(wanted);
    } catch (error) {
      // The switch goes back to what the system does: the setting never claims what did not happen.
      log.warn('could not change the login item', { enabled: wanted, error: String(error) });
      reverting = true;
      adopt(read(port, log) ?? !wanted);
      reverting = false;
    }
  });
}

function read(port: LoginItemPort, log: Logger): boolean | undefined {
  try {
    return port.enabled();
  } catch (error) {
    log.warn('could not read the login item', { error: String(error) });
    return undefined;
  }
}
