/**
 * "Save page outline for a bug report": asks a service's page for its outline (preload/outline.ts: what the page
 * is built of, every text replaced by its shape), checks it is one (common/outline-schema.ts refuses anything else a
 * hostile page might send), and saves it where the user picks, as JSON with a readable .txt copy beside it.
 */
import { CHANNELS } from '../../../common/channels';
import type { CommandResult } from '../../../common/ipc';
import { outlineText, type PageOutline } from '../../../common/outline';
import { parseOutline } from '../../../common/outline-schema';
import type { AppStore } from '../app/app-store';
import type { FilesPort } from '../shop/data-transfer';
import type { Clock, Logger, TimerHandle, ViewsPort } from '../app/ports';

/** How long a page has to outline itself (a large page takes about two seconds). */
export const OUTLINE_TIMEOUT_MS = 15_000;

export interface OutlineDeps {
  store: AppStore;
  views: Pick<ViewsPort, 'send'>;
  files: FilesPort;
  clock: Clock;
  log: Logger;
  newId: () => string;
  /** Whether the service's page is up and has reported, so it can answer now. */
  pageUp(serviceId: string): boolean;
  appVersion: string;
}

export class OutlineRequests {
  private readonly pending = new Map<string, { serviceId: string; done: (json: string | undefined) => void }>();

  constructor(private readonly deps: OutlineDeps) {}

  /** Asks the page for its outline and saves it; answers once saved, cancelled or failed. */
  async save(serviceId: string): Promise<CommandResult> {
    const { store, clock, log } = this.deps;
    const service = store.getState().services.find((s) => s.id === serviceId);
    if (!service?.enabled) return { ok: false, error: 'not-found' };
    if (!this.deps.pageUp(serviceId)) return { ok: false, error: 'failed', detail: 'page not loaded' };
    const json = await this.ask(serviceId);
    if (json === undefined) return { ok: false, error: 'failed', detail: 'no answer' };
    let outline: PageOutline;
    try {
      outline = parseOutline(json);
    } catch (error) {
      log.warn('a page sent something that is not an outline', { service: serviceId, error: String(error) });
      return { ok: false, error: 'invalid-file', detail: 'not an outline' };
    }
    // The version is main's to say, not the page's.
    outline = { ...outline, wasl: this.deps.appVersion, platform: service.platform };
    const day = new Date(clock.now()).toISOString().slice(0, 10);
    const target = await this.deps.files.chooseSave('outline', `wasl-${service.platform}-outline-${day}.json`);
    if (target === undefined) return { ok: false, error: 'cancelled' };
    await this.deps.files.write(target, `${JSON.stringify(outline, null, 1)}\n`);
    await this.deps.files.write(target.replace(/\.json$/iu, '') + '.txt', outlineText(outline));
    log.info('page outline saved', { service: serviceId });
    return { ok: true };
  }

  /** The page's answer. Answers from another service's page, or late ones, are ignored. */
  answer(serviceId: string, requestId: string, json: string): void {
    const pending = this.pending.get(requestId);
    if (pending?.serviceId === serviceId) pending.done(json);
  }

  private ask(serviceId: string): Promise<string | undefined> {
    const requestId = this.deps.newId();
    return new Promise((resolve) => {
      let timer: TimerHandle | undefined;
      const done = (json: string | undefined): void => {
        if (!this.pending.delete(requestId)) return;
        if (timer !== undefined) this.deps.clock.clearTimeout(timer);
        resolve(json);
      };
      this.pending.set(requestId, { serviceId, done });
      timer = this.deps.clock.setTimeout(() => done(undefined), OUTLINE_TIMEOUT_MS);
      this.deps.views.send(serviceId, CHANNELS.serviceOutlineRequest, { requestId });
    });
  }
}
