/**
 * Find in page: the search the shell's find bar runs in the page of the service in front, over Electron's
 * `webContents.findInPage` (a port here, main/electron/service-views.ts on Electron). One search at a time, in the
 * service on screen; its results reach the shell as `AppState.find`.
 *
 * Electron's rules, as its API says them (electron.d.ts, FindInPageOptions and the `found-in-page` Result):
 * - `findNext: true` begins a new find session (a new text); `false` continues it (the next or previous match of
 *   the same text, `forward`). A follow-up without a session before it finds nothing to follow.
 * - each request answers with its id; `found-in-page` may fire several times for one request (the count grows as
 *   the page is searched, `finalUpdate` on the last), and a value Chromium did not update comes as -1.
 * - `activeMatchOrdinal` counts from 1.
 * So only the latest request's answers count: an answer to an earlier text must not overwrite the count of the
 * text in the bar.
 *
 * Closing the bar stops with `keepSelection`, as Chrome's own find bar does on Escape: the match the user went to
 * stays selected (to copy it, or to see where they are) while the other matches lose their highlight. An emptied
 * text, a service switch or a hidden page stop with `clearSelection`: nothing the user no longer looks for stays
 * marked. A page that loads, navigates or crashes has a new document (or none): the search is forgotten, the bar
 * keeps its text, and the next search with it starts a new session.
 */
import type { Command, CommandResult } from '../../../common/ipc';
import { visibleServiceId, type FindState } from '../../../common/state';
import type { AppStore } from '../app/app-store';
import type { ViewEvent } from '../services/lifecycle';

export interface FindOptions {
  forward: boolean;
  /** Begin a new find session (a new text), as Electron names it; false: the next match of the same session. */
  findNext: boolean;
}

/** What `found-in-page` reports for a request. */
export interface FoundInPage {
  requestId: number;
  /** The selected match, from 1; -1: not updated by this answer. */
  activeMatchOrdinal: number;
  /** How many matches; -1: not updated by this answer. */
  matches: number;
  finalUpdate: boolean;
}

export type StopAction = 'clearSelection' | 'keepSelection';

/** The service pages' find (Electron's findInPage and stopFindInPage on each service's webContents). */
export interface FindPort {
  /** Asks the service's page to find `text`; answers the request's id, or undefined when the service has no page. */
  find(serviceId: string, text: string, options: FindOptions): number | undefined;
  stopFind(serviceId: string, action: StopAction): void;
}

export interface FindDeps {
  store: AppStore;
  port: FindPort;
  /** Gives the service's page the keyboard focus (ViewsPort.focus). */
  focus(serviceId: string): void;
}

export type FindCommand = Extract<Command, { type: 'find.search' | 'find.stop' }>;

/** The search under way: its service and text, and the id of its latest request (none: no session in the page). */
interface Session {
  serviceId: string;
  text: string;
  requestId: number | undefined;
}

const OK: CommandResult = { ok: true };
const NOT_SHOWN: CommandResult = { ok: false, error: 'not-found' };

/** A count the page reported, or the one before when it did not update it (-1). */
const counted = (value: number, before: number): number => (Number.isInteger(value) && value >= 0 ? value : before);

export class FindController {
  private session: Session | null = null;

  constructor(private readonly deps: FindDeps) {
    deps.store.subscribe((next) => {
      if (this.session !== null && visibleServiceId(next) !== this.session.serviceId) this.end('clearSelection');
    });
  }

  command(cmd: FindCommand): CommandResult {
    return cmd.type === 'find.search' ? this.search(cmd.id, cmd.text, cmd.forward) : this.stop(cmd.id, cmd.focusPage);
  }

  /** An answer of a service's page; only the latest request's count. */
  found(serviceId: string, result: FoundInPage): void {
    const session = this.session;
    const state = this.deps.store.getState().find;
    if (session === null || session.serviceId !== serviceId || session.requestId !== result.requestId || !state) return;
    const matches = counted(result.matches, state.matches);
    const active = Math.min(counted(result.activeMatchOrdinal, state.active), matches);
    this.publish({ ...state, matches, active, pending: !result.finalUpdate });
  }

  /** A page that loads, navigates or crashes has another document: its search is over, the next one starts anew. */
  viewEvent(serviceId: string, event: ViewEvent): void {
    if (this.session?.serviceId !== serviceId) return;
    if (event.type !== 'loading' && event.type !== 'navigated' && event.type !== 'crashed') return;
    this.session = { ...this.session, requestId: undefined };
    this.publish(null);
  }

  private search(serviceId: string, text: string, forward: boolean): CommandResult {
    if (visibleServiceId(this.deps.store.getState()) !== serviceId) return NOT_SHOWN;
    if (this.session !== null && this.session.serviceId !== serviceId) this.end('clearSelection');
    if (text === '') {
      if (this.session?.requestId !== undefined) this.deps.port.stopFind(serviceId, 'clearSelection');
      this.session = { serviceId, text, requestId: undefined };
      this.publish(null);
      return OK;
    }
    const session = this.session;
    const fresh = session?.requestId === undefined || session.text !== text;
    const requestId = this.deps.port.find(serviceId, text, { forward, findNext: fresh });
    this.session = { serviceId, text, requestId };
    if (requestId === undefined) {
      this.publish(null);
      return NOT_SHOWN;
    }
    const before = this.deps.store.getState().find;
    const kept = !fresh && before ? { matches: before.matches, active: before.active } : { matches: 0, active: 0 };
    this.publish({ serviceId, text, ...kept, pending: true });
    return OK;
  }

  private stop(serviceId: string, focusPage: boolean): CommandResult {
    if (this.session?.serviceId === serviceId) this.end('keepSelection');
    if (focusPage && visibleServiceId(this.deps.store.getState()) === serviceId) this.deps.focus(serviceId);
    return OK;
  }

  private end(action: StopAction): void {
    const session = this.session;
    this.session = null;
    if (session?.requestId !== undefined) this.deps.port.stopFind(session.serviceId, action);
    this.publish(null);
  }

  private publish(find: FindState | null): void {
    if ((this.deps.store.getState().find ?? null) !== find) this.deps.store.setState({ find });
  }
}
