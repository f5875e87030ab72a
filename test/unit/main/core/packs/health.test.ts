/**
 * Rollback on bad health: a downloaded pack that reads no chats on a signed-in page for JUDGE_AFTER_MS, where the
 * pack before it read some on that platform, is rolled back for that platform; pages not in front reload onto the
 * earlier pack. Never for a signed-out page, a page still loading, an account without chats, or the built-in pack.
 */
import { describe, expect, it } from 'vitest';
import type { PlatformId, ServiceConfig } from '../../../../../common/model';
import { BUILT_IN_PACK_VERSION } from '../../../../../common/pack-version';
import type { PackReads } from '../../../../../common/settings/packs';
import { initialRuntime, type ServiceStatus } from '../../../../../common/state';
import { createAppStore, updateRuntime } from '../../../../../main/core/app/app-store';
import { JUDGE_AFTER_MS, PackHealth, type HealthReport } from '../../../../../main/core/packs/health';
import type { PackCandidate } from '../../../../../main/core/packs/selection';
import { ManualClock } from '../../../../fakes/clock';
import { MemoryLogger } from '../../../../fakes/logger';
import { stateOf } from '../../../../fakes/state';

const service = (id: string, platform: PlatformId): ServiceConfig => ({ id, platform, name: id, enabled: true, muted: false, callsAllowed: false });

/** Newest first: 1.3.0 is the new pack, 1.2.0 the one before it; Slack has only the new one. */
const PACKS: PackCandidate[] = [
  { version: '1.3.0', platforms: ['whatsapp', 'telegram', 'slack'] },
  { version: '1.2.0', platforms: ['whatsapp', 'telegram'] },
];

interface Setup {
  packs?: PackCandidate[];
  reads?: PackReads;
  /** Services and their statuses; the first is the active one, in front. */
  services?: [ServiceConfig, ServiceStatus][];
}

function setup(options: Setup = {}) {
  const services = options.services ?? [
    [service('wa1', 'whatsapp'), 'ready'],
    [service('wa2', 'whatsapp'), 'ready'],
    [service('wa3', 'whatsapp'), 'asleep'],
    [service('tg1', 'telegram'), 'ready'],
  ];
  const runtime = Object.fromEntries(services.map(([s, status]) => [s.id, { ...initialRuntime(true), status }]));
  const store = createAppStore(stateOf({ services: services.map(([s]) => s), runtime, activeServiceId: services[0]?.[0].id ?? null, view: 'service' }));
  const clock = new ManualClock();
  const log = new MemoryLogger();
  const saved: PackReads[] = [];
  const reloads: string[] = [];
  let packs = options.packs ?? PACKS;
  const health = new PackHealth({
    store,
    clock,
    log,
    packs: () => packs,
    initialReads: options.reads ?? { whatsapp: { '1.2.0': 40 } },
    saveReads: (reads) => saved.push(reads),
    reloadService: (id) => {
      reloads.push(id);
      updateRuntime(store, id, { status: 'loading' });
    },
  });
  const report = (serviceId: string, parts: Partial<HealthReport> = {}) => {
    const platform = store.getState().services.find((s) => s.id === serviceId)?.platform ?? 'whatsapp';
    health.report({ serviceId, platform, packVersion: '1.3.0', loggedIn: true, rows: 0, ...parts });
  };
  const setPacks = (next: PackCandidate[]) => {
    packs = next;
    health.packsChanged();
  };
  return { store, clock, log, saved, reloads, health, report, setPacks, rolledBack: () => store.getState().packs.rolledBack };
}

