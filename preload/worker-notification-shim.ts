/**
 * The service-worker notification shim, installed in a service worker's own (main) world before the worker's
 * script runs. Context isolation holds in workers too: the service-worker preload's realm cannot touch the worker's
 * globals, so it injects this function with `contextBridge.executeInMainWorld` (Electron 35+), passing `forward`
 * (its own function, called across the bridge). It replaces `ServiceWorkerRegistration.prototype.showNotification`
 * with one that resolves as the original does but shows nothing itself: it hands title, body, tag, picture and data
 * to `forward`, which sends them to main, and Wasl shows one OS notification under its own rules. Electron would
 * show the worker's own as an OS notification of its own, past mute, do-not-disturb, private mode and the lock
 * (Wasl also refuses workers the notification permission, so the original would only fail).
 *
 * The function is serialized into the worker, so it must not use anything from outside its own body.
 */

/** What the shim hands the preload, as main's `workerNotificationSchema` (common/ipc.ts) takes it. */
export interface WorkerShimNotice {
  title: string;
  body?: string;
  tag?: string;
  /** Resolved against the worker's address; only an https or data:image one. */
  icon?: string;
  /** The notification data's top-level text, number and true/false fields, as [key, text]. */
  data?: [string, string][];
}

export function installWorkerNotificationShim(forward: (notice: WorkerShimNotice) => void): void {
  const scope = globalThis as typeof globalThis & { __waslWorkerShim?: boolean };
  const Registration = scope.ServiceWorkerRegistration as typeof ServiceWorkerRegistration | undefined;
  if (scope.__waslWorkerShim || typeof Registration !== 'function') return;
  Object.defineProperty(scope, '__waslWorkerShim', { value: true });
  const base = scope.location.href;
  const Url = URL;
  const keyPattern = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

  const text = (value: unknown, max: number): string =>
    (typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '').slice(0, max);

  const picture = (value: unknown): string => {
    const raw = text(value, 4096);
    if (raw === '') return '';
    try {
      const href = new Url(raw, base).href;
      return href.length <= 4096 && (href.startsWith('https://') || href.startsWith('data:image/')) ? href : '';
    } catch {
      return '';
    }
  };

  const pairs = (data: unknown): [string, string][] => {
    const out: [string, string][] = [];
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return out;
    for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
      if (out.length >= 20) break;
      if (keyPattern.test(key) && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) out.push([key, text(value, 200)]);
    }
    return out;
  };

  Object.defineProperty(Registration.prototype, 'showNotification', {
    // What a worker passes is whatever its script passes: read as the browser would, never trusted to be typed.
    value: function showNotification(title: unknown, options?: unknown): Promise<void> {
      if (arguments.length === 0) {
        return Promise.reject(new TypeError("Failed to execute 'showNotification' on 'ServiceWorkerRegistration': 1 argument required, but only 0 present."));
      }
      const fields = (typeof options === 'object' && options !== null ? options : {}) as Record<string, unknown>;
      const notice: WorkerShimNotice = { title: String(title).slice(0, 1000) };
      const body = text(fields['body'], 4000);
      const tag = text(fields['tag'], 200);
      const icon = picture(fields['icon']);
      const data = pairs(fields['data']);
      if (body !== '') notice.body = body;
      if (tag !== '') notice.tag = tag;
      if (icon !== '') notice.icon = icon;
      if (data.length > 0) notice.data = data;
      forward(notice);
      return Promise.resolve();
    },
    writable: true,
    enumerable: true,
    configurable: true,
  });
}
