/**
 * How the shell names and draws a platform: catalog platforms by their brand name, the custom one by a
 * translated label.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { PLATFORMS } from '../../../../common/catalog';
import type { PlatformId } from '../../../../common/model';

export function usePlatformName(): (platform: PlatformId) => string {
  const { t } = useTranslation();
  return useCallback((platform) => (platform === 'custom' ? t('platforms.custom.name') : PLATFORMS[platform].name), [t]);
}
