import { describe, expect, it } from 'vitest';
import type { NotificationResponse, OsNotification } from '../../../../main/core/notifications/center';
import { NOTIFICATION_OFFERS } from '../../../../main/core/notifications/offers';
import type { FetchInit, FetchResponseLike } from '../../../../main/electron/api';
import { ElectronNotifier, ICON_MAX_BYTES, ICON_TIMEOUT_MS } from '../../../../main/electron/notifier';
import { ManualClock } from '../../../fakes/clock';
import { createFakeElectron, type FakeElectron, type FakeSession } from '../../../fakes/electron';
import { MemoryLogger } from '../../../fakes/logger';
import { flush } from './support';
import { encodePng } from './png';

const AVATAR = 'https://pps.whatsapp.net/v/t61/avatar.jpg?oh=1';
/** A real 2×3 PNG. */
const PNG = new Uint8Array(encodePng({ width: 2, height: 3, data: new Uint8Array(2 * 3 * 4).fill(200) }));

interface Harness {
  fake: FakeElectron;
  notifier: ElectronNotifier<ReturnType<FakeElectron['nativeImage']['createFromPath']>>;
  log: MemoryLogger;
  clock: ManualClock;
  /** The session of service `a`, whose notifications these are. */
  session: FakeSession;
  clicks: number;
  show(extra?: Partial<OsNotification>): void;
}

function setup(): Harness {
  const fake = createFakeElectron();
  const log = new MemoryLogger();
  const clock = new ManualClock();
  const notifier = new ElectronNotifier(fake, log, clock);
  const h: Harness = {
    fake,
    notifier,
    log,
    clock,
    session: fake.sessionFor('persist:svc-a'),
    clicks: 0,
    show: (extra = {}) => {
      notifier.show({ title: 'أحمد', body: 'هل الفستان متوفر؟', silent: false, serviceId: 'a', ...extra }, () => {
        h.clicks += 1;
      });
    },
  };
  return h;
}

const respond = (body: BodyInit | null, init: ResponseInit = {}): (() => Promise<FetchResponseLike>) => () => Promise.resolve(new Response(body, init));

