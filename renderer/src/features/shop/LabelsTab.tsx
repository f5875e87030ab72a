/**
 * Labels: every label with how many customers carry it, renamed and recoloured in place (a preset can take its
 * standard name back), added, and deleted with undo. Deleting a label in use asks first, saying how many
 * customers lose it.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../common/limits';
import { LABEL_COLORS, type Label, type LabelColor } from '../../../../common/shop/model';
import { Field } from '../../components/Field';
import { LabelChip } from '../../components/LabelChip';
import { isolate } from '../../i18n/format';
import { useApp, useCommand, useShell } from '../../store/context';
import { useLabelName } from './labels';
import { UndoBar } from './UndoBar';

const COLOR_TEXT = {
  blue: 'labels.color.blue',
  teal: 'labels.color.teal',
  green: 'labels.color.green',
  lime: 'labels.color.lime',
  yellow: 'labels.color.yellow',
  orange: 'labels.color.orange',
  red: 'labels.color.red',
  pink: 'labels.color.pink',
  purple: 'labels.color.purple',
  gray: 'labels.color.gray',
} as const satisfies Record<LabelColor, string>;

/** Escape inside an inline form or confirmation cancels it, without closing the dialog around it. */
function onEscape(cancel: () => void): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    cancel();
  };
}

function ColorPicker({ value, onChange }: { value: LabelColor; onChange: (color: LabelColor) => void }) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <div className="swatches" role="radiogroup" aria-label={t('shop.labels.color')}>
      {LABEL_COLORS.map((color) => (
        <label key={color} className="swatch" data-color={color} title={t(COLOR_TEXT[color])}>
          <input type="radio" name={name} value={color} checked={color === value} aria-label={t(COLOR_TEXT[color])} onChange={() => onChange(color)} />
          <span className="swatch-dot" aria-hidden="true" />
        </label>
      ))}
    </div>
  );
}

/** The label's name and colour as a form, saved with Enter or Save; Escape cancels. */
function LabelEditor({ label, onDone }: { label: Label; onDone: () => void }) {
  const { t } = useTranslation();
  const { ui } = useShell();
  const command = useCommand();
  const labelName = useLabelName();
  const shown = labelName(label);
  const standard = label.preset === undefined ? undefined : labelName({ id: label.id, color: label.color, preset: label.preset });
  const [name, setName] = useState(shown);
  const [color, setColor] = useState(label.color);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const send = (next: string | null | undefined, done: string) => {
    setPending(true);
    void command({ type: 'label.save', id: label.id, color, ...(next === undefined ? {} : { name: next }) }).then((result) => {
      setPending(false);
      if (!result.ok) {
        setError(t('errors.commandFailed'));
        return;
      }
      ui.getState().announce(done);
      onDone();
    });
  };

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '' && standard === undefined) {
      setError(t('shop.labels.nameEmpty'));
      return;
    }
    // Empty, or the preset's own name: the preset's name again, in whichever language the interface speaks.
    if (standard !== undefined && (trimmed === '' || trimmed === standard)) {
      send(null, t('shop.labels.saved', { name: isolate(standard) }));
      return;
    }
    // An unchanged name stays as it is: a preset keeps following the interface's language.
    send(trimmed === shown ? undefined : trimmed, t('shop.labels.saved', { name: isolate(trimmed) }));
  };

  return (
    <form className="label-editor" noValidate onSubmit={submit} onKeyDown={onEscape(onDone)} aria-label={t('shop.labels.editing', { name: isolate(shown) })}>
      <Field
        label={t('shop.labels.name')}
        value={name}
        maxLength={LIMITS.labelName}
        dir="auto"
        autoComplete="off"
        autoFocus
        error={error}
        hint={standard === undefined ? undefined : t('shop.labels.presetHint', { name: isolate(standard) })}
        onChange={(event) => {
          setName(event.target.value);
          setError(null);
        }}
      />
      <ColorPicker value={color} onChange={setColor} />
      <div className="label-editor-actions">
        {standard !== undefined && label.name !== undefined ? (
          <button type="button" className="button button-link" disabled={pending} onClick={() => send(null, t('shop.labels.saved', { name: isolate(standard) }))}>
            {t('shop.labels.reset', { name: isolate(standard) })}
          </button>
        ) : null}
        <span className="label-editor-spacer" />
        <button type="button" className="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={pending}>
          {t('shop.labels.save')}
        </button>
      </div>
    </form>
  );
}

