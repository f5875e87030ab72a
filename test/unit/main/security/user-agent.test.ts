/** The clean Chrome user agent the service pages get (main/security/user-agent.ts). */
import { describe, expect, it } from 'vitest';
import { acceptLanguages, chromeUserAgent, hostOs } from '../../../../main/security/user-agent';

describe('chromeUserAgent', () => {
  it('looks like a current desktop Chrome on the host OS with no Electron or app token', () => {
    const ua = chromeUserAgent('win32', '146.0.7680.31');
    expect(ua).toBe('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/146.0.0.0 Safari/537.36');
    for (const os of ['darwin', 'win32', 'linux'] as const) {
      expect(chromeUserAgent(os, '146.0.1.2')).not.toMatch(/Electron|wasl/i);
    }
    expect(chromeUserAgent('darwin', '146.0.1.2')).toContain('Macintosh; Intel Mac OS X 10_15_7');
    expect(chromeUserAgent('linux', '146.0.1.2')).toContain('X11; Linux x86_64');
  });

  it('maps Node platforms to the three desktop OSes', () => {
    expect(hostOs('darwin')).toBe('darwin');
    expect(hostOs('win32')).toBe('win32');
    expect(hostOs('linux')).toBe('linux');
    expect(hostOs('freebsd')).toBe('linux');
  });

  it('says the languages the system prefers, or English when it names none', () => {
    expect(acceptLanguages(['ar-SA', 'en-US'])).toBe('ar-SA,en-US');
    expect(acceptLanguages([])).toBe('en-US,en');
  });
});
