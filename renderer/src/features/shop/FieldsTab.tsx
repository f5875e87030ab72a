/**
 * Customer fields: what the shop records on each customer card beyond labels and the note (a size, a city, an
 * order number). Every field with its type and how many customers have a value, added, edited (name, type,
 * a choice field's choices, one per line), moved up and down, and deleted with undo. Deleting a field in use asks
 * first, saying how many customers lose their value. A change main refuses (a name in use, values the new type
 * cannot keep) is said in the form, which keeps what the user typed.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandResult } from '../../../../common/ipc';
import { LIMITS } from '../../../../common/limits';
import { cleanChoices, FIELD_REFUSALS, FIELD_TYPES, sameFieldName, type FieldDef, type FieldType } from '../../../../common/shop/fields';
import { Field } from '../../components/Field';
import { isolate } from '../../i18n/format';
import { useApp, useCommand, useShell } from '../../store/context';
import { UndoBar } from './UndoBar';

const TYPE_TEXT = {
  text: 'shop.fields.type.text',
  number: 'shop.fields.type.number',
  date: 'shop.fields.type.date',
  choice: 'shop.fields.type.choice',
} as const satisfies Record<FieldType, string>;

/** Escape inside an inline form or confirmation cancels it, without closing the dialog around it. */
function onEscape(cancel: () => void): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    cancel();
  };
}

