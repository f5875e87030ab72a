/**
 * What the real app weighs: its total memory (every process, from app.getAppMetrics()) with 1 and 10 fixture
 * services, all awake and with all but the active one asleep, printed as a table. Runs wherever the Electron
 * binary exists; elsewhere it says plainly that it skipped.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { report } from '../../bench/report';
import { serveCustomFixture, type CustomFixtureServer } from '../support/custom-fixture-server';
import { ELECTRON_MISSING, electronBinary } from '../support/electron-binary';

const root = path.resolve(import.meta.dirname, '../..');
const binary = electronBinary(root);
if (!binary) console.warn(ELECTRON_MISSING);

/** Settles for this long after the window appears before measuring, as a user would leave it. */
const SETTLE_MS = 15_000;

describe.skipIf(!binary)('Wasl in real Electron: memory', () => {
  let server: CustomFixtureServer;
  beforeAll(async () => {
    server = await serveCustomFixture(root);
  });
  afterAll(async () => {
    await server.close();
  });

  /** Launches Wasl with `count` fixture services and answers its total memory in MB once settled. */
  async function measure(count: number, awake: boolean): Promise<number> {
    const profile = mkdtempSync(path.join(os.tmpdir(), 'wasl-memory-'));
    const services = Array.from({ length: count }, (_, i) => ({
      id: `fixture${i}`, platform: 'custom', name: `Fixture ${i}`, enabled: true, muted: false, callsAllowed: false,
      url: `${server.origin}/?account=${i}`, alwaysOn: awake, checkEveryMin: 0,
    }));
    writeFileSync(path.join(profile, 'settings.json'), JSON.stringify({ version: 3, services, activeServiceId: 'fixture0', settings: { language: 'en' }, window: null }));
    const app = await _electron.launch({ executablePath: binary, args: ['--ignore-certificate-errors', root], env: { ...process.env, WASL_USER_DATA_DIR: profile } });
    try {
      await app.firstWindow();
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      const kib = await app.evaluate(({ app: electronApp }) => electronApp.getAppMetrics().reduce((sum, m) => sum + m.memory.workingSetSize, 0));
      return kib / 1024;
    } finally {
      await app.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }

  it('prints the total memory with 1 and 10 services, awake and asleep', { timeout: 300_000 }, async () => {
    const one = await measure(1, true);
    const tenAwake = await measure(10, true);
    const tenAsleep = await measure(10, false);
    const mb = (n: number) => `${n.toFixed(0)} MB`;
    report('Real Electron: total memory', [
      ['1 service', mb(one), '', '', '', true],
      ['10 services, all but one asleep', mb(tenAsleep), `${mb(tenAwake)} (all awake)`, `${((tenAsleep / tenAwake) * 100).toFixed(0)} %`, '', true],
    ], ['Wasl', 'baseline']);
    expect(tenAsleep).toBeLessThan(tenAwake);
  });
});