function AddLabel({ labels }: { labels: readonly Label[] }) {
  const { t } = useTranslation();
  const { ui } = useShell();
  const command = useCommand();
  const [name, setName] = useState('');
  const unused = LABEL_COLORS.find((c) => !labels.some((l) => l.color === c)) ?? 'blue';
  const [picked, setPicked] = useState<LabelColor | null>(null);
  const color = picked ?? unused;
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const titleId = useId();

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') {
      setError(t('shop.labels.nameEmpty'));
      return;
    }
    setPending(true);
    void command({ type: 'label.save', name: trimmed, color }).then((result) => {
      setPending(false);
      if (!result.ok) {
        setError(result.error === 'full' ? t('shop.labels.full', { max: LIMITS.labels }) : t('errors.commandFailed'));
        return;
      }
      setName('');
      setPicked(null);
      ui.getState().announce(t('shop.labels.added', { name: isolate(trimmed) }));
    });
  };

  return (
    <form className="label-add" noValidate onSubmit={submit} aria-labelledby={titleId}>
      <h3 id={titleId} className="shop-section-title">
        {t('shop.labels.addTitle')}
      </h3>
      <Field
        label={t('shop.labels.name')}
        value={name}
        maxLength={LIMITS.labelName}
        dir="auto"
        autoComplete="off"
        placeholder={t('shop.labels.namePlaceholder')}
        error={error}
        onChange={(event) => {
          setName(event.target.value);
          setError(null);
        }}
      />
      <ColorPicker value={color} onChange={setPicked} />
      <div className="label-add-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {t('shop.labels.add')}
        </button>
      </div>
    </form>
  );
}

function LabelRow({
  label,
  count,
  editing,
  confirming,
  onEdit,
  onDone,
  onDelete,
  onConfirm,
  onCancel,
}: {
  label: Label;
  count: number;
  editing: boolean;
  confirming: boolean;
  onEdit: () => void;
  onDone: () => void;
  onDelete: () => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const labelName = useLabelName();
  const name = labelName(label);
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
      <li className="label-row is-editing">
        <LabelEditor label={label} onDone={onDone} />
      </li>
    );
  }
  return (
    <li className="label-row">
      <LabelChip name={name} color={label.color} />
      <span className="label-usage">{count === 0 ? t('shop.labels.unused') : t('shop.labels.usage', { count })}</span>
      {confirming ? (
        <span className="label-confirm" role="group" aria-label={t('shop.labels.confirmDelete', { name: isolate(name), count })} onKeyDown={onEscape(onCancel)}>
          <span className="label-confirm-text">{t('shop.labels.confirmDelete', { name: isolate(name), count })}</span>
          <button type="button" className="button button-small" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button-small button-danger" autoFocus onClick={onConfirm}>
            {t('shop.labels.delete')}
          </button>
        </span>
      ) : (
        <span className="label-actions">
          <button ref={editRef} type="button" className="button button-small" aria-label={t('shop.labels.editNamed', { name: isolate(name) })} onClick={onEdit}>
            {t('shop.labels.edit')}
          </button>
          <button ref={deleteRef} type="button" className="button button-small" aria-label={t('shop.labels.deleteNamed', { name: isolate(name) })} onClick={onDelete}>
            {t('shop.labels.delete')}
          </button>
        </span>
      )}
    </li>
  );
}

export function LabelsTab() {
  const { t } = useTranslation();
  const { ui } = useShell();
  const command = useCommand();
  const labelName = useLabelName();
  const labels = useApp((s) => s.labels);
  const customers = useApp((s) => s.customers);
  const shopUndo = useApp((s) => s.shopUndo);
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<{ name: string; count: number } | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const showUndo = deleted !== null && shopUndo === 'label-deleted';

  // The deleted row took the focus with it: Undo gets it once it shows.
  useEffect(() => {
    if (showUndo && document.activeElement === document.body) undoRef.current?.focus();
  }, [showUndo]);

  const usage = useMemo(() => {
    const counts = new Map<string, number>();
    for (const customer of Object.values(customers)) {
      for (const id of new Set(customer.labels)) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }, [customers]);

  const remove = (label: Label) => {
    const name = labelName(label);
    const count = usage.get(label.id) ?? 0;
    setConfirming(null);
    void command({ type: 'label.delete', id: label.id }).then((result) => {
      if (!result.ok) {
        ui.getState().announce(t('errors.commandFailed'));
        return;
      }
      setDeleted({ name, count });
      ui.getState().announce(t('shop.labels.deleted', { name: isolate(name) }));
    });
  };

  return (
    <div className="shop-tab-body labels-tab">
      <p className="shop-intro">{t('shop.labels.intro')}</p>
      {showUndo ? (
        <UndoBar
          buttonRef={undoRef}
          undoneText={t('shop.labels.restored', { name: isolate(deleted.name) })}
          onUndone={() => {
            setDeleted(null);
            listRef.current?.focus();
          }}
        >
          {t('shop.labels.deleted', { name: isolate(deleted.name) })}
          {deleted.count > 0 ? ` ${t('shop.labels.removedFrom', { count: deleted.count })}` : null}
        </UndoBar>
      ) : null}
      {labels.length === 0 ? (
        <p className="shop-empty">{t('shop.labels.empty')}</p>
      ) : (
        <ul ref={listRef} className="label-list" aria-label={t('shop.tabs.labels')} tabIndex={-1}>
          {labels.map((label) => (
            <LabelRow
              key={label.id}
              label={label}
              count={usage.get(label.id) ?? 0}
              editing={editing === label.id}
              confirming={confirming === label.id}
              onEdit={() => {
                setConfirming(null);
                setEditing(label.id);
              }}
              onDone={() => setEditing(null)}
              onDelete={() => ((usage.get(label.id) ?? 0) > 0 ? setConfirming(label.id) : remove(label))}
              onConfirm={() => remove(label)}
              onCancel={() => setConfirming(null)}
            />
          ))}
        </ul>
      )}
      <AddLabel labels={labels} />
    </div>
  );
}
