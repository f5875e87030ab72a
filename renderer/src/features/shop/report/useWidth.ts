/**
 * The width an element is given, followed as the dialog resizes: the chart lays itself out for it. Before the
 * first measure (and where nothing is laid out) it is `fallback`.
 */
import { useCallback, useState } from 'react';

export function useWidth(fallback: number): [(element: HTMLElement | null) => void, number] {
  const [width, setWidth] = useState(0);
  const ref = useCallback((element: HTMLElement | null) => {
    if (element === null) return;
    const measure = () => setWidth(Math.floor(element.clientWidth));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width > 0 ? width : fallback];
}
