/**
 * The application menu as Electron gets it: the model (main/core/desktop/app-menu.ts) rendered by
 * main/electron/app-menu.ts, and what each item's click carries out through main's command tables.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { ServiceConfig } from '../../../../common/model';
import { DEFAULT_SETTINGS } from '../../../../common/settings';
import type { AppState, HostOs } from '../../../../common/state';
import { dispatchMenuCommand, type MenuCommand } from '../../../../main/core/app/menu-commands';
import { appMenuModel } from '../../../../main/core/desktop/app-menu';
import { AppMenu, menuTemplate } from '../../../../main/electron/app-menu';
import { mainStrings } from '../../../../main/i18n';
import { recordingTable } from '../../../fakes/commands';
import { createFakeElectron } from '../../../fakes/electron';
import { stateOf } from '../../../fakes/state';
import { byLabel, click, submenuOf } from './support';

const en = mainStrings('en');

const services = (n: number): ServiceConfig[] =>
  Array.from({ length: n }, (_, i) => ({ id: `s${i + 1}`, platform: 'whatsapp', name: `Service ${i + 1}`, enabled: true, muted: false, callsAllowed: false }));

interface Options {
  os?: HostOs;
  language?: 'en' | 'ar';
  /** A development build (it offers the developer tools). */
  dev?: boolean;
  state?: Partial<AppState>;
}

/** The menu as Electron gets it; a click dispatches to `dispatch` (by default, nowhere). */
function build(options: Options = {}, dispatch: (command: MenuCommand) => void = () => undefined): MenuItemConstructorOptions[] {
  const state = stateOf({ services: services(2), activeServiceId: 's1', packaged: options.dev !== true, ...options.state });
  return menuTemplate(appMenuModel(state, { language: options.language ?? 'en', os: options.os ?? 'win32' }), dispatch);
}

const menu = (template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] => {
  const top = byLabel(template, label);
  if (!top) throw new Error(`no ${label} menu`);
  return submenuOf(top);
};

