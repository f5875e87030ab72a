/**
 * The windows service pages opened (sign-in pop-ups, window.open of a service's own origins, the about:blank
 * children those flows start with). While Wasl is locked none of them shows anything: each is hidden and left
 * out of the macOS Window menu (its title is the page's), and hidden again whenever the page shows or focuses
 * it; ContentsPolicy opens no new one. On unlock the windows that were on screen come back.
 */
import type { ChildWindowLike } from './api';

export class PopupWindows {
  private readonly windows = new Set<ChildWindowLike>();
  /** Hidden by the lock while on screen: shown again on unlock. */
  private readonly hidden = new Set<ChildWindowLike>();
  private isLocked = false;

  get locked(): boolean {
    return this.isLocked;
  }

  add(window: ChildWindowLike): void {
    this.windows.add(window);
    const guard = (): void => {
      if (this.isLocked) this.conceal(window);
    };
    window.on('show', guard);
    window.on('focus', guard);
    window.on('closed', () => {
      this.windows.delete(window);
      this.hidden.delete(window);
    });
    guard();
  }

  setLocked(locked: boolean): void {
    if (locked === this.isLocked) return;
    this.isLocked = locked;
    for (const window of this.windows) {
      if (window.isDestroyed()) continue;
      if (locked) {
        this.conceal(window);
      } else {
        window.excludedFromShownWindowsMenu = false;
        if (this.hidden.has(window)) window.show();
      }
    }
    if (!locked) this.hidden.clear();
  }

  private conceal(window: ChildWindowLike): void {
    if (window.isDestroyed()) return;
    window.excludedFromShownWindowsMenu = true;
    if (!window.isVisible()) return;
    this.hidden.add(window);
    window.hide();
  }
}