describe('PackHealth: rollback', () => {
  it('rolls a platform back when its new pack finds no rows where the one before found many, and says so', () => {
    const { clock, log, rolledBack, health, report, store } = setup();
    report('wa2');
    clock.advance(JUDGE_AFTER_MS - 1);
    expect(rolledBack()).toEqual([]);
    clock.advance(1);
    expect(rolledBack()).toEqual([{ platform: 'whatsapp', from: '1.3.0', to: '1.2.0', at: clock.now() }]);
    expect(log.count('warn', 'connector pack rolled back: it read no chats where the one before read some')).toBe(1);
    expect(health.sourceFor('whatsapp')).toEqual({ kind: 'downloaded', version: '1.2.0' });
    // Other platforms keep the new pack; the pin is untouched.
    expect(health.sourceFor('telegram')).toEqual({ kind: 'downloaded', version: '1.3.0' });
    expect(store.getState().packs.pinBuiltIn).toBe(false);
  });

  it('reloads that platform’s pages not in front, never the active one, another platform’s or a sleeping one', () => {
    const { clock, reloads, report } = setup();
    report('wa1');
    report('wa2');
    report('tg1');
    clock.advance(JUDGE_AFTER_MS);
    expect(reloads).toEqual(['wa2']);
  });

  it('reloads a page of that platform that reports the rolled-back pack later (it was asleep), once for that rollback', () => {
    const { clock, reloads, report, store } = setup();
    report('wa2');
    clock.advance(JUDGE_AFTER_MS);
    expect(reloads).toEqual(['wa2']);
    // wa3 wakes, and its preload had already taken 1.3.0.
    updateRuntime(store, 'wa3', { status: 'ready' });
    report('wa3', { rows: 12 });
    report('wa3', { rows: 13 });
    expect(reloads).toEqual(['wa2', 'wa3']);
    // After the reload it runs 1.2.0: nothing more to do.
    report('wa3', { packVersion: '1.2.0', rows: 13 });
    expect(reloads).toEqual(['wa2', 'wa3']);
  });

  it('rolls back to the built-in pack when no older downloaded pack covers the platform', () => {
    const { clock, rolledBack, report, health } = setup({ packs: [PACKS[0] as PackCandidate], reads: { whatsapp: { [BUILT_IN_PACK_VERSION]: 25 } } });
    report('wa2');
    clock.advance(JUDGE_AFTER_MS);
    expect(rolledBack()).toEqual([{ platform: 'whatsapp', from: '1.3.0', to: BUILT_IN_PACK_VERSION, at: clock.now() }]);
    expect(health.sourceFor('whatsapp')).toEqual({ kind: 'built-in', version: BUILT_IN_PACK_VERSION });
  });

  it('compares with the next older pack that covers the platform, passing over one that does not', () => {
    const packs: PackCandidate[] = [
      { version: '1.4.0', platforms: ['whatsapp'] },
      { version: '1.3.0', platforms: ['telegram'] },
      { version: '1.2.0', platforms: ['whatsapp'] },
    ];
    const { clock, rolledBack, report } = setup({ packs });
    report('wa2', { packVersion: '1.4.0' });
    clock.advance(JUDGE_AFTER_MS);
    expect(rolledBack()).toEqual([{ platform: 'whatsapp', from: '1.4.0', to: '1.2.0', at: clock.now() }]);
  });

  it('judges a page whose later reports say nothing new (the page sends its health only when it changes)', () => {
    const { clock, rolledBack, report } = setup();
    report('wa2');
    clock.advance(JUDGE_AFTER_MS / 2);
    report('wa2', { packVersion: undefined, rows: undefined });
    clock.advance(JUDGE_AFTER_MS / 2);
    expect(rolledBack()).toHaveLength(1);
  });
});

