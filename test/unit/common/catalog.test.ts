import { describe, expect, it } from 'vitest';
import {
  CATALOG_ORDER,
  defaultServiceName,
  originAllowed,
  parseCustomUrl,
  PLATFORMS,
  serviceOrigins,
  serviceStartUrl,
  UNAVAILABLE_PLATFORMS,
} from '../../../common/catalog';
import { PLATFORM_IDS } from '../../../common/model';

describe('platform catalog', () => {
  it('describes every platform id exactly once, in display order', () => {
    expect([...CATALOG_ORDER].sort()).toEqual([...PLATFORM_IDS].sort());
    for (const id of PLATFORM_IDS) expect(PLATFORMS[id].id).toBe(id);
  });

  it.each(PLATFORM_IDS.filter((id) => id !== 'custom'))('%s starts on https inside its own origins', (id) => {
    const platform = PLATFORMS[id];
    const start = new URL(platform.startUrl);
    expect(start.protocol).toBe('https:');
    expect(originAllowed(start, platform.origins)).toBe(true);
    for (const origin of platform.origins) expect(origin).toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+$/);
    for (const prefix of platform.signInPrefixes) expect(originAllowed(new URL(prefix), platform.origins)).toBe(true);
    expect(platform.icon.path.length).toBeGreaterThan(20);
    expect(platform.icon.color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(platform.userAgent).toBe('chrome');
  });

  it('says what each platform supports: WeChat has no chat URLs, custom services read only the title', () => {
    expect(PLATFORMS.wechat.supports.openChatByUrl).toBe(false);
    expect(PLATFORMS.whatsapp.supports).toEqual({ unread: true, chatList: true, openChatByUrl: true, notifications: true });
    expect(PLATFORMS.custom.supports.chatList).toBe(false);
  });

  it('lists the platforms without a web client, each with its reason, and none of them can be hosted', () => {
    expect(UNAVAILABLE_PLATFORMS.map((p) => p.id)).toEqual(['viber', 'line', 'kakaotalk', 'signal', 'apple-business', 'skype', 'pinngle']);
    for (const platform of UNAVAILABLE_PLATFORMS) {
      expect(platform.reason.length).toBeGreaterThan(20);
      expect(PLATFORM_IDS as readonly string[]).not.toContain(platform.id);
    }
  });
});

describe('parseCustomUrl', () => {
  it.each([
    ['https://chat.example.com', 'https://chat.example.com/'],
    ['  https://chat.example.com/app?x=1  ', 'https://chat.example.com/app?x=1'],
    ['chat.example.com', 'https://chat.example.com/'],
    ['HTTPS://Chat.Example.com/Inbox', 'https://chat.example.com/Inbox'],
    ['https://xn--mgbh0fb.example/', 'https://xn--mgbh0fb.example/'],
    ['https://متجر.example/', 'https://xn--pgbep1f.example/'],
  ])('accepts %j as %s', (raw, url) => {
    expect(parseCustomUrl(raw)).toEqual({ ok: true, url });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['http://chat.example.com', 'not-https'],
    ['ftp://chat.example.com', 'not-https'],
    ['javascript:alert(1)', 'not-https'],
    ['file:///etc/passwd', 'not-https'],
    ['data:text/html,hi', 'not-https'],
    ['https://user:pass@chat.example.com', 'credentials'],
    ['https://chat.example.com@evil.example', 'credentials'],
    ['https://localhost', 'no-host'],
    ['https://intranet', 'no-host'],
    ['https://exa mple.com', 'invalid'],
    ['https://', 'invalid'],
  ])('refuses %j (%s)', (raw, error) => {
    expect(parseCustomUrl(raw)).toEqual({ ok: false, error });
  });
});

describe('originAllowed', () => {
  const whatsapp = PLATFORMS.whatsapp.origins;
  const slack = PLATFORMS.slack.origins;
  it.each([
    ['https://web.whatsapp.com/', whatsapp, true],
    ['https://web.whatsapp.com:443/send?phone=1', whatsapp, true],
    ['https://web.whatsapp.com.evil.example/', whatsapp, false],
    ['https://web.whatsapp.com@evil.example/', whatsapp, false],
    ['https://user@web.whatsapp.com/', whatsapp, false],
    ['http://web.whatsapp.com/', whatsapp, false],
    ['https://web.whatsapp.com:8443/', whatsapp, false],
    ['https://xn--wb-elc.whatsapp.com/', whatsapp, false],
    ['https://acme.slack.com/', slack, true],
    ['https://a.b.slack.com/', slack, true],
    ['https://slack.com/signin', slack, true],
    ['https://evilslack.com/', slack, false],
    ['https://slack.com.evil.example/', slack, false],
    ['https://acme.slack.com:8443/', slack, false],
  ])('%s → %s', (url, origins, allowed) => {
    expect(originAllowed(new URL(url), origins)).toBe(allowed);
  });

  it('gives a custom service its own origin only', () => {
    expect(serviceOrigins('custom', 'https://chat.example.com/app')).toEqual(['https://chat.example.com']);
    expect(serviceOrigins('custom', 'not a url')).toEqual([]);
    expect(serviceOrigins('custom')).toEqual([]);
    expect(serviceStartUrl('custom', 'https://chat.example.com/app')).toBe('https://chat.example.com/app');
    expect(serviceStartUrl('telegram')).toBe('https://web.telegram.org/k/');
  });
});

describe('defaultServiceName', () => {
  it('numbers further accounts of a platform', () => {
    expect(defaultServiceName('WhatsApp', [])).toBe('WhatsApp');
    expect(defaultServiceName('WhatsApp', ['Telegram'])).toBe('WhatsApp');
    expect(defaultServiceName('WhatsApp', ['WhatsApp'])).toBe('WhatsApp 2');
    expect(defaultServiceName('WhatsApp', ['whatsapp ', 'WhatsApp 2'])).toBe('WhatsApp 3');
    expect(defaultServiceName('WhatsApp', ['WhatsApp', 'WhatsApp 3'])).toBe('WhatsApp 2');
  });
});
