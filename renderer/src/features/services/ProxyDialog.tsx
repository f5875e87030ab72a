/**
 * A service account's proxy: none, the system's, or an HTTP, HTTPS or SOCKS5 server, with a user name and password
 * for HTTP(S). Applies to this account only (its pages, pop-ups and background notifications). The saved password
 * is never shown back: the form says one is saved and offers to replace or forget it. Where the system has no
 * keyring to encrypt it with, it says the password is kept until Wasl quits. SOCKS5 takes no user name, and says
 * why (Chromium cannot send one). "Test connection" saves, then loads the service's start page through the proxy
 * and says what happened in plain words.
 */
import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceConfig } from '../../../../common/model';
import {
  fieldOf,
  isServerMode,
  PROXY_HOST_MAX,
  PROXY_MODES,
  PROXY_PASSWORD_MAX,
  PROXY_TEST_OUTCOMES,
  PROXY_USER_MAX,
  proxyProblems,
  type ProxyChoice,
  type ProxyField,
  type ProxyMode,
  type ProxyProblem,
  type ProxyTestOutcome,
} from '../../../../common/proxy';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormFailure } from '../../components/FormEnd';
import { isolate } from '../../i18n/format';
import { useApp, useCommand } from '../../store/context';

/** The catalogue's words for each mode, refusal and test outcome (each key written out, as the catalogue test reads them). */
const MODE_TEXT = {
  none: 'proxy.mode.none',
  system: 'proxy.mode.system',
  http: 'proxy.mode.http',
  https: 'proxy.mode.https',
  socks5: 'proxy.mode.socks5',
} as const satisfies Record<ProxyMode, string>;

const PROBLEM_TEXT = {
  'host-required': 'proxy.problem.host-required',
  'host-has-scheme': 'proxy.problem.host-has-scheme',
  'host-has-port': 'proxy.problem.host-has-port',
  'host-invalid': 'proxy.problem.host-invalid',
  'port-required': 'proxy.problem.port-required',
  'port-invalid': 'proxy.problem.port-invalid',
  'user-invalid': 'proxy.problem.user-invalid',
  'socks-auth-unsupported': 'proxy.problem.socks-auth-unsupported',
  'password-needs-user': 'proxy.problem.password-needs-user',
  'server-only': 'proxy.problem.server-only',
} as const satisfies Record<ProxyProblem, string>;

const OUTCOME_TEXT = {
  ok: 'proxy.outcome.ok',
  refused: 'proxy.outcome.refused',
  'tunnel-failed': 'proxy.outcome.tunnel-failed',
  'socks-failed': 'proxy.outcome.socks-failed',
  'auth-failed': 'proxy.outcome.auth-failed',
  timeout: 'proxy.outcome.timeout',
  dns: 'proxy.outcome.dns',
  offline: 'proxy.outcome.offline',
  failed: 'proxy.outcome.failed',
} as const satisfies Record<ProxyTestOutcome, string>;

const isProblem = (text: string): text is ProxyProblem => text in PROBLEM_TEXT;