/** The service radio items of the Services menu. */
const serviceItems = (template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  menu(template, en.services).filter((i) => i.type === 'radio');

describe('the application menu: macOS', () => {
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

describe.each<HostOs>(['win32', 'linux'])('the application menu: %s', (os) => {
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

describe('the application menu: services', () => {
  it('lists services as radio items with the active one checked', () => {
    const items = serviceItems(build({ state: { services: services(3), activeServiceId: 's2' } }));
    expect(items.map((i) => i.label)).toEqual(['Service 1', 'Service 2', 'Service 3']);
    expect(items.map((i) => i.checked)).toEqual([false, true, false]);
  });

  it('checks nothing when no service is active', () => {
    expect(serviceItems(build({ state: { services: services(3), activeServiceId: null } })).map((i) => i.checked)).toEqual([false, false, false]);
  });

  it('names the first eight CmdOrCtrl+1…8 and the last one CmdOrCtrl+9', () => {
    const items = serviceItems(build({ state: { services: services(11) } }));
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
    expect(serviceItems(build({ state: { services: services(9) } }))[8]?.accelerator).toBe('CmdOrCtrl+9');
  });

  it('numbers a short list in order', () => {
    expect(serviceItems(build({ state: { services: services(3) } })).map((i) => i.accelerator)).toEqual(['CmdOrCtrl+1', 'CmdOrCtrl+2', 'CmdOrCtrl+3']);
  });

  it('never lets the menu register the service or Ctrl+Tab shortcuts (before-input-event handles them)', () => {
    const template = build({ state: { services: services(10) } });
    for (const item of serviceItems(template)) expect(item.registerAccelerator, item.label).toBe(false);
    const list = menu(template, en.services);
    expect(byLabel(list, en.nextService)).toMatchObject({ accelerator: 'Ctrl+Tab', registerAccelerator: false });
    expect(byLabel(list, en.previousService)).toMatchObject({ accelerator: 'Ctrl+Shift+Tab', registerAccelerator: false });
  });

  it('shows a disabled placeholder when there are no services', () => {
    const list = menu(build({ state: { services: [], activeServiceId: null } }), en.services);
    expect(list.filter((i) => i.type === 'radio')).toEqual([]);
    expect(list[0]).toEqual({ label: en.noServices, enabled: false });
  });

  it('disables rename, remove and reload without an active service, and enables them with one', () => {
    const without = build({ state: { activeServiceId: null } });
    expect(byLabel(menu(without, en.services), en.renameService)?.enabled).toBe(false);
    expect(byLabel(menu(without, en.services), en.removeService)?.enabled).toBe(false);
    expect(byLabel(menu(without, en.view), en.reloadService)?.enabled).toBe(false);
    for (const zoom of [en.zoomIn, en.zoomOut, en.actualSize]) expect(byLabel(menu(without, en.view), zoom)?.enabled, zoom).toBe(false);
    const withActive = build();
    expect(byLabel(menu(withActive, en.services), en.renameService)?.enabled).toBe(true);
    expect(byLabel(menu(withActive, en.services), en.removeService)?.enabled).toBe(true);
    expect(byLabel(menu(withActive, en.view), en.reloadService)?.enabled).toBe(true);
  });

  it('keeps a literal & in a service’s name (Electron would take it for a mnemonic)', () => {
    const named = services(1).map((service) => ({ ...service, name: 'Tom & Jerry' }));
    const [first] = serviceItems(build({ state: { services: named } }));
    expect(first?.label).toBe('Tom && Jerry');
  });
});

describe('the application menu: developer tools', () => {
  it('are offered only in development builds', () => {
    expect(byLabel(menu(build(), en.view), en.toggleDevTools)).toBeUndefined();
    expect(byLabel(menu(build({ dev: true }), en.view), en.toggleDevTools)?.accelerator).toBe('CmdOrCtrl+Alt+I');
  });
});

describe('the application menu: the demo', () => {
  it('is offered in Help only in development builds, and not in the demo itself', () => {
    expect(byLabel(menu(build(), en.help), en.startDemo)).toBeUndefined();
    expect(byLabel(menu(build({ dev: true }), en.help), en.startDemo)?.label).toBe(en.startDemo);
    expect(byLabel(menu(build({ dev: true, state: { demo: true } }), en.help), en.startDemo)).toBeUndefined();
    expect(byLabel(menu(build({ dev: true, language: 'ar' }), mainStrings('ar').help), mainStrings('ar').startDemo)?.label).toBe('تشغيل العرض التجريبي');
  });
});

describe('the application menu: shop', () => {
  it('shows the quick replies shortcut but leaves it to before-input-event, so it works inside service pages too', () => {
    const item = byLabel(menu(build(), en.shop), en.quickReplies);
    expect(item?.accelerator).toBe('CmdOrCtrl+Shift+Space');
    expect(item?.registerAccelerator).toBe(false);
  });
});

describe('the application menu: each item carries the command that does what it says', () => {
  /** Builds the menu, clicks the item, and answers what main's command tables did for it. */
  function clickAndSee(options: Options, pick: (template: MenuItemConstructorOptions[]) => MenuItemConstructorOptions | undefined): string[] {
    const { table, done } = recordingTable();
    click(pick(build(options, (command) => void dispatchMenuCommand(command, table, () => false))));
    return done;
  }

  const cases: [HostOs, string, string, string[]][] = [
    ['win32', en.file, en.addService, ['reveal', 'shell:add-service']],
    ['win32', en.file, en.settings, ['reveal', 'shell:open-settings']],
    ['win32', en.file, en.closeWindow, ['hide']],
    ['win32', en.file, en.quit, ['quit']],
    ['win32', en.view, en.reloadService, ['service.reload s1']],
    ['win32', en.view, en.zoomIn, ['service.zoom s1 in']],
    ['win32', en.view, en.zoomOut, ['service.zoom s1 out']],
    ['darwin', en.view, en.actualSize, ['service.zoom s1 reset']],
    ['win32', en.view, en.forceReloadShell, ['reload-window']],
    ['win32', en.view, en.toggleDevTools, ['dev-tools']],
    ['win32', en.help, en.startDemo, ['demo']],
    ['win32', en.view, en.resources, ['reveal', 'shell:open-resources']],
    ['win32', en.services, en.nextService, ['activate-relative:1']],
    ['win32', en.services, en.previousService, ['activate-relative:-1']],
    ['win32', en.services, en.nextUnread, ['reveal', 'shell:next-unread']],
    ['win32', en.help, en.keyboardShortcuts, ['reveal', 'shell:shortcuts']],
    ['darwin', en.help, en.keyboardShortcuts, ['reveal', 'shell:shortcuts']],
    ['win32', en.services, en.renameService, ['reveal', 'shell:rename-active']],
    ['win32', en.services, en.removeService, ['reveal', 'shell:remove-active']],
    ['win32', en.services, en.saveOutlineItem, ['outline s1']],
    ['win32', en.shop, en.quickReplies, ['reveal', 'shell:quick-replies']],
    ['win32', en.shop, en.shopTools, ['reveal', 'shell:open-shop']],
    ['win32', en.shop, en.report, ['reveal', 'shell:open-report']],
    ['darwin', en.shop, en.quickReplies, ['reveal', 'shell:quick-replies']],
    ['win32', en.help, en.about, ['about']],
    ['win32', en.help, en.learnMore, ['project-page']],
    ['darwin', en.file, en.closeWindow, ['hide']],
    ['darwin', en.help, en.learnMore, ['project-page']],
  ];

  it.each(cases)('%s: %s › %s', (os, top, label, effect) => {
    expect(clickAndSee({ os, dev: true }, (template) => byLabel(menu(template, top), label))).toEqual(effect);
  });

  it.each<[string, string[]]>([
    [en.about, ['about']],
    [en.settings, ['reveal', 'shell:open-settings']],
    [en.quit, ['quit']],
  ])('darwin: app menu › %s', (label, effect) => {
    expect(clickAndSee({ os: 'darwin' }, (template) => byLabel(submenuOf(template[0]), label))).toEqual(effect);
  });

  it('activates the clicked service', () => {
    expect(clickAndSee({ state: { services: services(3) } }, (template) => serviceItems(template)[2])).toEqual(['service.activate s3']);
  });

  it('locks from File › Lock Wasl, offered while a password is set and Wasl is unlocked', () => {
    const state = { lock: { set: true, locked: false, retryAt: null } };
    const item = (template: MenuItemConstructorOptions[]) => byLabel(menu(template, en.file), en.lockWasl);
    expect(item(build())?.enabled).toBe(false);
    expect(item(build({ state }))).toMatchObject({ enabled: true, accelerator: 'CmdOrCtrl+Shift+L', registerAccelerator: false });
    expect(clickAndSee({ state }, item)).toEqual(['lock.lock']);
  });

  it('gives every clickable item an effect, and leaves no command of the menu unused', () => {
    const options = (os: HostOs): Options => ({ os, dev: true, state: { services: services(1), lock: { set: true, locked: false, retryAt: null } } });
    const effects = new Set<string>();
    for (const os of ['win32', 'darwin'] as const) {
      build(options(os)).forEach((top, t) => {
        [top, ...submenuOf(top)].forEach((item, i) => {
          if (!item.click) return;
          const done = clickAndSee(options(os), (fresh) => (i === 0 ? fresh[t] : submenuOf(fresh[t])[i - 1]));
          expect(done, item.label).not.toEqual([]);
          for (const effect of done) effects.add(effect);
        });
      });
    }
    expect([...effects].sort()).toEqual(
      [
        'about',
        'activate-relative:-1',
        'activate-relative:1',
        'demo',
        'dev-tools',
        'focus-shell',
        'hide',
        'lock.lock',
        'outline s1',
        'project-page',
        'quit',
        'reload-window',
        'reveal',
        'service.activate s1',
        'service.reload s1',
        'service.zoom s1 in',
        'service.zoom s1 out',
        'service.zoom s1 reset',
        'shell:add-service',
        'shell:find',
        'shell:next-unread',
        'shell:open-report',
        'shell:open-resources',
        'shell:open-settings',
        'shell:open-shop',
        'shell:quick-replies',
        'shell:remove-active',
        'shell:rename-active',
        'shell:shortcuts',
      ].sort(),
    );
  });
});

describe('the application menu: the user’s keys', () => {
  const withKeys = (keys: Record<string, string | null>): MenuItemConstructorOptions[] =>
    build({ state: { settings: { ...DEFAULT_SETTINGS, shortcuts: { keys } }, lock: { set: true, locked: false, retryAt: null } } });

  it('shows each shortcut’s default key, left to before-input-event', () => {
    const template = build();
    expect(byLabel(menu(template, en.services), en.nextUnread)).toMatchObject({ accelerator: 'CmdOrCtrl+J', registerAccelerator: false });
    expect(byLabel(menu(template, en.help), en.keyboardShortcuts)).toMatchObject({ accelerator: 'CmdOrCtrl+/', registerAccelerator: false });
    expect(byLabel(menu(template, en.view), en.zoomIn)).toMatchObject({ accelerator: 'CmdOrCtrl+=', registerAccelerator: false });
    expect(byLabel(menu(template, en.view), en.zoomOut)).toMatchObject({ accelerator: 'CmdOrCtrl+-', registerAccelerator: false });
    expect(byLabel(menu(template, en.view), en.actualSize)).toMatchObject({ accelerator: 'CmdOrCtrl+0', registerAccelerator: false });
  });

  it('shows a changed key in place of the default, and none for a shortcut the user cleared', () => {
    const template = withKeys({ lock: 'Mod+Alt+KeyL', 'next-service': null, 'cheat-sheet': 'Shift+F1', 'quick-replies': 'Ctrl+Alt+KeyR' });
    expect(byLabel(menu(template, en.file), en.lockWasl)).toMatchObject({ accelerator: 'CmdOrCtrl+Alt+L', registerAccelerator: false });
    const next = byLabel(menu(template, en.services), en.nextService);
    expect(next?.accelerator).toBeUndefined();
    expect(next?.label).toBe(en.nextService);
    expect(byLabel(menu(template, en.services), en.previousService)?.accelerator).toBe('Ctrl+Shift+Tab');
    expect(byLabel(menu(template, en.help), en.keyboardShortcuts)?.accelerator).toBe('Shift+F1');
    expect(byLabel(menu(template, en.shop), en.quickReplies)?.accelerator).toBe('Ctrl+Alt+R');
  });

  it('names the new items in Arabic', () => {
    const ar = mainStrings('ar');
    const template = build({ language: 'ar' });
    expect(byLabel(menu(template, ar.services), ar.nextUnread)?.accelerator).toBe('CmdOrCtrl+J');
    expect(byLabel(menu(template, ar.help), ar.keyboardShortcuts)?.label).toBe('اختصارات لوحة المفاتيح');
  });
});

describe('the application menu: language', () => {
  it('speaks the user’s language (Arabic)', () => {
    const ar = mainStrings('ar');
    const template = build({ language: 'ar', state: { services: [], activeServiceId: null } });
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

describe('AppMenu', () => {
  it('replaces the application menu with each model it is shown, its clicks dispatched', () => {
    const fake = createFakeElectron();
    const dispatched: MenuCommand[] = [];
    const appMenu = new AppMenu({ electron: fake, dispatch: (command) => dispatched.push(command) });
    appMenu.show(appMenuModel(stateOf({ services: services(2) }), { language: 'en', os: 'linux' }));
    const first = fake.applicationMenu;
    appMenu.show(appMenuModel(stateOf({ services: services(1) }), { language: 'en', os: 'linux' }));
    expect(fake.applicationMenu).not.toBe(first);
    click(serviceItems(fake.applicationMenu?.template ?? [])[0]);
    expect(dispatched).toEqual([{ type: 'service.activate', id: 's1' }]);
  });
});
