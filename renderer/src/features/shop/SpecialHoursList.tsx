/**
 * Special opening hours in the shop & hours tab: date ranges (Ramadan, Eid, a holiday) whose hours replace the
 * week's, each closed all day or open one span a day. Listed with their dates and hours in the UI language; added
 * and edited in an inline form that refuses what main would (no name, a missing date, a last day before the
 * first, a time not whole); deleted at once with an Undo that puts the range back where it was. Every change
 * sends the whole list (`settings.set { shop: { specialHours } }`).
 */
import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../common/limits';
import { dateOfText, parseClock } from '../../../../common/shop/hours';
import type { SpecialHours } from '../../../../common/shop/model';
import { Field } from '../../components/Field';
import { isolate, useFormat, type Formatters } from '../../i18n/format';

type Save = (specialHours: SpecialHours[]) => Promise<boolean>;

/** A time of day written "HH:MM", in the UI language's way. */
function clockText(format: Formatters, clock: string): string {
  const minutes = parseClock(clock) ?? 0;
  return format.time(new Date(2000, 0, 1, Math.floor(minutes / 60), minutes % 60).getTime());
}

/** "Feb 18 – Mar 19, 2026", or the one day. */
function datesText(format: Formatters, range: SpecialHours): string {
  const from = dateOfText(range.from)?.getTime() ?? 0;
  const to = dateOfText(range.to)?.getTime() ?? 0;
  return range.from === range.to ? format.date(from) : format.dateRange(from, to);
}

