/**
 * The unread total on the app itself: the dock and launcher badge on macOS and Linux (`app.setBadgeCount`), the
 * taskbar button's overlay icon on Windows (the same red badge the tray draws, 16 px, sharp at 1× and 2×).
 */
import type { HostOs } from '../../common/state';
import type { BrowserWindowLike, ElectronApi } from './api';
import { badgeOnly, toNativeImage } from './badge-images';

/** The Windows overlay's size in device-independent pixels. */
export const OVERLAY_SIZE = 16;

export interface AppBadgeDeps {
  electron: Pick<ElectronApi, 'app' | 'nativeImage'>;
  os: HostOs;
  window: BrowserWindowLike;
}

export class AppBadge {
  private shown: { total: number; description: string } | undefined;

  constructor(private readonly deps: AppBadgeDeps) {}

  /** Shows `total` (nothing at 0); `description` is what screen readers say for the Windows overlay. */
  update(total: number, description: string): void {
    if (this.shown?.total === total && this.shown.description === description) return;
    const { os, window: win, electron } = this.deps;
    if (os !== 'win32') {
      this.shown = { total, description };
      electron.app.setBadgeCount(total);
      return;
    }
    if (win.isDestroyed()) return;
    this.shown = { total, description };
    win.setOverlayIcon(total > 0 ? (toNativeImage(electron.nativeImage, badgeOnly(OVERLAY_SIZE, total)) ?? null) : null, total > 0 ? description : '');
  }
}
