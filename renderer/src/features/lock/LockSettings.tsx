/**
 * The app lock's part of the settings: set a password, or with one set, choose the inactivity after which Wasl
 * locks, lock now, change the password or remove it (both need the current one). Main checks every password;
 * a wrong one, a wait after several, and a file that could not be written are each said plainly.
 */
import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandError } from '../../../../common/ipc';
import { LOCK_AFTER_CHOICES, PASSWORD_MAX, PASSWORD_MIN, type LockAfterMin } from '../../../../common/lock';
import { Field } from '../../components/Field';
import { Segments } from '../../components/Segments';
import { isolateLtr, useFormat } from '../../i18n/format';
import { useApp, useCommand, useShell } from '../../store/context';
import { useServiceActions } from '../services/useServiceActions';
import { RetryWait } from './RetryWait';
import { useWaiting } from './useWaiting';

type Mode = 'set' | 'change' | 'remove';

const SHORTCUTS = { mac: '⌘⇧L', other: 'Ctrl+Shift+L' } as const;

export function LockSettings() {
  const { t } = useTranslation();
  const format = useFormat();
  const lock = useApp((s) => s.lock);
  const after = useApp((s) => s.settings.lockAfterMin);
  const mac = useApp((s) => s.os === 'darwin');
  const { run } = useServiceActions();
  const [mode, setMode] = useState<Mode | null>(null);
  const headingId = useId();
  const set = lock?.set === true;

  const choices = LOCK_AFTER_CHOICES.map((value) => ({
    value,
    label: value === 0 ? t('lock.settings.never') : format.duration(value * 60_000),
  }));

  return (
    <section className="lock-settings" aria-labelledby={headingId}>
      <h3 id={headingId} className="choice-legend">
        {t('lock.settings.title')}
      </h3>
      <p className="field-hint lock-settings-text">
        {set ? t('lock.settings.on', { shortcut: isolateLtr(mac ? SHORTCUTS.mac : SHORTCUTS.other) }) : t('lock.settings.off')}
      </p>
      {set && mode === null ? (
        <>
          <p className="lock-settings-label" aria-hidden="true">
            {t('lock.settings.after')}
          </p>
          <Segments<LockAfterMin>
            label={t('lock.settings.after')}
            value={after}
            choices={choices}
            onChange={(lockAfterMin) => run({ type: 'settings.set', lockAfterMin })}
          />
        </>
      ) : null}
      {mode === null ? (
        <div className="lock-settings-actions">
          {set ? (
            <>
              <button type="button" className="button" onClick={() => run({ type: 'lock.lock' })}>
                {t('lock.settings.lockNow')}
              </button>
              <button type="button" className="button" onClick={() => setMode('change')}>
                {t('lock.settings.change')}
              </button>
              <button type="button" className="button" onClick={() => setMode('remove')}>
                {t('lock.settings.remove')}
              </button>
            </>
          ) : (
            <button type="button" className="button" onClick={() => setMode('set')}>
              {t('lock.settings.set')}
            </button>
          )}
        </div>
      ) : (
        <PasswordForm mode={mode} retryAt={lock?.retryAt ?? null} onDone={() => setMode(null)} />
      )}
    </section>
  );
}

const DONE_TEXT = { set: 'lock.settings.didSet', change: 'lock.settings.didChange', remove: 'lock.settings.didRemove' } as const;

function PasswordForm({ mode, retryAt, onDone }: { mode: Mode; retryAt: number | null; onDone: () => void }) {
  const { t } = useTranslation();
  const command = useCommand();
  const { ui } = useShell();
  const waiting = useWaiting(retryAt);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [tried, setTried] = useState(false);
  const [failure, setFailure] = useState<CommandError | null>(null);
  const [pending, setPending] = useState(false);
  const needsCurrent = mode !== 'set';
  const needsNew = mode !== 'remove';

  const tooShort = needsNew && next.length < PASSWORD_MIN;
  const mismatch = needsNew && again !== next;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setTried(true);
    if (pending || waiting || tooShort || mismatch || (needsCurrent && current === '')) return;
    setPending(true);
    const sent =
      mode === 'remove'
        ? command({ type: 'lock.remove', current })
        : command(needsCurrent ? { type: 'lock.set', password: next, current } : { type: 'lock.set', password: next });
    void sent.then((result) => {
      setPending(false);
      if (result.ok) {
        ui.getState().announce(t(DONE_TEXT[mode]));
        onDone();
        return;
      }
      if (result.error === 'wrong-password') setCurrent('');
      setFailure(result.error);
      ui.getState().announce(t(result.error === 'wrong-password' ? 'lock.settings.wrong' : result.error === 'too-soon' ? 'lock.settings.tooSoon' : 'lock.settings.failed'));
    });
  };

  const currentError = failure === 'wrong-password' ? t('lock.settings.wrong') : tried && needsCurrent && current === '' ? t('lock.settings.currentMissing') : null;
  return (
    <form className="lock-form" onSubmit={submit} noValidate>
      {needsCurrent ? (
        <Field
          label={t('lock.settings.current')}
          type="password"
          dir="auto"
          autoComplete="current-password"
          value={current}
          error={currentError}
          disabled={waiting}
          autoFocus
          onChange={(event) => {
            setCurrent(event.target.value);
            setFailure(null);
          }}
        />
      ) : null}
      {needsNew ? (
        <>
          <Field
            label={t('lock.settings.new')}
            type="password"
            dir="auto"
            autoComplete="new-password"
            maxLength={PASSWORD_MAX}
            value={next}
            hint={t('lock.settings.hint', { min: PASSWORD_MIN })}
            error={tried && tooShort ? t('lock.settings.tooShort', { min: PASSWORD_MIN }) : null}
            autoFocus={!needsCurrent}
            onChange={(event) => setNext(event.target.value)}
          />
          <Field
            label={t('lock.settings.confirm')}
            type="password"
            dir="auto"
            autoComplete="new-password"
            maxLength={PASSWORD_MAX}
            value={again}
            error={tried && !tooShort && mismatch ? t('lock.settings.mismatch') : null}
            onChange={(event) => setAgain(event.target.value)}
          />
        </>
      ) : null}
      {retryAt !== null && waiting ? <RetryWait until={retryAt} /> : null}
      {failure !== null && failure !== 'wrong-password' && failure !== 'too-soon' ? (
        <p className="form-error" role="alert">
          {t('lock.settings.failed')}
        </p>
      ) : null}
      <div className="lock-settings-actions">
        <button type="button" className="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className={mode === 'remove' ? 'button button-danger' : 'button button-primary'} disabled={pending || waiting}>
          {mode === 'remove' ? t('lock.settings.confirmRemove') : t('lock.settings.save')}
        </button>
      </div>
    </form>
  );
}