function newId(): string {
  return `special-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

interface Draft {
  name: string;
  from: string;
  to: string;
  closed: boolean;
  opens: string;
  closes: string;
}

const draftOf = (range: SpecialHours | undefined): Draft => ({
  name: range?.name ?? '',
  from: range?.from ?? '',
  to: range?.to ?? '',
  closed: range === undefined ? true : range.hours === null,
  opens: range?.hours?.from ?? '09:00',
  closes: range?.hours?.to ?? '17:00',
});

type Problem = 'name' | 'dates' | 'order' | 'time';

/** What the form says under the dates or times when it refuses them (the name's own field says its problem). */
const PROBLEM_TEXT = {
  dates: 'shop.special.problem.dates',
  order: 'shop.special.problem.order',
  time: 'shop.special.problem.time',
} as const satisfies Record<Exclude<Problem, 'name'>, string>;

function problemOf(draft: Draft): Problem | null {
  if (draft.name.trim() === '') return 'name';
  if (dateOfText(draft.from) === undefined || dateOfText(draft.to) === undefined) return 'dates';
  if (draft.to < draft.from) return 'order';
  if (!draft.closed && (parseClock(draft.opens) === undefined || parseClock(draft.closes) === undefined)) return 'time';
  return null;
}

function RangeForm({ range, onSave, onCancel }: { range: SpecialHours | undefined; onSave: (range: SpecialHours) => Promise<boolean>; onCancel: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => draftOf(range));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [failed, setFailed] = useState(false);
  const [pending, setPending] = useState(false);
  const errorId = useId();
  const set = (change: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setProblem(null);
    setFailed(false);
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const found = problemOf(draft);
    setProblem(found);
    if (found !== null) return;
    setPending(true);
    const next: SpecialHours = {
      id: range?.id ?? newId(),
      name: draft.name.trim(),
      from: draft.from,
      to: draft.to,
      hours: draft.closed ? null : { from: draft.opens, to: draft.closes },
    };
    void onSave(next).then((ok) => {
      setPending(false);
      setFailed(!ok);
    });
  };
  const dateError = problem === 'dates' || problem === 'order';
  return (
    <form
      className="special-form"
      noValidate
      aria-label={range === undefined ? t('shop.special.adding') : t('shop.special.editing', { name: isolate(range.name) })}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <Field
        label={t('shop.special.name')}
        placeholder={t('shop.special.namePlaceholder')}
        value={draft.name}
        maxLength={LIMITS.specialHoursName}
        dir="auto"
        autoComplete="off"
        autoFocus
        error={problem === 'name' ? t('shop.special.nameEmpty') : null}
        onChange={(event) => set({ name: event.target.value })}
      />
      <div className="special-dates">
        <label className="special-inline">
          <span className="field-label">{t('shop.special.from')}</span>
          <input
            type="date"
            className="field-input special-date"
            value={draft.from}
            required
            aria-invalid={dateError ? true : undefined}
            aria-describedby={dateError ? errorId : undefined}
            onChange={(event) => set({ from: event.target.value, to: draft.to === '' || draft.to < event.target.value ? event.target.value : draft.to })}
          />
        </label>
        <label className="special-inline">
          <span className="field-label">{t('shop.special.to')}</span>
          <input
            type="date"
            className="field-input special-date"
            value={draft.to}
            min={draft.from === '' ? undefined : draft.from}
            required
            aria-invalid={dateError ? true : undefined}
            aria-describedby={dateError ? errorId : undefined}
            onChange={(event) => set({ to: event.target.value })}
          />
        </label>
      </div>
      <fieldset className="special-kind">
        <legend className="field-label">{t('shop.special.kind')}</legend>
        <label className="special-choice">
          <input type="radio" name="special-kind" checked={draft.closed} onChange={() => set({ closed: true })} />
          {t('shop.special.closedAllDay')}
        </label>
        <label className="special-choice">
          <input type="radio" name="special-kind" checked={!draft.closed} onChange={() => set({ closed: false })} />
          {t('shop.special.openHours')}
        </label>
        {draft.closed ? null : (
          <span className="hours-times special-times">
            <input
              type="time"
              className="field-input hours-time"
              value={draft.opens}
              required
              aria-label={t('shop.special.opens')}
              aria-invalid={problem === 'time' ? true : undefined}
              onChange={(event) => set({ opens: event.target.value })}
            />
            <span className="hours-dash" aria-hidden="true">
              –
            </span>
            <input
              type="time"
              className="field-input hours-time"
              value={draft.closes}
              required
              aria-label={t('shop.special.closes')}
              aria-invalid={problem === 'time' ? true : undefined}
              onChange={(event) => set({ closes: event.target.value })}
            />
          </span>
        )}
      </fieldset>
      {problem !== null && problem !== 'name' ? (
        <p id={errorId} className="field-error" role="alert">
          {t(PROBLEM_TEXT[problem])}
        </p>
      ) : null}
      {failed ? (
        <p className="field-error" role="alert">
          {t('shop.hours.notSaved')}
        </p>
      ) : null}
      <div className="label-editor-actions">
        <span className="label-editor-spacer" />
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={pending}>
          {t('shop.special.save')}
        </button>
      </div>
    </form>
  );
}

export function SpecialHoursList({ ranges, onSave }: { ranges: readonly SpecialHours[]; onSave: Save }) {
  const { t } = useTranslation();
  const format = useFormat();
  const titleId = useId();
  const hintId = useId();
  // The range being edited ('new' for one being added), and the last one deleted with where it was.
  const [editing, setEditing] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<{ range: SpecialHours; index: number } | null>(null);
  const [failed, setFailed] = useState(false);

  const save = (range: SpecialHours) => {
    const index = ranges.findIndex((r) => r.id === range.id);
    const next = index === -1 ? [...ranges, range] : ranges.map((r) => (r.id === range.id ? range : r));
    return onSave(next).then((ok) => {
      if (ok) {
        setEditing(null);
        setDeleted(null);
      }
      return ok;
    });
  };
  const remove = (range: SpecialHours, index: number) => {
    void onSave(ranges.filter((r) => r.id !== range.id)).then((ok) => {
      setFailed(!ok);
      if (ok) setDeleted({ range, index });
    });
  };
  const undo = (gone: { range: SpecialHours; index: number }) => {
    const next = [...ranges.slice(0, gone.index), gone.range, ...ranges.slice(gone.index)];
    void onSave(next).then((ok) => {
      setFailed(!ok);
      if (ok) setDeleted(null);
    });
  };
  const full = ranges.length >= LIMITS.specialHours;

  return (
    <section className="shop-section special-hours" aria-labelledby={titleId}>
      <h3 id={titleId} className="shop-section-title">
        {t('shop.special.title')}
      </h3>
      <p id={hintId} className="field-hint">
        {t('shop.special.hint')}
      </p>
      {ranges.length === 0 ? null : (
        <ul className="special-list" aria-labelledby={titleId} aria-describedby={hintId}>
          {ranges.map((range, index) =>
            editing === range.id ? (
              <li key={range.id} className="special-row is-editing">
                <RangeForm range={range} onSave={save} onCancel={() => setEditing(null)} />
              </li>
            ) : (
              <li key={range.id} className="special-row">
                <span className="special-name" dir="auto">
                  {range.name}
                </span>
                <span className="special-when">{datesText(format, range)}</span>
                <span className={range.hours === null ? 'special-hours is-closed' : 'special-hours'}>
                  {range.hours === null
                    ? t('shop.special.closed')
                    : range.hours.from === range.hours.to
                      ? t('shop.hours.allDay')
                      : t('shop.special.span', { from: clockText(format, range.hours.from), to: clockText(format, range.hours.to) })}
                </span>
                <span className="special-actions">
                  <button type="button" className="button button-small" aria-label={t('shop.special.editNamed', { name: isolate(range.name) })} onClick={() => setEditing(range.id)}>
                    {t('shop.special.edit')}
                  </button>
                  <button type="button" className="button button-small" aria-label={t('shop.special.deleteNamed', { name: isolate(range.name) })} onClick={() => remove(range, index)}>
                    {t('shop.special.delete')}
                  </button>
                </span>
              </li>
            ),
          )}
        </ul>
      )}
      {deleted === null ? null : (
        <div className="shop-undo" role="status">
          <span className="shop-undo-text">{t('shop.special.deleted', { name: isolate(deleted.range.name) })}</span>
          <button type="button" className="button button-small" onClick={() => undo(deleted)}>
            {t('shop.undoAction')}
          </button>
        </div>
      )}
      {editing === 'new' ? (
        <RangeForm range={undefined} onSave={save} onCancel={() => setEditing(null)} />
      ) : (
        <p className="special-add">
          <button type="button" className="button" disabled={full} onClick={() => setEditing('new')}>
            {t('shop.special.add')}
          </button>
          {full ? <span className="field-hint">{t('shop.special.full', { count: LIMITS.specialHours })}</span> : null}
        </p>
      )}
      {failed ? (
        <p className="shop-result is-error" role="alert">
          {t('shop.hours.notSaved')}
        </p>
      ) : null}
    </section>
  );
}
