/**
 * NotifierPort on Electron: an OS notification per call, its click handed back. Where the OS has no notification
 * support the call is logged and dropped (the in-app record stays).
 */
import type { NotifierPort, OsNotification } from '../core/notifications';
import type { Logger } from '../core/ports';
import type { ElectronApi, NotificationLike } from './api';

export class ElectronNotifier implements NotifierPort {
  /** Shown notifications are kept referenced until clicked or replaced, or the OS may drop their click. */
  private readonly live = new Set<NotificationLike>();

  constructor(
    private readonly electron: Pick<ElectronApi, 'Notification'>,
    private readonly log: Logger,
  ) {}

  show(notification: OsNotification, onClick: () => void): void {
    if (!this.electron.Notification.isSupported()) {
      this.log.warn('notifications are not supported on this system');
      return;
    }
    const options: { title: string; body?: string; silent: boolean } = { title: notification.title, silent: notification.silent };
    if (notification.body !== undefined) options.body = notification.body;
    const shown = new this.electron.Notification(options);
    shown.on('click', () => {
      this.live.delete(shown);
      onClick();
    });
    this.live.add(shown);
    if (this.live.size > 50) this.live.delete(this.live.values().next().value as NotificationLike);
    shown.show();
  }
}
