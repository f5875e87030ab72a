import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../../../common/catalog';
import {
  decideNavigation,
  decidePermission,
  decideShellNavigation,
  decideWindowOpen,
  externalUrl,
  fetchableImageUrl,
} from '../../../../main/security/policy';

const whatsapp = PLATFORMS.whatsapp.origins;
const messenger = PLATFORMS.messenger.origins;

describe('externalUrl (what may reach shell.openExternal)', () => {
  it.each([
    ['https://example.com/a?b=c', 'https://example.com/a?b=c'],
    ['http://example.com', 'http://example.com/'],
    ['mailto:shop@example.com', 'mailto:shop@example.com'],
    ['javascript:alert(1)', undefined],
    ['file:///etc/passwd', undefined],
    ['data:text/html,<script>1</script>', undefined],
    ['chrome://settings', undefined],
    ['smb://server/share', undefined],
    ['ms-msdt:/id PCWDiagnostic', undefined],
    ['vbscript:msgbox', undefined],
    ['https://bank.example@evil.example/', undefined],
    ['https://user:pw@example.com/', undefined],
    ['not a url', undefined],
    ['', undefined],
  ])('%j → %j', (raw, expected) => {
    expect(externalUrl(raw)).toBe(expected);
  });
});

describe('decideNavigation', () => {
  it.each([
    ['https://web.whatsapp.com/', whatsapp, { action: 'allow' }],
    ['https://web.whatsapp.com/send?phone=9665', whatsapp, { action: 'allow' }],
    ['https://web.whatsapp.com.evil.example/', whatsapp, { action: 'external', url: 'https://web.whatsapp.com.evil.example/' }],
    ['https://web.whatsapp.com@evil.example/', whatsapp, { action: 'deny' }],
    ['https://evil.example/#https://web.whatsapp.com', whatsapp, { action: 'external', url: 'https://evil.example/#https://web.whatsapp.com' }],
    ['https://wеb.whatsapp.com/', whatsapp, { action: 'external', url: 'https://xn--wb-nlc.whatsapp.com/' }],
    ['http://web.whatsapp.com/', whatsapp, { action: 'external', url: 'http://web.whatsapp.com/' }],
    ['javascript:alert(1)', whatsapp, { action: 'deny' }],
    ['file:///etc/passwd', whatsapp, { action: 'deny' }],
    ['chrome://gpu', whatsapp, { action: 'deny' }],
    ['mailto:a@example.com', whatsapp, { action: 'external', url: 'mailto:a@example.com' }],
    ['https://www.facebook.com/messages/t/1', messenger, { action: 'allow' }],
    ['https://l.messenger.com/l.php?u=https%3A%2F%2Fexample.com', messenger, { action: 'external', url: 'https://l.messenger.com/l.php?u=https%3A%2F%2Fexample.com' }],
    ['::::', whatsapp, { action: 'deny' }],
  ])('%s', (url, origins, decision) => {
    expect(decideNavigation(url, origins)).toEqual(decision);
  });

  it('keeps a custom service to its own origin', () => {
    const origins = ['https://chat.example.com'];
    expect(decideNavigation('https://chat.example.com/inbox', origins)).toEqual({ action: 'allow' });
    expect(decideNavigation('https://other.example.com/', origins)).toEqual({ action: 'external', url: 'https://other.example.com/' });
  });
});

describe('decideWindowOpen', () => {
  it.each([
    ['https://accounts.google.com/signin', PLATFORMS['google-messages'].origins, { action: 'child' }],
    ['about:blank', whatsapp, { action: 'child' }],
    ['', whatsapp, { action: 'child' }],
    ['https://example.com/product/1', whatsapp, { action: 'external', url: 'https://example.com/product/1' }],
    ['javascript:alert(document.cookie)', whatsapp, { action: 'deny' }],
    ['about:srcdoc', whatsapp, { action: 'deny' }],
    ['file:///C:/Windows/System32/calc.exe', whatsapp, { action: 'deny' }],
  ])('%s', (url, origins, decision) => {
    expect(decideWindowOpen(url, origins)).toEqual(decision);
  });
});

