/**
 * The customer card's reminder: when it is set for (with a button to clear it), and ways to set one — later
 * today, tomorrow morning (or when the shop next opens), or a date and time the user picks, which must be ahead.
 */
import { useId, useState, type RefObject, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reminder } from '../../../../common/shop/model';
import { AlarmIcon } from '../../components/icons';
import { useFormat } from '../../i18n/format';
import { useApp } from '../../store/context';
import { fromLocalInput, laterToday, nextDay, sameDay, toLocalInput, tomorrowMorning } from './reminders';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

interface ReminderFieldProps {
  reminder: Reminder | undefined;
  /** Whether its time has come (or main has notified it). */
  due: boolean;
  now: number;
  set: (at: number) => void;
  clear: () => void;
  inputRef: RefObject<HTMLInputElement | null>;
}

export function ReminderField({ reminder, due, now, set, clear, inputRef }: ReminderFieldProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const shop = useApp((s) => s.settings.shop);
  const titleId = useId();
  const errorId = useId();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const later = laterToday(now);
  // Within the coming week a day and a time say it ("Sun 09:00"); beyond, the full date.
  const when = (at: number) => (Math.abs(at - now) < WEEK_MS - DAY_MS ? format.until(at, now) : format.moment(at));
  const morning = tomorrowMorning(now, shop);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const at = fromLocalInput(value);
    if (at === undefined) setError(t('customer.reminder.invalid'));
    else if (at <= Date.now()) setError(t('customer.reminder.past'));
    else {
      setError(null);
      setValue('');
      set(at);
    }
  };

  return (
    <section className="customer-section" aria-labelledby={titleId}>
      <h3 id={titleId} className="customer-section-title">
        {t('customer.reminder.title')}
      </h3>
      {reminder === undefined ? (
        <p className="customer-muted">{t('customer.reminder.none')}</p>
      ) : (
        <div className={due ? 'customer-reminder is-due' : 'customer-reminder'}>
          <AlarmIcon />
          <span className="customer-reminder-text">
            {due ? t('customer.reminder.due', { time: when(reminder.at) }) : t('customer.reminder.at', { time: when(reminder.at) })}
          </span>
          <button type="button" className="button button-link button-small" onClick={clear}>
            {t('customer.reminder.clear')}
          </button>
        </div>
      )}
      <div className="customer-reminder-quick">
        {sameDay(later, now) ? (
          <button type="button" className="button button-small" onClick={() => set(later)}>
            {t('customer.remind.later', { time: format.time(later) })}
          </button>
        ) : null}
        <button type="button" className="button button-small" onClick={() => set(morning)}>
          {nextDay(morning, now)
            ? t('customer.remind.tomorrow', { time: format.time(morning) })
            : t('customer.remind.opening', { time: format.until(morning, now) })}
        </button>
      </div>
      <form className="customer-reminder-pick" onSubmit={submit} noValidate>
        <label className="customer-reminder-label">
          <span>{t('customer.reminder.pick')}</span>
          <input
            ref={inputRef}
            type="datetime-local"
            className="field-input"
            dir="ltr"
            min={toLocalInput(now)}
            value={value}
            aria-invalid={error === null ? undefined : true}
            aria-describedby={error === null ? undefined : errorId}
            onChange={(event) => {
              setValue(event.target.value);
              setError(null);
            }}
          />
        </label>
        <button type="submit" className="button button-small" disabled={value === ''}>
          {t('customer.reminder.setButton')}
        </button>
      </form>
      {error === null ? null : (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
