import { defineConfig } from 'vitest/config';

/**
 * Test projects:
 * - unit: pure and main-process code in Node, main against the typed Electron fake;
 * - renderer: React components in jsdom;
 * - browser: real Chromium (Debian's, through playwright-core) against the built renderer and fixture pages;
 * - electron: the real app through Playwright's Electron driver; skips, saying why, where the binary is absent;
 * - bench: benchmarks (`npm run bench`), never part of `npm test`.
 */
export default defineConfig({
  test: {
    projects: [
      {
        // Timeouts here only catch a hung test (speed lives in the benchmarks): on a busy 2-core CI machine a test
        // that boots main on the fake Electron, or types through user-event in jsdom, can take several seconds.
        test: { name: 'unit', environment: 'node', include: ['test/unit/**/*.test.ts'], testTimeout: 20_000 },
      },
      {
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/renderer/setup.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // Benchmarks print figures against a baseline measured in the same run; `npm run bench`, never `npm test`.
        test: {
          name: 'bench',
          environment: 'node',
          include: ['bench/**/*.bench.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 600_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'electron',
          environment: 'node',
          include: ['test/electron/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
