import { describe, expect, it } from 'vitest';
import { buildInbox, type InboxInput } from '../../../common/inbox';
import type { ChatSummary, Person, ServiceConfig, ServiceSnapshot } from '../../../common/model';

const svc = (id: string, platform: ServiceConfig['platform'], enabled = true): ServiceConfig => ({
  id, platform, name: id, enabled, muted: false, callsAllowed: false,
});
const chat = (id: string, title: string, extra: Partial<ChatSummary> = {}): ChatSummary => ({ id, title, unread: 0, ...extra });
const snap = (chats: ChatSummary[], loggedIn = true): ServiceSnapshot => ({ loggedIn, unread: { direct: 0, indirect: 0 }, chats });
const T = Date.UTC(2026, 10, 21, 9, 0);

const services = [svc('wa', 'whatsapp'), svc('ig', 'instagram'), svc('tg', 'telegram')];

function inbox(snapshots: Record<string, ChatSummary[]>, people: Person[] = [], list = services): ReturnType<typeof buildInbox> {
  const input: InboxInput = { services: list, snapshots: Object.fromEntries(Object.entries(snapshots).map(([k, v]) => [k, snap(v)])), people };
  return buildInbox(input);
}

describe('buildInbox', () => {
  it('lists every chat of every service, newest activity first', () => {
    const entries = inbox({
      wa: [chat('a', 'Ahmed', { lastActivity: T - 5000, unread: 2, preview: 'hi' }), chat('b', 'Sara', { lastActivity: T - 100 })],
      ig: [chat('c', 'Omar', { lastActivity: T })],
    });
    expect(entries).toEqual([
      { key: 'chat:ig:c', title: 'Omar', chats: [{ serviceId: 'ig', chatId: 'c' }], unread: 0, lastActivity: T },
      { key: 'chat:wa:b', title: 'Sara', chats: [{ serviceId: 'wa', chatId: 'b' }], unread: 0, lastActivity: T - 100 },
      { key: 'chat:wa:a', title: 'Ahmed', chats: [{ serviceId: 'wa', chatId: 'a' }], unread: 2, lastActivity: T - 5000, preview: 'hi' },
    ]);
  });

  it('puts chats without a time after the others, in sidebar then page order', () => {
    const entries = inbox({
      tg: [chat('t1', 'T1')],
      wa: [chat('w1', 'W1'), chat('w2', 'W2', { lastActivity: T })],
      ig: [chat('i1', 'I1')],
    });
    expect(entries.map((e) => e.key)).toEqual(['chat:wa:w2', 'chat:wa:w1', 'chat:ig:i1', 'chat:tg:t1']);
  });

  it('merges chats whose phones are the same number, summing unread, newest preview first', () => {
    const entries = inbox({
      wa: [chat('966501234567@c.us', 'Ahmed Hassan', { phone: '+966501234567', lastActivity: T - 60_000, unread: 2, preview: 'old' })],
      tg: [chat('777', 'أحمد حسن', { phone: '+966501234567', lastActivity: T, unread: 1, preview: 'new' })],
      ig: [chat('x', 'Someone else', { lastActivity: T - 1 })],
    });
    expect(entries[0]).toEqual({
      key: 'phone:+966501234567',
      title: 'أحمد حسن',
      chats: [{ serviceId: 'tg', chatId: '777' }, { serviceId: 'wa', chatId: '966501234567@c.us' }],
      unread: 3,
      lastActivity: T,
      preview: 'new',
    });
    expect(entries).toHaveLength(2);
  });

  it('never merges by name alone: the same name without a phone stays separate', () => {
    const entries = inbox({ wa: [chat('a', 'Ahmed')], ig: [chat('b', 'Ahmed')] });
    expect(entries.map((e) => e.key)).toEqual(['chat:wa:a', 'chat:ig:b']);
  });

  it('merges chats the user linked, under the person’s name, and counts marked-unread as one', () => {
    const person: Person = { id: 'p1', displayName: 'Ahmed (customer)', chats: [{ serviceId: 'wa', chatId: 'a' }, { serviceId: 'ig', chatId: 'b' }] };
    const entries = inbox({ wa: [chat('a', 'Ahmed', { unread: -1, lastActivity: T })], ig: [chat('b', 'ahmed.h', { unread: 4 })] }, [person]);
    expect(entries).toEqual([
      { key: 'person:p1', title: 'Ahmed (customer)', personId: 'p1', chats: [{ serviceId: 'wa', chatId: 'a' }, { serviceId: 'ig', chatId: 'b' }], unread: 5, lastActivity: T },
    ]);
  });

  it('a chat linked to a person pulls in the chats sharing its phone', () => {
    const person: Person = { id: 'p1', chats: [{ serviceId: 'ig', chatId: 'b' }, { serviceId: 'wa', chatId: 'a' }] };
    const entries = inbox({
      wa: [chat('a', 'Ahmed', { phone: '+966501234567' })],
      ig: [chat('b', 'ahmed.h')],
      tg: [chat('c', 'A. Hassan', { phone: '+966501234567' })],
    }, [person]);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.key).toBe('person:p1');
    expect(entries[0]?.chats).toHaveLength(3);
  });

  it('keeps apart two people the user separated, even with the same phone (an unlink)', () => {
    const people: Person[] = [
      { id: 'p1', chats: [{ serviceId: 'wa', chatId: 'a' }] },
      { id: 'p2', chats: [{ serviceId: 'tg', chatId: 'c' }] },
    ];
    const entries = inbox({ wa: [chat('a', 'Shop phone', { phone: '+966501234567' })], tg: [chat('c', 'Owner', { phone: '+966501234567' })] }, people);
    expect(entries.map((e) => e.key).sort()).toEqual(['person:p1', 'person:p2']);
  });

  it('a person the user split off never merges by phone, while a linked person still pulls its phone in', () => {
    const snapshots = {
      wa: [chat('a', 'Shop line', { phone: '+966501234567' })],
      tg: [chat('c', 'Owner', { phone: '+966501234567' })],
    };
    expect(inbox(snapshots, [{ id: 'p2', chats: [{ serviceId: 'tg', chatId: 'c' }], alone: true }])).toHaveLength(2);
    expect(inbox(snapshots, [{ id: 'p2', chats: [{ serviceId: 'tg', chatId: 'c' }] }])).toHaveLength(1);
  });

  it('a chat split off by the user leaves the others sharing its phone merged, even when it comes first', () => {
    // What unlinking one chat of a phone group does: it becomes an `alone` person. The rest stay one entry.
    const snapshots = {
      wa: [chat('a', 'Shop line', { phone: '+966501234567', lastActivity: T })],
      ig: [chat('b', 'Ahmed', { phone: '+966501234567', lastActivity: T - 1 })],
      tg: [chat('c', 'أحمد', { phone: '+966501234567', lastActivity: T - 2 })],
    };
    const entries = inbox(snapshots, [{ id: 'p2', chats: [{ serviceId: 'wa', chatId: 'a' }], alone: true }]);
    expect(entries.map((e) => [e.key, e.chats.map((c) => c.chatId)])).toEqual([
      ['person:p2', ['a']],
      ['phone:+966501234567', ['b', 'c']],
    ]);
  });

  it('leaves out disabled and logged-out services, and links to chats that are not there', () => {
    const list = [svc('wa', 'whatsapp', false), svc('ig', 'instagram'), svc('tg', 'telegram')];
    const input: InboxInput = {
      services: list,
      snapshots: { wa: snap([chat('a', 'A')]), ig: snap([chat('b', 'B')], false), tg: snap([chat('c', 'C')]) },
      people: [{ id: 'p1', chats: [{ serviceId: 'wa', chatId: 'a' }, { serviceId: 'tg', chatId: 'gone' }] }],
    };
    expect(buildInbox(input).map((e) => e.key)).toEqual(['chat:tg:c']);
  });

  it('is pure: the same input twice gives equal output, and the input is not changed', () => {
    const input: InboxInput = {
      services,
      snapshots: { wa: snap([chat('a', 'A', { phone: '+966501234567' })]), tg: snap([chat('c', 'C', { phone: '+966501234567' })]) },
      people: [],
    };
    const frozen = JSON.stringify(input);
    expect(buildInbox(input)).toEqual(buildInbox(input));
    expect(JSON.stringify(input)).toBe(frozen);
  });
});
