/**
 * NotifierPort on Electron: an OS notification per call, its click handed back, with the sender's picture when
 * the page gave one. Where the OS has no notification support the call is logged and dropped (the in-app record
 * stays). Where the system offers them (NOTIFICATION_OFFERS: macOS and Windows), a notification carries an answer
 * field (`hasReply`) and buttons (`actions`), and hands back what was typed ('reply') or which button was pressed
 * ('action'); elsewhere (Linux) they are left out, since Electron shows neither there.
 *
 * Pictures: an https address is fetched through the service's own session (its cookies, proxy and cache, as the
 * page itself would fetch it), within ICON_TIMEOUT_MS and ICON_MAX_BYTES; a data: address is decoded directly.
 * A page must not make main reach the user's own computer or network: an address there is refused
 * (main/security/policy.ts `fetchableImageUrl`), and no redirect is followed — Electron's fetch cannot hand a
 * redirect back to be checked first (`redirect: 'manual'` cancels it), so a redirected picture is simply left out.
 * Whatever goes wrong (slow, too large, not an image, refused) the notification is shown without a picture, and
 * each kind of failure is logged once per service. Pictures already fetched are kept for the next notifications.
 */
import type { NotificationResponse, NotifierPort, OsNotification } from '../core/notifications/center';
import type { NotificationOffers } from '../core/notifications/offers';
import { systemClock, type Clock, type Logger, type TimerHandle } from '../core/app/ports';
import type { ElectronApi, NativeImageLike, NotificationLike, NotificationOptions, WebContentsViewLike } from './api';
import { fetchableImageUrl } from '../security/policy';
import { partitionOf } from './service-views';

export const ICON_TIMEOUT_MS = 2_000;
export const ICON_MAX_BYTES = 2 * 1024 * 1024;
/** Pictures kept, the least recently used dropped first. */
const ICON_CACHE = 64;
/** Shown notifications kept referenced: the OS may drop the click of one that was garbage-collected. */
const LIVE = 50;

const DATA_IMAGE = /^data:image\/(png|jpeg|jpg);base64,/i;

type IconFailure = 'timeout' | 'too-large' | 'http-error' | 'not-an-image' | 'network' | 'unsupported-address';

class IconError extends Error {
  constructor(readonly reason: IconFailure) {
    super(reason);
  }
}

export class ElectronNotifier<I extends NativeImageLike> implements NotifierPort {
  private readonly live = new Set<NotificationLike>();
  private readonly icons = new Map<string, Promise<I>>();
  private readonly logged = new Set<string>();

  constructor(
    private readonly electron: Pick<ElectronApi<WebContentsViewLike, I>, 'Notification' | 'nativeImage' | 'session'>,
    private readonly log: Logger,
    private readonly clock: Clock = systemClock,
    /** What this system's notifications offer (NOTIFICATION_OFFERS for the OS); nothing unless told. */
    readonly offers: NotificationOffers = { reply: false, actions: false },
  ) {}

  show(notification: OsNotification, onClick: () => void, onResponse?: (response: NotificationResponse) => void): void {
    if (!this.electron.Notification.isSupported()) {
      this.log.warn('notifications are not supported on this system');
      return;
    }
    const { iconUrl, serviceId } = notification;
    if (iconUrl === undefined || serviceId === undefined) {
      this.present(notification, undefined, onClick, onResponse);
      return;
    }
    this.icon(serviceId, iconUrl)
      .then(
        (icon) => {
          this.present(notification, icon, onClick, onResponse);
        },
        (error: unknown) => {
          const reason = error instanceof IconError ? error.reason : 'network';
          const key = `${serviceId}\u0000${reason}`;
          if (!this.logged.has(key)) {
            this.logged.add(key);
            this.log.warn('notification shown without its picture', { service: serviceId, reason });
          }
          this.present(notification, undefined, onClick, onResponse);
        },
      )
      .catch((error: unknown) => {
        this.log.error('could not show a notification', { service: notification.serviceId, error: String(error) });
      });
  }

