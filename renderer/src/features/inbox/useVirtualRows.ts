/**
 * The rows of a long list that are in view (plus a few around), from TanStack Virtual's Virtualizer: a list of
 * 20,000 chats keeps some thirty rows in the DOM. Rows have one fixed height.
 */
import { elementScroll, observeElementOffset, observeElementRect, Virtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useLayoutEffect, useReducer, useState } from 'react';

export interface VirtualRows {
  items: VirtualItem[];
  totalSize: number;
  scrollToIndex: (index: number) => void;
  scrollToTop: () => void;
}

export function useVirtualRows(options: {
  count: number;
  rowHeight: number;
  overscan: number;
  /** The scrolling element (from a callback ref), null until it is mounted. */
  scrollElement: HTMLElement | null;
}): VirtualRows {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [virtualizer] = useState(
    () =>
      new Virtualizer<HTMLElement, HTMLElement>({
        count: 0,
        getScrollElement: () => null,
        estimateSize: () => 0,
        observeElementRect,
        observeElementOffset,
        scrollToFn: elementScroll,
        onChange: () => rerender(),
      }),
  );
  // No item keys: rows are never measured (one fixed height), React keys them itself, and a new key function on
  // each change of the list made the virtualizer lay out all 20,000 again (bench/list-column.bench.ts).
  const { count, rowHeight, overscan, scrollElement } = options;
  virtualizer.setOptions({
    count,
    overscan,
    getScrollElement: () => scrollElement,
    estimateSize: () => rowHeight,
    observeElementRect,
    observeElementOffset,
    scrollToFn: elementScroll,
    onChange: () => rerender(),
  });
  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => virtualizer._willUpdate());
  return {
    items: virtualizer.getVirtualItems(),
    totalSize: virtualizer.getTotalSize(),
    scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    scrollToTop: () => virtualizer.scrollToOffset(0),
  };
}
