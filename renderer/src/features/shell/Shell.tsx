/**
 * The window's layout: the sidebar, then the demo's banner (in the demo only) and notices above the first-start guide, the unified inbox or the active
 * service with the chat list beside it. While a dialog is open everything behind it is inert.
 */
import { useApp, useUi } from '../../store/context';
import { InboxView } from '../inbox/InboxView';
import { ListColumn } from '../inbox/ListColumn';
import { DemoBanner } from '../notices/DemoBanner';
import { Notices } from '../notices/Notices';
import { Sidebar } from '../sidebar/Sidebar';
import { ScreenShareHost } from '../screen-share/ScreenSharePicker';
import { ServiceArea } from '../viewport/ServiceArea';
import { EmptyState } from '../welcome/EmptyState';
import { Announcer } from './Announcer';
import { DialogHost } from './DialogHost';
import { useCheatSheetKeys } from '../shortcuts/useCheatSheetKeys';
import { useShellActions } from './useShellActions';

export function Shell() {
  const empty = useApp((s) => s.services.length === 0);
  const inbox = useApp((s) => s.view === 'inbox');
  const dialogOpen = useUi((s) => s.dialog !== null);
  const sharing = useApp((s) => (s.screenShare ?? null) !== null);
  useShellActions();
  useCheatSheetKeys();

  return (
    <>
      <div className="shell" inert={dialogOpen || sharing}>
        <Sidebar />
        <div className="content">
          <DemoBanner />
          <Notices />
          {empty ? (
            <EmptyState />
          ) : inbox ? (
            <InboxView />
          ) : (
            <div className="beside">
              <ListColumn />
              <ServiceArea />
            </div>
          )}
        </div>
      </div>
      <DialogHost />
      <ScreenShareHost />
      <Announcer />
    </>
  );
}
