/**
 * Renames a service: 1 to 64 characters once trimmed.
 */
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceConfig } from '../../../../common/model';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormFailure, FormFooter } from '../../components/FormEnd';
import { useCommand } from '../../store/context';
import { checkName, MAX_SERVICE_NAME, NAME_ERROR_TEXT } from './name';

export function RenameDialog({ service, onClose }: { service: ServiceConfig; onClose: () => void }) {
  const { t } = useTranslation();
  const command = useCommand();
  const [name, setName] = useState(service.name);
  const [submitted, setSubmitted] = useState(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const code = checkName(name);
  const shown = code === 'long' || submitted ? code : null;

  const submit = async () => {
    setSubmitted(true);
    if (code !== null) return;
    if (name.trim() === service.name) {
      onClose();
      return;
    }
    setPending(true);
    const result = await command({ type: 'service.rename', id: service.id, name: name.trim() });
    if (result.ok) {
      onClose();
      return;
    }
    setPending(false);
    setFailure(t('errors.commandFailed'));
  };

  const onSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    void submit();
  };

  return (
    <Dialog title={t('rename.title')} onClose={onClose} size="sm">
      <form onSubmit={onSubmit} noValidate>
        <div className="dialog-body">
          <Field
            label={t('rename.label')}
            value={name}
            onChange={(event) => setName(event.target.value)}
            onFocus={(event) => event.currentTarget.select()}
            error={shown === null ? null : t(NAME_ERROR_TEXT[shown], { max: MAX_SERVICE_NAME })}
            dir="auto"
            autoComplete="off"
            autoFocus
          />
          <FormFailure failure={failure} />
        </div>
        <FormFooter secondaryLabel={t('common.cancel')} onSecondary={onClose} submitLabel={t('rename.save')} pending={pending} />
      </form>
    </Dialog>
  );
}
