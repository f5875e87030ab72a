/**
 * How the inbox names where a chat lives: the platform's name, and the account's name too when the user has
 * several accounts of that platform ("WhatsApp (Shop)").
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlatformId, ServiceConfig } from '../../../../common/model';
import { useApp } from '../../store/context';
import { usePlatformName } from '../services/platform';

export interface ServiceDirectory {
  service: (id: string) => ServiceConfig | undefined;
  /** The platform's name, with the account's when there are several. */
  label: (serviceId: string) => string;
  /** The labels of these services, each once, in order. */
  labels: (serviceIds: readonly string[]) => string[];
}

export function useDirectory(): ServiceDirectory {
  const { t } = useTranslation();
  const services = useApp((s) => s.services);
  const platformName = usePlatformName();
  return useMemo(() => {
    const byId = new Map(services.map((s) => [s.id, s]));
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
    };
  }, [platformName, services, t]);
}