/** The port as typed: a whole number, or NaN (refused as port-invalid); empty, none. */
function portOf(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d{1,5}$/u.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The choice the form holds, with only the fields its mode takes. */
function choiceOf(mode: ProxyMode, host: string, port: string, username: string): ProxyChoice {
  if (!isServerMode(mode)) return { mode };
  const parsed = portOf(port);
  const server: ProxyChoice = { mode, host: host.trim(), ...(parsed === undefined ? {} : { port: parsed }) };
  return mode === 'socks5' || username === '' ? server : { ...server, username };
}

/** A test's outcome as main answers it (`failed:<error>` carries Chromium's text). */
function outcomeOf(detail: string | undefined): { outcome: ProxyTestOutcome; code?: string } {
  if (detail?.startsWith('failed:') === true) return { outcome: 'failed', code: /ERR_[A-Z0-9_]+/u.exec(detail)?.[0] ?? detail.slice(7) };
  const known = PROXY_TEST_OUTCOMES.find((outcome) => outcome === detail);
  return { outcome: known ?? 'failed', ...(known === undefined ? { code: detail ?? '' } : {}) };
}

type TestState = { phase: 'idle' } | { phase: 'testing' } | { phase: 'done'; outcome: ProxyTestOutcome; code?: string };

export function ProxyDialog({ service, onClose }: { service: ServiceConfig; onClose: () => void }) {
  const { t } = useTranslation();
  const command = useCommand();
  const vault = useApp((s) => s.proxyVault);
  const saved = service.proxy;
  const [mode, setMode] = useState<ProxyMode>(saved?.mode ?? 'system');
  const [host, setHost] = useState(saved?.host ?? '');
  const [port, setPort] = useState(saved?.port === undefined ? '' : String(saved.port));
  const [username, setUsername] = useState(saved?.username ?? '');
  const [password, setPassword] = useState('');
  const [forget, setForget] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [test, setTest] = useState<TestState>({ phase: 'idle' });
  const modeName = useId();
  const statusId = useId();

  const hasSaved = vault?.saved.includes(service.id) === true && !forget;
  const takesPassword = mode === 'http' || mode === 'https';
  const choice = choiceOf(mode, host, port, username);
  const problems = proxyProblems(choice, takesPassword && password !== '');
  const errorFor = (field: ProxyField): string | null => {
    if (!submitted) return null;
    const problem = problems.find((p) => fieldOf(p) === field);
    return problem === undefined ? null : t(PROBLEM_TEXT[problem]);
  };

  /** Saves the form; true once main took it. */
  const save = async (): Promise<boolean> => {
    setSubmitted(true);
    setFailure(null);
    if (problems.length > 0) return false;
    setPending(true);
    const typed = takesPassword && password !== '' ? { password } : forget ? { password: null } : {};
    const result = await command({ type: 'proxy.set', id: service.id, proxy: choice, ...typed });
    setPending(false);
    if (result.ok) {
      setPassword('');
      setForget(false);
      return true;
    }
    const refused = result.error === 'invalid' ? result.detail?.split(',').find(isProblem) : undefined;
    setFailure(refused === undefined ? (result.detail === 'vault' ? t('proxy.vaultFailed') : t('errors.commandFailed')) : t(PROBLEM_TEXT[refused]));
    return false;
  };

  const onSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    void save().then((ok) => {
      if (ok) onClose();
    });
  };

  const runTest = async () => {
    if (!(await save())) return;
    setTest({ phase: 'testing' });
    const result = await command({ type: 'proxy.test', id: service.id });
    if (result.ok) setTest({ phase: 'done', outcome: 'ok' });
    else if (result.error === 'failed') setTest({ phase: 'done', ...outcomeOf(result.detail) });
    else {
      setTest({ phase: 'idle' });
      setFailure(t('errors.commandFailed'));
    }
  };

  return (
    <Dialog title={t('proxy.title', { name: isolate(service.name) })} onClose={onClose} size="md" className="proxy-dialog">
      <form onSubmit={onSubmit} noValidate>
        <div className="dialog-body proxy-body">
          <p className="field-hint">{t('proxy.intro')}</p>
          <fieldset className="choice-group">
            <legend className="choice-legend">{t('proxy.modeLegend')}</legend>
            <div className="segmented proxy-modes">
              {PROXY_MODES.map((value) => (
                <label key={value} className="segment">
                  <input
                    type="radio"
                    name={modeName}
                    value={value}
                    checked={mode === value}
                    onChange={() => {
                      setMode(value);
                      setTest({ phase: 'idle' });
                    }}
                  />
                  <span>{t(MODE_TEXT[value])}</span>
                </label>
              ))}
            </div>
          </fieldset>
          {mode === 'system' ? <p className="proxy-note">{t('proxy.systemNote')}</p> : null}
          {mode === 'none' ? <p className="proxy-note">{t('proxy.noneNote')}</p> : null}
          {isServerMode(mode) ? (
            <div className="proxy-server">
              <Field
                className="proxy-host"
                label={t('proxy.host')}
                hint={t('proxy.hostHint')}
                value={host}
                onChange={(event) => setHost(event.target.value)}
                error={errorFor('host')}
                dir="ltr"
                maxLength={PROXY_HOST_MAX + 2}
                autoComplete="off"
                spellCheck={false}
              />
              <Field
                className="proxy-port"
                label={t('proxy.port')}
                value={port}
                onChange={(event) => setPort(event.target.value)}
                error={errorFor('port')}
                dir="ltr"
                inputMode="numeric"
                maxLength={5}
                autoComplete="off"
              />
            </div>
          ) : null}
          {takesPassword ? (
            <div className="proxy-credentials">
              <div className="proxy-pair">
                <Field
                  label={t('proxy.username')}
                  hint={t('proxy.usernameHint')}
                  value={username}
                  onChange={(event) => setUsername(event.target.value)}
                  error={errorFor('username')}
                  dir="ltr"
                  maxLength={PROXY_USER_MAX}
                  autoComplete="off"
                  spellCheck={false}
                />
                <Field
                  label={t('proxy.password')}
                  type="password"
                  value={password}
                  onChange={(event) => setPassword(event.target.value)}
                  error={errorFor('password')}
                  placeholder={hasSaved ? t('proxy.passwordSavedPlaceholder') : ''}
                  dir="ltr"
                  maxLength={PROXY_PASSWORD_MAX}
                  autoComplete="new-password"
                />
              </div>
              {hasSaved ? (
                <p className="proxy-saved">
                  <span>{t('proxy.passwordSaved')}</span>
                  <button type="button" className="button button-small" onClick={() => setForget(true)}>
                    {t('proxy.forget')}
                  </button>
                </p>
              ) : null}
              {forget ? <p className="proxy-note">{t('proxy.willForget')}</p> : null}
              <p className={vault?.storage === 'this-run' ? 'proxy-note is-warning' : 'proxy-note'}>
                {vault?.storage === 'this-run' ? t('proxy.thisRunOnly') : t('proxy.encrypted')}
              </p>
            </div>
          ) : null}
          {mode === 'socks5' ? <p className="proxy-note is-warning">{t('proxy.socksNoAuth')}</p> : null}
          {vault?.damaged === true ? (
            <p className="proxy-note is-warning" role="alert">
              {t('proxy.damaged')}
            </p>
          ) : null}
          <div className="proxy-test">
            <button type="button" className="button" onClick={() => void runTest()} disabled={pending || test.phase === 'testing'} aria-describedby={statusId}>
              {t('proxy.test')}
            </button>
            <p id={statusId} className={test.phase === 'done' ? `proxy-result ${test.outcome === 'ok' ? 'is-ok' : 'is-error'}` : 'proxy-result'} role="status">
              {test.phase === 'testing' ? t('proxy.testing', { name: isolate(service.name) }) : null}
              {test.phase === 'done' ? t(OUTCOME_TEXT[test.outcome], { name: isolate(service.name), code: test.code ?? '' }) : null}
            </p>
          </div>
          <FormFailure failure={failure} />
        </div>
        <footer className="dialog-footer">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={pending}>
            {t('proxy.save')}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
