/**
 * A service account's proxy: what the user chooses (none, the system's, or an HTTP, HTTPS or SOCKS5 server), the
 * reasons a choice is refused, the configuration Electron's `session.setProxy` takes for it, and what a failed
 * connection test means. Pure: main applies the choice to the service's session only (its pages, pop-ups and
 * service workers), the shell shows and edits it. The password is never part of the choice: main keeps it
 * encrypted on its own (main/persistence/proxy-secrets.ts), and the settings file never holds it.
 *
 * Chromium (and so Electron) cannot authenticate to a SOCKS5 proxy: it offers no username/password method in the
 * SOCKS5 greeting, only "no authentication" (crbug.com/40323993, formerly 256785, closed Won't Fix). A SOCKS5 choice
 * with a user name is therefore refused, with that reason, instead of failing later as ERR_SOCKS_CONNECTION_FAILED.
 */
import { z } from 'zod';

export const PROXY_MODES = ['none', 'system', 'http', 'https', 'socks5'] as const;
export type ProxyMode = (typeof PROXY_MODES)[number];
/** The modes that name a server of their own. */
export type ServerMode = Extract<ProxyMode, 'http' | 'https' | 'socks5'>;
export const isServerMode = (mode: ProxyMode): mode is ServerMode => mode === 'http' || mode === 'https' || mode === 'socks5';

export const PROXY_HOST_MAX = 253;
export const PROXY_USER_MAX = 256;
export const PROXY_PASSWORD_MAX = 1024;

/**
 * Why a choice cannot be used, each about one field of the form:
 * - `host-required`, `port-required`: a server mode without them;
 * - `host-has-scheme`: the host was typed as an address (`http://…`); the mode says the scheme;
 * - `host-has-port`: `host:port` in the host field; the port has its own;
 * - `host-invalid`: not a host name, an IPv4 or an IPv6 address;
 * - `port-invalid`: not a whole number from 1 to 65535;
 * - `user-invalid`: a colon (Basic authentication cannot carry it) or a control character;
 * - `socks-auth-unsupported`: a user name (or password) for SOCKS5, which Chromium cannot send;
 * - `password-needs-user`: a password without a user name;
 * - `server-only`: a host, port or user name given with `none` or `system`.
 */
export const PROXY_PROBLEMS = [
  'host-required',
  'host-has-scheme',
  'host-has-port',
  'host-invalid',
  'port-required',
  'port-invalid',
  'user-invalid',
  'socks-auth-unsupported',
  'password-needs-user',
  'server-only',
] as const;
export type ProxyProblem = (typeof PROXY_PROBLEMS)[number];
export type ProxyField = 'host' | 'port' | 'username' | 'password' | 'mode';

const PROBLEM_FIELD: Record<ProxyProblem, ProxyField> = {
  'host-required': 'host',
  'host-has-scheme': 'host',
  'host-has-port': 'host',
  'host-invalid': 'host',
  'port-required': 'port',
  'port-invalid': 'port',
  'user-invalid': 'username',
  'socks-auth-unsupported': 'username',
  'password-needs-user': 'password',
  'server-only': 'mode',
};
export const fieldOf = (problem: ProxyProblem): ProxyField => PROBLEM_FIELD[problem];

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/iu;
const IPV6 = /^[0-9a-f:.]+$/iu;

