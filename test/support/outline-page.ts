/**
 * Runs preload/outline.ts in a Chromium page the way the service preload would: bundled into one classic script
 * and evaluated in an isolated world (the page's own globals, sabotaged or not, are not its globals), through CDP.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import type { PageOutline } from '../../common/outline';
import type { OutlineOptions } from '../../preload/outline';

const root = path.resolve(import.meta.dirname, '../..');
const BUNDLE = path.join(root, 'out/test/wasl-outline.js');

/** Builds the bundle (once per test file: a second or so). */
export async function buildOutlineBundle(): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root,
    build: {
      outDir: path.dirname(BUNDLE),
      emptyOutDir: false,
      minify: false,
      target: 'chrome120',
      lib: { entry: path.join(root, 'test/support/outline-entry.ts'), formats: ['iife'], name: 'WaslOutlineBundle', fileName: () => path.basename(BUNDLE) },
    },
  });
  return readFileSync(BUNDLE, 'utf8');
}

export interface OutlineRun {
  outline: PageOutline;
  text: string;
}

/** Evaluates `expression` (after the bundle) in a fresh isolated world of the page's main frame; returns its value. */
export async function inIsolatedWorld<T>(page: Page, bundle: string, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const frameId = (await cdp.send('Page.getFrameTree')).frameTree.frame.id;
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId, worldName: 'wasl-outline' });
    const result = await cdp.send('Runtime.evaluate', { expression: `${bundle}\n;${expression}`, contextId: executionContextId, returnByValue: true, awaitPromise: true });
    if (result.exceptionDetails) throw new Error(`in the isolated world: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
    return result.result.value as T;
  } finally {
    await cdp.detach();
  }
}

/** The page's outline and its text form, taken in an isolated world. */
export function outlineOf(page: Page, bundle: string, options: OutlineOptions = {}): Promise<OutlineRun> {
  return inIsolatedWorld<OutlineRun>(
    page,
    bundle,
    `(() => { const outline = WaslOutline.pageOutline(document, ${JSON.stringify(options)}); return { outline, text: WaslOutline.outlineText(outline) }; })()`,
  );
}
