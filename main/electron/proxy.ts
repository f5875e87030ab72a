/**
 * ProxySessionsPort on Electron, and the `login` event's answer. A service's proxy goes to its partition's session
 * alone (`setProxy`), which carries its pages, the pop-ups they open and its service workers; the session's open
 * connections are closed after, so none keeps the old route. A connection test fetches through that session.
 *
 * Proxy credentials are answered on the app's `login` event: the challenge's page (or pop-up) names the service by
 * its session; a challenge without a page (a service worker's request) is answered only when exactly one service's
 * credentials fit the proxy's host and port (ProxyController.answerLogin). A page of no service (the shell) and a
 * site's own login are never answered: Electron cancels them.
 */
import type { ElectronProxyConfig } from '../../common/proxy';
import type { Credentials, LoginRequest, ProbeResult, ProxySessionsPort } from '../core/services/proxy';
import type { AppLike, SessionLike } from './api';
import { partitionOf } from './service-views';

type ProxySession = Pick<SessionLike, 'setProxy' | 'closeAllConnections' | 'clearAuthCache' | 'fetch'>;

export interface ElectronProxyDeps {
  session: { fromPartition(partition: string): ProxySession };
}

export function electronProxySessions(deps: ElectronProxyDeps): ProxySessionsPort {
  const sessionOf = (serviceId: string): ProxySession => deps.session.fromPartition(partitionOf(serviceId));
  return {
    async apply(serviceId: string, config: ElectronProxyConfig): Promise<void> {
      const session = sessionOf(serviceId);
      await session.setProxy(config);
      await session.closeAllConnections();
    },
    async forgetCredentials(serviceId: string): Promise<void> {
      const session = sessionOf(serviceId);
      await session.clearAuthCache();
      await session.closeAllConnections();
    },
    async probe(serviceId: string, url: string, timeoutMs: number): Promise<ProbeResult> {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      try {
        const response = await sessionOf(serviceId).fetch(url, { signal: controller.signal, redirect: 'manual' });
        await response.body?.getReader().cancel();
        return { status: response.status };
      } catch (error) {
        return { error: String(error), aborted: controller.signal.aborted };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

export interface ProxyLoginDeps {
  app: Pick<AppLike, 'on'>;
  session: { fromPartition(partition: string): unknown };
  /** The services there are now. */
  serviceIds(): readonly string[];
  answer(request: LoginRequest): Credentials | undefined;
}

/** Answers proxies' challenges with the credentials of the service they were met for; leaves every other one unanswered. */
export function answerProxyLogins(deps: ProxyLoginDeps): void {
  deps.app.on('login', (event, webContents, _details, authInfo, callback) => {
    if (!authInfo.isProxy) return;
    let serviceId: string | undefined;
    if (webContents !== null) {
      serviceId = deps.serviceIds().find((id) => deps.session.fromPartition(partitionOf(id)) === webContents.session);
      if (serviceId === undefined) return;
    }
    const credentials = deps.answer({ serviceId, isProxy: true, host: authInfo.host, port: authInfo.port });
    if (credentials === undefined) return;
    event.preventDefault();
    callback(credentials.username, credentials.password);
  });
}
