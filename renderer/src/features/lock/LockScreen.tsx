/**
 * All the window shows while Wasl is locked: a lock, a password field and the unlock button — no chat, no name,
 * no count. A wrong password says so; after several, main makes the next try wait and the screen counts down.
 */
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LockIcon } from '../../components/icons';
import { useApp, useCommand } from '../../store/context';
import { RetryWait } from './RetryWait';
import { useWaiting } from './useWaiting';

type Failure = 'wrong' | 'failed' | null;

export function LockScreen() {
  const { t } = useTranslation();
  const command = useCommand();
  const retryAt = useApp((s) => s.lock?.retryAt ?? null);
  const waiting = useWaiting(retryAt);
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<Failure>(null);
  const [pending, setPending] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const hintId = useId();
  const errorId = useId();

  useEffect(() => {
    if (!waiting && !pending) input.current?.focus();
  }, [waiting, pending]);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (password === '' || pending || waiting) return;
    setPending(true);
    void command({ type: 'lock.unlock', password }).then((result) => {
      // Unlocked, main's patch replaces this screen with the window.
      if (result.ok) return;
      setPending(false);
      setPassword('');
      setFailure(result.error === 'wrong-password' ? 'wrong' : result.error === 'too-soon' ? null : 'failed');
    });
  };

  const message = failure === 'wrong' ? t('lock.screen.wrong') : failure === 'failed' ? t('lock.screen.failed') : null;
  const describedBy = [hintId, message === null ? null : errorId].filter((id) => id !== null).join(' ');

  return (
    <main className="lock-screen" aria-labelledby={titleId}>
      <form className="lock-card" onSubmit={submit}>
        <div className="lock-mark">
          <LockIcon />
        </div>
        <h1 id={titleId} className="lock-title">
          {t('lock.screen.title')}
        </h1>
        <p id={hintId} className="lock-hint">
          {t('lock.screen.hint')}
        </p>
        <label className="visually-hidden" htmlFor={`${titleId}-password`}>
          {t('lock.screen.password')}
        </label>
        <input
          ref={input}
          id={`${titleId}-password`}
          className="field-input lock-input"
          type="password"
          dir="auto"
          autoComplete="current-password"
          placeholder={t('lock.screen.password')}
          value={password}
          disabled={waiting}
          aria-invalid={failure === 'wrong' ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => {
            setPassword(event.target.value);
            setFailure(null);
          }}
        />
        <p id={errorId} className="lock-error" role="alert">
          {message}
        </p>
        {retryAt !== null && waiting ? <RetryWait until={retryAt} /> : null}
        <button type="submit" className="button button-primary lock-submit" disabled={pending || waiting || password === ''} aria-busy={pending}>
          {pending ? t('lock.screen.checking') : t('lock.screen.unlock')}
        </button>
      </form>
    </main>
  );
}
