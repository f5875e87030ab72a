/**
 * Guards every webContents Electron creates (attached from `app.on('web-contents-created')`): `<webview>` is
 * blocked, and navigations and `window.open` follow the policy of the contents' owner — the shell, a service,
 * or nobody (deny everything). Owners are looked up when an event fires, so a contents is never unguarded, even
 * before Wasl knows whose it is. Child windows (sign-in popups) inherit their opener's owner.
 *
 * A contents hands a link to the default browser or mail client only right after the user clicked or pressed a
 * key in it (GESTURE_MS), and at most EXTERNAL_RATE a second: a page cannot open the browser on its own.
 *
 * While Wasl is locked (`setLocked`) the windows services opened are hidden and no new one opens (./popups.ts).
 */
import { RateLimiter } from '../security/rate-limiter';
import type { Clock, Logger } from '../core/app/ports';
import {
  decideNavigation,
  decideShellNavigation,
  decideWindowOpen,
  type NavigationDecision,
  type WindowOpenDecision,
} from '../security/policy';
import type { InputLike, WebContentsLike, WindowOpenResponse } from './api';
import { PopupWindows, type OwnedPopup } from './popups';
import { secureWebPreferences } from './web-preferences';

export type Owner = { kind: 'shell' } | { kind: 'service'; serviceId: string };

export interface ContentsPolicyDeps {
  openExternal(url: string): Promise<void>;
  /** The allowed origins of a service, read live (a custom service's URL may change). */
  originsOf(serviceId: string): readonly string[] | undefined;
  shellOrigin: { protocol: string; host: string };
  /**
   * A key press in any contents, with its owner as known then (a shortcut may leave a key to the site the page is
   * of); true when it was an app shortcut (the page then never sees it).
   */
  onInput(input: InputLike, owner: Owner | undefined): boolean;
  clock: Clock;
  log: Logger;
}

/** External opens a contents may trigger: one a second, three at once. A page cannot spam the browser. */
const EXTERNAL_RATE = 1;
const EXTERNAL_BURST = 3;
/** How long after a click or key press in a contents it may still open the default browser. */
export const GESTURE_MS = 1_000;
/** Input that is the user's own doing (`input-event` types): pressing or releasing a button, a key or a finger. */
const GESTURES = new Set(['mouseDown', 'mouseUp', 'rawKeyDown', 'keyDown', 'keyUp', 'touchStart', 'touchEnd', 'gestureTap']);

export class ContentsPolicy {
  private readonly owners = new Map<number, Owner>();
  private readonly external: RateLimiter;
  /** When the user last clicked or pressed a key in each contents. */
  private readonly gestures = new Map<number, number>();
  /** Contents already logged for trying to open a link on their own (logged once each). */
  private readonly ungestured = new Set<number>();
  private readonly popups = new PopupWindows();

  constructor(private readonly deps: ContentsPolicyDeps) {
    this.external = new RateLimiter(EXTERNAL_RATE, EXTERNAL_BURST, deps.clock);
  }

  assign(contentsId: number, owner: Owner): void {
    this.owners.set(contentsId, owner);
  }

  /** Wasl locked or unlocked: the services' windows hide (no new one opens) or come back. */
  setLocked(locked: boolean): void {
    this.popups.setLocked(locked);
  }

  ownerOf(contentsId: number): Owner | undefined {
    return this.owners.get(contentsId);
  }

  /** The service a contents (a service view or one of its popups) belongs to. */
  serviceOf(contentsId: number): string | undefined {
    const owner = this.owners.get(contentsId);
    return owner?.kind === 'service' ? owner.serviceId : undefined;
  }

  /** The windows services' pages opened and still open, each with its service. */
  popupWindows(): OwnedPopup[] {
    return this.popups.open();
  }

  /** Whether the window of contents `contentsId`, which the service's page opened, is the focused window. */
  popupFocused(serviceId: string, contentsId: number): boolean {
    return this.popups.open().some((p) => p.serviceId === serviceId && !p.window.isDestroyed() && p.window.webContents.id === contentsId && p.window.isFocused());
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
      if (!owner) return;
      this.assign(child.webContents.id, owner);
      if (owner.kind === 'service') this.popups.add(child, owner.serviceId);
    });
    contents.on('before-input-event', (event, input) => {
      if (this.deps.onInput(input, this.owners.get(id))) event.preventDefault();
    });
    contents.on('input-event', (_event, input) => {
      if (GESTURES.has(input.type)) this.gestures.set(id, this.deps.clock.now());
    });
    contents.on('destroyed', () => {
      this.owners.delete(id);
      this.external.forget(String(id));
      this.gestures.delete(id);
      this.ungestured.delete(id);
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
    if (decision.action === 'child' && this.popups.locked) {
      this.deps.log.info('refused a window while Wasl is locked', { contents: id });
      return { action: 'deny' };
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
    const gesture = this.gestures.get(id);
    if (gesture === undefined || this.deps.clock.now() - gesture > GESTURE_MS) {
      if (!this.ungestured.has(id)) {
        this.ungestured.add(id);
        this.deps.log.warn('refused to open a link without a click or key press', { contents: id });
      }
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
