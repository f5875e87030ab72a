/**
 * A platform's mark: its glyph in white on a rounded tile of its brand colour.
 */
import type { PlatformIcon } from '../../../common/catalog';

export type TileSize = 'xs' | 'sm' | 'md' | 'lg';

export function PlatformTile({ icon, size = 'md' }: { icon: PlatformIcon; size?: TileSize }) {
  return (
    <span className={`tile tile-${size}`} style={{ backgroundColor: icon.color }} aria-hidden="true">
      <svg viewBox="0 0 24 24" focusable="false">
        <path d={icon.path} fill="#fff" />
      </svg>
    </span>
  );
}
