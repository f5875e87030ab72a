/**
 * Electron's globalShortcut as a fake: the keys other apps hold (register refuses them), the keys Wasl holds with
 * their callbacks, every call in order, and a press of a held key anywhere on the "computer".
 */
import type { GlobalShortcutLike } from '../../main/electron/global-shortcut';

export class FakeGlobalShortcut implements GlobalShortcutLike {
  /** Accelerators another app holds: registering one fails. */
  readonly heldElsewhere = new Set<string>();
  /** Accelerators Electron cannot read: registering one throws, as Electron does. */
  readonly unreadable = new Set<string>();
  readonly registered = new Map<string, () => void>();
  /** `register X`, `unregister X`, `unregisterAll`, in order. */
  readonly calls: string[] = [];

  register(accelerator: string, callback: () => void): boolean {
    this.calls.push(`register ${accelerator}`);
    if (this.unreadable.has(accelerator)) throw new Error(`conversion failure: ${accelerator}`);
    if (this.heldElsewhere.has(accelerator) || this.registered.has(accelerator)) return false;
    this.registered.set(accelerator, callback);
    return true;
  }

  unregister(accelerator: string): void {
    this.calls.push(`unregister ${accelerator}`);
    this.registered.delete(accelerator);
  }

  unregisterAll(): void {
    this.calls.push('unregisterAll');
    this.registered.clear();
  }

  /** The user presses the key, whichever app is in front: answers whether Wasl held it. */
  press(accelerator: string): boolean {
    const callback = this.registered.get(accelerator);
    callback?.();
    return callback !== undefined;
  }
}
