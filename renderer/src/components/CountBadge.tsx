/**
 * An unread count in a red pill, inside a line of text: "1"…"99", then "99+" (also in right-to-left text; the
 * pill itself follows the line's direction, so it sits at the line's end either way).
 */
export function CountBadge({ text }: { text: string }) {
  return (
    <span className="inbox-badge">
      <span dir="ltr">{text}</span>
    </span>
  );
}
