import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { AppTray } from '../../../main/electron/tray';
import { mainStrings } from '../../../main/i18n';
import { createFakeElectron, type FakeElectron, type FakeTray, type FakeWindow } from '../../fakes/electron';
import { click } from './support';

const ICON = '/opt/wasl/assets/tray/tray.png';

interface Harness {
  fake: FakeElectron;
  win: FakeWindow;
  tray: AppTray;
  native: FakeTray;
  onQuit: ReturnType<typeof vi.fn>;
  /** The tray's current context menu template. */
  items(): MenuItemConstructorOptions[];
}

function setup(visible: boolean): Harness {
  const fake = createFakeElectron();
  new fake.BrowserWindow({});
  const win = fake.windows[0];
  if (!win) throw new Error('no window');
  win.visible = visible;
  const onQuit = vi.fn();
  const tray = new AppTray({ electron: fake, iconPath: ICON, window: win, onQuit });
  const native = fake.trays[0];
  if (!native) throw new Error('no tray');
  return {
    fake,
    win,
    tray,
    native,
    onQuit,
    items: () => {
      if (!native.menu) throw new Error('no menu yet');
      return native.menu.template;
    },
  };
}

const labels = (items: MenuItemConstructorOptions[]): (string | undefined)[] => items.map((i) => (i.type === 'separator' ? '---' : i.label));

describe('AppTray', () => {
  it('creates one tray icon with the given image', () => {
    const h = setup(true);
    expect(h.fake.trays).toHaveLength(1);
    expect(h.native.iconPath).toBe(ICON);
  });

  it('builds the tooltip and menu in English', () => {
    const h = setup(true);
    h.tray.update(mainStrings('en'));
    expect(h.native.tooltip).toBe('Wasl');
    expect(labels(h.items())).toEqual(['Hide Wasl', '---', 'Quit Wasl']);
  });

  it('builds the tooltip and menu in Arabic', () => {
    const h = setup(false);
    const ar = mainStrings('ar');
    h.tray.update(ar);
    expect(h.native.tooltip).toBe(ar.trayTooltip);
    expect(h.native.tooltip).toBe('وصل');
    expect(labels(h.items())).toEqual(['إظهار وصل', '---', 'إنهاء وصل']);
  });

  it('rebuilds in the new language after a language change', () => {
    const h = setup(true);
    h.tray.update(mainStrings('en'));
    h.tray.update(mainStrings('ar'));
    expect(h.native.tooltip).toBe('وصل');
    expect(labels(h.items())).toEqual(['إخفاء وصل', '---', 'إنهاء وصل']);
  });

  it('says Show when the window is hidden and Hide when it is visible', () => {
    const hidden = setup(false);
    hidden.tray.update(mainStrings('en'));
    expect(hidden.items()[0]?.label).toBe('Show Wasl');
    const shown = setup(true);
    shown.tray.update(mainStrings('en'));
    expect(shown.items()[0]?.label).toBe('Hide Wasl');
  });

  // Fails today: on Windows and Linux a minimized window is still "visible", so the item says Hide, yet clicking
  // it restores the window (toggle() treats a minimized window as hidden). The label must use the same test.
  it('says Show for a minimized window, which its click brings back', () => {
    const h = setup(true);
    h.win.minimized = true;
    h.tray.update(mainStrings('en'));
    expect(h.items()[0]?.label).toBe('Show Wasl');
    click(h.items()[0]);
    expect(h.win.minimized).toBe(false);
    expect(h.win.visible).toBe(true);
  });

  it('toggles the window when the tray icon is clicked, and relabels the menu', () => {
    const h = setup(true);
    h.tray.update(mainStrings('en'));
    h.native.emit('click');
    expect(h.win.visible).toBe(false);
    expect(h.items()[0]?.label).toBe('Show Wasl');
    h.native.emit('click');
    expect(h.win.visible).toBe(true);
    expect(h.items()[0]?.label).toBe('Hide Wasl');
  });

  it('restores a minimized window on click instead of hiding it', () => {
    const h = setup(true);
    h.win.minimized = true;
    h.native.emit('click');
    expect(h.win.visible).toBe(true);
    expect(h.win.minimized).toBe(false);
  });

  it('toggles the window from the first menu item', () => {
    const h = setup(false);
    h.tray.update(mainStrings('en'));
    click(h.items()[0]);
    expect(h.win.visible).toBe(true);
    expect(h.items()[0]?.label).toBe('Hide Wasl');
    click(h.items()[0]);
    expect(h.win.visible).toBe(false);
  });

  it('calls onQuit from the Quit item, and nothing else', () => {
    const h = setup(true);
    h.tray.update(mainStrings('ar'));
    click(h.items()[2]);
    expect(h.onQuit).toHaveBeenCalledTimes(1);
    expect(h.win.visible).toBe(true);
    expect(h.fake.app.quitCalls).toBe(0);
  });

  it('destroys the native tray', () => {
    const h = setup(true);
    h.tray.destroy();
    expect(h.native.destroyed).toBe(true);
  });
});
