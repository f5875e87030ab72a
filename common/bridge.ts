/**
 * The shell's bridge to main, exposed by preload/shell.ts as `window.wasl`. Narrow and typed: the shell can read
 * the state, follow its patches, send commands (main validates each) and report where the service view goes.
 */
import type { ChatsDelta, Command, CommandResult, Rect, ShellAction } from './ipc';
import type { ServiceSnapshot } from './model';
import type { ResourceReport } from './resources';
import type { Report } from './shop/stats';
import type { AppState, StatePatch } from './state';

export interface WaslBridge {
  hydrate(): Promise<AppState>;
  onPatch(listener: (patch: StatePatch) => void): () => void;
  /** Actions main received outside the shell (application menu, tray, a shortcut pressed in a service view). */
  onAction(listener: (action: ShellAction) => void): () => void;
  command(command: Command): Promise<CommandResult>;
  setViewport(rect: Rect | null): void;
  /** Every service's chats (main normalizes phone numbers first), once; then `onChats` deltas. */
  hydrateChats(): Promise<Record<string, ServiceSnapshot>>;
  onChats(listener: (serviceId: string, delta: ChatsDelta) => void): () => void;
  /** The report over the local days from `from` to `to` (epoch ms). */
  report(range: { from: number; to: number }): Promise<Report>;
  /** Memory and CPU now, per service and for Wasl itself. */
  resources(): Promise<ResourceReport>;
}
