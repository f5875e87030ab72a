/**
 * The tray icon, showing a tray model (main/core/desktop/tray-model.ts). The unread total is drawn into the icon on
 * Windows and Linux (a red badge, sharp at 1× and 2×) and is the title beside the template icon in the macOS menu
 * bar; the tooltip and the menu are the model's, a click on an item or on the icon dispatching its command. Each
 * is changed only when it differs.
 */
import path from 'node:path';
import type { HostOs } from '../../common/state';
import type { MenuCommand } from '../core/app/menu-commands';
import type { Logger } from '../core/app/ports';
import type { TrayModel } from '../core/desktop/tray-model';
import { menuTemplate } from './app-menu';
import type { ElectronApi, NativeImageLike, TrayLike } from './api';
import { halved, readBitmaps, toNativeImage, withBadge, type ScaledBitmap } from './badge-images';

export interface TrayDeps {
  electron: Pick<ElectronApi, 'Tray' | 'Menu' | 'nativeImage'>;
  os: HostOs;
  /** The app's assets folder, whose tray/ holds tray.png (with tray@2x.png beside it), and trayTemplate.png for macOS. */
  assetsDir: string;
  log: Logger;
  dispatch: (command: MenuCommand) => void;
}

export class AppTray {
  private readonly tray: TrayLike;
  private shown: TrayModel | undefined;
  /** The plain icon's pixels (Windows and Linux), read once; empty when the file could not be read. */
  private base: ScaledBitmap[] | undefined;
  private shownMenu: string | undefined;
  private readonly iconPath: string;

  constructor(private readonly deps: TrayDeps) {
    this.iconPath = path.join(deps.assetsDir, 'tray', deps.os === 'darwin' ? 'trayTemplate.png' : 'tray.png');
    this.tray = new deps.electron.Tray(this.iconPath);
    this.tray.on('click', () => {
      if (this.shown) deps.dispatch(this.shown.click);
    });
  }

  show(model: TrayModel): void {
    const before = this.shown;
    this.shown = model;
    this.showTotal(model, before);
    if (model.tooltip !== before?.tooltip) this.tray.setToolTip(model.tooltip);
    // Rebuilt only when it changed: some Linux panels flicker on every new menu.
    const key = JSON.stringify(model.items);
    if (key !== this.shownMenu) {
      this.shownMenu = key;
      this.tray.setContextMenu(this.deps.electron.Menu.buildFromTemplate(menuTemplate(model.items, this.deps.dispatch)));
    }
  }

  destroy(): void {
    this.tray.destroy();
  }

  private showTotal({ total, totalText }: TrayModel, before: TrayModel | undefined): void {
    if (this.deps.os === 'darwin') {
      // The menu bar's convention: a template icon that macOS tints, the count as text beside it, in the user's digits.
      if (totalText !== before?.totalText) this.tray.setTitle(totalText);
      return;
    }
    if (total === before?.total) return;
    const image = this.image(total);
    if (image) this.tray.setImage(image);
  }

  private image(total: number): NativeImageLike | undefined {
    if (!this.base) {
      const read = readBitmaps(this.deps.electron.nativeImage.createFromPath(this.iconPath));
      if (read.length === 0) this.deps.log.warn('could not read the tray icon; the unread count is not drawn on it', { path: this.iconPath });
      // Windows' notification area shows 16 px icons (at 100 %): draw on a 16 px icon rather than let Windows
      // shrink a 32 px one, badge and digits included, into a blur.
      this.base = this.deps.os === 'win32' ? halved(read) : read;
    }
    return toNativeImage(this.deps.electron.nativeImage, withBadge(this.base, total));
  }
}
