/**
 * Backup and export: save a backup of all Wasl data, restore one (after saying in place what it replaces; undo
 * right after), and export the customers as a spreadsheet (CSV). Main shows the save and open dialogs; each action
 * shows progress while it runs and says how it went. Closing the file dialog says nothing.
 */
import { useId, useRef, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandResult } from '../../../../common/ipc';
import { Spinner } from '../../components/Spinner';
import { useApp, useCommand, useShell } from '../../store/context';
import { UndoBar } from './UndoBar';

type Action = 'backup' | 'restore' | 'customers';

/** What an action came to, said under its buttons. */
interface Outcome {
  action: Action;
  ok: boolean;
  text: string;
  /** The system's own words for a failure ("EACCES: permission denied…"), shown under the sentence. */
  detail?: string;
}

/** Why a file could not be restored, in words: main's `detail` for 'invalid-file'. */
function useFileRefusal(): (detail: string | undefined) => string {
  const { t } = useTranslation();
  return (detail) => {
    if (detail === 'not-json') return t('shop.data.error.notJson');
    if (detail === 'wrong-kind') return t('shop.data.error.wrongKind');
    if (detail?.startsWith('newer:') === true) return t('shop.data.error.newer');
    return t('shop.data.error.invalid');
  };
}

interface ActionButtonProps {
  pending: boolean;
  busyText: string;
  disabled: boolean;
  onClick: () => void;
  children: ReactNode;
  expanded?: boolean;
  buttonRef?: Ref<HTMLButtonElement>;
}

function ActionButton({ pending, busyText, disabled, onClick, children, expanded, buttonRef }: ActionButtonProps) {
  return (
    <button ref={buttonRef} type="button" className="button" disabled={disabled} aria-busy={pending} aria-expanded={expanded} onClick={onClick}>
      {pending ? (
        <>
          <Spinner />
          {busyText}
        </>
      ) : (
        children
      )}
    </button>
  );
}

export function DataTab() {
  const { t } = useTranslation();
  const { ui } = useShell();
  const command = useCommand();
  const refusal = useFileRefusal();
  const shopUndo = useApp((s) => s.shopUndo);
  const [pending, setPending] = useState<Action | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const restoreRef = useRef<HTMLButtonElement>(null);
  const backupTitle = useId();
  const customersTitle = useId();

  const say = (next: Outcome | null) => {
    setOutcome(next);
    if (next !== null) ui.getState().announce(next.text);
  };

  const failure = (action: Action, result: Extract<CommandResult, { ok: false }>): Outcome | null => {
    if (result.error === 'cancelled') return null;
    if (result.error === 'invalid-file') return { action, ok: false, text: refusal(result.detail) };
    if (result.error === 'full') return { action, ok: false, text: t('shop.data.error.full') };
    if (result.error !== 'failed') return { action, ok: false, text: t('errors.commandFailed') };
    const text = action === 'restore' ? t('shop.data.error.read') : t('shop.data.error.write');
    return result.detail === undefined || result.detail === '' ? { action, ok: false, text } : { action, ok: false, text, detail: result.detail };
  };

  const run = (action: Action) => {
    setConfirming(false);
    setPending(action);
    setOutcome(null);
    const sent =
      action === 'restore'
        ? command({ type: 'data.import', what: 'backup' })
        : command({ type: 'data.export', what: action === 'backup' ? 'backup' : 'customers-csv' });
    void sent.then((result) => {
      setPending(null);
      if (!result.ok) {
        say(failure(action, result));
        return;
      }
      const text = { backup: t('shop.data.backup.saved'), restore: t('shop.data.restore.done'), customers: t('shop.data.customers.saved') }[action];
      say({ action, ok: true, text });
    });
  };

  const message = (action: Action) => {
    if (outcome?.action !== action) return null;
    if (action === 'restore' && outcome.ok) {
      if (shopUndo !== 'backup-restored') return <p className="shop-result is-ok">{outcome.text}</p>;
      return (
        <UndoBar undoneText={t('shop.data.restore.undone')} onUndone={() => setOutcome(null)}>
          {outcome.text}
        </UndoBar>
      );
    }
    return (
      <div className={outcome.ok ? 'shop-result is-ok' : 'shop-result is-error'}>
        <p>{outcome.text}</p>
        {outcome.detail === undefined ? null : (
          <p className="shop-result-detail" dir="auto">
            {outcome.detail}
          </p>
        )}
      </div>
    );
  };

  const busy = pending !== null;
  const cancelRestore = () => {
    setConfirming(false);
    restoreRef.current?.focus();
  };

  return (
    <div className="shop-tab-body data-tab">
      <section className="shop-section" aria-labelledby={backupTitle}>
        <h3 id={backupTitle} className="shop-section-title">
          {t('shop.data.backup.title')}
        </h3>
        <p className="shop-intro">{t('shop.data.backup.intro')}</p>
        <div className="shop-buttons">
          <ActionButton pending={pending === 'backup'} busyText={t('shop.data.backup.saving')} disabled={busy} onClick={() => run('backup')}>
            {t('shop.data.backup.save')}
          </ActionButton>
          <ActionButton
            buttonRef={restoreRef}
            pending={pending === 'restore'}
            busyText={t('shop.data.restore.running')}
            disabled={busy}
            expanded={confirming}
            onClick={() => setConfirming(!confirming)}
          >
            {t('shop.data.restore.ask')}
          </ActionButton>
        </div>
        {confirming ? (
          <div
            className="shop-confirm"
            role="group"
            aria-label={t('shop.data.restore.title')}
            onKeyDown={(event) => {
              if (event.key !== 'Escape') return;
              event.preventDefault();
              event.stopPropagation();
              cancelRestore();
            }}
          >
            <p className="shop-confirm-title">{t('shop.data.restore.title')}</p>
            <ul className="shop-confirm-points">
              <li>{t('shop.data.restore.replaces')}</li>
              <li>{t('shop.data.restore.accounts')}</li>
              <li>{t('shop.data.restore.undo')}</li>
            </ul>
            <div className="shop-buttons">
              <button type="button" className="button" onClick={cancelRestore}>
                {t('common.cancel')}
              </button>
              <button type="button" className="button button-primary" autoFocus onClick={() => run('restore')}>
                {t('shop.data.restore.choose')}
              </button>
            </div>
          </div>
        ) : null}
        {message('backup')}
        {message('restore')}
      </section>
      <section className="shop-section" aria-labelledby={customersTitle}>
        <h3 id={customersTitle} className="shop-section-title">
          {t('shop.data.customers.title')}
        </h3>
        <p className="shop-intro">{t('shop.data.customers.intro')}</p>
        <div className="shop-buttons">
          <ActionButton pending={pending === 'customers'} busyText={t('shop.data.customers.saving')} disabled={busy} onClick={() => run('customers')}>
            {t('shop.data.customers.save')}
          </ActionButton>
        </div>
        {message('customers')}
      </section>
    </div>
  );
}
