import { afterEach, describe, expect, it } from 'vitest';
import type { ChatSummary } from '../../../../common/model';
import { NOTICE_MATCH_MS, noticeChat, observeChat, publicActivity, replyWindowEnd, type TrackedChat } from '../../../../common/shop/activity';
import { buildReport, countEvent, dayKey, daysBetween, KEEP_DAYS, median, pruneDays, type DailyStats } from '../../../../common/shop/stats';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = new Date(2026, 10, 21, 10, 0).getTime();
const chat = (lastActivity: number | undefined, unread: number, extra: Partial<ChatSummary> = {}): ChatSummary => ({
  id: 'c1',
  title: 'Ahmed',
  unread,
  ...(lastActivity === undefined ? {} : { lastActivity }),
  ...extra,
});

/** Feeds the chat list's states one after another; answers the record and the events. */
function follow(steps: { chat: ChatSummary; now: number; notice?: boolean }[]) {
  let tracked: TrackedChat | undefined;
  const events: unknown[] = [];
  for (const step of steps) {
    const result = step.notice === true ? noticeChat(tracked, step.now) : observeChat(tracked, step.chat, step.now);
    tracked = result.tracked;
    if (result.event) events.push(result.event);
  }
  return { tracked: tracked as TrackedChat, events };
}

