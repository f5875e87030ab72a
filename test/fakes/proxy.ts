/**
 * Fakes for the proxy controller (main/core/services/proxy.ts): a vault in memory that can be told to refuse a
 * save or to keep passwords only for this run, and sessions that record what each service's was given and answer
 * connection tests as a test says.
 */
import type { ElectronProxyConfig } from '../../common/proxy';
import type { ProbeResult, ProxySessionsPort, ProxyVault } from '../../main/core/services/proxy';

export class MemoryVault implements ProxyVault {
  readonly passwords = new Map<string, string>();
  damaged = false;
  /** Makes the next saves fail, as a full disk would. */
  refuse = false;

  constructor(readonly storage: ProxyVault['storage'] = 'encrypted') {}

  has(serviceId: string): boolean {
    return this.passwords.has(serviceId);
  }
  password(serviceId: string): string | undefined {
    return this.passwords.get(serviceId);
  }
  ids(): string[] {
    return [...this.passwords.keys()];
  }
  set(serviceId: string, password: string | null): boolean {
    if (this.refuse) return false;
    if (password === null) this.passwords.delete(serviceId);
    else this.passwords.set(serviceId, password);
    return true;
  }
}

export class FakeProxySessions implements ProxySessionsPort {
  /** What each service's session was given, in order; and every other call, as `<kind>:<service>`. */
  readonly applied: { serviceId: string; config: ElectronProxyConfig }[] = [];
  readonly calls: string[] = [];
  /** What the next probes answer (a status by default). */
  probeResult: ProbeResult = { status: 200 };
  readonly probes: { serviceId: string; url: string; timeoutMs: number }[] = [];

  apply(serviceId: string, config: ElectronProxyConfig): Promise<void> {
    this.applied.push({ serviceId, config });
    this.calls.push(`apply:${serviceId}`);
    return Promise.resolve();
  }
  forgetCredentials(serviceId: string): Promise<void> {
    this.calls.push(`forget:${serviceId}`);
    return Promise.resolve();
  }
  probe(serviceId: string, url: string, timeoutMs: number): Promise<ProbeResult> {
    this.probes.push({ serviceId, url, timeoutMs });
    return Promise.resolve(this.probeResult);
  }
  /** What the service's session was last given. */
  last(serviceId: string): ElectronProxyConfig | undefined {
    return this.applied.filter((a) => a.serviceId === serviceId).at(-1)?.config;
  }
}
