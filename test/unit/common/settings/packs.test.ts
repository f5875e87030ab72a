/**
 * What the settings file keeps about connector packs (common/settings/packs.ts): the pin, the rollbacks and the
 * packs' reads, each entry read on its own so a bad one is dropped and the rest kept; and through main (main/index.ts
 * on the fake Electron): the pin and a rollback hold across a restart, and damaged pack fields are repaired without
 * losing any other setting.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../../common/channels';
import type { CommandResult } from '../../../../common/ipc';
import { BUILT_IN_PACK_VERSION } from '../../../../common/pack-version';
import { DEFAULT_SETTINGS } from '../../../../common/settings';
import { MAX_READ_VERSIONS, readPackChoices, readPackReads } from '../../../../common/settings/packs';
import { readDocument } from '../../../../main/core/settings/document';
import { bootMain, goodSettings, SERVICES, type MainUnderTest } from '../../hostile/main-under-test';

vi.mock('electron', async () => (await import('../../hostile/main-under-test')).fakeElectronModule());
vi.mock('electron-store', async () => (await import('../../hostile/main-under-test')).fakeElectronStore());

const AT = Date.UTC(2026, 2, 1, 9, 0, 0);
const whatsappBack = { platform: 'whatsapp', from: '1.3.0', to: '1.2.0', at: AT };

describe('readPackChoices', () => {
  it('reads a valid pin and rollbacks as they are, and absent ones as the defaults', () => {
    const telegramBack = { platform: 'telegram', from: '2.0.0', to: BUILT_IN_PACK_VERSION, at: AT };
    expect(readPackChoices({ pinBuiltIn: true, rolledBack: [whatsappBack, telegramBack] })).toEqual({ choices: { pinBuiltIn: true, rolledBack: [whatsappBack, telegramBack] }, dropped: 0 });
    expect(readPackChoices(undefined)).toEqual({ choices: { pinBuiltIn: false, rolledBack: [] }, dropped: 0 });
    expect(readPackChoices({})).toEqual({ choices: { pinBuiltIn: false, rolledBack: [] }, dropped: 0 });
  });

  it.each([
    ['a pin that is not a boolean', { pinBuiltIn: 'yes', rolledBack: [whatsappBack] }, { pinBuiltIn: false, rolledBack: [whatsappBack] }, 1],
    ['rollbacks that are not a list', { pinBuiltIn: true, rolledBack: { whatsapp: '1.2.0' } }, { pinBuiltIn: true, rolledBack: [] }, 1],
    ['a rollback of an unknown platform', { pinBuiltIn: true, rolledBack: [{ ...whatsappBack, platform: 'icq' }, whatsappBack] }, { pinBuiltIn: true, rolledBack: [whatsappBack] }, 1],
    ['a rollback to a newer pack', { rolledBack: [{ ...whatsappBack, to: '1.4.0' }] }, { pinBuiltIn: false, rolledBack: [] }, 1],
    ['a rollback with a version that is not one', { rolledBack: [{ ...whatsappBack, from: '1.3' }] }, { pinBuiltIn: false, rolledBack: [] }, 1],
    ['a rollback with an unknown key', { rolledBack: [{ ...whatsappBack, by: 'me' }] }, { pinBuiltIn: false, rolledBack: [] }, 1],
    ['a second rollback of one platform', { rolledBack: [whatsappBack, { ...whatsappBack, from: '1.5.0' }] }, { pinBuiltIn: false, rolledBack: [whatsappBack] }, 1],
  ])('drops %s and keeps the rest', (_name, raw, choices, dropped) => {
    expect(readPackChoices(raw)).toEqual({ choices, dropped });
  });

  it('takes a part that is not an object as damage, and the defaults', () => {
    expect(readPackChoices([true])).toEqual({ choices: { pinBuiltIn: false, rolledBack: [] }, dropped: 1 });
  });
});

describe('readPackReads', () => {
  it('keeps every valid figure, and drops each bad one alone', () => {
    const raw = {
      whatsapp: { '1.2.0': 40, '1.3.0': 0, '1.4': 3, '1.5.0': -1, '1.6.0': 2.5 },
      telegram: { '2.0.0': 7 },
      icq: { '1.0.0': 3 },
      slack: 'lots',
    };
    expect(readPackReads(raw)).toEqual({ reads: { whatsapp: { '1.2.0': 40, '1.3.0': 0 }, telegram: { '2.0.0': 7 } }, dropped: 5 });
    expect(readPackReads(undefined)).toEqual({ reads: {}, dropped: 0 });
    expect(readPackReads(7)).toEqual({ reads: {}, dropped: 1 });
  });

  it(`keeps a platform's newest ${MAX_READ_VERSIONS} versions`, () => {
    const many = Object.fromEntries(Array.from({ length: MAX_READ_VERSIONS + 2 }, (_, i) => [`1.${i}.0`, i + 1]));
    const { reads, dropped } = readPackReads({ discord: many });
    expect(dropped).toBe(2);
    expect(Object.keys(reads.discord ?? {})).toEqual(Array.from({ length: MAX_READ_VERSIONS }, (_, i) => `1.${MAX_READ_VERSIONS + 1 - i}.0`));
  });
});

describe('the settings document', () => {
  it('migrates a version 3 document to nothing pinned, nothing rolled back, nothing read', () => {
    const { doc, problem, migratedFrom } = readDocument({ ...goodSettings(), version: 3 });
    expect(problem).toBeUndefined();
    expect(migratedFrom).toBe(3);
    expect(doc.packs).toEqual({ pinBuiltIn: false, rolledBack: [] });
    expect(doc.packReads).toEqual({});
    expect(doc.services).toHaveLength(SERVICES.length);
  });
});

let main: MainUnderTest | undefined;
afterEach(() => {
  main?.close();
  main = undefined;
});

async function send(m: MainUnderTest, cmd: Record<string, unknown>): Promise<CommandResult> {
  const handler = m.fake.ipcMain.handlers.get(CHANNELS.command);
  if (!handler) throw new Error('app:command is not wired');
  return (await handler(m.event('shell'), cmd)) as CommandResult;
}

const onDisk = (m: MainUnderTest): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(m.profile, 'settings.json'), 'utf8')) as Record<string, unknown>;

/** Quits (pending writes happen) and starts again on the same profile, its settings file as it is. */
async function restart(m: MainUnderTest): Promise<MainUnderTest> {
  await m.advance(1_000);
  m.quit();
  m.close({ keepProfile: true });
  main = undefined;
  main = await bootMain(null, { profile: m.profile });
  return main;
}

