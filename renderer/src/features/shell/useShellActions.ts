/**
 * Actions main forwards from the application menu, the tray or a shortcut pressed inside a service page.
 */
import { useEffect } from 'react';
import type { ShellAction } from '../../../../common/ipc';
import { visibleServiceId } from '../../../../common/state';
import { useShell } from '../../store/context';
import { useNextUnread } from '../inbox/useNextUnread';

/** The chat list the focus key moves to: the one beside the service, or the inbox page's. */
export const CHAT_LIST = '[data-chat-list] [role="listbox"]';

export function useShellActions(): void {
  const { bridge, replica, ui } = useShell();
  const openNextUnread = useNextUnread();
  useEffect(
    () =>
      bridge.onAction((action: ShellAction) => {
        const { openDialog } = ui.getState();
        const activeId = replica.getState().app?.activeServiceId ?? null;
        switch (action) {
          case 'add-service':
            openDialog({ kind: 'add' });
            return;
          case 'open-settings':
            openDialog({ kind: 'settings' });
            return;
          case 'rename-active':
            if (activeId !== null) openDialog({ kind: 'rename', serviceId: activeId });
            return;
          case 'remove-active':
            if (activeId !== null) openDialog({ kind: 'remove', serviceId: activeId });
            return;
          case 'quick-replies':
            openDialog({ kind: 'quick-replies' });
            return;
          case 'open-shop':
            openDialog({ kind: 'shop', tab: 'replies' });
            return;
          case 'open-report':
            openDialog({ kind: 'shop', tab: 'report' });
            return;
          case 'open-resources':
            openDialog({ kind: 'resources' });
            return;
          case 'next-unread':
            openNextUnread();
            return;
          case 'shortcuts':
            openDialog({ kind: 'shortcuts' });
            return;
          case 'focus-list':
            document.querySelector<HTMLElement>(CHAT_LIST)?.focus();
            return;
          case 'find': {
            const shown = replica.getState().app;
            const id = shown ? visibleServiceId(shown) : null;
            if (id !== null) ui.getState().openFind(id);
            return;
          }
        }
      }),
    [bridge, openNextUnread, replica, ui],
  );
}
