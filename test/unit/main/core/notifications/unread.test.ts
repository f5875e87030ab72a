/** The unread total kept between changes, and the newest unread notifications for the tray (main/core/notifications/unread.ts). */
import { describe, expect, it } from 'vitest';
import type { NotificationRecord } from '../../../../../common/model';
import { initialRuntime } from '../../../../../common/state';
import { latestUnread, memoUnreadTotal } from '../../../../../main/core/notifications/unread';
import { stateOf } from '../../../../fakes/state';
import { chat, input, service } from '../../../../support/unread-input';

describe('memoUnreadTotal', () => {
  it('computes again only when services, runtime or the setting change', () => {
    let reads = 0;
    const total = memoUnreadTotal((id) => {
      reads += 1;
      return id === 'a' ? [chat('a1', 1)] : undefined;
    });
    const first = input('chats', [service('a')], { a: 1 });
    expect(total(first)).toBe(1);
    expect(total({ ...first })).toBe(1);
    expect(reads).toBe(1);
    expect(total({ ...first, runtime: { a: { ...initialRuntime(true), unread: 2 } } })).toBe(1);
    expect(reads).toBe(2);
    expect(total({ ...first, settings: { ...first.settings, unreadCount: 'messages' } })).toBe(1);
    expect(total({ ...first, services: [service('a', { muted: true })] })).toBe(0);
  });
});

describe('latestUnread', () => {
  const record = (id: string, serviceId: string, read = false): NotificationRecord => ({ id, serviceId, title: `T ${id}`, at: 0, read });

  it('lists the newest unread notifications first, with their service’s name, at most `limit`', () => {
    const state = stateOf({
      services: [service('a', { name: 'Shop' }), service('b', { name: 'Telegram' })],
      notifications: [record('1', 'a'), record('2', 'b'), record('3', 'a', true), record('4', 'gone'), record('5', 'b'), record('6', 'a')],
    });
    expect(latestUnread(state, 3)).toEqual([
      { id: '6', title: 'T 6', serviceName: 'Shop' },
      { id: '5', title: 'T 5', serviceName: 'Telegram' },
      { id: '2', title: 'T 2', serviceName: 'Telegram' },
    ]);
    expect(latestUnread(state, 10).map((n) => n.id)).toEqual(['6', '5', '2', '1']);
    expect(latestUnread(stateOf(), 5)).toEqual([]);
  });
});
