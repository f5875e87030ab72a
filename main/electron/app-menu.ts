/**
 * The application menu: standard roles (edit, window, and the macOS app menu) plus Wasl's own commands. Service
 * shortcuts are shown here but handled by `before-input-event` (see core/shortcuts.ts) so they also work while
 * the focus is inside a service page; `registerAccelerator: false` keeps the menu from firing them twice.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { ServiceConfig } from '../../common/model';
import type { HostOs } from '../../common/state';
import type { MainStrings } from '../i18n';

export interface MenuModel {
  os: HostOs;
  services: readonly Pick<ServiceConfig, 'id' | 'name'>[];
  activeServiceId: string | null;
  strings: MainStrings;
  /** Development builds show the developer tools entry. */
  dev: boolean;
  /** A password is set and Wasl is unlocked: File › Lock Wasl is available. */
  canLock?: boolean;
}

export interface MenuActions {
  addService: () => void;
  openSettings: () => void;
  lock: () => void;
  activate: (serviceId: string) => void;
  next: () => void;
  previous: () => void;
  reloadService: () => void;
  renameService: () => void;
  removeService: () => void;
  saveOutline: () => void;
  quickReplies: () => void;
  openShop: () => void;
  openReport: () => void;
  openResources: () => void;
  reloadShell: () => void;
  toggleDevTools: () => void;
  hideWindow: () => void;
  about: () => void;
  learnMore: () => void;
  quit: () => void;
}

/** Ctrl/Cmd+1…8 name the first eight services; Ctrl/Cmd+9 always names the last one (see core/shortcuts.ts). */
function serviceAccelerator(index: number, count: number): string | undefined {
  if (index < 8) return `CmdOrCtrl+${index + 1}`;
  return index === count - 1 ? 'CmdOrCtrl+9' : undefined;
}

export function buildMenuTemplate(model: MenuModel, actions: MenuActions): MenuItemConstructorOptions[] {
  const s = model.strings;
  const mac = model.os === 'darwin';
  const hasActive = model.activeServiceId !== null;

  const serviceItems: MenuItemConstructorOptions[] =
    model.services.length === 0
      ? [{ label: s.noServices, enabled: false }]
      : model.services.map((service, index) => ({
          label: service.name,
          type: 'radio',
          checked: service.id === model.activeServiceId,
          accelerator: serviceAccelerator(index, model.services.length),
          registerAccelerator: false,
          click: () => actions.activate(service.id),
        }));

  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      role: 'appMenu',
      submenu: [
        { label: s.about, click: actions.about },
        { type: 'separator' },
        { label: s.settings, accelerator: 'Cmd+,', click: actions.openSettings },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { label: s.quit, accelerator: 'Cmd+Q', click: actions.quit },
      ],
    });
  }
  template.push({
    label: s.file,
    submenu: [
      { label: s.addService, accelerator: 'CmdOrCtrl+N', click: actions.addService },
      ...(mac ? [] : [{ label: s.settings, accelerator: 'Ctrl+,', click: actions.openSettings }]),
      { type: 'separator' },
      // The shortcut is caught before any page sees it (main/core/shortcuts.ts); the menu only shows it.
      { label: s.lockWasl, accelerator: 'CmdOrCtrl+Shift+L', registerAccelerator: false, enabled: model.canLock === true, click: actions.lock },
      { label: s.closeWindow, accelerator: 'CmdOrCtrl+W', click: actions.hideWindow },
      ...(mac ? [] : [{ label: s.quit, accelerator: 'Ctrl+Q', click: actions.quit }]),
    ],
  });
  template.push({ label: s.edit, role: 'editMenu' });
  template.push({
    label: s.view,
    submenu: [
      { label: s.reloadService, accelerator: 'CmdOrCtrl+R', enabled: hasActive, click: actions.reloadService },
      { label: s.forceReloadShell, accelerator: 'CmdOrCtrl+Shift+R', click: actions.reloadShell },
      ...(model.dev ? [{ label: s.toggleDevTools, accelerator: 'CmdOrCtrl+Alt+I', click: actions.toggleDevTools }] : []),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      { type: 'separator' },
      { label: s.resources, click: actions.openResources },
    ],
  });
  template.push({
    label: s.services,
    submenu: [
      ...serviceItems,
      { type: 'separator' },
      { label: s.nextService, accelerator: 'Ctrl+Tab', registerAccelerator: false, click: actions.next },
      { label: s.previousService, accelerator: 'Ctrl+Shift+Tab', registerAccelerator: false, click: actions.previous },
      { type: 'separator' },
      { label: s.renameService, enabled: hasActive, click: actions.renameService },
      { label: s.removeService, enabled: hasActive, click: actions.removeService },
      { type: 'separator' },
      { label: s.saveOutlineItem, enabled: hasActive, click: actions.saveOutline },
    ],
  });
  template.push({
    label: s.shop,
    submenu: [
      { label: s.quickReplies, accelerator: 'CmdOrCtrl+Shift+Space', registerAccelerator: false, click: actions.quickReplies },
      { type: 'separator' },
      { label: s.shopTools, click: actions.openShop },
      { label: s.report, click: actions.openReport },
    ],
  });
  template.push({ label: s.window, role: 'windowMenu' });
  template.push({
    label: s.help,
    role: 'help',
    submenu: [...(mac ? [] : [{ label: s.about, click: actions.about }]), { label: s.learnMore, click: actions.learnMore }],
  });
  return template;
}
