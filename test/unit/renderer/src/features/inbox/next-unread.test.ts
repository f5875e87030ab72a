/** Which chat "Next unread" opens (renderer/src/features/inbox/next-unread.ts). */
import { describe, expect, it } from 'vitest';
import { nextUnread } from '../../../../../../renderer/src/features/inbox/next-unread';
import { chat, derive, HOUR, MIN, NOW, record, type Derived } from './triage-data';

const next = (d: Derived, current: string | null = null, cycling = false) => {
  const found = nextUnread(d.sources, current, cycling);
  return found === undefined ? undefined : { title: found.entry.title, chat: `${found.chat.serviceId}/${found.chat.chatId}` };
};

/** Sara (Telegram) has waited 3 hours, Ahmed (WhatsApp) 2 hours, Huda (WhatsApp) 10 minutes; Omar is unread, not waiting. */
const waiting = () => ({
  wa: [
    chat('huda', 'Huda', 10 * MIN, { unread: 1, activity: { lastIn: NOW - 10 * MIN, waitingSince: NOW - 10 * MIN } }),
    chat('ahmed', 'Ahmed', 20 * MIN, { unread: 3, activity: { lastIn: NOW - 20 * MIN, waitingSince: NOW - 2 * HOUR } }),
    chat('omar', 'Omar', 5 * HOUR, { unread: 1 }),
  ],
  tg: [chat('sara', 'Sara', HOUR, { activity: { lastIn: NOW - HOUR, waitingSince: NOW - 3 * HOUR } })],
});

describe('next unread', () => {
  it('opens whoever has waited longest, across platforms, passing over the selected one', () => {
    const d = derive(waiting());
    expect(next(d)).toEqual({ title: 'Sara', chat: 'tg/sara' });
    expect(next(d, d.keyOf('Sara'))).toEqual({ title: 'Ahmed', chat: 'wa/ahmed' });
    // Selected some other way (a click, the page): the longest waiting comes first still.
    expect(next(d, d.keyOf('Huda'))).toEqual({ title: 'Sara', chat: 'tg/sara' });
    expect(next(d, 'chat:tg:nobody')).toEqual({ title: 'Sara', chat: 'tg/sara' });
  });

  it('pressed again from where it went, goes on through the waiting then the unread, then back to the first', () => {
    const d = derive(waiting());
    expect(next(d, d.keyOf('Sara'), true)).toEqual({ title: 'Ahmed', chat: 'wa/ahmed' });
    expect(next(d, d.keyOf('Ahmed'), true)).toEqual({ title: 'Huda', chat: 'wa/huda' });
    expect(next(d, d.keyOf('Huda'), true)).toEqual({ title: 'Omar', chat: 'wa/omar' });
    expect(next(d, d.keyOf('Omar'), true)).toEqual({ title: 'Sara', chat: 'tg/sara' });
  });

  it('skips customers marked done and those snoozed', () => {
    const snooze = { at: NOW + HOUR, setAt: NOW - MIN, chat: { serviceId: 'wa', chatId: 'ahmed' }, title: 'Ahmed' };
    const d = derive(waiting(), { 'chat:tg:sara': record({ status: 'done', statusAt: NOW }), 'chat:wa:ahmed': record({ reminder: snooze }) });
    expect(next(d)).toEqual({ title: 'Huda', chat: 'wa/huda' });
  });

  it('when nobody waits, opens the chat unread the longest, a mark in Wasl counting; when none, nothing', () => {
    const quiet = {
      wa: [chat('huda', 'Huda', 10 * MIN, { unread: 1 }), chat('omar', 'Omar', 5 * HOUR, { unread: 1 }), chat('lina', 'Lina', 9 * HOUR)],
      tg: [chat('sara', 'Sara', HOUR)],
    };
    expect(next(derive(quiet))).toEqual({ title: 'Omar', chat: 'wa/omar' });
    expect(next(derive(quiet, { 'chat:wa:lina': record({ unreadMark: NOW - MIN }) }))).toEqual({ title: 'Lina', chat: 'wa/lina' });
    const read = { wa: [chat('huda', 'Huda', 10 * MIN)], tg: [chat('sara', 'Sara', HOUR)] };
    expect(next(derive(read))).toBeUndefined();
    expect(next(derive({}))).toBeUndefined();
  });

  it('stays on the one chat there is when it is the selected one', () => {
    const d = derive({ wa: [chat('huda', 'Huda', 10 * MIN, { unread: 1 })] });
    expect(next(d, d.keyOf('Huda'))).toEqual({ title: 'Huda', chat: 'wa/huda' });
    expect(next(d, d.keyOf('Huda'), true)).toEqual({ title: 'Huda', chat: 'wa/huda' });
  });

  it('opens the chat of a person that waits, not merely the newest', () => {
    const person = [{ id: 'p1', chats: [{ serviceId: 'wa', chatId: 'a' }, { serviceId: 'tg', chatId: 'b' }] }];
    const d = derive(
      {
        wa: [chat('a', 'Nour', 2 * MIN, { activity: { lastIn: NOW - 3 * HOUR, lastOut: NOW - 2 * MIN } })],
        tg: [chat('b', 'Nour T', HOUR, { activity: { lastIn: NOW - HOUR, waitingSince: NOW - HOUR } })],
      },
      {},
      person,
    );
    expect(d.inbox.entries).toHaveLength(1);
    expect(next(d)?.chat).toBe('tg/b');
  });
});
