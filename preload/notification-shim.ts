/**
 * The notification shim, installed in the page's own (main) world before its scripts run — context isolation
 * stays on; the preload injects it with `contextBridge.executeInMainWorld`. It replaces `window.Notification` with
 * a look-alike that the page uses exactly as before (same permission, same `onclick`, `close()`, events) but that
 * shows nothing itself: it hands title, body, icon and tag to the preload as a DOM event, and Wasl shows one OS
 * notification under its own rules (mute, do not disturb, one per chat). When the user clicks it, the page's own
 * handler runs. `ServiceWorkerRegistration.showNotification` called from the page takes the same route.
 *
 * The function is serialized into the page, so it must not use anything from outside its own body.
 */

export const NOTICE_EVENT = 'wasl:notice';
export const NOTIFICATION_CLICK_EVENT = 'wasl:notification-click';
export const NOTICE_HANDLED_EVENT = 'wasl:notice-handled';

export interface ShimEvents {
  notice: string;
  click: string;
  handled: string;
}

export const SHIM_EVENTS: ShimEvents = { notice: NOTICE_EVENT, click: NOTIFICATION_CLICK_EVENT, handled: NOTICE_HANDLED_EVENT };

export function installNotificationShim(events: ShimEvents): void {
  const w = window as typeof window & { __waslNotificationShim?: boolean };
  const original = w.Notification as typeof Notification | undefined;
  if (w.__waslNotificationShim || typeof original !== 'function') return;
  const Native: typeof Notification = original;
  Object.defineProperty(w, '__waslNotificationShim', { value: true });

  const doc = w.document;
  const toDocument = EventTarget.prototype.dispatchEvent.bind(doc);
  const listenOnDocument = EventTarget.prototype.addEventListener.bind(doc);
  const Custom = w.CustomEvent;
  const stringify = JSON.stringify;
  const live = new Map<string, WaslNotification>();
  let seq = 0;
  // Reading Notification.permission asks the browser process every time, and pages read it often: keep it, and
  // refresh it whenever the page asks for permission.
  let permission: NotificationPermission = Native.permission;

  /** Inert HTML parsing (a template's content runs no script and loads nothing), for `{__html}` text. */
  const htmlText = (html: string): string => {
    const template = doc.createElement('template');
    template.innerHTML = html;
    return template.content.textContent;
  };

  /**
   * What a value says as text. Strings as they are; numbers as numbers; and the rich objects some platforms
   * (Messenger) pass where text belongs — `{__html}`, arrays of parts, React-like `{props: {children}}` — flattened
   * to the text they carry instead of "[object Object]".
   */
  const asText = (value: unknown, depth = 0): string => {
    if (value === undefined || value === null || depth > 6) return '';
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return value.toString();
    // Parts are joined as rendered (["Hello ", name] reads "Hello Ahmed").
    if (Array.isArray(value)) return value.map((part: unknown) => asText(part, depth + 1)).join('');
    if (typeof value === 'object') {
      const fields = value as Record<string, unknown>;
      if (typeof fields['__html'] === 'string') return htmlText(fields['__html']);
      const props = fields['props'];
      if (typeof props === 'object' && props !== null) {
        const inner = props as Record<string, unknown>;
        return asText(inner['children'] ?? inner['content'] ?? inner['text'], depth + 1);
      }
      for (const key of ['children', 'content', 'text']) if (key in fields) return asText(fields[key], depth + 1);
    }
    return '';
  };

  const announce = (id: string, title: unknown, options: NotificationOptions | undefined): void => {
    const fields = (options ?? {}) as Record<string, unknown>;
    const detail = stringify({
      id,
      title: asText(title).slice(0, 1000),
      body: asText(fields['body']).slice(0, 4000),
      icon: asText(fields['icon']).slice(0, 4096),
      tag: asText(fields['tag']).slice(0, 200),
    });
    toDocument(new Custom(events.notice, { detail }));
  };

  class WaslNotification extends EventTarget {
    static get permission(): NotificationPermission {
      return permission;
    }
    static async requestPermission(callback?: NotificationPermissionCallback): Promise<NotificationPermission> {
      permission = await Native.requestPermission();
      callback?.(permission);
      return permission;
    }
    static get maxActions(): number {
      return 0;
    }

    readonly title: string;
    readonly body: string;
    readonly icon: string;
    readonly tag: string;
    readonly data: unknown;
    readonly dir: NotificationDirection;
    readonly lang: string;
    readonly silent: boolean | null;
    readonly requireInteraction: boolean;
    readonly badge: string;
    readonly timestamp: number;
    onclick: ((this: WaslNotification, ev: Event) => unknown) | null = null;
    onshow: ((this: WaslNotification, ev: Event) => unknown) | null = null;
    onclose: ((this: WaslNotification, ev: Event) => unknown) | null = null;
    onerror: ((this: WaslNotification, ev: Event) => unknown) | null = null;
    readonly #id: string;
    readonly #listeners = new Map<string, number>();

    constructor(title: string, options?: NotificationOptions) {
      super();
      if (arguments.length === 0) throw new TypeError("Failed to construct 'Notification': 1 argument required, but only 0 present.");
      const fields = (options ?? {}) as Record<string, unknown>;
      this.title = asText(title);
      this.body = asText(fields['body']);
      this.icon = asText(fields['icon']);
      this.tag = asText(fields['tag']);
      this.data = fields['data'] ?? null;
      this.dir = options?.dir ?? 'auto';
      this.lang = asText(fields['lang']);
      this.silent = options?.silent ?? null;
      this.requireInteraction = options?.requireInteraction ?? false;
      this.badge = asText(fields['badge']);
      this.timestamp = Date.now();
      this.#id = String(++seq);
      if (permission !== 'granted') {
        w.setTimeout(() => this.#fire('error'), 0);
        return;
      }
      if (live.size >= 200) {
        const oldest = live.keys().next().value;
        if (oldest !== undefined) live.delete(oldest);
      }
      live.set(this.#id, this);
      announce(this.#id, title, options);
      w.setTimeout(() => this.#fire('show'), 0);
    }

    override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void {
      if (listener) this.#listeners.set(type, (this.#listeners.get(type) ?? 0) + 1);
      super.addEventListener(type, listener, options);
    }

    override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void {
      const count = this.#listeners.get(type) ?? 0;
      if (listener && count > 0) this.#listeners.set(type, count - 1);
      super.removeEventListener(type, listener, options);
    }

    close(): void {
      if (live.delete(this.#id)) this.#fire('close');
    }

    /** Runs the page's handlers for `type`, the property one and the listeners; true when there was any. */
    #fire(type: 'click' | 'show' | 'close' | 'error'): boolean {
      const event = new Event(type, { cancelable: true });
      const handler = { click: this.onclick, show: this.onshow, close: this.onclose, error: this.onerror }[type];
      if (typeof handler === 'function') {
        try {
          handler.call(this, event);
        } catch (error) {
          w.setTimeout(() => {
            throw error;
          }, 0);
        }
      }
      this.dispatchEvent(event);
      return typeof handler === 'function' || (this.#listeners.get(type) ?? 0) > 0;
    }

    /** Wasl says the user clicked notification `id`: true when the page had a handler for it. */
    static clicked(id: string): boolean {
      const target = live.get(id);
      if (!target) return false;
      w.focus();
      const handled = target.#fire('click');
      target.close();
      return handled;
    }
  }

  listenOnDocument(events.click, (event: Event) => {
    const id = (event as CustomEvent<unknown>).detail;
    if (typeof id === 'string' && WaslNotification.clicked(id)) toDocument(new Custom(events.handled, { detail: id }));
  });

  Object.defineProperty(WaslNotification, 'name', { value: 'Notification' });
  Object.defineProperty(w, 'Notification', { value: WaslNotification, writable: true, configurable: true });

  const Registration = w.ServiceWorkerRegistration as typeof ServiceWorkerRegistration | undefined;
  if (Registration) {
    Object.defineProperty(Registration.prototype, 'showNotification', {
      value(title: string, options?: NotificationOptions): Promise<void> {
        if (permission === 'granted') announce(`sw${++seq}`, title, options);
        return Promise.resolve();
      },
      writable: true,
      configurable: true,
    });
  }
}
