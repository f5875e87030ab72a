/**
 * Counts inside a line of text. CountBadge: an unread count in a red pill, "1"…"99", then "99+". ViewCount: how
 * many entries a view of the list holds, in a quiet pill: nothing at 0, then "1"…"999", then "999+". Both stay
 * left-to-right inside right-to-left text; the pill itself follows the line's direction, so it sits at the line's
 * end either way.
 */
import { useFormat } from '../i18n/format';

/** The most a view count spells out. */
const VIEW_COUNT_MAX = 999;

export function CountBadge({ text }: { text: string }) {
  return (
    <span className="inbox-badge">
      <span dir="ltr">{text}</span>
    </span>
  );
}

export function ViewCount({ count }: { count: number }) {
  const format = useFormat();
  if (count <= 0) return null;
  return (
    <span className="view-count" aria-hidden="true">
      <span dir="ltr">{count > VIEW_COUNT_MAX ? `${format.number(VIEW_COUNT_MAX)}+` : format.number(count)}</span>
    </span>
  );
}
