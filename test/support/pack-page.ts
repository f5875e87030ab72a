/**
 * A fixture page run as a service view runs with connector packs: in an isolated world (Chromium's, through CDP,
 * as Electron's context isolation makes one), preload/pack-loader.ts asks "main" which connector to run and starts
 * the agent with it at DOMContentLoaded, exactly as preload/service.ts does. The test plays main (its answer to
 * `svc:connector`, and what the page sends back) and Electron's `webFrame.executeJavaScriptInIsolatedWorld`: asked
 * to run code in world 999, the preload's own, it runs the code as a script source in that same isolated world
 * (CDP's Runtime.evaluate there), never through the page's eval; like Electron's, its promise does not reject
 * when the code throws.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { build } from 'vite';
import { CHANNELS } from '../../common/channels';
import type { ServiceUpdate } from '../../common/ipc';
import type { PlatformId } from '../../common/model';

const root = path.resolve(import.meta.dirname, '../..');
/** The world Electron runs a context-isolated preload in, as electron.d.ts says ("Electron's preload world (ID `999`)"). */
const ELECTRON_PRELOAD_WORLD = 999;
const WORLD = 'wasl';
/** The page's messages to main (`ipcRenderer.send`). */
const SEND = 'waslPackSend';
/** The page asks the test to run code in an isolated world (`webFrame.executeJavaScriptInIsolatedWorld`). */
const RUN = 'waslPackRun';
/** Called in the isolated world when the code the page asked to run has run. */
const RAN = '__waslPackTestRan';
/** When "main" answered, in the isolated world (`performance.now()`, the page's clock). */
export const ANSWERED_AT = 'WaslPackAnsweredAt';

/** Bundles `entry` (a file in test/support) into one classic script, as the pack build and the preload build do. */
async function bundle(entry: string, file: string): Promise<string> {
  const out = path.join(root, 'out/test', file);
  await build({
    configFile: false,
    logLevel: 'warn',
    root,
    build: {
      outDir: path.dirname(out),
      emptyOutDir: false,
      minify: false,
      target: 'chrome120',
      lib: { entry: path.join(root, 'test/support', entry), formats: ['iife'], name: 'WaslPackTestBundle', fileName: () => file },
    },
  });
  return readFileSync(out, 'utf8');
}

export interface PackBundles {
  /** pack-loader-entry.ts: what the service preload does with packs. */
  loader: string;
  /** test-pack-entry.ts: a pack's WhatsApp connector script, its chats tagged. */
  whatsappPack: string;
}

/** Builds both scripts (once per test file: a few seconds). */
export async function buildPackBundles(): Promise<PackBundles> {
  const loader = await bundle('pack-loader-entry.ts', 'wasl-pack-loader.js');
  const whatsappPack = await bundle('test-pack-entry.ts', 'wasl-test-pack-whatsapp.js');
  return { loader, whatsappPack };
}

export interface PackPageOptions {
  platform: PlatformId;
  url: string;
  /** What main answers the page's `svc:connector`. */
  answer: unknown;
  /** How long main takes to answer (default at once). */
  answerAfterMs?: number;
  /** A script run in the page's main world before the page's own scripts. */
  mainWorldScript?: string;
}

export interface PackPage {
  page: Page;
  context: BrowserContext;
  /** The agent's updates, in order. */
  updates: ServiceUpdate[];
  /** Everything else the page sent main, in order (`svc:connector-failed`). */
  sent: { channel: string; payload: unknown }[];
  /** What the page asked Electron to run, and in which world. */
  ran: { worldId: number; code: string }[];
  /** Evaluates `expression` in the isolated world; awaits promises. */
  isolated<T>(expression: string): Promise<T>;
  /** Waits until the agent has sent at least `count` updates. */
  waitForUpdates(count: number, timeoutMs?: number): Promise<ServiceUpdate[]>;
  close(): Promise<void>;
}

