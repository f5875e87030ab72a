/**
 * A fixture page run the way Electron runs a service view: the notification shim in the page's own world before
 * its scripts, and the connectors and the agent in an isolated world (Chromium's, through CDP — the same mechanism
 * Electron's context isolation uses), talking to the test through a binding that only that world can see.
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import type { ServiceUpdate } from '../../common/ipc';
import type { PlatformId, ServiceSnapshot } from '../../common/model';
import type { AgentNotice } from '../../preload/agent';
import { pageBundle } from './page-bundle';

const WORLD = 'wasl';
const BINDING = 'waslSend';

export interface AgentPageOptions {
  platform: PlatformId;
  url: string;
  /**
   * The real site's origin (`https://www.messenger.com`) to serve the fixture at `url` from, for connectors that
   * tell sites apart by their host: the page loads at that origin, and its requests there are answered by the
   * fixture server.
   */
  origin?: string;
  /**
   * Answers every request of the page instead of the network, as a session's protocol handler does in Electron
   * (the demo's, main/electron/demo.ts): `url` is then loaded as it is, a real site's address.
   */
  serve?: (request: { url: string }) => Promise<Response>;
  /** Start the agent at DOMContentLoaded, as service.ts does (default true). */
  agent?: boolean;
  /** Where the page's clock starts (the fixtures' data is dated; default: the dataset's "now"); it runs on from there. */
  now?: number;
  timezoneId?: string;
  /** Grant the page notification permission, as Wasl's permission handler does (default true). */
  notifications?: boolean;
  /** Called with each update and notice as it arrives (besides being kept in `updates`/`notices`). */
  onUpdate?: (update: ServiceUpdate) => void;
  onNotice?: (notice: AgentNotice) => void;
}

/** The moment the fixtures' dataset counts from (test/fixtures/platforms/lib/dataset.js). */
export const DATASET_NOW = Date.UTC(2026, 10, 21, 9, 30);

export interface AgentPage {
  page: Page;
  context: BrowserContext;
  /** Updates the agent sent, in order. */
  updates: ServiceUpdate[];
  /** Notices the agent forwarded, in order. */
  notices: AgentNotice[];
  /** Evaluates `expression` in the isolated world (where `WaslTest` and `WaslAgent` live); awaits promises. */
  isolated<T>(expression: string): Promise<T>;
  /** The platform's connector read, run in the isolated world. */
  read(): Promise<ServiceSnapshot>;
  /** Runs a scripted change of the fixture (`fixture.step(name, ...args)`) in the page. */
  step(name: string, ...args: unknown[]): Promise<void>;
  /** Waits until the agent has sent at least `count` updates. */
  waitForUpdates(count: number, timeoutMs?: number): Promise<ServiceUpdate[]>;
  /**
   * Adds a stylesheet to the page's document from outside it, as Electron's `webContents.insertCSS` does (through
   * DevTools, so the page's Content-Security-Policy does not apply); answers the key that removes it.
   */
  insertCSS(css: string): Promise<string>;
  removeInsertedCSS(key: string): Promise<void>;
  close(): Promise<void>;
}

/** Shifts Date so that the page's "now" starts at `now` and runs on (in whichever world it is evaluated). */
function shiftClock(now: number): string {
  return `(() => {
    const RealDate = Date;
    const offset = ${now} - RealDate.now();
    class ShiftedDate extends RealDate {
      constructor(...args) { super(...(args.length === 0 ? [RealDate.now() + offset] : args)); }
      static now() { return RealDate.now() + offset; }
    }
    globalThis.Date = ShiftedDate;
  })();`;
}

function boot(platform: PlatformId, agent: boolean, now: number): string {
  const start = agent
    ? `document.addEventListener('DOMContentLoaded', () => {
        globalThis.WaslAgent = WaslTest.startAgent({
          win: window,
          connector: WaslTest.connectors[${JSON.stringify(platform)}],
          send: (data) => {
            globalThis.WaslLastSentAt = performance.now();
            ${BINDING}(JSON.stringify({ kind: 'update', data }));
          },
          notify: (data) => ${BINDING}(JSON.stringify({ kind: 'notice', data })),
        });
      });`
    : '';
  return `${shiftClock(now)}\n${pageBundle()}\n;${start}`;
}

