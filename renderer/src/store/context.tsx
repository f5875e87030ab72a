/**
 * The shell's context: the bridge to main, the replicas of main's state and of the services' chats, the inbox
 * derived from them, and the shell's own UI store, with the hooks components use to read them and send commands.
 */
import { createContext, useCallback, useContext, useEffect, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { WaslBridge } from '../../../common/bridge';
import type { Command, CommandResult } from '../../../common/ipc';
import type { AppState } from '../../../common/state';
import type { ChatsStore } from './chats';
import type { InboxDeriver } from './inbox';
import type { ReplicaStore } from './replica';
import type { UiState, UiStore } from './ui';

export interface Shell {
  bridge: WaslBridge;
  replica: ReplicaStore;
  /** Every service's chats, apart from the AppState replica. */
  chats: ChatsStore;
  /** The inbox derived from both replicas, memoized for every component that shows it. */
  inbox: InboxDeriver;
  ui: UiStore;
}

const ShellContext = createContext<Shell | null>(null);

export function ShellProvider({ shell, children }: { shell: Shell; children: ReactNode }) {
  return <ShellContext value={shell}>{children}</ShellContext>;
}

export function useShell(): Shell {
  const shell = useContext(ShellContext);
  if (shell === null) throw new Error('useShell needs a ShellProvider');
  return shell;
}

/** Reads the hydrated state. Components using it render only once the replica has hydrated. */
export function useApp<T>(selector: (state: AppState) => T): T {
  const { replica } = useShell();
  return useStore(replica, (s) => {
    if (s.app === null) throw new Error('useApp before the replica hydrated');
    return selector(s.app);
  });
}

export function useUi<T>(selector: (state: UiState) => T): T {
  return useStore(useShell().ui, selector);
}

/** Sends a command to main. A broken bridge answers like a failed command instead of throwing. */
export function useCommand(): (command: Command) => Promise<CommandResult> {
  const { bridge } = useShell();
  return useCallback(
    (command: Command) => bridge.command(command).catch((): CommandResult => ({ ok: false, error: 'failed' })),
    [bridge],
  );
}

/** Registers an overlay (dialog, menu, popover) for as long as the calling component is mounted. */
export function useOverlay(): void {
  const { ui } = useShell();
  useEffect(() => ui.getState().addOverlay(), [ui]);
}
