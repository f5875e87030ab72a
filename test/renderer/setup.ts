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

afterEach(() => {
  cleanup();
  const root = document.documentElement;
  root.removeAttribute('dir');
  root.removeAttribute('lang');
  root.removeAttribute('data-theme');
});
