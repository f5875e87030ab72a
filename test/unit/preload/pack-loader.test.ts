// @vitest-environment jsdom
/**
 * preload/pack-loader.ts with main and Electron's webFrame played by the test: which connector a page runs for
 * every answer main can give (none, a pack's script, something that is not an answer, no answer at all), every way
 * a pack's script can fail to give this page's connector (each falls back to the built-in connector and tells main
 * once), and when the agent starts. A "script" here is a function the fake webFrame runs in place of the code it
 * was given, in the same window, as Electron runs the code in the preload's own world; the real thing runs in
 * Chromium in test/browser/pack-loader.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../common/channels';
import type { ConnectorAnswer, ConnectorFailure } from '../../../common/ipc';
import type { ServiceSnapshot } from '../../../common/model';
import { PACK_REGISTER } from '../../../common/pack-register';
import { BUILT_IN_PACK_VERSION } from '../../../common/pack-version';
import type { Connector } from '../../../preload/connectors/types';
import { ANSWER_TIMEOUT_MS, chooseConnector, PRELOAD_WORLD, startWhenParsed, type ChosenConnector, type IsolatedFrame } from '../../../preload/pack-loader';

const empty: ServiceSnapshot = { loggedIn: true, unread: { direct: 0, indirect: 0 }, chats: [] };
const BUILT_IN: Connector = { platform: 'whatsapp', read: () => Promise.resolve(empty) };
const FROM_PACK: Connector = { platform: 'whatsapp', read: () => Promise.resolve({ ...empty, chats: [{ id: 'p', title: 'pack', unread: 0 }] }), title: 'flag' };
const CODE = '/* the pack build: connectors/whatsapp.js */';
const PACK: ConnectorAnswer = { source: { kind: 'downloaded', version: '1.2.0' }, code: CODE };

/** The register function the loader put on the world, as a pack's script sees it. */
const register = (): ((connector: unknown) => void) => {
  const fn: unknown = (window as unknown as Record<string, unknown>)[PACK_REGISTER];
  if (typeof fn !== 'function') throw new Error('no register function on the world');
  return fn as (connector: unknown) => void;
};
const registers = (connector: unknown) => (): void => register()(connector);

interface Run {
  chosen: ChosenConnector;
  sent: [string, ConnectorFailure][];
  /** What the fake webFrame was asked to run, and where. */
  ran: { worldId: number; code: string; url?: string }[];
  /** Whether the register function was on the world as the script ran. */
  registerDuring: boolean[];
}

/** chooseConnector with main answering `answer` and the pack's script doing `script`. */
async function choose(answer: unknown, script: () => void = () => undefined, execute?: IsolatedFrame['executeJavaScriptInIsolatedWorld']): Promise<Run> {
  const sent: [string, ConnectorFailure][] = [];
  const ran: Run['ran'] = [];
  const registerDuring: boolean[] = [];
  const frame: IsolatedFrame = {
    executeJavaScriptInIsolatedWorld:
      execute ??
      ((worldId, scripts) => {
        for (const source of scripts) ran.push({ worldId, ...source });
        registerDuring.push(PACK_REGISTER in window);
        script();
        return Promise.resolve(undefined);
      }),
  };
  const invoke = (channel: string): Promise<unknown> => (channel === CHANNELS.serviceConnector ? Promise.resolve(answer) : Promise.reject(new Error(`no ${channel}`)));
  const chosen = await chooseConnector({ platform: 'whatsapp', builtIn: BUILT_IN, invoke, send: (channel, payload) => sent.push([channel, payload]), frame, world: window });
  return { chosen, sent, ran, registerDuring };
}

const builtIn: ChosenConnector = { connector: BUILT_IN, packVersion: BUILT_IN_PACK_VERSION };
const failure = (reason: ConnectorFailure['reason']): [string, ConnectorFailure][] => [[CHANNELS.serviceConnectorFailed, { version: '1.2.0', reason }]];

