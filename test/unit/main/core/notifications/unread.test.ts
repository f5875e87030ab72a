/** The unread total kept between changes, and the newest unread notifications for the tray (main/core/notifications/unread.ts). */
import { describe, expect, it } from 'vitest';
import type { ChatSummary, NotificationRecord, ServiceConfig } from '../../../../../common/model';
import { DEFAULT_SETTINGS } from '../../../../../common/settings';
import { initialRuntime, type ServiceRuntime } from '../../../../../common/state';
import type { UnreadInput } from '../../../../../common/unread';
import { latestUnread, memoUnreadTotal } from '../../../../../main/core/notifications/unread';
import { stateOf } from '../../../../fakes/state';

const service = (id: string, extra: Partial<ServiceConfig> = {}): ServiceConfig => ({
  id,
  platform: 'whatsapp',
  name: `Service ${id}`,
  enabled: true,
  muted: false,
  callsAllowed: false,
  ...extra,
});

const runtime = (unread: number): ServiceRuntime => ({ ...initialRuntime(true), unread });

const chat = (id: string, unread: number, muted?: boolean): ChatSummary => ({ id, title: id, unread, ...(muted === undefined ? {} : { muted }) });

function input(unreadCount: 'messages' | 'chats', services: ServiceConfig[], unread: Record<string, number>): UnreadInput {
  return {
    services,
    runtime: Object.fromEntries(Object.entries(unread).map(([id, n]) => [id, runtime(n)])),
    settings: { ...DEFAULT_SETTINGS, unreadCount },
  };
}

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
    expect(total({ ...first, runtime: { a: runtime(2) } })).toBe(1);
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