describe('pack choices through main', () => {
  it('starts on the built-in pack, unpinned, with nothing rolled back; a development build says it checks no feed', async () => {
    main = await bootMain(goodSettings());
    expect((await main.state()).packs).toEqual({ builtIn: BUILT_IN_PACK_VERSION, pinBuiltIn: false, rolledBack: [], noFeed: true });
  });

  it('keeps the pin of the built-in pack across a restart, and its removal too', async () => {
    main = await bootMain(goodSettings());
    expect(await send(main, { type: 'packs.pinBuiltIn', pinned: true })).toEqual({ ok: true });
    let restarted = await restart(main);
    expect((await restarted.state()).packs.pinBuiltIn).toBe(true);
    expect(onDisk(restarted)['packs']).toEqual({ pinBuiltIn: true, rolledBack: [] });
    expect((await restarted.state()).notices).toEqual([]);

    expect(await send(restarted, { type: 'packs.pinBuiltIn', pinned: false })).toEqual({ ok: true });
    restarted = await restart(restarted);
    expect((await restarted.state()).packs.pinBuiltIn).toBe(false);
  }, 30_000);

  it('refuses a pin that is not a boolean, and changes nothing', async () => {
    main = await bootMain(goodSettings());
    expect(await send(main, { type: 'packs.pinBuiltIn', pinned: 'yes' })).toMatchObject({ ok: false, error: 'invalid' });
    expect((await main.state()).packs.pinBuiltIn).toBe(false);
  });

  it('reads a rollback and the packs’ reads at start and keeps them across a restart, but the reads of a pack no longer on disk', async () => {
    const reads = { whatsapp: { [BUILT_IN_PACK_VERSION]: 40, '1.3.0': 0 } };
    const rollback = { ...whatsappBack, to: BUILT_IN_PACK_VERSION };
    main = await bootMain({ ...goodSettings(), packs: { pinBuiltIn: false, rolledBack: [rollback] }, packReads: reads });
    expect((await main.state()).packs.rolledBack).toEqual([rollback]);
    const restarted = await restart(main);
    expect((await restarted.state()).packs.rolledBack).toEqual([rollback]);
    // No pack 1.3.0 is stored in this profile: what it read is forgotten once the packs on disk are verified.
    expect(onDisk(restarted)).toMatchObject({ packs: { pinBuiltIn: false, rolledBack: [rollback] }, packReads: { whatsapp: { [BUILT_IN_PACK_VERSION]: 40 } } });
  }, 30_000);

  it('repairs damaged pack fields without losing any other setting, and says so', async () => {
    const settings = { ...DEFAULT_SETTINGS, language: 'ar', theme: 'dark' };
    main = await bootMain({
      ...goodSettings(),
      settings,
      packs: { pinBuiltIn: true, rolledBack: [whatsappBack, { platform: 'whatsapp', from: 'latest', to: '1.0.0', at: -5 }] },
      packReads: { whatsapp: { '1.2.0': 'many', [BUILT_IN_PACK_VERSION]: 0 }, telegram: { [BUILT_IN_PACK_VERSION]: 9 } },
    });
    const state = await main.state();
    expect(state.packs).toMatchObject({ pinBuiltIn: true, rolledBack: [whatsappBack] });
    expect(state.settings).toEqual(settings);
    expect(state.services.map((s) => s.id)).toEqual(SERVICES.map((s) => s.id));
    expect(state.people.map((p) => p.id)).toEqual(['p1']);
    expect(state.quickReplies.map((q) => q.id)).toEqual(['q1']);
    expect(state.notices).toEqual([expect.objectContaining({ kind: 'settings-repaired', dropped: 2 })]);
    await main.advance(1_000);
    expect(onDisk(main)).toMatchObject({ packs: { pinBuiltIn: true, rolledBack: [whatsappBack] }, packReads: { whatsapp: { [BUILT_IN_PACK_VERSION]: 0 }, telegram: { [BUILT_IN_PACK_VERSION]: 9 } }, settings });
  });

  it('repairs pack fields of the wrong shape to the defaults, keeping the rest', async () => {
    main = await bootMain({ ...goodSettings(), packs: 'pinned', packReads: [1, 2] });
    const state = await main.state();
    expect(state.packs).toMatchObject({ pinBuiltIn: false, rolledBack: [] });
    expect(state.services.map((s) => s.id)).toEqual(SERVICES.map((s) => s.id));
    expect(state.notices).toEqual([expect.objectContaining({ kind: 'settings-repaired', dropped: 2 })]);
  });
});
