import { describe, expect, it, vi } from 'vitest';
import { createMainWindow, revealWindow } from '../../../../main/electron/main-window';
import type { HostOs } from '../../../../common/state';
import type { WindowState } from '../../../../main/core/settings/document';
import { createFakeElectron, type FakeElectron, type FakeWindow } from '../../../fakes/electron';
import { HARDENED } from './support';

const PRELOAD = '/opt/wasl/out/preload/shell.cjs';
const ICON = '/opt/wasl/assets/icon.png';

interface Harness {
  fake: FakeElectron;
  win: FakeWindow;
  placements: WindowState[];
  setQuitting(value: boolean): void;
  setCloseToTray(value: boolean): void;
  /** How many times closing the window asked Wasl to quit. */
  quits(): number;
}

interface Options {
  dark?: boolean;
  displays?: { x: number; y: number; width: number; height: number }[];
  os?: HostOs;
  startHidden?: boolean;
}

function setup(saved: WindowState | null, options: Options = {}): Harness {
  const fake = createFakeElectron();
  if (options.displays) fake.screen.displays.splice(0, fake.screen.displays.length, ...options.displays.map((workArea) => ({ workArea })));
  const placements: WindowState[] = [];
  let quitting = false;
  let closeToTray = true;
  let quits = 0;
  const returned = createMainWindow({
    electron: fake,
    saved,
    preloadPath: PRELOAD,
    iconPath: ICON,
    darkBackground: options.dark ?? false,
    os: options.os ?? 'linux',
    startHidden: options.startHidden ?? false,
    quitting: () => quitting,
    closeToTray: () => closeToTray,
    quit: () => {
      quits += 1;
    },
    onPlacement: (state) => placements.push(state),
  });
  const win = fake.windows[0];
  if (!win) throw new Error('no window created');
  expect(returned).toBe(win);
  expect(fake.windows).toHaveLength(1);
  return {
    fake,
    win,
    placements,
    setQuitting: (value) => {
      quitting = value;
    },
    setCloseToTray: (value) => {
      closeToTray = value;
    },
    quits: () => quits,
  };
}

describe('createMainWindow: options', () => {
  it('uses hardened webPreferences with the shell preload', () => {
    const { win } = setup(null);
    expect(win.options.webPreferences).toStrictEqual({ ...HARDENED, preload: PRELOAD });
  });

  it('has a minimum size, the app icon and title, and starts hidden', () => {
    const { win } = setup(null);
    expect(win.options).toMatchObject({ minWidth: 720, minHeight: 480, show: false, icon: ICON, title: 'Wasl' });
    expect(win.visible).toBe(false);
  });

  it('paints the background of the current theme before the page does', () => {
    expect(setup(null, { dark: true }).win.options.backgroundColor).toBe('#15181c');
    expect(setup(null, { dark: false }).win.options.backgroundColor).toBe('#f6f7f9');
  });

  it('opens at a default size, placed by the OS, without a saved placement', () => {
    const { win } = setup(null);
    expect(win.options).toMatchObject({ width: 1280, height: 820 });
    expect(win.options.x).toBeUndefined();
    expect(win.options.y).toBeUndefined();
  });
});

describe('createMainWindow: saved placement', () => {
  it('uses a saved placement that is on a connected display', () => {
    const { win } = setup({ x: 200, y: 120, width: 1100, height: 760, maximized: false });
    expect(win.options).toMatchObject({ x: 200, y: 120, width: 1100, height: 760 });
  });

  it('uses a placement on a second display while it is connected', () => {
    const displays = [
      { x: 0, y: 0, width: 1920, height: 1040 },
      { x: 1920, y: 0, width: 2560, height: 1400 },
    ];
    const saved = { x: 2400, y: 300, width: 1200, height: 900, maximized: false };
    expect(setup(saved, { displays }).win.options).toMatchObject({ x: 2400, y: 300 });
    const alone = setup(saved, { displays: displays.slice(0, 1) }).win.options;
    expect(alone.x).toBeUndefined();
    expect(alone.y).toBeUndefined();
    expect(alone).toMatchObject({ width: 1200, height: 900 });
  });

  it.each([
    ['far right', { x: 5000, y: 100 }],
    ['far left', { x: -3000, y: 100 }],
    ['above', { x: 100, y: -500 }],
    ['below', { x: 100, y: 3000 }],
  ])('falls back to the size alone when the saved place is off-screen (%s)', (_where, at) => {
    const { win } = setup({ ...at, width: 1000, height: 700, maximized: false });
    expect(win.options.x).toBeUndefined();
    expect(win.options.y).toBeUndefined();
    expect(win.options).toMatchObject({ width: 1000, height: 700 });
  });

  it('never opens smaller than the minimum size', () => {
    const { win } = setup({ x: 10, y: 10, width: 100, height: 50, maximized: false });
    expect(win.options).toMatchObject({ width: 720, height: 480 });
  });
});

