/**
 * How well a service's connector reads its page, in the user's words: what it read, what it no longer finds,
 * and what the user can do (Slack lists its chats on its Home tab only). Shown in the Resources screen for every
 * service, and in the inbox above the list when a service's reader stopped finding its page.
 */
import { useTranslation } from 'react-i18next';
import type { ConnectorHealth, HookName, Refusal } from '../../../../common/model';
import { useFormat } from '../../i18n/format';

/**
 * The hooks whose absence means the reader lost the page: the chat list itself. Others (unread badges, the message
 * box) are rightly absent at times — nothing unread, no chat open.
 */
const ESSENTIAL: ReadonlySet<string> = new Set(['rows', 'list']);

/** The hooks a health report misses that mean the page changed under the reader. */
export function lostHooks(health: ConnectorHealth | undefined): string[] {
  return health === undefined ? [] : health.missing.filter((hook) => ESSENTIAL.has(hook));
}

/** The page changed under the reader: its chat list, found before, is not found now. */
export function drifted(health: ConnectorHealth | undefined): boolean {
  return health !== undefined && lostHooks(health).length > 0 && health.chats === 0 && health.lastGoodRead !== null;
}

/**
 * The hooks a reader reports, as the user knows them. Every HookName has its words; a name from a newer connector
 * that this build does not know is shown as it is.
 */
export function useHookNames(): (hooks: readonly string[]) => string {
  const { t } = useTranslation();
  const format = useFormat();
  const names: Record<HookName, string> = {
    list: t('health.hooks.list'),
    rows: t('health.hooks.rows'),
    titles: t('health.hooks.titles'),
    names: t('health.hooks.titles'),
    badge: t('health.hooks.badge'),
    badges: t('health.hooks.badge'),
    unreadMarks: t('health.hooks.badge'),
    times: t('health.hooks.times'),
    links: t('health.hooks.links'),
    composer: t('health.hooks.composer'),
    rail: t('health.hooks.rail'),
    sidebar: t('health.hooks.sidebar'),
    homeTab: t('health.hooks.homeTab'),
    pane: t('health.hooks.pane'),
    nav: t('health.hooks.nav'),
    mute: t('health.hooks.mute'),
  };
  const known = (hook: string): hook is HookName => Object.hasOwn(names, hook);
  return (hooks) => format.and([...new Set(hooks.map((hook) => (known(hook) ? names[hook] : hook)))]);
}

/** One line for the Resources screen: what the reader read, or what it cannot find, and the user's part. */
export function HealthLine({ health }: { health: ConnectorHealth | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const hookNames = useHookNames();
  if (health === undefined) return <span className="health-line tone-neutral">{t('health.notYet')}</span>;
  const parts = [t('health.read', { count: health.chats }), t('health.badges', { count: health.badges })];
  if (health.lastGoodRead !== null) parts.push(t('health.lastGood', { time: format.time(health.lastGoodRead) }));
  const lost = lostHooks(health);
  const absent = health.missing.filter((hook) => !lost.includes(hook));
  return (
    <span className={lost.length > 0 ? 'health-line tone-warning' : 'health-line tone-neutral'} data-missing={health.missing.join(' ')}>
      {parts.join(' · ')}
      {lost.length > 0 ? ` · ${t('health.missing', { hooks: hookNames(lost) })}` : null}
      {absent.length > 0 ? ` · ${t('health.absent', { hooks: hookNames(absent) })}` : null}
      {health.hint === 'open-home-tab' ? ` · ${t('health.homeTab')}` : null}
    </span>
  );
}

/** Why the platform will not let this account in, and what the user can do instead. */
export function useRefusalText(): (refusal: Refusal, platform: string) => string {
  const { t } = useTranslation();
  return (refusal, platform) => (refusal === 'browser-not-secure' ? t('status.refusedBrowser', { platform }) : t('status.refused', { platform }));
}
