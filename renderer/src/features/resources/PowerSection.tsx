/**
 * The resources screen's sleep section (issue 21): what services with customers do in business hours (stay awake,
 * or check every 2 minutes; 'Automatic' names what this computer's memory chose), and the services' memory budget.
 * And, per service, the policy in force now and why (PolicyNow), from main's answer to the measure.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_CHECK_MS, MEMORY_BUDGET_CHOICES, OPEN_HOURS_MODES, type EffectivePolicy, type OpenHoursMode, type PowerReason } from '../../../../common/power';
import { useApp } from '../../store/context';
import { useServiceActions } from '../services/useServiceActions';
import { useUsageFormat } from './usage';

const MINUTE = 60_000;

/** Why a service sleeps and checks as it does, in the user's words. */
const REASON_TEXT = {
  default: 'resources.power.reason.default',
  'open-hours': 'resources.power.reason.open-hours',
  'customer-waiting': 'resources.power.reason.customer-waiting',
  'memory-budget': 'resources.power.reason.memory-budget',
} as const satisfies Record<PowerReason, string>;

const MODE_TEXT = {
  auto: 'resources.power.mode.auto',
  awake: 'resources.power.mode.awake',
  check: 'resources.power.mode.check',
} as const satisfies Record<OpenHoursMode, string>;

/** "Now: stays awake (open hours)", "Now: sleeps after 30 min, checks every 15 min (default)"… */
export function PolicyNow({ now }: { now: EffectivePolicy }) {
  const { t } = useTranslation();
  const usage = useUsageFormat();
  const { policy, reason } = now;
  const every = policy.checkEveryMs === null ? null : usage.minutes(Math.round(policy.checkEveryMs / MINUTE));
  let text: string;
  if (policy.alwaysOn || policy.sleepAfterMs === null) text = t('resources.power.awake');
  else if (policy.sleepAfterMs === 0) text = every === null ? t('resources.power.asleepNow') : t('resources.power.asleepChecking', { every });
  else {
    const after = usage.minutes(Math.round(policy.sleepAfterMs / MINUTE));
    text = every === null ? t('resources.power.sleepsAfter', { after }) : t('resources.power.sleepsAfterChecking', { after, every });
  }
  return (
    <p className="resources-policy">
      <span className="resources-health-label">{t('resources.power.now')}</span> {text} <span className={`resources-reason resources-reason-${reason}`}>{t(REASON_TEXT[reason])}</span>
    </p>
  );
}

export function PowerSection({ resolved }: { resolved: 'awake' | 'check' | undefined }) {
  const { t } = useTranslation();
  const power = useApp((s) => s.settings.power);
  const hoursEnabled = useApp((s) => s.settings.shop.hoursEnabled);
  const { run } = useServiceActions();
  const usage = useUsageFormat();
  const headingId = useId();
  const every = usage.minutes(CUSTOMER_CHECK_MS / MINUTE);
  const modeText = (mode: OpenHoursMode) =>
    mode === 'auto' && resolved !== undefined ? t('resources.power.mode.autoResolved', { mode: t(MODE_TEXT[resolved], { every }) }) : t(MODE_TEXT[mode], { every });
  return (
    <section className="resources-sleep" aria-labelledby={headingId}>
      <h3 id={headingId} className="resources-pack-title">
        {t('resources.power.title')}
      </h3>
      <div className="resources-choices">
        <label className="resources-choice">
          <span>{t('resources.power.openHours')}</span>
          <select
            className="field-input field-select"
            value={power.openHours}
            onChange={(event) => {
              const mode = OPEN_HOURS_MODES.find((m) => m === event.target.value);
              if (mode !== undefined) run({ type: 'settings.set', power: { openHours: mode } });
            }}
          >
            {OPEN_HOURS_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {modeText(mode)}
              </option>
            ))}
          </select>
        </label>
        <label className="resources-choice">
          <span>{t('resources.power.budget')}</span>
          <select
            className="field-input field-select"
            value={power.budgetMB}
            onChange={(event) => {
              const value = Number(event.target.value);
              const budgetMB = MEMORY_BUDGET_CHOICES.find((n) => n === value);
              if (budgetMB !== undefined) run({ type: 'settings.set', power: { budgetMB } });
            }}
          >
            {MEMORY_BUDGET_CHOICES.map((mb) => (
              <option key={mb} value={mb}>
                {mb === 0 ? t('resources.power.noBudget') : usage.memory(mb * 1024)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="resources-pack-intro">{hoursEnabled ? t('resources.power.hint') : t('resources.power.noHours')}</p>
      <p className="resources-pack-intro">{t('resources.power.budgetHint')}</p>
    </section>
  );
}
