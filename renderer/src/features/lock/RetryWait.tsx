/**
 * "Too many wrong tries. You can try again in 8 seconds.", counting down to the moment main accepts a try.
 */
import { useTranslation } from 'react-i18next';
import { Countdown } from '../viewport/Countdown';

export function RetryWait({ until }: { until: number }) {
  const { t } = useTranslation();
  return (
    <p className="lock-wait">
      <Countdown until={until}>{(when) => t('lock.wait', { when })}</Countdown>
    </p>
  );
}
