/** Which connector pack a platform's services load: the newest covering it, the built-in when pinned, older when rolled back. */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_PACK_VERSION } from '../../../../../common/pack-version';
import { previousPack, selectPack, standingRollbacks, type PackCandidate } from '../../../../../main/core/packs/selection';

const BUILT_IN = { kind: 'built-in', version: BUILT_IN_PACK_VERSION } as const;
const downloaded = (version: string) => ({ kind: 'downloaded', version }) as const;

/** Newest first, as the pack store gives them: 1.4.0 fixes only Telegram. */
const PACKS: PackCandidate[] = [
  { version: '1.4.0', platforms: ['telegram'] },
  { version: '1.3.0', platforms: ['whatsapp', 'telegram', 'slack'] },
  { version: '1.2.0', platforms: ['whatsapp', 'slack'] },
];
const FREE = { pinBuiltIn: false, rolledBack: [] };
const back = (platform: 'whatsapp' | 'slack' | 'telegram', from: string, to: string) => ({ platform, from, to, at: 1 });

describe('selectPack', () => {
  it('takes the newest pack that covers the platform, passing over one that does not', () => {
    expect(selectPack('telegram', PACKS, FREE)).toEqual(downloaded('1.4.0'));
    expect(selectPack('whatsapp', PACKS, FREE)).toEqual(downloaded('1.3.0'));
  });

  it('takes the built-in pack when no downloaded pack covers the platform, or there is none', () => {
    expect(selectPack('discord', PACKS, FREE)).toEqual(BUILT_IN);
    expect(selectPack('whatsapp', [], FREE)).toEqual(BUILT_IN);
  });

  it('takes the built-in pack for every platform when the user pinned it, whatever was rolled back', () => {
    for (const platform of ['whatsapp', 'telegram', 'slack'] as const) {
      expect(selectPack(platform, PACKS, { pinBuiltIn: true, rolledBack: [back('whatsapp', '1.3.0', '1.2.0')] })).toEqual(BUILT_IN);
    }
  });

  it('takes the newest pack older than the one a platform went back from, for that platform only', () => {
    const state = { pinBuiltIn: false, rolledBack: [back('whatsapp', '1.3.0', '1.2.0')] };
    expect(selectPack('whatsapp', PACKS, state)).toEqual(downloaded('1.2.0'));
    expect(selectPack('slack', PACKS, state)).toEqual(downloaded('1.3.0'));
    expect(selectPack('telegram', PACKS, state)).toEqual(downloaded('1.4.0'));
  });

  it('goes back to the built-in pack when no older downloaded pack covers the platform', () => {
    expect(selectPack('telegram', PACKS, { pinBuiltIn: false, rolledBack: [back('telegram', '1.4.0', '1.3.0')] })).toEqual(downloaded('1.3.0'));
    expect(selectPack('telegram', PACKS, { pinBuiltIn: false, rolledBack: [back('telegram', '1.3.0', BUILT_IN_PACK_VERSION)] })).toEqual(BUILT_IN);
  });

  it('never takes a downloaded pack older than the built-in one (the app was updated past it), nor one of the same version', () => {
    const stale = [{ version: '0.9.0', platforms: ['whatsapp'] }, { version: BUILT_IN_PACK_VERSION, platforms: ['whatsapp'] }] satisfies PackCandidate[];
    expect(selectPack('whatsapp', stale, FREE)).toEqual(BUILT_IN);
    expect(selectPack('whatsapp', PACKS, FREE, '1.5.0')).toEqual({ kind: 'built-in', version: '1.5.0' });
  });

  it('does not depend on the order the packs come in', () => {
    expect(selectPack('whatsapp', [...PACKS].reverse(), FREE)).toEqual(downloaded('1.3.0'));
  });
});

describe('previousPack', () => {
  it('is the newest older pack that covers the platform, or the built-in', () => {
    expect(previousPack('whatsapp', '1.3.0', PACKS)).toEqual(downloaded('1.2.0'));
    expect(previousPack('telegram', '1.4.0', PACKS)).toEqual(downloaded('1.3.0'));
    expect(previousPack('telegram', '1.3.0', PACKS)).toEqual(BUILT_IN);
  });
});

describe('standingRollbacks', () => {
  it('ends a rollback once a newer pack covers its platform, and keeps it while none does', () => {
    const whatsapp = back('whatsapp', '1.3.0', '1.2.0');
    const telegram = back('telegram', '1.3.0', BUILT_IN_PACK_VERSION);
    expect(standingRollbacks([whatsapp, telegram], PACKS)).toEqual([whatsapp]);
    expect(standingRollbacks([whatsapp], [...PACKS, { version: '1.5.0', platforms: ['whatsapp'] }])).toEqual([]);
    expect(standingRollbacks([whatsapp], [{ version: '1.3.0', platforms: ['whatsapp'] }])).toEqual([whatsapp]);
  });
});
