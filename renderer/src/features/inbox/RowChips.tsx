/**
 * The small chips of an inbox row: the customer's labels (two, then "+N"), and where the conversation stands —
 * a due reminder, the status when it is not open, how long the customer has waited for a reply, and the time left
 * in the platform's reply window (calm, then warning, then danger as it runs out; "closed" once it has).
 */
import { useTranslation } from 'react-i18next';
import type { Label } from '../../../../common/shop/model';
import { AlarmIcon, CheckIcon } from '../../components/icons';
import { LabelChip } from '../../components/LabelChip';
import { useFormat } from '../../i18n/format';
import type { CustomerView, ReminderState } from '../../store/customers';
import { chipDuration, STATUS_TEXT, windowTone, type WindowTone } from '../customer/text';
import { useLabelName } from '../shop/labels';

/** Labels shown on a row before the rest go into "+N". */
const SHOWN_LABELS = 2;

export interface StateChip {
  id: 'reminder' | 'status' | 'waiting' | 'window';
  text: string;
  tone: WindowTone | 'accent' | 'neutral' | 'done';
  /** The full moment or sentence, as a tooltip. */
  title?: string;
}

/** The row's state chips, and the same facts as its accessible name says them. */
export function useRowStateText(customer: CustomerView, reminder: ReminderState | undefined, now: number): { chips: StateChip[]; spoken: string[] } {
  const { t } = useTranslation();
  const format = useFormat();
  const labelName = useLabelName();
  const chips: StateChip[] = [];
  if (reminder === 'due' && customer.reminder !== undefined) {
    chips.push({ id: 'reminder', text: t('inbox.row.reminder'), tone: 'accent', title: t('inbox.row.reminderAt', { time: format.moment(customer.reminder.at) }) });
  }
  if (customer.status !== 'open') {
    chips.push({ id: 'status', text: t(STATUS_TEXT[customer.status]), tone: customer.status === 'done' ? 'done' : 'neutral' });
  }
  if (customer.waiting !== undefined) {
    chips.push({
      id: 'waiting',
      text: t('inbox.row.waiting', { duration: format.duration(chipDuration(now - customer.waiting)) }),
      tone: 'neutral',
      title: t('inbox.row.waitingSince', { time: format.moment(customer.waiting) }),
    });
    const end = customer.windowEnd;
    if (end !== undefined) {
      chips.push(
        end > now
          ? {
              id: 'window',
              text: t('inbox.row.windowLeft', { duration: format.duration(chipDuration(end - now)) }),
              tone: windowTone(end, now),
              title: t('inbox.row.windowUntil', { time: format.moment(end) }),
            }
          : { id: 'window', text: t('inbox.row.windowClosed'), tone: 'danger', title: t('inbox.row.windowClosedAt', { time: format.moment(end) }) },
      );
    }
  }
  const spoken = chips.map((chip) => chip.text);
  if (customer.labels.length > 0) spoken.unshift(t('inbox.row.labels', { names: format.and(customer.labels.map(labelName)) }));
  return { chips, spoken };
}

export function RowLabels({ labels }: { labels: readonly Label[] }) {
  const labelName = useLabelName();
  const format = useFormat();
  if (labels.length === 0) return null;
  const rest = labels.slice(SHOWN_LABELS);
  return (
    <span className="inbox-row-labels" aria-hidden="true">
      {labels.slice(0, SHOWN_LABELS).map((label) => (
        <LabelChip key={label.id} name={labelName(label)} color={label.color} />
      ))}
      {rest.length === 0 ? null : (
        <span className="inbox-row-more-labels" dir="ltr" title={format.and(rest.map(labelName))}>
          +{format.number(rest.length)}
        </span>
      )}
    </span>
  );
}

export function RowState({ chips }: { chips: readonly StateChip[] }) {
  if (chips.length === 0) return null;
  return (
    <span className="inbox-row-state" aria-hidden="true">
      {chips.map((chip) => (
        <span key={chip.id} className={`state-chip tone-${chip.tone}`} data-chip={chip.id} title={chip.title}>
          {chip.id === 'reminder' ? <AlarmIcon /> : chip.id === 'status' && chip.tone === 'done' ? <CheckIcon /> : null}
          {chip.text}
        </span>
      ))}
    </span>
  );
}
