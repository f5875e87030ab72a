/**
 * Names a person (what the inbox shows for all their chats). Left empty, the platform's name shows again.
 */
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxEntry } from '../../../../common/model';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormFooter } from '../../components/FormEnd';
import { useApp } from '../../store/context';
import { useDirectory } from './directory';
import { useEntryActions } from './useEntryActions';

/** main accepts person names up to this long (twice a service name, in common/ipc.ts). */
const MAX_PERSON_NAME = 128;

export function RenamePersonDialog({ entry, onClose }: { entry: InboxEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const actions = useEntryActions(useDirectory());
  const named = useApp((s) => s.people.find((p) => p.id === entry.personId)?.displayName !== undefined);
  const [name, setName] = useState(entry.title);
  const [pending, setPending] = useState(false);
  const tooLong = name.trim().length > MAX_PERSON_NAME;

  const onSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (tooLong) return;
    const trimmed = name.trim();
    if (trimmed === entry.title || (trimmed === '' && !named)) {
      onClose();
      return;
    }
    setPending(true);
    void actions.rename(entry, trimmed === '' ? null : trimmed).then((ok) => {
      if (ok) onClose();
      else setPending(false);
    });
  };

  return (
    <Dialog title={t('inbox.rename.title')} onClose={onClose} size="sm">
      <form onSubmit={onSubmit} noValidate>
        <div className="dialog-body">
          <Field
            label={t('inbox.rename.label')}
            hint={t('inbox.rename.hint')}
            value={name}
            onChange={(event) => setName(event.target.value)}
            onFocus={(event) => event.currentTarget.select()}
            error={tooLong ? t('names.long', { max: MAX_PERSON_NAME }) : null}
            dir="auto"
            autoComplete="off"
            autoFocus
          />
        </div>
        <FormFooter secondaryLabel={t('common.cancel')} onSecondary={onClose} submitLabel={t('rename.save')} pending={pending} />
      </form>
    </Dialog>
  );
}
