/** Keyboard focus helpers shared by dialogs and menus. */

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

/** The elements inside `root` that Tab reaches, in document order. */
export function tabbables(root: HTMLElement): HTMLElement[] {
  // A roving tabindex (tabs, toolbars) leaves its other items at -1: Tab skips them, and so does this list.
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.tabIndex >= 0 && !el.hidden && el.closest('[hidden]') === null);
}

/** Keeps Tab and Shift+Tab inside `root`. Returns whether it moved the focus itself. */
export function trapTab(event: { key: string; shiftKey: boolean; preventDefault(): void }, root: HTMLElement): boolean {
  if (event.key !== 'Tab') return false;
  const items = tabbables(root);
  const first = items[0];
  const last = items[items.length - 1];
  if (first === undefined || last === undefined) {
    event.preventDefault();
    root.focus();
    return true;
  }
  const active = document.activeElement;
  if (event.shiftKey && (active === first || active === root)) {
    event.preventDefault();
    last.focus();
    return true;
  }
  if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
    return true;
  }
  return false;
}

/**
 * Gives the focus back to where it was before an overlay opened; when that element is gone (its service was
 * removed, its row scrolled away), to the selected service tab or the Inbox item, so keyboard users are never
 * left on <body>.
 */
export function restoreFocus(opener: Element | null): void {
  if (opener instanceof HTMLElement && opener.isConnected) {
    opener.focus();
    return;
  }
  document.querySelector<HTMLElement>('[role="tab"][aria-selected="true"], nav [aria-current="page"]')?.focus();
}