describe('PackHealth: no rollback', () => {
  it('for a signed-out page, however long it shows no chats', () => {
    const { clock, rolledBack, report } = setup();
    report('wa2', { loggedIn: false, rows: undefined });
    clock.advance(JUDGE_AFTER_MS * 10);
    report('wa2', { loggedIn: false, rows: 0 });
    clock.advance(JUDGE_AFTER_MS * 10);
    expect(rolledBack()).toEqual([]);
  });

  it('for a page that signs out before the grace period is over, and starts the wait again when it signs back in', () => {
    const { clock, rolledBack, report } = setup();
    report('wa2');
    clock.advance(JUDGE_AFTER_MS - 10);
    report('wa2', { loggedIn: false });
    clock.advance(20);
    expect(rolledBack()).toEqual([]);
    report('wa2');
    clock.advance(JUDGE_AFTER_MS - 1);
    expect(rolledBack()).toEqual([]);
    clock.advance(1);
    expect(rolledBack()).toHaveLength(1);
  });

  it('during the grace period: a page that finds its rows within it is never judged', () => {
    const { clock, rolledBack, report, saved } = setup();
    report('wa2');
    clock.advance(JUDGE_AFTER_MS - 1);
    report('wa2', { rows: 30 });
    clock.advance(JUDGE_AFTER_MS * 5);
    expect(rolledBack()).toEqual([]);
    expect(saved.at(-1)).toEqual({ whatsapp: { '1.2.0': 40, '1.3.0': 30 } });
  });

  it('for a page that reloads, sleeps or goes away during the grace period: its next load is judged on its own', () => {
    const { clock, rolledBack, report, store } = setup();
    report('wa2');
    clock.advance(JUDGE_AFTER_MS - 1_000);
    updateRuntime(store, 'wa2', { status: 'loading' });
    updateRuntime(store, 'wa2', { status: 'ready' });
    clock.advance(2_000);
    expect(rolledBack()).toEqual([]);
    report('wa2');
    updateRuntime(store, 'wa2', { status: 'asleep' });
    clock.advance(JUDGE_AFTER_MS * 2);
    expect(rolledBack()).toEqual([]);
    report('tg1');
    const { tg1: _removed, ...runtime } = store.getState().runtime;
    store.setState({ services: store.getState().services.filter((s) => s.id !== 'tg1'), runtime });
    clock.advance(JUDGE_AFTER_MS * 2);
    expect(rolledBack()).toEqual([]);
  });

  it('when the pack before also found no rows on that platform (an account without chats)', () => {
    const { clock, log, rolledBack, report } = setup({ reads: { whatsapp: { '1.2.0': 0 }, telegram: { '1.2.0': 9 } } });
    report('wa2');
    clock.advance(JUDGE_AFTER_MS);
    expect(rolledBack()).toEqual([]);
    expect(log.count('info', 'connector pack reads no chats, nor did the one before it: kept')).toBe(1);
  });

  it('when nothing is known of the pack before (it never ran here)', () => {
    const { clock, rolledBack, report } = setup({ reads: {} });
    report('wa2');
    clock.advance(JUDGE_AFTER_MS);
    expect(rolledBack()).toEqual([]);
  });

  it('when the new pack has read rows on that platform before: a page without any is an account without chats', () => {
    const { clock, rolledBack, report } = setup();
    report('wa1', { rows: 18 });
    report('wa2');
    clock.advance(JUDGE_AFTER_MS);
    expect(rolledBack()).toEqual([]);
  });

  it('for the built-in pack, pinned or not', () => {
    const reads = { whatsapp: { [BUILT_IN_PACK_VERSION]: 40, '1.2.0': 40 } };
    const first = setup({ reads });
    first.report('wa2', { packVersion: BUILT_IN_PACK_VERSION });
    first.clock.advance(JUDGE_AFTER_MS * 2);
    expect(first.rolledBack()).toEqual([]);

    const pinned = setup({ reads });
    pinned.health.pinBuiltIn(true);
    // A page still on the downloaded pack while the user pinned the built-in: it is not the pack in use.
    pinned.report('wa2');
    pinned.clock.advance(JUDGE_AFTER_MS * 2);
    expect(pinned.rolledBack()).toEqual([]);
    expect(pinned.reloads).toEqual([]);
  });

  it('for a platform already rolled back: never further back than one pack', () => {
    const { clock, rolledBack, report, reloads } = setup({ reads: { whatsapp: { '1.2.0': 40, [BUILT_IN_PACK_VERSION]: 40 } } });
    report('wa2');
    clock.advance(JUDGE_AFTER_MS);
    const first = rolledBack();
    expect(first).toHaveLength(1);
    report('wa2', { packVersion: '1.2.0' });
    clock.advance(JUDGE_AFTER_MS * 2);
    expect(rolledBack()).toBe(first);
    expect(reloads).toEqual(['wa2']);
  });

  it('for a page that never says which pack it runs', () => {
    const { clock, rolledBack, report } = setup();
    report('wa2', { packVersion: undefined });
    clock.advance(JUDGE_AFTER_MS * 2);
    expect(rolledBack()).toEqual([]);
  });
});