describe('createMainWindow: showing', () => {
  it('shows the window only when it is ready to show', () => {
    const { win } = setup(null);
    expect(win.visible).toBe(false);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
    expect(win.maximized).toBe(false);
  });

  it('maximizes before showing when it was saved maximized', () => {
    const { win } = setup({ x: 0, y: 0, width: 1000, height: 700, maximized: true });
    const order: string[] = [];
    win.on('maximize', () => order.push('maximize'));
    win.on('show', () => order.push('show'));
    expect(win.maximized).toBe(false);
    win.emit('ready-to-show');
    expect(win.maximized).toBe(true);
    expect(order).toEqual(['maximize', 'show']);
  });

  it('stays hidden in the tray when Wasl starts minimized, and shows when revealed', () => {
    const { win } = setup(null, { startHidden: true });
    win.emit('ready-to-show');
    expect(win.visible).toBe(false);
    revealWindow(win);
    expect(win.visible).toBe(true);
    expect(win.maximized).toBe(false);
  });

  it('maximizes a window that started hidden when it is first shown, not before (maximizing would show it)', () => {
    const { win } = setup({ x: 0, y: 0, width: 1000, height: 700, maximized: true }, { startHidden: true });
    win.emit('ready-to-show');
    expect(win.visible).toBe(false);
    expect(win.maximized).toBe(false);
    revealWindow(win);
    expect(win.visible).toBe(true);
    expect(win.maximized).toBe(true);
    // Only the first time: a window the user restored later stays restored.
    win.maximized = false;
    win.hide();
    win.show();
    expect(win.maximized).toBe(false);
  });
});

describe('createMainWindow: closing', () => {
  it('hides instead of closing while the app keeps running', () => {
    const { win } = setup(null);
    win.emit('ready-to-show');
    expect(win.close()).toBe(false);
    expect(win.visible).toBe(false);
    expect(win.isDestroyed()).toBe(false);
  });

  it('quits instead of hiding when the user turned "keep running in the tray" off', () => {
    const h = setup(null);
    h.win.emit('ready-to-show');
    h.setCloseToTray(false);
    expect(h.win.close()).toBe(false);
    expect(h.quits()).toBe(1);
    // The quit closes the window for real.
    h.setQuitting(true);
    expect(h.win.close()).toBe(true);
  });

  it('never quits on macOS when the window closes, whatever the setting, as macOS apps do', () => {
    const h = setup(null, { os: 'darwin' });
    h.win.emit('ready-to-show');
    h.setCloseToTray(false);
    expect(h.win.close()).toBe(false);
    expect(h.win.visible).toBe(false);
    expect(h.quits()).toBe(0);
  });

  it('really closes once a quit is under way', () => {
    const h = setup(null);
    h.win.emit('ready-to-show');
    h.setQuitting(true);
    expect(h.win.close()).toBe(true);
    expect(h.win.isDestroyed()).toBe(true);
  });
});

describe('createMainWindow: placement reports', () => {
  it.each(['resize', 'move', 'maximize', 'unmaximize'])('reports the normal bounds and maximized state on %s', (event) => {
    const { win, placements } = setup(null);
    win.bounds = { x: 33, y: 44, width: 1111, height: 777 };
    win.maximized = event === 'maximize';
    win.emit(event);
    expect(placements).toEqual([{ x: 33, y: 44, width: 1111, height: 777, maximized: event === 'maximize' }]);
  });

  it('reports the normal (restored) bounds, not the maximized ones', () => {
    const { win, placements } = setup(null);
    vi.spyOn(win, 'getBounds').mockReturnValue({ x: 0, y: 0, width: 1920, height: 1040 });
    vi.spyOn(win, 'getNormalBounds').mockReturnValue({ x: 120, y: 80, width: 1000, height: 700 });
    win.maximized = true;
    win.emit('maximize');
    expect(placements).toEqual([{ x: 120, y: 80, width: 1000, height: 700, maximized: true }]);
  });

  it('reports nothing while minimized or once destroyed', () => {
    const { win, placements } = setup(null);
    win.minimized = true;
    win.emit('resize');
    win.emit('move');
    expect(placements).toEqual([]);
    win.minimized = false;
    win.destroyed = true;
    win.emit('move');
    expect(placements).toEqual([]);
  });
});

describe('revealWindow', () => {
  it('restores a minimized window, shows and focuses it', () => {
    const { win } = setup(null);
    win.minimized = true;
    const focus = vi.spyOn(win, 'focus');
    const restore = vi.spyOn(win, 'restore');
    revealWindow(win);
    expect(restore).toHaveBeenCalledTimes(1);
    expect(win.minimized).toBe(false);
    expect(win.visible).toBe(true);
    expect(focus).toHaveBeenCalledTimes(1);
  });

  it('shows and focuses a hidden window without restoring it', () => {
    const { win } = setup(null);
    const restore = vi.spyOn(win, 'restore');
    const focus = vi.spyOn(win, 'focus');
    revealWindow(win);
    expect(restore).not.toHaveBeenCalled();
    expect(win.visible).toBe(true);
    expect(focus).toHaveBeenCalledTimes(1);
  });
});
