import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

/** jsdom has no layout, so no ResizeObserver: the shell only needs it to exist (window resizes re-measure too). */
class NoopResizeObserver implements ResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver = NoopResizeObserver;

/** jsdom has no DragEvent; without it drag events lose their pointer coordinates. */
class TestDragEvent extends MouseEvent implements DragEvent {
  readonly dataTransfer: DataTransfer | null;
  constructor(type: string, init: DragEventInit = {}) {
    super(type, init);
    this.dataTransfer = init.dataTransfer ?? null;
  }
}
globalThis.DragEvent = TestDragEvent;

/** jsdom does not scroll: an element asked to scroll into view notes it, for a test to read. */
Element.prototype.scrollIntoView = function scrollIntoView(this: Element): void {
  this.setAttribute('data-scrolled-into-view', '');
};

/**
 * jsdom lays nothing out, so every element is 0 pixels high and a virtual list would show no row. The inbox's
 * list gets the height of a window (what the virtualizer reads): rows in view render, the rest stay virtual.
 */
const LIST_HEIGHT = 680;
Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
  configurable: true,
  get(this: HTMLElement) {
    return this.classList.contains('inbox-list') ? LIST_HEIGHT : 0;
  },
});
Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
  configurable: true,
  get(this: HTMLElement) {
    return this.classList.contains('inbox-list') ? 800 : 0;
  },
});

afterEach(() => {
  cleanup();
  const root = document.documentElement;
  root.removeAttribute('dir');
  root.removeAttribute('lang');
  root.removeAttribute('data-theme');
});
