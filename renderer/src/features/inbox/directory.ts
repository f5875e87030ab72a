/**
 * How the inbox names where a chat lives: the platform's name, and the account's name too when the user has
 * several accounts of that platform ("WhatsApp (Shop)"); and which services sleep, with the age of their chats.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlatformId, ServiceConfig } from '../../../../common/model';
import type { AppState } from '../../../../common/state';
import { useApp } from '../../store/context';
import { usePlatformName } from '../services/platform';

export interface ServiceDirectory {
  service: (id: string) => ServiceConfig | undefined;
  /** The platform's name, with the account's when there are several. */
  label: (serviceId: string) => string;
  /** The labels of these services, each once, in order. */
  labels: (serviceIds: readonly string[]) => string[];
  /** For a sleeping service, when its chats were last updated (0 when never this session); undefined when awake. */
  asleep: (serviceId: string) => number | undefined;
}

/** The sleeping services and the age of their chats, as one string: it changes only when one falls asleep or wakes. */
function sleepers(state: AppState): string {
  const out: string[] = [];
  for (const [id, runtime] of Object.entries(state.runtime)) {
    if (runtime.status === 'asleep') out.push(`${id}\u0000${runtime.lastUpdate ?? 0}`);
  }
  return out.join('\u0001');
}

export function useDirectory(): ServiceDirectory {
  const { t } = useTranslation();
  const services = useApp((s) => s.services);
  const platformName = usePlatformName();
  const asleep = useApp(sleepers);
  return useMemo(() => {
    const byId = new Map(services.map((s) => [s.id, s]));
    const sleeping = new Map(
      asleep === ''
        ? []
        : asleep.split('\u0001').map((item) => {
            const [id = '', at = '0'] = item.split('\u0000');
            return [id, Number(at)] as const;
          }),
    );
    const counts = new Map<PlatformId, number>();
    for (const s of services) if (s.enabled) counts.set(s.platform, (counts.get(s.platform) ?? 0) + 1);
    const several = (platform: PlatformId) => (counts.get(platform) ?? 0) > 1;
    const label = (id: string) => {
      const service = byId.get(id);
      if (service === undefined) return '';
      const platform = platformName(service.platform);
      return several(service.platform) ? t('inbox.account', { platform, account: service.name }) : platform;
    };
    return {
      service: (id) => byId.get(id),
      label,
      labels: (ids) => [...new Set(ids.map(label))].filter((l) => l !== ''),
      asleep: (id) => sleeping.get(id),
    };
  }, [asleep, platformName, services, t]);
}
