/**
 * "Add a service": pick a platform, then name the account (and give a custom messenger's address).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlatformId } from '../../../../common/model';
import { Dialog } from '../../components/Dialog';
import { usePlatformName } from '../services/platform';
import { AccountForm } from './AccountForm';
import { PlatformPicker } from './PlatformPicker';

export function AddServiceDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const platformName = usePlatformName();
  const [step, setStep] = useState<{ platform: PlatformId | null; previous: PlatformId | null }>({
    platform: null,
    previous: null,
  });
  const chosen = step.platform;

  return (
    <Dialog
      title={
        chosen === null
          ? t('add.title')
          : chosen === 'custom'
            ? t('add.customTitle')
            : t('add.accountTitle', { platform: platformName(chosen) })
      }
      onClose={onClose}
      size={chosen === null ? 'lg' : 'md'}
      className="add-dialog"
    >
      {chosen === null ? (
        <PlatformPicker returnTo={step.previous} onPick={(platform) => setStep({ platform, previous: null })} />
      ) : (
        <AccountForm
          key={chosen}
          platform={chosen}
          onBack={() => setStep({ platform: null, previous: chosen })}
          onAdded={onClose}
        />
      )}
    </Dialog>
  );
}
