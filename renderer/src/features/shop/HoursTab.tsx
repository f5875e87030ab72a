/**
 * The shop and its hours: the shop's name (what {shop} says in quick replies), the business hours day by day in
 * the locale's week order, and whether pop-ups wait while the shop is closed. A line says whether the shop is
 * open now and when that changes. Every change applies at once (`settings.set { shop }`, the whole week at a time);
 * a day whose time is not whole yet is explained in its row and waits until it is. Special hours (Ramadan, Eid,
 * holidays) follow the week (./SpecialHoursList.tsx).
 */
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../common/limits';
import { isAway, nextChange, parseClock, businessHours } from '../../../../common/shop/hours';
import type { DayHours, ShopSettings } from '../../../../common/shop/model';
import { Field } from '../../components/Field';
import { Switch } from '../../components/Switch';
import { isolateLtr, useFormat } from '../../i18n/format';
import { useApp, useCommand } from '../../store/context';
import { SpecialHoursList } from './SpecialHoursList';
import { useSystemLanguage } from '../shell/useDocumentSettings';
import { useNow } from '../viewport/useNow';
import { dayNames, firstDayOfWeek, weekOrder, weekRegion } from './week';

type Status = { text: string; state: 'off' | 'open' | 'closed' };

/** A day the settings lack (they always hold seven): closed. */
const CLOSED: DayHours = { open: false, from: '09:00', to: '17:00' };

const sevenDays = (hours: readonly DayHours[]): DayHours[] => Array.from({ length: 7 }, (_, day) => hours[day] ?? CLOSED);
const whole = (day: DayHours): boolean => parseClock(day.from) !== undefined && parseClock(day.to) !== undefined;

/** Sends a change to the shop's settings; resolves to whether main took it. */
function useSaveShop(): (change: Partial<ShopSettings>) => Promise<boolean> {
  const command = useCommand();
  return (change) => command({ type: 'settings.set', shop: change }).then((result) => result.ok);
}

