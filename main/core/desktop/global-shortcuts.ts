/**
 * The system-wide shortcut: the `show-hide` key of common/shortcuts.ts, once the user sets one, shows or hides
 * Wasl's window from anywhere on the computer. It is registered with the system (a port: Electron's globalShortcut
 * in main/electron/global-shortcut.ts) when the setting changes: the old key is given back first, none is kept when
 * the setting is cleared, and every key is given back as Wasl quits. A key the system refuses (another app holds
 * it) is logged once and named in the state, so the settings screen says so; nothing else changes.
 */
import { comboText, resolveShortcuts } from '../../../common/shortcuts';
import type { AppStore } from '../app/app-store';
import type { MenuCommand } from '../app/menu-commands';
import type { Logger } from '../app/ports';
import { acceleratorOf } from './accelerator';

/** System-wide keys (Electron's globalShortcut). */
export interface GlobalShortcutPort {
  /** Registers the key; false when the system refused it. */
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
  unregisterAll(): void;
}

export interface GlobalShortcutDeps {
  store: AppStore;
  port: GlobalShortcutPort;
  log: Logger;
  run(command: MenuCommand): void;
}

export class GlobalShortcuts {
  /** The key last asked for (registered, or refused), as an accelerator; undefined: none. */
  private wanted: string | undefined;
  private registered = false;
  private stopped = false;

  constructor(private readonly deps: GlobalShortcutDeps) {}

  /** Registers the key the settings name now, then follows them. */
  start(): void {
    this.apply();
    this.deps.store.subscribe((next, prev) => {
      if (next.settings.shortcuts !== prev.settings.shortcuts) this.apply();
    });
  }

  /** Wasl quits: every key goes back to the system, and no change registers one again. */
  stop(): void {
    this.stopped = true;
    this.registered = false;
    this.deps.port.unregisterAll();
  }

  private apply(): void {
    if (this.stopped) return;
    const { store, port, log } = this.deps;
    const combo = resolveShortcuts(store.getState().settings.shortcuts.keys)['show-hide'][0];
    const accelerator = combo === undefined ? undefined : acceleratorOf(combo);
    if (accelerator === this.wanted) return;
    if (this.wanted !== undefined && this.registered) port.unregister(this.wanted);
    this.wanted = accelerator;
    this.registered = accelerator !== undefined && port.register(accelerator, () => this.deps.run({ type: 'window.toggle' }));
    const refused = combo !== undefined && !this.registered ? comboText(combo) : undefined;
    if (refused !== undefined) log.warn('the system refused the show/hide key: another app may hold it', { accelerator });
    if (store.getState().globalKeyRefused !== refused) store.setState({ globalKeyRefused: refused });
  }
}
