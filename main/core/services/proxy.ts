/**
 * Each service account's proxy (common/proxy.ts), applied to that service's session only: before its page first
 * loads (the views wait for `ready`), and again whenever the choice changes, after which a page already open is
 * reloaded so no request keeps the old route. The password is kept apart, encrypted (ProxyVault), and given only
 * to the proxy the service is set to use, when it asks (`answerLogin`): never to a site asking for a login, never
 * to another service's proxy, and at most MAX_PROXY_LOGINS times a minute, so a wrong password does not loop.
 * `proxy.test` fetches the service's start page through its session and says what happened in plain words.
 */
import type { Command, CommandResult } from '../../../common/ipc';
import type { ServiceConfig } from '../../../common/model';
import { serviceStartUrl } from '../../../common/catalog';
import {
  configKey,
  electronProxyConfig,
  outcomeOfError,
  outcomeOfStatus,
  proxyProblems,
  serverKey,
  type ElectronProxyConfig,
  type ProxyChoice,
  type ProxyTestOutcome,
  type ProxyVaultState,
} from '../../../common/proxy';
import type { AppStore } from '../app/app-store';
import type { Clock, Logger } from '../app/ports';

/** At most this many answers to one service's proxy challenges within LOGIN_WINDOW_MS. */
export const MAX_PROXY_LOGINS = 3;
export const LOGIN_WINDOW_MS = 60_000;
/** A connection test gives up after this long. */
export const PROXY_TEST_TIMEOUT_MS = 15_000;

/** Where the passwords are kept (main/persistence/proxy-secrets.ts). */
export interface ProxyVault {
  readonly storage: ProxyVaultState['storage'];
  readonly damaged: boolean;
  has(serviceId: string): boolean;
  password(serviceId: string): string | undefined;
  ids(): string[];
  /** Keeps (null: forgets) a password; false when it could not be saved. */
  set(serviceId: string, password: string | null): boolean;
}

/** What a fetch through a session came to: a status, or Chromium's error text (`aborted`: the timeout struck). */
export type ProbeResult = { status: number } | { error: string; aborted: boolean };

/** The services' sessions (main/electron/proxy.ts). */
export interface ProxySessionsPort {
  /** Gives the session its proxy and closes its open connections; resolves once new requests take the new route. */
  apply(serviceId: string, config: ElectronProxyConfig): Promise<void>;
  /** Forgets the credentials the session's network stack cached (a password replaced) and closes its connections. */
  forgetCredentials(serviceId: string): Promise<void>;
  /** Fetches `url` through the service's session, giving up after `timeoutMs`. */
  probe(serviceId: string, url: string, timeoutMs: number): Promise<ProbeResult>;
}

/** A login challenge as Electron's `login` event tells it; `serviceId`: the service whose session the page is in, when known. */
export interface LoginRequest {
  serviceId: string | undefined;
  isProxy: boolean;
  host: string;
  port: number;
}

export interface Credentials {
  username: string;
  password: string;
}

export interface ProxyDeps {
  store: AppStore;
  vault: ProxyVault;
  sessions: ProxySessionsPort;
  /** Stores the service's choice (the service controller's `service.set`). */
  saveChoice(serviceId: string, proxy: ProxyChoice): Promise<CommandResult>;
  /** Reloads the service's page if it is open (a sleeping one takes the new route when it wakes). */
  reload(serviceId: string): void;
  clock: Pick<Clock, 'now'>;
  log: Logger;
}

type ProxyCommand = Extract<Command, { type: 'proxy.set' | 'proxy.test' }>;

/** What a session is given for a choice, as one text; `unset` where the user never chose (nothing is applied). */
const keyOf = (choice: ProxyChoice | undefined): string => (choice === undefined ? 'unset' : configKey(electronProxyConfig(choice)));

/** The proxy a choice sends challenges from, when it can take a password (HTTP and HTTPS with a user name). */
function passwordServer(choice: ProxyChoice | undefined): { key: string; username: string } | undefined {
  if (choice === undefined || (choice.mode !== 'http' && choice.mode !== 'https')) return undefined;
  if (choice.host === undefined || choice.port === undefined || choice.username === undefined) return undefined;
  return { key: serverKey(choice.host, choice.port), username: choice.username };
}

export class ProxyController {
  /** What each session was given (as configKey) and when that was done. */
  private readonly applied = new Map<string, { key: string; done: Promise<void> }>();
  /** When each service's proxy challenges were answered, within the last window. */
  private readonly answers = new Map<string, number[]>();

  constructor(private readonly deps: ProxyDeps) {}

  /** Follows the services: re-applies a changed choice, forgets a removed service's password. Answers how to stop. */
  start(): () => void {
    this.publish();
    return this.deps.store.subscribe((next, prev) => {
      if (next.services === prev.services) return;
      const ids = new Set(next.services.map((service) => service.id));
      for (const service of prev.services) if (!ids.has(service.id)) this.forget(service.id);
      for (const service of next.services) this.follow(service);
    });
  }

  /** Resolves once the service's session has its proxy: the views wait for it before loading the page. */
  ready(serviceId: string): Promise<void> {
    const choice = this.serviceOf(serviceId)?.proxy;
    const key = keyOf(choice);
    const current = this.applied.get(serviceId);
    if (current?.key === key) return current.done;
    // Never chosen: the session is left as Electron made it (the system's proxy, or one given on the command line).
    if (choice === undefined && current === undefined) {
      const done = Promise.resolve();
      this.applied.set(serviceId, { key, done });
      return done;
    }
    const done = this.deps.sessions.apply(serviceId, electronProxyConfig(choice)).catch((error: unknown) => {
      this.deps.log.error('could not set the proxy of a service', { service: serviceId, error: String(error) });
    });
    this.applied.set(serviceId, { key, done });
    return done;
  }

