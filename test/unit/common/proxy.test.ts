/**
 * The proxy model: every reason a choice is refused, the schema the settings keep it with, the configuration
 * Electron's setProxy gets, and what each Chromium error of a connection test means.
 */
import { describe, expect, it } from 'vitest';
import {
  configKey,
  electronProxyConfig,
  outcomeOfError,
  outcomeOfStatus,
  proxyChoiceSchema,
  proxyProblems,
  proxyRules,
  serverKey,
  type ProxyChoice,
} from '../../../common/proxy';
import { serviceOptional } from '../../../common/settings/service';

describe('proxyProblems', () => {
  const cases: [string, ProxyChoice, boolean, string[]][] = [
    ['none alone', { mode: 'none' }, false, []],
    ['system alone', { mode: 'system' }, false, []],
    ['none with a host', { mode: 'none', host: 'p.example' }, false, ['server-only']],
    ['system with a password', { mode: 'system' }, true, ['server-only']],
    ['http with host and port', { mode: 'http', host: 'proxy.example.com', port: 3128 }, false, []],
    ['an IPv4 address', { mode: 'https', host: '10.0.0.1', port: 443 }, false, []],
    ['a bare IPv6 address', { mode: 'http', host: '2001:db8::1', port: 8080 }, false, []],
    ['a bracketed IPv6 address', { mode: 'socks5', host: '[::1]', port: 1080 }, false, []],
    ['no host', { mode: 'http', port: 8080 }, false, ['host-required']],
    ['a blank host', { mode: 'http', host: '   ', port: 8080 }, false, ['host-required']],
    ['a scheme in the host', { mode: 'http', host: 'http://proxy.example', port: 8080 }, false, ['host-has-scheme']],
    ['a port in the host', { mode: 'http', host: 'proxy.example:8080', port: 8080 }, false, ['host-has-port']],
    ['spaces in the host', { mode: 'http', host: 'proxy example', port: 8080 }, false, ['host-invalid']],
    ['a label starting with a hyphen', { mode: 'http', host: '-bad.example', port: 8080 }, false, ['host-invalid']],
    ['no port', { mode: 'socks5', host: 'p.example' }, false, ['port-required']],
    ['port 0', { mode: 'http', host: 'p.example', port: 0 }, false, ['port-invalid']],
    ['port 65536', { mode: 'http', host: 'p.example', port: 65_536 }, false, ['port-invalid']],
    ['a fractional port', { mode: 'http', host: 'p.example', port: 80.5 }, false, ['port-invalid']],
    ['port 65535', { mode: 'http', host: 'p.example', port: 65_535 }, false, []],
    ['a user with a password', { mode: 'http', host: 'p.example', port: 1, username: 'amal' }, true, []],
    ['a colon in the user', { mode: 'http', host: 'p.example', port: 1, username: 'a:b' }, true, ['user-invalid']],
    ['a password without a user', { mode: 'https', host: 'p.example', port: 1 }, true, ['password-needs-user']],
    ['a SOCKS5 user', { mode: 'socks5', host: 'p.example', port: 1080, username: 'amal' }, false, ['socks-auth-unsupported']],
    ['a SOCKS5 password', { mode: 'socks5', host: 'p.example', port: 1080 }, true, ['socks-auth-unsupported']],
    ['everything wrong', { mode: 'http', host: 'ftp://x' }, true, ['host-has-scheme', 'port-required', 'password-needs-user']],
  ];
  it.each(cases)('%s', (_name, choice, hasPassword, expected) => {
    expect(proxyProblems(choice, hasPassword)).toEqual(expected);
  });
});