/** What the loader says on the console when the built-in connector runs instead. */
let warnings: unknown[][];
beforeEach(() => {
  warnings = [];
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => warnings.push(args));
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('chooseConnector: main gives a pack’s script', () => {
  it('runs it in the preload’s world (999) as a script source, and the page runs the connector it registered', async () => {
    const run = await choose(PACK, registers(FROM_PACK));
    expect(run.chosen).toEqual({ connector: FROM_PACK, packVersion: '1.2.0' });
    expect(run.ran).toEqual([{ worldId: PRELOAD_WORLD, code: CODE, url: 'wasl-pack:1.2.0/connectors/whatsapp.js' }]);
    expect(PRELOAD_WORLD).toBe(999);
    expect(run.registerDuring).toEqual([true]);
    expect(run.sent).toEqual([]);
  });

  it('takes the register function away once it is called, and after the script whatever it did: one connector, the first', async () => {
    const other: Connector = { ...FROM_PACK, title: 'count' };
    const seen: boolean[] = [];
    const run = await choose(PACK, () => {
      const kept = register();
      kept(FROM_PACK);
      seen.push(PACK_REGISTER in window);
      kept(other);
    });
    expect(seen).toEqual([false]);
    expect(run.chosen.connector).toBe(FROM_PACK);
    expect(PACK_REGISTER in window).toBe(false);
    const silent = await choose(PACK, () => undefined);
    expect(silent.registerDuring).toEqual([true]);
    expect(PACK_REGISTER in window).toBe(false);
  });

  it('runs the built-in connector, and tells main, when the script registers nothing', async () => {
    const run = await choose(PACK, () => undefined);
    expect(run.chosen).toEqual(builtIn);
    expect(run.sent).toEqual(failure('nothing-registered'));
    expect(warnings).toEqual([['[wasl] the connector of pack 1.2.0 cannot run here (nothing-registered): the built-in one runs']]);
  });

  it('runs the built-in connector, and tells main, when the script threw: Electron’s promise rejected, or the world saw the error', async () => {
    const rejected = await choose(PACK, undefined, () => Promise.reject(new Error('execution could not start')));
    expect(rejected.chosen).toEqual(builtIn);
    expect(rejected.sent).toEqual(failure('threw'));
    // An isolated world's uncaught error does not reject Electron's promise; it is the world's error event. Whatever
    // the script registered before it threw is not trusted.
    const errored = await choose(PACK, () => {
      register()(FROM_PACK);
      window.dispatchEvent(new ErrorEvent('error', { message: 'TypeError: rows is undefined', filename: 'wasl-pack:1.2.0/connectors/whatsapp.js' }));
    });
    expect(errored.chosen).toEqual(builtIn);
    expect(errored.sent).toEqual(failure('threw'));
  });

  it('is not put off by the page’s own errors while the pack runs: DOM error events reach every world', async () => {
    const run = await choose(PACK, () => {
      window.dispatchEvent(new ErrorEvent('error', { message: 'Uncaught TypeError in the site’s bundle', filename: 'https://web.whatsapp.com/app.js' }));
      register()(FROM_PACK);
    });
    expect(run.chosen).toEqual({ connector: FROM_PACK, packVersion: '1.2.0' });
    expect(run.sent).toEqual([]);
  });

  it('runs the built-in connector, and tells main, when the script registers another platform’s connector', async () => {
    const run = await choose(PACK, registers({ ...FROM_PACK, platform: 'telegram' }));
    expect(run.chosen).toEqual(builtIn);
    expect(run.sent).toEqual(failure('wrong-platform'));
  });

  it('runs the built-in connector, and tells main, when what the script registers is not a connector the agent can run', async () => {
    const read = (): Promise<ServiceSnapshot> => Promise.resolve(empty);
    const notConnectors: unknown[] = [
      undefined,
      null,
      'whatsapp',
      () => FROM_PACK,
      { platform: 'whatsapp' },
      { platform: 'whatsapp', read: 'everything' },
      { platform: 7, read },
      { platform: 'whatsapp', read, watch: { targets: [] } },
      { platform: 'whatsapp', read, subscribe: true },
      { platform: 'whatsapp', read, title: 'loud' },
      { platform: 'whatsapp', read, rows: { selector: '.row' } },
      { platform: 'whatsapp', read, rows: { selector: 3, read } },
      { platform: 'whatsapp', read, rows: { selector: '.row', read, collect: [] } },
      { platform: 'whatsapp', read, hooks: { rows: 2 } },
      { platform: 'whatsapp', read, hooks: 'rows' },
      { platform: 'whatsapp', read, listPane: '#side' },
      {
        get platform(): string {
          throw new Error('no platform');
        },
        read,
      },
      new Proxy({}, {
        get() {
          throw new Error('hostile');
        },
      }),
    ];
    for (const [i, value] of notConnectors.entries()) {
      const run = await choose(PACK, registers(value));
      expect(run.chosen, `registered value ${i}`).toEqual(builtIn);
      expect(run.sent, `registered value ${i}`).toEqual(failure('not-a-connector'));
    }
    // Every optional member, of the right kind, is a connector.
    const full: Connector = {
      ...FROM_PACK,
      rows: { selector: '.row', read: () => undefined, collect: (doc) => doc.querySelectorAll('.row') },
      page: () => ({ loggedIn: true }),
      hooks: { rows: () => 1 },
      title: () => 'count',
      watch: (win) => ({ targets: [win.document], attributes: [] }),
      subscribe: () => () => undefined,
      listPane: () => [],
    };
    expect((await choose(PACK, registers(full))).chosen).toEqual({ connector: full, packVersion: '1.2.0' });
  });
});

describe('chooseConnector: main gives no script, or no answer', () => {
  it('runs the built-in connector when main gives no script, and runs nothing else', async () => {
    for (const answer of [{ source: { kind: 'built-in', version: '1.0.0' } }, { source: { kind: 'downloaded', version: '1.2.0' } }]) {
      const run = await choose(answer, () => {
        throw new Error('nothing may run');
      });
      expect(run.chosen).toEqual(builtIn);
      expect(run.ran).toEqual([]);
      expect(run.sent).toEqual([]);
    }
  });

  it('runs the built-in connector when the answer is not one (main refused the question), and tells main nothing', async () => {
    const answers: unknown[] = [
      { ok: false, error: 'invalid', detail: 'rate-limited' },
      undefined,
      null,
      CODE,
      { code: CODE },
      { source: { kind: 'downloaded' }, code: CODE },
      { source: { kind: 'borrowed', version: '1.2.0' }, code: CODE },
      { source: { kind: 'downloaded', version: 120 }, code: CODE },
      { source: { kind: 'downloaded', version: '1.2.0' }, code: { text: CODE } },
    ];
    for (const answer of answers) {
      const run = await choose(answer, registers(FROM_PACK));
      expect(run.chosen, JSON.stringify(answer)).toEqual(builtIn);
      expect(run.ran).toEqual([]);
      expect(run.sent).toEqual([]);
    }
  });

  it('runs the built-in connector when asking main failed, or main did not answer in time', async () => {
    const failing = await chooseConnector({
      platform: 'whatsapp',
      builtIn: BUILT_IN,
      invoke: () => Promise.reject(new Error('no handler for svc:connector')),
      send: () => {
        throw new Error('nothing to tell');
      },
      frame: { executeJavaScriptInIsolatedWorld: () => Promise.reject(new Error('nothing to run')) },
      world: window,
    });
    expect(failing).toEqual(builtIn);

    vi.useFakeTimers();
    let settled: ChosenConnector | undefined;
    void chooseConnector({
      platform: 'whatsapp',
      builtIn: BUILT_IN,
      invoke: () => new Promise(() => undefined),
      send: () => undefined,
      frame: { executeJavaScriptInIsolatedWorld: () => Promise.reject(new Error('nothing to run')) },
      world: window,
    }).then((chosen) => (settled = chosen));
    await vi.advanceTimersByTimeAsync(ANSWER_TIMEOUT_MS - 1);
    expect(settled).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toEqual(builtIn);
  });
});

describe('startWhenParsed', () => {
  /** A document still being parsed, which the test finishes. */
  function parsing(): { doc: Pick<Document, 'readyState' | 'addEventListener'>; parsed: () => void } {
    const target = new EventTarget();
    const state: { readyState: DocumentReadyState } = { readyState: 'loading' };
    const doc = Object.assign(target, state);
    return {
      doc,
      parsed: () => {
        doc.readyState = 'interactive';
        target.dispatchEvent(new Event('DOMContentLoaded'));
      },
    };
  }
  const chosen: ChosenConnector = { connector: FROM_PACK, packVersion: '1.2.0' };
  const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

  it('starts at DOMContentLoaded, not before, even when the connector was chosen long before', async () => {
    const { doc, parsed } = parsing();
    const started: ChosenConnector[] = [];
    startWhenParsed(doc, Promise.resolve(chosen), (c) => started.push(c));
    await settle();
    expect(started).toEqual([]);
    parsed();
    await settle();
    expect(started).toEqual([chosen]);
    parsed();
    await settle();
    expect(started).toHaveLength(1);
  });

  it('waits for main’s answer when the page was parsed first, and starts as soon as it comes', async () => {
    const { doc, parsed } = parsing();
    const started: ChosenConnector[] = [];
    let answer: (c: ChosenConnector) => void = () => undefined;
    startWhenParsed(doc, new Promise((resolve) => (answer = resolve)), (c) => started.push(c));
    parsed();
    await settle();
    expect(started).toEqual([]);
    answer(chosen);
    await settle();
    expect(started).toEqual([chosen]);
  });

  it('starts at once on a document parsed already', async () => {
    const started: ChosenConnector[] = [];
    startWhenParsed(document, Promise.resolve(chosen), (c) => started.push(c));
    await settle();
    expect(document.readyState).not.toBe('loading');
    expect(started).toEqual([chosen]);
  });
});
