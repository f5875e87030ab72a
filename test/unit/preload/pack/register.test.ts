/**
 * A pack's connector scripts (preload/pack/<platform>.ts): each hands its platform's own connector, once, to the
 * function the service preload put under PACK_REGISTER, and refuses to run where no preload did.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PLATFORM_IDS } from '../../../../common/model';
import { PACK_REGISTER } from '../../../../common/packs';
import { connectors } from '../../../../preload/connectors';
import type { Connector } from '../../../../preload/connectors/types';
import { registerPackConnector } from '../../../../preload/pack/register';

afterEach(() => {
  Reflect.deleteProperty(globalThis, PACK_REGISTER);
});

describe('registerPackConnector', () => {
  it('hands the connector to the preload’s register function', () => {
    const register = vi.fn<(connector: Connector) => void>();
    Reflect.set(globalThis, PACK_REGISTER, register);
    registerPackConnector(connectors.telegram);
    expect(register).toHaveBeenCalledExactlyOnceWith(connectors.telegram);
  });

  it.each([
    ['nothing', undefined],
    ['a value that is not a function', { register: true }],
  ])('throws, naming the global, when the preload set %s', (_label, value) => {
    if (value !== undefined) Reflect.set(globalThis, PACK_REGISTER, value);
    expect(() => {
      registerPackConnector(connectors.telegram);
    }).toThrow(`${PACK_REGISTER} is not set`);
  });
});

describe('the entries', () => {
  // Each entry is imported once here, so it shares the connector modules this test imported.
  it.each(PLATFORM_IDS)('preload/pack/%s.ts registers that platform’s connector, once', async (platform) => {
    const register = vi.fn<(connector: Connector) => void>();
    Reflect.set(globalThis, PACK_REGISTER, register);
    await import(`../../../../preload/pack/${platform}.ts`);
    expect(register).toHaveBeenCalledExactlyOnceWith(connectors[platform]);
  });
});
