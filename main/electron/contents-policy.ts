/**
 * Guards every webContents Electron creates (attached from `app.on('web-contents-created')`): `<webview>` is
 * blocked, and navigations and `window.open` follow the policy of the contents' owner — the shell, a service,
 * or nobody (deny everything). Owners are looked up when an event fires, so a contents is never unguarded, even
 * before Wasl knows whose it is. Child windows (sign-in popups) inherit their opener's owner.
 */
import { RateLimiter } from '../ipc/router';
import type { Clock, Logger } from '../core/ports';
import {
  decideNavigation,
  decideShellNavigation,
  decideWindowOpen,
  type NavigationDecision,
  type WindowOpenDecision,
} from '../security/policy';
import type { InputLike, WebContentsLike, WindowOpenResponse } from './api';
import { secureWebPreferences } from './web-preferences';

export type Owner = { kind: 'shell' } | { kind: 'service'; serviceId: string };

export interface ContentsPolicyDeps {
  openExternal(url: string): Promise<void>;
  /** The allowed origins of a service, read live (a custom service's URL may change). */
  originsOf(serviceId: string): readonly string[] | undefined;
  shellOrigin: { protocol: string; host: string };
  /** A key press in any contents; true when it was an app shortcut (the page then never sees it). */
  onInput(input: InputLike): boolean;
  clock: Clock;
  log: Logger;
}

/** External opens a contents may trigger: one a second, three at once. A page cannot spam the browser. */
const EXTERNAL_RATE = 1;
const EXTERNAL_BURST = 3;

export class ContentsPolicy {
  private readonly owners = new Map<number, Owner>();
  private readonly external: RateLimiter;

  constructor(private readonly deps: ContentsPolicyDeps) {
    this.external = new RateLimiter(EXTERNAL_RATE, EXTERNAL_BURST, deps.clock);
  }

  assign(contentsId: number, owner: Owner): void {
    this.owners.set(contentsId, owner);
  }

  ownerOf(contentsId: number): Owner | undefined {
    return this.owners.get(contentsId);
  }

  /** The service a contents (a service view or one of its popups) belongs to. */
  serviceOf(contentsId: number): string | undefined {
    const owner = this.owners.get(contentsId);
    return owner?.kind === 'service' ? owner.serviceId : undefined;
  }

  attach(contents: WebContentsLike): void {
    const id = contents.id;
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      this.deps.log.warn('blocked a <webview>', { contents: id });
    });
    const onNavigate = (details: { url: string; isMainFrame: boolean; preventDefault(): void }): void => {
      if (!details.isMainFrame) return;
      const decision = this.navigation(id, details.url);
      if (decision.action === 'allow') return;
      details.preventDefault();
      this.carryOut(id, decision, details.url);
    };
    contents.on('will-navigate', onNavigate);
    contents.on('will-redirect', onNavigate);
    contents.setWindowOpenHandler(({ url }) => this.windowOpen(id, url));
    contents.on('did-create-window', (child) => {
      const owner = this.owners.get(id);
      if (owner) this.assign(child.webContents.id, owner);
    });
    contents.on('before-input-event', (event, input) => {
      if (this.deps.onInput(input)) event.preventDefault();
    });
    contents.on('destroyed', () => {
      this.owners.delete(id);
      this.external.forget(String(id));
    });
  }

  private navigation(id: number, url: string): NavigationDecision {
    const owner = this.owners.get(id);
    if (owner?.kind === 'shell') return decideShellNavigation(url, this.deps.shellOrigin);
    const origins = owner ? this.deps.originsOf(owner.serviceId) : undefined;
    if (!origins) return { action: 'deny' };
    return decideNavigation(url, origins);
  }

  private windowOpen(id: number, url: string): WindowOpenResponse {
    const owner = this.owners.get(id);
    let decision: WindowOpenDecision;
    const origins = owner?.kind === 'service' ? this.deps.originsOf(owner.serviceId) : undefined;
    if (origins) {
      decision = decideWindowOpen(url, origins);
    } else if (owner?.kind === 'shell') {
      const nav = decideShellNavigation(url, this.deps.shellOrigin);
      decision = nav.action === 'external' ? nav : { action: 'deny' };
    } else {
      decision = { action: 'deny' };
    }
    if (decision.action === 'child') {
      return {
        action: 'allow',
        overrideBrowserWindowOptions: {
          width: 520,
          height: 720,
          autoHideMenuBar: true,
          webPreferences: secureWebPreferences({}),
        },
      };
    }
    this.carryOut(id, decision, url);
    return { action: 'deny' };
  }

  private carryOut(id: number, decision: Exclude<NavigationDecision, { action: 'allow' }>, url: string): void {
    if (decision.action === 'deny') {
      this.deps.log.warn('refused a navigation', { contents: id, url: url.slice(0, 200) });
      return;
    }
    if (!this.external.take(String(id))) {
      this.deps.log.warn('refused to open a link: too many at once', { contents: id });
      return;
    }
    this.deps.openExternal(decision.url).catch((error: unknown) => {
      this.deps.log.error('could not open a link in the default browser', { error: String(error) });
    });
  }
}
