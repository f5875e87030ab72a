/**
 * ViewsPort backed by real pages: each service is a fixture page in its own browser context (the analogue of its
 * partition), with the notification shim in the page's world and the connector and agent in an isolated world,
 * as Electron runs them. What the agent sends goes through main's own schemas into main's core; what main sends
 * the service (open a chat, type, a notification click, resync) reaches the agent.
 */
import type { Browser } from 'playwright-core';
import { z } from 'zod';
import { CHANNELS } from '../../common/channels';
import { PANE_CSS } from '../../common/compact';
import { pageNotificationSchema, serviceUpdateSchema, type PageNotification, type ServiceUpdate } from '../../common/ipc';
import type { ServiceConfig } from '../../common/model';
import type { Rect } from '../../common/ipc';
import type { ViewsPort } from '../../main/core/app/ports';
import type { FindOptions, FindPort, FoundInPage, StopAction } from '../../main/core/find/find';
import { openAgentPage, type AgentPage } from './agent-page';

export interface PageViewsTargets {
  /** main's handling of `svc:update`; false asks the page for a full update. */
  update(serviceId: string, update: ServiceUpdate): boolean;
  /** main's handling of `svc:notification`. */
  notice(serviceId: string, notice: PageNotification): void;
  /** main's handling of `svc:insert-result`: whether the page typed a quick reply. */
  inserted?(serviceId: string, requestId: string, ok: boolean): void;
  /** main's handling of a page's `found-in-page` (FindController.found). */
  found?(serviceId: string, result: FoundInPage): void;
}

/** What the find stand-in answers of a page: how many matches, and which one it selected (from 1; 0: none). */
interface FindAnswer {
  matches: number;
  active: number;
}

/** What main sends a page to type (see PageRequests.insertText, main/core/services/requests.ts). */
const insertRequestSchema = z.object({ requestId: z.string(), text: z.string() });

export class PageViews implements ViewsPort, FindPort {
  readonly pages = new Map<string, AgentPage>();
  /** What main asked for, in order (for assertions). */
  readonly sent: { id: string; channel: string; payload: unknown }[] = [];
  readonly rejected: unknown[] = [];
  /** The services whose page main gave the keyboard focus, in order. */
  readonly focused: string[] = [];
  /** Every find main asked of a page (FindPort), with the request id it was given, and every stop, in order. */
  readonly finds: { id: string; requestId: number; text: string; options: FindOptions }[] = [];
  readonly findStops: { id: string; action: StopAction }[] = [];
  private nextFindRequest = 1;
  /** What main asked of each page's chat-list pane (compact view), in order. */
  readonly panes: { id: string; hidden: boolean }[] = [];
  /** The zoom factors main asked for, in order. */
  readonly zooms: { id: string; factor: number }[] = [];
  private targets: PageViewsTargets | undefined;
  private readonly opening = new Map<string, Promise<AgentPage>>();
  /** Messages that arrived before main's core was connected, delivered on `connect`. */
  private readonly early: ((targets: PageViewsTargets) => void)[] = [];

  constructor(
    private readonly browser: Browser,
    /** Where each service's fixture lives. */
    private readonly urls: Readonly<Record<string, string>>,
    /** Where the pages' clocks start (default: the fixtures' dataset time). */
    private readonly now?: number,
  ) {}

  /** main's core, once it exists (it needs this port first). */
  connect(targets: PageViewsTargets): void {
    this.targets = targets;
    for (const deliver of this.early.splice(0)) deliver(targets);
  }

  private deliver(deliver: (targets: PageViewsTargets) => void): void {
    if (this.targets) deliver(this.targets);
    else this.early.push(deliver);
  }

  /** The page of a service, once it has opened. */
  async page(serviceId: string): Promise<AgentPage> {
    const page = this.pages.get(serviceId) ?? (await this.opening.get(serviceId));
    if (!page) throw new Error(`no page for ${serviceId}`);
    return page;
  }

  open(service: ServiceConfig, resumeUrl?: string): void {
    if (this.pages.has(service.id) || this.opening.has(service.id)) return;
    const url = resumeUrl ?? this.urls[service.id];
    if (url === undefined) throw new Error(`no fixture for ${service.id}`);
    const opening = openAgentPage(this.browser, {
      platform: service.platform,
      url,
      ...(this.now === undefined ? {} : { now: this.now }),
      onUpdate: (raw) => {
        const parsed = serviceUpdateSchema.safeParse(raw);
        if (!parsed.success) {
          this.rejected.push(raw);
          return;
        }
        const update = parsed.data;
        this.deliver((targets) => {
          if (!targets.update(service.id, update)) this.send(service.id, CHANNELS.serviceResync);
        });
      },
      onNotice: (raw) => {
        const parsed = pageNotificationSchema.safeParse(raw);
        if (!parsed.success) {
          this.rejected.push(raw);
          return;
        }
        const notice = parsed.data;
        this.deliver((targets) => {
          targets.notice(service.id, notice);
        });
      },
    });
    this.opening.set(service.id, opening);
    void opening.then((page) => {
      this.pages.set(service.id, page);
      this.opening.delete(service.id);
    });
  }

  close(serviceId: string): string | undefined {
    const page = this.pages.get(serviceId);
    this.pages.delete(serviceId);
    const url = page?.page.url();
    void page?.close();
    return url;
  }

  processId(): number | undefined {
    // Playwright does not tell a page's process: the resources screen is tested with the recording views.
    return undefined;
  }

  reload(service: ServiceConfig): void {
    const page = this.pages.get(service.id);
    if (page) void page.page.reload();
    else this.open(service);
  }

