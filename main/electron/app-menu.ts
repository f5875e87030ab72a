/**
 * Menus on Electron: a menu model (main/core/desktop/app-menu.ts) as Electron's template, each item's command
 * dispatched on its click; and the application menu, replaced whenever its model changes.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../core/app/menu-commands';
import type { MenuItemModel } from '../core/desktop/app-menu';
import type { ElectronApi } from './api';

/** '&' marks a mnemonic in Electron's menu labels: a literal one is doubled. */
const literal = (text: string): string => text.replace(/&/g, '&&');

/** The model as Electron's template: a click on an item dispatches its command. */
export function menuTemplate(items: readonly MenuItemModel[], dispatch: (command: MenuCommand) => void): MenuItemConstructorOptions[] {
  return items.map(({ label, submenu, command, ...rest }) => {
    const item: MenuItemConstructorOptions = { ...rest };
    if (label !== undefined) item.label = literal(label);
    if (submenu !== undefined) item.submenu = menuTemplate(submenu, dispatch);
    if (command !== undefined) item.click = () => dispatch(command);
    return item;
  });
}

export interface AppMenuDeps {
  electron: Pick<ElectronApi, 'Menu'>;
  dispatch: (command: MenuCommand) => void;
}

export class AppMenu {
  constructor(private readonly deps: AppMenuDeps) {}

  show(items: MenuItemModel[]): void {
    const { Menu } = this.deps.electron;
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(items, this.deps.dispatch)));
  }
}
