/**
 * Which connector a service page runs: the one of the connector pack main chose for the page's platform, or the one
 * built into this preload. At the preload's start it asks main (`svc:connector`); when main answers with a pack's
 * connector script, it runs that script in the preload's own isolated world, where the built-in connectors run, as
 * an injected script source (`webFrame.executeJavaScriptInIsolatedWorld`), never through `eval` or `new Function`,
 * which a page's Content-Security-Policy can forbid in the preload once the page has loaded (electron/electron#48240).
 * The script calls a one-shot function the loader put on the world's global object for that call only, with its
 * connector; anything but a connector for this page's platform, or a script that threw, and the page runs the
 * built-in connector and main is told (`svc:connector-failed`). The pack gets nothing the built-in connectors lack.
 * Electron is passed in (ipcRenderer, webFrame), so this runs the same in a test page.
 */
import { CHANNELS } from '../common/channels';
import type { ConnectorAnswer, ConnectorFailure } from '../common/ipc';
import type { PlatformId } from '../common/model';
import { PACK_REGISTER, type ConnectorFailureReason } from '../common/pack-register';
import { BUILT_IN_PACK_VERSION } from '../common/pack-version';
import type { Connector } from './connectors/types';

/** The world Electron runs a context-isolated preload in (electron.d.ts: "Electron's preload world (ID `999`)"). */
export const PRELOAD_WORLD = 999;

/** Main answers within this time, or the page runs the built-in connector (a page is never left without one). */
export const ANSWER_TIMEOUT_MS = 10_000;

/** `webFrame` as the loader uses it. */
export interface IsolatedFrame {
  executeJavaScriptInIsolatedWorld(worldId: number, scripts: { code: string; url?: string }[]): Promise<unknown>;
}

export interface PackLoaderDeps {
  /** The platform main assigned to this page. */
  platform: PlatformId;
  /** The connector built into the preload for that platform. */
  builtIn: Connector;
  /** `ipcRenderer.invoke`. */
  invoke(channel: string): Promise<unknown>;
  /** `ipcRenderer.send`. */
  send(channel: string, payload: ConnectorFailure): void;
  frame: IsolatedFrame;
  /** The preload's world: its global object, which holds the register function while the script runs. */
  world: Window;
}

/** The connector the page runs, and the version of the pack it comes from. */
export interface ChosenConnector {
  connector: Connector;
  packVersion: string;
}

const TITLE_MEANINGS: readonly unknown[] = ['count', 'flag', 'ignore'];
/** The members of a connector the agent calls, when a connector has them. */
const FUNCTIONS = ['page', 'openChat', 'composer', 'watch', 'subscribe', 'chatForNotice', 'notifiesFromServiceWorker', 'refusal', 'partialList', 'hint', 'listPane'] as const;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const optionalFunction = (value: unknown): boolean => value === undefined || typeof value === 'function';

/**
 * Whether a pack's script registered what the agent can run for this platform: a connector's members, each of the
 * right kind; an object whose members throw when read is not a connector either.
 */
function checkConnector(value: unknown, platform: PlatformId): Connector | ConnectorFailureReason {
  try {
    if (!connectorShape(value)) return 'not-a-connector';
    return value.platform === platform ? value : 'wrong-platform';
  } catch {
    return 'not-a-connector';
  }
}

function connectorShape(value: unknown): value is Connector {
  if (!isRecord(value) || typeof value['read'] !== 'function' || typeof value['platform'] !== 'string') return false;
  if (!FUNCTIONS.every((name) => optionalFunction(value[name]))) return false;
  const title = value['title'];
  if (title !== undefined && typeof title !== 'function' && !TITLE_MEANINGS.includes(title)) return false;
  const rows = value['rows'];
  if (rows !== undefined && !(isRecord(rows) && typeof rows['selector'] === 'string' && typeof rows['read'] === 'function' && optionalFunction(rows['collect']))) return false;
  const hooks = value['hooks'];
  return hooks === undefined || (isRecord(hooks) && Object.values(hooks).every((probe) => typeof probe === 'function'));
}

