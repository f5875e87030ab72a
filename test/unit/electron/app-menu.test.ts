import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { HostOs } from '../../../common/state';
import { buildMenuTemplate, type MenuActions, type MenuModel } from '../../../main/electron/app-menu';
import { mainStrings } from '../../../main/i18n';
import { byLabel, click, submenuOf } from './support';

const en = mainStrings('en');

type ActionName = keyof MenuActions;
const ACTION_NAMES: ActionName[] = [
  'addService',
  'openSettings',
  'lock',
  'activate',
  'next',
  'previous',
  'reloadService',
  'renameService',
  'removeService',
  'saveOutline',
  'quickReplies',
  'openShop',
  'openReport',
  'openResources',
  'reloadShell',
  'toggleDevTools',
  'hideWindow',
  'about',
  'learnMore',
  'quit',
];

function spies(): { actions: MenuActions; calls: () => ActionName[]; activated: string[] } {
  const calls: ActionName[] = [];
  const activated: string[] = [];
  const record = (name: ActionName) => () => {
    calls.push(name);
  };
  const actions: MenuActions = {
    addService: record('addService'),
    openSettings: record('openSettings'),
    lock: record('lock'),
    activate: (id) => {
      calls.push('activate');
      activated.push(id);
    },
    next: record('next'),
    previous: record('previous'),
    reloadService: record('reloadService'),
    renameService: record('renameService'),
    removeService: record('removeService'),
    saveOutline: record('saveOutline'),
    quickReplies: record('quickReplies'),
    openShop: record('openShop'),
    openReport: record('openReport'),
    openResources: record('openResources'),
    reloadShell: record('reloadShell'),
    toggleDevTools: record('toggleDevTools'),
    hideWindow: record('hideWindow'),
    about: record('about'),
    learnMore: record('learnMore'),
    quit: record('quit'),
  };
  return { actions, calls: () => [...calls], activated };
}

const services = (n: number): MenuModel['services'] => Array.from({ length: n }, (_, i) => ({ id: `s${i + 1}`, name: `Service ${i + 1}` }));

function build(model: Partial<MenuModel> = {}, actions: MenuActions = spies().actions): MenuItemConstructorOptions[] {
  return buildMenuTemplate({ os: 'win32', services: services(2), activeServiceId: 's1', strings: en, dev: false, ...model }, actions);
}

const menu = (template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] => {
  const top = byLabel(template, label);
  if (!top) throw new Error(`no ${label} menu`);
  return submenuOf(top);
};

