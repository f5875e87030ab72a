import { describe, expect, it } from 'vitest';
import { readBitmaps, toNativeImage } from '../../../../main/electron/badge-images';
import { createFakeElectron, FakeNativeImage } from '../../../fakes/electron';

const square = (size: number, fill: number) => ({ width: size, height: size, data: new Uint8Array(size * size * 4).fill(fill) });

describe('readBitmaps', () => {
  it('reads an image’s 1× and 2× pixels (x.png and x@2x.png)', () => {
    const fake = createFakeElectron();
    fake.imageFiles.set('/i/tray.png', square(32, 1));
    fake.imageFiles.set('/i/tray@2x.png', square(64, 2));
    const reps = readBitmaps(fake.nativeImage.createFromPath('/i/tray.png'));
    expect(reps.map((r) => [r.scale, r.bitmap.width, r.bitmap.height, r.bitmap.data[0]])).toEqual([
      [1, 32, 32, 1],
      [2, 64, 64, 2],
    ]);
  });

  it('uses the 1× pixels once when there is no 2× file, and finds the scale from the pixel count', () => {
    const fake = createFakeElectron();
    fake.imageFiles.set('/i/tray.png', square(32, 1));
    expect(readBitmaps(fake.nativeImage.createFromPath('/i/tray.png')).map((r) => [r.scale, r.bitmap.width])).toEqual([[1, 32]]);
    // Only a 2× file: Electron answers every scale with its 64 px.
    fake.imageFiles.set('/i/only@2x.png', square(64, 2));
    expect(readBitmaps(fake.nativeImage.createFromPath('/i/only@2x.png')).map((r) => [r.scale, r.bitmap.width])).toEqual([[2, 64]]);
  });

  it('reads nothing from an empty image', () => {
    const fake = createFakeElectron();
    expect(readBitmaps(fake.nativeImage.createFromPath('/missing.png'))).toEqual([]);
  });
});

describe('toNativeImage', () => {
  it('makes one image with a representation per scale', () => {
    const fake = createFakeElectron();
    const image = toNativeImage(fake.nativeImage, [
      { scale: 1, bitmap: square(16, 5) },
      { scale: 2, bitmap: square(32, 6) },
    ]);
    if (!(image instanceof FakeNativeImage)) throw new Error('no image');
    expect(image.reps.map((r) => [r.scale, r.width, r.data[0]])).toEqual([
      [1, 16, 5],
      [2, 32, 6],
    ]);
    expect(image.getSize(2)).toEqual({ width: 16, height: 16 });
    expect(toNativeImage(fake.nativeImage, [])).toBeUndefined();
  });
});