describe('decidePermission', () => {
  const grants = { origins: whatsapp, callsAllowed: false };
  const ask = (permission: string, requestingUrl = 'https://web.whatsapp.com/', mediaTypes: string[] = []) =>
    decidePermission({ permission, requestingUrl, isMainFrame: true, mediaTypes }, grants);

  it('grants notifications to the service’s main frame only, never to one of its frames', () => {
    const own = { permission: 'notifications', requestingUrl: 'https://web.whatsapp.com/', mediaTypes: [] };
    expect(decidePermission({ ...own, isMainFrame: true }, grants)).toBe(true);
    expect(decidePermission({ ...own, isMainFrame: false }, grants)).toBe(false);
    // A frame's other permissions follow the origin alone.
    expect(decidePermission({ ...own, permission: 'clipboard-sanitized-write', isMainFrame: false }, grants)).toBe(true);
  });

  it('grants notifications to the service’s own origin only', () => {
    expect(ask('notifications')).toBe(true);
    expect(ask('notifications', 'https://web.whatsapp.com.evil.example/')).toBe(false);
    expect(ask('notifications', 'https://evil.example/')).toBe(false);
    expect(ask('notifications', 'http://web.whatsapp.com/')).toBe(false);
    expect(ask('notifications', '')).toBe(false);
  });

  it('grants camera and microphone only once the user enabled calls', () => {
    expect(ask('media', 'https://web.whatsapp.com/', ['audio'])).toBe(false);
    const calls = { origins: whatsapp, callsAllowed: true };
    expect(decidePermission({ permission: 'media', isMainFrame: true, requestingUrl: 'https://web.whatsapp.com/', mediaTypes: ['audio', 'video'] }, calls)).toBe(true);
    expect(decidePermission({ permission: 'media', isMainFrame: true, requestingUrl: 'https://web.whatsapp.com/', mediaTypes: [] }, calls)).toBe(false);
    expect(decidePermission({ permission: 'media', isMainFrame: true, requestingUrl: 'https://evil.example/', mediaTypes: ['video'] }, calls)).toBe(false);
    expect(decidePermission({ permission: 'media', isMainFrame: true, requestingUrl: 'https://web.whatsapp.com/', mediaTypes: ['screen'] }, calls)).toBe(false);
  });

  // Electron 45 asks `display-capture` for getDisplayMedia and for the legacy desktop getUserMedia (no picker) alike.
  it('grants a screen capture only to the top frame, with calls allowed and video asked, while a share may start', () => {
    const own = { permission: 'display-capture', requestingUrl: 'https://web.whatsapp.com/', mediaTypes: ['video'] };
    const may = { origins: whatsapp, callsAllowed: true, screenCapture: true };
    expect(decidePermission({ ...own, isMainFrame: true }, may)).toBe(true);
    expect(decidePermission({ ...own, isMainFrame: true, mediaTypes: ['video', 'audio'] }, may)).toBe(true);
    expect(decidePermission({ ...own, isMainFrame: false }, may)).toBe(false);
    expect(decidePermission({ ...own, isMainFrame: true }, { ...may, screenCapture: false })).toBe(false);
    expect(decidePermission({ ...own, isMainFrame: true }, { ...may, callsAllowed: false })).toBe(false);
    expect(decidePermission({ ...own, isMainFrame: true, requestingUrl: 'https://evil.example/' }, may)).toBe(false);
    // The system's sound alone is never a getDisplayMedia (it always asks video); nor is a request naming nothing.
    expect(decidePermission({ ...own, isMainFrame: true, mediaTypes: ['audio'] }, may)).toBe(false);
    expect(decidePermission({ ...own, isMainFrame: true, mediaTypes: [] }, may)).toBe(false);
    expect(decidePermission({ ...own, isMainFrame: true, mediaTypes: ['video', 'screen'] }, may)).toBe(false);
    // Before Electron 45 a screen capture came as `media` naming no device: refused now, whatever the grants.
    expect(decidePermission({ ...own, permission: 'media', isMainFrame: true, mediaTypes: [] }, may)).toBe(false);
    // Camera and microphone do not depend on it.
    expect(decidePermission({ ...own, permission: 'media', isMainFrame: false, mediaTypes: ['audio'] }, { ...may, screenCapture: false })).toBe(true);
  });

  // Copy buttons and full-screen video: the service's own pages only.
  it.each([
    ['clipboard-sanitized-write', 'https://web.whatsapp.com/', true],
    ['clipboard-sanitized-write', 'https://web.whatsapp.com/send?phone=1', true],
    ['clipboard-sanitized-write', 'https://evil.example/', false],
    ['clipboard-sanitized-write', 'https://web.whatsapp.com.evil.example/', false],
    ['clipboard-sanitized-write', 'http://web.whatsapp.com/', false],
    ['clipboard-sanitized-write', '', false],
    ['fullscreen', 'https://web.whatsapp.com/', true],
    ['fullscreen', 'https://www.youtube.com/embed/x', false],
    ['fullscreen', 'https://evil.example/', false],
    ['fullscreen', 'not a url', false],
  ] as const)('%s for %j: %s', (permission, requestingUrl, granted) => {
    expect(ask(permission, requestingUrl)).toBe(granted);
    expect(decidePermission({ permission, requestingUrl, isMainFrame: true, mediaTypes: [] }, { origins: whatsapp, callsAllowed: true })).toBe(granted);
  });

  it.each(['geolocation', 'clipboard-read', 'midi', 'midiSysex', 'hid', 'usb', 'serial', 'display-capture', 'pointerLock', 'keyboardLock', 'openExternal', 'unknown', 'storage-access', 'deprecated-sync-clipboard-read'])(
    'denies %s',
    (permission) => {
      expect(decidePermission({ permission, requestingUrl: 'https://web.whatsapp.com/', isMainFrame: true, mediaTypes: [] }, { origins: whatsapp, callsAllowed: true })).toBe(false);
    },
  );
});

