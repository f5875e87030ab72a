/**
 * Builds test/support/page-entry.ts into one classic script (out/test/wasl-page.js) that test pages load the way
 * Electron loads the service preload, and preload/service-worker.ts as the app builds it (one CommonJS file that
 * requires `electron`, out/test/service-worker.cjs) for test service workers. Built once per test run (vitest
 * globalSetup of the browser project).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

const root = path.resolve(import.meta.dirname, '../..');
export const PAGE_BUNDLE = path.join(root, 'out/test/wasl-page.js');

export async function buildPageBundle(): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root,
    build: {
      outDir: path.dirname(PAGE_BUNDLE),
      emptyOutDir: false,
      minify: false,
      target: 'chrome120',
      lib: { entry: path.join(root, 'test/support/page-entry.ts'), formats: ['iife'], name: 'WaslTestBundle', fileName: () => path.basename(PAGE_BUNDLE) },
    },
  });
}

export const WORKER_PRELOAD_BUNDLE = path.join(root, 'out/test/service-worker.cjs');

export async function buildWorkerPreloadBundle(): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root,
    build: {
      outDir: path.dirname(WORKER_PRELOAD_BUNDLE),
      emptyOutDir: false,
      minify: false,
      target: 'chrome120',
      lib: { entry: path.join(root, 'preload/service-worker.ts'), formats: ['cjs'], fileName: () => path.basename(WORKER_PRELOAD_BUNDLE) },
      rollupOptions: { external: ['electron'] },
    },
  });
}

export function pageBundle(): string {
  if (!existsSync(PAGE_BUNDLE)) throw new Error(`${PAGE_BUNDLE} is missing: the browser project's globalSetup builds it.`);
  return readFileSync(PAGE_BUNDLE, 'utf8');
}