  present(_serviceId: string | null, _rect: Rect | null): void {
    // Pages are not laid out in a window here; which one is in front is the shell's state.
  }

  setAudioMuted(): void {
    // Fixture pages play no sound.
  }

  /** The stylesheet hiding each service page's chat-list pane (compact view), by the key its page answered. */
  private readonly paneSheets = new Map<string, Promise<string>>();

  setZoom(serviceId: string, factor: number): void {
    this.zooms.push({ id: serviceId, factor });
  }

  setListPaneHidden(serviceId: string, hidden: boolean): void {
    this.panes.push({ id: serviceId, hidden });
    const sheet = this.paneSheets.get(serviceId);
    if (hidden && sheet === undefined) {
      const key = this.page(serviceId).then((page) => page.insertCSS(PANE_CSS));
      key.catch(() => undefined);
      this.paneSheets.set(serviceId, key);
    } else if (!hidden && sheet !== undefined) {
      this.paneSheets.delete(serviceId);
      void Promise.all([this.page(serviceId), sheet]).then(([page, key]) => page.removeInsertedCSS(key)).catch(() => undefined);
    }
  }

  clearStorage(serviceId: string): Promise<void> {
    this.close(serviceId);
    return Promise.resolve();
  }

  focus(serviceId: string): void {
    this.focused.push(serviceId);
  }

  send(serviceId: string, channel: string, payload?: unknown): void {
    this.sent.push({ id: serviceId, channel, payload });
    const page = this.pages.get(serviceId);
    if (!page) return;
    const call = (expression: string): void => {
      void page.isolated(expression).catch(() => undefined);
    };
    if (channel === CHANNELS.serviceOpenChat && typeof payload === 'string') call(`WaslAgent.openChat(${JSON.stringify(payload)})`);
    else if (channel === CHANNELS.serviceInsertText && typeof payload === 'object' && payload !== null) {
      const parsed = insertRequestSchema.safeParse(payload);
      if (!parsed.success) return;
      const { requestId, text } = parsed.data;
      void page.isolated<boolean>(`WaslAgent.insertText(${JSON.stringify(text)})`).then(
        (ok) => this.deliver((targets) => targets.inserted?.(serviceId, requestId, ok)),
        () => this.deliver((targets) => targets.inserted?.(serviceId, requestId, false)),
      );
    }
    else if (channel === CHANNELS.serviceResync) call('WaslAgent.resync()');
    else if (channel === CHANNELS.serviceNotificationClick && typeof payload === 'object' && payload !== null) {
      const { id, chatId } = payload as { id?: unknown; chatId?: unknown };
      call(`WaslAgent.clickNotice(${JSON.stringify(id)}, ${JSON.stringify(chatId)})`);
    }
  }

  /**
   * Electron's webContents.findInPage, stood in for: Chromium's DevTools protocol has no find in page. It searches
   * the page's visible text nodes, case-insensitively, as Chromium's find does; a new session selects the first
   * match, a follow-up the next or previous one (wrapping round); the match is selected and scrolled to. It
   * answers as Electron does, later and more than once per request: first the count and the selected match, then a
   * final answer that leaves the selected match as it was (-1).
   */
  find(serviceId: string, text: string, options: FindOptions): number | undefined {
    const page = this.pages.get(serviceId);
    if (!page) return undefined;
    const requestId = this.nextFindRequest++;
    this.finds.push({ id: serviceId, requestId, text, options });
    void page.page
      .evaluate(
        ({ needle, forward, fresh }): FindAnswer => {
          const w = window as unknown as { waslFind?: { text: string; active: number } };
          const state = (w.waslFind ??= { text: '', active: -1 });
          const lower = needle.toLocaleLowerCase();
          const ranges: Range[] = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
            const parent = node.parentElement;
            if (parent === null || !parent.checkVisibility()) continue;
            const hay = (node.nodeValue ?? '').toLocaleLowerCase();
            for (let at = hay.indexOf(lower); at !== -1; at = hay.indexOf(lower, at + lower.length)) {
              const range = document.createRange();
              range.setStart(node, at);
              range.setEnd(node, at + lower.length);
              ranges.push(range);
            }
          }
          const n = ranges.length;
          if (fresh || state.text !== needle) state.active = n > 0 ? 0 : -1;
          else if (n > 0) state.active = (((state.active + (forward ? 1 : -1)) % n) + n) % n;
          state.text = needle;
          const selection = getSelection();
          selection?.removeAllRanges();
          const chosen = ranges[state.active];
          if (chosen) {
            selection?.addRange(chosen);
            chosen.startContainer.parentElement?.scrollIntoView({ block: 'nearest' });
          }
          return { matches: n, active: state.active + 1 };
        },
        { needle: text, forward: options.forward, fresh: options.findNext },
      )
      .then(
        (answer) =>
          this.deliver((targets) => {
            targets.found?.(serviceId, { requestId, activeMatchOrdinal: answer.active, matches: answer.matches, finalUpdate: false });
            targets.found?.(serviceId, { requestId, activeMatchOrdinal: -1, matches: answer.matches, finalUpdate: true });
          }),
        () => undefined,
      );
    return requestId;
  }

  stopFind(serviceId: string, action: StopAction): void {
    this.findStops.push({ id: serviceId, action });
    const page = this.pages.get(serviceId);
    if (!page) return;
    void page.page
      .evaluate((clear) => {
        (window as unknown as { waslFind?: unknown }).waslFind = undefined;
        if (clear) getSelection()?.removeAllRanges();
      }, action === 'clearSelection')
      .catch(() => undefined);
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.opening.values()]);
    await Promise.all([...this.pages.values()].map((p) => p.close()));
    this.pages.clear();
  }
}
