/**
 * Tells main where the service page goes: the viewport element's box in CSS pixels, sent again whenever it moves
 * or resizes, and null while any dialog, menu or popover is open (the native page is drawn above the shell and
 * would cover it) or once the viewport is gone.
 */
import { useEffect, useRef, type RefObject } from 'react';
import type { Rect } from '../../../../common/ipc';
import { useShell, useUi } from '../../store/context';

function measure(el: HTMLElement): Rect {
  const box = el.getBoundingClientRect();
  const x = Math.max(0, Math.round(box.left));
  const y = Math.max(0, Math.round(box.top));
  return {
    x,
    y,
    width: Math.max(0, Math.round(box.right) - x),
    height: Math.max(0, Math.round(box.bottom) - y),
  };
}

const same = (a: Rect | null, b: Rect | null): boolean =>
  a === b || (a !== null && b !== null && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height);

export function useViewportReport(ref: RefObject<HTMLElement | null>): void {
  const { bridge } = useShell();
  const covered = useUi((s) => s.overlays > 0);
  /** What main was told last; undefined before the first report. */
  const sent = useRef<Rect | null | undefined>(undefined);

  useEffect(() => {
    const report = (rect: Rect | null) => {
      if (sent.current !== undefined && same(sent.current, rect)) return;
      sent.current = rect;
      bridge.setViewport(rect);
    };
    const el = ref.current;
    if (el === null || covered) {
      report(null);
      return;
    }
    const update = () => report(measure(el));
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    window.addEventListener('resize', update);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', update);
    };
  }, [bridge, covered, ref]);

  useEffect(
    () => () => {
      if (sent.current !== null) bridge.setViewport(null);
      sent.current = undefined;
    },
    [bridge],
  );
}
