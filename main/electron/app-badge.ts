/**
 * The unread total on the app itself (a badge model, main/core/desktop/tray-model.ts): the Dock badge on macOS (the
 * model's text, in the digits the user chose), the launcher badge on Linux (`app.setBadgeCount`, a number the
 * launcher writes), the taskbar button's overlay icon on Windows (the same red badge the tray draws, 16 px, sharp at
 * 1× and 2×), which screen readers read as the model's label.
 */
import type { HostOs } from '../../common/state';
import type { BadgeModel } from '../core/desktop/tray-model';
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
  private shown: BadgeModel | undefined;

  constructor(private readonly deps: AppBadgeDeps) {}

  /** Shows the count (nothing at 0). */
  show(model: BadgeModel): void {
    const { count, text, label } = model;
    if (this.shown?.count === count && this.shown.text === text && this.shown.label === label) return;
    const { os, window: win, electron } = this.deps;
    if (os === 'darwin') {
      this.shown = model;
      electron.app.dock?.setBadge(text);
      return;
    }
    if (os !== 'win32') {
      this.shown = model;
      electron.app.setBadgeCount(count);
      return;
    }
    if (win.isDestroyed()) return;
    this.shown = model;
    win.setOverlayIcon(count > 0 ? (toNativeImage(electron.nativeImage, badgeOnly(OVERLAY_SIZE, count)) ?? null) : null, count > 0 ? label : '');
  }
}