/** A new field (no `field`) or a change to one: its name, its type, a choice field's choices one per line. */
function FieldForm({ field, fields, onDone }: { field?: FieldDef; fields: readonly FieldDef[]; onDone?: () => void }) {
  const { t } = useTranslation();
  const { ui } = useShell();
  const command = useCommand();
  const [name, setName] = useState(field?.name ?? '');
  const [type, setType] = useState<FieldType>(field?.type ?? 'text');
  const [choices, setChoices] = useState((field?.choices ?? []).join('\n'));
  const [nameError, setNameError] = useState<string | null>(null);
  const [choicesError, setChoicesError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const titleId = useId();
  const typeId = useId();
  const choicesId = useId();

  const refused = (result: Extract<CommandResult, { ok: false }>) => {
    if (result.detail === FIELD_REFUSALS.duplicateName) setNameError(t('shop.fields.nameTaken'));
    else if (result.detail === FIELD_REFUSALS.choices) setChoicesError(t('shop.fields.choicesInvalid', { max: LIMITS.fieldChoices }));
    else if (result.detail === FIELD_REFUSALS.valuesDoNotFit) setError(t('shop.fields.valuesDoNotFit'));
    else if (result.error === 'full') setError(t('shop.fields.full', { max: LIMITS.customerFields }));
    else setError(t('errors.commandFailed'));
  };

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    let bad = false;
    if (trimmed === '') {
      setNameError(t('shop.fields.nameEmpty'));
      bad = true;
    } else if (fields.some((f) => f.id !== field?.id && sameFieldName(f.name, trimmed))) {
      setNameError(t('shop.fields.nameTaken'));
      bad = true;
    }
    const list = type === 'choice' ? cleanChoices(choices.split('\n').filter((line) => line.trim() !== '')) : undefined;
    if (type === 'choice' && list === undefined) {
      setChoicesError(t('shop.fields.choicesInvalid', { max: LIMITS.fieldChoices }));
      bad = true;
    }
    if (bad) return;
    setPending(true);
    void command({ type: 'customerField.save', ...(field === undefined ? {} : { id: field.id }), name: trimmed, fieldType: type, ...(list === undefined ? {} : { choices: list }) }).then(
      (result) => {
        setPending(false);
        if (!result.ok) {
          refused(result);
          return;
        }
        ui.getState().announce(field === undefined ? t('shop.fields.added', { name: isolate(trimmed) }) : t('shop.fields.saved', { name: isolate(trimmed) }));
        if (field === undefined) {
          setName('');
          setType('text');
          setChoices('');
        }
        onDone?.();
      },
    );
  };

  return (
    <form
      className={field === undefined ? 'fields-add' : 'fields-editor'}
      noValidate
      onSubmit={submit}
      onKeyDown={onDone === undefined ? undefined : onEscape(onDone)}
      {...(field === undefined ? { 'aria-labelledby': titleId } : { 'aria-label': t('shop.fields.editing', { name: isolate(field.name) }) })}
    >
      {field === undefined ? (
        <h3 id={titleId} className="shop-section-title">
          {t('shop.fields.addTitle')}
        </h3>
      ) : null}
      <Field
        label={t('shop.fields.name')}
        value={name}
        maxLength={LIMITS.fieldName}
        dir="auto"
        autoComplete="off"
        autoFocus={field !== undefined}
        placeholder={t('shop.fields.namePlaceholder')}
        error={nameError}
        onChange={(event) => {
          setName(event.target.value);
          setNameError(null);
          setError(null);
        }}
      />
      <div className="field">
        <label htmlFor={typeId} className="field-label">
          {t('shop.fields.typeLabel')}
        </label>
        <select
          id={typeId}
          className="field-input field-select"
          value={type}
          onChange={(event) => {
            setType(event.target.value as FieldType);
            setError(null);
            setChoicesError(null);
          }}
        >
          {FIELD_TYPES.map((option) => (
            <option key={option} value={option}>
              {t(TYPE_TEXT[option])}
            </option>
          ))}
        </select>
      </div>
      {type === 'choice' ? (
        <div className="field">
          <label htmlFor={choicesId} className="field-label">
            {t('shop.fields.choices')}
          </label>
          <textarea
            id={choicesId}
            className="field-input fields-choices"
            dir="auto"
            rows={4}
            value={choices}
            placeholder={t('shop.fields.choicesPlaceholder')}
            aria-invalid={choicesError === null ? undefined : true}
            aria-describedby={`${choicesId}-note`}
            onChange={(event) => {
              setChoices(event.target.value);
              setChoicesError(null);
              setError(null);
            }}
          />
          <p id={`${choicesId}-note`} className={choicesError === null ? 'field-hint' : 'field-error'}>
            {choicesError ?? t('shop.fields.choicesHint', { max: LIMITS.fieldChoices })}
          </p>
        </div>
      ) : null}
      {error === null ? null : (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="fields-form-actions">
        {onDone === undefined ? null : (
          <button type="button" className="button" onClick={onDone}>
            {t('common.cancel')}
          </button>
        )}
        <button type="submit" className="button button-primary" disabled={pending}>
          {field === undefined ? t('shop.fields.add') : t('shop.fields.save')}
        </button>
      </div>
    </form>
  );
}

interface RowProps {
  field: FieldDef;
  fields: readonly FieldDef[];
  index: number;
  count: number;
  editing: boolean;
  confirming: boolean;
  onEdit: () => void;
  onDone: () => void;
  onDelete: () => void;
  onConfirm: () => void;
  onCancel: () => void;
  onMove: (index: number) => void;
}

function FieldRow({ field, fields, index, count, editing, confirming, onEdit, onDone, onDelete, onConfirm, onCancel, onMove }: RowProps) {
  const { t } = useTranslation();
  const name = isolate(field.name);
  const editRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const was = useRef({ editing, confirming });
  // Closing the editor or the confirmation gives the focus back to the button that opened it.
  useEffect(() => {
    if (was.current.editing && !editing) editRef.current?.focus();
    else if (was.current.confirming && !confirming && !editing) deleteRef.current?.focus();
    was.current = { editing, confirming };
  }, [editing, confirming]);
  if (editing) {
    return (
      <li className="fields-row is-editing">
        <FieldForm field={field} fields={fields} onDone={onDone} />
      </li>
    );
  }
  return (
    <li className="fields-row">
      <span className="fields-row-text">
        <span className="fields-row-name" dir="auto">
          {field.name}
        </span>
        <span className="fields-row-type">
          {t(TYPE_TEXT[field.type])}
          {field.choices === undefined ? null : (
            <>
              {' · '}
              <bdi>{field.choices.join(t('shop.fields.choiceSeparator'))}</bdi>
            </>
          )}
        </span>
      </span>
      <span className="fields-row-usage">{count === 0 ? t('shop.fields.unused') : t('shop.fields.usage', { count })}</span>
      {confirming ? (
        <span className="fields-confirm" role="group" aria-label={t('shop.fields.confirmDelete', { name, count })} onKeyDown={onEscape(onCancel)}>
          <span className="fields-confirm-text">{t('shop.fields.confirmDelete', { name, count })}</span>
          <button type="button" className="button button-small" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button-small button-danger" autoFocus onClick={onConfirm}>
            {t('shop.fields.delete')}
          </button>
        </span>
      ) : (
        <span className="fields-actions">
          <button type="button" className="button button-small" disabled={index === 0} aria-label={t('shop.fields.moveUpNamed', { name })} onClick={() => onMove(index - 1)}>
            {t('shop.fields.moveUp')}
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={index === fields.length - 1}
            aria-label={t('shop.fields.moveDownNamed', { name })}
            onClick={() => onMove(index + 1)}
          >
            {t('shop.fields.moveDown')}
          </button>
          <button ref={editRef} type="button" className="button button-small" aria-label={t('shop.fields.editNamed', { name })} onClick={onEdit}>
            {t('shop.fields.edit')}
          </button>
          <button ref={deleteRef} type="button" className="button button-small" aria-label={t('shop.fields.deleteNamed', { name })} onClick={onDelete}>
            {t('shop.fields.delete')}
          </button>
        </span>
      )}
    </li>
  );
}

export function FieldsTab() {
  const { t } = useTranslation();
  const { ui } = useShell();
  const command = useCommand();
  const fields = useApp((s) => s.customerFields);
  const customers = useApp((s) => s.customers);
  const shopUndo = useApp((s) => s.shopUndo);
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<{ name: string; count: number } | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const showUndo = deleted !== null && shopUndo === 'field-deleted';

  // The deleted row took the focus with it: Undo gets it once it shows.
  useEffect(() => {
    if (showUndo && document.activeElement === document.body) undoRef.current?.focus();
  }, [showUndo]);

  const usage = useMemo(() => {
    const counts = new Map<string, number>();
    for (const customer of Object.values(customers)) {
      for (const id of Object.keys(customer.fields ?? {})) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }, [customers]);

  const remove = (field: FieldDef) => {
    const count = usage.get(field.id) ?? 0;
    setConfirming(null);
    void command({ type: 'customerField.delete', id: field.id }).then((result) => {
      if (!result.ok) {
        ui.getState().announce(t('errors.commandFailed'));
        return;
      }
      setDeleted({ name: field.name, count });
      ui.getState().announce(t('shop.fields.deleted', { name: isolate(field.name) }));
    });
  };

  const move = (field: FieldDef, index: number) => {
    void command({ type: 'customerField.move', id: field.id, index }).then((result) => {
      ui.getState().announce(result.ok ? t('shop.fields.moved', { name: isolate(field.name), position: index + 1, count: fields.length }) : t('errors.commandFailed'));
    });
  };

  return (
    <div className="shop-tab-body fields-tab">
      <p className="shop-intro">{t('shop.fields.intro')}</p>
      {showUndo ? (
        <UndoBar
          buttonRef={undoRef}
          undoneText={t('shop.fields.restored', { name: isolate(deleted.name) })}
          onUndone={() => {
            setDeleted(null);
            listRef.current?.focus();
          }}
        >
          {t('shop.fields.deleted', { name: isolate(deleted.name) })}
          {deleted.count > 0 ? ` ${t('shop.fields.removedFrom', { count: deleted.count })}` : null}
        </UndoBar>
      ) : null}
      {fields.length === 0 ? (
        <p className="shop-empty">{t('shop.fields.empty')}</p>
      ) : (
        <ul ref={listRef} className="fields-list" aria-label={t('shop.tabs.fields')} tabIndex={-1}>
          {fields.map((field, index) => (
            <FieldRow
              key={field.id}
              field={field}
              fields={fields}
              index={index}
              count={usage.get(field.id) ?? 0}
              editing={editing === field.id}
              confirming={confirming === field.id}
              onEdit={() => {
                setConfirming(null);
                setEditing(field.id);
              }}
              onDone={() => setEditing(null)}
              onDelete={() => ((usage.get(field.id) ?? 0) > 0 ? setConfirming(field.id) : remove(field))}
              onConfirm={() => remove(field)}
              onCancel={() => setConfirming(null)}
              onMove={(to) => move(field, to)}
            />
          ))}
        </ul>
      )}
      {fields.length >= LIMITS.customerFields ? <p className="shop-empty">{t('shop.fields.full', { max: LIMITS.customerFields })}</p> : <FieldForm fields={fields} />}
    </div>
  );
}
