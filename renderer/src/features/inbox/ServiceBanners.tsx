/**
 * Above the inbox list, one line for every enabled service whose chats are not (or not all) in it: loading,
 * signed out (or refused by the platform), its page changed, stopped, offline, or a messenger that lists no chats;
 * and one line for the services not loaded yet (they load in turn). A service missing from the inbox is never a
 * silent gap. A sleeping service with chats needs no line: its rows say it sleeps.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PLATFORMS } from '../../../../common/catalog';
import type { ServiceConfig, ServiceSnapshot } from '../../../../common/model';
import type { ServiceRuntime } from '../../../../common/state';
import { InfoIcon, MoonIcon, OfflineIcon, WarningIcon } from '../../components/icons';
import { Spinner } from '../../components/Spinner';
import { isolate, useFormat } from '../../i18n/format';
import { useApp } from '../../store/context';
import { drifted, lostHooks, useHookNames, useRefusalText } from '../health/health';
import { useServiceActions } from '../services/useServiceActions';

type BannerKind =
  | 'loading'
  | 'reading'
  | 'signed-out'
  | 'refused'
  | 'degraded'
  | 'home-tab'
  | 'unlisted'
  | 'crashed'
  | 'unresponsive'
  | 'offline'
  | 'failed';

/** Why a service's chats are missing from the inbox, or null when they are all there. */
function bannerKind(service: ServiceConfig, runtime: ServiceRuntime | undefined, snapshot: ServiceSnapshot | undefined): BannerKind | null {
  if (!service.enabled) return null;
  switch (runtime?.status ?? 'idle') {
    case 'off':
      return null;
    case 'asleep':
      return snapshot?.loggedIn === false ? 'signed-out' : null;
    case 'idle':
    case 'loading':
      return runtime?.checking === true && snapshot !== undefined ? null : 'loading';
    case 'logged-out':
      return runtime?.refusal === undefined ? 'signed-out' : 'refused';
    case 'crashed':
      return 'crashed';
    case 'unresponsive':
      return 'unresponsive';
    case 'offline':
      return 'offline';
    case 'failed':
      return 'failed';
    case 'ready':
      if (!PLATFORMS[service.platform].supports.chatList) return 'unlisted';
      if (runtime?.health?.hint === 'open-home-tab') return 'home-tab';
      if (runtime?.degraded === true || drifted(runtime?.health)) return 'degraded';
      return snapshot === undefined ? 'reading' : null;
  }
}

const TONE = {
  loading: 'neutral',
  reading: 'neutral',
  'signed-out': 'warning',
  refused: 'warning',
  degraded: 'warning',
  'home-tab': 'info',
  unlisted: 'info',
  crashed: 'error',
  unresponsive: 'warning',
  offline: 'warning',
  failed: 'error',
} as const satisfies Record<BannerKind, string>;

function Banner({ kind, service, runtime }: { kind: BannerKind; service: ServiceConfig; runtime: ServiceRuntime | undefined }) {
  const { t } = useTranslation();
  const actions = useServiceActions();
  const refusalText = useRefusalText();
  const hookNames = useHookNames();
  const name = isolate(service.name);
  const unread = runtime?.unread ?? 0;
  const open = { label: t('inbox.banner.open'), run: () => actions.activate(service) };
  const reload = { label: t('inbox.banner.reload'), run: () => actions.reload(service) };
  let text: string;
  let action: { label: string; run: () => void } | null = open;
  switch (kind) {
    case 'loading':
      text = t('panel.loading', { name });
      action = null;
      break;
    case 'reading':
      text = t('inbox.banner.reading', { name });
      action = null;
      break;
    case 'signed-out':
      text = t('inbox.banner.signedOut', { name });
      action = { label: t('inbox.banner.signIn'), run: open.run };
      break;
    case 'refused':
      text = t('status.changed', { name, status: refusalText(runtime?.refusal ?? 'web-login-refused', PLATFORMS[service.platform].name) });
      break;
    case 'degraded': {
      const missing = lostHooks(runtime?.health);
      text = missing.length === 0 ? t('inbox.banner.degraded', { name, count: unread }) : t('inbox.banner.degradedHooks', { name, hooks: hookNames(missing), count: unread });
      break;
    }
    case 'home-tab':
      text = t('inbox.banner.homeTab', { name });
      break;
    case 'unlisted':
      text = t('inbox.banner.unlisted', { name, count: unread });
      break;
    case 'crashed':
      text = t('panel.crashed.title', { name });
      action = reload;
      break;
    case 'unresponsive':
      text = t('panel.unresponsive.title', { name });
      action = reload;
      break;
    case 'offline':
      text = t('panel.offline.title', { name });
      action = { label: t('panel.offline.action'), run: reload.run };
      break;
    case 'failed':
      text = t('panel.failed.title', { name });
      action = reload;
      break;
  }
  const icon: ReactNode =
    kind === 'loading' || kind === 'reading' ? <Spinner /> : kind === 'offline' ? <OfflineIcon /> : kind === 'unlisted' || kind === 'home-tab' ? <InfoIcon /> : <WarningIcon />;
  return (
    <li className={`inbox-banner tone-${TONE[kind]}`} data-kind={kind}>
      <span className="inbox-banner-icon">{icon}</span>
      <span className="inbox-banner-text">{text}</span>
      {action === null ? null : (
        <button type="button" className="button button-link" onClick={action.run}>
          {action.label}
        </button>
      )}
    </li>
  );
}

export function ServiceBanners({ snapshots }: { snapshots: Readonly<Record<string, ServiceSnapshot>> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const services = useApp((s) => s.services);
  const runtime = useApp((s) => s.runtime);
  const shown = services
    .map((service) => ({ service, kind: bannerKind(service, runtime[service.id], snapshots[service.id]) }))
    .filter((b): b is { service: ServiceConfig; kind: BannerKind } => b.kind !== null);
  const waiting = services.filter((s) => s.enabled && runtime[s.id]?.status === 'asleep' && snapshots[s.id] === undefined);
  if (shown.length === 0 && waiting.length === 0) return null;
  return (
    <ul className="inbox-banners" aria-label={t('inbox.banner.label')}>
      {shown.map(({ service, kind }) => (
        <Banner key={service.id} kind={kind} service={service} runtime={runtime[service.id]} />
      ))}
      {waiting.length === 0 ? null : (
        <li className="inbox-banner tone-neutral" data-kind="not-loaded">
          <span className="inbox-banner-icon">
            <MoonIcon />
          </span>
          <span className="inbox-banner-text">{t('inbox.banner.notLoaded', { names: format.list(waiting.map((s) => isolate(s.name))), count: waiting.length })}</span>
        </li>
      )}
    </ul>
  );
}
