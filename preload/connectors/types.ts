import type { PlatformId, ServiceSnapshot } from '../../common/model';

/** Reads one platform's web client. Pure DOM/IndexedDB code: it runs the same in a service view and a test page. */
export interface Connector {
  platform: PlatformId;
  read(win: Window): Promise<ServiceSnapshot>;
  openChat?(win: Window, chatId: string): Promise<boolean>;
  insertText?(win: Window, text: string): Promise<boolean>;
}
