/**
 * Shows the dialog the UI store asks for. A request whose service or inbox entry is gone is dropped.
 */
import { useCallback, useEffect } from 'react';
import { useInbox } from '../../store/inbox';
import { AddServiceDialog } from '../add/AddServiceDialog';
import { LinkDialog } from '../inbox/LinkDialog';
import { RenamePersonDialog } from '../inbox/RenamePersonDialog';
import { RemoveDialog } from '../services/RemoveDialog';
import { RenameDialog } from '../services/RenameDialog';
import { ProxyDialog } from '../services/ProxyDialog';
import { SpellingDialog } from '../services/SpellingDialog';
import { LazyDialog, ReplyPalette, ResourcesDialog, SettingsDialog, ShopDialog, ShortcutsDialog } from './LazyDialog';
import { useApp, useShell, useUi } from '../../store/context';

/** A dialog about an inbox entry: link it with another, or name the person. */
function EntryDialog({ kind, entryKey, onClose }: { kind: 'link' | 'rename-person'; entryKey: string; onClose: () => void }) {
  const entry = useInbox().find(entryKey);
  const missing = entry === undefined;
  useEffect(() => {
    if (missing) onClose();
  }, [missing, onClose]);
  if (entry === undefined) return null;
  return kind === 'link' ? <LinkDialog entry={entry} onClose={onClose} /> : <RenamePersonDialog entry={entry} onClose={onClose} />;
}

export function DialogHost() {
  const { ui } = useShell();
  const dialog = useUi((s) => s.dialog);
  const serviceId = dialog?.kind === 'rename' || dialog?.kind === 'remove' || dialog?.kind === 'spelling' || dialog?.kind === 'proxy' ? dialog.serviceId : null;
  const service = useApp((s) => (serviceId === null ? undefined : s.services.find((x) => x.id === serviceId)));
  const missing = serviceId !== null && service === undefined;
  const close = useCallback(() => ui.getState().closeDialog(), [ui]);

  useEffect(() => {
    if (missing) ui.getState().closeDialog();
  }, [missing, ui]);

  if (dialog === null) return null;
  switch (dialog.kind) {
    case 'add':
      return <AddServiceDialog onClose={close} />;
    case 'settings':
      return (
        <LazyDialog onClose={close}>
          <SettingsDialog onClose={close} {...(dialog.section === undefined ? {} : { section: dialog.section })} />
        </LazyDialog>
      );
    case 'rename':
      return service === undefined ? null : <RenameDialog key={service.id} service={service} onClose={close} />;
    case 'remove':
      return service === undefined ? null : <RemoveDialog key={service.id} service={service} onClose={close} />;
    case 'spelling':
      return service === undefined ? null : <SpellingDialog key={service.id} service={service} onClose={close} />;
    case 'proxy':
      return service === undefined ? null : <ProxyDialog key={service.id} service={service} onClose={close} />;
    case 'shop':
      return (
        <LazyDialog onClose={close}>
          <ShopDialog tab={dialog.tab} onClose={close} />
        </LazyDialog>
      );
    case 'quick-replies':
      return (
        <LazyDialog onClose={close}>
          <ReplyPalette onClose={close} />
        </LazyDialog>
      );
    case 'resources':
      return (
        <LazyDialog onClose={close}>
          <ResourcesDialog onClose={close} />
        </LazyDialog>
      );
    case 'shortcuts':
      return (
        <LazyDialog onClose={close}>
          <ShortcutsDialog onClose={close} />
        </LazyDialog>
      );
    case 'link':
    case 'rename-person':
      return <EntryDialog key={`${dialog.kind}:${dialog.entryKey}`} kind={dialog.kind} entryKey={dialog.entryKey} onClose={close} />;
  }
}
