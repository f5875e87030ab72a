/**
 * The windows service pages opened (sign-in pop-ups, window.open of a service's own origins, the about:blank
 * children those flows start with). While Wasl is locked none of them shows anything: each is hidden and left
 * out of the macOS Window menu (its title is the page's), and hidden again whenever the page shows or focuses
 * it; ContentsPolicy opens no new one. On unlock the windows that were on screen come back.
 *
 * Each window is kept with the service whose page opened it, so a call pop-up's screen share can be told apart
 * from another service's (main/electron/screen-share.ts).
 */
import type { ChildWindowLike } from './api';

/** A window a service's page opened, with that service. */
export interface OwnedPopup {
  window: ChildWindowLike;
  serviceId: string;
}

export class PopupWindows {
  /** Each open window, with the service whose page opened it. */
  private readonly windows = new Map<ChildWindowLike, string>();
  /** Hidden by the lock while on screen: shown again on unlock. */
  private readonly hidden = new Set<ChildWindowLike>();
  private isLocked = false;

  get locked(): boolean {
    return this.isLocked;
  }

  /** The windows still open, each with its service. */
  open(): OwnedPopup[] {
    return [...this.windows].filter(([window]) => !window.isDestroyed()).map(([window, serviceId]) => ({ window, serviceId }));
  }

  add(window: ChildWindowLike, serviceId: string): void {
    this.windows.set(window, serviceId);
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
    for (const window of this.windows.keys()) {
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