export async function openAgentPage(browser: Browser, options: AgentPageOptions): Promise<AgentPage> {
  const context = await browser.newContext({ timezoneId: options.timezoneId ?? 'UTC', locale: 'en-US', viewport: { width: 1200, height: 800 } });
  if (options.notifications ?? true) await context.grantPermissions(['notifications'], { origin: new URL(options.origin ?? options.url).origin });
  const page = await context.newPage();
  const now = options.now ?? DATASET_NOW;
  const cdp: CDPSession = await context.newCDPSession(page);
  const updates: ServiceUpdate[] = [];
  const notices: AgentNotice[] = [];
  const contexts = new Map<string, number>();

  await cdp.send('Runtime.enable');
  await cdp.send('Page.enable');
  cdp.on('Runtime.executionContextCreated', (event) => {
    const aux = event.context.auxData as { frameId?: string } | undefined;
    if (event.context.name === WORLD && aux?.frameId !== undefined) contexts.set(aux.frameId, event.context.id);
  });
  cdp.on('Runtime.bindingCalled', (event) => {
    if (event.name !== BINDING) return;
    const message = JSON.parse(event.payload) as { kind: 'update'; data: ServiceUpdate } | { kind: 'notice'; data: AgentNotice };
    if (message.kind === 'update') {
      updates.push(message.data);
      options.onUpdate?.(message.data);
    } else {
      notices.push(message.data);
      options.onNotice?.(message.data);
    }
  });
  await cdp.send('Runtime.addBinding', { name: BINDING, executionContextName: WORLD });
  const { installNotificationShim, SHIM_EVENTS } = await import('../../preload/notification-shim');
  await page.addInitScript({ content: `${shiftClock(now)}\n(${installNotificationShim.toString()})(${JSON.stringify(SHIM_EVENTS)});` });
  await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: boot(options.platform, options.agent ?? true, now), worldName: WORLD });
  let url = options.url;
  const serve = options.serve;
  if (serve !== undefined) {
    await context.route('**/*', async (route) => {
      const response = await serve({ url: route.request().url() });
      await route.fulfill({ status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) });
    });
  } else if (options.origin !== undefined) {
    const fixtures = new URL(options.url);
    const site = new URL(options.origin);
    await context.route((address) => address.origin === site.origin, async (route) => {
      const asked = new URL(route.request().url());
      await route.fulfill({ response: await route.fetch({ url: `${fixtures.origin}${asked.pathname}${asked.search}` }) });
    });
    url = `${site.origin}${fixtures.pathname}${fixtures.search}`;
  }
  await page.goto(url);

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
    notices,
    isolated,
    read: () => isolated<ServiceSnapshot>(`WaslTest.connectors[${JSON.stringify(options.platform)}].read(window)`),
    async step(name, ...args) {
      await page.evaluate(([n, a]) => {
        (window as unknown as { fixture: { step(name: string, ...args: unknown[]): void } }).fixture.step(n, ...a);
      }, [name, args] as const);
    },
    async waitForUpdates(count, timeoutMs = 5_000) {
      const started = Date.now();
      while (updates.length < count) {
        if (Date.now() - started > timeoutMs) throw new Error(`waited for ${count} updates, got ${updates.length}: ${JSON.stringify(updates.map((u) => u.seq))}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return updates;
    },
    async insertCSS(css) {
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const frameId = (await cdp.send('Page.getFrameTree')).frameTree.frame.id;
      const { styleSheetId } = await cdp.send('CSS.createStyleSheet', { frameId });
      await cdp.send('CSS.setStyleSheetText', { styleSheetId, text: css });
      return styleSheetId;
    },
    async removeInsertedCSS(key) {
      await cdp.send('CSS.setStyleSheetText', { styleSheetId: key, text: '' });
    },
    async close() {
      await context.close();
    },
  };
}
