/**
 * The customer's note: free text saved by itself a moment after the user stops typing, and on close. It says
 * "Saving…", then "Saved"; when main refuses, it says so, keeps the text, and offers to try again. A note that
 * could not be saved when the card closed comes back the next time the card opens (for this session). A change
 * made elsewhere (an undo, a restore) shows up unless the user has unsaved typing.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../common/limits';
import { CheckIcon } from '../../components/icons';
import { useFormat } from '../../i18n/format';

/** How long after the last keystroke the note is saved. */
export const NOTE_SAVE_DELAY_MS = 1000;

/** The counter shows once the note is this close to its limit. */
const COUNTER_FROM = 0.9;

/** Notes that did not save when their card closed, by entry key. */
const drafts = new Map<string, string>();

type Phase = 'idle' | 'saving' | 'saved' | 'failed';

interface NoteFieldProps {
  /** The entry's key: where an unsaved draft waits. */
  draftKey: string;
  /** The note as main holds it. */
  note: string;
  save: (note: string) => Promise<boolean>;
}

export function NoteField({ draftKey, note, save }: NoteFieldProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const [text, setText] = useState(() => drafts.get(draftKey) ?? note);
  // The draft is this card's text now: saved with it, or left again when it closes unsaved.
  useEffect(() => {
    drafts.delete(draftKey);
  }, [draftKey]);
  const [saved, setSaved] = useState(note);
  const [seen, setSeen] = useState(note);
  const [phase, setPhase] = useState<Phase>('idle');
  const latest = useRef({ text, saved, save, draftKey });
  const timer = useRef<number | undefined>(undefined);

  // Main's note changed: shown, unless the user is typing over it.
  if (note !== seen) {
    setSeen(note);
    if (text === saved) setText(note);
    setSaved(note);
  }

  useLayoutEffect(() => {
    latest.current = { text, saved, save, draftKey };
  });

  const flush = useCallback(async (): Promise<void> => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    const current = latest.current;
    if (current.text === current.saved) return;
    const sent = current.text;
    setPhase('saving');
    const ok = await current.save(sent);
    if (ok) {
      latest.current.saved = sent;
      setSaved(sent);
      if (drafts.get(current.draftKey) === sent) drafts.delete(current.draftKey);
    }
    setPhase(ok ? 'saved' : 'failed');
  }, []);

  // Closing the card saves what is left; until main says it saved, the text waits as a draft.
  useEffect(
    () => () => {
      const current = latest.current;
      if (current.text === current.saved) return;
      drafts.set(current.draftKey, current.text);
      void flush();
    },
    [flush],
  );

  const change = (value: string) => {
    setText(value);
    latest.current.text = value;
    setPhase('idle');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void flush(), NOTE_SAVE_DELAY_MS);
  };

  const counter = text.length >= LIMITS.note * COUNTER_FROM;
  return (
    <div className="customer-note">
      <label htmlFor={id} className="customer-section-title">
        {t('customer.note.label')}
      </label>
      <textarea
        id={id}
        className="customer-note-input"
        dir="auto"
        rows={4}
        maxLength={LIMITS.note}
        placeholder={t('customer.note.placeholder')}
        value={text}
        onChange={(event) => change(event.target.value)}
        onBlur={() => void flush()}
      />
      <div className="customer-note-foot">
        <p className={`customer-note-state is-${phase}`} role="status">
          {phase === 'saving' ? t('customer.note.saving') : null}
          {phase === 'saved' ? (
            <>
              <CheckIcon />
              {t('customer.note.saved')}
            </>
          ) : null}
          {phase === 'failed' ? t('customer.note.failed') : null}
        </p>
        {phase === 'failed' ? (
          <button type="button" className="button button-link button-small" onClick={() => void flush()}>
            {t('customer.note.retry')}
          </button>
        ) : null}
        {counter ? (
          <span className="customer-note-count">{t('customer.note.count', { used: format.number(text.length), max: format.number(LIMITS.note) })}</span>
        ) : null}
      </div>
    </div>
  );
}
