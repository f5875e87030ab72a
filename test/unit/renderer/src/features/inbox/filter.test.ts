/** The inbox's views with triage (renderer/src/features/inbox/filter.ts): done, pinned, marked unread, and the counts. */
import { describe, expect, it } from 'vitest';
import { countViews, isUnread, narrow, neighbourOf, NO_FILTER, type InboxView } from '../../../../../../renderer/src/features/inbox/filter';
import { chat, derive, HOUR, MIN, NOW, record, type Derived } from './triage-data';

const titles = (d: Derived, view: InboxView, filter: Partial<typeof NO_FILTER> = {}): string[] =>
  narrow(d.inbox.entries, { ...d.sources, filter: { ...NO_FILTER, ...filter, view }, query: null }).map((e) => e.title);

const counts = (d: Derived, filter: Partial<typeof NO_FILTER> = {}) => countViews(d.inbox.entries, { ...d.sources, filter: { ...NO_FILTER, ...filter } });

/** Ahmed (WhatsApp) waits 40 min with 2 unread; Sara (WhatsApp) waits 10 min; Huda (Telegram) has 1 unread; Omar and Lina are quiet. */
const chats = () => ({
  wa: [
    chat('ahmed', 'Ahmed', 5 * MIN, { unread: 2, activity: { lastIn: NOW - 5 * MIN, waitingSince: NOW - 40 * MIN } }),
    chat('sara', 'Sara', 10 * MIN, { activity: { lastIn: NOW - 10 * MIN, waitingSince: NOW - 10 * MIN } }),
    chat('omar', 'Omar', 3 * HOUR, { activity: { lastIn: NOW - 4 * HOUR, lastOut: NOW - 3 * HOUR } }),
  ],
  tg: [chat('huda', 'Huda', 20 * MIN, { unread: 1 }), chat('lina', 'Lina', 5 * HOUR)],
});

describe('done', () => {
  it('leaves All, Unread and Waiting, and Done lists it, the latest done first', () => {
    const d = derive(chats(), {
      'chat:wa:ahmed': record({ labels: ['preset-paid'], status: 'done', statusAt: NOW - MIN }),
      'chat:tg:lina': record({ status: 'done', statusAt: NOW - 2 * MIN }),
      'chat:wa:omar': record({ status: 'done', statusAt: NOW - 3 * HOUR }),
    });
    expect(titles(d, 'all')).toEqual(['Sara', 'Huda']);
    expect(titles(d, 'unread')).toEqual(['Huda']);
    expect(titles(d, 'waiting')).toEqual(['Sara']);
    expect(titles(d, 'done')).toEqual(['Ahmed', 'Lina', 'Omar']);
  });

  it('comes back, its labels kept, once the customer writes after it was done', () => {
    const records = { 'chat:wa:omar': record({ labels: ['preset-paid'], note: 'Two cartons', status: 'done', statusAt: NOW - 2 * HOUR }) };
    expect(titles(derive(chats(), records), 'all')).not.toContain('Omar');
    const wrote = chats();
    wrote.wa[2] = chat('omar', 'Omar', MIN, { unread: 1, activity: { lastIn: NOW - MIN, lastOut: NOW - 3 * HOUR, waitingSince: NOW - MIN } });
    const d = derive(wrote, records);
    expect(titles(d, 'all')).toEqual(['Omar', 'Ahmed', 'Sara', 'Huda', 'Lina']);
    expect(titles(d, 'done')).toEqual([]);
    expect(titles(d, 'waiting')).toEqual(['Ahmed', 'Sara', 'Omar']);
    const omar = d.inbox.entries.find((e) => e.title === 'Omar');
    if (omar === undefined) throw new Error('no Omar');
    expect(d.customers.view(omar).labels.map((l) => l.id)).toEqual(['preset-paid']);
    expect(d.customers.view(omar).record?.note).toBe('Two cartons');
  });

  it('is found under the key it was saved with, after its chats merged into one entry', () => {
    const merged = { wa: [chat('w', 'Nour', 5 * MIN, { phone: '+966501234567' })], tg: [chat('t', 'Nour T', 2 * MIN, { phone: '+966501234567' }), chat('lina', 'Lina', HOUR)] };
    // Saved under the Telegram chat before the phone number merged it with WhatsApp.
    const d = derive(merged, { 'chat:tg:t': record({ status: 'done', statusAt: NOW }) });
    expect(titles(d, 'all')).toEqual(['Lina']);
    expect(titles(d, 'done')).toEqual(['Nour T']);
    // Saved under the phone, the chats since linked as a person with another one: still pinned.
    const older = { wa: [chat('w', 'Nour', 5 * HOUR, { phone: '+966501234567' })], tg: [chat('t', 'Nour T', 4 * HOUR, { phone: '+966501234567' }), chat('z', 'Zaid', MIN)] };
    const person = [{ id: 'p1', chats: [{ serviceId: 'wa', chatId: 'w' }, { serviceId: 'tg', chatId: 't' }] }];
    expect(titles(derive(older, {}, person), 'all')[0]).toBe('Zaid');
    const linked = derive(older, { 'phone:+966501234567': record({ pinned: true }) }, person);
    expect(linked.inbox.entries.map((e) => e.key)).toEqual(['chat:tg:z', 'person:p1']);
    expect(titles(linked, 'all')).toEqual([linked.inbox.entries[1]?.title, 'Zaid']);
  });
});

