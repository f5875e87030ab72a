/**
 * What every connector script of a pack does (preload/pack/<platform>.ts): hands its connector to the function the
 * service preload put in its isolated world under PACK_REGISTER before it ran the script. The script is built on
 * its own (scripts/pack.mjs), so it reaches the preload only through that global.
 */
import { PACK_REGISTER } from '../../common/pack-register';
import type { Connector } from '../connectors/types';

type Register = (connector: Connector) => void;

const isRegister = (value: unknown): value is Register => typeof value === 'function';

/** Registers `connector` with the preload that runs this script; throws where no preload asked for one. */
export function registerPackConnector(connector: Connector): void {
  const register: unknown = Reflect.get(globalThis, PACK_REGISTER);
  if (!isRegister(register)) throw new Error(`${PACK_REGISTER} is not set: a pack's connector runs only from the service preload`);
  register(connector);
}
