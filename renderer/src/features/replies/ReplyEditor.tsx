/**
 * Adding or editing one quick reply: its name (a leading "/" is dropped, as the palette types it), its text with
 * buttons that put {name}, {first_name} and {shop} at the cursor, and a live preview for a sample customer.
 * Nothing typed is cut short: a name or text over the limit is refused with a message, and kept as written.
 * Its trigger phrases (TriggerField.tsx) make Wasl suggest it on a chat; a phrase still in the field when saving
 * is saved with the others, or refused there with the reason. Ctrl/Cmd+Enter saves, Escape cancels (without
 * closing the dialog around it).
 */
import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../common/limits';
import type { QuickReply } from '../../../../common/shop/model';
import { fillTemplate, TEMPLATE_VARIABLES, variablesIn, type TemplateVariable } from '../../../../common/shop/templates';
import { Field } from '../../components/Field';
import { FormFailure } from '../../components/FormEnd';
import { isolate } from '../../i18n/format';
import { useApp, useCommand } from '../../store/context';
import { ProductVariable, useProductLookup } from './ProductVariable';
import { TriggerField, TriggerTry, useTriggerCheck } from './TriggerField';

/** The id the try box gives a reply not saved yet: no saved reply has it. */
const UNSAVED = '\u0000unsaved';

const VARIABLE_TEXT = {
  name: 'replies.editor.varName',
  first_name: 'replies.editor.varFirst',
  shop: 'replies.editor.varShop',
} as const satisfies Record<TemplateVariable, string>;

/** The text's length is shown once it comes this close to the limit. */
const SHOW_COUNT_AT = LIMITS.replyBody * 0.9;

interface ReplyEditorProps {
  /** The reply to edit; none to add one. */
  reply?: QuickReply;
  onSaved: (id: string, name: string) => void;
  onCancel: () => void;
}

interface Errors {
  name: string | null;
  body: string | null;
}

