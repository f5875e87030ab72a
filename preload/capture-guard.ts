/**
 * The capture guard, installed in the page's own (main) world before its scripts run, as the notification shim is
 * (`contextBridge.executeInMainWorld`). Electron lets the legacy `getUserMedia` with `chromeMediaSource`
 * constraints ('desktop', 'screen', 'tab') capture the whole screen once the session's `display-capture`
 * permission is granted, with no picker (shell/browser/web_contents_permission_helper.cc HandleUserMediaRequest;
 * electron/electron's spec "is not called when calling legacy getUserMedia with desktop capture constraint"). Such
 * a call is refused here, in the page, with NotAllowedError, before a request leaves it; camera and microphone
 * requests go on as the page made them. Screen sharing is `getDisplayMedia`, which goes to Wasl's picker.
 *
 * The constraints are copied once (structuredClone: each getter read once, no Proxy) and the copy is what is checked
 * and passed on, so a constraint cannot read one way for the check and another for the browser. A page can still
 * reach an unwrapped getUserMedia through another frame's realm: main stops a capture no picker request follows
 * (main/core/screen-share/picker.ts `granted`), so this guard is the first line, not the only one.
 *
 * The function is serialized into the page, so it must not use anything from outside its own body.
 */

export const CAPTURE_REFUSED = 'Wasl shares the screen only through getDisplayMedia and its picker.';

export function installCaptureGuard(message: string): void {
  const w = window as typeof window & { __waslCaptureGuard?: boolean };
  if (w.__waslCaptureGuard) return;
  Object.defineProperty(w, '__waslCaptureGuard', { value: true });

  const clone = w.structuredClone.bind(w);
  const isArray = Array.isArray;
  const has = Reflect.has;
  const get = Reflect.get;
  const apply = Reflect.apply;
  const Refusal = w.DOMException;
  const reject = Promise.reject.bind(Promise);
  const later = w.queueMicrotask.bind(w);
  const KEYS = ['chromeMediaSource', 'chromeMediaSourceId'];
  const refusal = (): DOMException => new Refusal(message, 'NotAllowedError');

  const namesSource = (set: unknown): boolean => typeof set === 'object' && set !== null && KEYS.some((key) => has(set, key));
  /** Whether a track's constraints ask for a desktop or tab source, in the legacy or the new form. */
  const asksSource = (track: unknown): boolean => {
    if (typeof track !== 'object' || track === null) return false;
    const optional: unknown = get(track, 'optional');
    return namesSource(track) || namesSource(get(track, 'mandatory')) || (isArray(optional) && optional.some(namesSource));
  };
  /** The constraints as one plain copy, and whether they ask for a capture; a copy that cannot be made is refused. */
  const inspect = (constraints: unknown): { copy: unknown; capture: boolean } => {
    if (constraints === undefined) return { copy: constraints, capture: false };
    try {
      const copy: unknown = clone(constraints);
      const capture = typeof copy === 'object' && copy !== null && (asksSource(get(copy, 'video')) || asksSource(get(copy, 'audio')));
      return { copy, capture };
    } catch {
      return { copy: undefined, capture: true };
    }
  };

  // MediaDevices exists in secure contexts only (a service's https page is one).
  const Devices: unknown = get(w, 'MediaDevices');
  const devices: unknown = typeof Devices === 'function' ? get(Devices, 'prototype') : undefined;
  const modern: unknown = typeof devices === 'object' && devices !== null ? get(devices, 'getUserMedia') : undefined;
  if (typeof devices === 'object' && devices !== null && typeof modern === 'function') {
    Object.defineProperty(devices, 'getUserMedia', {
      configurable: true,
      enumerable: true,
      writable: true,
      value: function getUserMedia(this: MediaDevices, constraints?: MediaStreamConstraints): Promise<MediaStream> {
        const { copy, capture } = inspect(constraints);
        if (capture) return reject(refusal());
        return apply(modern as (this: MediaDevices, ...args: unknown[]) => Promise<MediaStream>, this, copy === undefined ? [] : [copy]);
      },
    });
  }

  type Legacy = (this: Navigator, constraints: unknown, success: unknown, failure?: unknown) => void;
  const navigatorProto = w.Navigator.prototype;
  for (const name of ['getUserMedia', 'webkitGetUserMedia']) {
    const original: unknown = get(navigatorProto, name);
    if (typeof original !== 'function') continue;
    Object.defineProperty(navigatorProto, name, {
      configurable: true,
      enumerable: true,
      writable: true,
      value: function legacyGetUserMedia(this: Navigator, constraints: unknown, success: unknown, failure?: unknown): void {
        const { copy, capture } = inspect(constraints);
        if (!capture) {
          apply(original as Legacy, this, [copy, success, failure]);
          return;
        }
        if (typeof failure === 'function') {
          later(() => {
            apply(failure as (error: DOMException) => void, undefined, [refusal()]);
          });
        }
      },
    });
  }
}