describe('pinned', () => {
  it('comes first in All, after due reminders, in the inbox order; other views keep theirs', () => {
    const due = { at: NOW - MIN, setAt: NOW - HOUR, chat: { serviceId: 'tg', chatId: 'lina' }, title: 'Lina' };
    const d = derive(chats(), {
      'chat:wa:omar': record({ pinned: true }),
      'chat:wa:sara': record({ pinned: true }),
      'chat:tg:lina': record({ reminder: due }),
    });
    expect(titles(d, 'all')).toEqual(['Lina', 'Sara', 'Omar', 'Ahmed', 'Huda']);
    expect(titles(d, 'waiting')).toEqual(['Ahmed', 'Sara']);
  });

  it('does not bring back a pinned customer who is done or snoozed', () => {
    const later = { at: NOW + HOUR, setAt: NOW, chat: { serviceId: 'wa', chatId: 'sara' }, title: 'Sara' };
    const d = derive(chats(), {
      'chat:wa:omar': record({ pinned: true, status: 'done', statusAt: NOW }),
      'chat:wa:sara': record({ pinned: true, reminder: later }),
      'chat:tg:lina': record({ pinned: true }),
    });
    expect(titles(d, 'all')).toEqual(['Lina', 'Ahmed', 'Huda']);
    expect(titles(d, 'snoozed')).toEqual(['Sara']);
  });
});

describe('marked unread in Wasl', () => {
  it('is unread in the Unread view and in the counts, in the inbox order', () => {
    const d = derive(chats(), { 'chat:wa:omar': record({ unreadMark: NOW - MIN }) });
    expect(titles(d, 'unread')).toEqual(['Ahmed', 'Huda', 'Omar']);
    expect(counts(d).unread).toBe(3);
    const omar = d.inbox.entries.find((e) => e.title === 'Omar');
    const lina = d.inbox.entries.find((e) => e.title === 'Lina');
    if (omar === undefined || lina === undefined) throw new Error('missing');
    expect(isUnread(omar, d.customers.view(omar))).toBe(true);
    expect(isUnread(lina, d.customers.view(lina))).toBe(false);
    expect(omar.unread).toBe(0);
  });
});

describe('view counts', () => {
  it('count unread, waiting and snoozed, never done or snoozed customers in the first two', () => {
    const later = { at: NOW + HOUR, setAt: NOW - HOUR, chat: { serviceId: 'tg', chatId: 'huda' }, title: 'Huda' };
    expect(counts(derive(chats()))).toEqual({ unread: 2, waiting: 2, snoozed: 0 });
    const d = derive(chats(), {
      'chat:wa:ahmed': record({ status: 'done', statusAt: NOW }),
      'chat:tg:huda': record({ reminder: later }),
      'chat:tg:lina': record({ unreadMark: NOW }),
    });
    expect(counts(d)).toEqual({ unread: 1, waiting: 1, snoozed: 1 });
  });

  it('follow the platform and label chips', () => {
    const d = derive(chats(), { 'chat:wa:sara': record({ labels: ['preset-paid'] }) });
    expect(counts(d, { platform: 'telegram' })).toEqual({ unread: 1, waiting: 0, snoozed: 0 });
    expect(counts(d, { platform: 'whatsapp' })).toEqual({ unread: 1, waiting: 2, snoozed: 0 });
    expect(counts(d, { label: 'preset-paid' })).toEqual({ unread: 0, waiting: 1, snoozed: 0 });
  });

  it('count a thousand as a thousand (the chip shortens it)', () => {
    const many = Array.from({ length: 1000 }, (_, i) => chat(`c${i}`, `Customer ${i}`, i * MIN, { unread: 1 }));
    expect(counts(derive({ wa: many })).unread).toBe(1000);
  });
});

describe('the row after one that leaves', () => {
  it('is the next, or the one before at the end', () => {
    const d = derive(chats());
    const [a, b, c] = d.inbox.entries;
    if (a === undefined || b === undefined || c === undefined) throw new Error('missing');
    expect(neighbourOf([a, b, c], a)).toBe(b);
    expect(neighbourOf([a, b, c], c)).toBe(b);
    expect(neighbourOf([a], a)).toBeUndefined();
    expect(neighbourOf([a, b], c)).toBeUndefined();
  });
});
