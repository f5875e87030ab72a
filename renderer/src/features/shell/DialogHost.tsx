/**
 * Shows the dialog the UI store asks for. A rename or remove request whose service is gone is dropped.
 */
import { useCallback, useEffect } from 'react';
import { AddServiceDialog } from '../add/AddServiceDialog';
import { RemoveDialog } from '../services/RemoveDialog';
import { RenameDialog } from '../services/RenameDialog';
import { SettingsDialog } from '../settings/SettingsDialog';
import { useApp, useShell, useUi } from '../../store/context';

export function DialogHost() {
  const { ui } = useShell();
  const dialog = useUi((s) => s.dialog);
  const serviceId = dialog?.kind === 'rename' || dialog?.kind === 'remove' ? dialog.serviceId : null;
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
      return <SettingsDialog onClose={close} />;
    case 'rename':
      return service === undefined ? null : <RenameDialog key={service.id} service={service} onClose={close} />;
    case 'remove':
      return service === undefined ? null : <RemoveDialog key={service.id} service={service} onClose={close} />;
  }
}