describe('who wrote last', () => {
  it('starts a chat seen for the first time with no event; unread means the customer waits since its last activity', () => {
    expect(observeChat(undefined, chat(T0 - HOUR, 0), T0)).toEqual({ tracked: { first: T0 - HOUR, seen: T0 - HOUR, unread: 0 } });
    expect(observeChat(undefined, chat(T0 - HOUR, 2), T0)).toEqual({
      tracked: { first: T0 - HOUR, seen: T0 - HOUR, unread: 2, lastIn: T0 - HOUR, waitingSince: T0 - HOUR },
    });
    expect(observeChat(undefined, chat(undefined, 0), T0).tracked).toEqual({ first: T0, unread: 0 });
  });

  it('counts the customer’s messages when the unread count rises, and waits from the first of them', () => {
    const { tracked, events } = follow([
      { chat: chat(T0, 0), now: T0 },
      { chat: chat(T0 + MIN, 1), now: T0 + MIN },
      { chat: chat(T0 + 3 * MIN, 3), now: T0 + 3 * MIN },
    ]);
    expect(events).toEqual([
      { kind: 'in', at: T0 + MIN, messages: 1 },
      { kind: 'in', at: T0 + 3 * MIN, messages: 2 },
    ]);
    expect(publicActivity(tracked)).toEqual({ first: T0, lastIn: T0 + 3 * MIN, waitingSince: T0 + MIN });
  });

  it('reads the chat moving on while it stays read as the shop’s answer, with the time it took', () => {
    const { tracked, events } = follow([
      { chat: chat(T0, 0), now: T0 },
      { chat: chat(T0 + MIN, 1), now: T0 + MIN },
      // The owner opens the chat: read, nothing new.
      { chat: chat(T0 + MIN, 0), now: T0 + 5 * MIN },
      { chat: chat(T0 + 20 * MIN, 0), now: T0 + 20 * MIN },
    ]);
    expect(events).toEqual([
      { kind: 'in', at: T0 + MIN, messages: 1 },
      { kind: 'out', at: T0 + 20 * MIN, replyMs: 19 * MIN },
    ]);
    expect(publicActivity(tracked)).toEqual({ first: T0, lastIn: T0 + MIN, lastOut: T0 + 20 * MIN });
  });

  it('keeps the customer waiting when the chat is only read, not answered', () => {
    const { tracked, events } = follow([
      { chat: chat(T0, 2), now: T0 },
      { chat: chat(T0, 0), now: T0 + HOUR },
    ]);
    expect(events).toEqual([]);
    expect(tracked.waitingSince).toBe(T0);
  });

  it('takes a notification as the customer writing, and the list change that follows as the same message', () => {
    // The chat is open in front: the page notifies, but the unread count never rises.
    const { tracked, events } = follow([
      { chat: chat(T0, 0), now: T0 },
      { chat: chat(T0, 0), now: T0 + MIN, notice: true },
      { chat: chat(T0 + MIN, 0), now: T0 + MIN + 500 },
      // A minute later the owner answers.
      { chat: chat(T0 + 2 * MIN, 0), now: T0 + 2 * MIN },
    ]);
    expect(events).toEqual([
      { kind: 'in', at: T0 + MIN, messages: 1 },
      { kind: 'in', at: T0 + MIN, messages: 0 },
      { kind: 'out', at: T0 + 2 * MIN, replyMs: MIN },
    ]);
    expect(tracked.waitingSince).toBeUndefined();
  });

  it('does not count a message twice when the list showed it before its notification', () => {
    const { events } = follow([
      { chat: chat(T0, 0), now: T0 },
      { chat: chat(T0 + MIN, 1), now: T0 + MIN },
      { chat: chat(T0 + MIN, 1), now: T0 + MIN + 300, notice: true },
      // An answer right after must still read as an answer.
      { chat: chat(T0 + 90_000, 0), now: T0 + 90_000 },
    ]);
    expect(events).toEqual([
      { kind: 'in', at: T0 + MIN, messages: 1 },
      { kind: 'out', at: T0 + 90_000, replyMs: 30_000 },
    ]);
  });

  it('forgets a notification the list never followed after a while', () => {
    const { events } = follow([
      { chat: chat(T0, 0), now: T0 },
      { chat: chat(T0, 0), now: T0 + MIN, notice: true },
      { chat: chat(T0 + 10 * MIN, 0), now: T0 + MIN + NOTICE_MATCH_MS + 1 },
    ]);
    expect(events).toEqual([
      { kind: 'in', at: T0 + MIN, messages: 1 },
      { kind: 'out', at: T0 + 10 * MIN, replyMs: 9 * MIN },
    ]);
  });

  it('counts a move while the chat stays unread as one more message (a count of chats, not messages)', () => {
    const { events } = follow([
      { chat: chat(T0, 1), now: T0 },
      { chat: chat(T0 + MIN, 1), now: T0 + MIN },
    ]);
    expect(events).toEqual([{ kind: 'in', at: T0 + MIN, messages: 1 }]);
  });

  it('treats "marked unread" as no news, and keeps the same record when nothing moved', () => {
    const first = observeChat(undefined, chat(T0, 0), T0).tracked;
    const marked = observeChat(first, chat(T0, -1), T0 + MIN);
    expect(marked).toEqual({ tracked: first });
    expect(marked.tracked).toBe(first);
  });

  it('never lets an older time move the chat back', () => {
    const { tracked, events } = follow([
      { chat: chat(T0, 0), now: T0 },
      { chat: chat(T0 - HOUR, 0), now: T0 + MIN },
    ]);
    expect(events).toEqual([]);
    expect(tracked.seen).toBe(T0);
  });
});

describe('the reply window', () => {
  it('closes 24 hours after the customer’s last message on WhatsApp, Messenger and Instagram only', () => {
    const activity = { first: T0, lastIn: T0 + HOUR };
    expect(replyWindowEnd('whatsapp', activity)).toBe(T0 + 25 * HOUR);
    expect(replyWindowEnd('messenger', activity)).toBe(T0 + 25 * HOUR);
    expect(replyWindowEnd('instagram', activity)).toBe(T0 + 25 * HOUR);
    expect(replyWindowEnd('telegram', activity)).toBeUndefined();
    expect(replyWindowEnd('whatsapp', { first: T0 })).toBeUndefined();
    expect(replyWindowEnd('whatsapp', undefined)).toBeUndefined();
  });
});