/** Main's answer, if it is one (a refused invoke answers something else). */
function answerOf(value: unknown): ConnectorAnswer | undefined {
  if (!isRecord(value) || !isRecord(value['source'])) return undefined;
  const { kind, version } = value['source'];
  if ((kind !== 'built-in' && kind !== 'downloaded') || typeof version !== 'string') return undefined;
  const code = value['code'];
  if (code !== undefined && typeof code !== 'string') return undefined;
  return code === undefined ? { source: { kind, version } } : { source: { kind, version }, code };
}

function withDeadline(world: Window, promise: Promise<unknown>, ms: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = world.setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    promise.then(
      (value) => {
        world.clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        world.clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * Runs a pack's connector script in the preload's world: what it registered, or why it is not this page's connector.
 * Errors of a script in an isolated world do not reject Electron's promise: the world's `error` event tells.
 */
async function runPack(deps: PackLoaderDeps, code: string, version: string): Promise<Connector | ConnectorFailureReason> {
  const global = deps.world as unknown as Record<string, unknown>;
  const registered: unknown[] = [];
  let threw = false;
  const url = `wasl-pack:${version}/connectors/${deps.platform}.js`;
  // The window's error events are the page's too (DOM events reach every world): only the pack script's own count.
  const onError = (event: ErrorEvent): void => {
    if (event.filename === url) threw = true;
  };
  global[PACK_REGISTER] = (connector: unknown): void => {
    Reflect.deleteProperty(global, PACK_REGISTER);
    registered.push(connector);
  };
  deps.world.addEventListener('error', onError);
  try {
    await deps.frame.executeJavaScriptInIsolatedWorld(PRELOAD_WORLD, [{ code, url }]);
  } catch {
    threw = true;
  } finally {
    deps.world.removeEventListener('error', onError);
    Reflect.deleteProperty(global, PACK_REGISTER);
  }
  if (threw) return 'threw';
  return registered.length === 0 ? 'nothing-registered' : checkConnector(registered[0], deps.platform);
}

/**
 * The connector this page runs: the one a pack's script registers when main gives one, or the built-in one when
 * main gives no script, does not answer in time, or gives a script that is not this page's connector (main is then
 * told, once).
 */
export async function chooseConnector(deps: PackLoaderDeps): Promise<ChosenConnector> {
  const builtIn: ChosenConnector = { connector: deps.builtIn, packVersion: BUILT_IN_PACK_VERSION };
  let answer: ConnectorAnswer | undefined;
  try {
    answer = answerOf(await withDeadline(deps.world, deps.invoke(CHANNELS.serviceConnector), ANSWER_TIMEOUT_MS));
  } catch (error) {
    console.warn('[wasl] main did not say which connector to run: the built-in one runs', error);
    return builtIn;
  }
  if (answer?.code === undefined) return builtIn;
  const { version } = answer.source;
  const outcome = await runPack(deps, answer.code, version);
  if (typeof outcome !== 'string') return { connector: outcome, packVersion: version };
  console.warn(`[wasl] the connector of pack ${version} cannot run here (${outcome}): the built-in one runs`);
  deps.send(CHANNELS.serviceConnectorFailed, { version, reason: outcome });
  return builtIn;
}

/**
 * Calls `start` with the chosen connector once the document is parsed (DOMContentLoaded, as the agent always
 * started), or as soon as the connector is chosen if that comes later: the page never waits for it.
 */
export function startWhenParsed(doc: Pick<Document, 'readyState' | 'addEventListener'>, chosen: Promise<ChosenConnector>, start: (chosen: ChosenConnector) => void): void {
  const go = (): void => {
    void chosen.then(start);
  };
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', go, { once: true });
  else go();
}
