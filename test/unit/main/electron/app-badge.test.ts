import { describe, expect, it } from 'vitest';
import type { HostOs } from '../../../../common/state';
import { blankBitmap, drawBadge } from '../../../../main/core/desktop/badge';
import { AppBadge } from '../../../../main/electron/app-badge';
import { createFakeElectron, FakeNativeImage, type FakeElectron, type FakeWindow } from '../../../fakes/electron';

function setup(os: HostOs): { fake: FakeElectron; win: FakeWindow; badge: AppBadge } {
  const fake = createFakeElectron();
  new fake.BrowserWindow({});
  const win = fake.windows[0];
  if (!win) throw new Error('no window');
  return { fake, win, badge: new AppBadge({ electron: fake, os, window: win }) };
}

describe('AppBadge', () => {
  it('sets the launcher badge on Linux, 0 clearing it', () => {
    const { fake, win, badge } = setup('linux');
    badge.show({ count: 7, text: '7', label: '7 unread' });
    expect(fake.app.badge).toBe(7);
    badge.show({ count: 0, text: '', label: '0 unread' });
    expect(fake.app.badge).toBe(0);
    expect(fake.app.dockBadge).toBeUndefined();
    expect(win.overlays).toEqual([]);
  });

  it('writes the model’s text on the macOS Dock, in the digits it is given, nothing at 0', () => {
    const { fake, win, badge } = setup('darwin');
    badge.show({ count: 7, text: '٧', label: '٧ unread' });
    expect(fake.app.dockBadge).toBe('٧');
    badge.show({ count: 7, text: '7', label: '7 unread' });
    expect(fake.app.dockBadge).toBe('7');
    badge.show({ count: 0, text: '', label: '0 unread' });
    expect(fake.app.dockBadge).toBe('');
    expect(fake.app.badge).toBeUndefined();
    expect(win.overlays).toEqual([]);
  });

  it('puts a 16 px badge (with its 32 px @2x) on the Windows taskbar button, and removes it at 0', () => {
    const { fake, win, badge } = setup('win32');
    badge.show({ count: 42, text: '42', label: '42 unread' });
    expect(fake.app.badge).toBeUndefined();
    const overlay = win.overlays.at(-1);
    expect(overlay?.description).toBe('42 unread');
    const image = overlay?.image;
    if (!(image instanceof FakeNativeImage)) throw new Error('no overlay image');
    expect(image.reps.map((r) => [r.scale, r.width, r.height])).toEqual([
      [1, 16, 16],
      [2, 32, 32],
    ]);
    expect(image.getSize()).toEqual({ width: 16, height: 16 });
    expect(image.reps[0]?.data).toEqual(drawBadge(blankBitmap(16, 16), 42, 'fill').data);
    expect(image.reps[1]?.data).toEqual(drawBadge(blankBitmap(32, 32), 42, 'fill').data);
    badge.show({ count: 0, text: '', label: '0 unread' });
    expect(win.overlays.at(-1)).toEqual({ image: null, description: '' });
  });

  it('changes nothing when neither the total nor its description changed', () => {
    const { win, badge } = setup('win32');
    badge.show({ count: 3, text: '3', label: '3 unread' });
    badge.show({ count: 3, text: '3', label: '3 unread' });
    expect(win.overlays).toHaveLength(1);
    badge.show({ count: 3, text: '3', label: 'غير المقروءة: 3' });
    expect(win.overlays).toHaveLength(2);
  });

  it('leaves a destroyed window alone', () => {
    const { win, badge } = setup('win32');
    win.destroyed = true;
    badge.show({ count: 3, text: '3', label: '3 unread' });
    expect(win.overlays).toEqual([]);
  });
});
