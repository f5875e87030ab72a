/**
 * The application menu as data: standard roles (edit, window, and the macOS app menu) plus Wasl's own items, each
 * carrying the command a click carries out (../app/menu-commands.ts). Service shortcuts are shown here but caught
 * by `before-input-event` (./shortcuts.ts) so they also work while the focus is inside a service page;
 * `registerAccelerator: false` keeps the menu from firing them twice. The keys shown are the user's (the settings'
 * changes to common/shortcuts.ts), so a changed key shows here. main/electron/app-menu.ts renders it.
 */
import type { ShellAction } from '../../../common/ipc';
import { resolveShortcuts, type ShortcutId } from '../../../common/shortcuts';
import type { AppState, HostOs } from '../../../common/state';
import { mainStrings } from '../../i18n';
import type { MenuCommand } from '../app/menu-commands';
import { acceleratorOf } from './accelerator';

/** The menu roles Wasl uses: the system provides their items and does what they say. */
export type MenuRole =
  | 'appMenu'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'editMenu'
  | 'togglefullscreen'
  | 'windowMenu'
  | 'help';

/** One item of a menu (the application menu or the tray's): what it shows, and the command a click carries. */
export interface MenuItemModel {
  id?: string;
  /** Plain text: the renderer keeps a '&' from becoming a mnemonic. */
  label?: string;
  type?: 'separator' | 'radio' | 'checkbox';
  role?: MenuRole;
  enabled?: boolean;
  checked?: boolean;
  accelerator?: string;
  registerAccelerator?: boolean;
  submenu?: MenuItemModel[];
  command?: MenuCommand;
}

export interface AppMenuContext {
  language: 'en' | 'ar';
  os: HostOs;
}

const SEPARATOR: MenuItemModel = { type: 'separator' };

/** The items, except where `skip` holds. */
function unless(skip: boolean, ...items: MenuItemModel[]): MenuItemModel[] {
  return skip ? [] : items;
}

/** Ctrl/Cmd+1…8 name the first eight services; Ctrl/Cmd+9 always names the last one (see ./shortcuts.ts). */
function serviceAccelerator(index: number, count: number): string | undefined {
  if (index < 8) return `CmdOrCtrl+${index + 1}`;
  return index === count - 1 ? 'CmdOrCtrl+9' : undefined;
}