/** The service radio items of the Services menu. */
const serviceItems = (template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  menu(template, en.services).filter((i) => i.type === 'radio');

describe('buildMenuTemplate: macOS', () => {
  const template = build({ os: 'darwin' });

  it('puts the appMenu role first, with About, Settings and Quit', () => {
    expect(template[0]?.role).toBe('appMenu');
    const app = submenuOf(template[0]);
    expect(byLabel(app, en.about)).toBeDefined();
    expect(byLabel(app, en.settings)?.accelerator).toBe('Cmd+,');
    expect(byLabel(app, en.quit)?.accelerator).toBe('Cmd+Q');
    expect(app.map((i) => i.role).filter(Boolean)).toEqual(['services', 'hide', 'hideOthers', 'unhide']);
  });

  it('has neither Quit nor Settings under File', () => {
    const file = menu(template, en.file);
    expect(byLabel(file, en.quit)).toBeUndefined();
    expect(byLabel(file, en.settings)).toBeUndefined();
    expect(byLabel(file, en.addService)?.accelerator).toBe('CmdOrCtrl+N');
    expect(byLabel(file, en.closeWindow)?.accelerator).toBe('CmdOrCtrl+W');
  });

  it('keeps About out of Help (it is in the app menu)', () => {
    expect(byLabel(menu(template, en.help), en.about)).toBeUndefined();
  });

  it('has exactly one Quit and one Settings in the whole menu', () => {
    const all = template.flatMap((top) => [top, ...submenuOf(top)]);
    expect(all.filter((i) => i.label === en.quit)).toHaveLength(1);
    expect(all.filter((i) => i.label === en.settings)).toHaveLength(1);
  });
});

describe.each<HostOs>(['win32', 'linux'])('buildMenuTemplate: %s', (os) => {
  const template = build({ os });

  it('has no appMenu role', () => {
    expect(template.some((i) => i.role === 'appMenu')).toBe(false);
    expect(template[0]?.label).toBe(en.file);
  });

  it('has Settings and Quit under File', () => {
    const file = menu(template, en.file);
    expect(byLabel(file, en.settings)?.accelerator).toBe('Ctrl+,');
    expect(byLabel(file, en.quit)?.accelerator).toBe('Ctrl+Q');
    expect(byLabel(file, en.addService)?.accelerator).toBe('CmdOrCtrl+N');
  });

  it('has About under Help', () => {
    expect(byLabel(menu(template, en.help), en.about)).toBeDefined();
  });
});

describe('buildMenuTemplate: services', () => {
  it('lists services as radio items with the active one checked', () => {
    const template = build({ services: services(3), activeServiceId: 's2' });
    const items = serviceItems(template);
    expect(items.map((i) => i.label)).toEqual(['Service 1', 'Service 2', 'Service 3']);
    expect(items.map((i) => i.checked)).toEqual([false, true, false]);
  });

  it('checks nothing when no service is active', () => {
    expect(serviceItems(build({ services: services(3), activeServiceId: null })).map((i) => i.checked)).toEqual([false, false, false]);
  });

  it('names the first eight CmdOrCtrl+1…8 and the last one CmdOrCtrl+9', () => {
    const items = serviceItems(build({ services: services(11) }));
    expect(items.map((i) => i.accelerator)).toEqual([
      'CmdOrCtrl+1',
      'CmdOrCtrl+2',
      'CmdOrCtrl+3',
      'CmdOrCtrl+4',
      'CmdOrCtrl+5',
      'CmdOrCtrl+6',
      'CmdOrCtrl+7',
      'CmdOrCtrl+8',
      undefined,
      undefined,
      'CmdOrCtrl+9',
    ]);
  });

  it('gives the ninth of exactly nine services CmdOrCtrl+9', () => {
    expect(serviceItems(build({ services: services(9) }))[8]?.accelerator).toBe('CmdOrCtrl+9');
  });

  it('numbers a short list in order', () => {
    expect(serviceItems(build({ services: services(3) })).map((i) => i.accelerator)).toEqual(['CmdOrCtrl+1', 'CmdOrCtrl+2', 'CmdOrCtrl+3']);
  });

  it('never lets the menu register the service or Ctrl+Tab shortcuts (before-input-event handles them)', () => {
    const template = build({ services: services(10) });
    for (const item of serviceItems(template)) expect(item.registerAccelerator, item.label).toBe(false);
    const list = menu(template, en.services);
    expect(byLabel(list, en.nextService)).toMatchObject({ accelerator: 'Ctrl+Tab', registerAccelerator: false });
    expect(byLabel(list, en.previousService)).toMatchObject({ accelerator: 'Ctrl+Shift+Tab', registerAccelerator: false });
  });

  it('activates the clicked service', () => {
    const s = spies();
    const template = build({ services: services(3) }, s.actions);
    click(serviceItems(template)[2]);
    click(serviceItems(template)[0]);
    expect(s.activated).toEqual(['s3', 's1']);
  });

  it('shows a disabled placeholder when there are no services', () => {
    const list = menu(build({ services: [], activeServiceId: null }), en.services);
    expect(list.filter((i) => i.type === 'radio')).toEqual([]);
    expect(list[0]).toEqual({ label: en.noServices, enabled: false });
  });

  it('disables rename, remove and reload without an active service, and enables them with one', () => {
    const without = build({ activeServiceId: null });
    expect(byLabel(menu(without, en.services), en.renameService)?.enabled).toBe(false);
    expect(byLabel(menu(without, en.services), en.removeService)?.enabled).toBe(false);
    expect(byLabel(menu(without, en.view), en.reloadService)?.enabled).toBe(false);
    const withActive = build({ activeServiceId: 's1' });
    expect(byLabel(menu(withActive, en.services), en.renameService)?.enabled).toBe(true);
    expect(byLabel(menu(withActive, en.services), en.removeService)?.enabled).toBe(true);
    expect(byLabel(menu(withActive, en.view), en.reloadService)?.enabled).toBe(true);
  });
});

describe('buildMenuTemplate: developer tools', () => {
  it('are offered only in development builds', () => {
    expect(byLabel(menu(build({ dev: false }), en.view), en.toggleDevTools)).toBeUndefined();
    expect(byLabel(menu(build({ dev: true }), en.view), en.toggleDevTools)?.accelerator).toBe('CmdOrCtrl+Alt+I');
  });
});

describe('buildMenuTemplate: shop', () => {
  it('shows the quick replies shortcut but leaves it to before-input-event, so it works inside service pages too', () => {
    const item = byLabel(menu(build(), en.shop), en.quickReplies);
    expect(item?.accelerator).toBe('CmdOrCtrl+Shift+Space');
    expect(item?.registerAccelerator).toBe(false);
  });
});

describe('buildMenuTemplate: clicks', () => {
  const cases: [HostOs, string, string, ActionName][] = [
    ['win32', en.file, en.addService, 'addService'],
    ['win32', en.file, en.settings, 'openSettings'],
    ['win32', en.file, en.closeWindow, 'hideWindow'],
    ['win32', en.file, en.quit, 'quit'],
    ['win32', en.view, en.reloadService, 'reloadService'],
    ['win32', en.view, en.forceReloadShell, 'reloadShell'],
    ['win32', en.view, en.toggleDevTools, 'toggleDevTools'],
    ['win32', en.view, en.resources, 'openResources'],
    ['win32', en.services, en.nextService, 'next'],
    ['win32', en.services, en.previousService, 'previous'],
    ['win32', en.services, en.renameService, 'renameService'],
    ['win32', en.services, en.removeService, 'removeService'],
    ['win32', en.shop, en.quickReplies, 'quickReplies'],
    ['win32', en.shop, en.shopTools, 'openShop'],
    ['win32', en.shop, en.report, 'openReport'],
    ['darwin', en.shop, en.quickReplies, 'quickReplies'],
    ['win32', en.help, en.about, 'about'],
    ['win32', en.help, en.learnMore, 'learnMore'],
    ['darwin', en.file, en.closeWindow, 'hideWindow'],
    ['darwin', en.help, en.learnMore, 'learnMore'],
  ];

  it('offers File › Lock Wasl only while a password is set and Wasl is unlocked', () => {
    const s = spies();
    expect(byLabel(menu(build({}, s.actions), en.file), en.lockWasl)?.enabled).toBe(false);
    const item = byLabel(menu(build({ canLock: true }, s.actions), en.file), en.lockWasl);
    expect(item).toMatchObject({ enabled: true, accelerator: 'CmdOrCtrl+Shift+L', registerAccelerator: false });
    click(item);
    expect(s.calls()).toEqual(['lock']);
  });

  it.each(cases)('%s: %s › %s calls %s only', (os, top, label, action) => {
    const s = spies();
    const template = build({ os, dev: true }, s.actions);
    click(byLabel(menu(template, top), label));
    expect(s.calls()).toEqual([action]);
  });

  it.each<[string, ActionName]>([
    [en.about, 'about'],
    [en.settings, 'openSettings'],
    [en.quit, 'quit'],
  ])('darwin: app menu › %s calls %s only', (label, action) => {
    const s = spies();
    const template = build({ os: 'darwin' }, s.actions);
    click(byLabel(submenuOf(template[0]), label));
    expect(s.calls()).toEqual([action]);
  });

  it('wires every action to some item', () => {
    const s = spies();
    for (const os of ['win32', 'darwin'] as const) {
      const template = build({ os, dev: true, services: services(1) }, s.actions);
      for (const top of template) for (const item of [top, ...submenuOf(top)]) if (item.click) click(item);
    }
    expect(new Set(s.calls())).toEqual(new Set(ACTION_NAMES));
  });
});

describe('buildMenuTemplate: language', () => {
  it('builds the menu from the given strings (Arabic)', () => {
    const ar = mainStrings('ar');
    const template = buildMenuTemplate(
      { os: 'win32', services: [], activeServiceId: null, strings: ar, dev: false },
      spies().actions,
    );
    expect(template.map((i) => i.label)).toEqual([ar.file, ar.edit, ar.view, ar.services, ar.shop, ar.window, ar.help]);
    expect(submenuOf(template[0]).map((i) => i.label).filter(Boolean)).toEqual([ar.addService, ar.settings, ar.lockWasl, ar.closeWindow, ar.quit]);
    expect(submenuOf(template[3])[0]?.label).toBe(ar.noServices);
  });

  it('keeps the standard roles', () => {
    const template = build();
    expect(byLabel(template, en.edit)?.role).toBe('editMenu');
    expect(byLabel(template, en.window)?.role).toBe('windowMenu');
    expect(byLabel(template, en.help)?.role).toBe('help');
  });
});