  private present(notification: OsNotification, icon: I | undefined, onClick: () => void, onResponse?: (response: NotificationResponse) => void): void {
    const options: NotificationOptions<I> = { title: notification.title, silent: notification.silent };
    if (notification.body !== undefined) options.body = notification.body;
    if (icon !== undefined) options.icon = icon;
    const reply = onResponse !== undefined && this.offers.reply && notification.replyPlaceholder !== undefined;
    if (reply) {
      options.hasReply = true;
      options.replyPlaceholder = notification.replyPlaceholder;
    }
    const actions = onResponse !== undefined && this.offers.actions ? (notification.actions ?? []) : [];
    if (actions.length > 0) options.actions = actions.map((a) => ({ type: 'button', text: a.title }));
    const shown = new this.electron.Notification(options);
    shown.on('click', () => {
      this.live.delete(shown);
      onClick();
    });
    if (onResponse !== undefined && reply) {
      shown.on('reply', (details) => {
        this.live.delete(shown);
        onResponse({ type: 'reply', text: details.reply });
      });
    }
    if (onResponse !== undefined && actions.length > 0) {
      shown.on('action', (details) => {
        const action = actions[details.actionIndex];
        if (action === undefined) return;
        this.live.delete(shown);
        onResponse({ type: 'action', action: action.action });
      });
    }
    this.live.add(shown);
    if (this.live.size > LIVE) this.live.delete(this.live.values().next().value as NotificationLike);
    shown.show();
  }

  /** The picture at `url` as the service's session sees it, from the cache when it was fetched before. */
  private icon(serviceId: string, url: string): Promise<I> {
    const key = `${serviceId}\u0000${url}`;
    const cached = this.icons.get(key);
    if (cached) {
      // Most recently used last.
      this.icons.delete(key);
      this.icons.set(key, cached);
      return cached;
    }
    const loading = this.load(serviceId, url);
    this.icons.set(key, loading);
    if (this.icons.size > ICON_CACHE) this.icons.delete(this.icons.keys().next().value as string);
    loading.catch(() => {
      // Failures are not kept: the next notification tries again.
      if (this.icons.get(key) === loading) this.icons.delete(key);
    });
    return loading;
  }

  private async load(serviceId: string, url: string): Promise<I> {
    const { nativeImage } = this.electron;
    if (DATA_IMAGE.test(url)) {
      // Base64 holds 3 bytes in 4 characters.
      if (url.length > (ICON_MAX_BYTES * 4) / 3 + 64) throw new IconError('too-large');
      return this.checked(nativeImage.createFromDataURL(url));
    }
    const address = fetchableImageUrl(url);
    if (address === undefined) throw new IconError('unsupported-address');
    const bytes = await this.download(serviceId, address);
    return this.checked(nativeImage.createFromBuffer(bytes));
  }

  private checked(image: I): I {
    if (image.isEmpty()) throw new IconError('not-an-image');
    return image;
  }

  /** The body at `url`, fetched through the service's session; refused past ICON_MAX_BYTES or ICON_TIMEOUT_MS. */
  private async download(serviceId: string, url: string): Promise<Buffer> {
    const controller = new AbortController();
    let timer: TimerHandle | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = this.clock.setTimeout(() => {
        controller.abort();
        reject(new IconError('timeout'));
      }, ICON_TIMEOUT_MS);
    });
    const session = this.electron.session.fromPartition(partitionOf(serviceId));
    const read = async (): Promise<Buffer> => {
      let response;
      try {
        response = await session.fetch(url, { signal: controller.signal, redirect: 'error' });
      } catch {
        throw new IconError(controller.signal.aborted ? 'timeout' : 'network');
      }
      if (!response.ok) throw new IconError('http-error');
      const declared = Number(response.headers.get('content-length') ?? '0');
      if (declared > ICON_MAX_BYTES) {
        controller.abort();
        throw new IconError('too-large');
      }
      if (!response.body) throw new IconError('not-an-image');
      const reader = response.body.getReader();
      const chunks: Uint8Array[] = [];
      let total = 0;
      for (;;) {
        let chunk;
        try {
          chunk = await reader.read();
        } catch {
          throw new IconError(controller.signal.aborted ? 'timeout' : 'network');
        }
        if (chunk.done) break;
        const value = chunk.value ?? new Uint8Array(0);
        total += value.length;
        if (total > ICON_MAX_BYTES) {
          controller.abort();
          reader.cancel().catch(() => undefined);
          throw new IconError('too-large');
        }
        chunks.push(value);
      }
      return Buffer.concat(chunks);
    };
    try {
      return await Promise.race([read(), timeout]);
    } finally {
      if (timer !== undefined) this.clock.clearTimeout(timer);
    }
  }
}
