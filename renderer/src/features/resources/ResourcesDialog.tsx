/**
 * The resources screen: what each service costs now (memory and CPU of its page's process), what Wasl itself
 * costs, and the total, measured every two seconds while the screen is open. Per service: its state (awake,
 * asleep since…, checking), sleep now or open, reload, always on, and when it sleeps and checks for messages.
 * and the policy in force now and why (./PowerSection.tsx). Below them, what services with customers do in
 * business hours and the memory budget, then the connector pack the services read their pages with (./PackSection.tsx).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLATFORMS } from '../../../../common/catalog';
import type { ServiceConfig } from '../../../../common/model';
import { CHECK_EVERY_CHOICES, DEFAULT_CHECK_EVERY_MIN, DEFAULT_SLEEP_AFTER_MIN, SLEEP_AFTER_CHOICES } from '../../../../common/power';
import type { ResourceReport, Usage } from '../../../../common/resources';
import type { ServiceRuntime } from '../../../../common/state';
import { Dialog } from '../../components/Dialog';
import { PlatformTile } from '../../components/PlatformTile';
import { Spinner } from '../../components/Spinner';
import { useFormat } from '../../i18n/format';
import { useApp, useShell } from '../../store/context';
import { HealthLine } from '../health/health';
import { PackSection } from './PackSection';
import { PolicyNow, PowerSection } from './PowerSection';
import { useServiceActions } from '../services/useServiceActions';
import { PROCESS_TEXT, useUsageFormat } from './usage';

/** How often the screen measures while it is open. */
export const REFRESH_MS = 2_000;

type Measured = { state: 'loading' } | { state: 'ok'; report: ResourceReport } | { state: 'error' };

function useMeasurements(): Measured {
  const { bridge } = useShell();
  const [measured, setMeasured] = useState<Measured>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const measure = () => {
      bridge.resources().then(
        (report) => {
          if (live) setMeasured({ state: 'ok', report });
        },
        () => {
          if (live) setMeasured({ state: 'error' });
        },
      );
      timer = setTimeout(measure, REFRESH_MS);
    };
    measure();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [bridge]);
  return measured;
}