/** A fetch that never answers until aborted, as a stalled server would (`ignoreAbort`: not even then). */
function stalled(ignoreAbort = false): (url: string, init?: FetchInit) => Promise<FetchResponseLike> {
  return (_url, init) =>
    new Promise((_resolve, reject) => {
      if (!ignoreAbort) init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
}

/**
 * A server that answers AVATAR with a redirect to `location` (and `location` with a picture), behind a fetch that
 * treats redirects as Electron's net.fetch does: followed in 'follow' mode (the default); in 'error' and 'manual'
 * modes the request is cancelled and the fetch rejects. Answers every URL the server was asked for.
 */
function redirecting(h: Harness, location: string): string[] {
  const requested: string[] = [];
  h.session.fetchHandler = (url, init) => {
    requested.push(url);
    if (url !== AVATAR) return Promise.reject(new TypeError('net::ERR_NAME_NOT_RESOLVED'));
    if ((init?.redirect ?? 'follow') !== 'follow') return Promise.reject(new Error('Redirect was cancelled'));
    requested.push(location);
    return Promise.resolve(new Response(PNG));
  };
  return requested;
}

describe('ElectronNotifier', () => {
  it('shows an OS notification at once when there is no picture, and hands its click back', () => {
    const h = setup();
    h.show();
    expect(h.fake.notifications.map((n) => [n.options, n.shown])).toEqual([[{ title: 'أحمد', body: 'هل الفستان متوفر؟', silent: false }, true]]);
    h.fake.notifications[0]?.click();
    expect(h.clicks).toBe(1);
  });

  it('says so, once per attempt, where the OS has no notifications', () => {
    const h = setup();
    h.fake.notificationsSupported = false;
    h.show({ iconUrl: AVATAR });
    expect(h.fake.notifications).toEqual([]);
    expect(h.session.fetched).toEqual([]);
    expect(h.log.count('warn', 'notifications are not supported on this system')).toBe(1);
  });

  it('fetches the sender’s picture through that service’s own session and shows it; clicks still work', async () => {
    const h = setup();
    h.session.fetchHandler = respond(PNG, { headers: { 'content-type': 'image/png' } });
    const other = h.fake.sessionFor('persist:svc-b');
    h.show({ iconUrl: AVATAR });
    expect(h.fake.notifications).toEqual([]);
    await flush();
    expect(h.session.fetched).toEqual([AVATAR]);
    expect(other.fetched).toEqual([]);
    const [shown] = h.fake.notifications;
    expect(shown?.shown).toBe(true);
    expect(shown?.options).toMatchObject({ title: 'أحمد', body: 'هل الفستان متوفر؟', silent: false });
    expect(shown?.options.icon?.origin).toBe('buffer');
    expect(shown?.options.icon?.getSize()).toEqual({ width: 2, height: 3 });
    shown?.click();
    expect(h.clicks).toBe(1);
    expect(h.log.lines).toEqual([]);
  });

  it('keeps a fetched picture for the next notification from the same sender', async () => {
    const h = setup();
    h.session.fetchHandler = respond(PNG);
    h.show({ iconUrl: AVATAR });
    await flush();
    h.session.fetchHandler = respond(PNG);
    h.show({ iconUrl: AVATAR });
    await flush();
    expect(h.session.fetched).toEqual([AVATAR]);
    expect(h.fake.notifications.map((n) => n.options.icon)).toEqual([expect.anything(), expect.anything()]);
    expect(h.fake.notifications[1]?.options.icon).toBe(h.fake.notifications[0]?.options.icon);
  });

  it('gives up on a slow picture after two seconds, aborting the fetch, and shows the notification without it', async () => {
    const h = setup();
    let aborted = false;
    h.session.fetchHandler = (url, init) => {
      init?.signal?.addEventListener('abort', () => {
        aborted = true;
      });
      return stalled()(url, init);
    };
    h.show({ iconUrl: AVATAR });
    await flush();
    h.clock.advance(ICON_TIMEOUT_MS - 1);
    await flush();
    expect(h.fake.notifications).toEqual([]);
    h.clock.advance(1);
    await flush();
    expect(aborted).toBe(true);
    expect(h.fake.notifications.map((n) => n.options)).toEqual([{ title: 'أحمد', body: 'هل الفستان متوفر؟', silent: false }]);
    expect(h.log.lines).toEqual([{ level: 'warn', message: 'notification shown without its picture', fields: { service: 'a', reason: 'timeout' } }]);
    h.fake.notifications[0]?.click();
    expect(h.clicks).toBe(1);
  });

  it('gives up after two seconds even on a fetch that ignores the abort', async () => {
    const h = setup();
    h.session.fetchHandler = stalled(true);
    h.show({ iconUrl: AVATAR });
    h.clock.advance(ICON_TIMEOUT_MS);
    await flush();
    expect(h.fake.notifications).toHaveLength(1);
    expect(h.fake.notifications[0]?.options.icon).toBeUndefined();
  });

  it('refuses a picture that says it is larger than 2 MB, without reading it', async () => {
    const h = setup();
    h.session.fetchHandler = respond(PNG, { headers: { 'content-length': String(ICON_MAX_BYTES + 1) } });
    h.show({ iconUrl: AVATAR });
    await flush();
    expect(h.fake.notifications.map((n) => n.options.icon)).toEqual([undefined]);
    expect(h.log.lines.map((l) => l.fields?.['reason'])).toEqual(['too-large']);
  });

  it('stops reading a picture that grows past 2 MB without saying its size', async () => {
    const h = setup();
    let sent = 0;
    let cancelled = false;
    const chunk = new Uint8Array(256 * 1024);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    });
    h.session.fetchHandler = respond(body);
    h.show({ iconUrl: AVATAR });
    for (let i = 0; i < 10 && h.fake.notifications.length === 0; i += 1) await flush();
    expect(h.fake.notifications.map((n) => n.options.icon)).toEqual([undefined]);
    expect(cancelled).toBe(true);
    expect(sent).toBeLessThanOrEqual(ICON_MAX_BYTES + 2 * chunk.length);
    expect(h.log.lines.map((l) => l.fields?.['reason'])).toEqual(['too-large']);
  });

  it('shows it without a picture when the bytes are not an image, or the server refuses', async () => {
    const h = setup();
    h.session.fetchHandler = respond('<html>login</html>', { headers: { 'content-type': 'text/html' } });
    h.show({ iconUrl: AVATAR });
    await flush();
    h.session.fetchHandler = respond(null, { status: 403 });
    h.show({ iconUrl: `${AVATAR}&again` });
    await flush();
    h.session.fetchHandler = () => Promise.reject(new TypeError('net::ERR_NAME_NOT_RESOLVED'));
    h.show({ iconUrl: `${AVATAR}&third` });
    await flush();
    expect(h.fake.notifications.map((n) => [n.shown, n.options.icon])).toEqual([
      [true, undefined],
      [true, undefined],
      [true, undefined],
    ]);
    expect(h.log.lines.map((l) => l.fields?.['reason'])).toEqual(['not-an-image', 'http-error', 'network']);
  });

  it('logs each kind of failure once per service, not once per notification', async () => {
    const h = setup();
    h.session.fetchHandler = respond('nope');
    for (let i = 0; i < 3; i += 1) {
      h.show({ iconUrl: `${AVATAR}&n=${i}` });
      await flush();
    }
    h.fake.sessionFor('persist:svc-b').fetchHandler = respond('nope');
    h.show({ iconUrl: AVATAR, serviceId: 'b' });
    await flush();
    expect(h.fake.notifications).toHaveLength(4);
    expect(h.log.lines.map((l) => l.fields)).toEqual([
      { service: 'a', reason: 'not-an-image' },
      { service: 'b', reason: 'not-an-image' },
    ]);
  });

  it('tries a failed picture again on the next notification', async () => {
    const h = setup();
    h.session.fetchHandler = respond(null, { status: 500 });
    h.show({ iconUrl: AVATAR });
    await flush();
    h.session.fetchHandler = respond(PNG);
    h.show({ iconUrl: AVATAR });
    await flush();
    expect(h.session.fetched).toEqual([AVATAR, AVATAR]);
    expect(h.fake.notifications[1]?.options.icon?.isEmpty()).toBe(false);
  });

  it('decodes a data: picture directly, without fetching', async () => {
    const h = setup();
    h.show({ iconUrl: `data:image/png;base64,${Buffer.from(PNG).toString('base64')}` });
    await flush();
    expect(h.fake.notifications[0]?.options.icon?.origin).toBe('data-url');
    expect(h.fake.notifications[0]?.options.icon?.getSize()).toEqual({ width: 2, height: 3 });
    expect(h.fake.sessions.get('persist:svc-a')?.fetched ?? []).toEqual([]);
  });

  it('shows it without a picture for a data: address that is not a PNG or JPEG, or is too long', async () => {
    const h = setup();
    h.show({ iconUrl: 'data:image/svg+xml;base64,PHN2Zy8+' });
    h.show({ iconUrl: 'data:image/png;base64,bm90IGFuIGltYWdl' });
    h.show({ iconUrl: `data:image/png;base64,${'A'.repeat(Math.ceil((ICON_MAX_BYTES * 4) / 3) + 100)}` });
    await flush();
    expect(h.fake.notifications.map((n) => n.options.icon)).toEqual([undefined, undefined, undefined]);
    expect(h.log.lines.map((l) => l.fields?.['reason'])).toEqual(['unsupported-address', 'not-an-image', 'too-large']);
  });

  it('never fetches a picture from the user’s own computer or network', async () => {
    const h = setup();
    h.session.fetchHandler = respond(PNG);
    const local = [
      'https://127.0.0.1/a.png',
      'https://0x7f.1/a.png',
      'https://[::1]/a.png',
      'https://localhost:8443/a.png',
      'https://router.localhost/a.png',
      'https://192.168.1.1/a.png',
      'https://10.0.0.2/a.png',
      'https://172.16.5.4/a.png',
      'https://169.254.169.254/latest/meta-data',
      'https://[fd00::1]/a.png',
      'https://[fe80::1]/a.png',
      'https://0.0.0.0/a.png',
    ];
    for (const iconUrl of local) h.show({ iconUrl });
    await flush();
    expect(h.session.fetched).toEqual([]);
    expect(h.fake.notifications.map((n) => [n.shown, n.options.icon])).toEqual(local.map(() => [true, undefined]));
    expect(h.log.lines.map((l) => l.fields)).toEqual([{ service: 'a', reason: 'unsupported-address' }]);
  });

  it.each(['http://pps.whatsapp.net/a.png', 'https://127.0.0.1/a.png', 'https://169.254.169.254/latest/meta-data', 'https://cdn.example.com/a.png'])(
    'does not follow a redirect (to %j): the notification shows without its picture',
    async (location) => {
      const h = setup();
      const requested = redirecting(h, location);
      h.show({ iconUrl: AVATAR });
      await flush();
      expect(requested).toEqual([AVATAR]);
      expect(h.fake.notifications.map((n) => [n.shown, n.options.icon])).toEqual([[true, undefined]]);
    },
  );

  it('never fetches anything but https', async () => {
    const h = setup();
    for (const iconUrl of ['http://example.com/a.png', 'file:///etc/passwd', 'https://user:pw@example.com/a.png', 'https://[bad']) h.show({ iconUrl });
    await flush();
    expect(h.session.fetched).toEqual([]);
    expect(h.fake.notifications).toHaveLength(4);
    expect(h.fake.notifications.every((n) => n.options.icon === undefined)).toBe(true);
  });

  describe('answers and buttons', () => {
    const offered: Partial<OsNotification> = {
      replyPlaceholder: 'Type a reply',
      actions: [
        { action: 'done', title: 'Done' },
        { action: 'remind-later', title: 'Remind me in 1 hour' },
      ],
    };
    const showOn = (os: keyof typeof NOTIFICATION_OFFERS) => {
      const fake = createFakeElectron();
      const notifier = new ElectronNotifier(fake, new MemoryLogger(), new ManualClock(), NOTIFICATION_OFFERS[os]);
      const responses: NotificationResponse[] = [];
      let clicks = 0;
      notifier.show({ title: 'Layla', silent: false, ...offered }, () => (clicks += 1), (r) => responses.push(r));
      return { fake, responses, clicks: () => clicks };
    };

    it.each(['darwin', 'win32'] as const)('on %s: an answer field and the buttons, and hands back what the user typed or pressed', (os) => {
      const { fake, responses, clicks } = showOn(os);
      const shown = fake.notifications[0];
      expect(shown?.options).toEqual({
        title: 'Layla',
        silent: false,
        hasReply: true,
        replyPlaceholder: 'Type a reply',
        actions: [
          { type: 'button', text: 'Done' },
          { type: 'button', text: 'Remind me in 1 hour' },
        ],
      });
      shown?.reply('Yes, in red and blue');
      shown?.pressAction(1);
      shown?.pressAction(0);
      shown?.pressAction(7);
      expect(responses).toEqual([
        { type: 'reply', text: 'Yes, in red and blue' },
        { type: 'action', action: 'remind-later' },
        { type: 'action', action: 'done' },
      ]);
      expect(clicks()).toBe(0);
    });

    it('on Linux: neither (Electron shows no answer field or buttons there); a click still comes back', () => {
      const { fake, responses, clicks } = showOn('linux');
      const shown = fake.notifications[0];
      expect(shown?.options).toEqual({ title: 'Layla', silent: false });
      expect(shown?.listenerCount('reply')).toBe(0);
      expect(shown?.listenerCount('action')).toBe(0);
      shown?.click();
      expect(clicks()).toBe(1);
      expect(responses).toEqual([]);
    });

    it('offers nothing unless told what the system offers, or when no one listens for the answer', () => {
      const fake = createFakeElectron();
      new ElectronNotifier(fake, new MemoryLogger(), new ManualClock()).show({ title: 'Layla', silent: false, ...offered }, () => undefined, () => undefined);
      new ElectronNotifier(fake, new MemoryLogger(), new ManualClock(), NOTIFICATION_OFFERS.darwin).show({ title: 'Layla', silent: false, ...offered }, () => undefined);
      expect(fake.notifications.map((n) => n.options)).toEqual([
        { title: 'Layla', silent: false },
        { title: 'Layla', silent: false },
      ]);
    });
  });
});
