/** A label as a small coloured chip; its colour comes from styles/labels.css (`data-color`). */
import type { LabelColor } from '../../../common/shop/model';

export function LabelChip({ name, color, className }: { name: string; color: LabelColor; className?: string }) {
  return (
    <span className={className === undefined ? 'label-chip' : `label-chip ${className}`} data-color={color} dir="auto">
      {name}
    </span>
  );
}