function StateText({ runtime }: { runtime: ServiceRuntime | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (runtime === undefined || runtime.status === 'off') return <>{t('resources.state.off')}</>;
  if (runtime.status === 'asleep') {
    return <>{runtime.asleepSince === undefined ? t('resources.state.notStarted') : t('resources.state.asleepSince', { time: format.time(runtime.asleepSince) })}</>;
  }
  if (runtime.checking === true) return <>{t('resources.state.checking')}</>;
  return <>{runtime.status === 'loading' || runtime.status === 'idle' ? t('resources.state.loading') : t('resources.state.awake')}</>;
}

function PowerChoices({ service }: { service: ServiceConfig }) {
  const { t } = useTranslation();
  const { run } = useServiceActions();
  const usage = useUsageFormat();
  const minutes = (n: number) => usage.minutes(n);
  const sleepDefault = DEFAULT_SLEEP_AFTER_MIN[service.platform];
  return (
    <div className="resources-choices">
      <label className="resources-choice">
        <input
          type="checkbox"
          role="switch"
          className="switch"
          checked={service.alwaysOn === true}
          onChange={(event) => run({ type: 'service.set', id: service.id, alwaysOn: event.target.checked })}
        />
        <span>{t('resources.alwaysOn')}</span>
      </label>
      <label className="resources-choice">
        <span>{t('resources.sleepAfter')}</span>
        <select
          className="field-input field-select"
          value={service.sleepAfterMin ?? 'default'}
          disabled={service.alwaysOn === true}
          onChange={(event) => {
            const value = Number(event.target.value);
            const choice = SLEEP_AFTER_CHOICES.find((n) => n === value);
            if (choice !== undefined) run({ type: 'service.set', id: service.id, sleepAfterMin: choice });
          }}
        >
          {service.sleepAfterMin === undefined ? (
            <option value="default">{t('resources.default', { value: sleepDefault === 0 ? t('resources.never') : minutes(sleepDefault) })}</option>
          ) : null}
          {SLEEP_AFTER_CHOICES.map((n) => (
            <option key={n} value={n}>
              {n === 0 ? t('resources.never') : minutes(n)}
            </option>
          ))}
        </select>
      </label>
      <label className="resources-choice">
        <span>{t('resources.checkEvery')}</span>
        <select
          className="field-input field-select"
          value={service.checkEveryMin ?? 'default'}
          disabled={service.alwaysOn === true}
          onChange={(event) => {
            const value = Number(event.target.value);
            const choice = CHECK_EVERY_CHOICES.find((n) => n === value);
            if (choice !== undefined) run({ type: 'service.set', id: service.id, checkEveryMin: choice });
          }}
        >
          {service.checkEveryMin === undefined ? <option value="default">{t('resources.default', { value: minutes(DEFAULT_CHECK_EVERY_MIN) })}</option> : null}
          {CHECK_EVERY_CHOICES.map((n) => (
            <option key={n} value={n}>
              {n === 0 ? t('resources.onlyWhenOpened') : minutes(n)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

function UsageCells({ usage, measured }: { usage: Usage | undefined; measured: Measured }) {
  const format = useUsageFormat();
  if (measured.state !== 'ok') return <><td className="resources-number">—</td><td className="resources-number">—</td></>;
  return (
    <>
      <td className="resources-number">{usage === undefined ? '—' : format.memory(usage.memoryKiB)}</td>
      <td className="resources-number">{usage === undefined ? '—' : format.cpu(usage.cpuPercent)}</td>
    </>
  );
}

function ServiceRow({ service, runtime, measured }: { service: ServiceConfig; runtime: ServiceRuntime | undefined; measured: Measured }) {
  const { t } = useTranslation();
  const actions = useServiceActions();
  const usage = measured.state === 'ok' ? measured.report.services[service.id] : undefined;
  const now = measured.state === 'ok' ? measured.report.power?.services[service.id] : undefined;
  const asleep = runtime?.status === 'asleep';
  return (
    <tbody className="resources-service-rows">
      <tr>
        <th scope="row">
          <div className="resources-service">
            <PlatformTile icon={PLATFORMS[service.platform].icon} size="sm" />
            <span className="resources-service-text">
              <span className="resources-name" dir="auto">
                {service.name}
              </span>
              <span className="resources-state">
                <StateText runtime={service.enabled ? runtime : undefined} />
              </span>
            </span>
          </div>
        </th>
        <UsageCells usage={usage} measured={measured} />
        <td>
          {service.enabled ? (
            <div className="resources-actions">
              {asleep ? (
                <button type="button" className="button" onClick={() => actions.activate(service)} aria-label={t('resources.openNamed', { name: service.name })}>
                  {t('resources.open')}
                </button>
              ) : (
                <button
                  type="button"
                  className="button"
                  onClick={() => actions.run({ type: 'service.sleep', id: service.id })}
                  aria-label={t('resources.sleepNowNamed', { name: service.name })}
                >
                  {t('resources.sleepNow')}
                </button>
              )}
              <button type="button" className="button" onClick={() => actions.reload(service)} aria-label={t('resources.reloadNamed', { name: service.name })}>
                {t('resources.reload')}
              </button>
            </div>
          ) : null}
        </td>
      </tr>
      {service.enabled ? (
        <tr className="resources-power">
          <td colSpan={4}>
            <PowerChoices service={service} />
            {now === undefined ? null : <PolicyNow now={now} />}
            <p className="resources-health">
              <span className="resources-health-label">{t('resources.reader')}</span> <HealthLine health={runtime?.health} />
              {runtime?.health?.packVersion === undefined ? null : <span className="resources-health-pack"> · {t('resources.readerPack', { version: runtime.health.packVersion })}</span>}
            </p>
          </td>
        </tr>
      ) : null}
    </tbody>
  );
}

export function ResourcesDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const services = useApp((s) => s.services);
  const runtime = useApp((s) => s.runtime);
  const measured = useMeasurements();
  const format = useUsageFormat();
  const report = measured.state === 'ok' ? measured.report : undefined;
  const asleep = services.filter((s) => s.enabled && runtime[s.id]?.status === 'asleep').length;
  return (
    <Dialog title={t('resources.title')} onClose={onClose} size="lg" className="resources-dialog">
      <div className="dialog-body resources-body">
        <p className="resources-intro">{t('resources.intro')}</p>
        {measured.state === 'error' ? (
          <p className="resources-error" role="alert">
            {t('resources.error')}
          </p>
        ) : null}
        {measured.state === 'loading' ? (
          <p className="resources-loading" role="status">
            <Spinner /> {t('resources.measuring')}
          </p>
        ) : null}
        {report === undefined ? null : (
          <p className="resources-summary">
            {t('resources.summary', { memory: format.memory(report.total.memoryKiB), cpu: format.cpu(report.total.cpuPercent), count: asleep })}
          </p>
        )}
        <table className="resources-table">
          <caption className="visually-hidden">{t('resources.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('resources.column.service')}</th>
              <th scope="col" className="resources-number">
                {t('resources.column.memory')}
              </th>
              <th scope="col" className="resources-number">
                {t('resources.column.cpu')}
              </th>
              <th scope="col" className="resources-actions-head">
                {t('resources.column.actions')}
              </th>
            </tr>
          </thead>
          {services.map((service) => (
            <ServiceRow key={service.id} service={service} runtime={runtime[service.id]} measured={measured} />
          ))}
          <tbody>
            <tr className="resources-wasl">
              <th scope="row">
                <span className="resources-service-text">
                  <span className="resources-name">{t('resources.wasl')}</span>
                  {report === undefined ? null : (
                    <span className="resources-state">
                      {report.app.processes.map((p) => `${t(PROCESS_TEXT[p.type] ?? 'resources.process.other')} ${format.memory(p.memoryKiB)}`).join(' · ')}
                    </span>
                  )}
                </span>
              </th>
              <UsageCells usage={report?.app} measured={measured} />
              <td />
            </tr>
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('resources.total')}</th>
              <UsageCells usage={report?.total} measured={measured} />
              <td />
            </tr>
          </tfoot>
        </table>
        <PowerSection resolved={report?.power?.openHoursMode} />
        <PackSection />
      </div>
      <footer className="dialog-footer">
        <button type="button" className="button button-primary" onClick={onClose}>
          {t('common.done')}
        </button>
      </footer>
    </Dialog>
  );
}
