/**
 * ProxySessionsPort on Electron, and the `login` event's answer. A service's proxy goes to its partition's session
 * alone (`setProxy`), which carries its pages, the pop-ups they open and its service workers; the session's open
 * connections are closed after, so none keeps the old route. A connection test requests the service's start page
 * through that session and answers the proxy's challenge on the request itself (ClientRequestLike: the app's `login`
 * event is not raised for main's requests on Windows and macOS).
 *
 * Proxy credentials are answered on the app's `login` event: the challenge's page (or pop-up) names the service by
 * its session; a challenge without a page (a service worker's request) is answered only when exactly one service's
 * credentials fit the proxy's host and port (ProxyController.answerLogin). A page of no service (the shell) and a
 * site's own login are never answered: Electron cancels them.
 */
import type { ElectronProxyConfig } from '../../common/proxy';
import type { Credentials, LoginRequest, ProbeResult, ProxySessionsPort } from '../core/services/proxy';
import type { AppLike, NetLike, SessionLike } from './api';
import { partitionOf } from './service-views';

type ProxySession = Pick<SessionLike, 'setProxy' | 'closeAllConnections' | 'clearAuthCache'>;

export interface ElectronProxyDeps<S extends ProxySession = ProxySession> {
  session: { fromPartition(partition: string): S };
  net: NetLike<S>;
  /** The credentials for a proxy's challenge met by the service's own test (ProxyController.answerLogin). */
  answer(request: LoginRequest): Credentials | undefined;
}

export function electronProxySessions<S extends ProxySession>(deps: ElectronProxyDeps<S>): ProxySessionsPort {
  const sessionOf = (serviceId: string): S => deps.session.fromPartition(partitionOf(serviceId));
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
    probe(serviceId: string, url: string, timeoutMs: number): Promise<ProbeResult> {
      return new Promise((resolve) => {
        const request = deps.net.request({ url, session: sessionOf(serviceId), redirect: 'manual' });
        let settled = false;
        const settle = (result: ProbeResult) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve(result);
        };
        const timer = setTimeout(() => {
          settle({ error: 'timed out', aborted: true });
          request.abort();
        }, timeoutMs);
        request.on('login', (authInfo, callback) => {
          const credentials = authInfo.isProxy ? deps.answer({ serviceId, isProxy: true, host: authInfo.host, port: authInfo.port }) : undefined;
          if (credentials === undefined) callback();
          else callback(credentials.username, credentials.password);
        });
        // A status is the answer (a redirect's too): the body is never read.
        request.on('response', (response) => {
          settle({ status: response.statusCode });
          request.abort();
        });
        request.on('redirect', (statusCode) => settle({ status: statusCode }));
        request.on('error', (error) => settle({ error: String(error), aborted: false }));
        request.end();
      });
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
