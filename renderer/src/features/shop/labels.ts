/** Labels as the user reads them: their own name, or a preset's name in the interface's language. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Label, LabelPreset } from '../../../../common/shop/model';

const PRESET_TEXT = {
  'new-customer': 'labels.preset.new-customer',
  'new-order': 'labels.preset.new-order',
  'pending-payment': 'labels.preset.pending-payment',
  paid: 'labels.preset.paid',
  'order-complete': 'labels.preset.order-complete',
} as const satisfies Record<LabelPreset, string>;

export function useLabelName(): (label: Label) => string {
  const { t } = useTranslation();
  return useCallback((label: Label) => label.name ?? (label.preset === undefined ? '' : t(PRESET_TEXT[label.preset])), [t]);
}