  command(cmd: ProxyCommand): Promise<CommandResult> {
    return cmd.type === 'proxy.set' ? this.set(cmd) : this.test(cmd.id);
  }

  /**
   * The credentials for a proxy's challenge, or undefined (Electron then cancels it). Only a proxy's challenge, only
   * from the server the service is set to use; without a page (a service worker), only when exactly one service's
   * credentials fit that server.
   */
  answerLogin(request: LoginRequest): Credentials | undefined {
    if (!request.isProxy) return undefined;
    const key = serverKey(request.host, request.port);
    const fitting = this.deps.store
      .getState()
      .services.filter((service) => request.serviceId === undefined || service.id === request.serviceId)
      .flatMap((service) => {
        const server = passwordServer(service.proxy);
        const password = this.deps.vault.password(service.id);
        return server?.key === key && password !== undefined ? [{ id: service.id, username: server.username, password }] : [];
      });
    const distinct = new Set(fitting.map((fit) => JSON.stringify([fit.username, fit.password])));
    const [only] = fitting;
    if (only === undefined || distinct.size !== 1) {
      if (fitting.length > 1) this.deps.log.warn('a proxy challenge without a page fits several services; not answered', { server: key });
      return undefined;
    }
    if (!this.mayAnswer(fitting.map((fit) => fit.id))) {
      this.deps.log.warn('the proxy keeps refusing the password; no longer answered for a minute', { server: key });
      return undefined;
    }
    return { username: only.username, password: only.password };
  }

  private mayAnswer(ids: string[]): boolean {
    const now = this.deps.clock.now();
    const recent = ids.map((id) => (this.answers.get(id) ?? []).filter((at) => now - at < LOGIN_WINDOW_MS));
    if (recent.some((times) => times.length >= MAX_PROXY_LOGINS)) return false;
    ids.forEach((id, i) => this.answers.set(id, [...(recent[i] ?? []), now]));
    return true;
  }

  private async set(cmd: Extract<ProxyCommand, { type: 'proxy.set' }>): Promise<CommandResult> {
    const service = this.serviceOf(cmd.id);
    if (!service) return { ok: false, error: 'not-found' };
    const problems = proxyProblems(cmd.proxy, typeof cmd.password === 'string');
    if (problems.length > 0) return { ok: false, error: 'invalid', detail: problems.join(',') };
    // A password is kept only where it can be sent: an HTTP(S) proxy with a user name.
    const usable = passwordServer(cmd.proxy) !== undefined;
    const password = usable ? cmd.password : null;
    const before = this.deps.vault.password(cmd.id);
    if (password !== undefined && (password !== null || this.deps.vault.has(cmd.id))) {
      if (!this.deps.vault.set(cmd.id, password)) return { ok: false, error: 'failed', detail: 'vault' };
      this.publish();
    }
    const saved = await this.deps.saveChoice(cmd.id, cmd.proxy);
    if (!saved.ok) return saved;
    const credentialsChanged = this.deps.vault.password(cmd.id) !== before || passwordServer(service.proxy)?.username !== passwordServer(cmd.proxy)?.username;
    if (!credentialsChanged) return { ok: true };
    this.answers.delete(cmd.id);
    // A new server is applied, and the page reloaded, as the choice is stored (start); the same one must drop what it cached.
    const sameServer = keyOf(service.proxy) === keyOf(cmd.proxy);
    if (sameServer && this.applied.has(cmd.id)) {
      await this.deps.sessions.forgetCredentials(cmd.id);
      this.deps.reload(cmd.id);
    }
    return { ok: true };
  }

  private async test(serviceId: string): Promise<CommandResult> {
    const service = this.serviceOf(serviceId);
    if (!service) return { ok: false, error: 'not-found' };
    const url = serviceStartUrl(service.platform, service.url);
    if (!url) return { ok: false, error: 'invalid' };
    await this.ready(serviceId);
    const result = await this.deps.sessions.probe(serviceId, url, PROXY_TEST_TIMEOUT_MS);
    const outcome: ProxyTestOutcome = 'status' in result ? outcomeOfStatus(result.status) : outcomeOfError(result.error, result.aborted);
    if (outcome === 'ok') return { ok: true };
    this.deps.log.info('proxy test failed', { service: serviceId, outcome, ...('error' in result ? { error: result.error } : { status: result.status }) });
    return { ok: false, error: 'failed', detail: outcome === 'failed' && 'error' in result ? `failed:${result.error.slice(0, 120)}` : outcome };
  }

  /** A service whose session was given a proxy gets the new one, and its open page reloads. */
  private follow(service: ServiceConfig): void {
    const current = this.applied.get(service.id);
    if (current === undefined || current.key === keyOf(service.proxy)) return;
    void this.ready(service.id).then(() => this.deps.reload(service.id));
  }

  private forget(serviceId: string): void {
    this.applied.delete(serviceId);
    this.answers.delete(serviceId);
    if (!this.deps.vault.has(serviceId)) return;
    if (!this.deps.vault.set(serviceId, null)) this.deps.log.warn('could not forget a removed service’s proxy password', { service: serviceId });
    this.publish();
  }

  private publish(): void {
    const { vault } = this.deps;
    this.deps.store.setState({ proxyVault: { storage: vault.storage, saved: vault.ids(), ...(vault.damaged ? { damaged: true } : {}) } });
  }

  private serviceOf(serviceId: string): ServiceConfig | undefined {
    return this.deps.store.getState().services.find((service) => service.id === serviceId);
  }
}
