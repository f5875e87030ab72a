/**
 * Every IPC message main receives passes through here: the sender is checked (shell channels only from the
 * shell's main frame, service channels mapped to a service by the sender's id, worker channels only from a
 * service's own service workers), the rate and the size are bounded, and the payload is parsed with the channel's
 * schema before any handler sees it. Whatever is refused is logged, never thrown back into the sender.
 */
import type { z } from 'zod';
import { boundedSize, LIMITS } from '../../common/ipc';
import type { Clock, Logger } from '../core/app/ports';
import { RateLimiter } from '../security/rate-limiter';

/** Who sent a message, as the Electron adapter reads it off the IPC event. */
export interface IpcSender {
  /** `webContents.id` of the sender. */
  id: number;
  /** The message came from the top-level frame (not an iframe). */
  mainFrame: boolean;
  /** URL of the sending frame. */
  url: string;
}

/**
 * A service worker that sent a message: it has no webContents, so the adapter names the service whose session
 * (partition `persist:svc-<id>`, one service's alone) the worker runs in, and the worker's scope URL.
 */
export interface WorkerSender {
  serviceId: string;
  scope: string;
}

/** Why a message was refused before any handler saw it. */
export type Rejection = 'unknown-channel' | 'wrong-sender' | 'rate-limited' | 'too-large' | 'invalid';

/** A refusal, or `handler-failed`: the message was valid and its handler threw (main's fault, not the sender's). */
export type Failure = Rejection | 'handler-failed';

export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: Failure };

/** Who sent a message, as a refusal is logged: a webContents id, or which service's worker. */
interface From {
  sender: number | string;
  url: string;
}

interface Route {
  scope: 'shell' | 'service' | 'worker';
  schema: z.ZodType;
  handler: (value: unknown, serviceId: string) => unknown;
}

export interface IpcRouterDeps {
  /** Whether the sender is the shell's main frame. */
  isShell(sender: IpcSender): boolean;
  /** The service a sender belongs to, if it is a service view. */
  serviceOf(senderId: number): string | undefined;
  /** The service a worker belongs to: its session's service, if the worker is of one of that service's origins. */
  serviceOfWorker?(sender: WorkerSender): string | undefined;
  clock: Clock;
  log: Logger;
}

export class IpcRouter {
  private readonly routes = new Map<string, Route>();
  private readonly shellLimiter: RateLimiter;
  private readonly serviceLimiter: RateLimiter;
  private readonly dropped = new Map<string, { count: number; since: number }>();
  private readonly counts = { accepted: 0, rejected: 0, failed: 0 };

  constructor(private readonly deps: IpcRouterDeps) {
    this.shellLimiter = new RateLimiter(LIMITS.shellRate, LIMITS.shellBurst, deps.clock);
    this.serviceLimiter = new RateLimiter(LIMITS.serviceRate, LIMITS.serviceBurst, deps.clock);
  }

  /** A channel only the shell may use. The handler's value is returned to an `invoke`. */
  shell<S extends z.ZodType>(channel: string, schema: S, handler: (value: z.infer<S>) => unknown): void {
    this.add(channel, { scope: 'shell', schema, handler: (value) => handler(value as z.infer<S>) });
  }

  /** A channel only service views may use; the handler learns which service sent it. */
  service<S extends z.ZodType>(channel: string, schema: S, handler: (serviceId: string, value: z.infer<S>) => unknown): void {
    this.add(channel, { scope: 'service', schema, handler: (value, serviceId) => handler(serviceId, value as z.infer<S>) });
  }

  /** A channel only a service's own service workers may use; the handler learns which service's worker sent it. */
  worker<S extends z.ZodType>(channel: string, schema: S, handler: (serviceId: string, value: z.infer<S>) => unknown): void {
    this.add(channel, { scope: 'worker', schema, handler: (value, serviceId) => handler(serviceId, value as z.infer<S>) });
  }

  get channels(): string[] {
    return [...this.routes.keys()];
  }