describe('decideShellNavigation', () => {
  const shell = { protocol: 'app:', host: 'wasl' };
  it.each([
    ['app://wasl/index.html', { action: 'allow' }],
    ['app://evil/index.html', { action: 'deny' }],
    ['https://example.com/', { action: 'external', url: 'https://example.com/' }],
    ['file:///etc/passwd', { action: 'deny' }],
    ['javascript:alert(1)', { action: 'deny' }],
  ])('%s', (url, decision) => {
    expect(decideShellNavigation(url, shell)).toEqual(decision);
  });
});

describe('fetchableImageUrl (pictures main fetches for a page: notification icons, avatars)', () => {
  it.each([
    ['https://pps.whatsapp.net/v/t61/avatar.jpg?oh=1', 'https://pps.whatsapp.net/v/t61/avatar.jpg?oh=1'],
    ['https://cdn.example.com:8443/a.png', 'https://cdn.example.com:8443/a.png'],
    ['HTTPS://CDN.Example.COM/a.png', 'https://cdn.example.com/a.png'],
    ['https://8.8.8.8/a.png', 'https://8.8.8.8/a.png'],
    ['https://172.32.0.1/a.png', 'https://172.32.0.1/a.png'],
    ['https://172.15.255.255/a.png', 'https://172.15.255.255/a.png'],
    ['https://192.169.0.1/a.png', 'https://192.169.0.1/a.png'],
    ['https://[2001:db8::1]/a.png', 'https://[2001:db8::1]/a.png'],
    ['https://[::ffff:8.8.8.8]/a.png', 'https://[::ffff:808:808]/a.png'],
    ['https://localhost.example.com/a.png', 'https://localhost.example.com/a.png'],
    ['https://mylocalhost/a.png', 'https://mylocalhost/a.png'],
  ])('fetches %j as %j', (raw, href) => {
    expect(fetchableImageUrl(raw)).toBe(href);
  });

  it.each([
    // Only https, and no user info.
    'http://example.com/a.png',
    'file:///etc/passwd',
    'ftp://example.com/a.png',
    'data:image/png;base64,iVBORw0KGgo=',
    'javascript:alert(1)',
    'blob:https://web.whatsapp.com/0a1b',
    'https://user:pw@example.com/a.png',
    'https://user@example.com/a.png',
    'not a url',
    '',
    // Loopback, however it is written.
    'https://127.0.0.1/a.png',
    'https://127.255.255.254/a.png',
    'https://127.1/a.png',
    'https://0x7f.1/a.png',
    'https://2130706433/a.png',
    'https://0177.0.0.1/a.png',
    'https://127.0.0.1./a.png',
    'https://[::1]/a.png',
    'https://[0:0:0:0:0:0:0:1]/a.png',
    'https://[::ffff:127.0.0.1]/a.png',
    'https://[::127.0.0.1]/a.png',
    'https://localhost/a.png',
    'https://LOCALHOST./a.png',
    'https://localhost:8443/a.png',
    'https://%6c%6f%63%61%6c%68%6f%73%74/a.png',
    'https://printer.localhost/a.png',
    // Unspecified.
    'https://0.0.0.0/a.png',
    'https://0/a.png',
    'https://[::]/a.png',
    // Private networks.
    'https://10.0.0.1/a.png',
    'https://10.255.255.255/a.png',
    'https://172.16.0.1/a.png',
    'https://172.31.255.255/a.png',
    'https://192.168.1.1/a.png',
    'https://[::ffff:192.168.1.1]/a.png',
    'https://[::ffff:10.0.0.1]/a.png',
    'https://[fc00::1]/a.png',
    'https://[fd12:3456::1]/a.png',
    'https://[FDFF:ffff::1]/a.png',
    // Link-local (cloud metadata lives at 169.254.169.254).
    'https://169.254.169.254/latest/meta-data',
    'https://169.254.0.1/a.png',
    'https://[fe80::1]/a.png',
    'https://[febf::1]/a.png',
    'https://[::ffff:169.254.169.254]/a.png',
  ])('refuses %j', (raw) => {
    expect(fetchableImageUrl(raw)).toBeUndefined();
  });
});
