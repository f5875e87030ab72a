/**
 * The toolbar's switch for compact view: one click hides the service page's own chat list (Wasl's is beside it)
 * or shows it again. When the page's list cannot be hidden, the switch says why (the list was not found exactly
 * once, no list is known for the platform, or Wasl reads no chats from the page) and cannot be turned on; once on,
 * it can always be turned off.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { compactAvailability, type CompactAvailability } from '../../../../common/compact';
import type { ServiceConfig } from '../../../../common/model';
import { PaneIcon } from '../../components/icons';
import { useApp } from '../../store/context';
import { useServiceActions } from '../services/useServiceActions';

/** Why the page's list cannot be hidden now. */
const REASONS = {
  'no-pane': 'toolbar.compactNoPane',
  'not-once': 'toolbar.compactNotOnce',
  'not-read': 'toolbar.compactNotRead',
} as const satisfies Record<Exclude<CompactAvailability, 'available'>, string>;

export function CompactButton({ service }: { service: ServiceConfig }) {
  const { t } = useTranslation();
  const health = useApp((s) => s.runtime[service.id]?.health);
  const actions = useServiceActions();
  const reasonId = useId();
  const availability = compactAvailability(service.platform, health);
  const on = service.compact === true;
  const reason = availability === 'available' ? null : t(REASONS[availability]);
  const unavailable = reason !== null && !on;
  const label = t('toolbar.compact');
  return (
    <>
      <button
        type="button"
        className={on ? 'icon-button is-on' : 'icon-button'}
        aria-label={label}
        title={reason === null ? label : `${label}\n${reason}`}
        aria-pressed={on}
        aria-disabled={unavailable ? true : undefined}
        aria-describedby={reason === null ? undefined : reasonId}
        onClick={() => {
          if (!unavailable) actions.setCompact(service, !on);
        }}
      >
        <PaneIcon />
      </button>
      {reason === null ? null : (
        <span id={reasonId} className="visually-hidden">
          {reason}
        </span>
      )}
    </>
  );
}
