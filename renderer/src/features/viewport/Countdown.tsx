/**
 * "in 5 seconds", counting down each second to `until` (epoch ms), in the UI language.
 */
import { useFormat } from '../../i18n/format';
import { useNow } from './useNow';

export function Countdown({ until, children }: { until: number; children: (when: string) => string }) {
  const now = useNow();
  const format = useFormat();
  const seconds = Math.max(0, Math.ceil((until - now) / 1000));
  return <>{children(format.inSeconds(seconds))}</>;
}
