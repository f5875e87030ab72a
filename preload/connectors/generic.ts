/**
 * The generic reader: the unread count from the page title's `(N)`. It is the whole connector for custom
 * services and the fallback of every platform whose own hooks find nothing.
 */
import type { Connector } from './types';
import { titleUnread } from '../../common/title';

export const genericConnector: Connector = {
  platform: 'custom',
  read(win) {
    const direct = titleUnread(win.document.title);
    return Promise.resolve({ loggedIn: true, unread: { direct, indirect: 0 }, chats: [] });
  },
};
