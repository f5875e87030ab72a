/**
 * A quick reply's trigger phrases in its editor: the phrases as chips (each removed with its × button), a field
 * where Enter or the Add button adds the phrase typed, refused in place with the reason (too long, nothing to
 * match, reads as one already there, too many), and a box to try a customer's message against the library as it
 * would be with this reply saved: which reply Wasl would suggest, for which phrase, and which words matched
 * (common/shop/faq.ts). Wasl never sends a suggested reply.
 */
import { useId, useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../common/limits';
import { faqMatcher, normalizeTrigger } from '../../../../common/shop/faq';
import type { QuickReply } from '../../../../common/shop/model';
import { CloseIcon, PlusIcon } from '../../components/icons';
import { isolate } from '../../i18n/format';
import { useApp, useShell } from '../../store/context';

/** Why a phrase cannot be added, in the user's language; null when it can. */
export function useTriggerCheck(): (phrase: string, triggers: readonly string[]) => string | null {
  const { t } = useTranslation();
  return (phrase, triggers) => {
    const key = normalizeTrigger(phrase);
    if (phrase.length > LIMITS.triggerChars) return t('replies.editor.triggerTooLong', { max: LIMITS.triggerChars });
    if (key === '') return t('replies.editor.triggerBlank');
    const same = triggers.find((other) => normalizeTrigger(other) === key);
    if (same !== undefined) return t('replies.editor.triggerSame', { phrase: isolate(phrase), other: isolate(same) });
    if (triggers.length >= LIMITS.triggersPerReply) return t('replies.editor.triggerFull', { max: LIMITS.triggersPerReply });
    return null;
  };
}

interface TriggerFieldProps {
  triggers: readonly string[];
  onChange: (triggers: string[]) => void;
  /** The phrase being typed, kept by the editor so saving can add it. */
  draft: string;
  onDraft: (draft: string) => void;
  error: string | null;
  onError: (error: string | null) => void;
  /** The phrase field, for the editor to focus when saving finds the phrase typed there refused. */
  inputRef: RefObject<HTMLInputElement | null>;
}

export function TriggerField({ triggers, onChange, draft, onDraft, error, onError, inputRef }: TriggerFieldProps) {
  const { t } = useTranslation();
  const { ui } = useShell();
  const check = useTriggerCheck();
  const id = useId();
  const announce = (text: string) => ui.getState().announce(text);

  const add = () => {
    const phrase = draft.trim();
    if (phrase === '') return;
    const problem = check(phrase, triggers);
    onError(problem);
    if (problem !== null) return;
    onChange([...triggers, phrase]);
    onDraft('');
    announce(t('replies.editor.triggerAdded', { phrase: isolate(phrase) }));
  };

  const remove = (phrase: string) => {
    onChange(triggers.filter((other) => other !== phrase));
    onError(null);
    inputRef.current?.focus();
    announce(t('replies.editor.triggerRemoved', { phrase: isolate(phrase) }));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.ctrlKey || event.metaKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    add();
  };

  const describedBy = [error === null ? `${id}-hint` : `${id}-error`, `${id}-count`].join(' ');
  return (
    <div className="field reply-triggers">
      <label htmlFor={`${id}-input`} className="field-label">
        {t('replies.editor.triggers')}
      </label>
      {triggers.length === 0 ? null : (
        <ul className="reply-trigger-list" aria-label={t('replies.editor.triggerList')}>
          {triggers.map((phrase) => (
            <li key={phrase} className="reply-trigger">
              <bdi className="reply-trigger-text" dir="auto">
                {phrase}
              </bdi>
              <button type="button" className="reply-trigger-remove" aria-label={t('replies.editor.triggerRemove', { phrase: isolate(phrase) })} onClick={() => remove(phrase)}>
                <CloseIcon />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="reply-trigger-entry">
        <input
          ref={inputRef}
          id={`${id}-input`}
          className="field-input"
          dir="auto"
          value={draft}
          placeholder={t('replies.editor.triggerPlaceholder')}
          autoComplete="off"
          aria-invalid={error === null ? undefined : true}
          aria-describedby={describedBy}
          onKeyDown={onKeyDown}
          onChange={(event) => {
            onDraft(event.target.value);
            onError(null);
          }}
        />
        <button type="button" className="button" onClick={add} disabled={draft.trim() === ''}>
          <PlusIcon />
          {t('replies.editor.triggerAdd')}
        </button>
      </div>
      {error === null ? (
        <p id={`${id}-hint`} className="field-hint">
          {t('replies.editor.triggersHint')}
        </p>
      ) : (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      <p id={`${id}-count`} className="reply-count">
        {t('replies.editor.triggerCount', { length: triggers.length, max: LIMITS.triggersPerReply })}
      </p>
    </div>
  );
}

interface TriggerTryProps {
  /** The reply as the editor has it now (its id: the reply's, or one no saved reply has). */
  draft: QuickReply;
}

/** A customer's message tried against the library with `draft` saved: who Wasl would suggest, and why. */
export function TriggerTry({ draft }: TriggerTryProps) {
  const { t } = useTranslation();
  const replies = useApp((s) => s.quickReplies);
  const id = useId();
  const [message, setMessage] = useState('');
  const library = useMemo(() => {
    const saved = replies.some((r) => r.id === draft.id);
    return saved ? replies.map((r) => (r.id === draft.id ? draft : r)) : [...replies, draft];
  }, [replies, draft]);
  const match = useMemo(() => faqMatcher(library), [library]);
  const found = message.trim() === '' ? undefined : match(message);
  const hasPhrases = (draft.triggers ?? []).length > 0;

  const outcome = (): string | null => {
    if (!hasPhrases) return t('replies.editor.tryNoPhrases');
    if (message.trim() === '') return null;
    if (found === undefined) return t('replies.editor.tryNone');
    const values = { trigger: isolate(found.trigger), matched: isolate(found.matched) };
    const other = found.replyId === draft.id ? undefined : library.find((r) => r.id === found.replyId);
    if (other !== undefined) return t('replies.editor.tryOther', { ...values, name: isolate(other.name) });
    return t(found.how === 'exact' ? 'replies.editor.tryExact' : 'replies.editor.tryFuzzy', values);
  };
  const tone = found === undefined ? '' : found.replyId === draft.id ? ' is-match' : ' is-other';

  return (
    <section className="reply-trigger-try" aria-labelledby={`${id}-label`}>
      <label id={`${id}-label`} htmlFor={`${id}-input`} className="reply-editor-preview-label">
        {t('replies.editor.tryLabel')}
      </label>
      <input
        id={`${id}-input`}
        className="field-input"
        dir="auto"
        value={message}
        placeholder={t('replies.editor.tryPlaceholder')}
        autoComplete="off"
        disabled={!hasPhrases}
        onChange={(event) => setMessage(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) event.preventDefault();
        }}
      />
      <p className={`reply-trigger-outcome${tone}`} role="status">
        {outcome() ?? '\u00a0'}
      </p>
    </section>
  );
}