  /** Messages accepted, refused, and valid ones whose handler threw, since start, for the hostile-input report. */
  get totals(): { accepted: number; rejected: number; failed: number } {
    return { ...this.counts };
  }

  /** Checks, parses and dispatches one message from a frame (the shell's or a service view's). Never throws. */
  async receive(channel: string, sender: IpcSender, payload: unknown): Promise<Outcome<unknown>> {
    const from: From = { sender: sender.id, url: sender.url };
    const route = this.routes.get(channel);
    if (!route) return this.reject(channel, from, 'unknown-channel');
    let serviceId = '';
    if (route.scope === 'shell') {
      if (!this.deps.isShell(sender)) return this.reject(channel, from, 'wrong-sender');
      if (!this.shellLimiter.take('shell')) return this.drop(channel, 'shell');
    } else {
      const owner = sender.mainFrame && route.scope === 'service' ? this.deps.serviceOf(sender.id) : undefined;
      if (owner === undefined) return this.reject(channel, from, 'wrong-sender');
      serviceId = owner;
      if (!this.serviceLimiter.take(owner)) return this.drop(channel, owner);
    }
    return this.dispatch(channel, route, serviceId, from, payload);
  }

  /**
   * Checks, parses and dispatches one message from a service worker, on a worker channel only; it counts against
   * its service's rate. Never throws.
   */
  async receiveFromWorker(channel: string, sender: WorkerSender, payload: unknown): Promise<Outcome<unknown>> {
    const from: From = { sender: `worker of ${sender.serviceId}`, url: sender.scope };
    const route = this.routes.get(channel);
    if (!route) return this.reject(channel, from, 'unknown-channel');
    const owner = route.scope === 'worker' ? this.deps.serviceOfWorker?.(sender) : undefined;
    if (owner === undefined) return this.reject(channel, from, 'wrong-sender');
    if (!this.serviceLimiter.take(owner)) return this.drop(channel, owner);
    return this.dispatch(channel, route, owner, from, payload);
  }

  private async dispatch(channel: string, route: Route, serviceId: string, from: From, payload: unknown): Promise<Outcome<unknown>> {
    if (boundedSize(payload, LIMITS.messageChars, LIMITS.depth) === Infinity) {
      return this.reject(channel, from, 'too-large');
    }
    const parsed = route.schema.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return this.reject(channel, from, 'invalid', issue ? `${issue.path.join('.')}: ${issue.message}` : undefined);
    }
    try {
      const value = await route.handler(parsed.data, serviceId);
      this.counts.accepted += 1;
      return { ok: true, value };
    } catch (error) {
      this.deps.log.error('ipc handler failed', { channel, error: String(error) });
      this.counts.failed += 1;
      return { ok: false, reason: 'handler-failed' };
    }
  }

  private add(channel: string, route: Route): void {
    if (this.routes.has(channel)) throw new Error(`IPC channel registered twice: ${channel}`);
    const prefix = route.scope === 'shell' ? 'app:' : 'svc:';
    if (!channel.startsWith(prefix)) throw new Error(`${route.scope} channel must start with ${prefix}: ${channel}`);
    this.routes.set(channel, route);
  }

  private reject(channel: string, from: From, reason: Rejection, detail?: string): Outcome<never> {
    this.counts.rejected += 1;
    this.deps.log.warn('ipc message rejected', { channel, reason, sender: from.sender, url: from.url.slice(0, 200), detail });
    return { ok: false, reason };
  }

  /** Rate-limited messages are counted and reported once a second per sender, not logged one by one. */
  private drop(channel: string, key: string): Outcome<never> {
    this.counts.rejected += 1;
    const now = this.deps.clock.now();
    const entry = this.dropped.get(key) ?? { count: 0, since: -Infinity };
    entry.count += 1;
    if (now - entry.since >= 1000) {
      this.deps.log.warn('ipc messages dropped: rate limit', { channel, sender: key, dropped: entry.count });
      entry.count = 0;
      entry.since = now;
    }
    this.dropped.set(key, entry);
    return { ok: false, reason: 'rate-limited' };
  }
}