function boot(loader: string, options: PackPageOptions): string {
  const platform = JSON.stringify(options.platform);
  return `${loader}
;(() => {
  const T = globalThis.WaslPackTest;
  const running = new Map();
  let next = 0;
  globalThis.${RAN} = (id) => {
    const done = running.get(id);
    running.delete(id);
    if (done) done(undefined);
  };
  const frame = {
    executeJavaScriptInIsolatedWorld: (worldId, scripts) =>
      new Promise((resolve) => {
        const id = ++next;
        running.set(id, resolve);
        ${RUN}(JSON.stringify({ id, worldId, scripts }));
      }),
  };
  const answer = ${options.answer === undefined ? 'undefined' : JSON.stringify(options.answer)};
  const invoke = (channel) =>
    new Promise((resolve) =>
      setTimeout(() => {
        globalThis.${ANSWERED_AT} = performance.now();
        resolve(channel === ${JSON.stringify(CHANNELS.serviceConnector)} ? answer : undefined);
      }, ${options.answerAfterMs ?? 0}),
    );
  const send = (channel, payload) => ${SEND}(JSON.stringify({ channel, payload }));
  const chosen = T.chooseConnector({ platform: ${platform}, builtIn: T.connectors[${platform}], invoke, send, frame, world: window });
  T.startWhenParsed(document, chosen, ({ connector, packVersion }) => {
    globalThis.WaslAgent = T.startAgent({
      win: window,
      connector,
      packVersion,
      send: (update) => send(${JSON.stringify(CHANNELS.serviceUpdate)}, update),
      notify: () => undefined,
    });
  });
})();`;
}

export async function openPackPage(browser: Browser, bundles: PackBundles, options: PackPageOptions): Promise<PackPage> {
  const context = await browser.newContext({ timezoneId: 'UTC', locale: 'en-US', viewport: { width: 1200, height: 800 } });
  const page = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(page);
  const updates: ServiceUpdate[] = [];
  const sent: PackPage['sent'] = [];
  const ran: PackPage['ran'] = [];
  const contexts = new Map<string, number>();

  await cdp.send('Runtime.enable');
  await cdp.send('Page.enable');
  cdp.on('Runtime.executionContextCreated', (event) => {
    const aux = event.context.auxData as { frameId?: string } | undefined;
    if (event.context.name === WORLD && aux?.frameId !== undefined) contexts.set(aux.frameId, event.context.id);
  });
  const runInWorld = async (contextId: number, payload: string): Promise<void> => {
    const { id, worldId, scripts } = JSON.parse(payload) as { id: number; worldId: number; scripts: { code: string }[] };
    for (const { code } of scripts) {
      ran.push({ worldId, code });
      // World 999 is the preload's own, where it runs; any other world would be a fresh one without the register function.
      if (worldId === ELECTRON_PRELOAD_WORLD) await cdp.send('Runtime.evaluate', { expression: code, contextId });
    }
    await cdp.send('Runtime.evaluate', { expression: `${RAN}(${id})`, contextId });
  };
  cdp.on('Runtime.bindingCalled', (event) => {
    if (event.name === RUN) {
      void runInWorld(event.executionContextId, event.payload);
      return;
    }
    if (event.name !== SEND) return;
    const message = JSON.parse(event.payload) as { channel: string; payload: unknown };
    if (message.channel === CHANNELS.serviceUpdate) updates.push(message.payload as ServiceUpdate);
    else sent.push(message);
  });
  await cdp.send('Runtime.addBinding', { name: SEND, executionContextName: WORLD });
  await cdp.send('Runtime.addBinding', { name: RUN, executionContextName: WORLD });
  if (options.mainWorldScript !== undefined) await page.addInitScript({ content: options.mainWorldScript });
  await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: boot(bundles.loader, options), worldName: WORLD });
  await page.goto(options.url);

  const isolated = async <T>(expression: string): Promise<T> => {
    const frameId = (await cdp.send('Page.getFrameTree')).frameTree.frame.id;
    const contextId = contexts.get(frameId);
    if (contextId === undefined) throw new Error('the isolated world is not there (yet)');
    const result = await cdp.send('Runtime.evaluate', { expression, contextId, awaitPromise: true, returnByValue: true });
    if (result.exceptionDetails) throw new Error(`in the isolated world: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
    return result.result.value as T;
  };

  return {
    page,
    context,
    updates,
    sent,
    ran,
    isolated,
    async waitForUpdates(count, timeoutMs = 8_000) {
      const started = Date.now();
      while (updates.length < count) {
        if (Date.now() - started > timeoutMs) throw new Error(`waited for ${count} updates, got ${updates.length}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return updates;
    },
    async close() {
      await context.close();
    },
  };
}