export function ReplyEditor({ reply, onSaved, onCancel }: ReplyEditorProps) {
  const { t } = useTranslation();
  const command = useCommand();
  const shopName = useApp((s) => s.settings.shop.name);
  const product = useProductLookup();
  const titleId = useId();
  const bodyId = useId();
  const previewId = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  /** Where the caret goes once the text with a variable put in has rendered. */
  const caret = useRef<number | null>(null);
  const [name, setName] = useState(reply?.name ?? '');
  const [body, setBody] = useState(reply?.body ?? '');
  const [errors, setErrors] = useState<Errors>({ name: null, body: null });
  const [triggers, setTriggers] = useState<string[]>(reply?.triggers ?? []);
  const [triggerDraft, setTriggerDraft] = useState('');
  const [triggerError, setTriggerError] = useState<string | null>(null);
  const triggerRef = useRef<HTMLInputElement>(null);
  const checkTrigger = useTriggerCheck();
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const sample = t('replies.editor.sample');

  useLayoutEffect(() => {
    const at = caret.current;
    const field = bodyRef.current;
    if (at === null || field === null) return;
    caret.current = null;
    field.focus();
    field.setSelectionRange(at, at);
  }, [body]);

  const putToken = (token: string) => {
    const field = bodyRef.current;
    const start = field?.selectionStart ?? body.length;
    const end = field?.selectionEnd ?? body.length;
    caret.current = start + token.length;
    setBody(body.slice(0, start) + token + body.slice(end));
    setErrors((e) => ({ ...e, body: null }));
  };

  const check = (cleanName: string, cleanBody: string): Errors => ({
    name:
      cleanName === ''
        ? t('replies.editor.emptyName')
        : cleanName.length > LIMITS.replyName
          ? t('replies.editor.nameTooLong', { max: LIMITS.replyName })
          : null,
    body:
      cleanBody === ''
        ? t('replies.editor.emptyBody')
        : cleanBody.length > LIMITS.replyBody
          ? t('replies.editor.bodyTooLong', { length: cleanBody.length, max: LIMITS.replyBody })
          : null,
  });

  const submit = async (event?: SubmitEvent) => {
    event?.preventDefault();
    if (pending) return;
    const cleanName = name.trim().replace(/^\/+/u, '').trim();
    const cleanBody = body.trim();
    const next = check(cleanName, cleanBody);
    setErrors(next);
    setFailure(null);
    if (next.name !== null) nameRef.current?.focus();
    else if (next.body !== null) bodyRef.current?.focus();
    if (next.name !== null || next.body !== null) return;
    // A phrase typed but not added yet is saved too, unless it is refused.
    const typed = triggerDraft.trim();
    const problem = typed === '' ? null : checkTrigger(typed, triggers);
    if (problem !== null) {
      setTriggerError(problem);
      triggerRef.current?.focus();
      return;
    }
    const cleanTriggers = typed === '' ? triggers : [...triggers, typed];
    if (typed !== '') {
      setTriggers(cleanTriggers);
      setTriggerDraft('');
    }
    const triggersChanged = !sameList(reply?.triggers ?? [], cleanTriggers);
    if (reply !== undefined && reply.name === cleanName && reply.body === cleanBody && !triggersChanged) {
      onSaved(reply.id, cleanName);
      return;
    }
    setPending(true);
    const result = await command({
      type: 'quickReply.save',
      ...(reply === undefined ? {} : { id: reply.id }),
      name: cleanName,
      body: cleanBody,
      // Left out, main keeps the reply's phrases as they are.
      ...(triggersChanged ? { triggers: cleanTriggers } : {}),
    });
    setPending(false);
    if (result.ok && result.id !== undefined) onSaved(result.id, cleanName);
    else setFailure(!result.ok && result.error === 'full' ? t('replies.editor.full', { max: LIMITS.quickReplies }) : t('errors.commandFailed'));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  };

  const preview = fillTemplate(body, { name: sample, shop: shopName, product });
  const tried = useMemo<QuickReply>(() => ({ id: reply?.id ?? UNSAVED, name: name.trim() || (reply?.name ?? ''), body, triggers }), [reply, name, body, triggers]);
  const noShop = variablesIn(body).includes('shop') && shopName.trim() === '';
  const countId = `${bodyId}-count`;
  const showCount = body.length >= SHOW_COUNT_AT;
  const describedBy = [errors.body === null ? null : `${bodyId}-error`, showCount ? countId : null].filter((x) => x !== null).join(' ');

  return (
    <form className="reply-editor" aria-labelledby={titleId} onSubmit={(event) => void submit(event)} onKeyDown={onKeyDown} noValidate>
      <h3 id={titleId} className="reply-editor-title">
        {t(reply === undefined ? 'replies.editor.newTitle' : 'replies.editor.editTitle')}
      </h3>
      <Field
        ref={nameRef}
        label={t('replies.editor.name')}
        hint={t('replies.editor.nameHint')}
        error={errors.name}
        value={name}
        dir="auto"
        autoComplete="off"
        spellCheck={false}
        autoFocus
        onChange={(event) => {
          setName(event.target.value);
          setErrors((e) => ({ ...e, name: null }));
        }}
      />
      <div className="field">
        <label htmlFor={bodyId} className="field-label">
          {t('replies.editor.body')}
        </label>
        <textarea
          ref={bodyRef}
          id={bodyId}
          className="field-input reply-editor-body"
          rows={4}
          dir="auto"
          value={body}
          aria-invalid={errors.body === null ? undefined : true}
          aria-describedby={describedBy === '' ? undefined : describedBy}
          onChange={(event) => {
            setBody(event.target.value);
            setErrors((e) => ({ ...e, body: null }));
          }}
        />
        {errors.body === null ? null : (
          <p id={`${bodyId}-error`} className="field-error">
            {errors.body}
          </p>
        )}
        {showCount ? (
          <p id={countId} className={body.length > LIMITS.replyBody ? 'reply-count is-over' : 'reply-count'}>
            {t('replies.editor.count', { length: body.length, max: LIMITS.replyBody })}
          </p>
        ) : null}
        <div className="reply-variables" role="group" aria-label={t('replies.editor.variables')}>
          {TEMPLATE_VARIABLES.map((variable) => (
            <button key={variable} type="button" className="reply-variable" onClick={() => putToken(`{${variable}}`)}>
              <span className="reply-variable-token" dir="ltr">{`{${variable}}`}</span>
              <span>{t(VARIABLE_TEXT[variable])}</span>
            </button>
          ))}
          <ProductVariable onPick={putToken} />
        </div>
      </div>
      <section className="reply-editor-preview" aria-labelledby={previewId}>
        <p id={previewId} className="reply-editor-preview-label">
          {t('replies.editor.preview', { name: isolate(sample) })}
        </p>
        <p className="reply-editor-preview-text" dir="auto">
          {preview.trim() === '' ? '\u00a0' : preview}
        </p>
        {noShop ? <p className="reply-note">{t('replies.vars.noShopWhere')}</p> : null}
      </section>
      <TriggerField
        triggers={triggers}
        onChange={setTriggers}
        draft={triggerDraft}
        onDraft={setTriggerDraft}
        error={triggerError}
        onError={setTriggerError}
        inputRef={triggerRef}
      />
      <TriggerTry draft={tried} />
      <FormFailure failure={failure} />
      <div className="reply-editor-actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={pending}>
          {t('replies.editor.save')}
        </button>
      </div>
    </form>
  );
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((item, i) => item === b[i]);
