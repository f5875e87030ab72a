/**
 * The capture guard (preload/capture-guard.ts) in real Chromium, installed as the preload installs it: before the
 * page's scripts, in its own world. The browser's getUserMedia is stood in for by a recorder installed first (this
 * Chromium has no Electron permission path), so each test sees exactly what would have reached the browser.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPTURE_REFUSED, installCaptureGuard } from '../../preload/capture-guard';
import { launchChromium } from '../support/chromium';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

/** What reached the browser's getUserMedia, as JSON, in order. */
const RECORDER = `
  window.__reached = [];
  MediaDevices.prototype.getUserMedia = function (constraints) { window.__reached.push(JSON.stringify(constraints ?? null)); return Promise.resolve('stream'); };
  Navigator.prototype.webkitGetUserMedia = function (constraints, ok) { window.__reached.push(JSON.stringify(constraints ?? null)); ok('stream'); };
`;

/** A service's https page (getUserMedia exists in secure contexts only), answered here: nothing leaves the machine. */
async function open(page: Page): Promise<void> {
  await page.route('https://service.example/**', (route) => route.fulfill({ contentType: 'text/html', body: '<p>service page</p>' }));
  await page.goto('https://service.example/');
}

async function guardedPage(): Promise<Page> {
  const page = await browser.newPage();
  await page.addInitScript({ content: `${RECORDER}\n(${installCaptureGuard.toString()})(${JSON.stringify(CAPTURE_REFUSED)});` });
  await open(page);
  return page;
}

const reached = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { __reached: string[] }).__reached);

describe('the capture guard', () => {
  it('refuses the legacy desktop, screen and tab captures in the page, before anything reaches the browser', async () => {
    const page = await guardedPage();
    try {
      const outcomes = await page.evaluate(async () => {
        const ask = (constraints: unknown) =>
          navigator.mediaDevices.getUserMedia(constraints as MediaStreamConstraints).then(
            () => 'granted',
            (error: unknown) => (error instanceof DOMException ? `${error.name}: ${error.message}` : String(error)),
          );
        return [
          await ask({ video: { mandatory: { chromeMediaSource: 'desktop' } } }),
          await ask({ video: { mandatory: { chromeMediaSource: 'screen', maxWidth: 1920 } } }),
          await ask({ audio: { mandatory: { chromeMediaSource: 'desktop' } }, video: false }),
          await ask({ video: { optional: [{ chromeMediaSourceId: 'screen:0:0' }] } }),
          await ask({ video: { chromeMediaSource: 'tab' } }),
        ];
      });
      expect(outcomes).toEqual(Array(5).fill(`NotAllowedError: ${CAPTURE_REFUSED}`));
      expect(await reached(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('refuses the old callback form too, through its error callback', async () => {
    const page = await guardedPage();
    try {
      const outcome = await page.evaluate(
        () =>
          new Promise<string>((resolve) => {
            const legacy = (navigator as unknown as { webkitGetUserMedia: (c: unknown, ok: () => void, fail: (e: DOMException) => void) => void }).webkitGetUserMedia;
            legacy.call(navigator, { video: { mandatory: { chromeMediaSource: 'desktop' } } }, () => resolve('granted'), (error) => resolve(error.name));
          }),
      );
      expect(outcome).toBe('NotAllowedError');
      expect(await reached(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('passes camera and microphone requests on as the page made them', async () => {
    const page = await guardedPage();
    try {
      const outcomes = await page.evaluate(async () => [
        await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 1280, facingMode: 'user' } }),
        await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true } }),
      ]);
      expect(outcomes).toEqual(['stream', 'stream']);
      expect(await reached(page)).toEqual([JSON.stringify({ audio: true, video: { width: 1280, facingMode: 'user' } }), JSON.stringify({ audio: { echoCancellation: true } })]);
    } finally {
      await page.close();
    }
  });

  it('checks one copy of the constraints: a getter cannot read one way for the check and another for the browser', async () => {
    const page = await guardedPage();
    try {
      const outcomes = await page.evaluate(async () => {
        let reads = 0;
        const shifty = { audio: true, get video() { reads += 1; return reads === 1 ? { width: 640 } : { mandatory: { chromeMediaSource: 'desktop' } }; } };
        const proxy = new Proxy({}, { get: (_t, key) => (key === 'video' ? { mandatory: { chromeMediaSource: 'desktop' } } : undefined) });
        return [
          await navigator.mediaDevices.getUserMedia(shifty as MediaStreamConstraints).then(() => 'granted', (e: unknown) => (e instanceof DOMException ? e.name : String(e))),
          await navigator.mediaDevices.getUserMedia(proxy as MediaStreamConstraints).then(() => 'granted', (e: unknown) => (e instanceof DOMException ? e.name : String(e))),
          reads,
        ];
      });
      // The getter was read once; what reached the browser is that one reading. A Proxy cannot be copied: refused.
      expect(outcomes).toEqual(['granted', 'NotAllowedError', 1]);
      expect(await reached(page)).toEqual([JSON.stringify({ audio: true, video: { width: 640 } })]);
    } finally {
      await page.close();
    }
  });

  it('is installed once, however often the preload runs', async () => {
    const page = await browser.newPage();
    try {
      const guard = `(${installCaptureGuard.toString()})(${JSON.stringify(CAPTURE_REFUSED)});`;
      await page.addInitScript({ content: `${RECORDER}\n${guard}\n${guard}` });
      await open(page);
      expect(await page.evaluate(() => navigator.mediaDevices.getUserMedia({ audio: true }))).toBe('stream');
      expect(await reached(page)).toEqual([JSON.stringify({ audio: true })]);
    } finally {
      await page.close();
    }
  });
});
