/**
 * Confirms removing a service: its sign-in and data on this computer are deleted.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceConfig } from '../../../../common/model';
import { Dialog } from '../../components/Dialog';
import { isolate } from '../../i18n/format';
import { useCommand } from '../../store/context';

export function RemoveDialog({ service, onClose }: { service: ServiceConfig; onClose: () => void }) {
  const { t } = useTranslation();
  const command = useCommand();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [pending, setPending] = useState(false);
  const name = isolate(service.name);

  const remove = async () => {
    setPending(true);
    // Main removes the service even when its storage cannot be cleared (it then posts a notice): close either way.
    await command({ type: 'service.remove', id: service.id });
    onClose();
  };

  return (
    <Dialog title={t('remove.title', { name })} onClose={onClose} size="sm" initialFocus={cancelRef}>
      <div className="dialog-body">
        <p className="dialog-text">{t('remove.body', { name })}</p>
      </div>
      <footer className="dialog-footer">
        <button ref={cancelRef} type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button-danger" disabled={pending} onClick={() => void remove()}>
          {t('remove.confirm')}
        </button>
      </footer>
    </Dialog>
  );
}