describe('proxyChoiceSchema', () => {
  it('keeps a valid choice, the host trimmed', () => {
    expect(proxyChoiceSchema.parse({ mode: 'http', host: ' p.example ', port: 8080, username: 'amal' })).toEqual({ mode: 'http', host: 'p.example', port: 8080, username: 'amal' });
  });

  it.each([
    [{ mode: 'socks5', host: 'p.example', port: 1080, username: 'amal' }, 'username'],
    [{ mode: 'http', host: 'p.example' }, 'port'],
    [{ mode: 'http', host: 'p.example', port: 8080, password: 'secret' }, 'password'],
    [{ mode: 'tor' }, 'mode'],
  ])('refuses %j', (value, field) => {
    const result = proxyChoiceSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain(field);
  });

  it('lets a stored service drop a bad proxy alone, keeping its other choices', () => {
    const salvaged = serviceOptional.safeParse({ compact: true, proxy: { mode: 'socks5', host: 'p.example', port: 1, username: 'u' } });
    expect(salvaged.success).toBe(false);
    expect(serviceOptional.parse({ compact: true, proxy: { mode: 'none' } })).toEqual({ compact: true, proxy: { mode: 'none' } });
  });
});

describe('electronProxyConfig', () => {
  it.each<[ProxyChoice | undefined, ReturnType<typeof electronProxyConfig>]>([
    [undefined, { mode: 'system' }],
    [{ mode: 'system' }, { mode: 'system' }],
    [{ mode: 'none' }, { mode: 'direct' }],
    [{ mode: 'http', host: 'Proxy.Example.', port: 3128 }, { mode: 'fixed_servers', proxyRules: 'http://proxy.example:3128', proxyBypassRules: '<local>' }],
    [{ mode: 'https', host: 'p.example', port: 443, username: 'u' }, { mode: 'fixed_servers', proxyRules: 'https://p.example:443', proxyBypassRules: '<local>' }],
    [{ mode: 'socks5', host: '127.0.0.1', port: 1080 }, { mode: 'fixed_servers', proxyRules: 'socks5://127.0.0.1:1080', proxyBypassRules: '<local>' }],
    [{ mode: 'http', host: '2001:db8::1', port: 8080 }, { mode: 'fixed_servers', proxyRules: 'http://[2001:db8::1]:8080', proxyBypassRules: '<local>' }],
    [{ mode: 'http', host: 'bad host', port: 8080 }, { mode: 'system' }],
  ])('%j → %j', (choice, config) => {
    expect(electronProxyConfig(choice)).toEqual(config);
  });

  it('gives equal configurations equal keys and different ones different keys', () => {
    expect(configKey(electronProxyConfig({ mode: 'http', host: 'P.example', port: 1 }))).toBe(configKey(electronProxyConfig({ mode: 'http', host: 'p.example', port: 1 })));
    expect(configKey({ mode: 'direct' })).not.toBe(configKey({ mode: 'system' }));
    expect(proxyRules('socks5', '::1', 1080)).toBe('socks5://[::1]:1080');
    expect(serverKey('[::1]', 1080)).toBe(serverKey('::1', 1080));
  });
});

describe('connection test outcomes', () => {
  it.each([
    ['net::ERR_PROXY_CONNECTION_FAILED', 'refused'],
    ['Error: net::ERR_TUNNEL_CONNECTION_FAILED', 'tunnel-failed'],
    ['net::ERR_SOCKS_CONNECTION_FAILED', 'socks-failed'],
    ['net::ERR_PROXY_AUTH_UNSUPPORTED', 'auth-failed'],
    ['net::ERR_INVALID_AUTH_CREDENTIALS', 'auth-failed'],
    ['net::ERR_TIMED_OUT', 'timeout'],
    ['net::ERR_NAME_NOT_RESOLVED', 'dns'],
    ['net::ERR_INTERNET_DISCONNECTED', 'offline'],
    ['net::ERR_CERT_DATE_INVALID', 'failed'],
    ['something odd', 'failed'],
  ])('%s → %s', (text, outcome) => {
    expect(outcomeOfError(text, false)).toBe(outcome);
  });

  it('names an abort a timeout, whatever the text', () => {
    expect(outcomeOfError('AbortError: This operation was aborted', true)).toBe('timeout');
  });

  it.each([
    [200, 'ok'],
    [302, 'ok'],
    [404, 'ok'],
    [407, 'auth-failed'],
    [502, 'tunnel-failed'],
    [504, 'tunnel-failed'],
  ])('status %i → %s', (status, outcome) => {
    expect(outcomeOfStatus(status)).toBe(outcome);
  });
});