describe('PackHealth: a newer pack, the reads, the pin', () => {
  it('ends a platform’s rollback when a newer pack covering it arrives, not when one for another platform does', () => {
    const { clock, report, rolledBack, setPacks, health } = setup();
    report('wa2');
    clock.advance(JUDGE_AFTER_MS);
    expect(rolledBack()).toHaveLength(1);
    setPacks([{ version: '1.4.0', platforms: ['telegram'] }, ...PACKS]);
    expect(rolledBack()).toHaveLength(1);
    setPacks([{ version: '1.5.0', platforms: ['whatsapp'] }, { version: '1.4.0', platforms: ['telegram'] }, ...PACKS]);
    expect(rolledBack()).toEqual([]);
    expect(health.sourceFor('whatsapp')).toEqual({ kind: 'downloaded', version: '1.5.0' });
  });

  it('remembers the most rows each pack found per platform, while signed in, and saves only when a figure grows', () => {
    const { report, saved } = setup({ reads: {} });
    report('wa1', { rows: 12 });
    report('wa2', { rows: 30 });
    report('wa1', { rows: 20 });
    report('tg1', { rows: 5, packVersion: '1.2.0' });
    report('wa2', { loggedIn: false, rows: 99 });
    expect(saved).toEqual([{ whatsapp: { '1.3.0': 12 } }, { whatsapp: { '1.3.0': 30 } }, { whatsapp: { '1.3.0': 30 }, telegram: { '1.2.0': 5 } }]);
  });

  it('remembers nothing of a pack no longer kept, and forgets the reads of packs that are gone', () => {
    const { report, saved, setPacks } = setup({ reads: { whatsapp: { '1.2.0': 40, '1.1.0': 22, [BUILT_IN_PACK_VERSION]: 10 } } });
    report('wa2', { packVersion: '1.1.0', rows: 50 });
    expect(saved).toEqual([]);
    setPacks(PACKS);
    expect(saved).toEqual([{ whatsapp: { '1.2.0': 40, [BUILT_IN_PACK_VERSION]: 10 } }]);
    setPacks(PACKS);
    expect(saved).toHaveLength(1);
  });

  it('pins and unpins the built-in pack, and every platform takes it while pinned', () => {
    const { health, store, log } = setup();
    health.pinBuiltIn(true);
    expect(store.getState().packs.pinBuiltIn).toBe(true);
    expect(health.sourceFor('whatsapp')).toEqual({ kind: 'built-in', version: BUILT_IN_PACK_VERSION });
    const before = store.getState().packs;
    health.pinBuiltIn(true);
    expect(store.getState().packs).toBe(before);
    health.pinBuiltIn(false);
    expect(health.sourceFor('whatsapp')).toEqual({ kind: 'downloaded', version: '1.3.0' });
    expect(log.lines.map((l) => l.message)).toEqual(['built-in connector pack pinned', 'built-in connector pack unpinned']);
  });

  it('stops: no timer is left, and nothing is judged', () => {
    const { clock, health, report, rolledBack } = setup();
    report('wa2');
    health.stop();
    expect(clock.pending).toBe(0);
    clock.advance(JUDGE_AFTER_MS);
    expect(rolledBack()).toEqual([]);
  });
});

describe('PackHealth: a pack a page could not run', () => {
  it('rolls the platform back at once and reloads its other pages still on that pack, not the one in front', () => {
    const { log, reloads, rolledBack, health, report, clock } = setup();
    report('wa1', { rows: 12 });
    report('wa2', { rows: 12 });
    health.packFailed('wa2', 'whatsapp', '1.3.0', 'threw');
    expect(rolledBack()).toEqual([{ platform: 'whatsapp', from: '1.3.0', to: '1.2.0', at: clock.now() }]);
    expect(log.count('warn', 'connector pack rolled back: a page could not run it')).toBe(1);
    expect(reloads).toEqual(['wa2']);
    expect(health.sourceFor('whatsapp')).toEqual({ kind: 'downloaded', version: '1.2.0' });
  });

  it('goes back to the built-in pack when no earlier downloaded pack covers the platform', () => {
    const { rolledBack, health } = setup({ services: [[service('sl1', 'slack'), 'ready']] });
    health.packFailed('sl1', 'slack', '1.3.0', 'nothing-registered');
    expect(rolledBack()).toEqual([expect.objectContaining({ platform: 'slack', from: '1.3.0', to: BUILT_IN_PACK_VERSION })]);
    expect(health.sourceFor('slack')).toEqual({ kind: 'built-in', version: BUILT_IN_PACK_VERSION });
  });

  it('ignores a failure of a pack the platform no longer takes, and a second one', () => {
    const { rolledBack, health } = setup();
    health.packFailed('wa1', 'whatsapp', '1.2.0', 'threw');
    expect(rolledBack()).toEqual([]);
    health.packFailed('wa1', 'whatsapp', '1.3.0', 'threw');
    health.packFailed('wa2', 'whatsapp', '1.2.0', 'threw');
    expect(rolledBack()).toHaveLength(1);
  });

  it('never rolls back when the built-in pack is pinned', () => {
    const { rolledBack, health } = setup();
    health.pinBuiltIn(true);
    health.packFailed('wa1', 'whatsapp', '1.3.0', 'wrong-platform');
    expect(rolledBack()).toEqual([]);
  });
});