/** What the host field holds: a host name or IPv4 address, or an IPv6 address (bare or in brackets). */
function hostProblem(host: string): ProxyProblem | undefined {
  if (host === '') return 'host-required';
  if (/^[a-z][a-z0-9+.-]*:\/\//iu.test(host)) return 'host-has-scheme';
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (bare.includes(':')) {
    if (IPV6.test(bare) && bare.split(':').length >= 3) return undefined;
    return /^[^:]+:\d+$/u.test(host) ? 'host-has-port' : 'host-invalid';
  }
  if (host.length > PROXY_HOST_MAX) return 'host-invalid';
  const labels = host.replace(/\.$/u, '').split('.');
  return labels.every((label) => LABEL.test(label)) ? undefined : 'host-invalid';
}

/** The choice as the form holds it and the settings keep it: never a password. */
export interface ProxyChoice {
  mode: ProxyMode;
  host?: string;
  port?: number;
  username?: string;
}

/**
 * Every reason `choice` cannot be used, in the form's order. `hasPassword`: a password is given or kept with it
 * (it matters only for the SOCKS5 and the needs-a-user reasons).
 */
export function proxyProblems(choice: ProxyChoice, hasPassword = false): ProxyProblem[] {
  const problems: ProxyProblem[] = [];
  const host = choice.host?.trim() ?? '';
  const username = choice.username ?? '';
  if (!isServerMode(choice.mode)) {
    if (host !== '' || choice.port !== undefined || username !== '' || hasPassword) problems.push('server-only');
    return problems;
  }
  const hostIssue = hostProblem(host);
  if (hostIssue) problems.push(hostIssue);
  if (choice.port === undefined) problems.push('port-required');
  else if (!Number.isInteger(choice.port) || choice.port < 1 || choice.port > 65_535) problems.push('port-invalid');
  if (choice.mode === 'socks5') {
    if (username !== '' || hasPassword) problems.push('socks-auth-unsupported');
    return problems;
  }
  if (username.includes(':') || /\p{Cc}/u.test(username) || username.length > PROXY_USER_MAX) problems.push('user-invalid');
  if (hasPassword && username === '') problems.push('password-needs-user');
  return problems;
}

/**
 * The choice as the settings file and `service.set` take it: a server mode with a valid host and port, the user
 * name only where it can be used; `none` and `system` alone. A stored choice that fails is dropped on its own
 * (common/settings/service.ts), leaving the service on the system's proxy.
 */
export const proxyChoiceSchema = z
  .strictObject({
    mode: z.enum(PROXY_MODES),
    host: z.string().trim().max(PROXY_HOST_MAX + 2).optional(),
    port: z.number().int().min(1).max(65_535).optional(),
    username: z.string().min(1).max(PROXY_USER_MAX).optional(),
  })
  .superRefine((choice, ctx) => {
    for (const problem of proxyProblems(choice)) ctx.addIssue({ code: 'custom', message: problem, path: [fieldOf(problem)] });
  });

/** What Electron's `session.setProxy` gets (ProxyConfig): only the modes Wasl uses. */
export type ElectronProxyConfig =
  | { mode: 'direct' }
  | { mode: 'system' }
  | { mode: 'fixed_servers'; proxyRules: string; proxyBypassRules: string };

/** Local names (no dot) and loopback never go through the proxy: Chromium's `<local>`. */
export const PROXY_BYPASS_RULES = '<local>';

/** The host as a proxy rule writes it: an IPv6 address in brackets, a host name in lower case. */
export function ruleHost(host: string): string {
  const trimmed = host.trim();
  if (trimmed.startsWith('[')) return trimmed.toLowerCase();
  return trimmed.includes(':') ? `[${trimmed.toLowerCase()}]` : trimmed.toLowerCase().replace(/\.$/u, '');
}

/** `<scheme>://host:port`: the one server every request of the session goes through. */
export function proxyRules(mode: ServerMode, host: string, port: number): string {
  return `${mode}://${ruleHost(host)}:${String(port)}`;
}

/** The session's configuration for a choice; no choice (or one the schema refused): the system's proxy, as Electron starts. */
export function electronProxyConfig(choice: ProxyChoice | undefined): ElectronProxyConfig {
  if (choice === undefined || choice.mode === 'system') return { mode: 'system' };
  if (choice.mode === 'none') return { mode: 'direct' };
  if (choice.host === undefined || choice.port === undefined || proxyProblems(choice).length > 0) return { mode: 'system' };
  return { mode: 'fixed_servers', proxyRules: proxyRules(choice.mode, choice.host, choice.port), proxyBypassRules: PROXY_BYPASS_RULES };
}

/** The same configuration as one text: equal texts, nothing to apply again. */
export const configKey = (config: ElectronProxyConfig): string =>
  config.mode === 'fixed_servers' ? `${config.proxyRules} ${config.proxyBypassRules}` : config.mode;

/** The server a proxy authentication challenge names, as the key credentials are found by (`host:port`, lower case). */
export function serverKey(host: string, port: number): string {
  return `${ruleHost(host)}:${String(port)}`;
}

/**
 * What a connection test through the service's proxy found:
 * - `ok`: the service's start page answered through it;
 * - `refused`: nothing accepts connections at the proxy's host and port (closed, wrong port, host down or unknown);
 * - `tunnel-failed`: the HTTP(S) proxy answered but would not, or could not, reach the service;
 * - `socks-failed`: the SOCKS5 proxy refused the connection (it may require a password Chromium cannot send);
 * - `auth-failed`: the proxy wants a user name and password, or refused those given;
 * - `timeout`: no answer in time;
 * - `dns`: the service's name could not be resolved;
 * - `offline`: the computer has no network;
 * - `failed`: every other error (its code is shown).
 */
export const PROXY_TEST_OUTCOMES = ['ok', 'refused', 'tunnel-failed', 'socks-failed', 'auth-failed', 'timeout', 'dns', 'offline', 'failed'] as const;
export type ProxyTestOutcome = (typeof PROXY_TEST_OUTCOMES)[number];

const NET_ERRORS: Readonly<Record<string, ProxyTestOutcome>> = {
  ERR_PROXY_CONNECTION_FAILED: 'refused',
  ERR_CONNECTION_REFUSED: 'refused',
  ERR_ADDRESS_UNREACHABLE: 'refused',
  ERR_TUNNEL_CONNECTION_FAILED: 'tunnel-failed',
  ERR_EMPTY_RESPONSE: 'tunnel-failed',
  ERR_SOCKS_CONNECTION_FAILED: 'socks-failed',
  ERR_SOCKS_CONNECTION_HOST_UNREACHABLE: 'socks-failed',
  ERR_PROXY_AUTH_REQUESTED: 'auth-failed',
  ERR_PROXY_AUTH_UNSUPPORTED: 'auth-failed',
  ERR_PROXY_AUTH_REQUESTED_WITH_NO_CONNECTION: 'auth-failed',
  ERR_UNEXPECTED_PROXY_AUTH: 'auth-failed',
  ERR_INVALID_AUTH_CREDENTIALS: 'auth-failed',
  ERR_TIMED_OUT: 'timeout',
  ERR_CONNECTION_TIMED_OUT: 'timeout',
  ERR_NAME_NOT_RESOLVED: 'dns',
  ERR_NAME_RESOLUTION_FAILED: 'dns',
  ERR_INTERNET_DISCONNECTED: 'offline',
  ERR_NETWORK_CHANGED: 'offline',
};

/** Chromium's error code in an error's text (`net::ERR_PROXY_CONNECTION_FAILED`), if it has one. */
export function netErrorCode(text: string): string | undefined {
  return /\b(ERR_[A-Z0-9_]+)\b/u.exec(text)?.[1];
}

/** What a failed fetch means: by Chromium's code; an abort is Wasl's own timeout. */
export function outcomeOfError(text: string, aborted: boolean): ProxyTestOutcome {
  if (aborted) return 'timeout';
  const code = netErrorCode(text);
  return code === undefined ? 'failed' : (NET_ERRORS[code] ?? 'failed');
}

/**
 * What an answer means: 407 is the proxy refusing the credentials; 502, 503 and 504 come from an HTTP proxy that
 * could not reach the service; every other status came from the service itself, through the proxy.
 */
export function outcomeOfStatus(status: number): ProxyTestOutcome {
  if (status === 407) return 'auth-failed';
  if (status === 502 || status === 503 || status === 504) return 'tunnel-failed';
  return 'ok';
}

/**
 * Where the proxy passwords are kept, as the shell shows it:
 * - `encrypted`: with the system's keychain (safeStorage), in their own file;
 * - `this-run`: the system offers no real encryption (Linux without a keyring: safeStorage's `basic_text`), so a
 *   password is kept in memory only, until Wasl quits, never written to the disk.
 * `saved`: the services that have a password now; `damaged`: the passwords' file could not be read (nothing was
 * deleted; a new password saved puts it aside).
 */
export interface ProxyVaultState {
  storage: 'encrypted' | 'this-run';
  saved: string[];
  damaged?: boolean;
}