/** The application menu for this state. Locked, it names no service; a development build offers the developer tools. */
export function appMenuModel(state: Pick<AppState, 'services' | 'activeServiceId' | 'lock' | 'packaged' | 'demo' | 'settings'>, context: AppMenuContext): MenuItemModel[] {
  const s = mainStrings(context.language);
  const keys = resolveShortcuts(state.settings.shortcuts.keys);
  /** A shortcut's first key, shown but caught by before-input-event (./shortcuts.ts); none when the user cleared it. */
  const key = (id: ShortcutId): Pick<MenuItemModel, 'accelerator' | 'registerAccelerator'> => {
    const first = keys[id][0];
    return first === undefined ? {} : { accelerator: acceleratorOf(first), registerAccelerator: false };
  };
  const mac = context.os === 'darwin';
  const locked = state.lock?.locked === true;
  const services = locked ? [] : state.services;
  const active = state.activeServiceId;
  const canLock = state.lock?.set === true && !locked;
  const show = (action: ShellAction): MenuCommand => ({ type: 'app.show', action });
  const forActive = (command: (id: string) => MenuCommand): Pick<MenuItemModel, 'enabled' | 'command'> =>
    active === null ? { enabled: false } : { enabled: true, command: command(active) };

  const serviceItems: MenuItemModel[] =
    services.length === 0
      ? [{ label: s.noServices, enabled: false }]
      : services.map((service, index) => ({
          label: service.name,
          type: 'radio',
          checked: service.id === active,
          accelerator: serviceAccelerator(index, services.length),
          registerAccelerator: false,
          command: { type: 'service.activate', id: service.id },
        }));

  const menu: MenuItemModel[] = [];
  if (mac) {
    menu.push({
      role: 'appMenu',
      submenu: [
        { label: s.about, command: { type: 'app.about' } },
        SEPARATOR,
        { label: s.settings, accelerator: 'Cmd+,', command: show('open-settings') },
        SEPARATOR,
        { role: 'services' },
        SEPARATOR,
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        SEPARATOR,
        { label: s.quit, accelerator: 'Cmd+Q', command: { type: 'app.quit' } },
      ],
    });
  }
  menu.push({
    label: s.file,
    submenu: [
      { label: s.addService, accelerator: 'CmdOrCtrl+N', command: show('add-service') },
      ...unless(mac, { label: s.settings, accelerator: 'Ctrl+,', command: show('open-settings') }),
      SEPARATOR,
      { label: s.lockWasl, ...key('lock'), enabled: canLock, command: { type: 'lock.lock' } },
      { label: s.closeWindow, accelerator: 'CmdOrCtrl+W', command: { type: 'window.hide' } },
      ...unless(mac, { label: s.quit, accelerator: 'Ctrl+Q', command: { type: 'app.quit' } }),
    ],
  });
  menu.push({ label: s.edit, role: 'editMenu' });
  menu.push({
    label: s.view,
    submenu: [
      { label: s.findInPage, ...key('find'), ...forActive(() => show('find')) },
      SEPARATOR,
      { label: s.reloadService, accelerator: 'CmdOrCtrl+R', ...forActive((id) => ({ type: 'service.reload', id })) },
      { label: s.forceReloadShell, accelerator: 'CmdOrCtrl+Shift+R', command: { type: 'window.reload' } },
      ...unless(state.packaged, { label: s.toggleDevTools, accelerator: 'CmdOrCtrl+Alt+I', command: { type: 'window.devTools' } }),
      SEPARATOR,
      { label: s.actualSize, ...key('zoom-reset'), ...forActive((id) => ({ type: 'service.zoom', id, step: 'reset' })) },
      { label: s.zoomIn, ...key('zoom-in'), ...forActive((id) => ({ type: 'service.zoom', id, step: 'in' })) },
      { label: s.zoomOut, ...key('zoom-out'), ...forActive((id) => ({ type: 'service.zoom', id, step: 'out' })) },
      SEPARATOR,
      { role: 'togglefullscreen' },
      SEPARATOR,
      { label: s.resources, command: show('open-resources') },
    ],
  });
  menu.push({
    label: s.services,
    submenu: [
      ...serviceItems,
      SEPARATOR,
      { label: s.nextService, ...key('next-service'), command: { type: 'service.activateRelative', delta: 1 } },
      { label: s.previousService, ...key('previous-service'), command: { type: 'service.activateRelative', delta: -1 } },
      { label: s.nextUnread, ...key('next-unread'), command: show('next-unread') },
      SEPARATOR,
      { label: s.renameService, ...forActive(() => show('rename-active')) },
      { label: s.removeService, ...forActive(() => show('remove-active')) },
      SEPARATOR,
      { label: s.saveOutlineItem, ...forActive((id) => ({ type: 'service.saveOutline', id })) },
    ],
  });
  menu.push({
    label: s.shop,
    submenu: [
      { label: s.quickReplies, ...key('quick-replies'), command: show('quick-replies') },
      SEPARATOR,
      { label: s.shopTools, command: show('open-shop') },
      { label: s.report, command: show('open-report') },
    ],
  });
  menu.push({ label: s.window, role: 'windowMenu' });
  menu.push({
    label: s.help,
    role: 'help',
    submenu: [
      ...unless(mac, { label: s.about, command: { type: 'app.about' } }),
      { label: s.keyboardShortcuts, ...key('cheat-sheet'), command: show('shortcuts') },
      { label: s.learnMore, command: { type: 'app.learnMore' } },
      // Development builds carry the demo's fixture pages; installed ones do not (electron-builder.yml).
      ...unless(state.packaged || state.demo, SEPARATOR, { label: s.startDemo, command: { type: 'app.demo' } }),
    ],
  });
  return menu;
}