describe('daily counts and the report', () => {
  const realTz = process.env['TZ'];
  afterEach(() => {
    if (realTz === undefined) delete process.env['TZ'];
    else process.env['TZ'] = realTz;
  });

  it('names local days', () => {
    expect(dayKey(new Date(2026, 0, 5, 23, 59).getTime())).toBe('2026-01-05');
    process.env['TZ'] = 'Asia/Riyadh';
    expect(dayKey(Date.UTC(2026, 10, 21, 21, 30))).toBe('2026-11-22');
    process.env['TZ'] = 'America/New_York';
    expect(dayKey(Date.UTC(2026, 10, 21, 21, 30))).toBe('2026-11-21');
  });

  it('lists the days of a period, across a daylight-saving change', () => {
    process.env['TZ'] = 'Europe/London';
    expect(daysBetween(new Date(2026, 2, 28, 12).getTime(), new Date(2026, 2, 30, 1).getTime())).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
  });

  it('counts conversations once a day, messages each way and reply times, per platform', () => {
    let daily: DailyStats = {};
    const day1 = new Date(2026, 10, 20, 9).getTime();
    daily = countEvent(daily, 'whatsapp', 'wa\u0000c1', { kind: 'in', at: day1, messages: 2 });
    daily = countEvent(daily, 'whatsapp', 'wa\u0000c1', { kind: 'in', at: day1 + HOUR, messages: 1 });
    daily = countEvent(daily, 'whatsapp', 'wa\u0000c1', { kind: 'out', at: day1 + 2 * HOUR, replyMs: 2 * HOUR });
    daily = countEvent(daily, 'whatsapp', 'wa\u0000c2', { kind: 'in', at: day1, messages: 1 });
    daily = countEvent(daily, 'instagram', 'ig\u0000c3', { kind: 'out', at: day1 });
    daily = countEvent(daily, 'whatsapp', 'wa\u0000c1', { kind: 'out', at: day1 + 26 * HOUR, replyMs: 10 * MIN });
    expect(daily).toEqual({
      '2026-11-20': {
        whatsapp: { chats: ['wa\u0000c1', 'wa\u0000c2'], messagesIn: 4, messagesOut: 1, replies: [2 * HOUR] },
        instagram: { chats: [], messagesIn: 0, messagesOut: 1, replies: [] },
      },
      '2026-11-21': { whatsapp: { chats: [], messagesIn: 0, messagesOut: 1, replies: [10 * MIN] } },
    });

    const report = buildReport(daily, new Date(2026, 10, 19).getTime(), new Date(2026, 10, 21, 18).getTime());
    expect(report.days).toEqual(['2026-11-19', '2026-11-20', '2026-11-21']);
    expect(report.platforms.map((p) => [p.platform, p.conversations, p.messages, p.medianReplyMs])).toEqual([
      ['instagram', 0, 1, undefined],
      ['whatsapp', 2, 6, (2 * HOUR + 10 * MIN) / 2],
    ]);
    expect(report.platforms[1]?.days).toEqual([
      { day: '2026-11-19', conversations: 0, messagesIn: 0, messagesOut: 0 },
      { day: '2026-11-20', conversations: 2, messagesIn: 4, messagesOut: 1 },
      { day: '2026-11-21', conversations: 0, messagesIn: 0, messagesOut: 1 },
    ]);
    expect([report.conversations, report.messages, report.medianReplyMs]).toEqual([2, 7, (2 * HOUR + 10 * MIN) / 2]);
  });

  it('reports an empty period as empty', () => {
    const report = buildReport({}, T0, T0 + HOUR);
    expect(report).toEqual({ days: [dayKey(T0)], platforms: [], conversations: 0, messages: 0 });
  });

  it('takes the median of odd and even counts, and of none', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });

  it('keeps only the newest days, and the same object when nothing is old', () => {
    const now = new Date(2026, 10, 21, 12).getTime();
    const old = dayKey(new Date(2026, 10, 21 - KEEP_DAYS).getTime());
    const kept = dayKey(new Date(2026, 10, 21 - (KEEP_DAYS - 1)).getTime());
    const daily: DailyStats = { [old]: {}, [kept]: {}, '2026-11-21': {} };
    expect(Object.keys(pruneDays(daily, now)).sort()).toEqual([kept, '2026-11-21']);
    const fresh: DailyStats = { [kept]: {} };
    expect(pruneDays(fresh, now)).toBe(fresh);
  });
});
