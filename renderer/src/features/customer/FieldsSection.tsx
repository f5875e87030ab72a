/**
 * The customer card's fields: each field the shop defines (Shop tools › Fields), with an editor for its type — a
 * text box that grows with a long value, a number box that takes either digit set, a date picker, a list of the choices. A text, number or date
 * is saved when the user leaves the box or presses Enter (Esc puts back what was saved); a choice as soon as it is
 * picked; an emptied box clears the value. A number shows in the user's digits, a date also in words as the shell
 * writes dates (the user's digits and calendar, the Hijri date beside it when the user chose both). When main refuses, the box says so and keeps what the user typed.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../common/limits';
import { formatFieldValue, parseFieldNumber, type FieldDef, type FieldValue } from '../../../../common/shop/fields';
import { dateOfText } from '../../../../common/shop/hours';
import { isolate, useFormat, useLocale } from '../../i18n/format';
import { useApp, useShell } from '../../store/context';

interface FieldsSectionProps {
  /** The customer's values, by field id. */
  values: Readonly<Record<string, FieldValue>> | undefined;
  /** Sends one value (null clears it); false when main refused it. */
  save: (id: string, value: FieldValue | null) => Promise<boolean>;
  /** Opens the Fields tab of the shop tools, where fields are defined. */
  onManage: () => void;
}

export function FieldsSection({ values, save, onManage }: FieldsSectionProps) {
  const { t } = useTranslation();
  const fields = useApp((s) => s.customerFields);
  const titleId = useId();
  return (
    <section className="customer-section customer-fields" aria-labelledby={titleId}>
      <h3 id={titleId} className="customer-section-title">
        {t('customer.fields.title')}
      </h3>
      {fields.length === 0 ? (
        <p className="customer-muted customer-fields-empty">
          {t('customer.fields.empty')}{' '}
          <button type="button" className="button button-link button-small" onClick={onManage}>
            {t('customer.fields.define')}
          </button>
        </p>
      ) : (
        <>
          <div className="customer-fields-list">
            {fields.map((def) => (
              <FieldEditor key={def.id} def={def} value={values?.[def.id]} save={(value) => save(def.id, value)} />
            ))}
          </div>
          <button type="button" className="button button-link button-small customer-fields-manage" onClick={onManage}>
            {t('customer.fields.manage')}
          </button>
        </>
      )}
    </section>
  );
}

/** The text a box shows for a value: a number in the user's digits, the rest as it is. */
const boxText = (def: FieldDef, value: FieldValue | undefined, locale: string): string =>
  value === undefined ? '' : def.type === 'number' ? formatFieldValue(def, value, locale) : String(value);

function FieldEditor({ def, value, save }: { def: FieldDef; value: FieldValue | undefined; save: (value: FieldValue | null) => Promise<boolean> }) {
  const { t } = useTranslation();
  const { ui } = useShell();
  const locale = useLocale();
  const format = useFormat();
  const id = useId();
  const errorId = `${id}-error`;
  const saved = boxText(def, value, locale);
  const [text, setText] = useState(saved);
  const [seen, setSeen] = useState(saved);
  /** The text last sent: once main has it, the box shows it as main keeps it (trimmed, in the user's digits). */
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  // Main's value changed (an undo, a restore, the other type of digits): shown, unless the user is typing over it.
  if (saved !== seen) {
    setSeen(saved);
    if (text === seen || text === sent) setText(saved);
  }

  const send = (next: FieldValue | null, raw: string) => {
    setSent(raw);
    setPending(true);
    void save(next).then((ok) => {
      setPending(false);
      if (!ok) {
        setError(t('customer.fields.failed'));
        return;
      }
      setError(null);
      const name = isolate(def.name);
      ui.getState().announce(next === null ? t('customer.fields.cleared', { name }) : t('customer.fields.saved', { name }));
    });
  };

  /** Saves what the box holds, unless it is what main has. */
  const commit = (input: HTMLInputElement | HTMLTextAreaElement) => {
    // A date typed in part reads as empty: it is not taken for clearing the value.
    if (input.validity.badInput) {
      setError(t('customer.fields.notDate'));
      return;
    }
    const raw = input.value;
    const trimmed = raw.trim();
    if (trimmed === saved.trim()) {
      setError(null);
      return;
    }
    if (trimmed === '') {
      send(null, raw);
      return;
    }
    if (def.type === 'number') {
      const number = parseFieldNumber(trimmed);
      if (number === undefined) {
        setError(t('customer.fields.notNumber'));
        return;
      }
      send(number, raw);
      return;
    }
    send(trimmed, raw);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit(event.currentTarget);
    } else if (event.key === 'Escape' && text !== saved) {
      // The first Esc puts back what was saved; the next one closes the card.
      event.preventDefault();
      event.stopPropagation();
      setText(saved);
      setError(null);
    }
  };

  const shared = {
    id,
    'aria-invalid': error === null ? undefined : true,
    'aria-describedby': error === null ? undefined : errorId,
  } as const;

  // A date also in words, as the shell writes dates: with the Hijri date beside it when the user chose both.
  const shownDate = def.type === 'date' && typeof value === 'string' && text === saved ? dateOfText(value) : undefined;

  let editor;
  if (def.type === 'choice') {
    editor = (
      <select
        {...shared}
        className="field-input field-select"
        dir="auto"
        value={typeof value === 'string' ? value : ''}
        disabled={pending}
        onChange={(event) => send(event.target.value === '' ? null : event.target.value, event.target.value)}
      >
        <option value="">{t('customer.fields.unset')}</option>
        {(def.choices ?? []).map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
    );
  } else if (def.type === 'text') {
    // A text box that grows with what it holds (an address, a gift message), Enter saving as in the other boxes.
    editor = (
      <textarea
        {...shared}
        className="field-input customer-field-text"
        dir="auto"
        rows={1}
        maxLength={LIMITS.fieldText}
        autoComplete="off"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setError(null);
        }}
        onBlur={(event) => commit(event.target)}
        onKeyDown={onKeyDown}
      />
    );
  } else {
    editor = (
      <input
        {...shared}
        className="field-input"
        type={def.type === 'date' ? 'date' : 'text'}
        inputMode={def.type === 'number' ? 'decimal' : undefined}
        autoComplete="off"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setError(null);
        }}
        onBlur={(event) => commit(event.target)}
        onKeyDown={onKeyDown}
      />
    );
  }

  return (
    <div className={`customer-field is-${def.type}`}>
      <label htmlFor={id} className="customer-field-name" dir="auto">
        {def.name}
      </label>
      <div className="customer-field-value">
        {editor}
        {shownDate === undefined ? null : <span className="customer-field-shown">{format.date(shownDate.getTime())}</span>}
        {error === null ? null : (
          <p id={errorId} className="field-error">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