function ShopName({ saved, onSave }: { saved: string; onSave: (name: string) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [name, setName] = useState(saved);
  const [error, setError] = useState<string | null>(null);
  // A name changed elsewhere (a restored backup) replaces what the field shows.
  const [seen, setSeen] = useState(saved);
  if (seen !== saved) {
    setSeen(saved);
    setName(saved);
  }
  const commit = () => {
    const next = name.trim();
    setName(next);
    if (next === saved) return;
    void onSave(next).then((ok) => setError(ok ? null : t('shop.hours.notSaved')));
  };
  return (
    <Field
      className="shop-name"
      label={t('shop.hours.name')}
      hint={t('shop.hours.nameHint', { variable: isolateLtr('{shop}') })}
      error={error}
      value={name}
      maxLength={LIMITS.shopName}
      placeholder={t('shop.hours.namePlaceholder')}
      dir="auto"
      autoComplete="off"
      onChange={(event) => setName(event.target.value)}
      onBlur={commit}
      onKeyDown={(event: KeyboardEvent<HTMLInputElement>) => {
        if (event.key !== 'Enter') return;
        event.preventDefault();
        commit();
      }}
    />
  );
}

/** Whether the shop is open now, and when that changes. */
function useStatusLine(shop: ShopSettings): Status {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow(30_000);
  if (!shop.hoursEnabled) return { text: t('shop.hours.status.off'), state: 'off' };
  const date = new Date(now);
  const at = nextChange(businessHours(shop), date);
  const today = at !== undefined && at.toDateString() === date.toDateString();
  const time = at === undefined ? '' : format.until(at.getTime(), now);
  if (isAway(shop, date)) {
    if (at === undefined) return { text: t('shop.hours.status.neverOpen'), state: 'closed' };
    return { text: today ? t('shop.hours.status.opensAt', { time }) : t('shop.hours.status.opensOn', { time }), state: 'closed' };
  }
  if (at === undefined) return { text: t('shop.hours.status.alwaysOpen'), state: 'open' };
  return { text: today ? t('shop.hours.status.closesAt', { time }) : t('shop.hours.status.closesOn', { time }), state: 'open' };
}

function DayRow({ name, hours, onChange }: { name: string; hours: DayHours; onChange: (change: Partial<DayHours>) => void }) {
  const { t } = useTranslation();
  const noteId = useId();
  const from = parseClock(hours.from);
  const to = parseClock(hours.to);
  const invalid = from === undefined || to === undefined;
  let note: string | null = null;
  if (invalid) note = t('shop.hours.incomplete');
  else if (from === to) note = t('shop.hours.allDay');
  else if (to < from) note = t('shop.hours.pastMidnight');
  return (
    <li className={hours.open ? 'hours-day' : 'hours-day is-closed'}>
      <label className="hours-day-name">
        <input type="checkbox" checked={hours.open} onChange={(event) => onChange({ open: event.target.checked })} />
        <span>{name}</span>
      </label>
      {hours.open ? (
        <>
          <span className="hours-times">
            <input
              type="time"
              className="field-input hours-time"
              value={hours.from}
              required
              aria-label={t('shop.hours.from', { day: name })}
              aria-invalid={from === undefined ? true : undefined}
              aria-describedby={note === null ? undefined : noteId}
              onChange={(event) => onChange({ from: event.target.value })}
            />
            <span className="hours-dash" aria-hidden="true">
              –
            </span>
            <input
              type="time"
              className="field-input hours-time"
              value={hours.to}
              required
              aria-label={t('shop.hours.to', { day: name })}
              aria-invalid={to === undefined ? true : undefined}
              aria-describedby={note === null ? undefined : noteId}
              onChange={(event) => onChange({ to: event.target.value })}
            />
          </span>
          <span id={noteId} className={invalid ? 'hours-note is-error' : 'hours-note'}>
            {note}
          </span>
        </>
      ) : (
        <span className="hours-closed">{t('shop.hours.closed')}</span>
      )}
    </li>
  );
}

export function HoursTab() {
  const { t, i18n } = useTranslation();
  const shop = useApp((s) => s.settings.shop);
  const defaultRegion = useApp((s) => s.settings.defaultRegion);
  const system = useSystemLanguage();
  const save = useSaveShop();
  const language = i18n.language;
  const order = useMemo(() => weekOrder(firstDayOfWeek(language, weekRegion(language, defaultRegion, system))), [language, defaultRegion, system]);
  const names = useMemo(() => dayNames(language), [language]);
  const status = useStatusLine(shop);
  const [failed, setFailed] = useState(false);
  // The week as edited: a day with a time being typed stays here until it is whole, and is then saved.
  const [draft, setDraft] = useState(() => sevenDays(shop.hours));
  const [seen, setSeen] = useState(shop.hours);
  if (seen !== shop.hours) {
    setSeen(shop.hours);
    setDraft((days) => sevenDays(shop.hours).map((saved, day) => (days[day] === undefined || whole(days[day]) ? saved : days[day])));
  }
  const weekTitle = useId();
  const weekHint = useId();

  // A failure shows, and is read out, under the section.
  const send = (change: Partial<ShopSettings>) => {
    void save(change).then((ok) => setFailed(!ok));
  };

  const setDay = (day: number, change: Partial<DayHours>) => {
    const next = draft.map((hours, i) => (i === day ? { ...hours, ...change } : hours));
    setDraft(next);
    if (next.every(whole)) send({ hours: next });
  };

  return (
    <div className="shop-tab-body hours-tab">
      <ShopName saved={shop.name} onSave={(name) => save({ name })} />
      <section className="shop-section" aria-labelledby={weekTitle}>
        <h3 id={weekTitle} className="shop-section-title">
          {t('shop.hours.title')}
        </h3>
        <Switch label={t('shop.hours.enabled')} hint={t('shop.hours.enabledHint')} checked={shop.hoursEnabled} onChange={(hoursEnabled) => send({ hoursEnabled })} />
        <p className={`hours-status is-${status.state}`} role="status">
          <span className="hours-status-mark" aria-hidden="true" />
          {status.text}
        </p>
        {shop.hoursEnabled ? (
          <>
            <ul className="hours-week" aria-label={t('shop.hours.week')} aria-describedby={weekHint}>
              {order.map((day) => (
                <DayRow key={day} name={names[day] ?? ''} hours={draft[day] ?? CLOSED} onChange={(change) => setDay(day, change)} />
              ))}
            </ul>
            <p id={weekHint} className="field-hint hours-hint">
              {t('shop.hours.weekHint')}
            </p>
            <Switch
              label={t('shop.hours.hold')}
              hint={t('shop.hours.holdHint')}
              checked={shop.holdOutsideHours}
              onChange={(holdOutsideHours) => send({ holdOutsideHours })}
            />
          </>
        ) : null}
        {failed ? (
          <p className="shop-result is-error" role="alert">
            {t('shop.hours.notSaved')}
          </p>
        ) : null}
      </section>
      {shop.hoursEnabled ? <SpecialHoursList ranges={shop.specialHours} onSave={(specialHours) => save({ specialHours })} /> : null}
    </div>
  );
}
